//! Tokens of a note (whitespace-separated, with their alphanumeric core) and
//! the matched brackets and quotes that protect text from being split.

use crate::lexicon;

/// One whitespace-separated token: `start..end` in the note text, and the
/// core `cs..ce` without leading and trailing punctuation ("(London," → "London").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub cs: usize,
    pub ce: usize,
}

impl Tok {
    pub(crate) fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.end]
    }
    pub(crate) fn core<'a>(&self, s: &'a str) -> &'a str {
        &s[self.cs..self.ce]
    }
    pub(crate) fn head<'a>(&self, s: &'a str) -> &'a str {
        &s[self.start..self.cs]
    }
    pub(crate) fn tail<'a>(&self, s: &'a str) -> &'a str {
        &s[self.ce..self.end]
    }
    /// The punctuation after the core, or the whole token when it has no
    /// core (";" standing alone, as in French typography).
    pub(crate) fn trailing<'a>(&self, s: &'a str) -> &'a str {
        if self.cs == self.ce {
            self.text(s)
        } else {
            self.tail(s)
        }
    }

    /// True when a period follows the core directly ("p.", "Vol.,").
    pub(crate) fn dot(&self, s: &str) -> bool {
        self.tail(s).starts_with('.')
    }
}

fn is_core_char(c: char) -> bool {
    c.is_alphanumeric() || c == '§'
}

