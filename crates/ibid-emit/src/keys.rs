//! Citation keys: author-year-firstTitleWord, lower-case ASCII (Greek and
//! Cyrillic transliterated), made unique with `a`, `b`, `c` … suffixes. An
//! archival file with neither creator nor title is keyed by its shelfmark
//! ("FO 371/18851" → `fo371-18851`); in a notes document, a work the notes
//! name by an abbreviation they define, and every work of the same title,
//! by the abbreviation and the volume ("D.G.F.P." → `dgfp-ii`, `dgfp-i`). An item with no ASCII word at all (a
//! CJK author and title) gets `ref-` and a short hash of its title (or what
//! stands for it) and year, `ref-3f9a1c`: the same item always gets the
//! same key, and two such items rarely share one.
//!
//! The suffixes follow the order of the items: a new work whose key is
//! taken can change the suffix of none before it, but a work added before
//! others with its key shifts theirs.

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
    if who.is_empty() && word.is_empty() {
        return shelfmark_key(item).unwrap_or_else(|| hashed_key(item));
    }
    if key.starts_with(|c: char| c.is_ascii_digit()) {
        // Keys that start with a digit confuse some BibTeX tools.
        format!("ref{key}")
    } else {
        key
    }
}

/// The key of an archival file by its shelfmark: its ASCII letter and digit
/// runs, lower-case, joined by `-`, except that a letter run takes the
/// number right after it or after a space ("FO 371/18851" → `fo371-18851`,
/// "Add MS 38227" → `add-ms38227`, "R 43 II/1310" → `r43-ii-1310`); at most
/// 32 characters; `None` without a shelfmark or with no ASCII letter or
/// digit in it.
fn shelfmark_key(item: &Item) -> Option<String> {
    let mark = crate::common::field(&item.archive_location)?;
    let mut key = String::new();
    // the run before was letters
    let mut after_letters = false;
    for (word, space_before) in words_with_separators(&mark) {
        let word = key_ascii(word);
        let mut first = true;
        for run in split_letters_digits(&word) {
            let digits = run.starts_with(|c: char| c.is_ascii_digit());
            let glued = digits && after_letters && (!first || space_before);
            if !key.is_empty() && !glued {
                key.push('-');
            }
            if key.len() + run.len() > 32 {
                return finish(key);
            }
            key.push_str(run);
            after_letters = !digits;
            first = false;
        }
    }
    finish(key)
}

fn finish(key: String) -> Option<String> {
    let key = key.trim_end_matches('-').to_owned();
    if key.is_empty() {
        return None;
    }
    Some(if key.starts_with(|c: char| c.is_ascii_digit()) {
        format!("ref{key}")
    } else {
        key
    })
}

/// The alphanumeric words of `s`, each with whether only whitespace (or
/// nothing) separates it from the word before.
fn words_with_separators(s: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let start = rest.find(char::is_alphanumeric)?;
        let space_before = rest[..start].chars().all(char::is_whitespace);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(tail.len());
        rest = &tail[end..];
        Some((&tail[..end], space_before))
    })
}

/// "ms38227" → "ms", "38227": runs of letters and of digits.
fn split_letters_digits(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let digit = first.is_ascii_digit();
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digit)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

