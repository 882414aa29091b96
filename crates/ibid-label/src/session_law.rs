//! An American statute cited to the session laws, read by rule after
//! tagging: "Allow States and Victims to Fight Online Sex Trafficking Act of
//! 2017, Pub. L. No. 115-164, 132 Stat. 1253 (2018) (codified in scattered
//! sections of 18 and 47 U.S.C.)". The model, trained on no such
//! citations, took the year in the Act's name for the date and the public
//! law number for a volume. The form is unambiguous once the name ends in
//! "Act" (or "Act of" and a year) and a "VOLUME Stat. PAGE" report follows:
//! the name is the title (which the CSL conversion types `legislation`), the
//! public law number a note, the Statutes at Large the container with its
//! volume and page, the year in brackets the date, and any bracket after it
//! ("codified in …") a note.

use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// The parts of a session-law citation, as byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SessionLaw {
    title: Range<usize>,
    /// "Pub. L. No. 115-164" (and a title or section after it: ", tit. V").
    public_law: Option<Range<usize>>,
    volume: Range<usize>,
    reporter: Range<usize>,
    /// The first page and any pinpoint.
    pages: Vec<Range<usize>>,
    year: Option<Range<usize>>,
    /// Brackets after the year: "codified in …", "amending …".
    remarks: Option<Range<usize>>,
}

fn digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// The name of an Act: "… Act", "… Act of 2017".
fn names_an_act(name: &str) -> bool {
    let t = name.trim_end();
    let year = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    t.ends_with(" Act") || (year == 4 && t[..t.len() - 4].trim_end().ends_with(" Act of"))
}

fn parse(text: &str) -> Option<SessionLaw> {
    let stat = text.find(" Stat. ")?;
    let body_end = text.trim_end().trim_end_matches(['.', ';']).len();
    // "…, 132 Stat. 1253": the volume before, the page after
    let before = &text[..stat];
    let vol_start = before.rfind(' ')? + 1;
    let volume = vol_start..stat;
    if !(1..=3).contains(&digits(&text[volume.clone()]))
        || digits(&text[volume.clone()]) != volume.len()
    {
        return None;
    }
    let lead = before[..vol_start].trim_end();
    let lead = lead.strip_suffix(',')?;
    // the name ends at the first comma after which comes "Pub. L." or the volume
    let (title_end, public_law) = match lead.find(", Pub. L.") {
        Some(k) => (k, Some(k + 2..lead.len())),
        None => (lead.len(), None),
    };
    let start = text.len() - text.trim_start().len();
    if title_end <= start || !names_an_act(&text[start..title_end]) {
        return None;
    }
    let reporter = stat + 1..stat + 6;
    // pages: "1253", "1253, 1255"
    let mut at = stat + 7;
    let mut pages = Vec::new();
    loop {
        let n = digits(&text[at..]);
        if n == 0 {
            break;
        }
        pages.push(at..at + n);
        at += n;
        match text[at..].strip_prefix(", ") {
            Some(rest) if digits(rest) > 0 => at += 2,
            _ => break,
        }
    }
    if pages.is_empty() {
        return None;
    }
    // "(2018)", then brackets or the end
    let mut rest = text[at..body_end].trim_start();
    let mut year = None;
    if let Some(inner) = rest.strip_prefix('(') {
        if inner.len() >= 5 && digits(inner) == 4 && inner.as_bytes()[4] == b')' {
            let y = body_end - rest.len() + 1;
            year = Some(y..y + 4);
            rest = inner[5..].trim_start();
        }
    }
    let remarks = if rest.is_empty() {
        None
    } else if rest.starts_with('(') && rest.ends_with(')') {
        let r = body_end - rest.len();
        Some(r + 1..body_end - 1)
    } else {
        return None;
    };
    Some(SessionLaw {
        title: start..title_end,
        public_law,
        volume,
        reporter,
        pages,
        year,
        remarks,
    })
}

