//! The law-review form of a journal article, read by rule after tagging:
//! "‘Title’ (1987) 30 Inquiry 137, 145": the year in parentheses, then the
//! volume, the journal, the first page and any pinpoints (OSCOLA, AGLC and
//! the Canadian and Australian law reviews cite this way; so do the law
//! reports: "(1994) 1 A.C. 180"). The training corpora hold few such
//! references and the model reads the numbers in many ways ("56" as a
//! volume, the whole tail as pages); the form itself is unambiguous.

use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// The parts of a law-review tail, as byte ranges into the citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tail {
    pub(crate) volume: Range<usize>,
    pub(crate) journal: Range<usize>,
    /// The first page through the last pinpoint.
    pub(crate) pages: Range<usize>,
}

/// Reads `text[from..]` as " 30 Inquiry 137, 145." (spaces, a volume of up
/// to four digits, a journal of words without digits, a first page, perhaps
/// after a page marker, then pinpoints after commas; a final full stop or
/// semicolon).
pub(crate) fn parse_tail(text: &str, from: usize) -> Option<Tail> {
    let b = text.as_bytes();
    let mut i = from;
    let skip_ws = |i: &mut usize| {
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
    };
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    skip_ws(&mut i);
    let vs = i;
    if !(1..=4).contains(&digits(&mut i)) || b.get(i) != Some(&b' ') {
        return None;
    }
    let volume = vs..i;
    skip_ws(&mut i);
    // the journal: everything up to the last " <digits>" group that starts
    // the pages; it must hold a letter and no digit
    let js = i;
    let rest = &text[js..];
    let mut pages_at = None;
    for (k, c) in rest.char_indices() {
        if c.is_ascii_digit() {
            if k > 0 && rest[..k].ends_with(' ') {
                pages_at = Some(js + k);
            }
            break;
        }
    }
    let digits_at = pages_at?;
    // (`trim_end` also takes whitespace other than the spaces skipped
    // above, such as a form feed: the journal may come out empty)
    let mut journal = js..text[..digits_at].trim_end().len().max(js);
    // a page marker before the first page belongs to the pages ("p. 16")
    let mut ps = digits_at;
    for marker in [" p.", " pp.", " at", " S.", " s."] {
        if text[journal.clone()].ends_with(marker) {
            ps = journal.end - marker.len() + 1;
            journal.end = text[..journal.end - marker.len()].trim_end().len().max(js);
            break;
        }
    }
    let name = &text[journal.clone()];
    if !name.chars().any(char::is_alphabetic) || name.contains(['(', ')', '[', ']', ',', ';']) {
        return None;
    }
    // pages: "137", "137, 145", "424, 431–3", "56–268"
    i = digits_at;
    let mut end;
    loop {
        if digits(&mut i) == 0 {
            return None;
        }
        end = i;
        if let Some(dash) = text[i..].chars().next().filter(|c| matches!(c, '-' | '–')) {
            i += dash.len_utf8();
            if digits(&mut i) == 0 {
                return None;
            }
            end = i;
        }
        if b.get(i) == Some(&b',') && b.get(i + 1) == Some(&b' ') {
            i += 2;
            continue;
        }
        break;
    }
    let trailer = text[end..].trim();
    if !matches!(trailer, "" | "." | ";") {
        return None;
    }
    Some(Tail {
        volume,
        journal,
        pages: ps..end,
    })
}

