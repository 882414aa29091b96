//! Cleaners for the plain fields: titles, places, publishers, volume and
//! issue, edition, DOI, ISBN, URL, archive locations.

use crate::text::{
    fold_ws, has_letter, is_roman, is_space, starts_with_ci, strip_edge_brackets, strip_quotes,
    trim_field, trim_keep_period,
};

/// A title or container title: quotes and edge punctuation removed, inner
/// punctuation kept; "?" and "!" stay, and a final period stays after an
/// abbreviation ("J. Am. Chem. Soc.").
pub fn clean_title(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let mut t: &str = &folded;
    for _ in 0..3 {
        let before = t.len();
        t = strip_quotes(strip_edge_brackets(trim_keep_period(t)));
        // "- Archives du Casino –": list dashes standing apart from the words
        for d in ["- ", "– ", "— "] {
            t = t.strip_prefix(d).unwrap_or(t);
        }
        for d in [" -", " –", " —"] {
            t = t.strip_suffix(d).unwrap_or(t);
        }
        t = strip_trailing_word(t, &["in", "In", "In:", "dans", "en"]);
        if t.len() == before {
            break;
        }
    }
    let t = drop_final_period(t);
    let t = t.trim_matches(|c: char| is_space(c) || matches!(c, ',' | ';' | ':'));
    (!t.is_empty() && t.chars().any(char::is_alphanumeric)).then(|| t.to_string())
}

/// A container title: like [`clean_title`], and a leading "In:", "in",
/// "dans" is removed. The flag tells whether it was there (a chapter cue).
pub fn clean_container(s: &str) -> (Option<String>, bool) {
    let folded = fold_ws(s);
    let t = trim_keep_period(&folded);
    let mut had_in = false;
    let mut rest = t;
    for prefix in [
        "In:", "in:", "In ", "in ", "IN:", "IN ", "Dans ", "dans ", "En: ", "en: ",
    ] {
        if let Some(r) = t.strip_prefix(prefix) {
            if r.trim_start().starts_with(|c: char| !c.is_lowercase()) || prefix.ends_with(':') {
                rest = r;
                had_in = true;
                break;
            }
        }
    }
    (clean_title(rest), had_in)
}

/// Removes dashes and spaces at the start ("-A. S. V.", "– Ville d'Aix").
fn trim_dashes(s: &str) -> &str {
    s.trim_start_matches(|c: char| is_space(c) || crate::text::is_dash(c))
}

/// Removes a dangling last word ("…, in") left by a span boundary.
fn strip_trailing_word<'a>(t: &'a str, words: &[&str]) -> &'a str {
    for w in words {
        if let Some(head) = t.strip_suffix(w) {
            if head.ends_with([' ', ',', '.']) && head.trim().len() > 1 {
                return trim_keep_period(head.trim_end());
            }
        }
    }
    t
}

/// Drops a final period unless the last word is an abbreviation: a single
/// capital ("U.S."), or a short word when the title has other abbreviations.
fn drop_final_period(t: &str) -> &str {
    let Some(bare) = t.strip_suffix('.') else {
        return t;
    };
    if bare.ends_with('.') {
        // "..." ellipsis
        return t;
    }
    let last = bare.rsplit([' ', '.']).next().unwrap_or(bare);
    let single_cap = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    let other_abbrev = bare
        .split(' ')
        .rev()
        .skip(1)
        .any(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 5);
    let short = last.chars().count() <= 5 && last.chars().next().is_some_and(char::is_uppercase);
    if single_cap || (other_abbrev && short) {
        t
    } else {
        bare
    }
}

/// Splits an Italian-style "Article, in «Journal»" title into title and
/// container, when a title span holds both.
pub(crate) fn split_guillemet_container(t: &str) -> Option<(&str, &str)> {
    let open = t.rfind('«')?;
    let inner_end = t[open..].find('»').map(|e| open + e)?;
    if !t[inner_end + '»'.len_utf8()..]
        .trim_matches(|c: char| is_space(c) || matches!(c, ',' | '.' | ';' | ':'))
        .is_empty()
    {
        return None;
    }
    let head = t[..open].trim_end();
    let head = head
        .strip_suffix(" in")
        .or_else(|| head.strip_suffix(" In"))
        .or_else(|| head.strip_suffix(" in:"))
        .or_else(|| head.strip_suffix(" In:"))
        .unwrap_or(head)
        .trim_end();
    let head = head.strip_suffix(',')?.trim_end();
    if head.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    Some((head, &t[open + '«'.len_utf8()..inner_end]))
}

