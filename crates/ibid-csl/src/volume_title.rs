//! The title of one volume of a multi-volume work (CSL `volume-title`):
//! "Les Lieux de mémoire, t. I, La République, Paris, Gallimard, 1984",
//! "The Second World War, vol. 1, The Gathering Storm (London: Cassell,
//! 1948)", "Deutsche Gesellschaftsgeschichte, Bd. 3: Von der Deutschen
//! Doppelrevolution …, München 1995".
//!
//! The labeller has no label for it (none of the training corpora marks
//! it), so it reads the volume's title as whatever it resembles: a
//! container (and the book becomes a chapter), a publisher, a note, part
//! of the volume or of the title. Three places find it:
//!
//! - [`after_volume`]: the field right after a volume field, before the
//!   imprint;
//! - [`split_volume`]: a volume field that runs on into the title
//!   ("t. I, La République");
//! - [`split_title`]: a title that holds the volume and its title.

use ibid_model::text::{canonical_roman, is_volume_marker, RomanRules};
use ibid_model::Label;
use std::ops::Range;

/// A volume's number: digits or a roman numeral ("3", "II", "iv").
fn is_volume_number(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        || canonical_roman(s, RomanRules::STANDARD).is_some()
}

/// "vol.", "Bd.", "t.", "tome", "Band": a volume marker with or without its
/// full stop.
fn is_marker(word: &str) -> bool {
    // lower-cased on the stack: this runs on every title's words
    let w = word.trim_end_matches('.').as_bytes();
    let mut buf = [0u8; 4];
    if w.is_empty() || w.len() > buf.len() {
        return false;
    }
    for (b, c) in buf.iter_mut().zip(w) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(is_volume_marker)
}

/// Words that open a part, book or fascicle of a volume, not its title
/// ("vol. II, Parte I", "Bd. 3, Teil 2"), or a note ("2 voll.").
fn opens_a_part(word: &str) -> bool {
    is_part_marker(word)
        || matches!(
            word.trim_end_matches(['.', ',']).to_lowercase().as_str(),
            "book"
                | "libro"
                | "livre"
                | "buch"
                | "fasc"
                | "fascicolo"
                | "heft"
                | "no"
                | "nr"
                | "n"
                | "num"
                | "suppl"
                | "supplement"
                | "vol"
                | "bd"
                | "band"
                | "anno"
                | "serie"
                | "series"
                | "ser"
                | "ns"
                | "new"
                | "nuova"
                | "issue"
                | "iss"
                | "number"
                | "numero"
                | "app"
                | "tit"
                | "lib"
                | "table"
                | "tab"
                | "fig"
                | "voi"
                | "voll"
                | "vols"
                | "bde"
                | "cit"
                | "ibid"
                | "ivi"
        )
}

/// A bare year, or one in brackets: "1961", "(1930)".
fn is_year(word: &str) -> bool {
    let w = word.trim_matches(['(', ')', ',', '.', ';']);
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

/// A volume's title: two words or more, opening with an upper-case letter
/// that starts no number, part or issue ("Parte I", "Issue 3", "III, and
/// IV"); a word of four letters or more; no marker of a volume, part or
/// back-reference among its words ("Voi. 2", "cit."); brackets closed; not
/// ending in a number or a year ("Firenze 1961": the imprint).
fn looks_like_a_title(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['.', ',', ';', ':']);
    let words: Vec<&str> = s.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let is_number = |w: &str| {
        let w = bare(w);
        is_volume_number(&w) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
    };
    words.len() >= 2
        && first.chars().next().is_some_and(char::is_uppercase)
        && !is_number(first)
        && !words
            .iter()
            .any(|w| w.split('.').next().is_some_and(opens_a_part) && w.len() > 1)
        && words.iter().any(|w| {
            let b = bare(w);
            b.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !is_volume_number(&b)
        })
        && s.matches('(').count() == s.matches(')').count()
        && !is_year(last)
        && !bare(last).bytes().all(|b| b.is_ascii_digit())
}

