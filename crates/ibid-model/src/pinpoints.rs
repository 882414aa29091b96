//! The words that mark a pinpoint ("p.", "S.", "fol.", "col.", "Rn.", "§")
//! and what each marks: one table for the resolver (which counts a
//! back-reference's pinpoints by kind) and the Chicago writer (which
//! prints them in English).
//!
//! Case matters for one word: "S. 45" is a German page, "s. 3" a section of
//! a British statute (OSCOLA), "ss. 3–5" its sections.
//!
//! ```
//! use ibid_model::pinpoints::{pinpoint_kind, PinpointKind};
//! assert_eq!(pinpoint_kind("S"), Some(PinpointKind::Page));
//! assert_eq!(pinpoint_kind("s"), Some(PinpointKind::Section));
//! assert_eq!(pinpoint_kind("Bl"), Some(PinpointKind::Folio));
//! assert_eq!(pinpoint_kind("c"), Some(PinpointKind::Folio)); // Italian "c. 327v"
//! assert_eq!(pinpoint_kind("vol"), None); // a volume: `text::is_volume_marker`
//! ```

/// What a pinpoint's marker word marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinpointKind {
    /// "p. 91", "pp. 3–5", "S. 12", "pág. 4", "blz. 7", "at 5"
    Page,
    /// "fol. 23", "f. 4v", "c. 327v", "Bl. 15"
    Folio,
    /// "col. 361", "Sp. 12"
    Column,
    /// "para 12", "Rn. 4", "¶ 3"
    Paragraph,
    /// "sec. 4", "§ 12"
    Section,
    /// "Doc. No. 45", "No. 102", "Nr. 7"
    Document,
}

/// The marker words without their period, by what they mark: lower case,
/// but for the words whose case tells two markers apart ("S" and "s").
pub const PINPOINT_MARKERS: &[(&str, PinpointKind)] = {
    use PinpointKind::*;
    &[
        ("p", Page),
        ("pp", Page),
        ("page", Page),
        ("pages", Page),
        ("pag", Page),
        ("pagg", Page),
        ("pagina", Page),
        ("pág", Page),
        ("págs", Page),
        ("blz", Page),
        ("S", Page),
        ("SS", Page),
        ("seite", Page),
        ("seiten", Page),
        ("at", Page),
        ("hier", Page),
        ("ici", Page),
        ("fol", Folio),
        ("fols", Folio),
        ("fo", Folio),
        ("folio", Folio),
        ("folios", Folio),
        ("f", Folio),
        ("ff", Folio),
        ("c", Folio),
        ("cc", Folio),
        ("carta", Folio),
        ("carte", Folio),
        ("bl", Folio),
        ("col", Column),
        ("cols", Column),
        ("sp", Column),
        ("para", Paragraph),
        ("paras", Paragraph),
        ("rn", Paragraph),
        ("rz", Paragraph),
        ("¶", Paragraph),
        ("s", Section),
        ("ss", Section),
        ("sec", Section),
        ("secs", Section),
        ("§", Section),
        ("§§", Section),
        ("doc", Document),
        ("dok", Document),
        ("no", Document),
        ("nos", Document),
        ("nr", Document),
    ]
};

/// What the marker `word` (as written, without its period) marks: the
/// entry of that spelling, else of the word in lower case ("Fol" is "fol").
pub fn pinpoint_kind(word: &str) -> Option<PinpointKind> {
    let find = |w: &str| {
        PINPOINT_MARKERS
            .iter()
            .find(|(m, _)| *m == w)
            .map(|&(_, k)| k)
    };
    find(word).or_else(|| {
        word.chars()
            .any(char::is_uppercase)
            .then(|| find(&word.to_lowercase()))
            .flatten()
    })
}

/// A pinpoint in CMOS's volume-and-page form, "2:112", "II:45–47": the
/// volume (digits, or a roman numeral, four characters at most) and the
/// page after the colon; `None` for any other ("Gen 1:3", "2:p. 3").
///
/// ```
/// use ibid_model::pinpoints::volume_and_page;
/// assert_eq!(volume_and_page("2:112"), Some(("2", "112")));
/// assert_eq!(volume_and_page("p. 12"), None);
/// ```
pub fn volume_and_page(loc: &str) -> Option<(&str, &str)> {
    let (volume, page) = loc.split_once(':')?;
    let value = !volume.is_empty()
        && volume.len() <= 4
        && (volume.chars().all(|c| c.is_ascii_digit())
            || volume.chars().all(|c| "IVXLivxl".contains(c)));
    (value && page.starts_with(|c: char| c.is_ascii_digit())).then_some((volume, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volume_and_page_forms() {
        assert_eq!(volume_and_page("II:45–47"), Some(("II", "45–47")));
        for loc in ["12345:3", "Gen 1:3", "2:p. 3", ":3", "2:"] {
            assert_eq!(volume_and_page(loc), None, "{loc}");
        }
    }

    #[test]
    fn each_marker_is_listed_once_in_lower_case() {
        for (i, (w, _)) in PINPOINT_MARKERS.iter().enumerate() {
            // "S" and "SS" only are written in capitals
            assert!(w.to_lowercase() == *w || ["S", "SS"].contains(w), "{w}");
            assert!(!w.ends_with('.'), "{w}");
            assert!(
                !PINPOINT_MARKERS[..i].iter().any(|(v, _)| v == w),
                "{w} twice"
            );
        }
        assert_eq!(pinpoint_kind("Fol"), Some(PinpointKind::Folio));
        assert_eq!(pinpoint_kind("SEITE"), Some(PinpointKind::Page));
        assert_eq!(pinpoint_kind("Ss"), Some(PinpointKind::Section));
        assert_eq!(pinpoint_kind("vol"), None);
        assert!(PINPOINT_MARKERS
            .iter()
            .all(|(w, _)| !crate::text::is_volume_marker(w)));
    }
}
