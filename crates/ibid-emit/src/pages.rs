//! Page values read for the fields that hold page numbers: RIS `SP`/`EP`,
//! TEI `biblScope/@from`/`@to`, JATS `<fpage>`/`<lpage>`, BibTeX `pages`.
//!
//! A work's `page` is text as the source wrote it: "737–38", "S. 12–14",
//! "xi-xv", or, when a pinpoint leaked into it, "237-264, ici p. 240". The
//! single-page fields need absolute page numbers, so [`read_pages`] reads the
//! page or range the value starts with and expands an abbreviated last page
//! ("737–38" → 737, 738; "1937-39" → 1937, 1939). What it cannot read it
//! leaves alone: the writers then keep the text in a free-text place.

use crate::common::squash;
use ibid_model::text::{canonical_roman, RomanRules};

/// A page or page range at the start of a page value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageRange {
    /// The first page ("737").
    pub first: String,
    /// The last page as an absolute number ("738" for "737–38").
    pub last: Option<String>,
    /// What follows the range in the value (", ici p. 240"); empty when the
    /// value is just the range.
    pub rest: String,
}

impl PageRange {
    /// True when the value held nothing but the page or range.
    pub fn is_whole(&self) -> bool {
        self.rest.is_empty()
    }

    /// The page or range with `sep` between first and last page.
    pub fn joined(&self, sep: &str) -> String {
        match &self.last {
            Some(l) => format!("{}{sep}{l}", self.first),
            None => self.first.clone(),
        }
    }
}

/// Page markers a value may start with ("p. 12", "pp. 12–14", "S. 12–14").
/// A marker counts only when a space or digit follows it.
const MARKERS: [&str; 7] = ["pp.", "p.", "s.", "pages", "page", "pp", "p"];

pub(crate) const DASHES: [char; 6] = ['-', '–', '—', '‒', '―', '−'];

/// Read the page or range a page value starts with; `None` when it starts
/// with none, or with a range whose last page cannot be read as at or after
/// its first ("45-12"). Arabic page numbers, roman numerals (left as they
/// are, never expanded) and page ids such as "A12", "e1003" or "12v" are
/// pages; anything after the range must be set off by a comma, semicolon,
/// space or parenthesis, and is returned in [`PageRange::rest`].
pub(crate) fn read_pages(value: &str) -> Option<PageRange> {
    let v = squash(value);
    let v = v.trim_end_matches(['.', ' ']);
    let s = strip_marker(v);
    let (first, after) = token(s)?;
    let after_dash = after.trim_start().strip_prefix(DASHES);
    let (last, rest) = match after_dash {
        Some(r) => {
            let r = r.trim_start_matches(DASHES).trim_start();
            let (last, rest) = token(r)?;
            (Some(absolute_last(first, last)?), rest)
        }
        None => (None, after),
    };
    if !(rest.is_empty() || rest.starts_with([',', ';', ' ', '('])) {
        return None;
    }
    Some(PageRange {
        first: first.to_string(),
        last,
        rest: rest.to_string(),
    })
}

fn strip_marker(s: &str) -> &str {
    for m in MARKERS {
        let Some(head) = s.get(..m.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(m) {
            continue;
        }
        let rest = &s[m.len()..];
        let dotted = m.ends_with('.');
        match rest.chars().next() {
            Some(' ') => return rest.trim_start(),
            Some(c) if dotted && c.is_ascii_digit() => return rest,
            _ => {}
        }
    }
    s
}

/// A page token at the start of `s` and what follows it.
fn token(s: &str) -> Option<(&str, &str)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    let (t, rest) = s.split_at(end);
    is_page(t).then_some((t, rest))
}

/// A roman numeral in its usual spelling, in one letter case ("xiv", "XIV").
fn is_roman(t: &str) -> bool {
    canonical_roman(t, RomanRules::STANDARD).is_some()
}

/// "45", "xiv", "A12", "e1003", "S4", "12a", "12v": at most two letters
/// before the digits and one after.
fn is_page(t: &str) -> bool {
    if !t.is_ascii() || t.is_empty() || t.len() > 12 {
        return false;
    }
    if is_roman(t) {
        return true;
    }
    let b = t.as_bytes();
    let lead = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let digits = b[lead..].iter().take_while(|c| c.is_ascii_digit()).count();
    let tail = b.len() - lead - digits;
    lead <= 2 && digits > 0 && tail <= 1 && b[lead + digits..].iter().all(u8::is_ascii_alphabetic)
}

