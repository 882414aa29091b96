//! The date lexer: words, numbers and separators to [`El`]ements (month
//! and season names, range words, circa and era flags), then numeric
//! compounds ("1925-05-04", "04.05.1925", "1950-56") to parts and ranges.

/// One lexical element of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum El {
    /// A number and its digit count.
    Num(u32, u8),
    Month(u8),
    Season(u8),
    /// A range separator: en dash, "to", "bis", or a hyphen/slash left over.
    Range,
    /// '-', '/' or '.' between numbers.
    Sep(u8),
    /// A complete numeric date: year, month (0 = none), day (0 = none).
    Part(i32, u8, u8),
    /// "and", "e", "et", "und", "&" between days ("17 e 18 aprile").
    And,
}

/// What the words around the numbers said: "c.", "BC", a year's letter
/// ("1961a"), a decade ("1960s").
#[derive(Default)]
pub(super) struct Flags {
    pub(super) circa: bool,
    pub(super) bc: bool,
    pub(super) suffix: Option<char>,
    pub(super) decade: bool,
}

/// Month number of a month name or abbreviation (EN, DE, FR, IT, ES).
fn month_of(word: &str) -> Option<u8> {
    Some(match word {
        "january" | "jan" | "janvier" | "janv" | "januar" | "jänner" | "jän" | "gennaio"
        | "genn" | "gen" | "enero" | "ene" => 1,
        "february" | "feb" | "febr" | "février" | "févr" | "fevrier" | "fevr" | "februar"
        | "febbraio" | "febb" | "febbr" | "febrero" => 2,
        "march" | "mar" | "mars" | "märz" | "maerz" | "marzo" | "mrz" => 3,
        "april" | "apr" | "avril" | "avr" | "aprile" | "abril" | "abr" => 4,
        "may" | "mai" | "maggio" | "magg" | "mag" | "mayo" => 5,
        "june" | "jun" | "juin" | "juni" | "giugno" | "giu" | "junio" => 6,
        "july" | "jul" | "juillet" | "juil" | "juli" | "luglio" | "lug" | "julio" => 7,
        "august" | "aug" | "août" | "aout" | "agosto" | "ago" | "ag" => 8,
        "september" | "sep" | "sept" | "septembre" | "setiembre" | "septiembre" | "settembre"
        | "sett" | "set" => 9,
        "october" | "oct" | "octobre" | "oktober" | "okt" | "ottobre" | "ott" | "octubre" => 10,
        "november" | "nov" | "novembre" | "noviembre" => 11,
        "december" | "dec" | "décembre" | "decembre" | "déc" | "dezember" | "dez" | "dicembre"
        | "dic" | "diciembre" => 12,
        _ => return None,
    })
}

fn season_of(word: &str) -> Option<u8> {
    Some(match word {
        "spring" | "frühjahr" | "frühling" | "printemps" | "primavera" => 1,
        "summer" | "sommer" | "été" | "ete" | "estate" | "verano" => 2,
        "autumn" | "fall" | "herbst" | "automne" | "autunno" | "otoño" | "otono" => 3,
        "winter" | "hiver" | "inverno" | "invierno" => 4,
        _ => return None,
    })
}

