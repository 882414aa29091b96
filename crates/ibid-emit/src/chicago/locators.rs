//! A note's pinpoint in Chicago's English. Notes written in German, Italian
//! or law style mark their pinpoints "S. 85 f.", "Bl. 12", "Sp. 361", "s.
//! 146", "Rn. 4"; Chicago writes "85f.", "fol. 12", "col. 361", "§ 146",
//! "para. 4" and leaves a page bare. [`locator_text`] gives that text (as
//! "Ibid., …" prints it) and [`specific_locator`] the kind and value
//! hayagriva needs to print the same (it labels a folio "fol." and, for
//! some types, a page "p.": "p. Bl. 12" before).

use crate::common::{split_pages, squash};
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::{LocatorPayload, SpecificLocator};
use ibid_model::pinpoints::{pinpoint_kind, PinpointKind};

/// The pinpoints Chicago labels, with their labels in English (one, many);
/// a page has none ("45"). A marker word's kind is the shared table's
/// (`ibid_model::pinpoints`); a document's number is [`document_number`]'s.
const LABELS: &[(PinpointKind, Locator, &str, &str)] = &[
    (PinpointKind::Page, Locator::Page, "", ""),
    (PinpointKind::Folio, Locator::Folio, "fol.", "fols."),
    (PinpointKind::Column, Locator::Column, "col.", "cols."),
    (
        PinpointKind::Paragraph,
        Locator::Paragraph,
        "para.",
        "paras.",
    ),
    (PinpointKind::Section, Locator::Section, "§", "§§"),
];

/// The labels (one, many) of the pinpoint `word` marks ("S." → page, "Bl."
/// → folio); `None` for no marker, or one Chicago does not label so.
fn labels_of(word: &str) -> Option<(&'static str, &'static str)> {
    let kind = pinpoint_kind(word.trim_end_matches('.'))?;
    LABELS
        .iter()
        .find(|(k, ..)| *k == kind)
        .map(|&(_, _, one, many)| (one, many))
}

/// "And the following" after a pinpoint as written, and as Chicago writes it.
const FOLLOWING: &[(&str, &str)] = &[
    ("ff.", "ff."),
    ("f.", "f."),
    ("ff", "ff."),
    ("f", "f."),
    ("sqq.", "ff."),
    ("sq.", "f."),
    ("sgg.", "ff."),
    ("segg.", "ff."),
    ("seqq.", "ff."),
    ("seq.", "f."),
    ("ss.", "ff."),
    ("s.", "f."),
];

/// A value Chicago can print after its label: a number, a roman numeral, a
/// folio with its side ("12v"), or a range of them.
fn plain_value(s: &str) -> bool {
    let one = |s: &str| {
        let s = s.trim_end_matches(['r', 'v']);
        !s.is_empty()
            && s.len() <= 12
            && (s.chars().all(|c| c.is_ascii_digit())
                || s.chars()
                    .all(|c| "ivxlcdm".contains(c.to_ascii_lowercase())))
    };
    match split_pages(s) {
        (a, Some(b)) => one(&a) && one(&b),
        (a, None) => one(&a),
    }
}

/// A pinpoint that opens with a volume of a multi-volume work ("vol. II, p.
/// 12", "Bd. 2, S. 14", "2:112"): the volume and the rest of the pinpoint.
pub(crate) fn volume_prefix(loc: &str) -> Option<(&str, &str)> {
    // CMOS's own form: "2:112", "II:45–47"
    if let Some(v) = ibid_model::pinpoints::volume_and_page(loc) {
        return Some(v);
    }
    let (head, rest) = loc.split_once(", ")?;
    let (marker, volume) = head.split_once(' ')?;
    let marker = marker.trim_end_matches('.');
    let volume_marker = ibid_model::text::is_volume_marker(&marker.to_lowercase());
    let value = !volume.is_empty()
        && volume.len() <= 8
        && volume
            .chars()
            .all(|c| c.is_ascii_digit() || "IVXLCivxlc".contains(c));
    (volume_marker && value && !rest.trim().is_empty()).then_some((volume, rest.trim()))
}