/// The last page as an absolute number: an abbreviated last page takes the
/// first page's leading digits ("737"–"38" → "738"). `None` when a numeric
/// last page ends up before the first page.
fn absolute_last(first: &str, last: &str) -> Option<String> {
    let numeric = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    if !(numeric(first) && numeric(last)) {
        return Some(last.to_string());
    }
    let full = if last.len() < first.len() {
        format!("{}{last}", &first[..first.len() - last.len()])
    } else {
        last.to_string()
    };
    let n = |s: &str| s.parse::<u64>().ok();
    (n(&full)? >= n(first)?).then_some(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(v: &str) -> Option<(String, Option<String>, String)> {
        read_pages(v).map(|r| (r.first, r.last, r.rest))
    }

    fn whole(a: &str, b: Option<&str>) -> Option<(String, Option<String>, String)> {
        Some((a.into(), b.map(String::from), String::new()))
    }

    #[test]
    fn abbreviated_last_pages_are_expanded() {
        assert_eq!(range("737–38"), whole("737", Some("738")));
        assert_eq!(range("208–30"), whole("208", Some("230")));
        assert_eq!(range("1937-39"), whole("1937", Some("1939")));
        assert_eq!(range("110–29"), whole("110", Some("129")));
        assert_eq!(range("95-6"), whole("95", Some("96")));
        assert_eq!(range("98–102"), whole("98", Some("102")));
        assert_eq!(range("345–367"), whole("345", Some("367")));
    }

    #[test]
    fn dashes_spaces_and_markers() {
        for v in [
            "45-67",
            "45–67",
            "45—67",
            "45‒67",
            "45−67",
            "45--67",
            "45 – 67",
            "45 -67",
            "pp. 45–67",
            "p. 45–67",
            "pp.45-67",
            "S. 45–67",
            "pages 45-67",
            "45–67.",
        ] {
            assert_eq!(range(v), whole("45", Some("67")), "{v}");
        }
        assert_eq!(range("S. 12–14"), whole("12", Some("14")));
        assert_eq!(range("91"), whole("91", None));
        assert_eq!(range("p. 91"), whole("91", None));
    }

    #[test]
    fn roman_and_page_ids_are_left_alone() {
        assert_eq!(range("xi-xv"), whole("xi", Some("xv")));
        assert_eq!(range("XIV"), whole("XIV", None));
        assert_eq!(range("ix–12"), whole("ix", Some("12")));
        assert_eq!(range("A12-A15"), whole("A12", Some("A15")));
        assert_eq!(range("e1003"), whole("e1003", None));
        assert_eq!(range("12r–13v"), whole("12r", Some("13v")));
    }

    #[test]
    fn a_leading_range_before_more_text() {
        let r = read_pages("237-264, ici p. 240").unwrap();
        assert_eq!((r.first.as_str(), r.last.as_deref()), ("237", Some("264")));
        assert_eq!(r.rest, ", ici p. 240");
        assert!(!r.is_whole());
        let r = read_pages("155-75, 160").unwrap();
        assert_eq!(r.joined("--"), "155--175");
        assert_eq!(r.rest, ", 160");
        let r = read_pages("11, 15").unwrap();
        assert_eq!((r.first.as_str(), r.last.as_deref()), ("11", None));
        assert_eq!(r.rest, ", 15");
        assert_eq!(
            read_pages("73-97, hier S. 80").unwrap().rest,
            ", hier S. 80"
        );
        assert_eq!(read_pages("12 ff").unwrap().rest, " ff");
        assert!(read_pages("45–67").unwrap().is_whole());
    }

    #[test]
    fn unreadable_values_are_left_alone() {
        for v in [
            "",
            "-",
            "passim",
            "ici p. 240",
            "45-12",
            "98-5",
            "12ff",
            "12/13",
            "123456789012345",
            "four",
            "col. 361",
            "١٢",
            "civil",
            "IIII-V",
        ] {
            assert_eq!(read_pages(v), None, "{v}");
        }
    }
}