/// The volume field "vol. 1", "t. II", "Bd. 3", "II" (a marker and a
/// number, or a number alone).
fn is_plain_volume(s: &str) -> bool {
    let s = s.trim().trim_end_matches([',', '.', ':', ';']);
    match s.rsplit_once(' ') {
        Some((marker, n)) => is_marker(marker) && is_volume_number(n),
        None => is_volume_number(s),
    }
}

/// True when field `k` is the title of the volume named by field `k - 1`:
/// that field is a plain volume ([`is_plain_volume`]) after a title, a
/// comma or a colon stands between them, field `k` looks like a title and is
/// labelled as one (title, container, collection), as a note, or as a
/// publisher when another publisher follows ("t. I, La République, Paris,
/// Gallimard"), and the imprint (place, publisher, date) or the end
/// follows it.
pub(crate) fn after_volume(text: &str, fields: &[(Label, Range<usize>)], k: usize) -> bool {
    let Some(((label, range), (prev, vol))) =
        fields.get(k).zip(k.checked_sub(1).map(|j| &fields[j]))
    else {
        return false;
    };
    if *prev != Label::Volume {
        return false;
    }
    let slice = |r: Range<usize>| text.get(r).unwrap_or("");
    // a comma or colon between them, in the gap or ending the volume
    // ("Vol. 4 Academy of Political Science" is a publisher)
    let gap = slice(vol.end..range.start).trim();
    let volume_sep = slice(vol.clone()).trim_end().ends_with([',', ':']);
    let separated = matches!(gap, "," | ":") || (gap.is_empty() && volume_sep);
    if !separated {
        return false;
    }
    let titled_before = fields[..k - 1]
        .iter()
        .any(|(l, _)| matches!(l, Label::Title | Label::ContainerTitle));
    if !titled_before || !is_plain_volume(slice(vol.clone())) {
        return false;
    }
    let s = slice(range.clone());
    if !looks_like_a_title(split_part(s).0) {
        return false;
    }
    let rest = &fields[k + 1..];
    let label_fits = match label {
        Label::Title | Label::ContainerTitle | Label::CollectionTitle | Label::Note => true,
        Label::Publisher => rest.iter().any(|(l, _)| *l == Label::Publisher),
        _ => false,
    };
    let imprint_follows = rest.first().is_none_or(|(l, _)| {
        matches!(
            l,
            Label::Location | Label::Publisher | Label::Date | Label::Editor | Label::Translator
        )
    });
    label_fits && imprint_follows
}

/// "t. I, La République", "vol. 1: The Gathering Storm", "I, Il sesto
/// secolo": a volume field that holds the volume's title, split into the
/// volume and the title.
pub(crate) fn split_volume(s: &str) -> Option<(&str, &str)> {
    let s = s.trim();
    let at = s.find([',', ':'])?;
    let (volume, title) = (s[..at].trim(), s[at..].trim_start_matches([',', ':', ' ']));
    let title = title.trim_end_matches([',', '.', ';']);
    (is_plain_volume(volume) && looks_like_a_title(split_part(title).0)).then_some((volume, title))
}

/// Words that name a part of a volume ("t. 3", "tomo 2", "parte II",
/// "Teil 1"), lower case without the full stop.
fn is_part_marker(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['.', ',']).to_lowercase().as_str(),
        "t" | "tomo" | "tome" | "parte" | "part" | "pt" | "partie" | "teil" | "halbband"
    )
}

/// "Dall'Unità a oggi, 3", "Dall'Unità a oggi, t. 3", "Die Neuzeit, Teil
/// 2": a volume's title and the number of the part of the volume cited
/// (CSL `part-number`), split; any other text whole, with no part.
pub(crate) fn split_part(s: &str) -> (&str, Option<&str>) {
    let s = s.trim().trim_end_matches(['.', ',', ';']);
    let Some((title, tail)) = s.rsplit_once(", ") else {
        return (s, None);
    };
    let number = match tail.rsplit_once(' ') {
        Some((marker, n)) if is_part_marker(marker) => n,
        Some(_) => return (s, None),
        None => tail,
    };
    if is_volume_number(number) {
        (title.trim_end(), Some(number))
    } else {
        (s, None)
    }
}

