//! Unnumbered reference lists: one entry per line, per paragraph (entries
//! separated by blank lines), or with hanging indents.

use std::ops::Range;

/// A line of an unnumbered region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RegionLine {
    Blank,
    Text { range: Range<usize>, indent: usize },
}

/// Paragraphs of the region (non-empty runs of text lines).
fn paragraphs(region: &[RegionLine]) -> Vec<Vec<(Range<usize>, usize)>> {
    let mut out: Vec<Vec<(Range<usize>, usize)>> = Vec::new();
    let mut cur = Vec::new();
    for l in region {
        match l {
            RegionLine::Blank => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            RegionLine::Text { range, indent } => cur.push((range.clone(), *indent)),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Split a region into paragraphs of prose (each one block).
pub(crate) fn prose_blocks(region: &[RegionLine]) -> Vec<Vec<Range<usize>>> {
    paragraphs(region)
        .into_iter()
        .map(|p| p.into_iter().map(|(r, _)| r).collect())
        .collect()
}

fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            && matches!(w[0], b'1' | b'2')
    })
}

/// Does this line look like the start of a reference ("Surname, …", "— ", a quote)?
pub(crate) fn looks_like_entry_start(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(['—', '–', '‘', '“', '"', '«', '„'])
        || line.starts_with("--")
        || line.starts_with("__")
    {
        return true;
    }
    let mut words = line.split_whitespace();
    let w1 = words.next().unwrap_or("");
    let w2 = words.next().unwrap_or("");
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let particle = crate::lexicon::is_name_particle(w1);
    if cap(w1) && w1.ends_with(',') && w1.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
        return true;
    }
    if (cap(w1) || particle) && cap(w2) && w2.ends_with(',') && !w1.ends_with(['.', ':', ';']) {
        return true;
    }
    // "Heidegger M., 1927" / "Smith J (1990)"
    let initial = |w: &str| {
        let core = w.trim_end_matches([',', '.']);
        !core.is_empty()
            && core.len() <= 4
            && core
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '-')
    };
    cap(w1)
        && w1.chars().any(char::is_lowercase)
        && !w1.ends_with(['.', ':', ';'])
        && initial(w2)
        && w2.ends_with([',', '.'])
}

/// Does `line` end with a link ("https://doi.org/10.1038/nature14539",
/// "doi:10.1002/…", "www.…")? A reference that ends with its DOI or URL
/// is complete, with or without a full stop.
fn ends_with_link(line: &str) -> bool {
    let last = line
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let low = last.to_ascii_lowercase();
    low.starts_with("http://")
        || low.starts_with("https://")
        || low.starts_with("www.")
        || low.starts_with("doi:")
        || (low.starts_with("10.") && low.contains('/'))
}

/// Is `line` the continuation of the entry whose last line is `prev`?
fn continues(prev: &str, line: &str, entry_has_year: bool) -> bool {
    let first = line.chars().next().unwrap_or(' ');
    let last = prev.chars().next_back().unwrap_or(' ');
    let prev_done = matches!(last, '.' | '?' | '!' | ')' | ']' | '”' | '’' | '"')
        || (ends_with_link(prev) && entry_has_year);
    if first.is_lowercase()
        || (first.is_ascii_digit() && !prev_done)
        || matches!(first, ')' | ']' | ',' | ';' | ':' | '.' | '–' | '-' | '&')
    {
        return true;
    }
    if matches!(last, ',' | ':' | ';' | '&' | '(' | '-' | '–' | '/') {
        return true;
    }
    let last_word = prev.rsplit(char::is_whitespace).next().unwrap_or("");
    if matches!(
        last_word,
        "and" | "und" | "et" | "e" | "in" | "of" | "the" | "&" | "des" | "der" | "de"
    ) {
        return true;
    }
    if looks_like_entry_start(line) {
        return false;
    }
    // an entry that ends with a year or a number ("…, vol. 38.") is complete
    let ends_with_number = prev
        .trim_end_matches(['.', ')', ']'])
        .ends_with(|c: char| c.is_ascii_digit());
    if prev_done && (entry_has_year || ends_with_number) {
        return false;
    }
    true
}

