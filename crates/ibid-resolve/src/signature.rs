//! Series / volume / year signatures of multi-volume works and document
//! series ("Series C, Vol. II", "2nd ser., vol. XIX", "C/II", "1re série, t. III").
//!
//! Components are normalised so that "II", "2", "2nd", "Second" and "zweite"
//! compare equal; series letters stay letters ("C").

use crate::fold::fold;
use crate::tokens::Tok;
pub use ibid_model::text::to_roman;
use ibid_model::text::{canonical_roman, RomanCase, RomanRules};

/// Which part of a signature a component fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Series,
    Volume,
    Year,
}

/// The series, volume and year that single out one volume of a collection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Signature {
    pub series: Option<String>,
    pub volume: Option<String>,
    pub year: Option<String>,
}

impl Signature {
    /// True when no component is known.
    pub fn is_empty(&self) -> bool {
        self.series.is_none() && self.volume.is_none() && self.year.is_none()
    }

    /// False when a component is known on both sides and differs.
    pub fn compatible(&self, other: &Signature) -> bool {
        fn ok(a: &Option<String>, b: &Option<String>) -> bool {
            match (a, b) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            }
        }
        ok(&self.series, &other.series)
            && ok(&self.volume, &other.volume)
            && ok(&self.year, &other.year)
    }

    /// Take the components this signature lacks from `base`.
    pub fn fill_from(&mut self, base: &Signature) {
        if self.series.is_none() {
            self.series.clone_from(&base.series);
        }
        if self.volume.is_none() {
            self.volume.clone_from(&base.volume);
        }
        if self.year.is_none() {
            self.year.clone_from(&base.year);
        }
    }

    /// A stable key ("s=C|v=2|y=").
    pub fn key(&self) -> String {
        format!(
            "s={}|v={}|y={}",
            self.series.as_deref().unwrap_or(""),
            self.volume.as_deref().unwrap_or(""),
            self.year.as_deref().unwrap_or("")
        )
    }

    /// Set one part.
    pub fn set(&mut self, part: Part, value: String) {
        match part {
            Part::Series => self.series = Some(value),
            Part::Volume => self.volume = Some(value),
            Part::Year => self.year = Some(value),
        }
    }
}

const EN: &[&str] = &[""];
const DE: &[&str] = &["", "r", "n", "s", "m"];
const FR: &[&str] = &["", "s"];
const IT: &[&str] = &["a", "o", "e", "i"];

/// Ordinal stems, their value and the endings they take.
const ORDINAL_STEMS: &[(&str, u32, &[&str])] = &[
    ("first", 1, EN),
    ("second", 2, EN),
    ("third", 3, EN),
    ("fourth", 4, EN),
    ("fifth", 5, EN),
    ("sixth", 6, EN),
    ("seventh", 7, EN),
    ("eighth", 8, EN),
    ("ninth", 9, EN),
    ("tenth", 10, EN),
    ("erste", 1, DE),
    ("zweite", 2, DE),
    ("dritte", 3, DE),
    ("vierte", 4, DE),
    ("funfte", 5, DE),
    ("sechste", 6, DE),
    ("siebte", 7, DE),
    ("achte", 8, DE),
    ("neunte", 9, DE),
    ("zehnte", 10, DE),
    ("premier", 1, FR),
    ("premiere", 1, FR),
    ("deuxieme", 2, FR),
    ("troisieme", 3, FR),
    ("quatrieme", 4, FR),
    ("cinquieme", 5, FR),
    ("sixieme", 6, FR),
    ("septieme", 7, FR),
    ("huitieme", 8, FR),
    ("neuvieme", 9, FR),
    ("dixieme", 10, FR),
    ("prim", 1, IT),
    ("second", 2, IT),
    ("terz", 3, IT),
    ("quart", 4, IT),
    ("quint", 5, IT),
    ("sest", 6, IT),
    ("settim", 7, IT),
    ("ottav", 8, IT),
    ("non", 9, IT),
    ("decim", 10, IT),
];

/// The value of an ordinal word ("Second", "zweite", "troisième", "terza").
fn ordinal_word(folded: &str) -> Option<u32> {
    ORDINAL_STEMS.iter().find_map(|&(stem, n, endings)| {
        folded
            .strip_prefix(stem)
            .filter(|rest| endings.contains(rest))
            .map(|_| n)
    })
}

