//! A note's own prose: what is left of its text outside the citations and
//! their signals ("This was particularly the case in the United States.",
//! "Siegel presents a valuable study of …").

use std::ops::Range;

/// Separators trimmed from both ends of a run, besides whitespace. A final
/// full stop, question mark or closing bracket stays with its sentence.
fn is_lead_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')' | ']' | '–' | '—' | '-')
}

fn is_tail_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '[' | '–' | '—' | '-')
}

/// The runs of `text` outside every range of `covered` (byte ranges, in any
/// order, overlapping or not), trimmed of whitespace and separators, that
/// hold at least two words with a letter: byte ranges into `text`, in
/// order. Ranges out of bounds or off character boundaries are clamped to
/// the text and its boundaries.
pub(crate) fn commentary(text: &str, covered: &[Range<usize>]) -> Vec<Range<usize>> {
    let clamp = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut cov: Vec<Range<usize>> = covered
        .iter()
        .map(|r| clamp(r.start)..clamp(r.end.max(r.start)))
        .collect();
    cov.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut pos = 0;
    for r in cov
        .into_iter()
        .chain(std::iter::once(text.len()..text.len()))
    {
        if r.start > pos {
            push_run(text, pos..r.start, &mut out);
        }
        pos = pos.max(r.end);
    }
    out
}

fn push_run(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let run = &text[r.clone()];
    let lead = run.len() - run.trim_start_matches(is_lead_separator).len();
    let body = run[lead..].trim_end_matches(is_tail_separator);
    let words = body
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(2)
        .count();
    if words >= 2 {
        let start = r.start + lead;
        out.push(start..start + body.len());
    }
}

#[cfg(test)]
mod tests {
    use super::commentary;

    fn runs<'a>(text: &'a str, covered: &[std::ops::Range<usize>]) -> Vec<&'a str> {
        commentary(text, covered)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn prose_around_citations() {
        let text = "This was the case in America. Smith, Law (1990), 4; see Jones, Order, 7. Jones disagrees.";
        let smith = text.find("Smith").unwrap()..text.find("; see").unwrap();
        let see = text.find("see").unwrap()..text.find("see").unwrap() + 3;
        let jones = text.find("Jones, Order").unwrap()..text.find(". Jones dis").unwrap();
        assert_eq!(
            runs(text, &[jones, see, smith]),
            ["This was the case in America.", "Jones disagrees."]
        );
    }

    #[test]
    fn connectives_and_separators_are_no_commentary() {
        let text = "Smith, Law, 4, and Jones, Order, 7.";
        let a = 0..text.find(", and").unwrap();
        let b = text.find("Jones").unwrap()..text.len() - 1;
        assert!(runs(text, &[a, b]).is_empty());
        // a note without citations is one run; one word is none
        assert_eq!(runs(" Prose only here. ", &[]), ["Prose only here."]);
        assert!(runs("Bibliography", &[]).is_empty());
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges, clippy::single_range_in_vec_init)]
    fn bad_ranges_are_clamped() {
        let text = "é prose words";
        // inside "é", past the end, reversed: no text covered
        assert_eq!(runs(text, &[1..1, 40..50, 99..2]), ["é prose words"]);
        // "é" covered by a range that ends inside it
        assert_eq!(runs(text, &[0..1]), ["é prose words"]);
        assert_eq!(runs(text, &[0..2]), ["prose words"]);
    }
}
