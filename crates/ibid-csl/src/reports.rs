//! Law reports, courts and neutral citations in the fields of a case, which
//! the sequence model labels as one run or leaves outside its fields:
//!
//! - a law report or law-journal reference left in the page or volume field
//!   ("66 CLJ 67", "AC 562 (HL) 580") is split into volume, reporter and
//!   first page; the court in brackets goes to CSL `authority` and a
//!   pinpoint after it to `custom["locator"]` (when the segmenter gave
//!   none), so neither is lost;
//! - a case whose report the model left outside its fields (kept in `note`:
//!   "AC 728 (HL") or took for a shelfmark gets it back as volume, reporter
//!   and first page, and a note that is only a court ("HL") is the
//!   `authority`;
//! - a case, or an article in a numbered volume, cited "first page,
//!   pinpoint" ("605, 617–18") keeps the first page as its page and the
//!   pinpoint as its locator;
//! - the number of a neutral citation ("[2016] UKSC 8": court code, then
//!   the judgment's number) is `number`, not `volume`.

use crate::legal::is_case_title;
use crate::repair::keep_locator;
use ibid_model::Item;

/// Applies the repairs of this module (see the module docs).
pub(crate) fn repair_reports(it: &mut Item) {
    law_report(it);
    // the repairs below are for cases only; none of them changes the title
    if it.title.as_deref().is_some_and(is_case_title) {
        report_from_note(it);
        report_from_shelfmark(it);
        court_from_note(it);
        pinpoint_from_pages(it);
    } else if it.volume.is_some() && pinpoint_is_short(it.page.as_deref()) {
        // a law-review article cited the same way: "(1977) 93 LQR 195, 198"
        // (a long second range, "36, 61-83", is more likely the article's)
        pinpoint_from_pages(it);
    }
    neutral_citation(it);
}

/// Courts written in brackets after a law report in English and
/// Commonwealth citations ("(HL)", "(PC)", "(Ch)", "(CA)"); a bracketed
/// word in capitals and full stops ("(N.S.W.C.A.)") counts too.
const COURTS: &[&str] = &[
    "HL", "PC", "CA", "DC", "QBD", "KBD", "ChD", "Ch", "Fam", "CCA", "EAT", "CAC", "Comm", "Admin",
    "TCC", "Pat", "Civ", "Crim", "ECJ", "CJEU", "ECtHR", "EComHR", "HCA", "SCC", "FCA", "NZCA",
    "NZSC", "NSWCA", "NSWSC", "VSC", "QCA", "UKSC", "UKHL", "UKPC",
];

