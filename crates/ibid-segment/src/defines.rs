//! Abbreviation definitions: "(hereafter cited as D.G.F.P.)", "im Folgenden:
//! ADAP", "ci-après « DDF »", "[DGFP]" after a title.

use crate::lexicon;
use crate::tokens::{Pair, Tok};
use std::ops::Range;

/// An abbreviation defined in a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Def {
    /// The definition phrase with its abbreviation (protected from splitting).
    pub range: Range<usize>,
    /// The abbreviation itself, without quotes, brackets or final punctuation.
    pub name: String,
    /// A bare "[X]" after a title (only counts for full citations).
    pub bracket: bool,
}

/// How many tokens a trigger phrase takes at `i` (0 when there is none).
fn trigger_len(lower: &str, toks: &[Tok], i: usize) -> usize {
    let w = |k: usize| toks.get(i + k).map(|t| lower.get(t.cs..t.ce).unwrap_or(""));
    let Some(first) = w(0) else { return 0 };
    match first {
        "hereafter" | "henceforth" | "hereinafter" | "künftig" | "fortan" | "ci-après"
        | "abgekürzt" | "abbreviated" => 1,
        "im" | "in" | "di" => match (first, w(1).unwrap_or("")) {
            ("im", "folgenden") | ("in", "seguito") | ("di", "seguito") => 2,
            _ => 0,
        },
        "d'ora" | "d’ora" | "dora" => 3,
        "cited" | "quoted" | "zitiert" | "cité" | "citée" | "citato" | "citata" => {
            if matches!(w(1).unwrap_or(""), "as" | "als" | "come" | "comme") {
                2
            } else {
                0
            }
        }
        "zit" if w(1) == Some("als") => 2,
        _ => 0,
    }
}

/// Connector words between a trigger and the abbreviation.
fn is_connector(low: &str) -> bool {
    matches!(
        low,
        "cited"
            | "as"
            | "zit"
            | "zitiert"
            | "als"
            | "cité"
            | "citée"
            | "citato"
            | "citata"
            | "come"
            | "comme"
            | "referred"
            | "to"
            | "in"
            | "poi"
            | "quoted"
            | "abbreviated"
            | "abgekürzt"
            | "simply"
            | "only"
            | "sous"
            | "le"
            | "titre"
            | "la"
            | "sigle"
            | "sigla"
            | "mit"
            | "durch"
            | "by"
            | "the"
            | "short"
            | "title"
            | "form"
    )
}

/// Clean an abbreviation: strip quotes, brackets and final punctuation.
pub(crate) fn clean_name(raw: &str) -> String {
    let quotes: &[char] = &[
        '‘', '’', '“', '”', '"', '\'', '«', '»', '„', '‚', '‹', '›', '(', ')', '[', ']', ':', ',',
        ';', ' ', '\u{a0}',
    ];
    let mut t = raw.trim_matches(quotes);
    loop {
        let before = t.len();
        t = t.trim_end_matches([',', ';', ':', ')', ']', '’', '”', '"', '»', ' ']);
        if let Some(stripped) = t.strip_suffix('.') {
            let last_word = stripped.rsplit([' ', '.']).next().unwrap_or("");
            let dotted = stripped.contains('.');
            if !dotted && !lexicon::keeps_period(last_word) {
                t = stripped;
            }
        }
        t = t.trim_matches(quotes);
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

/// Find the definitions of a one-line note.
/// `lower` is `s` lower-cased with the same byte offsets.
pub(crate) fn find(s: &str, lower: &str, toks: &[Tok], pairs: &[Pair]) -> Vec<Def> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let n = trigger_len(lower, toks, i);
        if n == 0 {
            i += 1;
            continue;
        }
        let trig = toks[i];
        // the bracket pair that holds the trigger, if any
        let upto = pairs.partition_point(|p| p.open < trig.cs);
        let holder = pairs[..upto]
            .iter()
            .rev()
            .take(16)
            .find(|p| !p.quote && p.close >= trig.end);
        let mut k = i + n;
        while k < toks.len() && {
            let t = toks[k];
            let low = lower.get(t.cs..t.ce).unwrap_or("");
            (is_connector(low)
                && !t.core(s).is_empty()
                && t.core(s).chars().all(char::is_lowercase))
                || t.core(s).is_empty()
                    && t.text(s)
                        .chars()
                        .all(|c| matches!(c, ':' | ',' | '–' | '—' | '-'))
        } {
            if holder.is_some_and(|p| toks[k].end > p.close) {
                break;
            }
            k += 1;
        }
        if k >= toks.len() {
            break;
        }
        let x_start = toks[k].start;
        let (x_end, range_end) = match holder {
            Some(p) if p.close > x_start => (p.close, p.close + p.close_len),
            _ => {
                // up to a comma, semicolon or sentence end; at most 6 tokens
                let mut e = k;
                let mut end = toks[k].end;
                while e < toks.len() && e < k + 6 {
                    let t = toks[e];
                    end = t.end;
                    let tail = t.tail(s);
                    if tail.contains([',', ';', ')', ']'])
                        || (tail.ends_with('.')
                            && !lexicon::keeps_period(t.core(s))
                            && !t.core(s).contains('.'))
                    {
                        break;
                    }
                    e += 1;
                }
                (end, end)
            }
        };
        let name = clean_name(s.get(x_start..x_end).unwrap_or(""));
        if !name.is_empty() && name.chars().count() <= 80 {
            let start = holder.map_or(trig.start, |p| p.open);
            out.push(Def {
                range: start..range_end.min(s.len()),
                name,
                bracket: false,
            });
        }
        i = k + 1;
    }
    // "[DGFP]" after a title
    let phrase_defs = out.len();
    let mut cursor = 0;
    for p in pairs {
        if p.quote || !s[p.open..].starts_with('[') {
            continue;
        }
        let inner = s.get(p.open + 1..p.close).unwrap_or("");
        // the length first (nested brackets would make reading every
        // pair's whole inner text quadratic)
        let looks = (2..=15).contains(&inner.len())
            && inner.chars().next().is_some_and(char::is_uppercase)
            && !inner.contains(char::is_whitespace)
            && inner.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && inner.chars().all(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '/' | '-' | '&')
            })
            && !inner.chars().all(|c| "IVXLCDM".contains(c));
        let preceded = s[..p.open]
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '’' | '”' | ')' | '.'));
        while cursor < phrase_defs && out[cursor].range.end <= p.open {
            cursor += 1;
        }
        let inside = cursor < phrase_defs && out[cursor].range.start <= p.open;
        if looks && preceded && !inside {
            out.push(Def {
                range: p.open..p.close + p.close_len,
                name: inner.to_string(),
                bracket: true,
            });
        }
    }
    // "The National Archives, Kew (TNA)", "Politisches Archiv des Auswärtigen Amts (PA AA)"
    let mut cursor = 0;
    let found = out.len();
    for p in pairs {
        if p.quote || !s[p.open..].starts_with('(') {
            continue;
        }
        while cursor < found && out[cursor].range.end <= p.open {
            cursor += 1;
        }
        if cursor < found && out[cursor].range.start <= p.open {
            continue;
        }
        let inner = s.get(p.open + 1..p.close).unwrap_or("").trim();
        if let Some(name) = acronym_of_preceding(s, p.open, inner) {
            out.push(Def {
                range: p.open..p.close + p.close_len,
                name,
                bracket: true,
            });
        }
    }
    out.sort_by_key(|d| d.range.start);
    out
}

