//! LaTeX escaping for BibTeX and BibLaTeX field values.
//!
//! Both dialects escape `{ } % & # _ $ ~ ^ \`. BibTeX also turns non-ASCII
//! Latin letters into LaTeX accent commands (`ü` → `{\"u}`, `é` → `{\'e}`,
//! `ß` → `{\ss}`, `ø` → `{\o}`, `ł` → `{\l}`, `č` → `{\v{c}}`, `ç` → `{\c{c}}`)
//! and typographic punctuation into LaTeX ligatures (`–` → `--`, `—` → `---`,
//! curly quotes → `` ` `` / `'`, non-breaking space → `~`). Characters with no
//! LaTeX form in plain (OT1/T1) LaTeX — Greek, Cyrillic, CJK, Arabic, Hebrew,
//! letters with accents LaTeX lacks — are kept in UTF-8: BibTeX 0.99 passes
//! them through untouched, and a UTF-8 LaTeX document (the default since 2018)
//! typesets them when the font has them.

use unicode_normalization::char::decompose_canonical;

/// Escape LaTeX's special characters; `ascii` also encodes non-ASCII letters.
pub(crate) fn escape(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '%' => out.push_str("\\%"),
            '&' => out.push_str("\\&"),
            '#' => out.push_str("\\#"),
            '_' => out.push_str("\\_"),
            '$' => out.push_str("\\$"),
            '~' => out.push_str("{\\textasciitilde}"),
            '^' => out.push_str("{\\textasciicircum}"),
            '\\' => out.push_str("{\\textbackslash}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if (c as u32) < 0x20 => {}
            c if c.is_ascii() || !ascii => out.push(c),
            c => push_ascii(c, &mut out),
        }
    }
    out
}

fn special_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "{\\ss}",
        'ẞ' => "{\\SS}",
        'æ' => "{\\ae}",
        'Æ' => "{\\AE}",
        'œ' => "{\\oe}",
        'Œ' => "{\\OE}",
        'ø' => "{\\o}",
        'Ø' => "{\\O}",
        'ł' => "{\\l}",
        'Ł' => "{\\L}",
        'ı' => "{\\i}",
        'ȷ' => "{\\j}",
        'å' => "{\\aa}",
        'Å' => "{\\AA}",
        '\u{a0}' => "~",
        '–' => "--",
        '—' => "---",
        '‘' => "`",
        '’' => "'",
        '“' => "``",
        '”' => "''",
        '…' => "{\\ldots}",
        '§' => "{\\S}",
        '¶' => "{\\P}",
        '©' => "{\\textcopyright}",
        '£' => "{\\pounds}",
        '°' => "{\\textdegree}",
        '«' => "{\\guillemotleft}",
        '»' => "{\\guillemotright}",
        '¡' => "{!`}",
        '¿' => "{?`}",
        _ => return None,
    })
}

/// The LaTeX accent command for a combining mark, and whether it is a letter
/// command (needs braces around its argument).
fn accent(mark: char) -> Option<(&'static str, bool)> {
    Some(match mark {
        '\u{300}' => ("`", false),
        '\u{301}' => ("'", false),
        '\u{302}' => ("^", false),
        '\u{303}' => ("~", false),
        '\u{304}' => ("=", false),
        '\u{307}' => (".", false),
        '\u{308}' => ("\"", false),
        '\u{306}' => ("u", true),
        '\u{30a}' => ("r", true),
        '\u{30b}' => ("H", true),
        '\u{30c}' => ("v", true),
        '\u{327}' => ("c", true),
        '\u{328}' => ("k", true),
        '\u{323}' => ("d", true),
        '\u{331}' => ("b", true),
        _ => return None,
    })
}

