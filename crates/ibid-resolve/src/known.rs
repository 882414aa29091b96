//! Well-known abbreviations that need no definition in the notes (FRUS, DBFP,
//! TNA, FO, H.C. Deb., UNTS, AC, BGHZ …), read from `data/abbreviations.tsv`.

use crate::fold::{abbr_key, fold};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a well-known abbreviation denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnownKind {
    /// An archive ("TNA", "BArch").
    Archive,
    /// A record series of an archive whose code is part of the reference ("FO 371/18851").
    ArchiveSeries,
    /// A published document series ("FRUS", "DBFP").
    Series,
    /// Parliamentary debates ("H.C. Deb.").
    Parliamentary,
    /// Command papers ("Cmd. 5847").
    CommandPaper,
    /// A treaty series ("UNTS").
    TreatySeries,
    /// A law report ("AC", "BGHZ").
    LawReport,
    /// A journal ("AJIL").
    Journal,
}

impl KnownKind {
    fn parse(s: &str) -> Option<KnownKind> {
        Some(match s {
            "archive" => KnownKind::Archive,
            "archive-series" => KnownKind::ArchiveSeries,
            "series" => KnownKind::Series,
            "parliamentary" => KnownKind::Parliamentary,
            "command-paper" => KnownKind::CommandPaper,
            "treaty-series" => KnownKind::TreatySeries,
            "law-report" => KnownKind::LawReport,
            "journal" => KnownKind::Journal,
            _ => return None,
        })
    }

    /// The table spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            KnownKind::Archive => "archive",
            KnownKind::ArchiveSeries => "archive-series",
            KnownKind::Series => "series",
            KnownKind::Parliamentary => "parliamentary",
            KnownKind::CommandPaper => "command-paper",
            KnownKind::TreatySeries => "treaty-series",
            KnownKind::LawReport => "law-report",
            KnownKind::Journal => "journal",
        }
    }

    /// True for kinds whose references name an archive file.
    pub fn is_archival(self) -> bool {
        matches!(self, KnownKind::Archive | KnownKind::ArchiveSeries)
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownAbbreviation {
    pub canonical: &'static str,
    pub kind: KnownKind,
    /// For archive series: the archive; for renamed archives: the new name.
    pub parent: Option<&'static str>,
    pub variants: Vec<&'static str>,
    pub expansion: &'static str,
}

impl KnownAbbreviation {
    /// The canonical archive this row belongs to ("PRO" and "FO" → "TNA").
    pub fn archive_canonical(&self) -> &'static str {
        self.parent.unwrap_or(self.canonical)
    }
}

/// The table of well-known abbreviations.
#[derive(Debug)]
pub struct KnownTable {
    entries: Vec<KnownAbbreviation>,
    exact: HashMap<String, usize>,
    lower: HashMap<String, usize>,
    expansions: HashMap<String, usize>,
    /// Keys of the first token of every spelling ("D" of "D.G.F.P.", "FRUS"),
    /// to rule out most texts with one lookup.
    first_tokens: std::collections::HashSet<String>,
}

const DATA: &str = include_str!("../data/abbreviations.tsv");

/// The shipped table (parsed once).
pub fn table() -> &'static KnownTable {
    static TABLE: OnceLock<KnownTable> = OnceLock::new();
    TABLE.get_or_init(|| KnownTable::parse(DATA))
}