/// The value of a roman numeral of 1 to 3999 in its usual spelling, if `s`
/// is one; ASCII case is ignored ("XiV" is 14).
pub fn roman_value(s: &str) -> Option<u32> {
    const ROMAN_RULES: RomanRules = RomanRules {
        case: RomanCase::Any,
        ..RomanRules::STANDARD
    };
    canonical_roman(s, ROMAN_RULES)
}

/// True when the raw word is an ordinal ("2nd", "1re", "Second", "zweite").
pub fn is_ordinal(raw: &str) -> bool {
    let f = fold(raw);
    let digits = f.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < f.len() {
        return matches!(
            &f[digits..],
            "st" | "nd" | "rd" | "th" | "d" | "e" | "er" | "re" | "eme" | "a" | "o"
        );
    }
    ordinal_word(&f).is_some()
}

/// Normalise one signature component: digits, ordinals and roman numerals
/// to plain digits, single letters to upper case. `None` for anything else.
pub fn component(raw: &str) -> Option<String> {
    let f = fold(raw);
    if f.is_empty() || f.len() > 12 {
        return None;
    }
    let digits = f.bytes().take_while(u8::is_ascii_digit).count();
    if digits == f.len() {
        let t = f.trim_start_matches('0');
        return Some(if t.is_empty() { "0".into() } else { t.into() });
    }
    if digits > 0 && is_ordinal(raw) {
        let t = f[..digits].trim_start_matches('0');
        return Some(if t.is_empty() { "0".into() } else { t.into() });
    }
    if let Some(n) = ordinal_word(&f) {
        return Some(n.to_string());
    }
    let single = f.chars().count() == 1 && f.chars().all(|c| c.is_ascii_alphabetic());
    if single && !matches!(f.as_str(), "i" | "v" | "x") {
        return Some(f.to_ascii_uppercase());
    }
    let roman_ok = raw.chars().all(|c| c.is_ascii_uppercase())
        || (f.len() >= 2 && raw.chars().all(|c| c.is_ascii_lowercase()));
    if roman_ok {
        if let Some(n) = roman_value(&f) {
            return Some(n.to_string());
        }
    }
    None
}

fn is_series_marker(t: &Tok) -> bool {
    matches!(
        t.norm.as_str(),
        "series" | "ser" | "serie" | "reihe" | "seria" | "serija"
    )
}

/// "s. VIII" (Italian "serie"): "s." before an upper-case roman numeral.
fn is_s_series(text: &str, t: &Tok, next: Option<&Tok>) -> bool {
    t.norm == "s"
        && t.dot
        && next.is_some_and(|n| {
            let raw = text.get(n.start..n.end).unwrap_or("");
            raw.len() >= 2
                && raw.chars().all(|c| c.is_ascii_uppercase())
                && roman_value(raw).is_some()
        })
}

fn is_volume_marker(t: &Tok, next: Option<&Tok>) -> bool {
    match t.norm.as_str() {
        "vol" | "vols" | "volume" | "volumes" | "bd" | "band" | "tome" | "tomo" | "tom" => true,
        "t" | "v" => t.dot && next.is_some_and(|n| n.is_number() || roman_value(&n.norm).is_some()),
        _ => false,
    }
}

/// Read "Series C", "2nd ser.", "Vol. II", "Bd. 3", "t. III" from tokens.
pub fn parse_explicit(text: &str, toks: &[Tok]) -> Signature {
    let mut sig = Signature::default();
    let raw = |t: &Tok| text.get(t.start..t.end).unwrap_or("");
    for (i, t) in toks.iter().enumerate() {
        let next = toks.get(i + 1);
        if sig.series.is_none() && is_s_series(text, t, next) {
            sig.series = next.and_then(|n| component(raw(n)));
        } else if sig.series.is_none() && is_series_marker(t) {
            let prev = i.checked_sub(1).map(|p| &toks[p]);
            let from_prev = prev
                .filter(|p| is_ordinal(raw(p)))
                .and_then(|p| component(raw(p)));
            let from_next = next
                .filter(|n| !is_volume_marker(n, toks.get(i + 2)) && !is_series_marker(n))
                .and_then(|n| component(raw(n)));
            sig.series = from_prev.or(from_next).or_else(|| {
                prev.filter(|p| roman_value(&p.norm).is_some() || p.is_number())
                    .and_then(|p| component(raw(p)))
            });
        } else if sig.volume.is_none() && is_volume_marker(t, next) {
            sig.volume = next.and_then(|n| component(raw(n)));
        }
    }
    sig
}

