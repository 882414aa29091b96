//! Dates: "1961", "(1961)", "1950–56", "May 1962", "4. Mai 1925",
//! "4 de mayo de 1925", "1925-05-04", "Spring 1970", "c. 1850", "n.d." …
//! into CSL `date-parts`.

mod lex;

use crate::text::{fold_ws, strip_edge_brackets, trim_field};
use ibid_model::Date;
use lex::{compounds, lex, valid_md, El, Flags};

/// A parsed date with the parts CSL's date object has but ibid's [`Date`]
/// does not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedDate {
    /// `date-parts` (one part, or two for a range), `circa`, `raw`, or a
    /// `literal` when no year could be read ("n.d.", "forthcoming").
    pub date: Date,
    /// The disambiguation letter of "1961a".
    pub year_suffix: Option<String>,
    /// CSL season: 1 spring, 2 summer, 3 autumn, 4 winter.
    pub season: Option<u8>,
    /// A second, bracketed year: "1986 \[1927\]" (first published 1927).
    pub original: Option<Date>,
}

/// Parses a date into CSL `date-parts`, keeping the original text in `raw`.
///
/// Returns `None` only for text without letters or digits.
///
/// ```
/// let d = ibid_csl::parse_date("4. Mai 1925").unwrap();
/// assert_eq!(d.date_parts, vec![vec![1925, 5, 4]]);
/// let r = ibid_csl::parse_date("(1950-56).").unwrap();
/// assert_eq!(r.date_parts, vec![vec![1950], vec![1956]]);
/// assert_eq!(r.raw.as_deref(), Some("(1950-56)."));
/// ```
pub fn parse_date(s: &str) -> Option<Date> {
    parse_date_detailed(s).map(|p| p.date)
}

/// [`parse_date`] with the year suffix, season and original date.
pub fn parse_date_detailed(s: &str) -> Option<ParsedDate> {
    let raw = fold_ws(s);
    if !raw.chars().any(char::is_alphanumeric) {
        return None;
    }
    let raw_s = raw.to_string();
    let mut cleaned = trim_field(&raw);
    for _ in 0..3 {
        cleaned = trim_field(strip_edge_brackets(cleaned));
    }
    let literal = |text: &str| ParsedDate {
        date: Date {
            literal: Some(text.to_string()),
            raw: Some(raw_s.clone()),
            ..Date::default()
        },
        ..ParsedDate::default()
    };
    if cleaned.is_empty() || is_undated(cleaned) {
        let text = if cleaned.is_empty() {
            raw.as_ref()
        } else {
            cleaned
        };
        return Some(literal(text));
    }
    // "1986 [1927]": the bracketed part is the original date.
    let (outside, inside) = split_brackets(cleaned);
    let (main, orig) = if has_year(&outside) {
        (
            outside.as_str(),
            Some(inside.as_str()).filter(|i| has_year(i)),
        )
    } else if has_year(&inside) {
        (inside.as_str(), None)
    } else {
        (cleaned, None)
    };
    let Some(mut parsed) = parse_core(main) else {
        return Some(literal(cleaned));
    };
    parsed.date.raw = Some(raw_s);
    if let Some(o) = orig.and_then(parse_core) {
        parsed.original = Some(o.date);
    }
    Some(parsed)
}

/// "n.d.", "s.d.", "o.J.", "forthcoming", "in press" …
/// "1939–40", "1939-1940": a range of years (of publication, when it is
/// in an imprint), the second after the first and within a century of it.
pub(crate) fn is_year_range(s: &str) -> bool {
    let t = s
        .trim()
        .trim_end_matches(['.', ',', ')'])
        .trim_start_matches('(');
    let Some((a, b)) = t.split_once(['-', '–', '—']) else {
        return false;
    };
    let (a, b) = (a.trim(), b.trim());
    if a.len() != 4
        || !(b.len() == 2 || b.len() == 4)
        || !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let start: u32 = a.parse().unwrap_or(0);
    let end: u32 = match b.parse::<u32>() {
        Ok(e) if b.len() == 2 => start / 100 * 100 + e,
        Ok(e) => e,
        Err(_) => return false,
    };
    (1400..2100).contains(&start) && end > start && end - start < 100
}

