//! Volume, issue and edition spans: markers removed ("Vol.", "Bd.", "no.",
//! "2nd edn"), and the year, issue or pages a volume span may also hold.

use ibid_model::text::additive_roman_value;

use crate::text::{fold_ws, has_letter, is_roman, is_space, strip_edge_brackets, trim_field};

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
    // "(7553)" of "521(7553)" is an issue: years fall in 1000–2199
    digits
        .first()
        .is_some_and(|d| d.len() == 4 && matches!(d.as_bytes()[0], b'1' | b'2') && d < &"2200")
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
            | "d"
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
            number = additive_roman_value(raw);
        } else if !is_edition_word(&w) {
            other = true;
        }
    }
    match number {
        Some(n) if !other && n > 0 => Some(n.to_string()),
        _ => Some(t.to_string()),
    }
}

/// The number of volumes of a span that counts them: "2 vols.", "3
/// volumes", "4 voll.", "2 Bde.", "3 tomes", "II vols." give "2", "3", "4",
/// "2", "3", "2" (CSL `number-of-volumes`). A volume cited ("vol. 2") is
/// `None`.
pub(crate) fn number_of_volumes(s: &str) -> Option<String> {
    // a count of volumes opens with a digit or a roman numeral
    if !s
        .trim_start_matches(['(', '['])
        .starts_with(|c: char| c.is_ascii_digit() || "IVXivx".contains(c))
    {
        return None;
    }
    let t = fold_ws(s);
    let t = trim_field(strip_edge_brackets(trim_field(&t)));
    let (count, written) = t.split_once(is_space)?;
    let written = written.trim();
    let word = written.trim_end_matches('.').to_lowercase();
    let counts = match word.as_str() {
        "vols" | "volumes" | "voll" | "vol" | "bde" | "bände" | "tomes" | "tomi" | "tt" => true,
        // "2 v.", "3 t.", but not "55 V" (a roman five)
        "v" | "t" => {
            matches!(written, "v" | "t")
                && s.trim_end()
                    .trim_end_matches([')', ']', ',', ';'])
                    .ends_with('.')
        }
        _ => false,
    };
    if !counts {
        return None;
    }
    if !count.is_empty() && count.len() <= 3 && count.chars().all(|c| c.is_ascii_digit()) {
        return (count != "0").then(|| count.to_string());
    }
    let n = additive_roman_value(count)?;
    (n > 0 && is_roman(count)).then(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes() {
        let v = |s: &str| parse_volume(s);
        assert_eq!(v("Vol. 2").volume.as_deref(), Some("2"));
        assert_eq!(v("vol. II,").volume.as_deref(), Some("II"));
        assert_eq!(v("Bd. 12").volume.as_deref(), Some("12"));
        let n = v("521(7553)");
        assert_eq!(
            (n.volume.as_deref(), n.issue.as_deref()),
            (Some("521"), Some("7553"))
        );
        assert_eq!(v("9 (1884)").year.as_deref(), Some("1884"));
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
            ("2d ed.", "2"),
            ("3d ed", "3"),
            ("II ed", "2"),
            ("3 edition,", "3"),
            ("Revised Edition.", "Revised Edition"),
            ("3rd rev. ed.", "3rd rev. ed"),
        ] {
            assert_eq!(clean_edition(s).as_deref(), Some(e), "{s}");
        }
    }

    #[test]
    fn a_count_of_volumes_is_no_volume() {
        for (span, n) in [
            ("2 vols.", "2"),
            ("3 volumes", "3"),
            ("22 voll.", "22"),
            ("20 Bde.", "20"),
            ("3 tomes", "3"),
            ("2 v.", "2"),
            ("(4 vols.)", "4"),
            ("II vols.", "2"),
        ] {
            assert_eq!(number_of_volumes(span).as_deref(), Some(n), "{span}");
        }
        for span in [
            "vol. 2",
            "Vol. II",
            "55 V",
            "2",
            "2 vols. 3",
            "0 vols.",
            "XIV (1976)",
        ] {
            assert_eq!(number_of_volumes(span), None, "{span}");
        }
    }
}