/// Split a one-line text into tokens.
pub(crate) fn tokenize(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let (ws, len) = if b[i] < 0x80 {
            (
                matches!(b[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
                1,
            )
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if ws {
            if let Some(st) = start.take() {
                out.push(make_tok(s, st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += len;
    }
    if let Some(st) = start {
        out.push(make_tok(s, st, s.len()));
    }
    out
}

fn make_tok(s: &str, start: usize, end: usize) -> Tok {
    let t = &s[start..end];
    let (lead, trail) = if t.is_ascii() {
        let b = t.as_bytes();
        let lead = b
            .iter()
            .position(u8::is_ascii_alphanumeric)
            .unwrap_or(b.len());
        let trail = b
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(lead, |k| k + 1);
        (lead, trail)
    } else {
        let lead = t
            .char_indices()
            .find(|&(_, c)| is_core_char(c))
            .map_or(t.len(), |(i, _)| i);
        let trail = t
            .char_indices()
            .rev()
            .find(|&(_, c)| is_core_char(c))
            .map_or(lead, |(i, c)| i + c.len_utf8());
        (lead, trail)
    };
    let trail = trail.max(lead);
    Tok {
        start,
        end,
        cs: start + lead,
        ce: start + trail,
    }
}

/// Byte flags: inside a quoted span, inside brackets, inside a definition.
pub(crate) const IN_QUOTE: u8 = 1;
pub(crate) const IN_BRACKET: u8 = 2;
pub(crate) const IN_DEFINITION: u8 = 4;

/// A matched pair of delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    /// Byte offset of the opening delimiter.
    pub open: usize,
    /// Byte offset of the closing delimiter.
    pub close: usize,
    /// Byte length of the closing delimiter.
    pub close_len: usize,
    pub quote: bool,
}

/// How far down the stack a closer looks for its opener (keeps time linear).
const SEARCH: usize = 8;

fn find_open(stack: &[(char, usize)], want: &[char]) -> Option<usize> {
    let lo = stack.len().saturating_sub(SEARCH);
    (lo..stack.len())
        .rev()
        .find(|&i| want.contains(&stack[i].0))
}

/// Match brackets and quotes. Unmatched delimiters are ignored; apostrophes
/// ("O’Donovan", "Woman’s") are not quotes.
pub(crate) fn find_pairs(s: &str) -> Vec<Pair> {
    let b = s.as_bytes();
    let mut pairs = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    for i in 0..b.len() {
        // only ASCII delimiters and the lead bytes of typographic quotes matter
        if !matches!(
            b[i],
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'"' | b'\'' | 0xC2 | 0xE2
        ) {
            continue;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            continue;
        };
        let prev = s[..i].chars().next_back().unwrap_or(' ');
        let next = s[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        // (closing partners to look for, is a quote, opens when unmatched)
        let rule: Option<(&[char], bool, bool)> = match c {
            '(' | '[' | '{' | '„' => Some((&[], false, true)),
            ')' => Some((&['('], false, false)),
            ']' => Some((&['['], false, false)),
            '}' => Some((&['{'], false, false)),
            '‘' => Some((&['‚'], true, true)),
            '’' if !(prev.is_alphanumeric() && next.is_alphabetic()) => {
                Some((&['‘'], true, false))
            }
            '“' => Some((&['„'], true, true)),
            '”' => Some((&['“', '„'], true, false)),
            '‚' if next.is_alphanumeric() => Some((&[], true, true)),
            '«' => Some((&['»'], true, true)),
            '»' => Some((&['«'], true, true)),
            '‹' => Some((&['›'], true, true)),
            '›' => Some((&['‹'], true, true)),
            '"' => Some((&['"'], true, true)),
            '\'' if !(prev.is_alphanumeric() && next.is_alphanumeric()) => {
                if !next.is_alphanumeric() && find_open(&stack, &['\'']).is_some() {
                    Some((&['\''], true, false))
                } else if !prev.is_alphanumeric() && next.is_alphanumeric() {
                    Some((&[], true, true))
                } else {
                    None
                }
            }
            _ => None,
        };
        let Some((partners, quote, opens)) = rule else {
            continue;
        };
        let found = if partners.is_empty() {
            None
        } else {
            find_open(&stack, partners)
        };
        match found {
            Some(k) => {
                pairs.push(Pair {
                    open: stack[k].1,
                    close: i,
                    close_len: c.len_utf8(),
                    quote,
                });
                stack.truncate(k);
            }
            None if opens => stack.push((c, i)),
            None => {}
        }
    }
    pairs.sort_unstable_by_key(|p| p.open);
    pairs
}

/// Mark the bytes inside the outermost pairs of each kind.
pub(crate) fn protect(len: usize, pairs: &[Pair], skip_bracket: impl Fn(&Pair) -> bool) -> Vec<u8> {
    let mut flags = vec![0u8; len];
    let mut quote_end = 0usize;
    let mut bracket_end = 0usize;
    for p in pairs {
        let (flag, end) = if p.quote {
            (IN_QUOTE, &mut quote_end)
        } else {
            if skip_bracket(p) {
                continue;
            }
            (IN_BRACKET, &mut bracket_end)
        };
        let from = (p.open + 1).max(*end);
        let to = p.close.min(len);
        if from < to {
            for f in &mut flags[from..to] {
                *f |= flag;
            }
        }
        *end = (*end).max(to);
    }
    flags
}

/// True when the first word inside a bracket pair is a cue word ("(see …)").
pub(crate) fn opens_with_cue(s: &str, p: &Pair) -> bool {
    if p.quote {
        return false;
    }
    let inner = s.get(p.open + 1..p.close).unwrap_or("");
    let inner = inner.trim_start();
    let word_end = inner
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(inner.len(), |(i, _)| i);
    let word = &inner[..word_end];
    let dot = inner[word_end..].starts_with('.');
    !word.is_empty() && lexicon::is_cue(word, dot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_cores() {
        let s = "(London, 1961), p. 88. ‘Embodying O’Donovan’s";
        let toks = tokenize(s);
        let cores: Vec<&str> = toks.iter().map(|t| t.core(s)).collect();
        assert_eq!(
            cores,
            ["London", "1961", "p", "88", "Embodying", "O’Donovan’s"]
        );
        assert!(toks[2].dot(s));
        assert_eq!(toks[1].tail(s), "),");
        assert_eq!(toks[0].head(s), "(");
        let punct = tokenize(" ; — § ");
        assert_eq!(punct.len(), 3);
        assert_eq!(punct[0].core(" ; — § "), "");
        assert_eq!(punct[2].core(" ; — § "), "§");
    }

    #[test]
    fn pairs_skip_apostrophes() {
        let s = "A Woman’s Place, ‘Is Citizenship Gendered?’ (1994) (a [b] c";
        let pairs = find_pairs(s);
        let texts: Vec<&str> = pairs
            .iter()
            .map(|p| &s[p.open..p.close + p.close_len])
            .collect();
        assert_eq!(texts, ["‘Is Citizenship Gendered?’", "(1994)", "[b]"]);
    }

    #[test]
    fn german_and_french_quotes() {
        let s = "„Recht“ und ‚Haves‘ «titre» »Titel«";
        let pairs = find_pairs(s);
        assert_eq!(pairs.len(), 4);
        assert!(pairs.iter().all(|p| p.quote));
    }

    #[test]
    fn straight_quotes() {
        let s = "Zum Konzept der 'Thematisierung von Recht' vgl. it's \"x\"";
        let pairs = find_pairs(s);
        let texts: Vec<&str> = pairs
            .iter()
            .map(|p| &s[p.open..p.close + p.close_len])
            .collect();
        assert_eq!(texts, ["'Thematisierung von Recht'", "\"x\""]);
    }

    #[test]
    fn protection_flags() {
        let s = "a (b ‘c’ d) e";
        let pairs = find_pairs(s);
        let f = protect(s.len(), &pairs, |_| false);
        let b = s.find('b').unwrap();
        let c = s.find('c').unwrap();
        assert_eq!(f[b], IN_BRACKET);
        assert_eq!(f[c], IN_BRACKET | IN_QUOTE);
        assert_eq!(f[0], 0);
        assert_eq!(f[s.len() - 1], 0);
        assert!(opens_with_cue(
            "x (see Smith) y",
            &find_pairs("x (see Smith) y")[0]
        ));
    }

    #[test]
    fn hostile_input_stays_linear() {
        let s = "(".repeat(50_000) + &")".repeat(50_000);
        let pairs = find_pairs(&s);
        assert!(pairs.len() <= 50_000);
    }
}
