//! The word lists of `data/`, compiled in with `include_str!` and loaded
//! once, on first use, into hashed sets.
//!
//! Three formats: one entry a line (inner spaces kept: "autori vari");
//! several words a line; and several words a line in `[name]` sections.
//! Lines starting with `#` are comments. Lists of keys (see
//! [`super::key`]) are in lower case without trailing periods or colons;
//! the others hold words exactly as they must be written.

use std::sync::LazyLock;

#[cfg(test)]
use super::key;
use super::{Marker, Role};

/// A set of words with the FNV hash.
/// FNV-1a: a fast hash for the fixed word lists (no untrusted insertions).
pub(crate) type WordSet<T> = fnv::FnvHashSet<T>;

/// The words of a list file holding several words a line (`#` and `[`
/// lines skipped).
fn load_set(data: &'static str) -> WordSet<&'static str> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with('['))
        .flat_map(str::split_whitespace)
        .collect()
}

fn load_section(data: &'static str, section: &str) -> WordSet<&'static str> {
    let mut on = false;
    let mut set = WordSet::default();
    for line in data.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[') {
            on = name.trim_end_matches(']') == section;
            continue;
        }
        if on {
            set.extend(line.split_whitespace());
        }
    }
    set
}

/// The entries of a list file holding one entry a line, inner spaces
/// included (blank and `#` lines skipped).
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// One-entry-a-line lists of `data/`, loaded on first use: `<name>.txt`
/// says what each holds, as keys (see [`super::key`]) or as written.
macro_rules! line_lists {
    ($($set:ident = $file:literal;)*) => {$(
        pub(super) static $set: LazyLock<WordSet<&'static str>> =
            LazyLock::new(|| {
                entries(include_str!(concat!("../../../data/", $file, ".txt"))).collect()
            });
    )*};
}

/// Lower-case name particles (`ibid_model::particles`).
pub(super) static PARTICLES: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| ibid_model::particles::particles().collect());

line_lists! {
    CAP_PARTICLES = "cap_particles";
    HONORIFICS = "honorifics";
    POSTNOMINALS = "postnominals";
    CONNECTORS = "connectors";
    CONJUNCTIONS = "conjunctions";
    ANONYMOUS = "anonymous";
    CORPORATE_ACRONYMS = "corporate_acronyms";
    CORPORATE_WORDS = "corporate_words";
}

/// Endings of German compounds naming a corporate author ("Bundesamt").
pub(super) static CORPORATE_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../../data/corporate_suffixes.txt")).collect());

const MARKER_DATA: &str = include_str!("../../../data/markers.txt");

/// Role markers by the section of `data/markers.txt` they are listed in.
pub(super) static MARKERS: LazyLock<fnv::FnvHashMap<&'static str, Marker>> = LazyLock::new(|| {
    use Marker::*;
    use Role::*;
    let sections = [
        ("strong editor", Strong(Editor)),
        ("weak editor", Weak(Editor)),
        ("strong translator", Strong(Translator)),
        ("weak translator", Weak(Translator)),
        ("weak other", Weak(Other)),
        ("in", In),
    ];
    let words = |(name, m)| {
        load_section(MARKER_DATA, name)
            .into_iter()
            .map(move |w| (w, m))
    };
    sections.into_iter().flat_map(words).collect()
});

const EAST_ASIAN: &str = include_str!("../../../data/east_asian_surnames.txt");

/// Chinese family names in Latin transcription.
pub(crate) static ZH_SURNAMES: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| load_section(EAST_ASIAN, "zh"));
/// Japanese family names in Latin transcription.
pub(crate) static JA_SURNAMES: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| load_section(EAST_ASIAN, "ja"));
/// Korean family names in Latin transcription.
pub(crate) static KO_SURNAMES: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| load_section(EAST_ASIAN, "ko"));
/// Two-character CJK-script family names.
pub(crate) static CJK_COMPOUND: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| load_set(include_str!("../../../data/cjk_compound_surnames.txt")));
/// Frequent given names that are rarely family names.
pub(crate) static GIVEN_NAMES: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| load_set(include_str!("../../../data/given_names.txt")));
/// Frequent Spanish family names, the first of a double family name.
pub(crate) static SPANISH_SURNAMES: LazyLock<WordSet<&'static str>> =
    LazyLock::new(|| load_set(include_str!("../../../data/spanish_surnames.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `data/` loads and holds clean entries: none empty,
    /// repeated, with surrounding whitespace or (in lists of keys) not a key.
    #[test]
    fn data_files() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let suffixes: WordSet<&str> = CORPORATE_SUFFIXES.iter().copied().collect();
        let markers: WordSet<&str> = MARKERS.keys().copied().collect();
        // File, its sets (one a section), keys?, one entry a line?
        let files: [(&str, &[&WordSet<&str>], bool, bool); 14] = [
            ("cap_particles.txt", &[&CAP_PARTICLES], false, true),
            ("honorifics.txt", &[&HONORIFICS], true, true),
            ("postnominals.txt", &[&POSTNOMINALS], true, true),
            ("connectors.txt", &[&CONNECTORS], true, true),
            ("conjunctions.txt", &[&CONJUNCTIONS], false, true),
            ("anonymous.txt", &[&ANONYMOUS], true, true),
            (
                "corporate_acronyms.txt",
                &[&CORPORATE_ACRONYMS],
                false,
                true,
            ),
            ("corporate_words.txt", &[&CORPORATE_WORDS], true, true),
            ("corporate_suffixes.txt", &[&suffixes], true, true),
            ("markers.txt", &[&markers], true, false),
            ("given_names.txt", &[&GIVEN_NAMES], true, false),
            ("spanish_surnames.txt", &[&SPANISH_SURNAMES], true, false),
            ("cjk_compound_surnames.txt", &[&CJK_COMPOUND], true, false),
            (
                "east_asian_surnames.txt",
                &[&ZH_SURNAMES, &JA_SURNAMES, &KO_SURNAMES],
                true,
                false,
            ),
        ];
        for (name, sets, keyed, one_a_line) in files {
            let text = std::fs::read_to_string(dir.join(name)).expect("readable");
            let lines = text.lines().filter(|l| !l.starts_with('#'));
            let entries: Vec<&str> = if one_a_line {
                lines.collect()
            } else {
                let words = lines.filter(|l| !l.starts_with('['));
                words.flat_map(str::split_whitespace).collect()
            };
            assert!(!entries.is_empty(), "{name}: no entries");
            for &e in &entries {
                assert!(!e.is_empty() && e == e.trim(), "{name}: entry {e:?}");
                assert!(!keyed || key(e) == e, "{name}: {e:?} is not a key");
                assert!(
                    sets.iter().any(|s| s.contains(e)),
                    "{name}: {e:?} not loaded"
                );
            }
            let loaded: usize = sets.iter().map(|s| s.len()).sum();
            assert_eq!(entries.len(), loaded, "{name}: repeated entries");
        }
        let mut found: Vec<String> = std::fs::read_dir(&dir)
            .expect("data/ readable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        found.sort();
        let mut listed: Vec<&str> = files.iter().map(|f| f.0).collect();
        listed.sort();
        assert_eq!(found, listed);
    }
}
