//! Documents of the United States Congress, read by rule after tagging:
//!
//! - a committee report or document: "H.R. Rep. No. 104-458, at 194 (1996)
//!   (Conf. Rep.)", "S. Rep. No. 104-23, at 9 (1995)": the designation is
//!   the title (which the CSL conversion types `report`), the page after
//!   "at" the pages, the year the date, a bracket after it a note;
//! - the Congressional Record: "141 Cong. Rec. H8469–70 (daily ed. Aug.
//!   4, 1995) (statement of Rep. Cox)": the volume, "Cong. Rec." the
//!   container, the page, "daily ed." the edition and the day the date, a
//!   bracket after it a note.
//!
//! The model, trained on no such citations, read "H.R. Rep" as a person and
//! the Record as an archive; both forms are unambiguous.

use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// The designations of committee reports and documents, before their number.
const REPORTS: [&str; 8] = [
    "H.R. Rep. No. ",
    "H.R. Conf. Rep. No. ",
    "H.R. Doc. No. ",
    "H. Rep. No. ",
    "S. Rep. No. ",
    "S. Conf. Rep. No. ",
    "S. Doc. No. ",
    "S. Exec. Rep. No. ",
];

/// The labelled parts of a citation, as byte ranges into the text.
type Parts = Vec<(Label, Range<usize>)>;

fn digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// After the citation's core at `at`: "(1996)" or "(daily ed. Aug. 4,
/// 1995)" (its date, and "daily ed." as the edition), then brackets (a note)
/// to `end`. `None` when anything else follows.
fn brackets_after(text: &str, mut at: usize, end: usize, parts: &mut Parts) -> Option<()> {
    let mut first = true;
    loop {
        let rest = &text[at..end];
        let skipped = rest.len() - rest.trim_start().len();
        if skipped == rest.len() {
            return Some(());
        }
        let open = at + skipped;
        if !text[open..end].starts_with('(') {
            return None;
        }
        let close = open + text[open..end].find(')')?;
        let inner = open + 1..close;
        let inside = &text[inner.clone()];
        let year_end = inside.len() >= 4
            && inside.is_char_boundary(inside.len() - 4)
            && digits(&inside[inside.len() - 4..]) == 4;
        if first && year_end {
            match inside.strip_prefix("daily ed. ") {
                Some(day) => {
                    parts.push((Label::Edition, inner.start..inner.start + 9));
                    parts.push((Label::Date, close - day.len()..close));
                }
                None if inside.len() == 4 => parts.push((Label::Date, inner)),
                None => return None,
            }
        } else if first {
            // the first bracket holds the year
            return None;
        } else {
            parts.push((Label::Note, inner));
        }
        first = false;
        at = close + 1;
    }
}

/// "H.R. Rep. No. 104-458, at 194 (1996) (Conf. Rep.)".
fn committee_report(text: &str, start: usize, end: usize) -> Option<Parts> {
    let body = &text[start..end];
    let prefix = REPORTS.iter().find(|p| body.starts_with(*p))?;
    let mut at = start + prefix.len();
    // the number: "104-458", "104-458, pt. 1" stays out
    let n = digits(&text[at..]);
    if n == 0 {
        return None;
    }
    at += n;
    if let Some(rest) = text[at..].strip_prefix('-') {
        let m = digits(rest);
        if m == 0 {
            return None;
        }
        at += 1 + m;
    }
    let mut parts = vec![(Label::Title, start..at)];
    if let Some(rest) = text[at..end].strip_prefix(", at ") {
        let pin = at + 5;
        let n = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'-')
            .count();
        if n == 0 || digits(rest) == 0 {
            return None;
        }
        // "194–95" with an en dash
        let mut pin_end = pin + n;
        if let Some(r) = text[pin_end..end].strip_prefix('–') {
            pin_end += '–'.len_utf8() + digits(r);
        }
        parts.push((Label::Pages, pin..pin_end));
        at = pin_end;
    }
    brackets_after(text, at, end, &mut parts)?;
    Some(parts)
}

