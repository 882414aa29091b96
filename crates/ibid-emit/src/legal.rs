//! Cases cited to a law report, as the exports write them: the report
//! citation in the form the source gave it (`[1932] AC 562 (HL)`, "(1765)
//! 19 St Tr 1029", "410 U.S. 113 (1973)"), a neutral citation ("[2018] UKSC
//! 4"), and a case's note without the paragraph pinpoint that the note of a
//! neutral citation may end with (`[2018] AC 736 [21]–[30`).
//!
//! The item does not say whether the year stood in square brackets (an
//! English report arranged by year: the year is part of the reference) or in
//! round ones (a report with volumes of its own, or a US report, where the
//! year only dates the judgment). The citation's own text does, so the
//! writers pass it where they have it; without it the year follows the
//! report, in round brackets, as before.

use crate::common::{field, squash, year};
use ibid_model::{Item, ItemType};

/// Where and how a case's report citation gives its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearForm {
    /// `[1932] AC 562 (HL)`: the year opens the citation, in square brackets
    /// (English reports arranged by year; every neutral citation).
    Square,
    /// "(1765) 19 St Tr 1029": the year opens it, in round brackets.
    RoundFirst,
    /// "410 U.S. 113 (1973)", "AC 562 (HL 1932)": the year closes it, with
    /// the court (US style; also when the text does not show the form).
    After,
}

/// Whether the item is a case.
pub(crate) fn is_case(item: &Item) -> bool {
    item.item_type == ItemType::LegalCase
}

/// A neutral citation (`[2016] UKSC 8`): the court's code as the container,
/// the judgment's number, and no page.
pub(crate) fn is_neutral(item: &Item) -> bool {
    is_case(item)
        && field(&item.page).is_none()
        && field(&item.number).is_some()
        && field(&item.container_title).is_some()
}

/// How the case's citation gives its year: from `text`, the citation as the
/// source wrote it (`[1932]` there means [`YearForm::Square`]).
pub(crate) fn year_form(item: &Item, text: Option<&str>) -> YearForm {
    if is_neutral(item) {
        return YearForm::Square;
    }
    let (Some(y), Some(text)) = (year(item), text) else {
        return YearForm::After;
    };
    if text.contains(&format!("[{y}]")) {
        return YearForm::Square;
    }
    let Some(at) = text.find(&format!("({y})")) else {
        return YearForm::After;
    };
    // "(1765) 19 St Tr 1029" has the year before the report, "410 U.S. 113
    // (1973)" after it.
    let report = field(&item.container_title).and_then(|r| text.find(r.as_str()));
    if report.is_some_and(|r| r > at) {
        YearForm::RoundFirst
    } else {
        YearForm::After
    }
}

/// The citation of a case's report: `[1932] AC 562 (HL)`, "[1990] 2 AC 605
/// (HL)", `[2018] UKSC 4`, "(1765) 19 St Tr 1029", "410 U.S. 113 (1973)".
/// `None` for an item that is no case or names no report.
pub(crate) fn report_citation(item: &Item, text: Option<&str>) -> Option<String> {
    if !is_case(item) {
        return None;
    }
    let report = field(&item.container_title)?;
    let year = year(item);
    if is_neutral(item) {
        let number = field(&item.number).unwrap_or_default();
        return Some(match year {
            Some(y) => format!("[{y}] {report} {number}"),
            None => format!("{report} {number}"),
        });
    }
    let core: Vec<String> = [field(&item.volume), Some(report), field(&item.page)]
        .into_iter()
        .flatten()
        .collect();
    let core = core.join(" ");
    let court = field(&item.authority);
    let bracket = |y: Option<String>| -> String {
        let parts: Vec<String> = [court.clone(), y].into_iter().flatten().collect();
        if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join(" "))
        }
    };
    Some(match (year_form(item, text), year) {
        (YearForm::Square, Some(y)) => format!("[{y}] {core}{}", bracket(None)),
        (YearForm::RoundFirst, Some(y)) => format!("({y}) {core}{}", bracket(None)),
        (_, y) => format!("{core}{}", bracket(y.map(|y| y.to_string()))),
    })
}

/// A case's subsequent history, kept in its note by the labeller
/// ("vacated, 598 U.S. 617 (2023) (per curiam)"): the note up to a
/// semicolon, when it opens with a history word
/// ([`ibid_model::text::opens_case_history`]); `None` for other items and
/// notes.
pub(crate) fn subsequent_history(item: &Item) -> Option<String> {
    if !is_case(item) {
        return None;
    }
    let note = field(&item.note)?;
    let first = note.split_whitespace().next()?;
    if !ibid_model::text::opens_case_history(first) {
        return None;
    }
    let h = note.split(';').next().unwrap_or("");
    let h = squash(h.trim().trim_end_matches(['.', ',']));
    (!h.is_empty()).then_some(h)
}

