//! Small text helpers several ibid crates share: reading and writing roman
//! numerals; the words that open a case's subsequent history; letter
//! correspondents; the number that opens an entry of a numbered reference
//! list.
//!
//! The crates differ in what they accept as a numeral (the labeller's
//! features feed a trained model, so their rules must not drift), hence
//! [`RomanRules`] rather than one fixed reading:
//!
//! ```
//! use ibid_model::text::{additive_roman_value, canonical_roman, to_roman, RomanCase, RomanRules};
//! let rules = RomanRules::STANDARD;
//! assert_eq!(canonical_roman("XIV", rules), Some(14));
//! assert_eq!(canonical_roman("xiv", rules), Some(14));
//! assert_eq!(canonical_roman("XiV", rules), None); // mixed case
//! assert_eq!(canonical_roman("IIII", rules), None); // not the usual spelling
//! let any_case = RomanRules { case: RomanCase::Any, ..RomanRules::STANDARD };
//! assert_eq!(canonical_roman("XiV", any_case), Some(14));
//! assert_eq!(additive_roman_value("IIII"), Some(4)); // any spelling
//! assert_eq!(to_roman(1938), "MCMXXXVIII");
//! ```

/// Which letter cases a roman numeral may be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RomanCase {
    /// All upper-case ("XIV") or all lower-case ("xiv"); "XiV" is refused.
    Single,
    /// ASCII case is ignored: "XiV" reads as 14.
    Any,
}

/// What [`canonical_roman`] accepts besides the usual spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RomanRules {
    /// Which letter cases may be mixed.
    pub case: RomanCase,
    /// The longest accepted numeral, in bytes ("MMMDCCCLXXXVIII", 3888, has 15).
    pub max_len: usize,
    /// The largest accepted value. Above 3999 the thousands are written as a
    /// run of "M" ("MMMM" is 4000).
    pub max_value: u32,
    /// Whether the numeral may open with a subtractive pair ("IV", "IX",
    /// "XL", "XLII", "CMX"). Only the segmenter refuses them, to keep the
    /// behaviour of the reading it used before.
    pub subtractive_start: bool,
}

impl RomanRules {
    /// 1 to 3999, in one case, any length those need (up to 15 letters).
    pub const STANDARD: RomanRules = RomanRules {
        case: RomanCase::Single,
        max_len: 15,
        max_value: 3999,
        subtractive_start: true,
    };
}

/// The value of one roman letter, either case.
fn roman_digit(c: u8) -> Option<u32> {
    Some(match c.to_ascii_uppercase() {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        b'C' => 100,
        b'D' => 500,
        b'M' => 1000,
        _ => return None,
    })
}

/// Values and spellings, largest first, from which the usual spelling of a
/// number is built greedily.
const ROMAN_TABLE: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

/// True when `b` is the usual spelling of `n` (ASCII case ignored).
fn spells(b: &[u8], mut n: u32) -> bool {
    let mut pos = 0usize;
    for (val, sym) in ROMAN_TABLE {
        while n >= val {
            for &c in sym.as_bytes() {
                if !b.get(pos).is_some_and(|x| x.eq_ignore_ascii_case(&c)) {
                    return false;
                }
                pos += 1;
            }
            n -= val;
        }
    }
    pos == b.len()
}

/// The value of `s` when it is a roman numeral in its usual spelling ("XIV",
/// "MCMXXXVIII"; not "IIII", "VX", "IC"), of 1 to `rules.max_value`, at most
/// `rules.max_len` bytes long, in the letter case `rules.case` allows and,
/// unless `rules.subtractive_start`, not opening with a subtractive pair.
/// Anything else, including the empty string and any non-ASCII letter, gives
/// `None`.
pub fn canonical_roman(s: &str, rules: RomanRules) -> Option<u32> {
    let b = s.as_bytes();
    let first = *b.first()?;
    if b.len() > rules.max_len {
        return None;
    }
    // Any spelling gets some value here; only the usual spelling survives
    // the check against `spells` below.
    let one_case = (rules.case == RomanCase::Single).then_some(first.is_ascii_uppercase());
    let total = read_right_to_left(b, one_case)?;
    if total == 0 || total > rules.max_value {
        return None;
    }
    if !rules.subtractive_start
        && b.get(1)
            .and_then(|&c| roman_digit(c))
            .is_some_and(|second| roman_digit(first).is_some_and(|v| v < second))
    {
        return None;
    }
    spells(b, total).then_some(total)
}