/// "Deutsche Gesellschaftsgeschichte, Bd. 3: Von der Deutschen
/// Doppelrevolution", "Storia d'Italia, vol. III, Dal primo Settecento
/// all'Unità": a title that names a volume and its title, as (the work's
/// title, the volume, the volume's title).
pub(crate) fn split_title(s: &str) -> Option<(&str, &str, &str)> {
    let mut from = 0;
    // every title is searched: a byte search for the comma (memchr), not
    // a substring search for ", "
    while let Some(i) = s[from..].find(',').map(|i| from + i) {
        from = i + 1;
        let Some(rest) = s[i + 1..].strip_prefix(' ') else {
            continue;
        };
        let Some(sp) = rest.find(' ') else { break };
        if !is_marker(&rest[..sp]) {
            continue;
        }
        let after_marker = &rest[sp + 1..];
        let Some(end) = after_marker.find([',', ':', '.']) else {
            continue;
        };
        let (number, title) = (&after_marker[..end], after_marker[end + 1..].trim_start());
        if is_volume_number(number) && looks_like_a_title(title) {
            let volume = &rest[..sp + 1 + end];
            return Some((s[..i].trim_end(), volume, title));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::tests::fields;

    #[test]
    fn the_field_after_a_volume() {
        let t = "Pierre Nora, Les Lieux de mémoire, t. I, La République, Paris, Gallimard, 1984.";
        let f = fields(
            t,
            &[
                (Label::Editor, "Pierre Nora"),
                (Label::Title, "Les Lieux de mémoire"),
                (Label::Volume, "t. I"),
                (Label::Publisher, "La République"),
                (Label::Location, "Paris"),
                (Label::Publisher, "Gallimard"),
                (Label::Date, "1984"),
            ],
        );
        assert!(after_volume(t, &f, 3));
        assert!(!after_volume(t, &f, 5));
        let t = "W. Churchill, The Second World War, vol. 1, The Gathering Storm (London: Cassell, 1948).";
        let f = fields(
            t,
            &[
                (Label::Author, "W. Churchill"),
                (Label::Title, "The Second World War"),
                (Label::Volume, "vol. 1"),
                (Label::ContainerTitle, "The Gathering Storm"),
                (Label::Location, "London"),
            ],
        );
        assert!(after_volume(t, &f, 3));
    }

    #[test]
    fn what_follows_a_volume_and_is_no_title() {
        let cases: [(&str, &[(Label, &str)]); 6] = [
            // the publisher right after the volume, no other publisher
            (
                "Storia d'Italia, vol. 3, Einaudi, Torino 1973.",
                &[
                    (Label::Title, "Storia d'Italia"),
                    (Label::Volume, "vol. 3"),
                    (Label::Publisher, "Einaudi"),
                    (Label::Location, "Torino"),
                ],
            ),
            // a part of the volume
            (
                "Il digesto italiano, vol. XI, Parte I, Torino 1890.",
                &[
                    (Label::Title, "Il digesto italiano"),
                    (Label::Volume, "vol. XI"),
                    (Label::Note, "Parte I"),
                    (Label::Location, "Torino"),
                ],
            ),
            // "in" between: the volume's host
            (
                "Essay, vol. 2, in Handbook of Things, London 1990.",
                &[
                    (Label::Title, "Essay"),
                    (Label::Volume, "vol. 2"),
                    (Label::ContainerTitle, "Handbook of Things"),
                    (Label::Location, "London"),
                ],
            ),
            // pages follow: a journal's volume
            (
                "Title, Rivista storica, 12, Studi, pp. 3-9.",
                &[
                    (Label::Title, "Title"),
                    (Label::ContainerTitle, "Rivista storica"),
                    (Label::Volume, "12"),
                    (Label::Note, "Studi"),
                    (Label::Pages, "pp. 3-9"),
                ],
            ),
            // no comma after the volume
            (
                "Essays on Banking Reform. Vol. 4 Academy of Political Science.",
                &[
                    (Label::Title, "Essays on Banking Reform."),
                    (Label::Volume, "Vol. 4"),
                    (Label::ContainerTitle, "Academy of Political Science."),
                ],
            ),
            // a volume with its year
            (
                "Archivio Veneto, XIV (1976), Nuova serie, Venezia.",
                &[
                    (Label::Title, "Archivio Veneto"),
                    (Label::Volume, "XIV (1976)"),
                    (Label::Note, "Nuova serie"),
                    (Label::Location, "Venezia"),
                ],
            ),
        ];
        for (t, parts) in cases {
            let f = fields(t, parts);
            assert!((0..f.len()).all(|k| !after_volume(t, &f, k)), "{t}");
        }
    }

    #[test]
    fn a_volume_field_with_its_title() {
        assert_eq!(
            split_volume("t. I, La République"),
            Some(("t. I", "La République"))
        );
        assert_eq!(
            split_volume("vol. 1: The Gathering Storm,"),
            Some(("vol. 1", "The Gathering Storm"))
        );
        assert_eq!(
            split_volume("I, Il sesto secolo"),
            Some(("I", "Il sesto secolo"))
        );
        for s in [
            "vol. 12",
            "XIV (1976)",
            "vol. II, Parte I",
            "12, 3",
            "Bd. 4, S. 7",
            "II, in",
            // no comma: "Bari" or a publisher may follow as well as a title
            "t. I La République",
            "Vol. 4 Academy of Political Science",
            // an imprint, an issue, a number
            "IX, Firenze 1961",
            "Vol. 159, Issue 3",
            "XV, Vol.16 No.15",
            "v. II, Circular 100",
            "I, marzo 1966",
            "II, Il Seicento cit.",
            "III, Le forme del testo (I",
            "XXIII, App",
        ] {
            assert_eq!(split_volume(s), None, "{s}");
        }
    }

    #[test]
    fn the_part_of_a_volume() {
        assert_eq!(
            split_part("Dall'Unità a oggi, 3"),
            ("Dall'Unità a oggi", Some("3"))
        );
        assert_eq!(
            split_part("Dall'Unità a oggi, t. 3,"),
            ("Dall'Unità a oggi", Some("3"))
        );
        assert_eq!(
            split_part("Die Neuzeit, Teil II"),
            ("Die Neuzeit", Some("II"))
        );
        assert_eq!(split_part("La République"), ("La République", None));
        assert_eq!(
            split_part("The Later Crusades, 1198-1311"),
            ("The Later Crusades, 1198-1311", None)
        );
        assert_eq!(split_part("Secoli, Roma 1990"), ("Secoli, Roma 1990", None));
        assert_eq!(
            split_volume("IV, Dall'Unità a oggi, 3"),
            Some(("IV", "Dall'Unità a oggi, 3"))
        );
    }

    #[test]
    fn a_title_with_a_volume_and_its_title() {
        assert_eq!(
            split_title(
                "Deutsche Gesellschaftsgeschichte, Bd. 3: Von der Deutschen Doppelrevolution"
            ),
            Some((
                "Deutsche Gesellschaftsgeschichte",
                "Bd. 3",
                "Von der Deutschen Doppelrevolution"
            ))
        );
        assert_eq!(
            split_title("Storia d'Italia, vol. III, Dal primo Settecento all'Unità"),
            Some((
                "Storia d'Italia",
                "vol. III",
                "Dal primo Settecento all'Unità"
            ))
        );
        for s in [
            "Deutsche Gesellschaftsgeschichte, Bd. 3",
            "War and Peace, vol. 2, part 1",
            "Tomes, t. 3, 1990",
            "Storia, vol. III, Parte II",
        ] {
            assert_eq!(split_title(s), None, "{s}");
        }
    }
}