fn is_undated(s: &str) -> bool {
    let letters: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    matches!(
        letters.as_str(),
        "nd" | "sd"
            | "oj"
            | "sa"
            | "sf"
            | "snt"
            | "undated"
            | "nodate"
            | "ohnejahr"
            | "sansdate"
            | "senzadata"
            | "sinedata"
            | "sineanno"
            | "sinfecha"
            | "ndate"
            | "sdata"
            | "sl"
            | "snd"
            | "forthcoming"
            | "inpress"
            | "imdruck"
            | "souspresse"
            | "incorsodistampa"
            | "toappear"
            | "inpreparation"
            | "submitted"
            | "inprint"
            | "enprensa"
            | "undatiert"
    )
}

/// The text outside brackets and the text inside them.
fn split_brackets(s: &str) -> (String, String) {
    let mut out = String::with_capacity(s.len());
    let mut inn = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                out.push(' ');
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                inn.push(' ');
            }
            _ if depth > 0 => inn.push(c),
            _ => out.push(c),
        }
    }
    (out, inn)
}

/// True when the text holds a run of 3–4 digits.
fn has_year(s: &str) -> bool {
    let mut run = 0;
    for b in s.bytes().chain(std::iter::once(b' ')) {
        if b.is_ascii_digit() {
            run += 1;
        } else {
            if (3..=4).contains(&run) {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// Year, month, day (0 = missing) of one half of a range.
#[derive(Debug, Clone, Copy, Default)]
struct Half {
    y: Option<i32>,
    m: u8,
    d: u8,
    season: u8,
    /// A lone 1–2 digit number that may be an abbreviated year ("56").
    short: Option<(u32, u8)>,
    /// The month came from a bare number ("05 1962"), not a month name.
    m_from_num: bool,
}

fn half(els: &[El]) -> Half {
    let mut h = Half::default();
    let mut small: Vec<(u32, u8)> = Vec::new();
    // where the month's name stands
    let mut month_at = None;
    for (i, e) in els.iter().enumerate() {
        if matches!(e, El::Month(_)) && month_at.is_none() {
            month_at = Some(i);
        }
        match *e {
            El::Part(y, m, d) => {
                h.y.get_or_insert(y);
                if h.m == 0 {
                    h.m = m;
                    h.d = d;
                }
            }
            El::Num(v, l) if (3..=4).contains(&l) && h.y.is_none() => h.y = Some(v as i32),
            El::Num(v, l) if l <= 2 => small.push((v, l)),
            El::Month(m) if h.m == 0 => h.m = m,
            El::Season(s) => h.season = s,
            _ => {}
        }
    }
    if h.m != 0 {
        if h.d == 0 {
            // the day next to the month's name ("filza 2, 18 luglio 1617":
            // 18; "vol. 2, May 18": the later of two as near), else the
            // first that can be one
            let day_at = |at: usize| match els.get(at) {
                Some(El::Num(d, l)) if *l <= 2 && (1..=31).contains(d) => Some(*d),
                _ => None,
            };
            let near = month_at.and_then(|m| {
                let mut at = (0..els.len())
                    .filter(|&at| day_at(at).is_some())
                    .min_by_key(|&at| (at.abs_diff(m), std::cmp::Reverse(at)))?;
                // "17 e 18 aprile", "6, 7 et 8 mai": the first day of the list
                let mut listed = false;
                while at >= 2 && els[at - 1] == El::And && day_at(at - 2).is_some() {
                    at -= 2;
                    listed = true;
                }
                while listed && at >= 1 && day_at(at - 1).is_some() {
                    at -= 1;
                }
                day_at(at)
            });
            let first = || small.iter().map(|(d, _)| *d).find(|d| (1..=31).contains(d));
            if let Some(d) = near.or_else(first) {
                h.d = d as u8;
            }
        }
    } else if h.y.is_some() {
        match small.as_slice() {
            [(m, _)] if (1..=12).contains(m) => {
                h.m = *m as u8;
                h.m_from_num = true;
            }
            [(a, _), (b, _)] => {
                let (d, m) = if *b > 12 && *a <= 12 {
                    (*b, *a)
                } else {
                    (*a, *b)
                };
                if valid_md(m, d) {
                    h.m = m as u8;
                    h.d = d as u8;
                }
            }
            _ => {}
        }
    } else if let [one] = small.as_slice() {
        h.short = Some(*one);
    }
    h
}

fn parts(h: &Half, bc: bool) -> Option<Vec<i32>> {
    let y = h.y?;
    let y = if bc { -y } else { y };
    let mut p = vec![y];
    if h.m != 0 {
        p.push(i32::from(h.m));
        if h.d != 0 {
            p.push(i32::from(h.d));
        }
    }
    Some(p)
}

fn parse_core(s: &str) -> Option<ParsedDate> {
    let mut flags = Flags::default();
    let els = compounds(&lex(s, &mut flags));
    let cut = els.iter().position(|e| *e == El::Range);
    let (a, b) = match cut {
        Some(c) => (&els[..c], &els[c + 1..]),
        None => (&els[..], &[][..]),
    };
    let mut h1 = half(a);
    let mut h2 = half(b);
    if h1.y.is_none() && h2.y.is_none() {
        return None;
    }
    if flags.decade {
        return None;
    }
    if h1.y.is_none() && h1.m == 0 && h1.short.is_none() && h1.season == 0 {
        // nothing of a date before the dash or slash ("…/iderudit/x 20
        // juillet 2012" in a span that took in a URL): no range
        h1 = h2;
    }
    if h1.y.is_none() {
        // "4–6 May 1925", "May–June 1962"
        h1.y = h2.y;
        if h1.m == 0 {
            h1.m = h2.m;
            if h1.d == 0 && h1.short.is_some() {
                h1.d = h1.short.map_or(0, |(d, _)| d as u8);
            }
        } else if let Some((d, _)) = h1.short {
            h1.d = d as u8;
        }
        if h1.m == 0 {
            h1.d = 0;
        }
    }
    if h2.m_from_num && h1.m != 0 && h1.d != 0 {
        // "May 4–6, 1925": the bare number after the dash is a day
        h2.d = h2.m;
        h2.m = h1.m;
    }
    if h2.y.is_none() {
        if let Some((v, len)) = h2.short {
            if h1.m != 0 && h2.m == 0 && (1..=31).contains(&v) && !(h1.d == 0 && len == 2 && v > 12)
            {
                // "May 4–6, 1925" handled above; "4–6 May": h2 is the day
                h2.y = h1.y;
                h2.m = h1.m;
                h2.d = v as u8;
            } else if let Some(y1) = h1.y {
                // "1950–56"
                let century = y1 / 100 * 100;
                let mut cand = century + v as i32;
                if cand <= y1 {
                    cand += 100;
                }
                if len == 2 || v as i32 > y1 % 100 {
                    h2.y = Some(cand);
                }
            }
        } else if h2.m != 0 {
            h2.y = h1.y;
        }
    }
    if h2.y.is_some() && h2.m == 0 && h2.d != 0 {
        h2.d = 0;
    }
    let p1 = parts(&h1, flags.bc)?;
    let mut date_parts = vec![p1];
    if let Some(p2) = parts(&h2, flags.bc) {
        if p2 != date_parts[0] {
            date_parts.push(p2);
        }
    }
    let season = [h1.season, h2.season].into_iter().find(|s| *s != 0);
    Some(ParsedDate {
        date: Date {
            date_parts,
            circa: flags.circa.then_some(true),
            ..Date::default()
        },
        year_suffix: flags.suffix.map(String::from),
        season,
        original: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dp(s: &str) -> Vec<Vec<i32>> {
        parse_date(s).map(|d| d.date_parts).unwrap_or_default()
    }

    #[test]
    fn a_report_abbreviation_ends_the_date() {
        assert_eq!(dp("2017] UKSC 5"), vec![vec![2017]]);
        // months and ordinary words still count
        assert_eq!(dp("3 MAY 1990"), vec![vec![1990, 5, 3]]);
        assert_eq!(dp("May 1962"), vec![vec![1962, 5]]);
        // before the year it is skipped
        assert_eq!(dp("OUP 2011")[0][0], 2011);
    }

    #[test]
    fn years_and_ranges() {
        assert_eq!(dp("1961"), vec![vec![1961]]);
        assert_eq!(dp("(1961)."), vec![vec![1961]]);
        assert_eq!(dp("[1961]"), vec![vec![1961]]);
        assert_eq!(dp("1950–1956"), vec![vec![1950], vec![1956]]);
        assert_eq!(dp("1950-56"), vec![vec![1950], vec![1956]]);
        assert_eq!(dp("1970-71"), vec![vec![1970], vec![1971]]);
        assert_eq!(dp("1914/15"), vec![vec![1914], vec![1915]]);
        assert_eq!(dp("1999-00"), vec![vec![1999], vec![2000]]);
        assert_eq!(dp("1878-"), vec![vec![1878]]);
        assert_eq!(dp("1938-41"), vec![vec![1938], vec![1941]]);
        assert_eq!(dp("1717-1722"), vec![vec![1717], vec![1722]]);
        assert_eq!(dp("1950 to 1956"), vec![vec![1950], vec![1956]]);
        // no date before the slash: no range
        assert_eq!(
            dp("http://id.example.org/x 20 juillet 2012"),
            vec![vec![2012, 7, 20]]
        );
        assert_eq!(dp("– 6 May 1925"), vec![vec![1925, 5, 6]]);
        // the day is the number next to the month's name
        assert_eq!(dp("filza 2, 18 luglio 1617"), vec![vec![1617, 7, 18]]);
        assert_eq!(dp("vol. 2, May 18, 1925"), vec![vec![1925, 5, 18]]);
        // of days listed, the first
        assert_eq!(dp("17 e 18 aprile 1711"), vec![vec![1711, 4, 17]]);
        assert_eq!(dp("6, 7 et 8 mai 1999"), vec![vec![1999, 5, 6]]);
        assert_eq!(
            dp("20 octobre et 28 novembre 1332"),
            vec![vec![1332, 10, 20]]
        );
    }

    #[test]
    fn months_and_days() {
        assert_eq!(dp("05 1962"), vec![vec![1962, 5]]);
        assert_eq!(dp("05/1962"), vec![vec![1962, 5]]);
        assert_eq!(dp("May 1962"), vec![vec![1962, 5]]);
        assert_eq!(dp("4 May 1925"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("May 4, 1925"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("1925-05-04"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("1925-05"), vec![vec![1925, 5]]);
        assert_eq!(dp("4. Mai 1925"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("4 mai 1925"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("4 maggio 1925"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("4 de mayo de 1925"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("1er août 1914"), vec![vec![1914, 8, 1]]);
        assert_eq!(dp("Sept. 1939"), vec![vec![1939, 9]]);
        assert_eq!(dp("04.05.1925"), vec![vec![1925, 5, 4]]);
        assert_eq!(dp("12/25/1925"), vec![vec![1925, 12, 25]]);
        assert_eq!(dp("1379, 12 magg."), vec![vec![1379, 5, 12]]);
        assert_eq!(dp("27 dicembre 1783,"), vec![vec![1783, 12, 27]]);
        assert_eq!(dp("March 6, 2007."), vec![vec![2007, 3, 6]]);
        assert_eq!(dp("1 Sep 2019"), vec![vec![2019, 9, 1]]);
        assert_eq!(dp("4–6 May 1925"), vec![vec![1925, 5, 4], vec![1925, 5, 6]]);
        assert_eq!(
            dp("May 4–6, 1925"),
            vec![vec![1925, 5, 4], vec![1925, 5, 6]]
        );
        assert_eq!(dp("May–June 1962"), vec![vec![1962, 5], vec![1962, 6]]);
        assert_eq!(
            dp("May 1962 – June 1963"),
            vec![vec![1962, 5], vec![1963, 6]]
        );
        assert_eq!(dp("31 October"), Vec::<Vec<i32>>::new());
    }

    #[test]
    fn specials() {
        let d = parse_date_detailed("Spring 1970").unwrap();
        assert_eq!(d.date.date_parts, vec![vec![1970]]);
        assert_eq!(d.season, Some(1));
        for nd in [
            "n.d.",
            "s.d.",
            "o.J.",
            "(n.d.)",
            "s. d.",
            "forthcoming",
            "in press",
        ] {
            let d = parse_date(nd).unwrap();
            assert!(d.date_parts.is_empty(), "{nd}");
            assert!(d.literal.is_some(), "{nd}");
            assert_eq!(d.raw.as_deref(), Some(nd));
        }
        let c = parse_date("c. 1850").unwrap();
        assert_eq!(
            (c.date_parts.clone(), c.circa),
            (vec![vec![1850]], Some(true))
        );
        assert_eq!(parse_date("ca. 1850").unwrap().circa, Some(true));
        let a = parse_date_detailed("1961a.").unwrap();
        assert_eq!(a.date.date_parts, vec![vec![1961]]);
        assert_eq!(a.year_suffix.as_deref(), Some("a"));
        assert_eq!(a.date.raw.as_deref(), Some("1961a."));
        let o = parse_date_detailed("1986 [1927]").unwrap();
        assert_eq!(o.date.date_parts, vec![vec![1986]]);
        assert_eq!(o.original.unwrap().date_parts, vec![vec![1927]]);
        assert_eq!(dp("44 BC"), Vec::<Vec<i32>>::new());
        assert_eq!(dp("753 BC"), vec![vec![-753]]);
        assert!(parse_date("1960s").unwrap().literal.is_some());
        assert!(parse_date("").is_none());
        assert!(parse_date(" .,; ").is_none());
        assert!(parse_date("igg3)").unwrap().literal.is_some());
    }

    #[test]
    fn glued_digits() {
        assert_eq!(dp("19813."), vec![vec![1981]]);
        assert_eq!(dp("11592,"), vec![vec![1592]]);
        assert_eq!(dp("102013."), vec![vec![2013, 10]]);
        assert_eq!(dp("199112"), vec![vec![1991]]);
        assert_eq!(dp("186000000000"), Vec::<Vec<i32>>::new());
        // a shelfmark's number glued to its letters is no day
        assert_eq!(dp("F7 13984, note du 3 avril 1936"), vec![vec![1936, 4, 3]]);
        assert_eq!(dp("May1962"), vec![vec![1962, 5]]);
        assert_eq!(dp("München2 1897"), vec![vec![1897]]);
        assert_eq!(dp("del24 marzo 1881"), vec![vec![1881, 3, 24]]);
        assert_eq!(dp("August3, 2009"), vec![vec![2009, 8, 3]]);
        // OCR: the 1 of a year read as a letter
        assert_eq!(dp("Milano, i960"), vec![vec![1960]]);
        assert_eq!(dp("I860"), vec![vec![1860]]);
    }

    #[test]
    fn hostile() {
        let _ = parse_date(&"1".repeat(100_000));
        let _ = parse_date(&"1950-".repeat(20_000));
        let _ = parse_date(&"(".repeat(50_000));
        let _ = parse_date("99999999999999999999 May 31");
        let _ = parse_date("\u{0}\u{202E}٢٠٢٠");
    }

    #[test]
    fn year_ranges() {
        for r in [
            "1939–40",
            "1939-1940",
            "1835-1852",
            "(1998–2001)",
            "1755-72.",
        ] {
            assert!(is_year_range(r), "{r}");
        }
        for r in [
            "1939",
            "1940–39",
            "1532-1539 ff",
            "45–60",
            "1939–2045",
            "1300–10",
            "1939–4",
        ] {
            assert!(!is_year_range(r), "{r}");
        }
    }
}