impl KnownTable {
    /// Parse the tab-separated table; malformed lines are skipped.
    pub fn parse(data: &'static str) -> KnownTable {
        let mut t = KnownTable {
            entries: Vec::new(),
            exact: HashMap::new(),
            lower: HashMap::new(),
            expansions: HashMap::new(),
            first_tokens: std::collections::HashSet::new(),
        };
        for line in data.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [canonical, kind, parent, variants, expansion] = cols[..] else {
                continue;
            };
            let Some(kind) = KnownKind::parse(kind) else {
                continue;
            };
            let opt = |s: &'static str| (s != "-" && !s.is_empty()).then_some(s);
            let entry = KnownAbbreviation {
                canonical,
                kind,
                parent: opt(parent),
                variants: opt(variants)
                    .map(|v| v.split('|').collect())
                    .unwrap_or_default(),
                expansion,
            };
            let idx = t.entries.len();
            for spelling in std::iter::once(canonical).chain(entry.variants.iter().copied()) {
                let key = abbr_key(spelling);
                if key.is_empty() {
                    continue;
                }
                let first: String = spelling
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty())
                    .unwrap_or("")
                    .to_owned();
                t.first_tokens.insert(first.to_lowercase());
                t.exact.entry(key.clone()).or_insert(idx);
                if key.chars().count() > 3 {
                    t.lower.entry(key.to_lowercase()).or_insert(idx);
                }
            }
            let folded = fold(expansion);
            t.expansions.entry(folded.clone()).or_insert(idx);
            if let Some(head) = folded.split([',', '(']).next() {
                t.expansions.entry(head.trim().to_owned()).or_insert(idx);
            }
            t.entries.push(entry);
        }
        t
    }

    /// True when some spelling starts with this token (case-insensitive).
    pub fn may_start_with(&self, token: &str) -> bool {
        self.first_tokens.contains(&token.to_lowercase())
    }

    /// All rows.
    pub fn entries(&self) -> &[KnownAbbreviation] {
        &self.entries
    }

    /// The row whose spelling is `raw` ("D.G.F.P.", "H.C. Deb.", "frus").
    pub fn lookup(&self, raw: &str) -> Option<&KnownAbbreviation> {
        let key = abbr_key(raw);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.exact.get(&key) {
            return self.entries.get(i);
        }
        if key.chars().count() > 3 {
            if let Some(&i) = self.lower.get(&key.to_lowercase()) {
                return self.entries.get(i);
            }
        }
        None
    }

    /// The row with this canonical spelling.
    pub fn by_canonical(&self, canonical: &str) -> Option<&KnownAbbreviation> {
        self.entries.iter().find(|e| e.canonical == canonical)
    }

    /// The full name of an archive written as its abbreviation ("AN" →
    /// "Archives nationales, Paris", "PRO" → "Public Record Office (now The
    /// National Archives), Kew"); `None` for anything else.
    pub fn archive_full_name(&self, archive: &str) -> Option<&'static str> {
        self.lookup(archive)
            .filter(|row| row.kind == KnownKind::Archive)
            .map(|row| row.expansion)
    }

    /// The full name of the archive that holds a file of a well-known record
    /// series, from its shelfmark ("FO 371/19892", "CAB 23/83" → "The
    /// National Archives, Kew"); `None` when the shelfmark opens with no
    /// series code followed by its piece.
    pub fn archive_of_series_file(&self, shelfmark: &str) -> Option<&'static str> {
        let code = shelfmark.split_whitespace().next()?;
        let row = self
            .lookup(code)
            .filter(|row| row.kind == KnownKind::ArchiveSeries)?;
        if abbr_key(code) != abbr_key(row.canonical) {
            return None;
        }
        crate::query::series_piece_end(shelfmark.trim_start())?;
        self.by_canonical(row.archive_canonical())
            .map(|a| a.expansion)
    }

    /// The canonical archive named by an `archive` field, by abbreviation or by
    /// its full name ("PRO", "The National Archives" → "TNA").
    pub fn archive_canonical(&self, archive: &str) -> Option<&'static str> {
        let row = self.lookup(archive).or_else(|| {
            let f = fold(archive.trim().trim_end_matches(['.', ',']));
            self.expansions
                .get(&f)
                .or_else(|| {
                    f.split([',', '('])
                        .next()
                        .and_then(|h| self.expansions.get(h.trim()))
                })
                .and_then(|&i| self.entries.get(i))
        })?;
        row.kind.is_archival().then(|| row.archive_canonical())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_parses() {
        let rows = DATA
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(table().entries().len(), rows);
        assert!(rows > 100);
        for e in table().entries() {
            assert!(
                !e.expansion.is_empty() && e.expansion != "-",
                "{}",
                e.canonical
            );
            if e.kind == KnownKind::ArchiveSeries {
                let parent = e.parent.and_then(|p| table().by_canonical(p));
                assert_eq!(parent.map(|p| p.kind), Some(KnownKind::Archive));
            }
        }
    }

    #[test]
    fn archive_abbreviations_spell_out() {
        let t = table();
        assert_eq!(
            t.archive_full_name("AN"),
            Some("Archives nationales, Paris")
        );
        assert_eq!(
            t.archive_full_name("T.N.A."),
            Some("The National Archives, Kew")
        );
        // renamed: the name it was cited by, with the archive it is now
        assert_eq!(
            t.archive_full_name("PRO"),
            Some("Public Record Office (now The National Archives), Kew")
        );
        // a series, a journal, a full name or a word are no archive abbreviations
        for a in ["FO", "AJIL", "Archives nationales", "An"] {
            assert_eq!(t.archive_full_name(a), None, "{a}");
        }
        assert_eq!(
            t.archive_of_series_file("FO 371/19892, C 1934/4/18"),
            Some("The National Archives, Kew")
        );
        assert_eq!(
            t.archive_of_series_file("CAB 23/83"),
            Some("The National Archives, Kew")
        );
        for loc in ["FO", "Fo 371/1", "F7 13984", "7 N 2345"] {
            assert_eq!(t.archive_of_series_file(loc), None, "{loc}");
        }
    }

    #[test]
    fn lookups_ignore_dots_and_respect_case_of_short_keys() {
        let t = table();
        assert_eq!(t.lookup("D.G.F.P.").map(|e| e.canonical), Some("DGFP"));
        assert_eq!(
            t.lookup("H.C. Deb.").map(|e| e.kind),
            Some(KnownKind::Parliamentary)
        );
        assert_eq!(t.lookup("frus").map(|e| e.canonical), Some("FRUS"));
        assert_eq!(t.lookup("AN").map(|e| e.kind), Some(KnownKind::Archive));
        assert!(t.lookup("An").is_none());
        assert_eq!(
            t.lookup("All ER").map(|e| e.kind),
            Some(KnownKind::LawReport)
        );
        assert_eq!(
            t.lookup("BVerfGE").map(|e| e.kind),
            Some(KnownKind::LawReport)
        );
        assert!(t.lookup("").is_none());
    }

    #[test]
    fn archives_resolve_to_their_canonical_name() {
        let t = table();
        assert_eq!(t.archive_canonical("PRO"), Some("TNA"));
        assert_eq!(t.archive_canonical("The National Archives"), Some("TNA"));
        assert_eq!(
            t.archive_canonical("The National Archives, Kew"),
            Some("TNA")
        );
        assert_eq!(t.archive_canonical("FO"), Some("TNA"));
        assert_eq!(t.archive_canonical("Bundesarchiv"), Some("BArch"));
        assert_eq!(t.archive_canonical("FRUS"), None);
        assert_eq!(t.archive_canonical("Some Family Papers"), None);
    }
}