/// The value of `s` read leniently as a roman numeral, in any spelling and any
/// mix of ASCII case: right to left, each letter is added, except that a
/// letter smaller than the last one added is subtracted ("IIII" = 4, "VX" = 5,
/// "IC" = 99, "LLC" = 0, "" = 0). `None` for any other character, when a
/// subtraction would go below zero ("VVVX"), or on overflow (more than four
/// million letters).
pub fn additive_roman_value(s: &str) -> Option<u32> {
    read_right_to_left(s.as_bytes(), None)
}

/// Right to left, add each letter's value, but subtract a letter smaller than
/// the last one added. With `one_case` = `Some(upper)`, every letter must be
/// upper-case (or, with `false`, not upper-case). `None` for a non-roman
/// byte, a case mismatch, a sum below zero or overflow.
fn read_right_to_left(b: &[u8], one_case: Option<bool>) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for &c in b.iter().rev() {
        if one_case.is_some_and(|upper| c.is_ascii_uppercase() != upper) {
            return None;
        }
        let v = roman_digit(c)?;
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total = total.checked_add(v)?;
            prev = v;
        }
    }
    Some(total)
}

/// The usual upper-case spelling of `n` ("XIV" for 14). Meant for 1 to 3999;
/// 0 gives the empty string and larger numbers a run of "M" for the thousands
/// (one letter per thousand, so keep `n` small).
pub fn to_roman(mut n: u32) -> String {
    let mut s = String::new();
    for (v, r) in ROMAN_TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// True for a word that opens a case's subsequent history after its court
/// and year ("…, 2 F.4th 871 (9th Cir. 2021), vacated, 598 U.S. 617
/// (2023)"): "vacated", "aff'd", "rev'd", "cert.", "overruled", … (a
/// trailing comma and the case are ignored).
pub fn opens_case_history(word: &str) -> bool {
    let w = word.trim_end_matches(',').replace('’', "'").to_lowercase();
    matches!(
        w.as_str(),
        "vacated"
            | "aff'd"
            | "affd"
            | "rev'd"
            | "revd"
            | "cert."
            | "overruled"
            | "abrogated"
            | "modified"
            | "remanded"
            | "superseded"
            | "reh'g"
            | "appeal"
            | "withdrawn"
            | "amended"
    )
}

/// Words that open an archival document's generic description rather than
/// its title ("note du 3 avril", "cabinet minutes", "memorandum by the
/// Foreign Office"), in lower case: one word or two.
pub const DOCUMENT_KINDS: &[&str] = &[
    "cabinet conclusions",
    "cabinet minutes",
    "conclusions",
    "record",
    "aide-mémoire",
    "aide-memoire",
    "protokoll",
    "niederschrift",
    "note",
    "notes",
    "rapport",
    "lettre",
    "letter",
    "memorandum",
    "minute",
    "minutes",
    "telegram",
    "télégramme",
    "dépêche",
    "despatch",
    "dispatch",
    "report",
    "circulaire",
    "procès-verbal",
    "bericht",
    "brief",
    "aufzeichnung",
    "vermerk",
    "schreiben",
    "telegramm",
    "denkschrift",
    "lettera",
    "relazione",
    "dispaccio",
    "supplica",
    "draft",
    "diary",
    "journal",
];

/// How many words of `s` (one or two, split at spaces and commas) name a
/// kind of document ([`DOCUMENT_KINDS`]), when `s` opens with one:
/// "Note du 3 avril" 1, "Cabinet minutes, 14 March" 2, "Notre-Dame" none.
pub fn document_kind_words(s: &str) -> Option<usize> {
    let mut words = s.split([' ', ',']).filter(|w| !w.is_empty());
    let one = words.next()?.to_lowercase();
    if let Some(two) = words.next() {
        let pair = format!("{one} {}", two.to_lowercase());
        if DOCUMENT_KINDS.contains(&pair.as_str()) {
            return Some(2);
        }
    }
    DOCUMENT_KINDS.contains(&one.as_str()).then_some(1)
}

/// Head words of a letter (compared without ASCII case) and the word
/// joining its writer and addressee after them: "Letter from A to B",
/// "Lettera di A a B", "Brief von A an B", "Lettre de A à B".
const LETTER_HEADS: &[(&str, &str)] = &[
    ("letter from ", " to "),
    ("letter of ", " to "),
    ("letters from ", " to "),
    ("lettera di ", " a "),
    ("lettera del ", " al "),
    ("lettre de ", " à "),
    ("lettre du ", " au "),
    ("brief von ", " an "),
    ("brief des ", " an "),
    ("carta de ", " a "),
];

/// The words joining a letter's writer and addressee after its head words
/// ("to", "a", "an", "à" …), for a cheap first test.
pub const LETTER_JOINERS: &[&str] = &["to", "a", "al", "à", "au", "an"];

/// The writer and the addressee of a letter named "From to To": "Phipps to
/// Simon", "Halifax to Henderson", "Sir E. Phipps to Sir J. Simon" (each
/// side up to five words, capitalised but for name particles), also after
/// a head word ("Letter from Churchill to Halifax", "Lettera di Cavour a
/// Nigra", "Brief von Bismarck an Roon").
pub fn correspondents(s: &str) -> Option<(&str, &str)> {
    let s = s.trim().trim_end_matches([',', '.', ';']);
    // (the heads open with "l", "b" or "c")
    let headed = s
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'l' | b'b' | b'c'));
    let (s, joiner) = LETTER_HEADS
        .iter()
        .filter(|_| headed)
        .find_map(|&(head, joiner)| {
            let opening = s.get(..head.len())?;
            opening
                .eq_ignore_ascii_case(head)
                .then(|| (&s[head.len()..], joiner))
        })
        .unwrap_or((s, " to "));
    let (from, to) = s.split_once(joiner)?;
    let namish = |p: &str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 5
            && words.last().is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1
            })
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || matches!(*w, "de" | "von" | "van" | "di" | "du" | "le" | "la")
            })
    };
    (namish(from) && namish(to)).then_some((from.trim(), to.trim()))
}