/// A pinpoint's value as first and last number, whatever its marker ("p.
/// 91" → ("91", None), "S. 45–47", "fol. 3-5", "§ 12", "xiv"); `None` for
/// anything else ("Doc. No. 45").
pub(crate) fn pinpoint_numbers(loc: &str) -> Option<(String, Option<String>)> {
    let l = squash(loc);
    let value = match l.split_once(' ') {
        Some((word, rest)) if labels_of(word).is_some() => rest,
        _ => l.as_str(),
    };
    if !plain_value(value) {
        return None;
    }
    Some(split_pages(value))
}

/// The locator as Chicago prints it: its label in English and its value,
/// with a range joined by an en dash and "f."/"ff." glued on ("85f.");
/// a locator of no known form stays as written.
pub(crate) fn locator_text(loc: &str) -> String {
    // "vol. II, p. 12" → "2:12", as CMOS writes a volume and its page
    if let Some((volume, rest)) = volume_prefix(loc) {
        let arabic = ibid_model::text::canonical_roman(
            &volume.to_uppercase(),
            ibid_model::text::RomanRules::STANDARD,
        )
        .map_or_else(|| volume.to_string(), |n| n.to_string());
        return format!("{arabic}:{}", locator_text(rest));
    }
    let l = squash(loc);
    if let Some(number) = document_number(&l) {
        return number;
    }
    let (word, rest) = match l.split_once(' ') {
        Some((w, r)) => (w, r),
        None => ("", l.as_str()),
    };
    let (labels, value) = match labels_of(word) {
        Some(labels) if !word.is_empty() => (labels, rest),
        // no marker word: a bare page ("91", "45–47")
        _ => (("", ""), l.as_str()),
    };
    // "85 f.", "15 ff.", "85f.", and the Latin and Italian forms Chicago
    // writes "f."/"ff.": "152 sq.", "20 sqq.", "20 sgg.", "20 ss."
    let (value, follow) = FOLLOWING
        .iter()
        .find_map(|(written, chicago)| {
            let v = value.strip_suffix(written)?;
            let glued_digit = v.ends_with(|c: char| c.is_ascii_digit()) && written.starts_with('f');
            (glued_digit || v.ends_with(' ')).then(|| (v.trim_end(), *chicago))
        })
        .unwrap_or((value, ""));
    if !plain_value(value) {
        return l;
    }
    let (value, label) = match split_pages(value) {
        (a, Some(b)) => (format!("{a}–{b}"), labels.1),
        (a, None) => (a, labels.0),
    };
    if label.is_empty() {
        format!("{value}{follow}")
    } else {
        format!("{label} {value}{follow}")
    }
}

/// A document's number in the note's language, as Chicago writes it: "n.
/// 45", "n° 213", "Nr. 19", "núm. 3" → "no. 45"; "nn. 3-5" → "nos. 3–5".
/// Only a label followed by a number; anything else is `None`.
fn document_number(l: &str) -> Option<String> {
    let (word, rest) = l.split_once(' ')?;
    let plural = match word.trim_end_matches('.').to_lowercase().as_str() {
        "n" | "n°" | "nº" | "nr" | "num" | "núm" | "numero" | "número" => false,
        "nn" | "nrn" | "nos" | "núms" => true,
        _ => return None,
    };
    if !rest.starts_with(|c: char| c.is_ascii_digit()) || !plain_value(rest) {
        return None;
    }
    let value = match split_pages(rest) {
        (a, Some(b)) => format!("{a}–{b}"),
        (a, None) => a,
    };
    let plural = plural || value.contains('–');
    Some(format!("{} {value}", if plural { "nos." } else { "no." }))
}

