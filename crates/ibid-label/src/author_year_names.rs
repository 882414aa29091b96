//! Co-authors read as the title in an author-year reference. In "Bender,
//! Rolf und Rolf Schumacher, 1980: Erfolgsbarrieren vor Gericht" the model
//! ends the author at "Bender," (the repeated "Rolf" looks like no name
//! list it learned) and reads "Rolf und Rolf Schumacher, 1980: …" as the
//! title. When a title right after the author opens with capitalised names
//! joined by "und"/"and"/"&"/"et", then the year and a colon or full stop,
//! the names join the author, the year is the date and the title begins
//! after it.

use crate::LabelledSpan;
use ibid_model::Label;
use std::ops::Range;

/// Words that join two names.
const JOINERS: &[&str] = &["und", "and", "&", "et", "u.", "e", "y"];

/// Whether `words` are the rest of an inverted name list: the first
/// author's given names or initials (one or two words), a joiner, and one
/// more author written given name first (two to four words), all
/// capitalised ("Rolf und Rolf Schumacher", "J. and M. Jones"; "War and
/// Peace" is a title).
fn is_name_list(words: &[&str]) -> bool {
    let Some(j) = words.iter().position(|w| JOINERS.contains(w)) else {
        return false;
    };
    let name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '’' | '\''))
            && (!w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
    };
    (1..=2).contains(&j)
        && (2..=4).contains(&(words.len() - j - 1))
        && words[..j].iter().all(name_word)
        && words[j + 1..].iter().all(name_word)
}

/// The year after the names: ", 1980:" or " (1980):" (also with a full
/// stop, and a letter "1980a"), as the byte range of the year and the
/// offset where the title starts, within `s`.
fn year_after_names(s: &str) -> Option<(usize, Range<usize>, usize)> {
    let b = s.as_bytes();
    let limit = s.len().min(100);
    for i in 0..limit.saturating_sub(4) {
        if !b[i..i + 4].iter().all(u8::is_ascii_digit) || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let before = &s[..i];
        let (names_end, paren) = if let Some(n) = before.strip_suffix(", ") {
            (n.len(), false)
        } else if let Some(n) = before.strip_suffix(" (") {
            (n.len(), true)
        } else {
            continue;
        };
        let mut end = i + 4;
        if b.get(end).is_some_and(u8::is_ascii_lowercase) {
            end += 1;
        }
        let mut after = end;
        if paren {
            if b.get(after) != Some(&b')') {
                return None;
            }
            after += 1;
        }
        if !matches!(b.get(after), Some(b':' | b'.')) {
            return None;
        }
        after += 1;
        while b.get(after) == Some(&b' ') {
            after += 1;
        }
        return Some((names_end, i..end, after));
    }
    None
}

/// Moves the names at the head of the title to the author and the year to
/// the date (see the module docs).
pub(crate) fn names_before_year(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Date) {
        names_as_title_before_year(text, fields);
        return;
    }
    let Some(i) = fields.iter().position(|f| f.label == Label::Author) else {
        return;
    };
    let Some(next) = fields.get(i + 1) else {
        return;
    };
    let gap = text
        .get(fields[i].range.end..next.range.start)
        .unwrap_or("");
    if next.label != Label::Title || gap.trim() != "," {
        return;
    }
    let title = next.range.clone();
    let Some(s) = text.get(title.clone()) else {
        return;
    };
    let Some((names_end, year, after)) = year_after_names(s) else {
        return;
    };
    let words: Vec<&str> = s[..names_end].split_whitespace().collect();
    if !is_name_list(&words) || after >= s.len() {
        return;
    }
    fields[i].range.end = title.start + names_end;
    fields[i + 1].range.start = title.start + after;
    let date = LabelledSpan {
        label: Label::Date,
        range: title.start + year.start..title.start + year.end,
    };
    fields.insert(i + 1, date);
}