/// The number that opens an entry of a numbered reference list (`[73] `,
/// `(3) `, `48. `, `13) `): one to `max_digits` digits in brackets or
/// before "." or ")", then (but for brackets) a space, then a reference
/// with letters. Returns the byte range of the number and where the
/// reference starts. Read from the text alone, three digits at most:
/// `[1932] AC 562` and `(1991) 103 A.L.R. 577` open with their year; with a
/// label that says it is no date, four. `[3]Ait Taleb` is glued; `1.5 mm`
/// is no entry number.
///
/// ```
/// use ibid_model::text::list_marker;
/// let t = "[73] C. Rother, Grabcut";
/// assert_eq!(list_marker(t, 3), Some((1..3, 5)));
/// assert_eq!(list_marker("[1932] AC 562", 3), None);
/// ```
pub fn list_marker(text: &str, max_digits: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    let (number_start, close, bracketed) = match t.as_bytes().first()? {
        b'[' => (1, t.find(']')?, true),
        b'(' => (1, t.find(')')?, true),
        _ => (0, t.find(['.', ')']).filter(|&e| e <= max_digits)?, false),
    };
    // "[ 8]": spaces inside the brackets
    let inside = &t[number_start..close];
    let number_start = number_start + (inside.len() - inside.trim_start().len());
    let close = number_start + inside.trim().len();
    let number = &t[number_start..close];
    let digits =
        (1..=max_digits).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    let after = t[close..].trim_start();
    let after = &after[1..];
    let spaced = bracketed || after.starts_with(' ');
    let rest = after.trim_start();
    let ok = digits && spaced && rest.chars().any(char::is_alphabetic);
    ok.then(|| (lead + number_start..lead + close, text.len() - rest.len()))
}