/// True for a court designation (without its brackets).
fn is_court(s: &str) -> bool {
    if COURTS.contains(&s) {
        return true;
    }
    let letters = s.chars().filter(char::is_ascii_alphabetic).count();
    (2..=10).contains(&letters)
        && s.len() <= 14
        && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Records a report's court and pinpoint: the court as `authority`, the
/// pinpoint as the locator unless the item has one.
fn keep_court_and_pinpoint(it: &mut Item, court: Option<String>, pinpoint: Option<String>) {
    if it.authority.is_none() {
        it.authority = court;
    }
    if let Some(p) = pinpoint {
        keep_locator(it, p);
    }
}

/// A case with no reporter whose note holds a law report ("AC 728 (HL"):
/// the report's fields, and the part leaves the note. With a page already,
/// a note part that reads as a reporter before that page ("AC" + "728") is
/// the reporter.
fn report_from_note(it: &mut Item) {
    if it.container_title.is_some() {
        return;
    }
    let mut parts = it.note_parts();
    // a "genre" with digits is no genre of a case ("UKSC 4, [2018] AC 736"):
    // its comma-separated parts are read like the note's
    if it
        .genre
        .as_deref()
        .is_some_and(|g| g.chars().any(|c| c.is_ascii_digit()))
    {
        let genre = it.genre.take().unwrap_or_default();
        parts.extend(genre.split(", ").map(str::to_string));
        it.set_note_parts(parts.clone());
    }
    if let Some(page) = it.page.clone() {
        let reporter_of = |p: &str| {
            parse_law_report(&format!("{p} {page}"))
                .filter(|r| r.first_page == page && !r.tail)
                .map(|r| (r.volume.map(str::to_string), r.reporter))
        };
        let Some((k, (volume, reporter))) = parts
            .iter()
            .enumerate()
            .find_map(|(k, p)| reporter_of(p).map(|r| (k, r)))
        else {
            return;
        };
        parts.remove(k);
        if it.volume.is_none() {
            it.volume = volume;
        }
        it.container_title = Some(reporter);
        it.set_note_parts(parts);
        return;
    }
    let Some(k) = parts.iter().position(|p| {
        parse_law_report(p).is_some_and(|r| r.volume.is_some() || r.tail || it.volume.is_none())
    }) else {
        return;
    };
    let part = parts.remove(k);
    if let Some(r) = parse_law_report(&part) {
        apply_report(it, &r);
        it.set_note_parts(parts);
    }
}

/// A case whose report the model took for a shelfmark ("AC 728 (HL"): the
/// report's fields; a case has no shelfmark of its own.
fn report_from_shelfmark(it: &mut Item) {
    if it.container_title.is_some() || it.archive.is_some() {
        return;
    }
    let Some(loc) = it.archive_location.take() else {
        return;
    };
    match parse_law_report(&loc).filter(|r| r.volume.is_some() || r.tail || r.court.is_some()) {
        Some(r) => apply_report(it, &r),
        None => it.archive_location = Some(loc),
    }
}

/// Writes a law report read from a note or shelfmark into the item: a
/// neutral citation's court and number, or volume, reporter, first page,
/// court and pinpoint.
fn apply_report(it: &mut Item, r: &LawReport<'_>) {
    let court = r.reporter.split(' ').next().unwrap_or("");
    if r.volume.is_none() && NEUTRAL_COURTS.contains(&court) {
        // a neutral citation ("UKSC 41"): the judgment's number, no page
        it.number = Some(r.first_page.to_string());
    } else {
        if let (Some(v), None) = (r.volume, &it.volume) {
            it.volume = Some(v.to_string());
        }
        it.page = Some(r.first_page.to_string());
        it.page_first = Some(r.first_page.to_string());
    }
    it.container_title = Some(r.reporter.clone());
    keep_court_and_pinpoint(it, r.court.map(str::to_string), r.pinpoint.clone());
}

/// A case whose note holds only a court ("HL", left outside the fields by
/// the model), or whose only author is one: the court is the case's
/// `authority`. Only the listed court codes count here: without its
/// brackets a word in capitals may as well be a reporter ("AC").
fn court_from_note(it: &mut Item) {
    if it.authority.is_some() {
        return;
    }
    let bare = |p: &str| {
        p.trim_matches(|c: char| matches!(c, '(' | ')' | ' '))
            .to_string()
    };
    if let [only] = it.author.as_slice() {
        let name = only.literal.as_deref().or(only.family.as_deref()).map(bare);
        if only.given.is_none() && name.as_deref().is_some_and(|n| COURTS.contains(&n)) {
            it.authority = name;
            it.author.clear();
            return;
        }
    }
    if let Some(court) = it.take_note_part(|p| {
        let p = bare(p);
        COURTS.contains(&p.as_str()) || is_american_court(&p)
    }) {
        let mut court = bare(&court);
        // the note's cleaner took the period of the court's last
        // abbreviation ("4th Cir" of "(4th Cir. 1997)")
        let last = court.rsplit(' ').next().unwrap_or("");
        if is_american_court(&court)
            && matches!(
                last,
                "Cir" | "Ct" | "App" | "Dist" | "Div" | "Sup" | "Super" | "Cl"
            )
        {
            court.push('.');
        }
        it.authority = Some(court);
    }
}

/// The court of an American case, from the parenthesis before its year:
/// "9th Cir", "2d Cir.", "S.D.N.Y.", "D. Mass.", "Cal. Ct. App.": up to
/// four words, each an ordinal or a short capitalised abbreviation, with a
/// circuit or at least one full stop among them.
fn is_american_court(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let ordinal = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && matches!(
                w.trim_start_matches(|c: char| c.is_ascii_digit()),
                "d" | "st" | "nd" | "rd" | "th"
            )
    };
    let abbreviation = |w: &str| {
        let letters = w.trim_end_matches('.');
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && (1..=8).contains(&letters.len())
            && letters.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
    };
    (1..=4).contains(&words.len())
        && words.iter().all(|w| ordinal(w) || abbreviation(w))
        && words
            .iter()
            .any(|w| w.trim_end_matches('.') == "Cir" || w.contains('.'))
}

