//! Span edges. Sources disagree on punctuation at span edges (AnyStyle and
//! LinkedBooks include trailing punctuation, GROBID and bibliographic-tei do
//! not), so every span is normalised the same way before training, scoring
//! and output: edge whitespace and punctuation are stripped, except a
//! closing bracket or quote that pairs with an opener inside the span, and a
//! period that ends an abbreviation ("p.", "ed.", initials such as "A. J. P.").

use crate::dict::{Dict, ABBREV, SPAN_ABBREV};
use crate::token::{is_punct, is_space};
use std::ops::Range;

fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '‘' => '’',
        '“' => '”',
        '„' => '“',
        '‚' => '‘',
        '«' => '»',
        '‹' => '›',
        '»' => '«',
        '"' => '"',
        '\'' => '\'',
        _ => return None,
    })
}

/// The opener a closing mark pairs with ("”" pairs with “ and „).
fn pairs_inside(inner: &str, closer: char) -> bool {
    let mut open = 0i32;
    let mut symmetric = 0usize;
    for c in inner.chars() {
        if c == closer && closer_of(c) == Some(c) {
            symmetric += 1;
            continue;
        }
        if closer_of(c) == Some(closer) {
            open += 1;
        } else if c == closer {
            open -= 1;
        }
    }
    if matches!(closer, '"' | '\'') {
        return symmetric % 2 == 1;
    }
    open > 0
}

/// True when the period at byte `dot` of `text` ends an abbreviation.
pub(crate) fn abbreviation_period(text: &str, dot: usize, dict: &Dict) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || is_punct(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let n = word.chars().count();
    if n == 0 {
        return false;
    }
    if n == 1 {
        return word.chars().all(char::is_alphabetic);
    }
    dict.flags_of(word) & (ABBREV | SPAN_ABBREV) != 0
}

/// Normalises one span's edges (see the module docs); may return an empty range.
pub fn normalise_span(text: &str, range: Range<usize>, dict: &Dict) -> Range<usize> {
    let (mut s, mut e) = (range.start.min(text.len()), range.end.min(text.len()));
    if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return s..s;
    }
    while let Some(c) = text[s..e].chars().next() {
        // "[2018] AC 736": a bracket closed inside the span, not at its end,
        // stays (a pair around the whole span, "(1961)", goes)
        if matches!(c, '(' | '[') {
            let rest =
                text[s + c.len_utf8()..e].trim_end_matches(|c: char| is_space(c) || is_punct(c));
            if closer_of(c).is_some_and(|cl| rest.contains(cl)) {
                break;
            }
        }
        if is_space(c) || is_punct(c) {
            s += c.len_utf8();
        } else {
            break;
        }
    }
    while let Some(c) = text[s..e].chars().next_back() {
        let at = e - c.len_utf8();
        let keep = if is_space(c) {
            false
        } else if c == '.' {
            abbreviation_period(text, at, dict)
        } else if is_punct(c) {
            pairs_inside(&text[s..at], c)
        } else {
            true
        };
        if keep {
            break;
        }
        e = at;
    }
    s..e.max(s)
}

/// Where a title that opened with a quotation mark ends: the byte offset in
/// `text` of the mark that closes it, when that mark falls inside the span
/// `range` with words after it ("“What Is the History of Books?,” Daedalus":
/// the model ran the title on into the journal). The opener is the last
/// character before the span, spaces aside; inner quotations of another
/// kind ("“‘Title’ Revisited,”") do not close it.
pub fn quoted_title_end(text: &str, range: Range<usize>) -> Option<usize> {
    let before = text.get(..range.start)?.trim_end_matches(is_space);
    let open = before.chars().next_back()?;
    let close = match open {
        '“' | '„' | '«' | '»' | '"' | '‘' => closer_of(open)?,
        _ => return None,
    };
    // ‘“Mere Auxiliaries”: Women …’: a quotation opening a longer title
    let outer = before[..before.len() - open.len_utf8()].chars().next_back();
    if outer.is_some_and(|c| matches!(c, '‘' | '“' | '„' | '‚' | '«' | '‹' | '\'' | '"'))
    {
        return None;
    }
    let span = text.get(range.clone())?;
    let at = if open == '‘' {
        closing_marks(span, '’').next()?
    } else {
        span.find(close)?
    };
    let after = span[at + close.len_utf8()..].trim_start_matches(is_space);
    // "“Title”: subtitle" goes on
    if after.starts_with(':') {
        return None;
    }
    // a single mark ends the title before punctuation or "in" only:
    // "‘Positive’ Gentrification, …" opens a longer title with a quotation
    if open == '‘' && !(after.starts_with([',', '.', ';']) || after.starts_with("in ")) {
        return None;
    }
    after
        .chars()
        .any(char::is_alphanumeric)
        .then_some(range.start + at)
}

