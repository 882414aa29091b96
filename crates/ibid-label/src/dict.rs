//! Word lists (embedded from `data/*.txt`) as one map from a lower-cased
//! word's hash to a bit set of classes.

use ibid_crf::AttrHasher;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub const GIVEN: u32 = 1 << 0;
pub const MONTH: u32 = 1 << 1;
pub const PLACE: u32 = 1 << 2;
pub const PUBLISHER: u32 = 1 << 3;
pub const JOURNAL: u32 = 1 << 4;
pub const PAGE: u32 = 1 << 5;
pub const VOLUME: u32 = 1 << 6;
pub const ISSUE: u32 = 1 << 7;
pub const EDITOR: u32 = 1 << 8;
pub const EDITION: u32 = 1 << 9;
pub const TRANSLATOR: u32 = 1 << 10;
pub const IN: u32 = 1 << 11;
pub const CONJ: u32 = 1 << 12;
pub const IBID: u32 = 1 << 13;
pub const GENRE: u32 = 1 << 14;
pub const ARCHIVE: u32 = 1 << 15;
pub const LAWREPORT: u32 = 1 << 16;
pub const PARTICLE: u32 = 1 << 17;
pub const STOP: u32 = 1 << 18;
/// A period after the word ends an abbreviation.
pub const ABBREV: u32 = 1 << 19;
pub const NUM_CLASSES: u32 = 20;
/// A country, state or province ("Canada", "California", "Veneto"): above
/// [`NUM_CLASSES`], so no model feature reads it; the imprint rules do.
pub const REGION: u32 = 1 << 20;
/// An abbreviation whose period the span edges keep ("Cir.", "Supp."),
/// read by the edge normaliser beside [`ABBREV`]; above [`NUM_CLASSES`], so
/// the model's features are as trained.
pub const SPAN_ABBREV: u32 = 1 << 21;
/// A place of publication the imprint rules know beside [`PLACE`]
/// (`places-imprint.txt`: "Treviso", "Lucca", "Göttingen"); above
/// [`NUM_CLASSES`], so the model's features are as trained.
pub const PLACE_IMPRINT: u32 = 1 << 22;
/// A known place of publication for the rules after tagging: the model's
/// places and the imprint rules' own.
pub const ANY_PLACE: u32 = PLACE | PLACE_IMPRINT;

/// Tag of the lower-cased-word hash (shared with the features).
pub(crate) const TAG_LOWER: u64 = 1;

/// The hash of a word, lower-cased.
#[inline(always)]
pub(crate) fn lower_hash(word: &str) -> u64 {
    let mut h = AttrHasher::new(TAG_LOWER);
    for c in word.chars() {
        if c.is_ascii() {
            h.write_char(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                h.write_char(l);
            }
        }
    }
    h.finish()
}

#[derive(Default)]
struct Identity(u64);
impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

/// Word classes by lower-cased word.
#[derive(Debug, Default, Clone)]
pub struct Dict {
    map: HashMap<u64, u32, BuildHasherDefault<Identity>>,
}

const FILES: [(&str, u32); 12] = [
    (include_str!("../data/span-abbreviations.txt"), SPAN_ABBREV),
    (include_str!("../data/places-imprint.txt"), PLACE_IMPRINT),
    (include_str!("../data/regions.txt"), REGION),
    (include_str!("../data/given-names.txt"), GIVEN),
    (include_str!("../data/months.txt"), MONTH),
    (include_str!("../data/places.txt"), PLACE),
    (include_str!("../data/places-data.txt"), PLACE),
    (include_str!("../data/publisher-words.txt"), PUBLISHER),
    (include_str!("../data/journal-words.txt"), JOURNAL),
    (include_str!("../data/journal-abbrev.txt"), JOURNAL | ABBREV),
    (include_str!("../data/markers.txt"), 0),
    (include_str!("../data/abbreviations.txt"), ABBREV),
];

fn class_of(name: &str) -> u32 {
    match name {
        "page" => PAGE | ABBREV,
        "volume" => VOLUME | ABBREV,
        "issue" => ISSUE | ABBREV,
        "editor" => EDITOR | ABBREV,
        "edition" => EDITION | ABBREV,
        "translator" => TRANSLATOR | ABBREV,
        "in" => IN,
        "conj" => CONJ,
        "ibid" => IBID | ABBREV,
        "genre" => GENRE,
        "archive" => ARCHIVE | ABBREV,
        "lawreport" => LAWREPORT,
        "particle" => PARTICLE,
        "title-stop" => STOP,
        _ => 0,
    }
}

impl Dict {
    /// The embedded word lists.
    pub fn embedded() -> &'static Dict {
        static D: OnceLock<Dict> = OnceLock::new();
        D.get_or_init(|| {
            let mut d = Dict::default();
            for (text, class) in FILES {
                d.add_list(text, class);
            }
            d
        })
    }

    /// Adds a word list: whitespace-separated words, `#` comments; with
    /// `class == 0` each line starts with `name:` giving its class.
    pub fn add_list(&mut self, text: &str, class: u32) {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let (class, words) = if class == 0 {
                match line.split_once(':') {
                    Some((name, rest)) => (class_of(name.trim()), rest),
                    None => continue,
                }
            } else {
                (class, line)
            };
            for w in words.split_whitespace() {
                *self.map.entry(lower_hash(w)).or_insert(0) |= class;
            }
        }
    }

    /// The classes of a word (any case).
    pub fn flags_of(&self, word: &str) -> u32 {
        self.flags(lower_hash(word))
    }

    /// The classes of a word by its [`lower_hash`].
    #[inline]
    pub(crate) fn flags(&self, hash: u64) -> u32 {
        self.map.get(&hash).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded() {
        let d = Dict::embedded();
        assert!(d.flags_of("Januar") & MONTH != 0);
        assert!(d.flags_of("pp") & PAGE != 0);
        assert!(d.flags_of("Busta") & ARCHIVE != 0);
        assert!(d.flags_of("London") & PLACE != 0);
        assert!(d.flags_of("WLR") & LAWREPORT != 0);
        assert!(d.flags_of("eds") & ABBREV != 0);
        assert_eq!(d.flags_of("zzzqx"), 0);
        assert_eq!(lower_hash("ÉCOLE"), lower_hash("école"));
    }
}