/// True when `word` (lower-cased, without its full stop) marks the volume
/// of a multi-volume work: "vol", "Bd", "t", "tome", "tomo", "Band". The
/// segmenter keeps such a volume in a back-reference's pinpoint ("op. cit.,
/// vol. II, p. 12"), and Chicago reads it back from there.
///
/// ```
/// use ibid_model::text::is_volume_marker;
/// assert!(is_volume_marker("vol") && is_volume_marker("bd"));
/// assert!(!is_volume_marker("p"));
/// ```
pub fn is_volume_marker(word: &str) -> bool {
    matches!(word, "vol" | "bd" | "t" | "tome" | "tomo" | "band")
}

/// True when `word` (lower-cased, without its full stop) stands for "the
/// same author as before": Latin "idem", "id.", "eadem", "iidem", German
/// "ders.", "dies.", "derselbe".
///
/// ```
/// use ibid_model::text::is_same_author_word;
/// assert!(is_same_author_word("ders") && is_same_author_word("idem"));
/// assert!(!is_same_author_word("ibid"));
/// ```
pub fn is_same_author_word(word: &str) -> bool {
    matches!(
        word,
        "idem"
            | "id"
            | "eadem"
            | "eidem"
            | "iidem"
            | "eaedem"
            | "ead"
            | "eid"
            | "iid"
            | "ders"
            | "dies"
            | "dens"
            | "derselbe"
            | "dieselbe"
            | "dieselben"
    )
}

// ---- speeches and diaries ----

/// Words that name a speech (compared without ASCII case).
const SPEECH_HEADS: &[&str] = &[
    "speech",
    "speeches",
    "address",
    "broadcast",
    "lecture",
    "sermon",
    "rede",
    "ansprache",
    "discours",
    "allocution",
    "discorso",
    "discurso",
];

/// Words that name a diary. (Every head word, of a speech or a diary,
/// begins with one of the letters [`occasion_head`] tests first.)
const DIARY_HEADS: &[&str] = &["diary", "diaries", "tagebuch", "tagebücher", "diario"];

/// Every head word of [`occasion_head`] (speeches', then diaries').
pub const OCCASION_HEADS: [&str; 17] = {
    let mut all = [""; 17];
    let mut i = 0;
    while i < SPEECH_HEADS.len() {
        all[i] = SPEECH_HEADS[i];
        i += 1;
    }
    let mut j = 0;
    while j < DIARY_HEADS.len() {
        all[i + j] = DIARY_HEADS[j];
        j += 1;
    }
    all
};

/// What a speech or diary citation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// A speech, address, lecture, sermon or broadcast.
    Speech,
    /// A diary or a diary entry.
    Diary,
}

