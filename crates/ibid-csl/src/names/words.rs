//! Word classes for personal names: initials, particles, honorifics, suffixes,
//! role markers, corporate keywords, and the name lists in `data/`.
//!
//! The word lists themselves are in `data/*.txt`, loaded by [`lists`].

mod lists;

pub(crate) use lists::{
    WordSet, CJK_COMPOUND, GIVEN_NAMES, JA_SURNAMES, KO_SURNAMES, SPANISH_SURNAMES, ZH_SURNAMES,
};
use lists::{
    ANONYMOUS, CAP_PARTICLES, CONJUNCTIONS, CONNECTORS, CORPORATE_ACRONYMS, CORPORATE_SUFFIXES,
    CORPORATE_WORDS, HONORIFICS, MARKERS, PARTICLES, POSTNOMINALS,
};

/// A word's look-up key: lower case, without trailing periods or colons.
/// Kept on the stack for words up to 40 bytes.
pub(crate) struct Key {
    buf: [u8; 40],
    len: usize,
    heap: Option<String>,
}

impl std::ops::Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.heap {
            Some(h) => h,
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

impl AsRef<str> for Key {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

/// The look-up key of a word.
pub(crate) fn key(w: &str) -> Key {
    let w = w.trim_end_matches(['.', ':']);
    let mut k = Key {
        buf: [0; 40],
        len: 0,
        heap: None,
    };
    if w.is_ascii() && w.len() <= k.buf.len() {
        for (d, b) in k.buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        k.len = w.len();
        return k;
    }
    for c in w.chars() {
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            if k.len + n > k.buf.len() {
                k.heap = Some(w.to_lowercase());
                return k;
            }
            l.encode_utf8(&mut k.buf[k.len..k.len + n]);
            k.len += n;
        }
    }
    k
}

/// First alphabetic character of a word.
fn first_letter(w: &str) -> Option<char> {
    w.chars().find(|c| c.is_alphabetic())
}

/// Starts with a capital, or with a letter of a script without case.
pub(crate) fn is_cap(w: &str) -> bool {
    first_letter(w).is_some_and(|c| !c.is_lowercase())
}

/// Starts with a lower-case letter.
pub(crate) fn is_lower(w: &str) -> bool {
    first_letter(w).is_some_and(char::is_lowercase)
}

/// Two or more cased letters, all capitals, no period ("SMITH", "MAO").
pub(crate) fn is_all_caps(w: &str) -> bool {
    let mut n = 0;
    for c in w.chars() {
        if c == '.' {
            return false;
        }
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            n += 1;
        }
    }
    n >= 2
}

/// An initial or a run of initials: "A.", "A.J.P.", "J.-P.", "Th.", "Chr.",
/// "A.J.P" or a single capital "J".
pub(crate) fn is_initial(w: &str) -> bool {
    let mut chars = w.chars().peekable();
    let mut groups = 0;
    let mut dotted_all = true;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        let mut lower = 0;
        while chars.peek().is_some_and(|c| c.is_lowercase()) {
            chars.next();
            lower += 1;
        }
        if lower > 2 {
            return false;
        }
        groups += 1;
        match chars.next() {
            Some('.') => {
                if chars.peek() == Some(&'-') {
                    chars.next();
                }
            }
            Some('-') => {
                if lower > 0 {
                    return false;
                }
                dotted_all = false;
            }
            None => {
                // "J" alone, or the last group of "A.J.P"; a lower-case tail
                // without period ("Th") is a word, not an initial.
                return lower == 0 && (groups == 1 && w.chars().count() == 1 || groups > 1);
            }
            Some(_) => return false,
        }
    }
    groups > 0 && (dotted_all || groups > 1)
}

/// Two to three capitals without periods, as in "Smith JA" (Vancouver style).
pub(crate) fn is_compact_initials(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    let n = w.chars().count();
    (2..=3).contains(&n) && w.chars().all(|c| c.is_uppercase())
}

/// A lower-case name particle ("von", "van", "de", "'t", …), written as in
/// the name (`ibid_model::particles`).
pub fn is_particle(w: &str) -> bool {
    PARTICLES.contains(w)
}

/// A particle that is dropped when only the family name is shown (German
/// "von", "zu"); the others are non-dropping.
pub(crate) fn is_dropping_particle(first_word: &str) -> bool {
    matches!(first_word, "von" | "vom" | "zu" | "zum" | "zur")
}

/// A capitalised particle that belongs to the family name ("De Meur",
/// "Della Peruta", "Van Dyck").
pub(crate) fn is_cap_particle(w: &str) -> bool {
    CAP_PARTICLES.contains(w)
}

/// Titles and ranks kept out of the given name (`custom.honorifics`).
pub(crate) fn is_honorific(w: &str) -> bool {
    if w.len() > 13 {
        return false;
    }
    HONORIFICS.contains(&*key(w))
}

