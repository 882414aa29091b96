//! Typo-tolerant word matching and a word index that finds near words in
//! constant time (symmetric deletion: a word and a query meet on a shared
//! deletion variant).
//!
//! Tolerance: one edit (insertion, deletion, substitution or transposition of
//! neighbours) in words of 5 or more letters, two in words of 9 or more (the
//! longer word counts);
//! shorter words and anything holding a digit must match exactly.

use std::collections::HashMap;

/// Words longer than this are matched exactly (bounds the variant count).
const MAX_FUZZY_LEN: usize = 24;

/// How a word matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordMatch {
    No,
    Fuzzy,
    Exact,
}

/// Edits allowed between two words, given the longer one's length in chars.
pub fn allowed_edits(len: usize) -> usize {
    if len >= 9 {
        2
    } else if len >= 5 {
        1
    } else {
        0
    }
}

/// Compare two folded words.
pub fn match_words(a: &str, b: &str) -> WordMatch {
    if a == b {
        return WordMatch::Exact;
    }
    if a.bytes().any(|c| c.is_ascii_digit()) || b.bytes().any(|c| c.is_ascii_digit()) {
        return WordMatch::No;
    }
    let la = a.chars().count();
    let lb = b.chars().count();
    let k = allowed_edits(la.max(lb));
    if k == 0 || la.abs_diff(lb) > k || la.max(lb) > MAX_FUZZY_LEN + 2 {
        return WordMatch::No;
    }
    if osa_distance_within(a, b, k) {
        WordMatch::Fuzzy
    } else {
        WordMatch::No
    }
}

/// True when the optimal-string-alignment distance of `a` and `b` is at most `k`.
pub fn osa_distance_within(a: &str, b: &str, k: usize) -> bool {
    const N: usize = MAX_FUZZY_LEN + 3;
    let mut ab = ['\0'; N];
    let mut bb = ['\0'; N];
    let (mut n, mut m) = (0, 0);
    for c in a.chars() {
        if n == N {
            return a == b;
        }
        ab[n] = c;
        n += 1;
    }
    for c in b.chars() {
        if m == N {
            return a == b;
        }
        bb[m] = c;
        m += 1;
    }
    let (a, b) = (&ab[..n], &bb[..m]);
    if n.abs_diff(m) > k {
        return false;
    }
    // Three rolling rows: i-2, i-1, i.
    let mut prev2 = [0usize; N + 1];
    let mut prev = [0usize; N + 1];
    let mut cur = [0usize; N + 1];
    for (j, p) in prev.iter_mut().enumerate().take(m + 1) {
        *p = j;
    }
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m] <= k
}

