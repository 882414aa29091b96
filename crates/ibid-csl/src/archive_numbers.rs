//! Numbers of archival documents that the labeller reads as other fields:
//! a document number taken for a shelfmark ("Doc. No. 45") and a registry
//! or docket number taken for pages ("C 3766/270/18"). The repairs and the
//! item builder ask here what such a number is.

/// "Doc. No. 45", "No. 12", "Nr. 3": a document number taken for a
/// shelfmark is the citation's pinpoint (the segmenter keeps it as the
/// locator), not where the work is kept.
pub(crate) fn is_document_number(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let Some((number, markers)) = words.split_last() else {
        return false;
    };
    !markers.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
        && markers.iter().all(|m| {
            matches!(
                m.as_str(),
                "doc" | "document" | "dok" | "no" | "nr" | "n°" | "nos"
            )
        })
}

/// A registry or docket number ("C 3766/270/18", "3766/270/18"): an
/// optional one-to-three-letter prefix, then three or more numbers joined
/// by slashes, the first not a day of a date "20/5/1937". Pages never take
/// two slashes. The trimmed text, or `None`.
pub(crate) fn registry_number(s: &str) -> Option<&str> {
    let t = s.trim().trim_end_matches(['.', ',', ';']);
    let digits = t.trim_start_matches(|c: char| c.is_ascii_uppercase() || c == '.');
    let prefix = t.len() - digits.len();
    if prefix > 4 {
        return None;
    }
    let digits = digits.trim_start();
    let parts: Vec<&str> = digits.split('/').collect();
    if parts.len() < 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |p: &str| p.parse::<u32>().unwrap_or(0);
    let date_like = parts.len() == 3
        && n(parts[0]) <= 31
        && n(parts[1]) <= 31
        && (parts[2].len() == 4 || parts[2].len() == 2 && n(parts[0]) <= 12);
    (!date_like).then_some(t)
}

/// "CAB 23/92", "FO 371/19902", "HO 45/10523", "PREM 1/266A", "Add MS
/// 12345": a shelfmark of a record office's series and piece, as a note or
/// stray field holds it: an upper-case series code of one to five letters
/// (one word, or "Add MS"), then a number with at most one slash group
/// after it and nothing else.
pub(crate) fn is_series_shelfmark(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['.', ',', ';']);
    let mut words: Vec<&str> = s.split_whitespace().collect();
    if words.first() == Some(&"Add") {
        words.remove(0);
    }
    let [code, number] = words.as_slice() else {
        return false;
    };
    let piece = |p: &str| {
        let digits = p.trim_end_matches(|c: char| c.is_ascii_uppercase());
        !digits.is_empty() && digits.len() <= 6 && digits.bytes().all(|b| b.is_ascii_digit())
    };
    (1..=5).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && number.split('/').count() <= 2
        && number.split('/').all(piece)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_numbers() {
        assert!(is_document_number("Doc. No. 45"));
        assert!(is_document_number("Nr. 3"));
        assert!(!is_document_number("FO 371/18851"));
        assert!(!is_document_number("45"));
    }

    #[test]
    fn registry_numbers() {
        assert_eq!(registry_number("20/5/1937"), None);
        assert_eq!(registry_number("112–18"), None);
        assert_eq!(registry_number("12/3"), None);
        assert_eq!(registry_number("C 3766/270/18."), Some("C 3766/270/18"));
        assert_eq!(registry_number("3850/55/18"), Some("3850/55/18"));
    }

    #[test]
    fn series_shelfmarks() {
        for s in [
            "CAB 23/92",
            "FO 371/19902",
            "PREM 1/266A",
            "Add MS 12345",
            "HO 45.",
        ] {
            assert!(is_series_shelfmark(s), "{s}");
        }
        for s in [
            "Doc. No. 45",
            "C 3766/270/18",
            "pp. 12",
            "Nicolson Papers",
            "Kew",
            "1938",
        ] {
            assert!(!is_series_shelfmark(s), "{s}");
        }
    }
}