/// True when the page field is "first, pinpoint" with a first page from 10
/// on, and a pinpoint of one page or a range of at most ten that starts at
/// most 100 pages after it ("195, 198", "424, 431–3"). Science references
/// give other pairs: an issue and a page ("7, 178"), "1, 3".
fn pinpoint_is_short(page: Option<&str>) -> bool {
    let Some((first, rest)) = page.and_then(|p| p.split_once(", ")) else {
        return false;
    };
    let Ok(first) = first.parse::<u64>() else {
        return false;
    };
    let mut ends = rest.split(['-', '–']);
    let (Some(a), b, None) = (ends.next(), ends.next(), ends.next()) else {
        return false;
    };
    let Ok(start) = a.parse::<u64>() else {
        return false;
    };
    if first < 10 || start < first || start - first > 100 {
        return false;
    }
    let Some(b) = b else {
        return true;
    };
    // an abbreviated end takes the start's leading digits: "431–3" is 433
    let end = if b.len() < a.len() {
        format!("{}{b}", &a[..a.len() - b.len()])
    } else {
        b.to_string()
    };
    end.parse::<u64>()
        .is_ok_and(|e| e >= start && e - start <= 10)
}

/// A case cited "first page, pinpoint" whose page field holds both ("605,
/// 617-18"): the page is the first page, the rest the pinpoint (kept as the
/// locator unless the item has one).
fn pinpoint_from_pages(it: &mut Item) {
    if it.container_title.is_none() {
        return;
    }
    let Some((first, rest)) = it.page.as_deref().and_then(|p| p.split_once(", ")) else {
        return;
    };
    let number = |s: &str| s.parse::<u64>().ok();
    let rest_first = rest.split(['-', '–']).next().and_then(number);
    // a paragraph pinpoint ("8, [87]", "1123, [12]–[15]", also with its
    // outer brackets trimmed: "12]-[15") follows any number; it is written
    // "[12]–[15]"
    let paras: Vec<&str> = rest
        .split(['-', '–'])
        .map(|p| p.trim_matches(['[', ']']))
        .collect();
    // after a neutral citation's number, every pinpoint is a paragraph
    let neutral = it
        .container_title
        .as_deref()
        .and_then(|c| c.split_whitespace().next())
        .is_some_and(|c| NEUTRAL_COURTS.contains(&c.trim_end_matches('.')));
    let paragraph =
        (neutral || rest.contains(['[', ']'])) && paras.iter().all(|p| number(p).is_some());
    match (number(first), rest_first) {
        (Some(_), _) if paragraph => {}
        (Some(a), Some(b)) if b >= a => {}
        _ => return,
    }
    let rest = if paragraph {
        paras
            .iter()
            .map(|p| format!("[{p}]"))
            .collect::<Vec<_>>()
            .join("–")
    } else {
        rest.to_string()
    };
    let first = first.to_string();
    it.page = Some(first.clone());
    it.page_first = Some(first);
    keep_court_and_pinpoint(it, None, Some(rest));
}