/// The kind a head word names ("speech", "Rede", "diary", "Tagebücher"),
/// compared without case and with trailing punctuation ignored; no
/// allocation.
///
/// ```
/// use ibid_model::text::{occasion_head, Occasion};
/// assert_eq!(occasion_head("Speech"), Some(Occasion::Speech));
/// assert_eq!(occasion_head("diary,"), Some(Occasion::Diary));
/// assert_eq!(occasion_head("Speaker"), None);
/// ```
pub fn occasion_head(word: &str) -> Option<Occasion> {
    let w = word.trim_end_matches([',', '.', ':', ';']);
    // every head word's first letter (a citation's first words are all
    // looked up: most leave here)
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if !(4..=11).contains(&w.len())
        || !matches!(first, b'a' | b'b' | b'd' | b'l' | b'r' | b's' | b't')
    {
        return None;
    }
    if SPEECH_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h)) {
        Some(Occasion::Speech)
    } else if DIARY_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h)) {
        Some(Occasion::Diary)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::correspondents;

    #[test]
    fn list_markers() {
        let m = |s: &'static str| super::list_marker(s, 3).map(|(n, r)| (&s[n], &s[r..]));
        assert_eq!(
            m("[73] C. Rother, Grabcut"),
            Some(("73", "C. Rother, Grabcut"))
        );
        assert_eq!(m("[3]Ait Taleb K"), Some(("3", "Ait Taleb K")));
        assert_eq!(m("(3) Cap. Fioleri"), Some(("3", "Cap. Fioleri")));
        assert_eq!(m("48. Smith J. Apical"), Some(("48", "Smith J. Apical")));
        assert_eq!(m("13) Smith"), Some(("13", "Smith")));
        assert_eq!(m("[ 8]Romá F"), Some(("8", "Romá F")));
        for s in [
            "2004. Annual report",
            "1.5 mm",
            "[a] Smith",
            "(1991) 103 A.L.R. 577",
            "[1932] AC 562",
            "12",
            "12. ",
            "Smith, 12. Title",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
    }

    #[test]
    fn document_kinds_open_descriptions() {
        assert_eq!(document_kind_words("Note du 3 avril 1936"), Some(1));
        assert_eq!(
            document_kind_words("Cabinet minutes, 14 March 1938"),
            Some(2)
        );
        assert_eq!(document_kind_words("Minutes of the Cabinet"), Some(1));
        assert_eq!(document_kind_words("Notre-Dame de Paris"), None);
        assert_eq!(document_kind_words("Cabinet"), None);
        assert_eq!(document_kind_words(""), None);
    }

    #[test]
    fn letters_name_their_correspondents() {
        assert_eq!(correspondents("Phipps to Simon"), Some(("Phipps", "Simon")));
        assert_eq!(
            correspondents("Sir E. Phipps to Sir J. Simon."),
            Some(("Sir E. Phipps", "Sir J. Simon"))
        );
        assert_eq!(
            correspondents("Letter from Churchill to Halifax"),
            Some(("Churchill", "Halifax"))
        );
        assert_eq!(
            correspondents("Lettera di Cavour a Nigra"),
            Some(("Cavour", "Nigra"))
        );
        assert_eq!(
            correspondents("Brief von Bismarck an Roon"),
            Some(("Bismarck", "Roon"))
        );
        assert_eq!(
            correspondents("Lettre de Mazarin à Le Tellier"),
            Some(("Mazarin", "Le Tellier"))
        );
        // every head's joining word is listed
        for (_, joiner) in LETTER_HEADS {
            assert!(LETTER_JOINERS.contains(&joiner.trim()), "{joiner}");
        }
        // the joining word of another language is no joint
        assert_eq!(correspondents("Cavour a Nigra"), None);
        assert_eq!(correspondents("A Guide to the Sources"), None);
        assert_eq!(correspondents("Letters to friends"), None);
        assert_eq!(
            correspondents("Letter from America to Europe and Asia"),
            None
        );
    }

    use super::*;

    const STANDARD: RomanRules = RomanRules::STANDARD;
    const ANY: RomanRules = RomanRules {
        case: RomanCase::Any,
        ..RomanRules::STANDARD
    };

    #[test]
    fn every_number_round_trips() {
        for n in 1..=3999 {
            let r = to_roman(n);
            assert!(r.len() <= 15, "{r}");
            assert_eq!(canonical_roman(&r, STANDARD), Some(n), "{r}");
            assert_eq!(canonical_roman(&r.to_lowercase(), STANDARD), Some(n));
            assert_eq!(canonical_roman(&r, ANY), Some(n));
            assert_eq!(additive_roman_value(&r), Some(n), "{r}");
            assert_eq!(additive_roman_value(&r.to_lowercase()), Some(n));
        }
        assert_eq!(to_roman(0), "");
        assert_eq!(to_roman(4000), "MMMM");
        assert_eq!(to_roman(1938), "MCMXXXVIII");
    }

    #[test]
    fn canonical_refuses_other_spellings() {
        for r in [
            "IIII", "VX", "IC", "IIV", "XXXX", "DD", "VV", "IL", "MCMC", "CMM",
        ] {
            assert_eq!(canonical_roman(r, STANDARD), None, "{r}");
            assert_eq!(canonical_roman(r, ANY), None, "{r}");
        }
        for r in [
            "",
            "ABC",
            "X I",
            "X.",
            "1",
            "-I",
            "IⅤ",
            "Ⅻ",
            "XIV\u{301}",
            "ıv",
        ] {
            assert_eq!(canonical_roman(r, STANDARD), None, "{r}");
            assert_eq!(canonical_roman(r, ANY), None, "{r}");
        }
    }

    #[test]
    fn case_rules() {
        assert_eq!(canonical_roman("xl", STANDARD), Some(40));
        for r in ["Xi", "xI", "XiV", "mCM"] {
            assert_eq!(canonical_roman(r, STANDARD), None, "{r}");
        }
        assert_eq!(canonical_roman("Xi", ANY), Some(11));
        assert_eq!(canonical_roman("mCmXxXvIiI", ANY), Some(1938));
    }

    #[test]
    fn length_and_value_limits() {
        let short = RomanRules {
            max_len: 8,
            ..STANDARD
        };
        assert_eq!(canonical_roman("MDCCCXXX", short), Some(1830));
        assert_eq!(canonical_roman("MDCCCXXXV", short), None);
        assert_eq!(canonical_roman("MMMDCCCLXXXVIII", STANDARD), Some(3888));
        let twelve = RomanRules {
            max_len: 12,
            ..STANDARD
        };
        assert_eq!(canonical_roman("MMMDCCCLXXXVIII", twelve), None);
        // zero has no spelling, 4000 only under a higher maximum
        assert_eq!(canonical_roman("MMMM", STANDARD), None);
        let to_4000 = RomanRules {
            max_value: 4000,
            ..STANDARD
        };
        assert_eq!(canonical_roman("MMMM", to_4000), Some(4000));
        assert_eq!(canonical_roman("mmmm", to_4000), Some(4000));
        assert_eq!(canonical_roman("MMMMI", to_4000), None);
        // huge input: refused by length, or by value without overflow
        let huge = "M".repeat(5_000_000);
        assert_eq!(canonical_roman(&huge, STANDARD), None);
        let unlimited = RomanRules {
            max_len: usize::MAX,
            max_value: u32::MAX,
            case: RomanCase::Any,
            subtractive_start: true,
        };
        assert_eq!(canonical_roman(&huge, unlimited), None);
    }

    #[test]
    fn subtractive_start_rule() {
        let no_start = RomanRules {
            subtractive_start: false,
            ..STANDARD
        };
        for r in ["IV", "ix", "XL", "XC", "XLII", "CD", "CMXCIX", "xcix"] {
            assert!(canonical_roman(r, STANDARD).is_some(), "{r}");
            assert_eq!(canonical_roman(r, no_start), None, "{r}");
        }
        for (r, n) in [
            ("XIV", 14),
            ("I", 1),
            ("MCM", 1900),
            ("lix", 59),
            ("DCD", 900),
        ] {
            assert_eq!(
                canonical_roman(r, no_start),
                canonical_roman(r, STANDARD),
                "{r}"
            );
            assert_eq!(
                canonical_roman(r, STANDARD),
                (r != "DCD").then_some(n),
                "{r}"
            );
        }
    }

    #[test]
    fn additive_reads_any_spelling() {
        assert_eq!(additive_roman_value("IIII"), Some(4));
        assert_eq!(additive_roman_value("VX"), Some(5));
        assert_eq!(additive_roman_value("IC"), Some(99));
        assert_eq!(additive_roman_value("IIV"), Some(3));
        assert_eq!(additive_roman_value("xIv"), Some(14));
        assert_eq!(additive_roman_value("LLC"), Some(0));
        assert_eq!(additive_roman_value(""), Some(0));
        assert_eq!(additive_roman_value("VVVX"), None);
        assert_eq!(additive_roman_value("XIV."), None);
        assert_eq!(additive_roman_value("Ⅻ"), None);
        assert_eq!(additive_roman_value("é"), None);
        assert_eq!(additive_roman_value(&"M".repeat(5_000_000)), None);
    }
}