/// Generational suffixes kept in `suffix` ("Jr.", "III").
pub(crate) fn is_suffix(w: &str) -> bool {
    if w.len() > 6 {
        return false;
    }
    let k = key(w);
    match k.as_ref() {
        "jr" | "jnr" | "jun" | "sr" | "snr" => true,
        // regnal and generational numbers in capitals: II … XXXIX
        _ => {
            w.len() >= 2
                && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
                && !w.contains("IIII")
                && !w.contains("VV")
        }
    }
}

/// Post-nominal honours and degrees ("KBE", "Ph.D.", "S.J.").
pub(crate) fn is_postnominal(w: &str) -> bool {
    if w.len() > 8 {
        return false;
    }
    let k = key(w);
    let k = k.as_ref();
    let strong = POSTNOMINALS.contains(k);
    strong || (matches!(k, "qc" | "kc" | "mp" | "sj" | "md") && !w.contains(char::is_lowercase))
}

/// The role a marker word announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// Always a marker ("eds.", "Hrsg.", "trans.", "edited").
    Strong(Role),
    /// A marker in brackets, in lower case, or at an edge ("ed.", "dir.").
    Weak(Role),
    /// "in" before a container's editors.
    In,
}

/// Editor or translator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Editor,
    Translator,
    Other,
}

/// Classifies a role marker word.
#[cfg(test)]
pub(crate) fn marker(w: &str) -> Option<Marker> {
    if w.len() > 16 {
        return None;
    }
    marker_key(&key(w))
}

/// [`marker`] for a word already turned into its key.
pub(crate) fn marker_key(k: &str) -> Option<Marker> {
    MARKERS.get(k).copied()
}

/// Words that link a marker to its names ("edited *by*", "a cura *di*"),
/// given as a key (see [`key`]).
pub(crate) fn connector_key(k: &str) -> bool {
    CONNECTORS.contains(k)
}

/// Conjunctions that separate persons.
pub(crate) fn is_conjunction(w: &str) -> bool {
    CONJUNCTIONS.contains(w)
}

/// Names that stand for an unknown or collective author.
pub(crate) fn is_anonymous(k: &str) -> bool {
    ANONYMOUS.contains(k)
}

/// Words that mark a corporate author.
pub(crate) fn is_corporate_word(w: &str) -> bool {
    if CORPORATE_ACRONYMS.contains(w) {
        return true;
    }
    if !is_cap(w) {
        return false;
    }
    let k = key(w);
    let k = k.as_ref();
    if CORPORATE_WORDS.contains(k) {
        return true;
    }
    CORPORATE_SUFFIXES
        .iter()
        .any(|s| k.len() > s.len() + 2 && k.ends_with(s))
}

/// Function words that occur in corporate names but not in personal names.
pub(crate) fn is_corporate_function_word(w: &str) -> bool {
    matches!(w, "of" | "for" | "the" | "on" | "für" | "pour")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials() {
        for w in [
            "A.", "A.J.P.", "J.-P.", "Th.", "Chr.", "A.J.P", "J", "Ž.", "A.-M.",
        ] {
            assert!(is_initial(w), "{w}");
        }
        for w in ["Smith", "Th", "AB", "a.", "Jean-Paul", "Chri.", "", "1."] {
            assert!(!is_initial(w), "{w}");
        }
        assert!(is_compact_initials("KJ") && !is_compact_initials("Kj"));
    }

    #[test]
    fn cases() {
        assert!(is_all_caps("SMITH") && is_all_caps("GALLOUEDEC-GENUYS"));
        assert!(!is_all_caps("P.W.") && !is_all_caps("A") && !is_all_caps("Smith"));
        assert!(is_cap("Émile") && is_cap("毛") && !is_cap("von"));
        assert!(is_lower("'t"));
    }

    #[test]
    fn tables() {
        assert!(is_honorific("Sir") && is_honorific("Rev.") && !is_honorific("Smith"));
        assert!(is_suffix("Jr.") && is_suffix("III") && !is_suffix("ii"));
        assert!(is_postnominal("KBE") && is_postnominal("S.J.") && !is_postnominal("Md"));
        assert_eq!(
            marker("(Hrsg.)".trim_matches(['(', ')'])),
            Some(Marker::Strong(Role::Editor))
        );
        assert_eq!(marker("Ed."), Some(Marker::Weak(Role::Editor)));
        assert_eq!(marker("trans."), Some(Marker::Strong(Role::Translator)));
        assert!(is_corporate_word("Office") && is_corporate_word("Bundesamt"));
        assert!(!is_corporate_word("office") && !is_corporate_word("Samt"));
        assert!(ZH_SURNAMES.contains("mao") && JA_SURNAMES.contains("maruyama"));
        assert!(KO_SURNAMES.contains("kim") && CJK_COMPOUND.contains("欧阳"));
        assert!(GIVEN_NAMES.contains("roberto") && !GIVEN_NAMES.contains("romano"));
    }
}
