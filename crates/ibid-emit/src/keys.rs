//! Citation keys: author-year-firstTitleWord, lower-case ASCII, made unique
//! with `a`, `b`, `c` … suffixes.

use crate::texenc::key_ascii;
use ibid_model::Item;
use std::collections::HashSet;

/// Words skipped when picking a title's first word.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "and", "to", "for", "der", "die", "das", "des", "dem",
    "den", "ein", "eine", "le", "la", "les", "l", "un", "une", "el", "los", "las", "il", "lo",
    "gli", "i", "de", "du", "di", "het", "een",
];

/// The base key of an item, before deduplication.
pub(crate) fn base_key(item: &Item) -> String {
    let names = if item.author.is_empty() {
        &item.editor
    } else {
        &item.author
    };
    let who = names
        .first()
        .and_then(|n| n.family.as_deref().or(n.literal.as_deref()))
        .map(key_ascii)
        .unwrap_or_default();
    let who: String = who.chars().take(24).collect();
    let year = crate::common::year(item)
        .map(|y| y.to_string())
        .unwrap_or_default();
    let title = item
        .title
        .as_deref()
        .or(item.container_title.as_deref())
        .unwrap_or("");
    let word = title
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == '-')
        .map(key_ascii)
        .find(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
        .unwrap_or_default();
    let word: String = word.chars().take(24).collect();
    // Without a creator the title word leads: "crisis1912".
    let key = if who.is_empty() {
        format!("{word}{year}")
    } else {
        format!("{who}{year}{word}")
    };
    if key.is_empty() {
        "ref".into()
    } else if key.starts_with(|c: char| c.is_ascii_digit()) {
        // Keys that start with a digit confuse some BibTeX tools.
        format!("ref{key}")
    } else {
        key
    }
}

/// `a`, `b`, … `z`, `aa`, `ab`, … (bijective base 26).
fn suffix(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Hands out unique keys.
#[derive(Debug, Default)]
pub(crate) struct KeyGen {
    used: HashSet<String>,
}

impl KeyGen {
    /// A key for the item, unique among the keys handed out so far: the base
    /// key, or the base key with the first free suffix `a`, `b`, ….
    pub fn key(&mut self, item: &Item) -> String {
        let base = base_key(item);
        if self.used.insert(base.clone()) {
            return base;
        }
        let mut n = 0;
        loop {
            let k = format!("{base}{}", suffix(n));
            if self.used.insert(k.clone()) {
                return k;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::{Date, Name};

    #[test]
    fn keys_are_ascii_and_unique() {
        let item = Item {
            author: vec![Name::person("Müller", None)],
            title: Some("Die Gründung des Reiches".into()),
            issued: Some(Date::year(1871)),
            ..Item::default()
        };
        let mut g = KeyGen::default();
        assert_eq!(g.key(&item), "muller1871grundung");
        assert_eq!(g.key(&item), "muller1871grundunga");
        assert_eq!(g.key(&item), "muller1871grundungb");
        assert_eq!(g.key(&Item::default()), "ref");
        assert_eq!(g.key(&Item::default()), "refa");
        let anon = Item {
            title: Some("The Crisis in the Balkans".into()),
            issued: Some(Date::year(1912)),
            ..Item::default()
        };
        assert_eq!(g.key(&anon), "crisis1912");
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
        assert_eq!(suffix(27), "ab");
    }
}
