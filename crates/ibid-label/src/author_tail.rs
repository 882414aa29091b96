//! A title run on into the author list. In "LeCun, Y., Bengio, Y. &
//! Hinton, G. Deep learning. Nature, 521(7553)" the model reads "Deep
//! learning" as more of the last author: after "Family, I." it expects more
//! names. When a reference has no title, and the words after the last
//! author's initials read as a title (a capitalised word, then lower-case
//! words that are no name particles), those words are the title.

use crate::dict::Dict;
use crate::name_words::{in_name, is_initials, split_author_title, NO_TITLE_WORDS};
use crate::spans::normalise_span;
use crate::LabelledSpan;
use ibid_model::Label;

/// Splits the last author span when its tail reads as the missing title
/// (see the module docs).
pub(crate) fn title_after_last_initials(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Title) {
        return;
    }
    let Some(i) = fields.iter().rposition(|f| f.label == Label::Author) else {
        return;
    };
    let range = fields[i].range.clone();
    let Some(span) = text.get(range.clone()) else {
        return;
    };
    // words with their byte offsets in the span
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in span.split(' ') {
        if !w.is_empty() {
            words.push((at, w));
        }
        at += w.len() + 1;
    }
    // names written family name first: "M. Schmid, N.M. Budnev, N.G. Granin
    // et al." has initials first, and "Budnev, N.G." is no "Family, I."
    let family_first =
        |j: usize| words.len() > j + 1 && words[j].1.ends_with(',') && is_initials(words[j + 1].1);
    if words.first().is_none_or(|w| is_initials(w.1)) || !(family_first(0) || family_first(1)) {
        return;
    }
    // the last "Family, I." in the span
    let Some(k) = (1..words.len()).rev().find(|&k| {
        is_initials(words[k].1) && words[k - 1].1.ends_with(',') && !is_initials(words[k - 1].1)
    }) else {
        return;
    };
    let tail = &words[k + 1..];
    let (Some(first), true) = (tail.first(), tail.len() >= 2) else {
        return;
    };
    let lower_word = |w: &str| {
        w.chars().next().is_some_and(char::is_lowercase) && !in_name(w.trim_end_matches([',', '.']))
    };
    let title_like = first.1.chars().next().is_some_and(char::is_uppercase)
        && !is_initials(first.1)
        && !matches!(first.1, "&" | "and" | "And")
        && tail.iter().any(|(_, w)| lower_word(w))
        // no more names after it ("…, G. Smith, K. and …")
        && !tail
            .iter()
            .any(|(_, w)| is_initials(w) || NO_TITLE_WORDS.contains(&w.trim_end_matches(',')));
    if !title_like {
        return;
    }
    let author_end = range.start + words[k].0 + words[k].1.len();
    split_author_title(
        text,
        fields,
        i,
        range.start..author_end,
        range.start + first.0..range.end,
    );
}

/// "Alan Bullock, Ernest Bevin (London: Heinemann, 1983)": a book whose
/// title is a person's name reads as a second author. When a reference has
/// one author span of two given-name-first names with no "and" between
/// them, no title, and an imprint right after, the second name is the title.
pub(crate) fn name_as_title(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Title) {
        return;
    }
    let mut authors = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.label == Label::Author);
    let (Some((i, _)), None) = (authors.next(), authors.next()) else {
        return;
    };
    let imprint = fields.get(i + 1).is_some_and(|f| {
        // the imprint in brackets, as notes give it: "(London: …"
        matches!(f.label, Label::Location | Label::Publisher)
            && text
                .get(fields[i].range.end..f.range.start)
                .is_some_and(|gap| gap.contains('('))
    });
    let range = fields[i].range.clone();
    let Some(span) = text.get(range.clone()).filter(|_| imprint) else {
        return;
    };
    let Some((first, second)) = span.split_once(", ") else {
        return;
    };
    let name_words = |s: &str| -> Option<usize> {
        let ws: Vec<&str> = s.split_whitespace().collect();
        let ok = (2..=4).contains(&ws.len())
            && ws.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.contains(',')
                    && !NO_TITLE_WORDS.contains(w)
            })
            && !is_initials(ws[ws.len() - 1]);
        ok.then_some(ws.len())
    };
    // "Li WH, Zhang YG", "M.T. Hansen, H.B. Meyer": initials, no title
    let spelled_out = |s: &str| {
        s.split_whitespace()
            .all(|w| w.chars().any(char::is_lowercase) && !w.contains('.'))
    };
    if name_words(first).is_none() || name_words(second).is_none() || !spelled_out(second) {
        return;
    }
    split_author_title(
        text,
        fields,
        i,
        range.start..range.start + first.len(),
        range.end - second.len()..range.end,
    );
}

