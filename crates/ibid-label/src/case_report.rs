//! A case cited to a law report, read by rule after tagging. Two forms:
//!
//! - English and Commonwealth: the case name, the year in square brackets,
//!   perhaps a volume, the report series, the first page, pinpoints, the
//!   court in brackets: "Donoghue v Stevenson [1932] AC 562 (HL)",
//!   "R v Brown [1994] 1 AC 212, 230";
//! - American (Bluebook): the case name, a comma, the volume, the reporter,
//!   the first page, pinpoints, then court and year in brackets:
//!   "Roe v. Wade, 410 U.S. 113, 153 (1973)", "Doe v. Smith, 123 F.3d 456
//!   (9th Cir. 1997)".
//!
//! The training corpora hold few cases and the model splits these badly
//! ("AC 562" as a volume, the court as an author, "U.S." cut in two); the
//! forms themselves are unambiguous once the whole citation matches one.
//! The case name becomes the title, the year the date, the series the
//! container-title, the first page and pinpoints the pages, and the court
//! a note (which the CSL conversion turns into `authority`).

use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// The parts of a case citation, as byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CaseReport {
    name: Range<usize>,
    year: Range<usize>,
    volume: Option<Range<usize>>,
    series: Range<usize>,
    /// The first page and each pinpoint.
    pages: Vec<Range<usize>>,
    court: Option<Range<usize>>,
    /// A parallel report after a neutral citation ("[2018] AC 61" of
    /// "[2017] UKSC 5, [2018] AC 61"): a note, kept whole.
    parallel: Option<Range<usize>>,
    /// An American case's subsequent history ("vacated, 598 U.S. 617
    /// (2023)"): a note, kept whole.
    history: Option<Range<usize>>,
}

/// A whitespace-separated word and its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    s: &'a str,
    start: usize,
}

impl Word<'_> {
    fn range(&self) -> Range<usize> {
        self.start..self.start + self.s.len()
    }
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    s: &text[s..i],
                    start: s,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            s: &text[s..],
            start: s,
        });
    }
    out
}

fn is_number(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A case name: a few words with "v" or "v." between two of them.
fn is_case_name(ws: &[Word<'_>]) -> bool {
    (3..=16).contains(&ws.len())
        && ws[1..ws.len() - 1]
            .iter()
            .any(|w| matches!(w.s, "v" | "v." | "vs" | "vs."))
}

/// A word of a report series: "AC", "All", "ER", "U.S.", "F.3d", "Supp.",
/// "Lloyd's", "Rep", "2d", "4th", "Cr", "App", "R".
fn is_series_word(s: &str) -> bool {
    let first = s.chars().next();
    let ordinal = first.is_some_and(|c| c.is_ascii_digit())
        && matches!(
            s.trim_start_matches(|c: char| c.is_ascii_digit()),
            "d" | "st" | "nd" | "rd" | "th"
        );
    let capitalised = first.is_some_and(|c| c.is_ascii_uppercase())
        && s.len() <= 9
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '\'' | '’'));
    ordinal || capitalised
}

/// What [`read_report`] read: the series, the first page and pinpoints,
/// perhaps a court, and how many words.
struct Report {
    series: Range<usize>,
    pages: Vec<Range<usize>>,
    court: Option<Range<usize>>,
    read: usize,
}

