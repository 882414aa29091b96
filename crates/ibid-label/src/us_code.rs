//! A section of an American code, read by rule after tagging: "47 U.S.C.
//! § 230(c)(1) (2018)", "42 U.S.C.A. § 1983", "17 C.F.R. § 240.10b-5
//! (2020)": the title number, the code, the section, then perhaps the code's
//! year in parentheses. The model, trained on no such citations, read the
//! code as an archive and the section as a volume and an issue; the form is
//! unambiguous. The citation up to the section is the title ("47 U.S.C.
//! § 230(c)(1)", which the CSL conversion types `legislation`), the year
//! the date.

use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// The codes cited by title and section.
const CODES: [&str; 4] = ["U.S.C.A.", "U.S.C.S.", "U.S.C.", "C.F.R."];

/// The title ("47 U.S.C. § 230(c)(1)") and the year of a code citation.
fn parse(text: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let body = text.trim_end().trim_end_matches(['.', ';']);
    let lead = text.len() - text.trim_start().len();
    let t = &body[lead..];
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || t.as_bytes().get(digits) != Some(&b' ') {
        return None;
    }
    let rest = &t[digits + 1..];
    let code = CODES.iter().find(|c| rest.starts_with(*c))?;
    let after = rest[code.len()..].trim_start();
    if !after.starts_with('§') {
        return None;
    }
    // the section runs to the year's parenthesis, or to the end
    let (section_end, year) = match after.rfind(" (") {
        Some(k) if after.ends_with(')') => {
            let inner = &after[k + 2..after.len() - 1];
            let y = inner.rsplit(' ').next().unwrap_or("");
            let is_year = y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
            if !is_year {
                return None;
            }
            let y_at = lead + (t.len() - after.len()) + k + 2 + inner.len() - 4;
            (k, Some(y_at..y_at + 4))
        }
        _ if !after.contains('(') || after.ends_with(')') => (after.len(), None),
        _ => return None,
    };
    let section = after[..section_end].trim_end();
    // "§ 230(c)(1)", "§§ 1981–1983", "§ 240.10b-5": one word, no prose after it
    let number = section.trim_start_matches('§').trim();
    if number.is_empty() || number.contains(char::is_whitespace) {
        return None;
    }
    let end = lead + (t.len() - after.len()) + section.len();
    Some((lead..end, year))
}

/// Relabels a code citation's tokens in `path` (label ids, as the model
/// tags): the title, the year; the brackets outside.
pub(crate) fn us_code(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    if !text.contains('§') {
        return;
    }
    let Some((title, year)) = parse(text) else {
        return;
    };
    let within = |r: &Range<usize>, t: &Range<usize>| t.start >= r.start && t.end <= r.end;
    for (t, tok) in tokens.iter().enumerate().take(path.len()) {
        let r = &tok.range;
        path[t] = if within(&title, r) {
            Label::Title.index() as u16
        } else if year.as_ref().is_some_and(|y| within(y, r)) {
            Label::Date.index() as u16
        } else {
            outside
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(&str, Option<&str>)> {
        let (t, y) = parse(text)?;
        Some((&text[t], y.map(|y| &text[y])))
    }

    #[test]
    fn reads_code_sections() {
        assert_eq!(
            parts("47 U.S.C. § 230(c)(1) (2018)."),
            Some(("47 U.S.C. § 230(c)(1)", Some("2018")))
        );
        assert_eq!(
            parts("42 U.S.C.A. § 1983"),
            Some(("42 U.S.C.A. § 1983", None))
        );
        assert_eq!(
            parts("17 C.F.R. § 240.10b-5 (2020)"),
            Some(("17 C.F.R. § 240.10b-5", Some("2020")))
        );
        assert_eq!(
            parts("42 U.S.C. §§ 1981–1983 (West Supp. 2019)"),
            Some(("42 U.S.C. §§ 1981–1983", Some("2019")))
        );
        // not this form
        assert_eq!(parts("Smith, Law § 3 (1990)"), None);
        assert_eq!(parts("47 U.S.C. § 230 and the courts"), None);
        assert_eq!(parts("47 U.S.C. § 230 (as amended)"), None);
        assert_eq!(parts("1234 U.S.C. § 230"), None);
    }

    #[test]
    fn relabels_the_tokens() {
        let text = "47 U.S.C. § 230(c)(1) (2018).";
        let mut toks = Vec::new();
        crate::token::tokenize(text, &mut toks);
        let outside = Label::ALL.len() as u16;
        let mut path = vec![Label::Archive.index() as u16; toks.len()];
        us_code(text, &toks, &mut path, outside);
        let label_of = |w: &str| {
            path[toks
                .iter()
                .position(|t| &text[t.range.clone()] == w)
                .unwrap()]
        };
        assert_eq!(label_of("47"), Label::Title.index() as u16);
        assert_eq!(label_of("230"), Label::Title.index() as u16);
        assert_eq!(label_of("2018"), Label::Date.index() as u16);
        assert_eq!(path[toks.len() - 1], outside);
    }
}