/// The key of an item with no ASCII word for it: `ref-` and six hex digits
/// of a 64-bit FNV-1a hash of its title (else its container, archival
/// location, archive, note or publisher) and year, or `ref` for an item
/// with none of them.
fn hashed_key(item: &Item) -> String {
    let text = [
        &item.title,
        &item.container_title,
        &item.archive_location,
        &item.archive,
        &item.note,
        &item.publisher,
    ]
    .into_iter()
    .find_map(crate::common::field);
    let Some(text) = text else {
        return "ref".into();
    };
    let year = crate::common::year(item)
        .map(|y| y.to_string())
        .unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in crate::common::squash(&text)
        .bytes()
        .chain(std::iter::once(0))
        .chain(year.bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("ref-{:06x}", h >> 40)
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

/// The abbreviations the notes define for works, by the lower-cased title
/// of the work they name: every volume of "Documents on German Foreign
/// Policy" takes "D.G.F.P.", defined for one of them. The first definition
/// of a title wins.
pub(crate) fn abbreviations_by_title(
    doc: &ibid_model::Document,
) -> std::collections::HashMap<String, &str> {
    let mut out = std::collections::HashMap::new();
    for a in &doc.abbreviations {
        let Some(work) = a.work.as_deref() else {
            continue;
        };
        let title = doc
            .works
            .iter()
            .find(|w| w.item.id.as_deref() == Some(work))
            .and_then(|w| crate::common::field(&w.item.title));
        if let Some(t) = title {
            out.entry(crate::common::squash(&t).to_lowercase())
                .or_insert(a.short.as_str());
        }
    }
    out
}

/// The key base of a work the notes name by an abbreviation ("D.G.F.P."
/// for the Documents on German Foreign Policy): the abbreviation's letters
/// and the work's volume, `dgfp-ii`; `None` when the abbreviation has fewer
/// than two ASCII letters or digits.
pub(crate) fn abbreviation_key(short: &str, item: &Item) -> Option<String> {
    let abbr = key_ascii(short);
    if abbr.len() < 2 || abbr.len() > 16 {
        return None;
    }
    let volume = crate::common::field(&item.volume)
        .map(|v| key_ascii(&v))
        .filter(|v| !v.is_empty() && v.len() <= 8);
    let key = match volume {
        Some(v) => format!("{abbr}-{v}"),
        None => abbr,
    };
    Some(if key.starts_with(|c: char| c.is_ascii_digit()) {
        format!("ref{key}")
    } else {
        key
    })
}

impl KeyGen {
    /// A key for the item, unique among the keys handed out so far: the base
    /// key, or the base key with the first free suffix `a`, `b`, ….
    pub fn key(&mut self, item: &Item) -> String {
        self.key_from(base_key(item))
    }

    /// [`KeyGen::key`] from a given base key.
    pub fn key_from(&mut self, base: String) -> String {
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
    fn non_latin_names_are_transliterated_or_hashed() {
        let tolstoy = Item {
            author: vec![Name::person("Толстой", Some("Лев".into()))],
            title: Some("Война и мир".into()),
            issued: Some(Date::year(1869)),
            ..Item::default()
        };
        assert_eq!(base_key(&tolstoy), "tolstoi1869voina");
        let greek = Item {
            author: vec![Name::person("Σεφέρης", None)],
            issued: Some(Date::year(1963)),
            ..Item::default()
        };
        assert_eq!(base_key(&greek), "seferis1963");
        // No ASCII word at all: a hash of title and year, stable, and
        // different for another title or year.
        let mao = Item {
            author: vec![Name::literal("毛泽东")],
            title: Some("论持久战".into()),
            issued: Some(Date::year(1938)),
            ..Item::default()
        };
        let key = base_key(&mao);
        assert!(key.starts_with("ref-"), "{key}");
        assert_eq!(key.len(), 10, "{key}");
        assert!(key[4..]
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(base_key(&mao.clone()), key);
        let other_year = Item {
            issued: Some(Date::year(1939)),
            ..mao.clone()
        };
        assert_ne!(base_key(&other_year), key);
    }

    #[test]
    fn archival_files_are_keyed_by_shelfmark() {
        let file = |mark: &str| Item {
            archive: Some("British Library, London".into()),
            archive_location: Some(mark.into()),
            ..Item::default()
        };
        for (mark, key) in [
            ("Add MS 38227", "add-ms38227"),
            ("FO 371/18851", "fo371-18851"),
            ("FO 371/18851, C 3850/55/18", "fo371-18851-c3850-55-18"),
            ("R 43 II/1310", "r43-ii-1310"),
            (
                "MS. Eng. hist. c. 1003, fols. 1–20",
                "ms-eng-hist-c-1003-fols-1-20",
            ),
            ("12/3", "ref12-3"),
            (
                "Busta 12, fasc. 3 — a very long shelfmark indeed",
                "busta12-fasc-3-a-very-long",
            ),
        ] {
            assert_eq!(base_key(&file(mark)), key, "{mark}");
        }
        // A shelfmark with no ASCII at all: the hash, still told apart.
        assert!(base_key(&file("書 甲")).starts_with("ref-"));
        assert_ne!(base_key(&file("書 甲")), base_key(&file("書 乙")));
        // A title or a creator still leads.
        let titled = Item {
            title: Some("Phipps to Simon".into()),
            ..file("FO 371/18851")
        };
        assert_eq!(base_key(&titled), "phipps");
    }

    #[test]
    fn works_named_by_an_abbreviation_are_keyed_by_it() {
        use ibid_model::{Abbreviation, Document, Work};
        let work = |id: &str, volume: &str| Work {
            item: Item {
                id: Some(id.into()),
                title: Some("Documents on German Foreign Policy".into()),
                volume: Some(volume.into()),
                ..Item::default()
            },
            cited_in: vec![],
            locators: vec![],
            links: Default::default(),
        };
        let doc = Document {
            works: vec![work("w1", "II"), work("w2", "I")],
            abbreviations: vec![Abbreviation {
                short: "D.G.F.P.".into(),
                long: "Documents on German Foreign Policy, Series C, Vol. II".into(),
                note: Some(7),
                work: Some("w1".into()),
            }],
            ..Document::default()
        };
        let mut out = Vec::new();
        crate::write_document(
            &doc,
            crate::Format::Bibtex,
            &crate::EmitOptions::default(),
            &mut out,
        )
        .unwrap();
        let bib = String::from_utf8(out).unwrap();
        assert!(
            bib.contains("{dgfp-ii,") && bib.contains("{dgfp-i,"),
            "{bib}"
        );
        // too short an abbreviation, or none: the usual key
        assert_eq!(abbreviation_key("A.", &doc.works[0].item), None);
        assert_eq!(
            abbreviation_key("DBFP", &Item::default()).as_deref(),
            Some("dbfp")
        );
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffix(0), "a");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
        assert_eq!(suffix(27), "ab");
    }
}