/// Relabels the tokens of a law-review tail in `path` (label ids, as the
/// model tags): when the citation has a title and a year in parentheses
/// followed by a tail that [`parse_tail`] reads whole, the tail's tokens
/// become volume, container-title and pages (a final full stop, outside).
pub(crate) fn law_review_tail(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    let id = |l: Label| l.index() as u16;
    let n = path.len().min(tokens.len());
    if !path[..n].contains(&id(Label::Title)) {
        return;
    }
    let tok = |t: usize| &text[tokens[t].range.clone()];
    // the year: "(", one date token, ")"
    let Some(close) = (2..n).find(|&t| {
        tok(t) == ")"
            && path[t - 1] == id(Label::Date)
            && tok(t - 2) == "("
            && tok(t - 1).len() == 4
    }) else {
        return;
    };
    let Some(tail) = parse_tail(text, tokens[close].range.end) else {
        return;
    };
    for t in close + 1..n {
        let r = &tokens[t].range;
        path[t] = if r.start >= tail.volume.start && r.end <= tail.volume.end {
            id(Label::Volume)
        } else if r.start >= tail.journal.start && r.end <= tail.journal.end {
            id(Label::ContainerTitle)
        } else if r.start >= tail.pages.start && r.end <= tail.pages.end {
            id(Label::Pages)
        } else {
            outside
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_other_than_spaces_never_empties_the_journal_backwards() {
        // found by the fuzzer: a form feed between the volume and the pages
        // made the journal's range end before it started (a panic)
        assert_eq!(parse_tail("X, 1 \u{c}\u{c} 8 v.", 2), None);
        assert_eq!(parse_tail("X, 1 \u{c} p. 8", 2), None);
        let ff = |n: usize| "\u{c}".repeat(n);
        let crash = format!(
            "Fa?soli, Nascita..., 22 {} = {} P {} 1 {} 8 v v.h, 1 {} 8 v. {} 8 v. @2.",
            " ".repeat(30),
            " ".repeat(5),
            " ".repeat(30),
            " ".repeat(15),
            ff(43),
            ff(21)
        );
        let _ = crate::Labeller::embedded().label(&crash);
    }
    use crate::token::tokenize;

    fn parts(text: &str) -> Option<(&str, &str, &str)> {
        let from = text.find(')')? + 1;
        let t = parse_tail(text, from)?;
        Some((&text[t.volume], &text[t.journal], &text[t.pages]))
    }

    #[test]
    fn reads_the_law_review_tail() {
        assert_eq!(
            parts("A. Bottomley, ‘Self’ (1993) 20 J. of Law and Society 56, 61."),
            Some(("20", "J. of Law and Society", "56, 61"))
        );
        assert_eq!(
            parts("K. O’Donovan, ‘Maintenance’ (1982) 45 Modern Law Rev. 424, 431–3."),
            Some(("45", "Modern Law Rev.", "424, 431–3"))
        );
        assert_eq!(
            parts("D. West, ‘Power’ (1987) 30 Inquiry 137"),
            Some(("30", "Inquiry", "137"))
        );
        // not this form: no volume, a year in the journal, words after the pages
        assert_eq!(parts("Family Matters (1993), especially 43–59."), None);
        assert_eq!(parts("‘T’ (1993) 20 Law 1990 Review 56."), None);
        assert_eq!(parts("‘T’ (1993) 20 Law Review 56 and throughout."), None);
        assert_eq!(parts("‘T’ (1993) 12345 Law Review 56."), None);
        assert_eq!(parts("‘T’ (1993) 20 Law Review (HL) 56."), None);
    }

    #[test]
    fn relabels_the_tail_tokens() {
        let text = "D. West, ‘Power and Formation’ (1987) 30 Inquiry 137, 145.";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let outside = Label::ALL.len() as u16;
        // the model's guess: title, then the year, then everything as pages
        let mut path: Vec<u16> = toks
            .iter()
            .map(|t| {
                let s = &text[t.range.clone()];
                if t.range.start < text.find('‘').unwrap() {
                    Label::Author.index() as u16
                } else if t.range.end <= text.find(" (").unwrap() {
                    Label::Title.index() as u16
                } else if s == "1987" {
                    Label::Date.index() as u16
                } else if s == "(" || s == ")" {
                    outside
                } else {
                    Label::Pages.index() as u16
                }
            })
            .collect();
        law_review_tail(text, &toks, &mut path, outside);
        let label_of = |word: &str| {
            let t = toks
                .iter()
                .position(|t| &text[t.range.clone()] == word)
                .unwrap();
            path[t]
        };
        assert_eq!(label_of("30"), Label::Volume.index() as u16);
        assert_eq!(label_of("Inquiry"), Label::ContainerTitle.index() as u16);
        assert_eq!(label_of("137"), Label::Pages.index() as u16);
        assert_eq!(label_of("145"), Label::Pages.index() as u16);
        assert_eq!(path[toks.len() - 1], outside);
        // without a title, nothing changes
        let before = path.clone();
        let mut no_title: Vec<u16> = before
            .iter()
            .map(|&p| {
                if p == Label::Title.index() as u16 {
                    outside
                } else {
                    p
                }
            })
            .collect();
        let copy = no_title.clone();
        law_review_tail(text, &toks, &mut no_title, outside);
        assert_eq!(no_title, copy);
    }
}