/// A place or publisher: edge punctuation and brackets removed.
pub fn clean_plain(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let mut t: &str = trim_dashes(&folded);
    for _ in 0..3 {
        t = trim_keep_period(strip_edge_brackets(t));
    }
    let t = drop_final_period(t);
    let t = trim_keep_period(t);
    (!t.is_empty() && t.chars().any(char::is_alphanumeric)).then(|| t.to_string())
}

/// A publisher: like [`clean_plain`], without "Published by" / "Verlag:".
pub fn clean_publisher(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let mut t = trim_keep_period(&folded);
    for p in [
        "published by ",
        "publisher: ",
        "publisher ",
        "verlag: ",
        "éditeur: ",
    ] {
        if starts_with_ci(t, p) {
            t = &t[p.len()..];
        }
    }
    clean_plain(t)
}

/// An archive shelf mark or location: separators trimmed, a final period
/// kept after an abbreviation ("b.", "reg.").
pub fn clean_archive(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let mut t: &str = trim_dashes(&folded);
    for _ in 0..3 {
        t = strip_edge_brackets(trim_keep_period(t));
    }
    let t = match t.strip_suffix('.') {
        Some(bare) => {
            let last = bare.rsplit(' ').next().unwrap_or(bare);
            let abbrev = last.chars().count() <= 4 && last.chars().all(char::is_alphabetic);
            if abbrev || bare.ends_with('.') {
                t
            } else {
                bare
            }
        }
        None => t,
    };
    let t = trim_keep_period(t);
    (!t.is_empty() && t.chars().any(char::is_alphanumeric)).then(|| t.to_string())
}

/// What a volume span holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VolumeParts {
    pub volume: Option<String>,
    pub issue: Option<String>,
    /// A year in brackets: "9 (1884)", "38-39 (1970-71)".
    pub year: Option<String>,
    /// Pages after a colon: "100(6):2945–2977".
    pub pages: Option<String>,
}

/// Volume markers, and whether they announce an issue.
fn volume_marker(word: &str) -> Option<bool> {
    let w = word.trim_end_matches(['.', '°', 'º']).to_lowercase();
    Some(match w.as_str() {
        "vol" | "vols" | "volume" | "volumes" | "v" | "bd" | "bde" | "band" | "bände" | "t"
        | "tome" | "tomes" | "tom" | "tomo" | "tomi" | "voi" | "jg" | "jahrgang" | "jahrg"
        | "anno" | "année" | "annata" | "ann" | "a" | "vol.°" | "lib" | "libro" | "livre"
        | "book" | "bk" | "teil" | "tl" | "part" | "pt" | "parte" | "reihe" => false,
        "no" | "nos" | "nr" | "n" | "nº" | "n°" | "num" | "núm" | "number" | "numéro"
        | "numero" | "fasc" | "fascicolo" | "fascicule" | "heft" | "h" | "issue" | "iss"
        | "hft" | "lief" | "livr" | "cahier" => true,
        _ => return None,
    })
}

/// Strips leading markers ("Vol.", "Bd.", "n°", "Nr.") from a span and says
/// whether the last one announced an issue.
fn strip_markers(mut t: &str) -> (&str, bool) {
    let mut issue = false;
    for _ in 0..3 {
        let end = t
            .find(|c: char| is_space(c) || c.is_ascii_digit() || c == '(')
            .unwrap_or(t.len());
        let word = &t[..end];
        if word.is_empty() {
            break;
        }
        let Some(is_issue) = volume_marker(word) else {
            break;
        };
        let rest = t[end..].trim_start_matches(is_space);
        if rest.is_empty()
            || (end < t.len()
                && t[end..].starts_with(|c: char| c.is_ascii_digit())
                && !word.ends_with(['.', '°', 'º']))
        {
            break;
        }
        issue = is_issue;
        t = rest;
    }
    (t, issue)
}