/// Whether a pinpoint in Chicago's form ([`locator_text`]) has a label
/// other than a page's ("col. 361", "fols. 3–5", "§ 3", "para. 4").
pub(crate) fn labelled_pinpoint(text: &str) -> bool {
    LABELS.iter().any(|(_, _, one, many)| {
        [many, one]
            .iter()
            .any(|l| !l.is_empty() && text.strip_prefix(**l).is_some_and(|r| r.starts_with(' ')))
    })
}

/// Whether a pinpoint in Chicago's form opens with a page number: arabic
/// ("213", "12–15") or a lower-case roman one ("xii"); not "n° 213", "Doc.
/// No. 45" or a labelled pinpoint.
pub(crate) fn starts_like_a_page(text: &str) -> bool {
    let first = text
        .split([' ', ',', '-', '–', 'f'])
        .next()
        .unwrap_or_default();
    let lower_roman = first.bytes().all(|b| b.is_ascii_lowercase())
        && ibid_model::text::canonical_roman(first, ibid_model::text::RomanRules::STANDARD)
            .is_some();
    (!first.is_empty() && first.bytes().all(|b| b.is_ascii_digit())) || lower_roman
}

/// The locator hayagriva gets for a text of [`locator_text`]: the kind its
/// label names and the value after it; anything else a page, as written.
/// For an item with a volume the whole text is a page: hayagriva prints a
/// volume before a page ("667:col. 737") but drops it before a column.
pub(crate) fn specific_locator(text: &str, has_volume: bool) -> SpecificLocator<'_> {
    if !has_volume {
        for (_, kind, one, many) in LABELS {
            for label in [many, one] {
                if label.is_empty() {
                    continue;
                }
                if let Some(value) = text.strip_prefix(label).and_then(|r| r.strip_prefix(' ')) {
                    return SpecificLocator(*kind, LocatorPayload::Str(value));
                }
            }
        }
    }
    SpecificLocator(Locator::Page, LocatorPayload::Str(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinpoints_in_chicago_english() {
        for (written, chicago) in [
            ("p. 91", "91"),
            ("pp. 45-47", "45–47"),
            ("S. 85 f.", "85f."),
            ("S. 221 ff.", "221ff."),
            ("at 185", "185"),
            ("hier S. 80", "hier S. 80"),
            ("Bl. 12", "fol. 12"),
            ("Bl. 15 f.", "fol. 15f."),
            ("fol. 23v", "fol. 23v"),
            ("Bl. 3–5", "fols. 3–5"),
            ("cols. 2340-1", "cols. 2340–1"),
            ("Sp. 361", "col. 361"),
            // the shared table reads a marker in any case but "S"/"s"
            ("P. 12", "12"),
            ("FOL. 3", "fol. 3"),
            ("ss. 3-5", "§§ 3–5"),
            ("col. 361", "col. 361"),
            ("s. 146", "§ 146"),
            ("§ 3", "§ 3"),
            ("s 3", "§ 3"),
            ("Rn. 4", "para. 4"),
            ("xiv", "xiv"),
            ("347 ff.", "347ff."),
            ("p. 152 sq.", "152f."),
            ("pp. 20 sgg.", "20ff."),
            ("S. 20 ss.", "20ff."),
            ("c. 12 s.", "fol. 12f."),
            ("12", "12"),
            // no known form: as written
            ("Doc. No. 45", "Doc. No. 45"),
            ("Nr. 19", "no. 19"),
            ("127 and throughout", "127 and throughout"),
            ("ch. 3", "ch. 3"),
            // a volume and its page
            ("vol. II, p. 12", "2:12"),
            ("Bd. 3, S. 85 f.", "3:85f."),
        ] {
            assert_eq!(locator_text(written), chicago, "{written}");
        }
    }

    #[test]
    fn pinpoint_numbers_whatever_the_marker() {
        let n = |l: &str| pinpoint_numbers(l);
        assert_eq!(n("p. 91"), Some(("91".into(), None)));
        assert_eq!(n("pp. 45–47"), Some(("45".into(), Some("47".into()))));
        assert_eq!(n("S. 12"), Some(("12".into(), None)));
        assert_eq!(n("fol. 3-5"), Some(("3".into(), Some("5".into()))));
        assert_eq!(n("at 185"), Some(("185".into(), None)));
        assert_eq!(n("xiv"), Some(("xiv".into(), None)));
        assert_eq!(n("Doc. No. 45"), None);
        assert_eq!(n(""), None);
    }

    #[test]
    fn a_volume_opens_a_pinpoint() {
        assert_eq!(volume_prefix("vol. II, p. 12"), Some(("II", "p. 12")));
        assert_eq!(volume_prefix("Bd. 2, S. 14 f."), Some(("2", "S. 14 f.")));
        assert_eq!(volume_prefix("2:112"), Some(("2", "112")));
        assert_eq!(volume_prefix("II:45–47"), Some(("II", "45–47")));
        // a colon elsewhere: the marked form still
        assert_eq!(
            volume_prefix("Bd. 2, S. 14: Anm. 3"),
            Some(("2", "S. 14: Anm. 3"))
        );
        for loc in [
            "p. 12",
            "vol. II",
            "Doc. No. 4, p. 3",
            "vol. Two, p. 3",
            "12345:3",
            "Gen 1:3",
            "2:p. 3",
        ] {
            assert_eq!(volume_prefix(loc), None, "{loc}");
        }
    }

    #[test]
    fn labelled_pinpoints() {
        for l in [
            "col. 361",
            "cols. 2–3",
            "fol. 12",
            "§ 3",
            "§§ 3–4",
            "para. 4",
        ] {
            assert!(labelled_pinpoint(l), "{l}");
        }
        for l in ["361", "85f.", "Doc. No. 45", "col.361", "2:12"] {
            assert!(!labelled_pinpoint(l), "{l}");
        }
    }

    #[test]
    fn a_document_number_is_written_no() {
        assert_eq!(locator_text("n. 45"), "no. 45");
        assert_eq!(locator_text("n° 213"), "no. 213");
        assert_eq!(locator_text("Nr. 19"), "no. 19");
        assert_eq!(locator_text("nn. 3-5"), "nos. 3–5");
        assert_eq!(locator_text("Doc. No. 45"), "Doc. No. 45");
        // not a number after the label
        assert_eq!(locator_text("n. s."), "n. s.");
    }

    #[test]
    fn a_page_is_told_from_a_document_number() {
        for page in ["213", "12–15", "85f.", "xii", "xii–xv", "4, 7"] {
            assert!(starts_like_a_page(page), "{page}");
        }
        for other in ["n° 213", "Doc. No. 45", "n. 9", "col. 361", "XII", ""] {
            assert!(!starts_like_a_page(other), "{other}");
        }
    }

    #[test]
    fn hayagriva_gets_the_kind_and_the_value() {
        let k = |t: &str| {
            let SpecificLocator(kind, LocatorPayload::Str(v)) = specific_locator(t, false) else {
                panic!("{t}");
            };
            (kind, v.to_string())
        };
        assert_eq!(k("fol. 12"), (Locator::Folio, "12".into()));
        assert_eq!(k("col. 361"), (Locator::Column, "361".into()));
        assert_eq!(k("§ 146"), (Locator::Section, "146".into()));
        assert_eq!(k("fols. 3–5"), (Locator::Folio, "3–5".into()));
        assert_eq!(k("para. 4"), (Locator::Paragraph, "4".into()));
        assert_eq!(k("85f."), (Locator::Page, "85f.".into()));
        assert_eq!(k("Doc. No. 45"), (Locator::Page, "Doc. No. 45".into()));
        // with a volume, the label goes into the page
        let SpecificLocator(kind, _) = specific_locator("col. 737", true);
        assert_eq!(kind, Locator::Page);
    }
}