/// "Michael Talbot, Vivaldi, Torino, EDT, 1978", "Semenzato, C., Antonio
/// Bonazza, Venezia 1957": in a reference list a monograph named after a
/// person reads as one more author when the imprint follows after a comma.
/// When a reference opens with its only author span and has no title, and
/// right after that span come the imprint (place, publisher or year after a
/// comma) or "in" and a container, the span's last part after ", " is the
/// title — if it is one to five spelled-out capitalised words and what is
/// left is a whole name ("Family, Given", "Family, I." or two words or
/// more: "Talbot, Michael" keeps its given name).
pub(crate) fn name_title_before_imprint(text: &str, fields: &mut Vec<LabelledSpan>) {
    if fields.iter().any(|f| f.label == Label::Title) {
        return;
    }
    let Some(first) = fields.first().filter(|f| f.label == Label::Author) else {
        return;
    };
    if fields[1..].iter().any(|f| f.label == Label::Author) {
        return;
    }
    let range = first.range.clone();
    let Some(next) = fields.get(1) else {
        return;
    };
    let gap = text.get(range.end..next.range.start).unwrap_or("");
    let word_of = |f: &LabelledSpan| text.get(f.range.clone()).unwrap_or("");
    let follows = match next.label {
        Label::Location | Label::Publisher | Label::Date => gap.trim() == ",",
        // "…, in “Bollettino …”"
        Label::Other => {
            gap.trim() == ","
                && matches!(word_of(next), "in" | "In" | "in:" | "In:")
                && fields
                    .get(2)
                    .is_some_and(|f| f.label == Label::ContainerTitle)
        }
        _ => false,
    };
    if !follows
        || fields.iter().any(|f| f.label == Label::ContainerTitle) && next.label != Label::Other
    {
        return;
    }
    let Some(span) = text.get(range.clone()) else {
        return;
    };
    let Some(cut) = span.rfind(", ") else {
        return;
    };
    let (head, tail) = (&span[..cut], &span[cut + 2..]);
    let words: Vec<&str> = tail.split_whitespace().collect();
    let title_like = (1..=5).contains(&words.len())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            !w.contains('.') && w.chars().any(char::is_lowercase) && !NO_TITLE_WORDS.contains(w)
        });
    let head_words: Vec<&str> = head.split_whitespace().collect();
    let dict = Dict::embedded();
    // "Fulvio Roiter, Italo Zannier, Venezia 1891-2001", "Carlin, Jerome,
    // Jan Howard und …": a given name and more is a second author, unless
    // the name before ends in initials ("Semenzato, C., Antonio Bonazza")
    let inverted = head_words.last().is_some_and(|w| is_initials(w));
    let given_first = words.len() >= 2 && dict.flags_of(words[0]) & crate::dict::GIVEN != 0;
    let whole_name = (head.contains(", ") || head_words.len() >= 2)
        && head.matches(", ").count() <= 1
        && (inverted || !given_first)
        && !head_words
            .last()
            .is_some_and(|w| matches!(*w, "and" | "&" | "e" | "et" | "und"))
        && !head_words.iter().any(|w| NO_TITLE_WORDS.contains(w));
    if !title_like || !whole_name {
        return;
    }
    split_author_title(
        text,
        fields,
        0,
        range.start..range.start + cut,
        range.start + cut + 2..range.end,
    );
}

/// Articles that open a title and are no part of a name ("Le Goff", "La
/// Capra" and "De" are names, so "Le", "La" and "De" are left out).
const TITLE_ARTICLES: &[&str] = &[
    "A", "An", "The", "Der", "Die", "Das", "Ein", "Eine", "Il", "Lo", "Gli", "Les", "Un", "Une",
    "Una", "Uno",
];

