//! Text folding for matching: case, diacritics, ligatures and punctuation are
//! ignored, so "Gründung" = "Grundung", "Kōshō" = "Kosho", "Straße" = "Strasse".

use ibid_model::Name;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Leading articles dropped from titles before matching.
const ARTICLES: &[&str] = &[
    "the", "a", "an", "der", "die", "das", "le", "la", "les", "l", "il", "lo", "gli", "i", "el",
    "los", "las", "un", "une", "ein", "eine", "uno", "una",
];

/// Function words a short title may leave out or keep ("Origins Second World
/// War" for "The Origins of the Second World War").
const STOPWORDS: &[&str] = &[
    "of", "the", "and", "in", "on", "for", "to", "a", "an", "at", "with", "from", "by", "de", "du",
    "des", "d", "la", "le", "les", "l", "et", "aux", "au", "sur", "di", "del", "della", "dello",
    "dei", "degli", "delle", "dell", "e", "ed", "nel", "nella", "per", "con", "su", "da", "dal",
    "il", "lo", "gli", "i", "und", "der", "die", "das", "zur", "zum", "zu", "von", "vom", "im",
    "am", "y", "en", "el", "los", "las", "do", "dos", "van", "het", "een",
];

/// Push the folded (lower-case, unaccented, de-ligatured) form of `c`.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'þ' | 'Þ' => out.push_str("th"),
        'ı' => out.push('i'),
        _ => {
            for d in std::iter::once(c).nfd() {
                if is_combining_mark(d) {
                    continue;
                }
                out.extend(d.to_lowercase());
            }
        }
    }
}

/// The folded form of a whole string (punctuation kept).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// The folded alphanumeric words of `s` ("L'Histoire de la Grèce" →
/// `["l", "histoire", "de", "la", "grece"]`).
pub fn words(s: &str) -> Vec<String> {
    let folded = fold(s);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True for a leading article.
pub fn is_article(w: &str) -> bool {
    ARTICLES.contains(&w)
}

/// True for a function word that a short title may drop.
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Title words for matching: folded words without one leading article, and
/// how many of them belong to the main title (before a subtitle separator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleWords {
    pub words: Vec<String>,
    pub main_len: usize,
}

impl TitleWords {
    /// Fold a title. Returns `None` when it holds no word.
    pub fn new(title: &str) -> Option<TitleWords> {
        let main_end = subtitle_split(title);
        let mut main = words(&title[..main_end]);
        let rest = words(&title[main_end..]);
        let mut main_len = main.len();
        main.extend(rest);
        let mut words = main;
        if words.len() > 1 && is_article(&words[0]) {
            words.remove(0);
            main_len = main_len.saturating_sub(1);
        }
        if words.is_empty() {
            return None;
        }
        if main_len == 0 {
            main_len = words.len();
        }
        Some(TitleWords { words, main_len })
    }

    /// Words that are not stopwords.
    pub fn content(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .map(String::as_str)
            .filter(|w| !is_stopword(w))
    }
}