fn is_number_like(s: &str) -> bool {
    !s.is_empty()
        && (s
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '/' | '.'))
            && s.starts_with(|c: char| c.is_ascii_digit())
            || is_roman(s)
            || s.split(['-', '–', '/'])
                .all(|p| is_roman(p) || (!p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))))
}

fn looks_year(s: &str) -> bool {
    let digits: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    digits.first().is_some_and(|d| d.len() == 4)
}

/// Splits a volume span: "Vol. 2", "123(15):", "9 (1884)", "10, no. 1",
/// "35, 11/12", "XX (1969), n. 1", "100(6):2945–2977". Text that is not a
/// number ("Dal 1313 alla fine della Repubblica") is kept whole as volume.
pub fn parse_volume(s: &str) -> VolumeParts {
    let folded = fold_ws(s);
    let mut t: &str = &folded;
    for _ in 0..3 {
        t = trim_field(strip_edge_brackets(t));
    }
    let (t, issue_marker) = strip_markers(t);
    let mut out = VolumeParts::default();
    if t.is_empty() {
        return out;
    }
    // head: the number before "(", ",", ":" or a space
    let head_end = t
        .find(|c: char| matches!(c, '(' | ',' | ':' | ';') || is_space(c))
        .unwrap_or(t.len());
    let head = trim_field(&t[..head_end]);
    if !is_number_like(head) {
        let whole = trim_field(t);
        if !whole.is_empty() {
            if issue_marker {
                out.issue = Some(whole.to_string());
            } else {
                out.volume = Some(whole.to_string());
            }
        }
        return out;
    }
    let mut rest = t[head_end..].trim_start_matches(is_space);
    // "2010, 213:" – a year first, then the volume
    let (vol, year_first) = if head.len() == 4
        && head.chars().all(|c| c.is_ascii_digit())
        && rest.starts_with(',')
        && rest[1..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        let r = rest[1..].trim_start();
        let e = r
            .find(|c: char| !(c.is_ascii_digit() || c == '-'))
            .unwrap_or(r.len());
        let v = &r[..e];
        rest = &r[e..];
        (v, Some(head))
    } else {
        (head, None)
    };
    if issue_marker {
        out.issue = Some(vol.to_string());
    } else {
        out.volume = Some(vol.to_string());
    }
    out.year = year_first.map(str::to_string);
    // the rest: "(15)", "(1884)", ", no. 1", ", 11/12", ":2945–2977", ":12:"
    for _ in 0..4 {
        rest = rest.trim_start_matches(|c: char| is_space(c) || c == ',' || c == ';');
        if rest.is_empty() {
            break;
        }
        if let Some(inner) = rest.strip_prefix('(') {
            let close = inner.find(')').unwrap_or(inner.len());
            let content = inner[..close].trim();
            if looks_year(content)
                || has_letter(content) && content.chars().any(|c| c.is_ascii_digit())
            {
                if out.year.is_none() {
                    out.year = Some(content.to_string());
                }
            } else if !content.is_empty() && out.issue.is_none() {
                out.issue = Some(strip_markers(content).0.to_string());
            }
            rest = inner.get(close + 1..).unwrap_or("");
            continue;
        }
        if let Some(after) = rest.strip_prefix(':') {
            let after = after.trim_start();
            let end = after.find(':').unwrap_or(after.len());
            let piece = trim_field(&after[..end]);
            if !piece.is_empty() {
                let short = piece.len() <= 3 && piece.bytes().all(|b| b.is_ascii_digit());
                if (end < after.len() || short) && out.issue.is_none() {
                    // "89:12:" – volume:issue:
                    out.issue = Some(piece.to_string());
                } else if out.pages.is_none() {
                    out.pages = Some(piece.to_string());
                }
            }
            rest = after.get(end..).unwrap_or("");
            continue;
        }
        // ", no. 1" / ", 11/12"
        let (r, _) = strip_markers(rest);
        let end = r
            .find(|c: char| matches!(c, '(' | ',' | ':' | ';') || is_space(c))
            .unwrap_or(r.len());
        let piece = trim_field(&r[..end]);
        let year = piece.len() == 4
            && piece
                .parse::<u32>()
                .is_ok_and(|y| (1000..=2100).contains(&y))
            && out.volume.is_some();
        if is_number_like(piece) && out.issue.is_none() && !year {
            out.issue = Some(piece.to_string());
            rest = &r[end..];
            continue;
        }
        if looks_year(piece) && out.year.is_none() {
            out.year = Some(piece.to_string());
            rest = &r[end..];
            continue;
        }
        // unknown text: keep it with the volume rather than lose it
        if let Some(v) = out.volume.as_mut() {
            v.push(' ');
            v.push_str(trim_field(rest));
        }
        break;
    }
    out
}