/// "Hilton, B., A Mad, Bad, and Dangerous People?": a title that opens with
/// an article reads as one more name ("A. Mad") after an inverted name. When
/// the author span ends in a part after a comma that begins with an article
/// (no full stop after it) and a capitalised word, written first-name-first
/// after a "Family, Given" name, and a title follows after only a comma,
/// that part begins the title.
pub(crate) fn article_title_after_inverted_name(text: &str, fields: &mut [LabelledSpan]) {
    let Some(i) = fields.iter().position(|f| f.label == Label::Author) else {
        return;
    };
    let (Some(next), range) = (fields.get(i + 1), fields[i].range.clone()) else {
        return;
    };
    let Some(span) = text.get(range.clone()) else {
        return;
    };
    let gap = text.get(range.end..next.range.start).unwrap_or("");
    if next.label != Label::Title || gap.trim() != "," {
        return;
    }
    // the last part of the span after ", " and everything before it
    let Some(cut) = span.rfind(", ") else {
        return;
    };
    let (head, tail) = (&span[..cut], &span[cut + 2..]);
    let words: Vec<&str> = tail.split_whitespace().collect();
    let opens_title = matches!(words.as_slice(), [article, word, ..]
        if TITLE_ARTICLES.contains(article)
            && word.chars().next().is_some_and(char::is_uppercase)
            && !is_initials(word))
        && words.len() <= 3
        && !words.iter().any(|w| NO_TITLE_WORDS.contains(w));
    // "Family, Given" or "Family, I." before it: an inverted name
    let inverted = head
        .split_once(", ")
        .is_some_and(|(family, _)| family.split(' ').count() <= 3)
        && !head.contains(" and ")
        && !head.contains(" & ");
    if !opens_title || !inverted {
        return;
    }
    let author = normalise_span(text, range.start..range.start + cut, Dict::embedded());
    if author.is_empty() {
        return;
    }
    let title_start = range.start + cut + 2;
    fields[i].range = author;
    fields[i + 1].range.start = title_start;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, author: &str) -> Vec<(Label, String)> {
        let start = text.find(author).unwrap();
        let mut f = vec![LabelledSpan {
            label: Label::Author,
            range: start..start + author.len(),
        }];
        title_after_last_initials(text, &mut f);
        f.iter()
            .map(|s| (s.label, text[s.range.clone()].to_string()))
            .collect()
    }

    #[test]
    fn a_title_after_the_last_initials_leaves_the_authors() {
        let text = "LeCun, Y., Bengio, Y. & Hinton, G. Deep learning. Nature, 521(7553)";
        assert_eq!(
            split(text, "LeCun, Y., Bengio, Y. & Hinton, G. Deep learning"),
            [
                (
                    Label::Author,
                    "LeCun, Y., Bengio, Y. & Hinton, G.".to_string()
                ),
                (Label::Title, "Deep learning".to_string())
            ]
        );
        // names only: a middle name, a particle, more authors
        for author in [
            "Oppenheimer, J. Robert",
            "Smith, J. Robert Oppenheimer",
            "Gogh, V. van Dijk",
            "Smith, J. Brown, K. and White",
            "Smith, J.",
            "M. Schmid, N.M. Budnev, N.G. Granin et al.",
            "Budnev, N.M., Granin et al.",
            "11 E. W. Becker, K. Bier, andW . Henkes",
            "BARTOŠ, František M., M. Jakoubek ze Stříbra",
            "Geanakoplos D., Greek Scholars Anniversary of his Birth, H. Beinart ed., Jerusalem",
        ] {
            assert_eq!(split(author, author), [(Label::Author, author.to_string())]);
        }
    }

    #[test]
    fn a_title_opening_with_an_article_leaves_the_authors() {
        let label = |text: &str, author: &str| -> Vec<(Label, String)> {
            let start = text.find(author).unwrap();
            let end = start + author.len();
            let title_start = end + 2;
            let title_end = title_start + text[title_start..].find(" (").unwrap();
            let mut f = vec![
                LabelledSpan {
                    label: Label::Author,
                    range: start..end,
                },
                LabelledSpan {
                    label: Label::Title,
                    range: title_start..title_end,
                },
            ];
            article_title_after_inverted_name(text, &mut f);
            f.iter()
                .map(|s| (s.label, text[s.range.clone()].to_string()))
                .collect()
        };
        let text =
            "Hilton, B., A Mad, Bad, and Dangerous People? England 1783–1846 (Oxford, 2006).";
        assert_eq!(
            label(text, "Hilton, B., A Mad"),
            [
                (Label::Author, "Hilton, B.".to_string()),
                (
                    Label::Title,
                    "A Mad, Bad, and Dangerous People? England 1783–1846".to_string()
                )
            ]
        );
        let text = "Kershaw, Ian, The Nazi Dictatorship, Problems (London, 1985).";
        assert_eq!(
            label(text, "Kershaw, Ian, The Nazi Dictatorship")[1],
            (Label::Title, "The Nazi Dictatorship, Problems".to_string())
        );
        // names: a particle, initials with full stops, a second inverted name
        for (text, author) in [
            (
                "Smith, J., Le Goff, Medieval Times (Paris, 1980).",
                "Smith, J., Le Goff",
            ),
            (
                "Smith, J., A. Brown, Medieval Times (Paris, 1980).",
                "Smith, J., A. Brown",
            ),
            (
                "Smith, J., Brown, A., Medieval Times (Paris, 1980).",
                "Smith, J., Brown, A.",
            ),
            (
                "Smith, J. and K. Lee, A Brown, Times (Paris, 1980).",
                "Smith, J. and K. Lee, A Brown",
            ),
        ] {
            assert_eq!(
                label(text, author)[0],
                (Label::Author, author.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn a_name_after_the_author_before_the_imprint_is_the_title() {
        let label = |text: &str, author: &str, next: Label| -> Vec<(Label, String)> {
            let start = text.find(author).unwrap();
            let end = start + author.len();
            let mut f = vec![
                LabelledSpan {
                    label: Label::Author,
                    range: start..end,
                },
                LabelledSpan {
                    label: next,
                    range: end + 2..end + 8,
                },
            ];
            name_as_title(text, &mut f);
            f.iter()
                .take(2)
                .map(|s| (s.label, text[s.range.clone()].to_string()))
                .collect()
        };
        let text = "Alan Bullock, Ernest Bevin (London: Heinemann, 1983), 404.";
        assert_eq!(
            label(text, "Alan Bullock, Ernest Bevin", Label::Location),
            [
                (Label::Author, "Alan Bullock".to_string()),
                (Label::Title, "Ernest Bevin".to_string())
            ]
        );
        // an inverted name, initials, "and", or no imprint after it
        for (text, author, next) in [
            (
                "Bullock, Alan (London: Heinemann, 1983)",
                "Bullock, Alan",
                Label::Location,
            ),
            (
                "M.T. Hansen, H.B. Meyer (2016), arXiv:1610",
                "M.T. Hansen, H.B. Meyer",
                Label::Date,
            ),
            (
                "Li WH, Zhang YG. Beijing: Press",
                "Li WH, Zhang YG",
                Label::Location,
            ),
            (
                "Taylor, A. J. P. (London: Heinemann, 1983)",
                "Taylor, A. J. P.",
                Label::Location,
            ),
            (
                "Alan Bullock, Ernest Bevin and Anne Smith (London: X, 1983)",
                "Alan Bullock, Ernest Bevin and Anne Smith",
                Label::Location,
            ),
            (
                "Alan Bullock, Ernest Bevin, Some Title (London: X, 1983)",
                "Alan Bullock, Ernest Bevin",
                Label::Note,
            ),
        ] {
            let got = label(text, author, next);
            assert_eq!(got[0], (Label::Author, author.to_string()), "{text}");
        }
    }

    #[test]
    fn a_name_before_a_bibliography_imprint_is_the_title() {
        // fields: the author span, then `next` at `next_text`
        let label = |text: &str, author: &str, next: Label, next_text: &str| {
            let start = text.find(author).unwrap();
            let n = text.find(next_text).unwrap();
            let mut f = vec![
                LabelledSpan {
                    label: Label::Author,
                    range: start..start + author.len(),
                },
                LabelledSpan {
                    label: next,
                    range: n..n + next_text.len(),
                },
            ];
            name_title_before_imprint(text, &mut f);
            f.iter()
                .map(|s| (s.label, text[s.range.clone()].to_string()))
                .collect::<Vec<_>>()
        };
        for (text, author, next, next_text, title) in [
            (
                "Michael Talbot, Vivaldi, Torino, EDT, 1978.",
                "Michael Talbot, Vivaldi",
                Label::Location,
                "Torino",
                "Vivaldi",
            ),
            (
                "Semenzato, C., Antonio Bonazza, Venezia 1957.",
                "Semenzato, C., Antonio Bonazza",
                Label::Location,
                "Venezia",
                "Antonio Bonazza",
            ),
            (
                "Pignatti, T., Carpaccio, 1958.",
                "Pignatti, T., Carpaccio",
                Label::Date,
                "1958",
                "Carpaccio",
            ),
        ] {
            let got = label(text, author, next, next_text);
            assert_eq!(got[1], (Label::Title, title.to_string()), "{text}");
            assert_eq!(got.len(), 3, "{text}");
        }
        // an inverted name keeps its given name; a second author written
        // given-name-first stays an author; three names are a list
        for (text, author, next, next_text) in [
            (
                "Talbot, Michael, Torino 1978.",
                "Talbot, Michael",
                Label::Location,
                "Torino",
            ),
            (
                "Carlin, Jerome, Jan Howard, 1967.",
                "Carlin, Jerome, Jan Howard",
                Label::Date,
                "1967",
            ),
            (
                "Smith, J., Brown, K., Carpaccio, 1958.",
                "Smith, J., Brown, K., Carpaccio",
                Label::Date,
                "1958",
            ),
            (
                "Michael Talbot, Vivaldi (Torino, 1978).",
                "Michael Talbot, Vivaldi",
                Label::Location,
                "Torino",
            ),
        ] {
            let got = label(text, author, next, next_text);
            assert_eq!(got[0], (Label::Author, author.to_string()), "{text}");
        }
    }
}
