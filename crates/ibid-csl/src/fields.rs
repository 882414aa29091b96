//! Cleaners for the plain text fields: titles, container titles, places,
//! publishers, archive locations.

use crate::text::{
    fold_ws, is_space, starts_with_ci, strip_edge_brackets, strip_quotes, trim_keep_period,
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
    // "5th ser.", "suppl.", "Stat.": words a title ends in only as
    // abbreviations
    let series_word = matches!(
        last.to_lowercase().as_str(),
        "ser" | "suppl" | "vols" | "nos" | "stat" | "diss"
    );
    if single_cap || series_word || (other_abbrev && short) {
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
        assert_eq!(clean_title("5th ser.").as_deref(), Some("5th ser."));
        assert_eq!(clean_title("Stat.").as_deref(), Some("Stat."));
        assert_eq!(
            clean_title("The Rise of the Novel.").as_deref(),
            Some("The Rise of the Novel")
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
}