/// Reads the series, first page, pinpoints and perhaps a bracketed court
/// from `ws` (the words after the year or the volume).
fn read_report(ws: &[Word<'_>], court_allowed: bool) -> Option<Report> {
    let mut i = 0;
    while i < ws.len() && i < 4 && is_series_word(ws[i].s) && !is_number(ws[i].s, 9) {
        i += 1;
    }
    if i == 0
        || !ws[..i]
            .iter()
            .any(|w| w.s.chars().filter(char::is_ascii_uppercase).count() >= 1 && w.s.len() <= 6)
    {
        return None;
    }
    let series = ws[0].start..ws[i - 1].range().end;
    let mut pages = Vec::new();
    let mut court = None;
    // the first page, then ", 230", ", 230–31", "(HL)" in any order
    while let Some(w) = ws.get(i) {
        let bare = w.s.trim_end_matches([',', '.', ';']);
        let is_page = !bare.is_empty()
            && bare.split(['-', '–']).all(|p| is_number(p, 5))
            && bare.split(['-', '–']).count() <= 2;
        // "at 185": the pinpoint with its marker
        let at = !pages.is_empty() && w.s == "at" && ws[i - 1].s.ends_with(',');
        if at {
            if let Some(next) = ws.get(i + 1) {
                let bare = next.s.trim_end_matches([',', '.', ';']);
                if is_number(bare, 5) {
                    pages.push(w.start..next.start + bare.len());
                    i += 2;
                    continue;
                }
            }
        }
        // a paragraph pinpoint of a neutral citation: ", [87]", ", [87]–[89]",
        // or "[21]" right after the number; a bracketed year before a
        // series ("[2018] AC") starts a parallel report
        let year_like = bare.len() == 6 && matches!(bare.as_bytes()[1], b'1' | b'2');
        let report_next = ws
            .get(i + 1)
            .is_some_and(|n| is_series_word(n.s) || is_number(n.s, 4));
        let another_report = year_like && (report_next || !ws[i - 1].s.ends_with(','));
        let paragraph = !pages.is_empty()
            && !another_report
            && bare.starts_with('[')
            && bare.ends_with(']')
            && bare
                .split(['-', '–'])
                .all(|p| is_number(p.trim_matches(['[', ']']), 4) && p.starts_with('['));
        if paragraph {
            pages.push(w.start..w.start + bare.len());
            i += 1;
            continue;
        }
        if is_page && (pages.is_empty() || ws[i - 1].s.ends_with(',') || court.is_some()) {
            pages.push(w.start..w.start + bare.len());
            i += 1;
            if w.s.ends_with('.') || w.s.ends_with(';') {
                break;
            }
            continue;
        }
        if court_allowed && court.is_none() && !pages.is_empty() && w.s.starts_with('(') {
            // one "(" (checked above), then the code and ")"
            let inner = w.s[1..].trim_end_matches(['.', ',', ';']);
            if let Some(code) = inner.strip_suffix(')') {
                if !code.is_empty()
                    && code.len() <= 12
                    && code.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
                {
                    court = Some(w.start + 1..w.start + 1 + code.len());
                    i += 1;
                    continue;
                }
            }
        }
        break;
    }
    if pages.is_empty() {
        return None;
    }
    Some(Report {
        series,
        pages,
        court,
        read: i,
    })
}

/// Nothing but a full stop or semicolon may follow the citation.
fn ends_here(ws: &[Word<'_>]) -> bool {
    ws.is_empty() || (ws.len() == 1 && matches!(ws[0].s, "." | ";"))
}

/// Words that are only bracketed remarks to the end: "(en banc).",
/// "(per curiam) (holding that …)".
fn parentheticals(ws: &[Word<'_>]) -> bool {
    let mut depth = 0i32;
    for (k, w) in ws.iter().enumerate() {
        if depth == 0 && !w.s.starts_with('(') {
            return false;
        }
        depth += w.s.matches('(').count() as i32 - w.s.matches(')').count() as i32;
        if depth < 0
            || (depth == 0 && k + 1 == ws.len() && !w.s.trim_end_matches(['.', ';']).ends_with(')'))
        {
            return false;
        }
    }
    depth == 0 && !ws.is_empty()
}

/// "Donoghue v Stevenson [1932] AC 562 (HL)."
fn parse_english(text: &str, ws: &[Word<'_>]) -> Option<CaseReport> {
    let y = ws.iter().position(|w| {
        let b = w.s.trim_end_matches(',');
        b.len() == 6 && b.starts_with('[') && b.ends_with(']') && is_number(&b[1..5], 4)
    })?;
    if !is_case_name(&ws[..y]) {
        return None;
    }
    let mut rest = &ws[y + 1..];
    let volume = match rest.first() {
        Some(w) if is_number(w.s, 4) => {
            rest = &rest[1..];
            Some(w.range())
        }
        _ => None,
    };
    let Report {
        series,
        mut pages,
        court,
        read,
    } = read_report(rest, true)?;
    let mut parallel = None;
    let mut tail = &rest[read..];
    if let Some((end, pinpoints, read)) = read_parallel(&rest[..read], tail) {
        parallel = Some(tail[0].start..end);
        pages.extend(pinpoints);
        tail = &tail[read..];
    }
    if !ends_here(tail) {
        return None;
    }
    let name_end = ws[y - 1].range().end;
    Some(CaseReport {
        name: ws[0].start..text[..name_end].trim_end_matches(',').len(),
        year: ws[y].start + 1..ws[y].start + 5,
        volume,
        series,
        pages,
        court,
        parallel,
        history: None,
    })
}

/// A parallel report after the first one, which ends in a comma:
/// "[2018] AC 61", "[2018] 1 AC 61 (HL)", then perhaps pinpoints ("[82]").
/// Returns where the report ends, its pinpoints and how many words it took.
fn read_parallel(
    before: &[Word<'_>],
    ws: &[Word<'_>],
) -> Option<(usize, Vec<Range<usize>>, usize)> {
    if !before.last()?.s.ends_with(',') {
        return None;
    }
    let y = ws.first()?.s.trim_end_matches(',');
    if !(y.len() == 6 && y.starts_with('[') && y.ends_with(']') && is_number(&y[1..5], 4)) {
        return None;
    }
    let skip = 1 + usize::from(ws.get(1).is_some_and(|w| is_number(w.s, 4)));
    let report = read_report(ws.get(skip..)?, true)?;
    let first_page = report.pages.first()?.clone();
    let end = report.court.as_ref().map_or(first_page.end, |c| c.end + 1);
    let end = end.max(first_page.end);
    Some((end, report.pages[1..].to_vec(), skip + report.read))
}

/// "Roe v. Wade, 410 U.S. 113, 153 (1973)."
fn parse_american(text: &str, ws: &[Word<'_>]) -> Option<CaseReport> {
    // the volume follows the case name, usually after a comma
    let v = (1..ws.len()).find(|&k| is_number(ws[k].s, 4) && is_case_name(&ws[..k]))?;
    let Report {
        series,
        pages,
        read,
        ..
    } = read_report(&ws[v + 1..], false)?;
    // "(1973)." or "(9th Cir. 1997)"
    let tail = &ws[v + 1 + read..];
    let open = tail.first().filter(|w| w.s.starts_with('('))?;
    let close = tail
        .iter()
        .position(|w| w.s.trim_end_matches(['.', ';', ',']).ends_with(')'))?;
    let after = &tail[close + 1..];
    let history = if tail[close].s.ends_with("),") {
        // "(9th Cir. 2021), vacated, 598 U.S. 617 (2023)": to the first
        // bracket that ends a sentence (commentary may follow), or the end
        let first = after
            .first()
            .filter(|w| ibid_model::text::opens_case_history(w.s))?;
        let last = after
            .iter()
            .find(|w| w.s.ends_with(").") || w.s.ends_with(");"))
            .or(ws.last())?;
        let end = last.start + last.s.trim_end_matches(['.', ';']).len();
        Some(first.start..end)
    } else if ends_here(after) || parentheticals(after) {
        // after the court and year, only parentheticals: "(en banc)", "(per
        // curiam)", "(holding that …)"
        None
    } else {
        return None;
    };
    let last = tail[close]
        .s
        .trim_end_matches(['.', ';', ','])
        .trim_end_matches(')');
    if !is_number(last.trim_start_matches('('), 4) || last.trim_start_matches('(').len() != 4 {
        return None;
    }
    let year_start =
        tail[close].start + (tail[close].s.len() - tail[close].s.trim_start_matches('(').len());
    let year = year_start..year_start + 4;
    let court = (close > 0).then(|| open.start + 1..tail[close - 1].range().end);
    let name_end = text[..ws[v - 1].range().end].trim_end_matches(',').len();
    Some(CaseReport {
        name: ws[0].start..name_end,
        year,
        volume: Some(ws[v].range()),
        series,
        pages,
        court,
        parallel: None,
        history,
    })
}

/// Relabels the tokens of a case cited to a law report (see the module
/// docs) when the whole citation reads as one; otherwise leaves `path` as
/// the model tagged it.
pub(crate) fn case_report(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    // most citations are no cases: a cheap test before splitting the words
    if !(text.contains(" v ") || text.contains(" v. ") || text.contains(" vs")) {
        return;
    }
    let ws = words(text);
    let Some(case) = parse_english(text, &ws).or_else(|| parse_american(text, &ws)) else {
        return;
    };
    // "UKSC 4 [21]": a pinpoint right after the number would join it in one
    // `pages` field; the number goes to `volume` instead, which the CSL
    // conversion turns into the neutral citation's number
    let glued = case.volume.is_none()
        && matches!(case.pages.as_slice(), [a, b, ..] if text[a.end..b.start].trim().is_empty());
    let id = |l: Label| l.index() as u16;
    let within = |r: &Range<usize>, t: &Range<usize>| t.start >= r.start && t.end <= r.end;
    for (t, tok) in tokens.iter().enumerate().take(path.len()) {
        let r = &tok.range;
        path[t] = if within(&case.name, r) {
            id(Label::Title)
        } else if within(&case.year, r) {
            id(Label::Date)
        } else if case.volume.as_ref().is_some_and(|v| within(v, r)) {
            id(Label::Volume)
        } else if within(&case.series, r) {
            id(Label::ContainerTitle)
        } else if glued && within(&case.pages[0], r) {
            id(Label::Volume)
        } else if case.pages.iter().any(|p| within(p, r)) {
            id(Label::Pages)
        } else if [&case.court, &case.parallel, &case.history]
            .iter()
            .any(|x| x.as_ref().is_some_and(|c| within(c, r)))
        {
            id(Label::Note)
        } else {
            outside
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn relabel(text: &str) -> Vec<String> {
        crate::path_rule_test::relabel_with(case_report, text)
    }

    #[test]
    fn english_reports() {
        assert_eq!(
            relabel("Donoghue v Stevenson [1932] AC 562 (HL)."),
            [
                "title=Donoghue v Stevenson",
                "date=1932",
                "container-title=AC",
                "pages=562",
                "note=HL"
            ]
        );
        assert_eq!(
            relabel("Barclays Bank v. O’Brien [1994] 1 A.C. 180, at 185"),
            [
                "title=Barclays Bank v. O’Brien",
                "date=1994",
                "volume=1",
                "container-title=A.C.",
                "pages=180",
                "pages=at 185"
            ]
        );
        assert_eq!(
            relabel("R v Brown [1994] 1 AC 212, 230."),
            [
                "title=R v Brown",
                "date=1994",
                "volume=1",
                "container-title=AC",
                "pages=212",
                "pages=230"
            ]
        );
        assert_eq!(
            relabel("Hedley Byrne & Co Ltd v Heller & Partners Ltd [1964] AC 465 (HL) 502"),
            [
                "title=Hedley Byrne & Co Ltd v Heller & Partners Ltd",
                "date=1964",
                "container-title=AC",
                "pages=465",
                "note=HL",
                "pages=502"
            ]
        );
    }

    #[test]
    fn neutral_citations_with_paragraphs() {
        assert_eq!(
            relabel("R v Jogee [2016] UKSC 8, [87]."),
            [
                "title=R v Jogee",
                "date=2016",
                "container-title=UKSC",
                "pages=8",
                "pages=[87]"
            ]
        );
        assert_eq!(
            relabel("Smith v Jones [2004] EWCA Civ 1123, [12]–[15]"),
            [
                "title=Smith v Jones",
                "date=2004",
                "container-title=EWCA Civ",
                "pages=1123",
                "pages=[12]–[15]"
            ]
        );
        // a pinpoint right after the number; a parallel report (left to the note)
        assert_eq!(
            relabel("Robinson v Chief Constable of West Yorkshire Police [2018] UKSC 4 [21]."),
            [
                "title=Robinson v Chief Constable of West Yorkshire Police",
                "date=2018",
                "container-title=UKSC",
                "volume=4",
                "pages=[21]"
            ]
        );
        assert_eq!(
            relabel("R (Miller) v Secretary of State for Exiting the European Union [2017] UKSC 5, [2018] AC 61 [82]."),
            [
                "title=R (Miller) v Secretary of State for Exiting the European Union",
                "date=2017",
                "container-title=UKSC",
                "pages=5",
                "note=[2018] AC 61",
                "pages=[82]"
            ]
        );
        assert_eq!(
            relabel("Robinson v Chief Constable [2018] UKSC 4, [2018] AC 736, [21]–[30]"),
            [
                "title=Robinson v Chief Constable",
                "date=2018",
                "container-title=UKSC",
                "pages=4",
                "note=[2018] AC 736",
                "pages=[21]–[30]"
            ]
        );
    }

    #[test]
    fn american_reports() {
        assert_eq!(
            relabel("Roe v. Wade, 410 U.S. 113, 153 (1973)."),
            [
                "title=Roe v. Wade",
                "volume=410",
                "container-title=U.S.",
                "pages=113",
                "pages=153",
                "date=1973"
            ]
        );
        assert_eq!(
            relabel("Fair Hous. Council v. Roommates.com, LLC, 521 F.3d 1157, 1167–68 (9th Cir. 2008) (en banc)."),
            [
                "title=Fair Hous. Council v. Roommates.com, LLC",
                "volume=521",
                "container-title=F.3d",
                "pages=1157",
                "pages=1167–68",
                "note=9th Cir.",
                "date=2008"
            ]
        );
        assert_eq!(
            relabel("Doe v. Smith, 123 F. Supp. 2d 456 (S.D.N.Y. 1999)"),
            [
                "title=Doe v. Smith",
                "volume=123",
                "container-title=F. Supp. 2d",
                "pages=456",
                "note=S.D.N.Y.",
                "date=1999"
            ]
        );
        assert_eq!(
            relabel("Dean v. District of Columbia 653 U.S. App. D.C. 307 (1995);"),
            [
                "title=Dean v. District of Columbia",
                "volume=653",
                "container-title=U.S. App. D.C.",
                "pages=307",
                "date=1995"
            ]
        );
        assert_eq!(
            relabel("Brown v. Board of Education, 347 U.S. 483 (1954)"),
            [
                "title=Brown v. Board of Education",
                "volume=347",
                "container-title=U.S.",
                "pages=483",
                "date=1954"
            ]
        );
        // subsequent history: the court and year are the first bracket's,
        // the history a note that ends where the sentence does
        assert_eq!(
            relabel("Gonzalez v. Google LLC, 2 F.4th 871, 892–97 (9th Cir. 2021), vacated, 598 U.S. 617 (2023) (per curiam). The Court did not reach it."),
            [
                "title=Gonzalez v. Google LLC",
                "volume=2",
                "container-title=F.4th",
                "pages=871",
                "pages=892–97",
                "note=9th Cir.",
                "date=2021",
                "note=vacated, 598 U.S. 617 (2023) (per curiam)"
            ]
        );
        assert_eq!(
            relabel("Doe v. Roe, 5 F.3d 10 (2d Cir. 1993), aff’d, 510 U.S. 1 (1994)."),
            [
                "title=Doe v. Roe",
                "volume=5",
                "container-title=F.3d",
                "pages=10",
                "note=2d Cir.",
                "date=1993",
                "note=aff’d, 510 U.S. 1 (1994)"
            ]
        );
    }

    #[test]
    fn case_shaped_text_never_panics() {
        // slots of a case citation, each filled from its choices (some of
        // them wrong or odd): the spans stay inside the text and on
        // character boundaries (slicing would panic otherwise)
        let slots: [&[&str]; 8] = [
            &[
                "Smith v Jones",
                "Smith v. Jones,",
                "R (Miller) v",
                "A v",
                "é v é",
            ],
            &["[1932]", "[19é]", "[1932],", "", "2", "(1973)"],
            &["1", "", "12345", "é"],
            &["AC", "U.S.", "All E.R.", "F. Supp. 2d", "2d", "", "((HL)"],
            &["562", "562,", "56-7", "", "é"],
            &["at 230", "230,", "(HL)", "((HL)", "(HL", ""],
            &[
                "(9th Cir. 1997)",
                "(1973).",
                "(1973",
                "1973)",
                "",
                "(é 1999)",
            ],
            &["", ".", ";", "and more", ")"],
        ];
        let mut seed = 7u64;
        let mut read = 0;
        for _ in 0..5000 {
            let mut text = String::new();
            for slot in slots {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let piece = slot[(seed >> 33) as usize % slot.len()];
                if !piece.is_empty() {
                    text.push_str(piece);
                    text.push(' ');
                }
            }
            let text = text.trim_end();
            let mut toks = Vec::new();
            tokenize(text, &mut toks);
            let mut path = vec![0u16; toks.len()];
            case_report(text, &toks, &mut path, Label::ALL.len() as u16);
            let ws = words(text);
            if let Some(c) = parse_english(text, &ws).or_else(|| parse_american(text, &ws)) {
                read += 1;
                let ranges = [
                    Some(c.name),
                    Some(c.year),
                    c.volume,
                    Some(c.series),
                    c.court,
                    c.parallel,
                ]
                .into_iter()
                .flatten()
                .chain(c.pages);
                for r in ranges {
                    assert!(text.get(r.clone()).is_some(), "{text:?} {r:?}");
                }
            }
        }
        // many arrangements are cases
        assert!(read > 50, "{read}");
    }

    #[test]
    fn other_forms_are_left_alone() {
        let untouched = |t: &str| {
            let all = relabel(t);
            assert_eq!(all, [format!("author={t}")], "{t}");
        };
        untouched("The Wagon Mound [1961] 1 All ER 404");
        // words after the citation, no case name, a year that is not one
        untouched("Donoghue v Stevenson [1932] AC 562 (HL), discussed below");
        untouched("Smith, Jones [1932] AC 562");
        untouched("Roe v. Wade, 410 U.S. 113 (n.d.)");
        untouched("Roe v. Wade, 410 U.S. (1973)");
        untouched("Roe v. Wade, 410 U.S. 113 (1973) and later cases");
        untouched("A v B [193] AC 562");
    }
}
