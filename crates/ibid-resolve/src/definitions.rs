//! Abbreviations defined in place: "(hereafter cited as X)", "(hereafter X)",
//! "henceforth X", "(cited as X)", "(im Folgenden: X)", "(ci-après X)",
//! "(d'ora in poi X)", "[X]" after a title.

use crate::fold::fold;
use crate::markers::Definition;
use crate::tokens::{char_before, starts_with_seq, Tok};

struct Phrase {
    words: &'static [&'static str],
    needs_paren: bool,
}

const fn p(words: &'static [&'static str], needs_paren: bool) -> Phrase {
    Phrase { words, needs_paren }
}

const DEFINITION_PHRASES: &[Phrase] = &[
    p(&["hereafter", "cited", "as"], false),
    p(&["hereinafter", "cited", "as"], false),
    p(&["hereafter", "referred", "to", "as"], false),
    p(&["hereinafter", "referred", "to", "as"], false),
    p(&["hereafter", "quoted", "as"], false),
    p(&["henceforth", "cited", "as"], false),
    p(&["hereafter"], false),
    p(&["hereinafter"], false),
    p(&["henceforth"], false),
    p(&["cited", "as"], true),
    p(&["quoted", "as"], true),
    p(&["cited", "hereafter", "as"], false),
    p(&["im", "folgenden", "zitiert", "als"], false),
    p(&["im", "folgenden", "abgekurzt", "als"], false),
    p(&["im", "folgenden"], true),
    p(&["kunftig", "zitiert", "als"], false),
    p(&["kunftig"], true),
    p(&["fortan"], true),
    p(&["zitiert", "als"], true),
    p(&["abgekurzt"], true),
    p(&["ci", "apres", "cite"], false),
    p(&["ci", "apres"], false),
    p(&["desormais", "cite"], false),
    p(&["desormais"], true),
    p(&["cite", "desormais"], false),
    p(&["d", "ora", "in", "poi"], false),
    p(&["d", "ora", "innanzi"], false),
    p(&["da", "ora", "in", "poi"], false),
    p(&["d", "ora", "in", "avanti"], false),
    p(&["in", "seguito"], true),
    p(&["citato", "come"], true),
    p(&["abbreviato", "in"], true),
    p(&["en", "adelante"], true),
    p(&["de", "aqui", "en", "adelante"], false),
    p(&["in", "het", "vervolg"], true),
    p(&["dalej"], true),
    p(&["далее"], true),
];

const QUOTES: &[char] = &['"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‚', '‹', '›'];

/// At most this many definition phrases are examined per citation, and a
/// definition clause opens at most this many bytes before its phrase (keeps
/// hostile input linear).
const MAX_DEFINITION_TRIES: usize = 16;
const MAX_CLAUSE_LOOKBACK: usize = 256;

pub fn find_definition(text: &str, toks: &[Tok]) -> Option<Definition> {
    let mut tries = 0;
    for i in 0..toks.len() {
        for ph in DEFINITION_PHRASES {
            if !starts_with_seq(toks, i, ph.words) {
                continue;
            }
            tries += 1;
            if tries > MAX_DEFINITION_TRIES {
                return paren_definition(text).or_else(|| bracket_definition(text));
            }
            let start = toks[i].start;
            let before = char_before(text, start);
            let open = open_bracket_before(text, start);
            if ph.needs_paren && !matches!(before, Some('(' | '[')) {
                continue;
            }
            let last = &toks[i + ph.words.len() - 1];
            let xs = text[last.end..]
                .char_indices()
                .find(|&(_, c)| {
                    !(c.is_whitespace() || matches!(c, ':' | ',' | '.') || QUOTES.contains(&c))
                })
                .map_or(text.len(), |(k, _)| last.end + k);
            let window_end = text.len().min(xs + 4 * MAX_CLAUSE_LOOKBACK);
            let window_end = (window_end..=text.len())
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(text.len());
            let (xe, clause_end) = match open {
                Some((_, close)) => {
                    let end = text[xs..window_end]
                        .find(close)
                        .map_or(window_end, |k| xs + k);
                    (end, (end + close.len_utf8()).min(text.len()))
                }
                None => {
                    let end = text[xs..window_end]
                        .find(';')
                        .map_or(window_end, |k| xs + k);
                    (end, end)
                }
            };
            let short = text[xs..xe]
                .trim()
                .trim_end_matches(|c: char| c == ',' || c.is_whitespace() || QUOTES.contains(&c))
                .to_owned();
            if short.is_empty() || short.len() > 80 || !short.chars().any(char::is_alphanumeric) {
                continue;
            }
            let clause_start = open.map_or_else(
                || {
                    // ", hereafter X": include the comma before.
                    text[..start].trim_end().trim_end_matches(',').len()
                },
                |(o, _)| o,
            );
            return Some(Definition {
                short,
                clause: clause_start..clause_end,
            });
        }
    }
    paren_definition(text).or_else(|| bracket_definition(text))
}