/// Relabels a session-law citation's tokens in `path` (label ids, as the
/// model tags), when the whole citation reads as one.
pub(crate) fn session_law(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    if !text.contains(" Stat. ") {
        return;
    }
    let Some(law) = parse(text) else {
        return;
    };
    let id = |l: Label| l.index() as u16;
    let within = |r: &Range<usize>, t: &Range<usize>| t.start >= r.start && t.end <= r.end;
    let some_within =
        |r: &Option<Range<usize>>, t: &Range<usize>| r.as_ref().is_some_and(|r| within(r, t));
    for (t, tok) in tokens.iter().enumerate().take(path.len()) {
        let r = &tok.range;
        path[t] = if within(&law.title, r) {
            id(Label::Title)
        } else if within(&law.volume, r) {
            id(Label::Volume)
        } else if within(&law.reporter, r) {
            id(Label::ContainerTitle)
        } else if law.pages.iter().any(|p| within(p, r)) {
            id(Label::Pages)
        } else if some_within(&law.year, r) {
            id(Label::Date)
        } else if some_within(&law.public_law, r) || some_within(&law.remarks, r) {
            id(Label::Note)
        } else {
            outside
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<Vec<String>> {
        let l = parse(text)?;
        let mut out = vec![format!("title={}", &text[l.title])];
        out.extend(l.public_law.map(|r| format!("note={}", &text[r])));
        out.push(format!("volume={}", &text[l.volume]));
        out.push(format!("container-title={}", &text[l.reporter]));
        out.extend(l.pages.into_iter().map(|r| format!("pages={}", &text[r])));
        out.extend(l.year.map(|r| format!("date={}", &text[r])));
        out.extend(l.remarks.map(|r| format!("note={}", &text[r])));
        Some(out)
    }

    #[test]
    fn reads_session_laws() {
        assert_eq!(
            parts("Allow States and Victims to Fight Online Sex Trafficking Act of 2017, Pub. L. No. 115-164, 132 Stat. 1253 (2018) (codified in scattered sections of 18 and 47 U.S.C.)."),
            Some(vec![
                "title=Allow States and Victims to Fight Online Sex Trafficking Act of 2017".to_string(),
                "note=Pub. L. No. 115-164".to_string(),
                "volume=132".to_string(),
                "container-title=Stat.".to_string(),
                "pages=1253".to_string(),
                "date=2018".to_string(),
                "note=codified in scattered sections of 18 and 47 U.S.C.".to_string(),
            ])
        );
        assert_eq!(
            parts("Communications Decency Act of 1996, Pub. L. No. 104-104, tit. V, 110 Stat. 133, 137 (1996)"),
            Some(vec![
                "title=Communications Decency Act of 1996".to_string(),
                "note=Pub. L. No. 104-104, tit. V".to_string(),
                "volume=110".to_string(),
                "container-title=Stat.".to_string(),
                "pages=133".to_string(),
                "pages=137".to_string(),
                "date=1996".to_string(),
            ])
        );
        assert_eq!(
            parts("Sherman Act, 26 Stat. 209 (1890)"),
            Some(vec![
                "title=Sherman Act".to_string(),
                "volume=26".to_string(),
                "container-title=Stat.".to_string(),
                "pages=209".to_string(),
                "date=1890".to_string(),
            ])
        );
        // not this form: no Act, prose after it, no page, odd volume
        for text in [
            "Smith, Essays, 26 Stat. 209 (1890)",
            "Sherman Act, 26 Stat. 209 (1890), which the courts read narrowly",
            "Sherman Act, 26 Stat. (1890)",
            "Sherman Act, 2600 Stat. 209",
            "Sherman Act 26 Stat. 209",
            " Stat. ",
            "Act, 1 Stat. 1 (",
            "Act of 201, 1 Stat. 1",
        ] {
            assert_eq!(parts(text), None, "{text}");
        }
    }

    #[test]
    fn relabels_the_tokens() {
        assert_eq!(
            crate::path_rule_test::relabel_with(session_law, "Sherman Act, 26 Stat. 209 (1890)."),
            [
                "title=Sherman Act",
                "volume=26",
                "container-title=Stat.",
                "pages=209",
                "date=1890"
            ]
        );
    }
}
