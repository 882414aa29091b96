//! The debates of the British Parliament (Hansard), read by rule before
//! the model:
//!
//! - "H.C. Deb., 5th ser., vol. 292, col. 2339 (30 July 1934)"
//! - "Hansard, HC Deb 5s, vol. 339, col. 361, 3 October 1938"
//! - "HC Deb 3 February 1977, vol 925, col 973" (OSCOLA)
//! - "Parliamentary Debates (Commons), 5th ser., vol. 339 (1938), col. 40"
//! - "Hansard (Lords), 5th ser., vol. 110, cols. 1201–4"
//!
//! The model reads "Hansard" as an author and "HC Deb 5s" as a shelfmark;
//! the form is fixed once its name opens the citation and every part after
//! it is a series, a volume, columns or a date. Fields: the debates' name
//! `title` ("Hansard" before it included), the series `collection-title`,
//! `volume`, the columns `pages`, the day (or the volume's year) `date`.
//! A citation with any other part is left to the model.

use crate::dict::Dict;
use crate::occasion::{is_full_date, words};
use crate::LabelledSpan;
use ibid_model::Label;
use std::ops::Range;

/// Segments of `text`: its comma- or semicolon-separated parts, with a
/// bracketed group a segment of its own (brackets included), trimmed of
/// spaces and a final full stop.
fn segments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let push = |out: &mut Vec<Range<usize>>, r: Range<usize>| {
        let s = &text[r.clone()];
        let lead = s.len() - s.trim_start().len();
        let body = s.trim();
        if !body.is_empty() {
            out.push(r.start + lead..r.start + lead + body.len());
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '(' if depth == 0 => {
                push(&mut out, start..i);
                start = i;
                depth = 1;
            }
            '(' => depth += 1,
            ')' if depth == 1 => {
                push(&mut out, start..i + 1);
                start = i + 1;
                depth = 0;
            }
            ')' if depth > 1 => depth -= 1,
            ',' | ';' if depth == 0 => {
                push(&mut out, start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(&mut out, start..text.len());
    // a final full stop ends the citation, not the last segment's word
    // ("30 July 1934).", "col. 973.")
    if let Some(last) = out.last_mut() {
        let s = &text[last.clone()];
        if s.ends_with('.') && !s.ends_with("ser.") && !s.ends_with("Deb.") {
            last.end -= 1;
        }
        if last.start >= last.end {
            out.pop();
        }
    }
    out
}

/// The letters of a word run, lower-cased, without dots and spaces
/// ("H. C. Deb." → "hcdeb").
fn squeezed(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many leading words of `s` name the debates ("H.C. Deb.", "HC Debs",
/// "HL Deb", "Parl. Deb.", "Parliamentary Debates"), as a byte length.
fn name_len(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut letters = String::new();
    for (i, w) in s.split_inclusive(' ').enumerate() {
        if i == 4 {
            break;
        }
        letters.push_str(&squeezed(w));
        end += w.len();
        if matches!(
            letters.as_str(),
            "hcdeb"
                | "hcdebs"
                | "hldeb"
                | "hldebs"
                | "parldeb"
                | "parliamentarydebates"
                | "houseofcommonsdebates"
                | "houseoflordsdebates"
        ) {
            return Some(s[..end].trim_end().len());
        }
    }
    None
}

/// "5th ser.", "5s", "(5th ser.)", "fifth series", "4th series".
fn is_series(s: &str) -> bool {
    let s = s.trim_start_matches('(').trim_end_matches(')').trim();
    let lower = s.to_lowercase();
    // "5s." as "5s"
    let lower = match lower.strip_suffix('.') {
        Some(l) if !l.ends_with("ser") => l.to_string(),
        _ => lower,
    };
    let mut words = lower.split_whitespace();
    let (Some(first), second, None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let ordinal = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        (digits >= 1 && matches!(&w[digits..], "st" | "nd" | "rd" | "th"))
            || matches!(
                w,
                "first" | "second" | "third" | "fourth" | "fifth" | "sixth"
            )
    };
    match second {
        None => {
            let digits = first.bytes().take_while(u8::is_ascii_digit).count();
            digits >= 1 && &first[digits..] == "s"
        }
        Some(w) => ordinal(first) && matches!(w, "ser" | "ser." | "series"),
    }
}

/// "vol. 292", "vol 925", "vol. IV": the marker and one number.
fn is_volume(s: &str) -> bool {
    let mut w = s.split_whitespace();
    let (Some(m), Some(n), None) = (w.next(), w.next(), w.next()) else {
        return false;
    };
    matches!(m.to_lowercase().as_str(), "vol." | "vol" | "v.")
        && (n.bytes().all(|b| b.is_ascii_digit())
            || n.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')))
}

/// "col. 2339", "cols. 40–52", "col 973", "cols 437-40".
fn is_columns(s: &str) -> bool {
    let mut w = s.split_whitespace();
    let (Some(m), Some(n), None) = (w.next(), w.next(), w.next()) else {
        return false;
    };
    matches!(
        m.to_lowercase().as_str(),
        "col." | "cols." | "col" | "cols" | "c." | "cc."
    ) && n
        .split(['–', '-', '—'])
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "(1938)": a year in brackets.
fn is_bracketed_year(s: &str) -> bool {
    s.strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

fn labelled(label: Label, range: Range<usize>) -> LabelledSpan {
    LabelledSpan { label, range }
}

/// The fields of a citation of the parliamentary debates, or `None` for
/// any other citation (see the module docs).
pub(crate) fn parliamentary_debates(text: &str, dict: &Dict) -> Option<Vec<LabelledSpan>> {
    // cheap test first (every citation passes it): every form names
    // "Deb" or "Hansard" in its first words; one pass over the bytes
    let head = &text.as_bytes()[..text.len().min(48)];
    let named = head.iter().enumerate().any(|(i, &b)| {
        let rest = &head[i + 1..];
        (b == b'D' && (rest.starts_with(b"eb") || rest.starts_with(b"EB")))
            || (b == b'H' && rest.starts_with(b"ansard"))
    });
    if !named {
        return None;
    }
    let segs = segments(text);
    let mut i;
    let mut title_start = segs.first()?.start;
    // "Hansard, HC Deb 5s" / "Hansard (Lords)"
    let first = &text[segs[0].clone()];
    let mut title_end;
    let mut fields = Vec::new();
    let mut after_name: Option<Range<usize>> = None;
    if first == "Hansard" {
        match segs.get(1).map(|r| &text[r.clone()]) {
            Some("(Commons)" | "(Lords)" | "(H.C.)" | "(H.L.)") => {
                title_end = segs[1].end;
                i = 2;
            }
            None => return None,
            Some(s) => {
                // "Hansard, HC Deb": the name of the report, then the
                // debates' (the title, as the table of known abbreviations
                // reads it)
                let n = name_len(s)?;
                fields.push(labelled(Label::Other, segs[0].clone()));
                title_start = segs[1].start;
                title_end = segs[1].start + n;
                after_name = Some(title_end..segs[1].end);
                i = 2;
            }
        }
    } else {
        let n = name_len(first)?;
        title_end = segs[0].start + n;
        after_name = Some(title_end..segs[0].end);
        i = 1;
        // "Parliamentary Debates (Commons)"
        if let Some(r) = segs.get(1) {
            if matches!(
                &text[r.clone()],
                "(Commons)" | "(Lords)" | "(H.C.)" | "(H.L.)"
            ) {
                title_end = r.end;
                i = 2;
            }
        }
    }
    fields.push(labelled(Label::Title, title_start..title_end));
    // what follows the name in its segment: a series or a day
    if let Some(r) = after_name {
        let s = text[r.clone()].trim();
        if !s.is_empty() {
            let start = r.start + (text[r.clone()].len() - text[r.clone()].trim_start().len());
            let r = start..start + s.len();
            if is_series(s) {
                fields.push(labelled(Label::CollectionTitle, r));
            } else if is_full_date(text, &words(text, &r), dict) {
                fields.push(labelled(Label::Date, r));
            } else {
                return None;
            }
        }
    }
    let (mut volume, mut columns) = (false, false);
    for r in &segs[i..] {
        let s = &text[r.clone()];
        let label = if is_series(s) {
            Label::CollectionTitle
        } else if is_volume(s) {
            volume = true;
            Label::Volume
        } else if is_columns(s) {
            columns = true;
            Label::Pages
        } else if is_bracketed_year(s) {
            Label::Date
        } else {
            let inner = if s.starts_with('(') && s.ends_with(')') {
                r.start + 1..r.end - 1
            } else {
                r.clone()
            };
            if !is_full_date(text, &words(text, &inner), dict) {
                return None;
            }
            fields.push(labelled(Label::Date, inner));
            continue;
        };
        let r = if label == Label::Date || s.starts_with('(') && s.ends_with(')') {
            r.start + 1..r.end - 1
        } else {
            r.clone()
        };
        fields.push(labelled(label, r));
    }
    // a name alone is no citation of a debate
    (volume || columns).then_some(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Vec<(Label, &str)>> {
        let f = parliamentary_debates(text, Dict::embedded())?;
        Some(
            f.iter()
                .map(|s| (s.label, &text[s.range.clone()]))
                .collect(),
        )
    }

    #[test]
    fn the_forms() {
        use Label::*;
        assert_eq!(
            read("H.C. Deb., 5th ser., vol. 292, col. 2339 (30 July 1934).").unwrap(),
            [
                (Title, "H.C. Deb."),
                (CollectionTitle, "5th ser."),
                (Volume, "vol. 292"),
                (Pages, "col. 2339"),
                (Date, "30 July 1934")
            ]
        );
        assert_eq!(
            read("Hansard, HC Deb 5s, vol. 339, col. 361, 3 October 1938.").unwrap(),
            [
                (Other, "Hansard"),
                (Title, "HC Deb"),
                (CollectionTitle, "5s"),
                (Volume, "vol. 339"),
                (Pages, "col. 361"),
                (Date, "3 October 1938")
            ]
        );
        assert_eq!(
            read("H.C. Deb. 5s., vol. 345, cols. 437–40, 31 March 1939.").unwrap(),
            [
                (Title, "H.C. Deb."),
                (CollectionTitle, "5s."),
                (Volume, "vol. 345"),
                (Pages, "cols. 437–40"),
                (Date, "31 March 1939")
            ]
        );
        assert_eq!(
            read("HC Deb 3 February 1977, vol 925, col 973").unwrap(),
            [
                (Title, "HC Deb"),
                (Date, "3 February 1977"),
                (Volume, "vol 925"),
                (Pages, "col 973")
            ]
        );
        assert_eq!(
            read("Parliamentary Debates (Commons), 5th ser., vol. 339 (1938), col. 40.").unwrap(),
            [
                (Title, "Parliamentary Debates (Commons)"),
                (CollectionTitle, "5th ser."),
                (Volume, "vol. 339"),
                (Date, "1938"),
                (Pages, "col. 40")
            ]
        );
        assert_eq!(
            read("Hansard (Lords), 5th ser., vol. 110, cols. 1201–4").unwrap(),
            [
                (Title, "Hansard (Lords)"),
                (CollectionTitle, "5th ser."),
                (Volume, "vol. 110"),
                (Pages, "cols. 1201–4")
            ]
        );
    }

    #[test]
    fn other_citations_are_left_to_the_model() {
        for text in [
            "Hansard, The Parliamentary History of England, vol. 12 (London, 1812), col. 40.",
            "H.C. Deb., 5th ser., vol. 292, col. 2339; The Times, 31 July 1934.",
            "Smith, Debates in Parliament (London, 1990).",
            "HC Deb",
            "Hansard",
            "Hansard, HC Deb 5s, 3 October 1938.",
            "HC Deb 5s, vol. 339, col. 361, see also the debate of the next day.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