fn push_ascii(c: char, out: &mut String) {
    if let Some(s) = special_letter(c) {
        out.push_str(s);
        return;
    }
    let mut parts: Vec<char> = Vec::with_capacity(3);
    decompose_canonical(c, |d| parts.push(d));
    let Some((&base, marks)) = parts.split_first() else {
        out.push(c);
        return;
    };
    let cmds: Option<Vec<(&str, bool)>> = marks.iter().map(|&m| accent(m)).collect();
    match cmds {
        Some(cmds) if base.is_ascii_alphabetic() && !cmds.is_empty() => {
            // Innermost mark first: "ǘ" = u + diaeresis + acute → {\'{\"u}}.
            // An accent above an i or j goes on the dotless letter ("í" →
            // {\'\i}); with OT1 fonts `\'i` puts it over the dot.
            let above = !matches!(marks[0], '\u{327}' | '\u{328}' | '\u{323}' | '\u{331}');
            let mut inner = match base {
                'i' if above => "\\i".to_string(),
                'j' if above => "\\j".to_string(),
                _ => base.to_string(),
            };
            for (i, (cmd, letter)) in cmds.iter().enumerate() {
                let wrapped = i > 0 || *letter;
                inner = if wrapped {
                    format!("\\{cmd}{{{inner}}}")
                } else {
                    format!("\\{cmd}{inner}")
                };
            }
            out.push('{');
            out.push_str(&inner);
            out.push('}');
        }
        _ => out.push(c),
    }
}

/// A lower-case ASCII transliteration for citation keys: letters and digits
/// only ("Gründung" → "grundung", "Łódź" → "lodz", "Straße" → "strasse",
/// Greek and Cyrillic by [`crate::translit`]: "Толстой" → "tolstoi"); other
/// scripts give nothing.
pub(crate) fn key_ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let special = match c {
            'ß' | 'ẞ' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            'œ' | 'Œ' => Some("oe"),
            'ø' | 'Ø' => Some("o"),
            'ł' | 'Ł' => Some("l"),
            'đ' | 'Đ' => Some("d"),
            'þ' | 'Þ' => Some("th"),
            'ı' => Some("i"),
            _ => None,
        };
        if let Some(s) = special.or_else(|| crate::translit::latin(c)) {
            out.push_str(s);
            continue;
        }
        // accents split off: "é" → "e", "ή" → "η" → "i"
        decompose_canonical(c, |d| {
            if d.is_ascii_alphanumeric() {
                out.push(d.to_ascii_lowercase());
            } else if let Some(s) = crate::translit::latin(d) {
                out.push_str(s);
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_escaped() {
        assert_eq!(
            escape("A & B 50% #1 a_b $5 {x} ~ ^ \\", true),
            "A \\& B 50\\% \\#1 a\\_b \\$5 \\{x\\} {\\textasciitilde} {\\textasciicircum} {\\textbackslash}"
        );
    }

    #[test]
    fn accents_for_bibtex() {
        assert_eq!(escape("Gründung", true), "Gr{\\\"u}ndung");
        assert_eq!(escape("café", true), "caf{\\'e}");
        assert_eq!(escape("Straße", true), "Stra{\\ss}e");
        assert_eq!(escape("Čapek", true), "{\\v{C}}apek");
        assert_eq!(escape("Façade", true), "Fa{\\c{c}}ade");
        assert_eq!(escape("ǘ", true), "{\\'{\\\"u}}");
        assert_eq!(escape("Łódź", true), "{\\L}{\\'o}d{\\'z}");
        assert_eq!(escape("1914–18", true), "1914--18");
        // Accents above i and j go on the dotless letters; below, not.
        assert_eq!(escape("García", true), "Garc{\\'\\i}a");
        assert_eq!(escape("ǐĵ", true), "{\\v{\\i}}{\\^\\j}");
        assert_eq!(escape("į", true), "{\\k{i}}");
        assert_eq!(escape("Í", true), "{\\'I}");
        // No LaTeX form: kept in UTF-8.
        assert_eq!(escape("Толстой 東京", true), "Толстой 東京");
        // BibLaTeX keeps UTF-8.
        assert_eq!(escape("Gründung & Co", false), "Gründung \\& Co");
    }

    #[test]
    fn key_transliteration() {
        assert_eq!(key_ascii("Gründung"), "grundung");
        assert_eq!(key_ascii("Straße"), "strasse");
        assert_eq!(key_ascii("Łódź"), "lodz");
        assert_eq!(key_ascii("O'Brien-Smith"), "obriensmith");
        assert_eq!(key_ascii("Толстой"), "tolstoi");
        assert_eq!(key_ascii("Σεφέρης"), "seferis");
        assert_eq!(key_ascii("毛泽东"), "");
    }
}