/// Court codes of neutral citations ("[2016] UKSC 8", "[2004] EWCA Civ
/// 1123", "[2019] HCA 2"): the number after one numbers the judgment; it is
/// no volume and no page.
const NEUTRAL_COURTS: &[&str] = &[
    "UKSC", "UKHL", "UKPC", "UKUT", "UKFTT", "UKEAT", "UKIAT", "EWCA", "EWHC", "EWCOP", "EWFC",
    "CSIH", "CSOH", "HCJAC", "NICA", "NIQB", "IESC", "IECA", "IEHC", "HCA", "FCA", "FCAFC",
    "NSWSC", "NSWCA", "VSC", "VSCA", "NZSC", "NZCA", "NZHC", "SGCA", "SGHC", "ZASCA", "ZACC",
    "SCC", "ONCA", "BCCA",
];

/// A neutral citation's number, which the model or the law-report split
/// left in `volume` next to the court code, goes to `number`.
fn neutral_citation(it: &mut Item) {
    let court = it
        .container_title
        .as_deref()
        .and_then(|c| c.split_whitespace().next())
        .map(|w| w.trim_end_matches('.'));
    if !court.is_some_and(|c| NEUTRAL_COURTS.contains(&c)) || it.number.is_some() {
        return;
    }
    let number = it
        .volume
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty() && v.len() <= 6 && v.bytes().all(|b| b.is_ascii_digit()));
    if let Some(n) = number {
        it.number = Some(n.to_string());
        it.volume = None;
        // "[2018] UKSC 4 [21]": a judgment has no pages; its page is the
        // paragraph pinpoint
        let paras: Option<Vec<String>> = it.page.as_deref().map(|p| {
            p.split(['-', '–'])
                .map(|x| x.trim_matches(['[', ']', ' ']))
                .filter(|x| !x.is_empty() && x.len() <= 5 && x.bytes().all(|b| b.is_ascii_digit()))
                .map(|x| format!("[{x}]"))
                .collect()
        });
        if let Some(paras) = paras.filter(|v| (1..=2).contains(&v.len())) {
            if it
                .page
                .as_deref()
                .is_some_and(|p| p.split(['-', '–']).count() == paras.len())
            {
                it.page = None;
                it.page_first = None;
                keep_court_and_pinpoint(it, None, Some(paras.join("–")));
            }
        }
        return;
    }
    // "[2017] UKSC 5" read as reporter and first page: the page is the number
    let page_number = it
        .page
        .as_deref()
        .filter(|p| p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()));
    if let (None, Some(n)) = (&it.volume, page_number) {
        it.number = Some(n.to_string());
        it.page = None;
        it.page_first = None;
    }
}

/// A law report or law-journal reference the model left in one field:
/// `[volume] REPORTER first-page [pinpoint]` ("66 CLJ 67", "93 LQR 195, 198",
/// "AC 562 (HL) 580", "19 St Tr 1029"): volume, reporter, first page.
struct LawReport<'a> {
    volume: Option<&'a str>,
    reporter: String,
    first_page: &'a str,
    /// A court or pinpoint follows the first page ("(HL) 580", ", 198").
    tail: bool,
    /// The court in brackets after the first page ("HL" of "(HL)").
    court: Option<&'a str>,
    /// The pinpoint after the first page and court ("580", "617–18").
    pinpoint: Option<String>,
}