pub(super) fn lex(s: &str, flags: &mut Flags) -> Vec<El> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    let mut prev_word = "";
    while i < b.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if c.is_ascii_digit() {
            let start = i;
            let mut v: u32 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                i += 1;
            }
            let digits = &s[start..i];
            let len = digits.len().min(9) as u8;
            // letters glued before the number
            let before = &s[..start];
            let word_start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map_or(start, |(k, _)| k);
            let glued_before = &s[word_start..start];
            // "i960", "I960", "l860": a year whose 1 was read as a letter
            if len == 3
                && matches!(glued_before, "i" | "I" | "l")
                && matches!(digits.as_bytes()[0], b'4'..=b'9')
            {
                out.push(El::Num(1000 + v, 4));
                continue;
            }
            // a short number glued to a word before it is a shelfmark's or
            // an edition's ("F7 13984, note du 3 avril 1936", "München2
            // 1897"), no day or month; a day glued to its preposition
            // ("del24 marzo") stays
            if len <= 3 && !glued_before.is_empty() {
                let lower = glued_before.to_lowercase();
                let preposition = matches!(
                    lower.as_str(),
                    "del"
                        | "dal"
                        | "al"
                        | "du"
                        | "le"
                        | "am"
                        | "vom"
                        | "den"
                        | "il"
                        | "el"
                        | "de"
                        | "on"
                        | "the"
                );
                if !preposition && month_of(&lower).is_none() {
                    continue;
                }
            }
            // letters glued to the number: "1961a", "4th", "1960s", "1er"
            let lstart = i;
            for ch in s[i..].chars() {
                if !ch.is_alphabetic() {
                    break;
                }
                i += ch.len_utf8();
            }
            let mut glued = s[lstart..i].chars();
            if let (4, Some(g), None) = (len, glued.next(), glued.next()) {
                let g = g.to_lowercase().next().unwrap_or(g);
                if g == 's' {
                    flags.decade = true;
                } else {
                    flags.suffix.get_or_insert(g);
                }
            }
            // "19813" (a note number glued to a year), "052013" (MMYYYY)
            let year_at = |from: usize| {
                digits
                    .get(from..from + 4)
                    .and_then(|y| y.parse::<u32>().ok())
                    .filter(|y| (1400..=2099).contains(y))
            };
            match digits.len() {
                5 => {
                    if let Some(y) = year_at(0).or_else(|| year_at(1)) {
                        out.push(El::Num(y, 4));
                        continue;
                    }
                }
                6 => {
                    let mm = digits.get(..2).and_then(|m| m.parse::<u32>().ok());
                    if let (Some(m @ 1..=12), Some(y)) = (mm, year_at(2)) {
                        out.push(El::Num(m, 2));
                        out.push(El::Num(y, 4));
                        continue;
                    }
                    if let Some(y) = year_at(0) {
                        out.push(El::Num(y, 4));
                        continue;
                    }
                }
                _ => {}
            }
            out.push(El::Num(v, len));
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            for ch in s[i..].chars() {
                if !(ch.is_alphabetic() || ch == '\'') {
                    break;
                }
                i += ch.len_utf8();
            }
            let raw_word = &s[start..i];
            let k = crate::names::key(raw_word);
            let word: &str = &k;
            if let Some(m) = month_of(word) {
                out.push(El::Month(m));
            } else if let Some(se) = season_of(word) {
                out.push(El::Season(se));
            } else {
                match word {
                    "c" | "ca" | "circa" | "cca" | "approx" | "um" | "vers" | "verso" | "hacia"
                    | "around" | "about" | "gegen" => flags.circa = true,
                    "bc" | "bce" if !out.is_empty() => flags.bc = true,
                    "and" | "e" | "et" | "und" | "y" => out.push(El::And),
                    "chr" if prev_word.eq_ignore_ascii_case("v") => flags.bc = true,
                    "to" | "bis" | "until" | "till" | "through" | "thru" | "au" | "al" | "à"
                    | "a" | "till'"
                        if !out.is_empty() =>
                    {
                        out.push(El::Range);
                    }
                    // a court or report abbreviation after a year ends the
                    // date: "2017] UKSC 5" is no 5 May
                    _ if out.iter().any(|e| matches!(e, El::Num(_, 4)))
                        && raw_word.chars().count() >= 2
                        && raw_word.chars().all(char::is_uppercase) =>
                    {
                        break;
                    }
                    _ => {}
                }
            }
            prev_word = raw_word;
            continue;
        }
        match c {
            '–' | '—' | '‒' | '―' | '~' => out.push(El::Range),
            '-' | '‐' | '‑' | '−' => out.push(El::Sep(b'-')),
            '/' => out.push(El::Sep(b'/')),
            '.' => out.push(El::Sep(b'.')),
            '?' => flags.circa = true,
            '&' => out.push(El::And),
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

pub(super) fn valid_md(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Turns numeric compounds ("1925-05-04", "04.05.1925", "05/1962",
/// "1950-56") into parts or ranges, and leftover hyphens/slashes into ranges.
pub(super) fn compounds(els: &[El]) -> Vec<El> {
    let mut out = Vec::with_capacity(els.len());
    let mut i = 0;
    let get = |k: usize| els.get(k).copied();
    while i < els.len() {
        // y-m-d
        if let (
            Some(El::Num(y, 4)),
            Some(El::Sep(a)),
            Some(El::Num(m, ml)),
            Some(El::Sep(b)),
            Some(El::Num(d, dl)),
        ) = (get(i), get(i + 1), get(i + 2), get(i + 3), get(i + 4))
        {
            if a == b && ml <= 2 && dl <= 2 && valid_md(m, d) {
                out.push(El::Part(y as i32, m as u8, d as u8));
                i += 5;
                continue;
            }
        }
        // d.m.y / m/d/y
        if let (
            Some(El::Num(x, xl)),
            Some(El::Sep(a)),
            Some(El::Num(z, zl)),
            Some(El::Sep(b)),
            Some(El::Num(y, 4)),
        ) = (get(i), get(i + 1), get(i + 2), get(i + 3), get(i + 4))
        {
            if a == b && xl <= 2 && zl <= 2 {
                let (d, m) = if z > 12 && x <= 12 && a != b'.' {
                    (z, x)
                } else {
                    (x, z)
                };
                if valid_md(m, d) {
                    out.push(El::Part(y as i32, m as u8, d as u8));
                    i += 5;
                    continue;
                }
            }
        }
        // m/y
        if let (Some(El::Num(m, ml)), Some(El::Sep(a)), Some(El::Num(y, 4))) =
            (get(i), get(i + 1), get(i + 2))
        {
            if ml <= 2 && (1..=12).contains(&m) && a != b'-' {
                out.push(El::Part(y as i32, m as u8, 0));
                i += 3;
                continue;
            }
        }
        // 1950-56, 1914/15, 1925-05
        if let (Some(El::Num(y, 4)), Some(El::Sep(a)), Some(El::Num(n, nl))) =
            (get(i), get(i + 1), get(i + 2))
        {
            if a != b'.' && nl <= 2 {
                let century = y / 100 * 100;
                let mut cand = century + n;
                if cand <= y && nl == 2 && n > 12 {
                    cand += 100;
                }
                if cand > y && (nl == 2 || n > 12) {
                    out.push(El::Num(y, 4));
                    out.push(El::Range);
                    out.push(El::Num(cand, 4));
                    i += 3;
                    continue;
                }
                if (1..=12).contains(&n) && nl == 2 {
                    out.push(El::Part(y as i32, n as u8, 0));
                    i += 3;
                    continue;
                }
            }
        }
        match els[i] {
            El::Sep(b'-') | El::Sep(b'/') => out.push(El::Range),
            El::Sep(_) => {}
            e => out.push(e),
        }
        i += 1;
    }
    out
}