/// An issue span: "no. 3", "(3)", "Nr. 12", "H. 4", "fasc. 2" → "3".
pub fn clean_issue(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let mut t: &str = &folded;
    for _ in 0..3 {
        t = trim_field(strip_edge_brackets(t));
    }
    let (t, _) = strip_markers(t);
    let t = trim_field(t);
    (!t.is_empty()).then(|| t.to_string())
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "erste" | "ersten" | "première" | "premier" | "prima" | "primo" | "primera"
        | "primer" => 1,
        "second" | "zweite" | "zweiten" | "deuxième" | "seconde" | "seconda" | "secondo"
        | "segunda" | "segundo" => 2,
        "third" | "dritte" | "dritten" | "troisième" | "terza" | "terzo" | "tercera" => 3,
        "fourth" | "vierte" | "vierten" | "quatrième" | "quarta" | "quarto" | "cuarta" => 4,
        "fifth" | "fünfte" | "fünften" | "cinquième" | "quinta" | "quinto" => 5,
        "sixth" | "sechste" | "sixième" | "sesta" | "sexta" => 6,
        "seventh" | "siebte" | "septième" | "settima" | "séptima" => 7,
        "eighth" | "achte" | "huitième" | "ottava" | "octava" => 8,
        "ninth" | "neunte" | "neuvième" | "nona" | "novena" => 9,
        "tenth" | "zehnte" | "dixième" | "decima" | "décima" => 10,
        _ => return None,
    })
}

fn is_edition_word(w: &str) -> bool {
    matches!(
        w,
        "ed" | "edn"
            | "edition"
            | "éd"
            | "édition"
            | "edición"
            | "edizione"
            | "aufl"
            | "auflage"
            | "ausg"
            | "ausgabe"
            | "a"
            | "ª"
            | "e"
            | "ème"
            | "eme"
            | "er"
            | "re"
            | "nd"
            | "rd"
            | "th"
            | "st"
            | "o"
            | "º"
            | "ed."
            | "ediz"
            | "impr"
            | "uitg"
            | "druk"
            | "wyd"
            | "изд"
            | "izd"
            | "ed°"
    )
}

/// An edition: "2nd edn" / "2. Aufl." / "seconda edizione" → "2"; text that
/// says more ("rev. ed.", "Canto Edition") is kept as written.
pub fn clean_edition(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let mut t: &str = &folded;
    for _ in 0..3 {
        t = trim_field(strip_edge_brackets(t));
    }
    if t.is_empty() {
        return None;
    }
    let mut number: Option<u32> = None;
    let mut other = false;
    for raw in t.split(|c: char| is_space(c) || matches!(c, '.' | ',' | '-')) {
        if raw.is_empty() {
            continue;
        }
        let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
        let tail: String = raw[digits.len()..].to_lowercase();
        if !digits.is_empty() {
            if number.is_some() {
                other = true;
            }
            number = digits.parse().ok();
            if !tail.is_empty() && !is_edition_word(&tail) {
                other = true;
            }
            continue;
        }
        let w = tail;
        if let Some(n) = ordinal_word(&w) {
            number = Some(n);
        } else if is_roman(raw) && raw.len() <= 4 && raw.chars().all(char::is_uppercase) {
            number = roman_value(raw);
        } else if !is_edition_word(&w) {
            other = true;
        }
    }
    match number {
        Some(n) if !other && n > 0 => Some(n.to_string()),
        _ => Some(t.to_string()),
    }
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    Some(total)
}

/// A bare DOI ("10.1000/xyz") from "doi:10.1000/xyz.", "https://doi.org/…",
/// "[doi>10.…]". `None` when the text holds no DOI.
pub fn clean_doi(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let start = find_doi_start(&folded)?;
    let tail = &folded[start..];
    // a DOI has no spaces: join pieces a line break split ("10.1111/ j.0012")
    let mut doi = String::with_capacity(tail.len());
    for c in tail.chars() {
        if is_space(c) {
            continue;
        }
        doi.push(c);
    }
    let doi = trim_url_end(&doi);
    let slash = doi.find('/')?;
    (slash > 3 && slash + 1 < doi.len()).then(|| doi.to_string())
}