/// `rendered` (a note or bibliography entry) with the case's subsequent
/// history after it, before its final period: "…, 2 F.4th 871 (9th Cir.
/// 2021), vacated, 598 U.S. 617 (2023)."
pub(crate) fn with_history(rendered: &str, history: &str) -> String {
    match rendered.strip_suffix('.') {
        Some(head) => format!("{head}, {history}."),
        None => format!("{rendered}, {history}"),
    }
}

/// A case's note as the style renders it, "Roe v. Wade, 410 U.S. 113
/// (1973), at 153.", with the pinpoint moved after the first page, where
/// CMOS and the Bluebook put it: "Roe v. Wade, 410 U.S. 113, 153 (1973)."
/// Only when the note ends with ", at PIN" (a short pinpoint with a digit
/// and no bracket) right after a closing parenthesis that follows a page
/// number; otherwise unchanged.
pub(crate) fn pinpoint_before_court(rendered: &str) -> String {
    let (body, stop) = match rendered.strip_suffix('.') {
        Some(b) => (b, "."),
        None => (rendered, ""),
    };
    let Some((before, pin)) = body.rsplit_once(", at ") else {
        return rendered.to_string();
    };
    let pin_like = pin.chars().count() <= 24
        && pin.chars().any(|c| c.is_ascii_digit())
        && !pin.contains(['(', ')', '[', ']', ',']);
    if !pin_like {
        return rendered.to_string();
    }
    if !before.ends_with(')') {
        return rendered.to_string();
    }
    // the opening of the last parenthetical group
    let mut depth = 0usize;
    let mut open = None;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(open) = open else {
        return rendered.to_string();
    };
    let report = before[..open].trim_end();
    if !report.ends_with(|c: char| c.is_ascii_digit()) {
        return rendered.to_string();
    }
    format!("{report}, {pin} {}{stop}", &before[open..])
}

/// A case's note without a paragraph pinpoint at its end: the note of a
/// neutral citation holds the parallel report, and the CSL layer may leave
/// the note's pinpoint after it (`[2018] AC 736 [21]–[30` → "[2018] AC
/// 736"). Other items' notes, and notes that are nothing but the pinpoint,
/// are returned as they are.
pub(crate) fn case_note(item: &Item) -> Option<String> {
    let note = field(&item.note)?;
    if !is_case(item) {
        return Some(note);
    }
    let note = squash(&note);
    let Some((head, last)) = note.rsplit_once(' ') else {
        return Some(note);
    };
    if is_paragraph_pinpoint(last) && !head.trim().is_empty() {
        Some(head.trim_end_matches([',', ' ']).to_string())
    } else {
        Some(note)
    }
}

/// The item a BibTeX or BibLaTeX entry of a case is written from (`None`
/// for other items, which are written as they are).
///
/// - BibTeX (`@misc`): the whole report citation goes to the container, that
///   is `howpublished`, the one field of these that the standard styles
///   print for `@misc` (`howpublished = {[1932] AC 562 (HL)}`); `volume`,
///   `pages`, `number` and `institution` stay for the tools that read them.
/// - BibLaTeX (`@jurisdiction`, as biblatex-oscola reads it): a report keeps
///   `journaltitle`, `volume`, `pages` and the court in `institution`; a
///   neutral citation is `number = {[2018] UKSC 4}` (the whole citation,
///   biblatex-oscola's convention) with no `journaltitle`.
/// - Both: the note loses a trailing paragraph pinpoint ([`case_note`]), so
///   that a pinpoint of one note does not become part of the work.
pub(crate) fn latex_case_item(item: &Item, biblatex: bool, text: Option<&str>) -> Option<Item> {
    if !is_case(item) {
        return None;
    }
    let mut case = item.clone();
    case.note = case_note(item);
    match (biblatex, report_citation(item, text)) {
        (false, Some(report)) => case.container_title = Some(report),
        (true, Some(report)) if is_neutral(item) => {
            case.number = Some(report);
            case.container_title = None;
        }
        _ => {}
    }
    Some(case)
}