/// The same names read as the whole title, the year as the date and the
/// real title as a container ("Bender" | "Rolf und Rolf Schumacher" |
/// "1980" | "Erfolgsbarrieren vor Gericht"): the names join the author and
/// the container is the title.
fn names_as_title_before_year(text: &str, fields: &mut Vec<LabelledSpan>) {
    let Some(i) = fields.iter().position(|f| f.label == Label::Author) else {
        return;
    };
    let (Some(title), Some(date)) = (fields.get(i + 1), fields.get(i + 2)) else {
        return;
    };
    let gap = |a: &Range<usize>, b: &Range<usize>| text.get(a.end..b.start).unwrap_or("");
    if title.label != Label::Title
        || date.label != Label::Date
        || gap(&fields[i].range, &title.range).trim() != ","
        || !matches!(gap(&title.range, &date.range), ", " | " (")
    {
        return;
    }
    let Some(names) = text.get(title.range.clone()) else {
        return;
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    // no title but these names and, maybe, the one after the year
    let others = fields
        .iter()
        .enumerate()
        .filter(|(k, f)| f.label == Label::Title && *k != i + 1 && *k != i + 3)
        .count();
    if !is_name_list(&words) || others != 0 {
        return;
    }
    fields[i].range.end = title.range.end;
    fields.remove(i + 1);
    if let Some(host) = fields.get_mut(i + 2) {
        if host.label == Label::ContainerTitle {
            host.label = Label::Title;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, author: &str) -> Vec<String> {
        let a = text.find(author).unwrap();
        let t = a + author.len() + 2;
        let mut fields = vec![
            LabelledSpan {
                label: Label::Author,
                range: a..a + author.len(),
            },
            LabelledSpan {
                label: Label::Title,
                range: t..text.len(),
            },
        ];
        names_before_year(text, &mut fields);
        fields
            .iter()
            .map(|f| format!("{}={}", f.label, &text[f.range.clone()]))
            .collect()
    }

    #[test]
    fn names_and_year_leave_the_title() {
        assert_eq!(
            apply(
                "Bender, Rolf und Rolf Schumacher, 1980: Erfolgsbarrieren vor Gericht",
                "Bender"
            ),
            [
                "author=Bender, Rolf und Rolf Schumacher",
                "date=1980",
                "title=Erfolgsbarrieren vor Gericht"
            ]
        );
        assert_eq!(
            apply("Smith, J. and M. Jones (1980a). The Title of It", "Smith"),
            [
                "author=Smith, J. and M. Jones",
                "date=1980a",
                "title=The Title of It"
            ]
        );
    }

    #[test]
    fn names_read_as_the_title_join_the_author() {
        let text =
            "Bender, Rolf und Rolf Schumacher, 1980: Erfolgsbarrieren vor Gericht. Tübingen.";
        let span = |label, s: &str| {
            let a = text.find(s).unwrap();
            LabelledSpan {
                label,
                range: a..a + s.len(),
            }
        };
        let mut fields = vec![
            span(Label::Author, "Bender"),
            span(Label::Title, "Rolf und Rolf Schumacher"),
            span(Label::Date, "1980"),
            span(Label::ContainerTitle, "Erfolgsbarrieren vor Gericht"),
            span(Label::Location, "Tübingen"),
        ];
        names_before_year(text, &mut fields);
        let out: Vec<String> = fields
            .iter()
            .map(|f| format!("{}={}", f.label, &text[f.range.clone()]))
            .collect();
        assert_eq!(
            out,
            [
                "author=Bender, Rolf und Rolf Schumacher",
                "date=1980",
                "title=Erfolgsbarrieren vor Gericht",
                "location=Tübingen"
            ]
        );
    }

    #[test]
    fn titles_stay() {
        for (text, author) in [
            // a title that names people
            ("Weber, Marx und die Folgen, 1980: eine Bilanz", "Weber"),
            ("Smith, War and Peace, 1812. London", "Smith"),
            // no joiner: one more name, or a title
            ("Smith, John Jones, 1980: The Title", "Smith"),
            // no colon or full stop after the year
            ("Smith, Jones and Brown, 1980, The Title", "Smith"),
        ] {
            let out = apply(text, author);
            assert_eq!(out.len(), 2, "{text}: {out:?}");
        }
    }
}