fn find_doi_start(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 < b.len() {
        if b[i] == b'1'
            && b[i + 1] == b'0'
            && b[i + 2] == b'.'
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Strips trailing punctuation and unbalanced closing brackets from a URL or DOI.
fn trim_url_end(s: &str) -> &str {
    const OPEN: [char; 4] = ['(', '[', '<', '{'];
    const CLOSE: [char; 4] = [')', ']', '>', '}'];
    let mut opens = [0usize; 4];
    let mut closes = [0usize; 4];
    for c in s.chars() {
        if let Some(k) = OPEN.iter().position(|o| *o == c) {
            opens[k] += 1;
        } else if let Some(k) = CLOSE.iter().position(|o| *o == c) {
            closes[k] += 1;
        }
    }
    let mut t = s;
    while let Some(c) = t.chars().next_back() {
        if matches!(c, '.' | ',' | ';' | ':' | '\'' | '"' | '”' | '’' | '»') {
            t = &t[..t.len() - c.len_utf8()];
            continue;
        }
        match CLOSE.iter().position(|x| *x == c) {
            // an unbalanced closing bracket belongs to the text around the URL
            Some(k) if closes[k] > opens[k] => {
                closes[k] -= 1;
                t = &t[..t.len() - 1];
            }
            _ => break,
        }
    }
    t
}

/// An ISBN without its label: "ISBN 978-3-16-148410-0." → "978-3-16-148410-0".
/// `None` when the text has fewer than ten digits.
pub fn clean_isbn(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let digits = folded.chars().filter(char::is_ascii_digit).count();
    if digits < 9 {
        return None;
    }
    let start = folded.find(|c: char| c.is_ascii_digit())?;
    let t = &folded[start..];
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | ' ' | 'X' | 'x' | '‐')))
        .unwrap_or(t.len());
    let t = t[..end].trim_end_matches(['-', ' ']);
    (t.chars().filter(char::is_ascii_digit).count() >= 9).then(|| t.to_string())
}