/// `[21]–[30]`, `[21]–[30`, `[40`, `[66]`: paragraph numbers in square
/// brackets (at most three digits a number, so that a year `[2018]` is none).
fn is_paragraph_pinpoint(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',', ';']);
    word.starts_with('[')
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '[' | ']' | '-' | '–' | '—'))
        && word
            .split(|c: char| !c.is_ascii_digit())
            .all(|run| run.len() <= 3)
        && word.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Date;

    fn case(report: &str, volume: Option<&str>, page: &str, court: Option<&str>, y: i32) -> Item {
        Item {
            item_type: ItemType::LegalCase,
            title: Some("X v Y".into()),
            container_title: Some(report.into()),
            volume: volume.map(String::from),
            page: Some(page.into()),
            authority: court.map(String::from),
            issued: Some(Date::year(y)),
            ..Item::default()
        }
    }

    #[test]
    fn report_citations_keep_the_form_of_the_source() {
        let donoghue = case("AC", None, "562", Some("HL"), 1932);
        let text = "Donoghue v Stevenson [1932] AC 562 (HL) 580";
        assert_eq!(year_form(&donoghue, Some(text)), YearForm::Square);
        assert_eq!(
            report_citation(&donoghue, Some(text)).as_deref(),
            Some("[1932] AC 562 (HL)")
        );
        // Without the text the year follows, as in a US citation.
        assert_eq!(
            report_citation(&donoghue, None).as_deref(),
            Some("AC 562 (HL 1932)")
        );
        let caparo = case("AC", Some("2"), "605", Some("HL"), 1990);
        assert_eq!(
            report_citation(&caparo, Some("Caparo v Dickman [1990] 2 AC 605 (HL)")).as_deref(),
            Some("[1990] 2 AC 605 (HL)")
        );
        let entick = case("St Tr", Some("19"), "1029", None, 1765);
        let text = "Entick v Carrington (1765) 19 St Tr 1029, 1066";
        assert_eq!(year_form(&entick, Some(text)), YearForm::RoundFirst);
        assert_eq!(
            report_citation(&entick, Some(text)).as_deref(),
            Some("(1765) 19 St Tr 1029")
        );
        let roe = case("U.S.", Some("410"), "113", None, 1973);
        let text = "Roe v. Wade, 410 U.S. 113 (1973)";
        assert_eq!(year_form(&roe, Some(text)), YearForm::After);
        assert_eq!(
            report_citation(&roe, Some(text)).as_deref(),
            Some("410 U.S. 113 (1973)")
        );
    }

    #[test]
    fn neutral_citations() {
        let robinson = Item {
            item_type: ItemType::LegalCase,
            title: Some("Robinson v Chief Constable of West Yorkshire Police".into()),
            container_title: Some("UKSC".into()),
            number: Some("4".into()),
            issued: Some(Date::year(2018)),
            note: Some("[2018] AC 736 [21]–[30".into()),
            ..Item::default()
        };
        assert!(is_neutral(&robinson));
        assert_eq!(year_form(&robinson, None), YearForm::Square);
        assert_eq!(
            report_citation(&robinson, None).as_deref(),
            Some("[2018] UKSC 4")
        );
        assert_eq!(case_note(&robinson).as_deref(), Some("[2018] AC 736"));
        let miller = Item {
            note: Some("AC 373 [40".into()),
            ..robinson.clone()
        };
        assert_eq!(case_note(&miller).as_deref(), Some("AC 373"));
        // A note that is no pinpoint, or only one, stays.
        let simms = Item {
            note: Some("Lord Hoffmann".into()),
            ..robinson.clone()
        };
        assert_eq!(case_note(&simms).as_deref(), Some("Lord Hoffmann"));
        let lone = Item {
            note: Some("[21]".into()),
            ..robinson
        };
        assert_eq!(case_note(&lone).as_deref(), Some("[21]"));
        assert!(is_paragraph_pinpoint("[21]–[30]"));
        assert!(!is_paragraph_pinpoint("[2018]"));
        assert!(!is_paragraph_pinpoint("736"));
    }

    #[test]
    fn a_case_pinpoint_follows_its_first_page() {
        assert_eq!(
            pinpoint_before_court("Roe v. Wade, 410 U.S. 113 (1973), at 153."),
            "Roe v. Wade, 410 U.S. 113, 153 (1973)."
        );
        assert_eq!(
            pinpoint_before_court(
                "Gonzalez v. Google LLC, 2 F.4th 871 (9th Cir. 2021), at 892–97."
            ),
            "Gonzalez v. Google LLC, 2 F.4th 871, 892–97 (9th Cir. 2021)."
        );
        // no page before the parenthesis, no "at", unbalanced, no number,
        // a paragraph pinpoint: unchanged
        for r in [
            "Smith v. Jones (1973), at 5.",
            "Smith v. Jones, 410 U.S. 113 (1973), 5.",
            "Smith v. Jones, 410 U.S. 113 1973), at 5.",
            "Smith v. Jones, 410 U.S. 113 (1973), at .",
            "Smith v. Jones, 410 U.S. 113 (1973), at [21]–[30].",
        ] {
            assert_eq!(pinpoint_before_court(r), r);
        }
    }
}