/// The unclosed '(' or '[' before `pos`, with its closing char.
fn open_bracket_before(text: &str, pos: usize) -> Option<(usize, char)> {
    let mut depth = 0i32;
    let from = (pos.saturating_sub(MAX_CLAUSE_LOOKBACK)..=pos)
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(pos);
    for (i, c) in text[from..pos].char_indices().rev() {
        let i = from + i;
        match c {
            ')' | ']' => depth += 1,
            '(' | '[' if depth > 0 => depth -= 1,
            '(' => return Some((i, ')')),
            '[' => return Some((i, ']')),
            _ => {}
        }
    }
    None
}

/// Court and role abbreviations that stand in parentheses without defining anything.
const NOT_DEFINED: &[&str] = &[
    "HL", "CA", "PC", "QB", "KB", "CH", "ECJ", "CJEU", "ECTHR", "UKSC", "SC", "DC", "CCA", "EAT",
    "HCA", "UKHL", "UKPC", "EWCA", "EWHC", "ICJ", "PCIJ", "ED", "EDS", "HRSG", "HG", "TRANS",
    "DIR", "NS", "OS", "AD", "BC", "CE", "BCE", "USA", "UK", "US",
];

/// "The National Archives, Kew (TNA)", "Politisches Archiv des Auswärtigen
/// Amts (PA AA)": an abbreviation in parentheses whose capitals are the
/// initials of the words before it.
fn paren_definition(text: &str) -> Option<Definition> {
    let mut searched = 0;
    let mut from = 0;
    while let Some(k) = text[from..].find('(') {
        searched += 1;
        if searched > 32 {
            return None;
        }
        let open = from + k;
        let len = text[open + 1..].find(')')?;
        let close = open + 1 + len;
        from = close;
        let inner = text[open + 1..close].trim();
        if inner.len() < 2 || inner.len() > 12 || inner.split_whitespace().count() > 3 {
            continue;
        }
        let ok_chars = inner
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | ' ' | '/' | '-' | '&'));
        let caps: String = inner.chars().filter(|c| c.is_uppercase()).collect();
        if !ok_chars || caps.chars().count() < 2 {
            continue;
        }
        let key: String = inner.chars().filter(|c| c.is_alphabetic()).collect();
        if NOT_DEFINED.contains(&key.to_uppercase().as_str()) {
            continue;
        }
        // "R (UNISON) v Lord Chancellor": a party, not a definition.
        let after = text[close + 1..].trim_start();
        if after.starts_with("v ") || after.starts_with("v. ") {
            continue;
        }
        let initials: Vec<char> = text[..open]
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '/' | '('))
            .filter(|w| !w.is_empty())
            .rev()
            .take(8)
            .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
            .flat_map(char::to_uppercase)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        let mut it = initials.iter();
        let is_initials = caps.chars().all(|c| it.any(|&i| i == c));
        if is_initials {
            return Some(Definition {
                short: inner.to_owned(),
                clause: open..close + 1,
            });
        }
    }
    None
}