/// Where `close` closes a quotation in `s`, in order: every occurrence,
/// except that a "’" between two letters is an apostrophe ("Ruskin’s").
pub(crate) fn closing_marks(s: &str, close: char) -> impl Iterator<Item = usize> + '_ {
    s.match_indices(close).map(|(i, _)| i).filter(move |&i| {
        let before = s[..i].chars().next_back();
        let after = s[i + close.len_utf8()..].chars().next();
        close != '’'
            || !(before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_title_ends_at_its_closing_mark() {
        let t = "R. Darnton, “What Is the History of Books?,” Daedalus 111";
        let s = t.find('W').unwrap();
        let e = t.find(" 111").unwrap();
        let end = quoted_title_end(t, s..e).unwrap();
        assert_eq!(&t[s..end], "What Is the History of Books?,");
        // an inner quotation of another kind does not end it
        let t = "R. Darnton, “‘What Is the History?’ Revisited,” Modern History";
        let s = t.find('‘').unwrap();
        let end = quoted_title_end(t, s..t.len()).unwrap();
        assert_eq!(&t[s..end], "‘What Is the History?’ Revisited,");
        // nothing after the mark, or no opener before the span
        assert_eq!(quoted_title_end(t, s..t.find(" Modern").unwrap()), None);
        // a quotation that opens a longer title, and a subtitle after the mark
        let t = "N. Howell, ‘“Sexually Transmitted Debt”: A Feminist Analysis’ (1995)";
        let s = t.find('S').unwrap();
        assert_eq!(quoted_title_end(t, s..t.find('’').unwrap()), None);
        let t = "N. Howell, “Sexually Transmitted Debt”: A Feminist Analysis (1995)";
        let s = t.find('S').unwrap();
        assert_eq!(quoted_title_end(t, s..t.find(" (").unwrap()), None);
        let t = "Smith, Title, Journal";
        assert_eq!(quoted_title_end(t, 7..t.len()), None);
        // single marks: an apostrophe is no closing mark, and the mark ends
        // the title only before punctuation or "in"
        let t = "J. Smith, ‘Ruskin’s Benediction: A Reading’, Victorian Studies";
        let s = t.find('R').unwrap();
        let end = quoted_title_end(t, s..t.len()).unwrap();
        assert_eq!(&t[s..end], "Ruskin’s Benediction: A Reading");
        let t = "L. Lees, ‘Positive’ Gentrification, Social Control";
        let s = t.find('P').unwrap();
        assert_eq!(quoted_title_end(t, s..t.len()), None);
    }

    fn norm(s: &str) -> &str {
        let d = Dict::embedded();
        &s[normalise_span(s, 0..s.len(), d)]
    }

    #[test]
    fn strips_edges_keeps_pairs_and_abbreviations() {
        assert_eq!(norm("Anderson, H."), "Anderson, H.");
        assert_eq!(norm("(2001)."), "2001");
        assert_eq!(
            norm("‘Citizenship and Politics’,"),
            "Citizenship and Politics"
        );
        assert_eq!(norm("Statuto (Lo) inedito,"), "Statuto (Lo) inedito");
        assert_eq!(norm("Foo (bar)."), "Foo (bar)");
        assert_eq!(norm("pp. 106-107;"), "pp. 106-107");
        assert_eq!(norm("Taylor, A. J. P.,"), "Taylor, A. J. P.");
        assert_eq!(norm("The Origins of the War."), "The Origins of the War");
        assert_eq!(norm("a cura di, ed."), "a cura di, ed.");
        assert_eq!(norm("“Archivio veneto”,"), "Archivio veneto");
        assert_eq!(norm("[2018] AC 736,"), "[2018] AC 736");
        assert_eq!(norm("([1932] AC 562)"), "[1932] AC 562");
        assert_eq!(norm(" ;.,"), "");
        assert_eq!(norm(""), "");
        // the legal abbreviations of span-abbreviations.txt keep theirs
        assert_eq!(norm("S. Ct.,"), "S. Ct.");
        assert_eq!(norm("F. Supp."), "F. Supp.");
        assert_eq!(norm("(4th Cir."), "4th Cir.");
        assert_eq!(norm("F. Supp. 2d,"), "F. Supp. 2d");
        assert_eq!(norm("All ER."), "All ER");
    }
}