/// A hash of `chars` without the chars at `skip1` and `skip2` (FNV-1a).
fn hash_without(chars: &[char], skip1: usize, skip2: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &c) in chars.iter().enumerate() {
        if i == skip1 || i == skip2 {
            continue;
        }
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Hashes of all strings made by deleting 1 to `depth` chars of `chars`
/// (sorted, without repeats). Hash collisions only add candidates, which
/// are then checked by edit distance.
fn deletion_hashes(chars: &[char], depth: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = chars.len();
    if depth == 0 || !(2..=MAX_FUZZY_LEN).contains(&n) {
        return;
    }
    for i in 0..n {
        out.push(hash_without(chars, i, usize::MAX));
        if depth >= 2 && n > 2 {
            for j in i + 1..n {
                out.push(hash_without(chars, i, j));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// A hasher for keys that already are hashes.
#[derive(Debug, Default, Clone, Copy)]
struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashKeyed<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdentityHasher>>;

/// A map from words to sorted lists of ids (work indices), with typo-tolerant lookup.
#[derive(Debug, Default)]
pub struct FuzzyIndex {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    postings: Vec<Vec<usize>>,
    /// Hash of a whole word → words.
    word_hashes: HashKeyed<Vec<u32>>,
    /// Hash of a deletion variant → words it comes from.
    deletes: HashKeyed<Vec<u32>>,
}

impl FuzzyIndex {
    /// Record that `id` carries `word`.
    pub fn insert(&mut self, word: &str, id: usize) {
        if word.is_empty() {
            return;
        }
        let wid = match self.ids.get(word) {
            Some(&w) => w,
            None => {
                let Ok(w) = u32::try_from(self.words.len()) else {
                    return;
                };
                self.ids.insert(word.to_owned(), w);
                self.words.push(word.to_owned());
                self.postings.push(Vec::new());
                if !word.bytes().any(|c| c.is_ascii_digit()) {
                    let chars: Vec<char> = word.chars().collect();
                    if chars.len() <= MAX_FUZZY_LEN {
                        self.word_hashes
                            .entry(hash_without(&chars, usize::MAX, usize::MAX))
                            .or_default()
                            .push(w);
                        let mut vars = Vec::new();
                        deletion_hashes(&chars, allowed_edits(chars.len()), &mut vars);
                        for v in vars {
                            self.deletes.entry(v).or_default().push(w);
                        }
                    }
                }
                w
            }
        };
        let list = &mut self.postings[wid as usize];
        match list.last() {
            Some(&last) if last == id => {}
            Some(&last) if last < id => list.push(id),
            None => list.push(id),
            _ => {
                if let Err(pos) = list.binary_search(&id) {
                    list.insert(pos, id);
                }
            }
        }
    }

    /// The ids carrying `word` exactly.
    pub fn exact(&self, word: &str) -> &[usize] {
        self.ids
            .get(word)
            .map_or(&[][..], |&w| self.postings[w as usize].as_slice())
    }

    /// The ids carrying a word within typo tolerance of `word` but not `word`
    /// itself (sorted, without repeats).
    pub fn fuzzy(&self, word: &str) -> Vec<usize> {
        let chars: Vec<char> = word.chars().collect();
        let k = allowed_edits(chars.len());
        if k == 0 || chars.len() > MAX_FUZZY_LEN || word.bytes().any(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        let mut wids: Vec<u32> = Vec::new();
        if let Some(list) = self
            .deletes
            .get(&hash_without(&chars, usize::MAX, usize::MAX))
        {
            wids.extend(list);
        }
        let mut vars = Vec::new();
        deletion_hashes(&chars, k, &mut vars);
        for v in &vars {
            if let Some(list) = self.word_hashes.get(v) {
                wids.extend(list);
            }
            if let Some(list) = self.deletes.get(v) {
                wids.extend(list);
            }
        }
        wids.sort_unstable();
        wids.dedup();
        let mut out: Vec<usize> = Vec::new();
        for w in wids {
            let cand = &self.words[w as usize];
            if match_words(word, cand) == WordMatch::Fuzzy {
                out.extend(&self.postings[w as usize]);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Ids carrying `word` exactly or within typo tolerance.
    pub fn lookup_all(&self, word: &str) -> Vec<usize> {
        let mut out = self.exact(word).to_vec();
        out.extend(self.fuzzy(word));
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_depends_on_length() {
        assert_eq!(match_words("origins", "origins"), WordMatch::Exact);
        assert_eq!(match_words("orgins", "origins"), WordMatch::Fuzzy);
        assert_eq!(match_words("oirgins", "origins"), WordMatch::Fuzzy);
        assert_eq!(match_words("war", "was"), WordMatch::No);
        assert_eq!(match_words("diplomacy", "diplomcy"), WordMatch::Fuzzy);
        assert_eq!(match_words("diplomacy", "dplomcy"), WordMatch::Fuzzy);
        assert_eq!(match_words("diplomacy", "dplmcy"), WordMatch::No);
        assert_eq!(match_words("muller", "miller"), WordMatch::Fuzzy);
        assert_eq!(match_words("diplomatic", "dplomatc"), WordMatch::Fuzzy);
        assert_eq!(match_words("1938", "1939"), WordMatch::No);
        assert_eq!(match_words("krieges", "kriegen"), WordMatch::Fuzzy);
        assert_eq!(match_words("storia", "storie"), WordMatch::Fuzzy);
        assert_eq!(match_words("stato", "stati"), WordMatch::Fuzzy);
        assert_eq!(match_words("abcde", "vwxyz"), WordMatch::No);
    }

    #[test]
    fn osa_counts_transpositions_once() {
        assert!(osa_distance_within("ab", "ba", 1));
        assert!(!osa_distance_within("abc", "cab", 1));
        assert!(osa_distance_within("", "", 0));
        assert!(!osa_distance_within("", "abc", 2));
    }

    #[test]
    fn index_finds_near_words() {
        let mut idx = FuzzyIndex::default();
        idx.insert("origins", 0);
        idx.insert("struggle", 1);
        idx.insert("origins", 2);
        idx.insert("diplomatic", 3);
        idx.insert("origins", 1);
        assert_eq!(idx.exact("origins"), &[0, 1, 2]);
        assert_eq!(idx.lookup_all("orgins"), vec![0, 1, 2]);
        assert_eq!(idx.lookup_all("origisn"), vec![0, 1, 2]);
        assert_eq!(idx.lookup_all("dplomatc"), vec![3]);
        assert_eq!(idx.lookup_all("strugle"), vec![1]);
        assert!(idx.lookup_all("war").is_empty());
        assert!(idx.lookup_all("").is_empty());
        assert_eq!(idx.lookup_all("origins"), vec![0, 1, 2]);
    }

    #[test]
    fn deletion_hashes_are_unique_and_match_deleted_strings() {
        let chars: Vec<char> = "aab".chars().collect();
        let mut v = Vec::new();
        deletion_hashes(&chars, 1, &mut v);
        assert_eq!(v.len(), 2); // "ab" and "aa"
        let h = |s: &str| {
            let c: Vec<char> = s.chars().collect();
            hash_without(&c, usize::MAX, usize::MAX)
        };
        assert!(v.contains(&h("ab")) && v.contains(&h("aa")));
        let chars: Vec<char> = "abcdefghi".chars().collect();
        deletion_hashes(&chars, 2, &mut v);
        assert!(v.contains(&h("acdefghi")) && v.contains(&h("acefghi")));
        assert!(!v.contains(&h("abcdefghi")));
        deletion_hashes(&chars, 0, &mut v);
        assert!(v.is_empty());
    }
}