/// A leading "C/II" or "II/VII" (two components joined by a slash).
pub fn parse_slash(s: &str) -> Option<(String, String)> {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
    let end = s
        .find(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '(')
        .unwrap_or(s.len());
    let chunk = s[..end].trim_end_matches('.');
    let (a, b) = chunk.split_once('/')?;
    if b.contains('/') {
        return None;
    }
    Some((component(a)?, component(b)?))
}

/// The first year (1500–2100) among the tokens.
pub fn first_year(toks: &[Tok]) -> Option<String> {
    toks.iter()
        .filter(|t| t.norm.len() == 4 && t.is_number())
        .find(|t| {
            t.norm
                .parse::<u32>()
                .is_ok_and(|y| (1500..=2100).contains(&y))
        })
        .map(|t| t.norm.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sig(text: &str) -> Signature {
        parse_explicit(text, &tokenize(text))
    }

    #[test]
    fn components_normalise() {
        assert_eq!(component("II").as_deref(), Some("2"));
        assert_eq!(component("xix").as_deref(), Some("19"));
        assert_eq!(component("2nd").as_deref(), Some("2"));
        assert_eq!(component("1re").as_deref(), Some("1"));
        assert_eq!(component("Second").as_deref(), Some("2"));
        assert_eq!(component("zweite").as_deref(), Some("2"));
        assert_eq!(component("terza").as_deref(), Some("3"));
        assert_eq!(component("C").as_deref(), Some("C"));
        assert_eq!(component("I").as_deref(), Some("1"));
        assert_eq!(component("007").as_deref(), Some("7"));
        assert_eq!(component("Stevenson"), None);
        assert_eq!(component("IIII"), None);
        assert_eq!(component("Mix"), None);
        assert_eq!(roman_value("MCMXXXVIII"), Some(1938));
        assert_eq!(roman_value("IC"), None);
    }

    #[test]
    fn explicit_signatures() {
        let s = sig("Documents on German Foreign Policy, Series C, Vol. II");
        assert_eq!(
            (s.series.as_deref(), s.volume.as_deref()),
            (Some("C"), Some("2"))
        );
        let s = sig("DBFP, 2nd ser., vol. XIX, no. 12");
        assert_eq!(
            (s.series.as_deref(), s.volume.as_deref()),
            (Some("2"), Some("19"))
        );
        let s = sig("Documents diplomatiques français, 1re série (1871–1900), t. III");
        assert_eq!(
            (s.series.as_deref(), s.volume.as_deref()),
            (Some("1"), Some("3"))
        );
        let s = sig("Akten zur deutschen auswärtigen Politik, Serie D, Bd. 1");
        assert_eq!(
            (s.series.as_deref(), s.volume.as_deref()),
            (Some("D"), Some("1"))
        );
        let s = sig("Donoghue v. Stevenson [1932] AC 562");
        assert!(s.is_empty());
        let s = sig("DDI, s. VIII, vol. XII, n. 9");
        assert_eq!(
            (s.series.as_deref(), s.volume.as_deref()),
            (Some("8"), Some("12"))
        );
        assert!(sig("Müller, S. 5").is_empty());
        let s = sig("Second Series, Volume I");
        assert_eq!(
            (s.series.as_deref(), s.volume.as_deref()),
            (Some("2"), Some("1"))
        );
    }

    #[test]
    fn slash_and_compatibility() {
        assert_eq!(parse_slash(" C/II, No. 45"), Some(("C".into(), "2".into())));
        assert_eq!(
            parse_slash("II/VII, Doc. No. 147"),
            Some(("2".into(), "7".into()))
        );
        assert_eq!(parse_slash("p. 5"), None);
        assert_eq!(parse_slash("a/b/c"), None);
        let a = Signature {
            series: Some("C".into()),
            volume: Some("2".into()),
            year: None,
        };
        let mut b = Signature {
            series: None,
            volume: Some("3".into()),
            year: None,
        };
        assert!(!a.compatible(&b));
        assert!(a.compatible(&Signature::default()));
        b.fill_from(&a);
        assert_eq!(b.series.as_deref(), Some("C"));
        assert_eq!(b.key(), "s=C|v=3|y=");
        assert_eq!(
            first_year(&tokenize("FRUS, 1938, vol. I")).as_deref(),
            Some("1938")
        );
    }
}
