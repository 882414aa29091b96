//! Newspaper issues and dated documents: "The Times, 21 Mar. 1935",
//! "Frankfurter Zeitung vom 12. März 1938", "«Corriere della Sera», 30
//! settembre 1938", "Le Temps, 1er octobre 1938". Such a citation's work is
//! the name and the day, whatever fields the labeller gave it.

use crate::fold::{fold, words};
use crate::markers::Analysis;
use ibid_model::Item;

/// Month names and abbreviations (folded) in English, French, German,
/// Italian and Spanish.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("januar", 1),
    ("janner", 1),
    ("gennaio", 1),
    ("enero", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("fevrier", 2),
    ("fevr", 2),
    ("februar", 2),
    ("febbraio", 2),
    ("febrero", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("marz", 3),
    ("marzo", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("aprile", 4),
    ("abril", 4),
    ("may", 5),
    ("mai", 5),
    ("maggio", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("juni", 6),
    ("giugno", 6),
    ("junio", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("juli", 7),
    ("luglio", 7),
    ("julio", 7),
    ("august", 8),
    ("aug", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("settembre", 9),
    ("septiembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("oktober", 10),
    ("okt", 10),
    ("ottobre", 10),
    ("octubre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("decembre", 12),
    ("dezember", 12),
    ("dez", 12),
    ("dicembre", 12),
    ("diciembre", 12),
];

pub(crate) fn month(word: &str) -> Option<u32> {
    let f = fold(word);
    MONTHS.iter().find(|(m, _)| *m == f).map(|&(_, n)| n)
}

fn day(word: &str) -> Option<u32> {
    let f = fold(word);
    let digits: String = f.chars().take_while(char::is_ascii_digit).collect();
    let rest = &f[digits.len()..];
    let ok_rest = matches!(rest, "" | "er" | "st" | "nd" | "rd" | "th" | "o" | "e");
    let d: u32 = digits.parse().ok()?;
    (ok_rest && (1..=31).contains(&d)).then_some(d)
}

fn year(word: &str) -> Option<i32> {
    let y: i32 = word.parse().ok()?;
    (word.len() == 4 && (1500..=2100).contains(&y)).then_some(y)
}

/// A day date at the start of `s`: "21 Mar. 1935", "12. März 1938",
/// "1er octobre 1938", "March 21, 1935".
pub fn leading_day_date(s: &str) -> Option<(i32, u32, u32)> {
    let w: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    if w.len() < 3 {
        return None;
    }
    if let (Some(d), Some(m), Some(y)) = (day(w[0]), month(w[1]), year(w[2])) {
        return Some((y, m, d));
    }
    if let (Some(m), Some(d), Some(y)) = (month(w[0]), day(w[1]), year(w[2])) {
        return Some((y, m, d));
    }
    None
}

const QUOTES: &[char] = &['"', '“', '”', '«', '»', '„', '\'', '‘', '’'];

/// The issue key ("the times|1935-3-21") of a citation that is a name and a
/// day date, when the labelled fields hold nothing but that name.
pub fn issue_key(text: &str, an: &Analysis, item: &Item) -> Option<String> {
    if item
        .archive_location
        .as_deref()
        .is_some_and(|l| !crate::query::is_pinpoint(l))
    {
        return None;
    }
    let body = text.get(an.body_byte()..)?;
    let (name, rest) = split_name(body)?;
    let name = name
        .trim()
        .trim_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c));
    let first = name.chars().next()?;
    let n_words = words(name);
    if !first.is_uppercase()
        || n_words.is_empty()
        || n_words.len() > 5
        || name.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (y, m, d) = leading_day_date(rest)?;
    let same_name = |s: &str| {
        let w = words(s);
        !w.is_empty() && w.iter().all(|x| n_words.contains(x))
    };
    let names_ok = item
        .author
        .iter()
        .chain(&item.editor)
        .all(|n| n.family_or_literal().is_none_or(same_name));
    let title_ok = item.title.as_deref().is_none_or(same_name);
    // "Nicolson diary, 12 May 1940": a person's diary entry (the labeller
    // read an author and a title apart), no newspaper's issue
    let title_words = item.title.as_deref().map(words).unwrap_or_default();
    let person_and_title = !title_words.is_empty()
        && item.author.iter().any(|n| {
            n.family_or_literal()
                .is_some_and(|f| words(f).iter().all(|w| !title_words.contains(w)))
        });
    if person_and_title {
        return None;
    }
    let container_ok = item.container_title.as_deref().is_none_or(same_name);
    (names_ok && title_ok && container_ok).then(|| format!("{}|{y}-{m}-{d}", n_words.join(" ")))
}

/// "The Times, 21 Mar. 1935" → ("The Times", " 21 Mar. 1935");
/// "Frankfurter Zeitung vom 12. März 1938" → ("Frankfurter Zeitung", "12. März 1938").
fn split_name(body: &str) -> Option<(&str, &str)> {
    for sep in [" vom ", " du ", " del ", " of "] {
        if let Some(p) = body.find(sep) {
            if !body[..p].contains(',') {
                return Some((&body[..p], &body[p + sep.len()..]));
            }
        }
    }
    let p = body.find(',')?;
    Some((&body[..p], &body[p + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Name;

    fn key(text: &str, item: &Item) -> Option<String> {
        issue_key(text, &Analysis::new(text), item)
    }

    #[test]
    fn day_dates_in_several_languages() {
        assert_eq!(
            leading_day_date(" 21 Mar. 1935, p. 14"),
            Some((1935, 3, 21))
        );
        assert_eq!(leading_day_date("12. März 1938, S. 1"), Some((1938, 3, 12)));
        assert_eq!(leading_day_date(" 1er octobre 1938"), Some((1938, 10, 1)));
        assert_eq!(leading_day_date(" 30 settembre 1938"), Some((1938, 9, 30)));
        assert_eq!(leading_day_date(" March 21, 1935"), Some((1935, 3, 21)));
        assert_eq!(leading_day_date(" 1961, p. 4"), None);
        assert_eq!(leading_day_date(" 32 Mar. 1935"), None);
    }

    /// A person and a description read apart are a diary entry, not an
    /// issue of a paper named "Nicolson diary".
    #[test]
    fn a_diary_entry_has_no_issue_key() {
        let diary = Item {
            author: vec![Name {
                family: Some("Nicolson".into()),
                ..Name::default()
            }],
            title: Some("diary".into()),
            ..Item::default()
        };
        assert_eq!(key("Nicolson diary, 12 May 1940", &diary), None);
    }

    #[test]
    fn newspaper_issues_have_keys() {
        let times = Item {
            author: vec![Name::literal("Times")],
            ..Item::default()
        };
        assert_eq!(
            key("The Times, 1 Oct. 1938, p. 13 (leading article)", &times).as_deref(),
            Some("the times|1938-10-1")
        );
        let ct = Item {
            container_title: Some("The Times".into()),
            ..Item::default()
        };
        assert_eq!(
            key("The Times, 1 Oct. 1938, p. 13", &ct).as_deref(),
            Some("the times|1938-10-1")
        );
        assert_eq!(
            key(
                "Frankfurter Zeitung vom 12. März 1938, S. 1",
                &Item::default()
            )
            .as_deref(),
            Some("frankfurter zeitung|1938-3-12")
        );
        assert_eq!(
            key(
                "«Corriere della Sera», 30 settembre 1938, p. 1",
                &Item::default()
            )
            .as_deref(),
            Some("corriere della sera|1938-9-30")
        );
        // An article with its own author and title is not the issue.
        let article = Item {
            author: vec![Name::person("Smith", None)],
            title: Some("Crisis".into()),
            ..Item::default()
        };
        assert_eq!(key("J. Smith, 21 Mar. 1935, The Times", &article), None);
        assert_eq!(key("Taylor, Origins, p. 5", &Item::default()), None);
        assert_eq!(key("1935, 21 Mar. 1935", &Item::default()), None);
    }
}