/// "… Vol. I [ADAP]": a bracketed short form at the end of a citation.
fn bracket_definition(text: &str) -> Option<Definition> {
    let t = text.trim_end().trim_end_matches(['.', ',', ';']).trim_end();
    let inner_end = t.len().checked_sub(1)?;
    if !t.ends_with(']') {
        return None;
    }
    let open = t[..inner_end].rfind('[')?;
    let inner = t[open + 1..inner_end].trim();
    if open < 10 || inner.is_empty() || inner.len() > 40 || inner.contains(['[', ']']) {
        return None;
    }
    let first = inner.chars().next()?;
    if !first.is_uppercase() || inner.split_whitespace().count() > 4 {
        return None;
    }
    let w = fold(inner);
    let first_word = w.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    const NOT_SHORT: &[&str] = &[
        "in",
        "trans",
        "transl",
        "translated",
        "translation",
        "english",
        "german",
        "french",
        "italian",
        "russian",
        "spanish",
        "online",
        "unpublished",
        "sic",
        "emphasis",
        "orig",
        "original",
        "microfilm",
        "n",
        "s",
        "no",
        "date",
        "ca",
        "c",
        "ed",
        "eds",
        "author",
        "reprint",
        "repr",
        "draft",
        "copy",
        "undated",
        "anon",
        "anonymous",
        "signed",
        "my",
    ];
    if NOT_SHORT.contains(&first_word) || w.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
        return None;
    }
    Some(Definition {
        short: inner.to_owned(),
        clause: open..t.len(),
    })
}

#[cfg(test)]
mod tests {
    use crate::markers::Analysis;

    fn a(text: &str) -> Analysis {
        Analysis::new(text)
    }

    #[test]
    fn definitions() {
        let cases: &[(&str, &str)] = &[
            ("Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.)", "D.G.F.P."),
            ("A. J. P. Taylor, The Origins of the Second World War (London, 1961) (hereafter Taylor, Origins), p. 5", "Taylor, Origins"),
            ("Akten zur deutschen auswärtigen Politik, Serie D, Bd. I (im Folgenden: ADAP)", "ADAP"),
            ("Documents diplomatiques français (ci-après DDF), t. III", "DDF"),
            ("I documenti diplomatici italiani, settima serie (d'ora in poi DDI)", "DDI"),
            ("Public Record Office, Kew, Foreign Office papers [FO]", "FO"),
            ("Foreign Relations of the United States, henceforth FRUS", "FRUS"),
            ("Reports of the Committee (cited as ‘Report’), p. 4", "Report"),
        ];
        for (t, short) in cases {
            let d = a(t).definition.unwrap_or_else(|| panic!("{t}"));
            assert_eq!(d.short, *short, "{t}");
            assert!(t[d.clause.clone()].contains(short), "{t}");
        }
        assert!(a("Taylor, Origins [sic], p. 5").definition.is_none());
        assert!(a("[1932] AC 562").definition.is_none());
        assert!(a("Pravda, 1 May 1937 [in Russian]").definition.is_none());
        assert!(a("Die im Folgenden besprochenen Akten")
            .definition
            .is_none());
    }

    #[test]
    fn abbreviations_in_parentheses_after_their_long_form() {
        for (t, short) in [
            (
                "Phipps to Simon, 4 May 1935, FO 371/18851, The National Archives, Kew (TNA)",
                "TNA",
            ),
            (
                "Politisches Archiv des Auswärtigen Amts (PA AA), R 29801, Bl. 112",
                "PA AA",
            ),
            ("Archivio di Stato di Venezia (ASV), Senato", "ASV"),
            ("Jones, The Other Book (TOB)", "TOB"),
        ] {
            assert_eq!(
                a(t).definition.map(|d| d.short).as_deref(),
                Some(short),
                "{t}"
            );
        }
        for t in [
            "Donoghue v Stevenson [1932] AC 562 (HL) 580",
            "R (UNISON) v Lord Chancellor [2017] UKSC 51",
            "R (Miller) v Prime Minister",
            "Tom Bingham, The Rule of Law (Allen Lane 2010) 8",
            "Self, R. (ed.), The Diary Letters (Aldershot, 2005)",
            "Smith (OUP 2004)",
            "Smith, The Book (XYZ)",
        ] {
            assert!(a(t).definition.is_none(), "{t}");
        }
    }
}