/// "141 Cong. Rec. H8469–70 (daily ed. Aug. 4, 1995)".
fn congressional_record(text: &str, start: usize, end: usize) -> Option<Parts> {
    let body = &text[start..end];
    let v = digits(body);
    if !(1..=3).contains(&v) || !body[v..].starts_with(" Cong. Rec. ") {
        return None;
    }
    let rec = start + v + 1..start + v + 11;
    let page = start + v + 12;
    // "H8469", "S1234", "15,678"? (no commas: a page is one word)
    let page_end = page
        + text[page..end]
            .find(char::is_whitespace)
            .unwrap_or(end - page);
    let page_text = &text[page..page_end];
    if !page_text
        .trim_start_matches(['H', 'S', 'E', 'D'])
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let mut parts = vec![
        (Label::Volume, start..start + v),
        (Label::ContainerTitle, rec),
        (Label::Pages, page..page_end),
    ];
    brackets_after(text, page_end, end, &mut parts)?;
    Some(parts)
}

fn parse(text: &str) -> Option<Parts> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().trim_end_matches(['.', ';']).len();
    if start >= end {
        return None;
    }
    committee_report(text, start, end).or_else(|| congressional_record(text, start, end))
}

/// Relabels the tokens of a committee report or a Congressional Record
/// citation in `path` (label ids, as the model tags), when the whole
/// citation reads as one.
pub(crate) fn congress(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    // (cheap for other citations: both forms are read from the start)
    let Some(parts) = parse(text) else {
        return;
    };
    let within = |r: &Range<usize>, t: &Range<usize>| t.start >= r.start && t.end <= r.end;
    for (t, tok) in tokens.iter().enumerate().take(path.len()) {
        path[t] = parts
            .iter()
            .find(|(_, r)| within(r, &tok.range))
            .map_or(outside, |(l, _)| l.index() as u16);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<Vec<String>> {
        Some(
            parse(text)?
                .into_iter()
                .map(|(l, r)| format!("{}={}", l.as_str(), &text[r]))
                .collect(),
        )
    }

    #[test]
    fn reads_committee_reports() {
        assert_eq!(
            parts("H.R. Rep. No. 104-458, at 194 (1996) (Conf. Rep.)."),
            Some(
                [
                    "title=H.R. Rep. No. 104-458",
                    "pages=194",
                    "date=1996",
                    "note=Conf. Rep."
                ]
                .map(String::from)
                .to_vec()
            )
        );
        assert_eq!(
            parts("S. Rep. No. 104-23, at 9–10 (1995)"),
            Some(
                ["title=S. Rep. No. 104-23", "pages=9–10", "date=1995"]
                    .map(String::from)
                    .to_vec()
            )
        );
        assert_eq!(
            parts("H.R. Doc. No. 95 (1901)"),
            Some(
                ["title=H.R. Doc. No. 95", "date=1901"]
                    .map(String::from)
                    .to_vec()
            )
        );
    }

    #[test]
    fn reads_the_congressional_record() {
        assert_eq!(
            parts("141 Cong. Rec. H8469–70 (daily ed. Aug. 4, 1995) (statement of Rep. Cox)."),
            Some(
                [
                    "volume=141",
                    "container-title=Cong. Rec.",
                    "pages=H8469–70",
                    "edition=daily ed.",
                    "date=Aug. 4, 1995",
                    "note=statement of Rep. Cox"
                ]
                .map(String::from)
                .to_vec()
            )
        );
        assert_eq!(
            parts("94 Cong. Rec. 2345 (1948)"),
            Some(
                [
                    "volume=94",
                    "container-title=Cong. Rec.",
                    "pages=2345",
                    "date=1948"
                ]
                .map(String::from)
                .to_vec()
            )
        );
    }

    #[test]
    fn other_forms_are_left_alone() {
        for text in [
            "H.R. Rep. No. 104-458, as the House put it (1996)",
            "H.R. Rep. No. (1996)",
            "H.R. Rep. No. 104-458 (some year)",
            "141 Cong. Rec. (1995)",
            "141 Cong. Rec. H8469 and more",
            "Cong. Rec. H8469 (1995)",
            "Smith, Rep. No. 5 (1990)",
            "H.R. Rep. No. 1-, at (1996)",
            "H.R. Rep. No. 104-458, at 194 (",
            "",
            " ",
        ] {
            assert_eq!(parts(text), None, "{text}");
        }
    }
}