/// Split an unnumbered region into entries (each a list of line ranges).
pub(crate) fn split_entries(s: &str, region: &[RegionLine]) -> Vec<Vec<Range<usize>>> {
    let paras = paragraphs(region);
    if paras.is_empty() {
        return Vec::new();
    }
    let total: usize = paras.iter().map(Vec::len).sum();
    let multi = paras.iter().filter(|p| p.len() >= 2).count();
    if paras.len() >= 2 && multi >= 1 && total <= paras.len() * 4 {
        return paras
            .into_iter()
            .map(|p| p.into_iter().map(|(r, _)| r).collect())
            .collect();
    }
    // one entry per line, unless a line continues the previous one
    let all: Vec<&(Range<usize>, usize)> = paras.iter().flatten().collect();
    let min_indent = all.iter().map(|l| l.1).min().unwrap_or(0);
    let indented = all.iter().filter(|l| l.1 > min_indent).count();
    let at_margin = all.len() - indented;
    let hanging = indented > 0 && at_margin > 0 && indented >= at_margin / 2;
    // when nearly every line ends a sentence, each line is an entry
    let terminal =
        |t: &str| t.trim_end().ends_with(['.', '?', '!', ')', '”', '’', '"']) || ends_with_link(t);
    let ends = all
        .iter()
        .filter(|l| terminal(s.get(l.0.clone()).unwrap_or("")))
        .count();
    let one_per_line = all.len() >= 3 && ends * 10 >= all.len() * 8;
    let mut out: Vec<Vec<Range<usize>>> = Vec::new();
    for p in &paras {
        let mut cur: Vec<Range<usize>> = Vec::new();
        let mut cur_year = false;
        for (range, indent) in p {
            let text = s.get(range.clone()).unwrap_or("");
            let join = match cur.last() {
                None => false,
                Some(prev) if hanging => {
                    *indent > min_indent
                        || (continues(s.get(prev.clone()).unwrap_or(""), text, cur_year)
                            && !looks_like_entry_start(text)
                            && text.chars().next().is_some_and(|c| !c.is_uppercase()))
                }
                Some(prev) if one_per_line => {
                    let p = s.get(prev.clone()).unwrap_or("");
                    !terminal(p) || text.starts_with(char::is_lowercase)
                }
                Some(prev) => continues(s.get(prev.clone()).unwrap_or(""), text, cur_year),
            };
            if !join && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
                cur_year = false;
            }
            cur_year |= has_year(text);
            cur.push(range.clone());
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(s: &str) -> Vec<RegionLine> {
        let mut out = Vec::new();
        let mut pos = 0;
        for line in s.split('\n') {
            let t = line.trim();
            if t.is_empty() {
                out.push(RegionLine::Blank);
            } else {
                let lead = line.len() - line.trim_start().len();
                out.push(RegionLine::Text {
                    range: pos + lead..pos + lead + t.len(),
                    indent: lead,
                });
            }
            pos += line.len() + 1;
        }
        out
    }

    fn entries(s: &str) -> Vec<String> {
        split_entries(s, &region(s))
            .into_iter()
            .map(|e| {
                e.iter()
                    .map(|r| &s[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn one_per_line() {
        let s = "Bender, Rolf, 1980: Erfolgsbarrieren. Tübingen.\nBlack, Donald, 1973: The Mobilization of Law.\nCarlin, Jerome, 1967: Civil Justice. New York.";
        assert_eq!(entries(s).len(), 3);
    }

    #[test]
    fn wrapped_lines_without_blank_lines() {
        let s = "Taylor, A. J. P. The Origins of the Second World War. London:\nHamish Hamilton, 1961.\nSmith, John. A History of\nThings. Oxford, 1990.";
        assert_eq!(
            entries(s),
            [
                "Taylor, A. J. P. The Origins of the Second World War. London: Hamish Hamilton, 1961.",
                "Smith, John. A History of Things. Oxford, 1990."
            ]
        );
    }

    #[test]
    fn blank_line_separated_paragraphs() {
        let s = "Taylor, A. J. P. The Origins of the Second World War.\nLondon: Hamish Hamilton, 1961.\n\nSmith, John. A History.\nOxford: Clarendon Press, 1990.\n\nJones, K. Title. 1980.";
        assert_eq!(entries(s).len(), 3);
    }

    #[test]
    fn hanging_indent() {
        let s = "Taylor, A. J. P. The Origins of the Second World War.\n    London: Hamish Hamilton, 1961.\nSmith, John. A History.\n    Oxford: Clarendon Press, 1990.";
        assert_eq!(entries(s).len(), 2);
    }

    #[test]
    fn a_reference_ending_with_its_doi_is_complete() {
        let s = "Taylor, A. J. P. The Origins. London, 1961.\n\
                 LeCun, Y. (2015). Deep learning. Nature, 521, 436–444. https://doi.org/10.1038/nature14539\n\
                 Braudel, Fernand. La Méditerranée. Paris: Armand Colin, 1949.\n\
                 Shannon, C. E. (1948). A theory. Bell System Technical Journal, 27, 379–423. doi:10.1002/x\n\
                 Gilbert, M. and Gott, R., The Appeasers (London, 1963).";
        assert_eq!(entries(s).len(), 5, "{:?}", entries(s));
        // a DOI wrapped over two lines stays one entry
        let s = "LeCun, Y. (2015). Deep learning. Nature, 521, 436–444. https://doi.org/10.1038/\n\
                 nature14539\n\
                 Braudel, Fernand. La Méditerranée. Paris: Armand Colin, 1949.";
        assert_eq!(entries(s).len(), 2, "{:?}", entries(s));
    }

    #[test]
    fn entry_starts() {
        assert!(looks_like_entry_start("Taylor, A. J. P."));
        assert!(looks_like_entry_start("van Dyke, J."));
        assert!(looks_like_entry_start("Heidegger M., 1927"));
        assert!(looks_like_entry_start("——, Another Book"));
        assert!(!looks_like_entry_start("London: Hamish Hamilton, 1961."));
        assert!(!looks_like_entry_start("Things. Oxford, 1990."));
    }
}