fn parse_law_report(s: &str) -> Option<LawReport<'_>> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let is_number =
        |w: &str| !w.is_empty() && w.len() <= 5 && w.chars().all(|c| c.is_ascii_digit());
    let mut i = 0;
    let volume = match words.first() {
        Some(w) if is_number(w) => {
            i = 1;
            Some(*w)
        }
        _ => None,
    };
    // the reporter: 1–3 short capitalised words, one of them in capitals ("AC", "St Tr", "All ER")
    let start = i;
    while i < words.len() && i - start < 3 {
        let w = words[i];
        let short_cap = w.chars().count() <= 5
            && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
        if !short_cap {
            break;
        }
        i += 1;
    }
    let reporter = &words[start..i];
    let caps = reporter.iter().any(|w| {
        let letters: Vec<char> = w.chars().filter(char::is_ascii_alphabetic).collect();
        letters.len() >= 2 && letters.iter().all(char::is_ascii_uppercase)
    });
    // one word in capitals ("AC", "CLJ"), or abbreviated words ("St Tr")
    if reporter.is_empty() || !(caps || reporter.len() >= 2) {
        return None;
    }
    // "NS 19", "N.F. 3": a new series and its volume, no reporter
    if matches!(
        reporter[0].trim_end_matches('.'),
        "NS" | "N.S" | "NF" | "N.F" | "S" | "Ser"
    ) {
        return None;
    }
    let first = words.get(i)?.trim_end_matches(',');
    if !is_number(first) {
        return None;
    }
    // what may follow: a court "(HL)" and a pinpoint "580" / ", 198" / "–18"
    let mut court = None;
    let mut pins: Vec<&str> = Vec::new();
    for w in &words[i + 1..] {
        let bare = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')'));
        if bare.is_empty() {
            continue;
        }
        if bare
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
        {
            pins.push(bare);
        } else if w.starts_with('(') && is_court(bare) && court.is_none() && pins.is_empty() {
            court = Some(bare);
        } else if !(bare.len() <= 6 && bare.chars().all(|c| c.is_ascii_uppercase())) {
            return None;
        }
    }
    if words.len() > i + 4 {
        return None;
    }
    Some(LawReport {
        volume,
        reporter: reporter.join(" "),
        first_page: first,
        tail: words.len() > i + 1,
        court,
        pinpoint: (!pins.is_empty()).then(|| pins.join(" ")),
    })
}

fn law_report(it: &mut Item) {
    if it.container_title.is_some() {
        return;
    }
    if let Some(r) = it.page.as_deref().and_then(parse_law_report) {
        if it.volume.is_some() && r.volume.is_some() {
            return; // two volumes: leave the fields as they are
        }
        let (court, pinpoint) = (r.court.map(str::to_string), r.pinpoint.clone());
        let (reporter, first) = (r.reporter, r.first_page.to_string());
        if let Some(v) = r.volume {
            it.volume = Some(v.to_string());
        }
        it.container_title = Some(reporter);
        it.page = Some(first.clone());
        it.page_first = Some(first);
        keep_court_and_pinpoint(it, court, pinpoint);
        return;
    }
    let Some(r) = it.volume.as_deref().and_then(parse_law_report) else {
        return;
    };
    let (court, pinpoint) = (r.court.map(str::to_string), r.pinpoint.clone());
    let (volume, reporter, number, tail) = (
        r.volume.map(str::to_string),
        r.reporter,
        r.first_page.to_string(),
        r.tail,
    );
    // a page field that is one number after this one is the pinpoint
    // ("[1997] PL 467, 470"); a range is the pages of an article ("HWP 7,
    // 269-283")
    let pinpoint_after = it.page.as_deref().is_some_and(|p| {
        let p = p.trim();
        p.chars().all(|c| c.is_ascii_digit())
            && matches!((p.parse::<u64>(), number.parse::<u64>()), (Ok(a), Ok(b)) if a >= b)
    });
    it.container_title = Some(reporter);
    let first_page = match volume {
        // "19 St Tr 1029", "2 AC 115 (HL) 131": volume, reporter, first page
        Some(v) => {
            it.volume = Some(v);
            true
        }
        // "AC 562 (HL) 580", "PL 467" + pinpoint: a reporter cited by year
        None if tail || pinpoint_after => {
            it.volume = None;
            true
        }
        // "HWP 7", "RIS 19": a journal or series and its volume
        None => {
            it.volume = Some(number.clone());
            false
        }
    };
    if first_page {
        it.page = Some(number.clone());
        it.page_first = Some(number);
    }
    keep_court_and_pinpoint(it, court, pinpoint);
}

#[cfg(test)]
mod tests;