/// A URL without "URL:", "Available at", angle brackets and trailing
/// punctuation; spaces that a line break put inside it are removed.
pub fn clean_url(s: &str) -> Option<String> {
    let folded = fold_ws(s);
    let lower_start = ["http://", "https://", "ftp://", "www.", "doi.org/"]
        .iter()
        .filter_map(|p| crate::text::find_ci(&folded, p))
        .min();
    let t = match lower_start {
        Some(i) => &folded[i..],
        None => {
            let t = trim_field(strip_edge_brackets(&folded));
            if t.contains(' ') || !t.contains('.') {
                return None;
            }
            t
        }
    };
    let mut url = String::with_capacity(t.len());
    let mut pieces = t.split(' ').filter(|p| !p.is_empty());
    if let Some(first) = pieces.next() {
        url.push_str(first);
    }
    for p in pieces {
        let joins = url.ends_with(['-', '/', '.', '_', '=', '?', '&', '%', '~', '#'])
            || p.starts_with(['/', '.', '_', '-', '?', '&', '=', '#'])
            || (p.contains(['/', '.'])
                && !p.starts_with(|c: char| c.is_uppercase() || c == '(' || c == '['));
        if !joins {
            break;
        }
        url.push_str(p);
    }
    let u = trim_url_end(&url);
    (u.len() > 4).then(|| u.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            clean_title("“Qualitative Comparative Analysis as an Approach.”").as_deref(),
            Some("Qualitative Comparative Analysis as an Approach")
        );
        assert_eq!(
            clean_title("The Origins of the Second World War,").as_deref(),
            Some("The Origins of the Second World War")
        );
        assert_eq!(
            clean_title("Why can’t They Marry?").as_deref(),
            Some("Why can’t They Marry?")
        );
        assert_eq!(clean_title("«Res»,").as_deref(), Some("Res"));
        assert_eq!(
            clean_title("J. Am. Chem. Soc.").as_deref(),
            Some("J. Am. Chem. Soc.")
        );
        assert_eq!(
            clean_title("History of the U.S.").as_deref(),
            Some("History of the U.S.")
        );
        assert_eq!(
            clean_title("The Great War.").as_deref(),
            Some("The Great War")
        );
        assert_eq!(
            clean_title("Pietro Paleocapa nel gruppo cavuriano, in").as_deref(),
            Some("Pietro Paleocapa nel gruppo cavuriano")
        );
        assert_eq!(
            clean_title("Title: Subtitle; More").as_deref(),
            Some("Title: Subtitle; More")
        );
        assert_eq!(clean_title(" .,"), None);
        assert_eq!(clean_title("Waiting...").as_deref(), Some("Waiting..."));
        assert_eq!(
            clean_container("In: Zeitschrift für Rechtssoziologie"),
            (Some("Zeitschrift für Rechtssoziologie".into()), true)
        );
        assert_eq!(
            clean_container("in «L’espace géographique»,"),
            (Some("L’espace géographique".into()), true)
        );
        assert!(clean_container("In Search of Lost Time").1);
        assert_eq!(
            clean_container("Psychosom Med."),
            (Some("Psychosom Med".into()), false)
        );
        assert_eq!(
            split_guillemet_container(
                "The Living and the Dead, «Proceedings of the American Academy»,"
            ),
            Some((
                "The Living and the Dead",
                "Proceedings of the American Academy"
            ))
        );
        assert_eq!(split_guillemet_container("Di «Res», un titolo"), None);
    }

    #[test]
    fn places_and_archives() {
        assert_eq!(
            clean_plain("Thousand Oaks, CA:").as_deref(),
            Some("Thousand Oaks, CA")
        );
        assert_eq!(clean_plain("[London]").as_deref(), Some("London"));
        assert_eq!(
            clean_plain("Birmingham (UK).").as_deref(),
            Some("Birmingham (UK)")
        );
        assert_eq!(
            clean_publisher("Published by Sage.").as_deref(),
            Some("Sage")
        );
        assert_eq!(clean_archive("b. 46,").as_deref(), Some("b. 46"));
        assert_eq!(
            clean_archive("San Marco, reg.").as_deref(),
            Some("San Marco, reg.")
        );
        assert_eq!(clean_archive("f. 313r.").as_deref(), Some("f. 313r"));
        assert_eq!(clean_archive("c. 207v).").as_deref(), Some("c. 207v"));
    }

    #[test]
    fn volumes() {
        let v = |s: &str| parse_volume(s);
        assert_eq!(v("Vol. 2").volume.as_deref(), Some("2"));
        assert_eq!(v("vol. II,").volume.as_deref(), Some("II"));
        assert_eq!(v("Bd. 12").volume.as_deref(), Some("12"));
        assert_eq!(v("t. III").volume.as_deref(), Some("III"));
        let p = v("123(15):");
        assert_eq!(
            (p.volume.as_deref(), p.issue.as_deref()),
            (Some("123"), Some("15"))
        );
        let p = v("38-39 (1970-71),");
        assert_eq!(
            (p.volume.as_deref(), p.year.as_deref()),
            (Some("38-39"), Some("1970-71"))
        );
        let p = v("10, no. 1");
        assert_eq!(
            (p.volume.as_deref(), p.issue.as_deref()),
            (Some("10"), Some("1"))
        );
        let p = v("35, 11/12");
        assert_eq!(
            (p.volume.as_deref(), p.issue.as_deref()),
            (Some("35"), Some("11/12"))
        );
        let p = v("XX (1969), n. 1,");
        assert_eq!(
            (p.volume.as_deref(), p.year.as_deref(), p.issue.as_deref()),
            (Some("XX"), Some("1969"), Some("1"))
        );
        let p = v("100(6):2945–2977.");
        assert_eq!(
            (p.volume.as_deref(), p.issue.as_deref(), p.pages.as_deref()),
            (Some("100"), Some("6"), Some("2945–2977"))
        );
        let p = v("89:12:");
        assert_eq!(
            (p.volume.as_deref(), p.issue.as_deref()),
            (Some("89"), Some("12"))
        );
        let p = v("2010, 213:");
        assert_eq!(
            (p.volume.as_deref(), p.year.as_deref()),
            (Some("213"), Some("2010"))
        );
        let p = v("n°54.");
        assert_eq!((p.volume, p.issue.as_deref()), (None, Some("54")));
        let p = v("n. 42 (sett.-die. del 1979),");
        assert_eq!(
            (p.issue.as_deref(), p.year.as_deref()),
            (Some("42"), Some("sett.-die. del 1979"))
        );
        assert_eq!(
            v("Dal 1313 alla fine della Repubblica,").volume.as_deref(),
            Some("Dal 1313 alla fine della Repubblica")
        );
        assert_eq!(clean_issue("no. 3").as_deref(), Some("3"));
        assert_eq!(clean_issue("(3)").as_deref(), Some("3"));
        assert_eq!(clean_issue("Heft 4").as_deref(), Some("4"));
        assert_eq!(clean_issue("fasc. 2,").as_deref(), Some("2"));
        assert_eq!(clean_issue("Nr. 12").as_deref(), Some("12"));
        assert_eq!(clean_issue("n. 5").as_deref(), Some("5"));
        assert_eq!(parse_volume(""), VolumeParts::default());
    }

    #[test]
    fn editions() {
        for (s, e) in [
            ("2nd edn", "2"),
            ("2nd ed.", "2"),
            ("(3rd ed.,", "3"),
            ("2. Aufl.", "2"),
            ("3e éd.,", "3"),
            ("seconda edizione", "2"),
            ("second edition", "2"),
            ("13th ed.", "13"),
            ("II ed", "2"),
            ("3 edition,", "3"),
            ("Revised Edition.", "Revised Edition"),
            ("3rd rev. ed.", "3rd rev. ed"),
        ] {
            assert_eq!(clean_edition(s).as_deref(), Some(e), "{s}");
        }
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            clean_doi("doi:10.1007/s11199-006-9101-4.").as_deref(),
            Some("10.1007/s11199-006-9101-4")
        );
        assert_eq!(
            clean_doi("https://doi.org/10.1000/xyz123").as_deref(),
            Some("10.1000/xyz123")
        );
        assert_eq!(
            clean_doi("[doi>10.1016/S1353-4858(11)70024-1]").as_deref(),
            Some("10.1016/S1353-4858(11)70024-1")
        );
        assert_eq!(
            clean_doi("(doi:10.1016/j.scitotenv.2014.06.014)").as_deref(),
            Some("10.1016/j.scitotenv.2014.06.014")
        );
        assert_eq!(
            clean_doi("doi: 10.1111/ j. 0012-155X. 2005.00401. x").as_deref(),
            Some("10.1111/j.0012-155X.2005.00401.x")
        );
        assert_eq!(clean_doi("poor"), None);
        assert_eq!(clean_doi("10.1234"), None);
        assert_eq!(
            clean_isbn("ISBN 978-3-16-148410-0.").as_deref(),
            Some("978-3-16-148410-0")
        );
        assert_eq!(
            clean_isbn("ISBN: 0-19-852663-X").as_deref(),
            Some("0-19-852663-X")
        );
        assert_eq!(clean_isbn("ISBN 12"), None);
        assert_eq!(
            clean_url("Available: http://example.org/a/b.html.").as_deref(),
            Some("http://example.org/a/b.html")
        );
        assert_eq!(
            clean_url("<http://www.msnbc.com /news/754336.asp>.").as_deref(),
            Some("http://www.msnbc.com/news/754336.asp")
        );
        assert_eq!(
            clean_url("http://www.dca- project.eu/images/x.pdf.").as_deref(),
            Some("http://www.dca-project.eu/images/x.pdf")
        );
        assert_eq!(
            clean_url("[http://www.msf.org/en/article]").as_deref(),
            Some("http://www.msf.org/en/article")
        );
        assert_eq!(
            clean_url("http://en.wikipedia.org/wiki/Charles_R._Van_Hise.").as_deref(),
            Some("http://en.wikipedia.org/wiki/Charles_R._Van_Hise")
        );
        assert_eq!(
            clean_url("http://example.org/x (accessed 3 May 2020)").as_deref(),
            Some("http://example.org/x")
        );
        assert_eq!(clean_url("Retrieved from"), None);
        let parens = format!("http://example.org/a_(b){}", ")".repeat(50_000));
        assert_eq!(
            clean_url(&parens).as_deref(),
            Some("http://example.org/a_(b)")
        );
    }
}