/// Byte offset where a subtitle starts (": ", ". ", " – ", " — ", "? ", "! "),
/// or the length of the title.
fn subtitle_split(title: &str) -> usize {
    let b = title.as_bytes();
    for (i, c) in title.char_indices() {
        let next_is_space = title[i + c.len_utf8()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
        let prev_is_space = i > 0 && b[i - 1] == b' ';
        match c {
            ':' | '?' | '!' if next_is_space && i > 0 => return i,
            '.' if next_is_space && i > 2 && word_before_is_long(&title[..i]) => return i,
            '–' | '—' if prev_is_space && next_is_space => return i,
            _ => {}
        }
    }
    title.len()
}

/// True when the word ending at the end of `s` has 4 or more letters (so "Mr."
/// or "Vol." do not count as sentence ends).
fn word_before_is_long(s: &str) -> bool {
    s.chars().rev().take_while(|c| c.is_alphanumeric()).count() >= 4
}

/// Matching keys of a name: the folded family (or literal) name, its last
/// word (for particles: "von Ranke" → "ranke"), and for literal names also the
/// first word ("Taylor, A. J. P." left unsplit).
pub fn name_keys(name: &Name) -> Vec<String> {
    let Some(family) = name.family_or_literal() else {
        return Vec::new();
    };
    let w = words(family);
    let mut keys = Vec::new();
    if w.is_empty() {
        return keys;
    }
    keys.push(w.join(" "));
    if let Some(last) = w.last() {
        if w.len() > 1 && last.chars().count() > 1 {
            keys.push(last.clone());
        }
    }
    if name.family.is_none() && w.len() > 1 && w[0].chars().count() >= 3 {
        keys.push(w[0].clone());
    }
    keys.dedup();
    keys
}

/// True when a folded name stands for "the same author as before"
/// ("Idem", "Id.", "ders.", "dies.", "Eadem").
pub use ibid_model::text::is_same_author_word;

/// A key for an archive file: letters and digits only, with a `|` between
/// two digit groups ("F.O. 371/18851" and "FO 371/18851" → "fo371|18851").
pub fn file_key(location: &str) -> String {
    let folded = fold(location);
    let mut out = String::with_capacity(folded.len());
    let mut pending_sep = false;
    let mut last: Option<char> = None;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if pending_sep && last.is_some_and(|l| l.is_ascii_digit()) && c.is_ascii_digit() {
                out.push('|');
            }
            out.push(c);
            last = Some(c);
            pending_sep = false;
        } else {
            pending_sep = true;
        }
    }
    out
}

/// A key for an abbreviation: letters and digits only, case kept
/// ("D.G.F.P." → "DGFP", "H.C. Deb." → "HCDeb").
pub fn abbr_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The digits of a locator or page ("p. 91" → "91", "pp. 12–14" → "12").
pub fn first_number(s: &str) -> Option<&str> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let rest = &s[start..];
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_ligatures() {
        assert_eq!(fold("Gründung"), "grundung");
        assert_eq!(fold("Kōshō"), "kosho");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Æther Øre Łódź"), "aether ore lodz");
        assert_eq!(
            words("L'Histoire de la Grèce, 1815–1830"),
            ["l", "histoire", "de", "la", "grece", "1815", "1830"]
        );
    }

    #[test]
    fn title_words_drop_one_article_and_find_subtitle() {
        let t = TitleWords::new("The Origins of the Second World War: A Reappraisal").unwrap();
        assert_eq!(t.words[0], "origins");
        assert_eq!(t.main_len, 6);
        assert_eq!(t.words.len(), 8);
        let t = TitleWords::new("Die Gründung des Reiches").unwrap();
        assert_eq!(t.words, ["grundung", "des", "reiches"]);
        assert_eq!(t.main_len, 3);
        // A lone article is a title word.
        assert_eq!(TitleWords::new("A").unwrap().words, ["a"]);
        assert!(TitleWords::new(" ,; ").is_none());
        let t = TitleWords::new("Mr. Smith goes to Washington").unwrap();
        assert_eq!(t.main_len, t.words.len());
    }

    #[test]
    fn name_keys_cover_particles_and_literals() {
        let n = Name::person("von Ranke", Some("Leopold".into()));
        assert_eq!(name_keys(&n), ["von ranke", "ranke"]);
        let n = Name::literal("Taylor, A. J. P.");
        assert_eq!(name_keys(&n), ["taylor a j p", "taylor"]);
        assert!(name_keys(&Name::default()).is_empty());
    }

    #[test]
    fn file_keys_ignore_punctuation_but_keep_number_groups() {
        assert_eq!(file_key("FO 371/18851"), "fo371|18851");
        assert_eq!(file_key("F.O. 371/18851"), "fo371|18851");
        assert_ne!(file_key("FO 371/18851"), file_key("FO 3711/8851"));
        assert_eq!(abbr_key("H.C. Deb."), "HCDeb");
        assert_eq!(first_number("pp. 12–14"), Some("12"));
        assert_eq!(first_number("passim"), None);
    }
}