/// `inner` is an acronym of the capitalised words just before `open`.
fn acronym_of_preceding(s: &str, open: usize, inner: &str) -> Option<String> {
    // the length first: every bracket pair is asked, nested ones too, and
    // reading a long inner text for each would be quadratic
    if inner.len() > 16 {
        return None;
    }
    let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
    let shape_ok = (2..=10).contains(&letters.len())
        && inner
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '&' | '.'))
        && letters.iter().all(|c| c.is_uppercase());
    if !shape_ok {
        return None;
    }
    let before = s[..open].trim_end();
    let last = before.chars().next_back()?;
    if !last.is_alphabetic() {
        return None; // "[1932] AC 562 (HL)", "Act 1981 (NSW)"
    }
    let initials: Vec<char> = before
        .rsplit(char::is_whitespace)
        .take(10)
        .filter_map(|w| w.trim_start_matches(['(', '‘', '“', '«']).chars().next())
        .filter(|c| c.is_uppercase())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // the acronym's letters appear in order among the initials
    let mut it = initials.iter();
    let sub = letters.iter().all(|l| it.any(|c| c == l));
    sub.then(|| inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::{find_pairs, tokenize};

    fn defs(s: &str) -> Vec<(String, &str)> {
        let toks = tokenize(s);
        let pairs = find_pairs(s);
        find(s, &s.to_lowercase(), &toks, &pairs)
            .into_iter()
            .map(|d| (d.name, &s[d.range]))
            .collect()
    }

    #[test]
    fn hereafter_forms() {
        assert_eq!(
            defs("Documents, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45"),
            [("D.G.F.P.".to_string(), "(hereafter cited as D.G.F.P.)")]
        );
        assert_eq!(
            defs("Taylor, Origins (hereafter Taylor, Origins), p. 3")[0].0,
            "Taylor, Origins"
        );
        assert_eq!(defs("Akten (im Folgenden: ADAP), Bd. 2")[0].0, "ADAP");
        assert_eq!(
            defs("Documents diplomatiques français (ci-après « DDF »)")[0].0,
            "DDF"
        );
        assert_eq!(
            defs("Foreign Relations, 1939, henceforth FRUS.")[0].0,
            "FRUS"
        );
        assert_eq!(defs("Carte (d’ora in poi ASV), b. 3")[0].0, "ASV");
        assert_eq!(defs("Atti (in seguito AP), p. 3")[0].0, "AP");
        assert_eq!(defs("Akten, künftig: ADAP, Bd. 3")[0].0, "ADAP");
        assert_eq!(defs("Papers, cited as BDFA, vol. 2")[0].0, "BDFA");
    }

    #[test]
    fn bracket_abbreviations() {
        let d = defs("Documents on German Foreign Policy [DGFP], Series C");
        assert_eq!(d[0].0, "DGFP");
        assert!(defs("Donoghue v Stevenson [1932] AC 562 [12] [sic] [II]").is_empty());
    }

    #[test]
    fn acronyms_after_names() {
        assert_eq!(
            defs("The National Archives, Kew (TNA), FO 371/1")[0].0,
            "TNA"
        );
        assert_eq!(
            defs("Politisches Archiv des Auswärtigen Amts (PA AA), R 29801")[0].0,
            "PA AA"
        );
        assert!(defs("Donoghue v Stevenson [1932] AC 562 (HL) 580").is_empty());
        assert!(defs("Crimes Act 1981 (NSW); Smith (ed.)").is_empty());
        assert!(defs("Foreign Office papers (XYZ)").is_empty());
    }

    #[test]
    fn cleaning() {
        assert_eq!(clean_name("‘DGFP’."), "DGFP");
        assert_eq!(clean_name("D.G.F.P."), "D.G.F.P.");
        assert_eq!(clean_name("(Taylor, Origins),"), "Taylor, Origins");
        assert_eq!(clean_name(""), "");
    }
}
