//! The word lists of the segmenter and one hashed table over all of them.
//!
//! The lists live in `data/<name>.txt`, compiled in with `include_str!`: one
//! entry per line, written exactly as the token is matched (inner spaces and
//! trailing "," or ":" included); lines starting with `#` are comments.
//! Each word maps to a set of flags (one per list), so a token needs one
//! lookup, however many lists it is checked against.

use std::sync::OnceLock;

/// Flag of `data/abbrev_exact.txt`.
pub(crate) const F_ABBREV_EXACT: u32 = 1 << 0;
/// Flag of `data/abbrev.txt`.
pub(crate) const F_ABBREV: u32 = 1 << 1;
/// Flag of `data/terminal.txt`.
pub(crate) const F_TERMINAL: u32 = 1 << 2;
/// Flag of `data/ibid.txt`.
pub(crate) const F_IBID: u32 = 1 << 3;
/// Flag of `data/filler.txt`.
pub(crate) const F_FILLER: u32 = 1 << 4;
/// Flag of `data/prose.txt`.
pub(crate) const F_PROSE: u32 = 1 << 5;
/// Flag of `data/opener.txt`.
pub(crate) const F_OPENER: u32 = 1 << 6;
/// Flag of `data/lead_in.txt`.
pub(crate) const F_LEAD_IN: u32 = 1 << 7;
/// Flag of `data/function.txt`.
pub(crate) const F_FUNCTION: u32 = 1 << 8;
/// Flag of `data/citation.txt`.
pub(crate) const F_CITATION: u32 = 1 << 9;
/// Flag of `data/loc_dot.txt`.
pub(crate) const F_LOC_DOT: u32 = 1 << 10;
/// Flag of `data/loc_nodot.txt`.
pub(crate) const F_LOC_NODOT: u32 = 1 << 11;
/// Flag of `data/note.txt`.
pub(crate) const F_NOTE: u32 = 1 << 12;
/// Flag of `data/xref.txt`.
pub(crate) const F_XREF: u32 = 1 << 13;
/// Flag of `data/month.txt`.
pub(crate) const F_MONTH: u32 = 1 << 14;
/// Flag of `data/not_name.txt`.
pub(crate) const F_NOT_NAME: u32 = 1 << 15;
/// Flag of `data/cue.txt`.
pub(crate) const F_CUE: u32 = 1 << 16;
/// Flag of `data/cue_dot.txt`.
pub(crate) const F_CUE_DOT: u32 = 1 << 17;
/// Flag of `data/same_author.txt`.
pub(crate) const F_SAME_AUTHOR: u32 = 1 << 18;
/// Flag of `data/particle.txt`.
pub(crate) const F_PARTICLE: u32 = 1 << 19;

/// A list: its name (the file `data/<name>.txt`), its text and its flag.
macro_rules! list {
    ($name:literal, $flag:expr) => {
        (
            $name,
            include_str!(concat!("../data/", $name, ".txt")),
            $flag,
        )
    };
}

/// Every word list.
const LISTS: [(&str, &str, u32); 20] = [
    list!("abbrev_exact", F_ABBREV_EXACT),
    list!("abbrev", F_ABBREV),
    list!("terminal", F_TERMINAL),
    list!("ibid", F_IBID),
    list!("filler", F_FILLER),
    list!("prose", F_PROSE),
    list!("opener", F_OPENER),
    list!("lead_in", F_LEAD_IN),
    list!("function", F_FUNCTION),
    list!("citation", F_CITATION),
    list!("loc_dot", F_LOC_DOT),
    list!("loc_nodot", F_LOC_NODOT),
    list!("note", F_NOTE),
    list!("xref", F_XREF),
    list!("month", F_MONTH),
    list!("not_name", F_NOT_NAME),
    list!("cue", F_CUE),
    list!("cue_dot", F_CUE_DOT),
    list!("same_author", F_SAME_AUTHOR),
    list!("particle", F_PARTICLE),
];

/// The entries of a list file: its lines but blank and `#` lines.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// FNV-1a: fast for the short keys of the table.
type Table = fnv::FnvHashMap<&'static str, u32>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        for (_, text, flag) in LISTS {
            for w in entries(text) {
                *t.entry(w).or_insert(0) |= flag;
            }
        }
        t
    })
}

/// The flags of `word` (exactly as given).
pub(crate) fn flags(word: &str) -> u32 {
    if word.is_empty() || word.len() > 16 {
        return 0;
    }
    table().get(word).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn lookups() {
        assert_ne!(flags("ibid") & F_IBID, 0);
        assert_ne!(flags("p") & F_LOC_DOT, 0);
        assert_ne!(flags("p") & F_CITATION, 0);
        assert_ne!(flags("et al") & F_CITATION, 0);
        assert_ne!(flags("In:") & F_LEAD_IN, 0);
        assert_eq!(flags("Taylor"), 0);
        assert_eq!(flags(""), 0);
    }

    /// Every list file loads and holds clean entries: no blank line, no
    /// repeat, no surrounding whitespace, none too long for [`flags`].
    #[test]
    fn data_files() {
        let mut flags_seen = 0;
        for (name, text, flag) in LISTS {
            assert_eq!(flags_seen & flag, 0, "{name}: flag used twice");
            flags_seen |= flag;
            let mut seen = HashSet::new();
            let lines = text.lines().filter(|l| !l.starts_with('#'));
            for (i, line) in lines.enumerate() {
                assert!(!line.is_empty(), "{name}: empty entry {i}");
                assert_eq!(line, line.trim(), "{name}: whitespace around {line:?}");
                assert!(line.len() <= 16, "{name}: {line:?} longer than 16 bytes");
                assert!(seen.insert(line), "{name}: {line:?} repeated");
            }
            assert_eq!(entries(text).count(), seen.len(), "{name}");
            assert!(!seen.is_empty(), "{name}: no entries");
            assert!(
                entries(text).all(|w| flags(w) & flag != 0),
                "{name}: entry missing from the table"
            );
        }
        for name in ["abbrev", "function", "citation", "prose"] {
            let (_, text, _) = LISTS
                .iter()
                .find(|l| l.0 == name)
                .copied()
                .expect("a listed file");
            let words: Vec<_> = entries(text).collect();
            assert!(words.windows(2).all(|w| w[0] < w[1]), "{name} sorted");
        }
        // Every file in data/ is one of the lists.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("data/ readable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut listed: Vec<String> = LISTS.iter().map(|l| format!("{}.txt", l.0)).collect();
        listed.sort();
        assert_eq!(files, listed);
    }
}
