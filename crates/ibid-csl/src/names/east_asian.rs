//! East Asian names written family name first: CJK script ("毛泽东",
//! "丸山眞男", "김대중") and Latin transcriptions ("Mao Zedong",
//! "Maruyama Masao", "Kim Dae-jung").

use super::words::{WordSet, CJK_COMPOUND, JA_SURNAMES, KO_SURNAMES, ZH_SURNAMES};
use crate::text::is_cjk;
use std::sync::LazyLock;

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF)
}

fn is_interpunct(c: char) -> bool {
    matches!(c, '·' | '・' | '•' | '‧' | '･')
}

/// True when the word is written in a CJK script (interpuncts allowed).
pub(crate) fn is_cjk_word(w: &str) -> bool {
    let mut any = false;
    for c in w.chars() {
        if is_cjk(c) {
            any = true;
        } else if !is_interpunct(c) {
            return false;
        }
    }
    any
}

/// Splits a CJK-script name written without a space into (family, given).
///
/// A transcribed Western name with an interpunct ("卡尔·马克思") is given name
/// first. Returns `None` when the split is not clear (five or more Han
/// characters, an odd mix of scripts).
pub(crate) fn split_cjk(w: &str) -> Option<(&str, &str)> {
    if let Some(pos) = w.rfind(is_interpunct) {
        let dot = w[pos..].chars().next().map_or(1, char::len_utf8);
        let (given, family) = (&w[..pos], &w[pos + dot..]);
        if given.is_empty() || family.is_empty() {
            return None;
        }
        return Some((family, given));
    }
    let n = w.chars().count();
    let byte_at = |k: usize| w.char_indices().nth(k).map_or(w.len(), |(i, _)| i);
    let compound = n >= 3 && CJK_COMPOUND.contains(&w[..byte_at(2)]);
    if w.chars().all(is_hangul) {
        if !(2..=5).contains(&n) {
            return None;
        }
        let cut = byte_at(if compound { 2 } else { 1 });
        return Some((&w[..cut], &w[cut..]));
    }
    if w.chars().any(is_kana) {
        // Han family name followed by a given name in kana (or mixed).
        let han = w.chars().take_while(|c| is_cjk(*c) && !is_kana(*c)).count();
        if (1..=3).contains(&han) && han < n {
            let cut = byte_at(han);
            return Some((&w[..cut], &w[cut..]));
        }
        return None;
    }
    let cut = match n {
        2 => 1,
        3 => {
            if compound {
                2
            } else {
                1
            }
        }
        4 => 2,
        _ => return None,
    };
    let cut = byte_at(cut);
    Some((&w[..cut], &w[cut..]))
}

/// Folds a transcribed word to lower-case ASCII (tone marks, macrons and
/// breves removed); `None` when other letters remain.
fn fold(w: &str) -> Option<String> {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        let c = c.to_lowercase().next().unwrap_or(c);
        let m = match c {
            'a'..='z' | '-' => c,
            '\'' | '’' => continue,
            'ā' | 'á' | 'ǎ' | 'à' | 'â' => 'a',
            'ē' | 'é' | 'ě' | 'è' | 'ê' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' | 'î' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' | 'ô' | 'ŏ' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' | 'û' | 'ŭ' => 'u',
            'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
            _ => return None,
        };
        out.push(m);
    }
    Some(out)
}

fn cross(initials: &[&str], finals: &[&str], codas: &[&str]) -> WordSet<String> {
    let mut set = WordSet::default();
    for i in initials {
        for f in finals {
            for c in codas {
                set.insert(format!("{i}{f}{c}"));
            }
        }
    }
    set
}

/// Pinyin and Wade-Giles syllables (over-generated: initial × final).
static PINYIN: LazyLock<WordSet<String>> = LazyLock::new(|| {
    cross(
        &[
            "", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch",
            "sh", "r", "z", "c", "s", "y", "w", "hs", "ts", "tz",
        ],
        &[
            "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong",
            "er", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai",
            "ui", "uan", "un", "uang", "ueng", "ue", "ve", "van", "vn", "ih", "ieh", "eh", "uei",
            "ung", "iung", "ien", "uen", "ueh", "iao", "ieu", "ek", "ok", "ik", "uk", "at", "ap",
            "am", "im", "um", "it", "ut", "oi", "oy", "ew", "ow", "ee", "oo", "eung", "oon",
        ],
        &[""],
    )
});

/// Japanese morae in Hepburn transcription (over-generated).
static KANA: LazyLock<WordSet<String>> = LazyLock::new(|| {
    let mut set = cross(
        &[
            "", "k", "s", "t", "n", "h", "m", "y", "r", "w", "g", "z", "d", "b", "p", "sh", "ch",
            "ts", "f", "j", "ky", "gy", "ny", "hy", "my", "ry", "by", "py",
        ],
        &["a", "i", "u", "e", "o"],
        &[""],
    );
    set.insert("n".to_string());
    set
});

/// Korean syllables in Revised Romanization and McCune-Reischauer (over-generated).
static HANGUL: LazyLock<WordSet<String>> = LazyLock::new(|| {
    cross(
        &[
            "", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss", "j",
            "jj", "ch", "h", "sh",
        ],
        &[
            "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
            "wo", "we", "wi", "yu", "eu", "ui", "i", "oo", "ee", "ou", "ai", "eui", "you",
        ],
        &["", "k", "n", "t", "l", "m", "p", "ng", "g", "b"],
    )
});

/// Bit set of the syllable counts (1..=15) into which `w` can be cut.
fn syllable_counts(w: &str, syllables: &WordSet<String>, geminate: bool) -> u16 {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 24 {
        return 0;
    }
    // reach[i] = counts with which b[..i] can be segmented
    let mut reach = [0u16; 25];
    reach[0] = 1;
    for i in 0..b.len() {
        if reach[i] == 0 {
            continue;
        }
        let next = reach[i] << 1;
        if geminate
            && i + 1 < b.len()
            && b[i] == b[i + 1]
            && matches!(b[i], b'k' | b's' | b't' | b'p')
        {
            reach[i + 1] |= next;
        }
        if geminate && i + 2 < b.len() && &b[i..i + 3] == b"tch" {
            reach[i + 1] |= next;
        }
        for len in 1..=6 {
            if i + len > b.len() {
                break;
            }
            let Ok(piece) = std::str::from_utf8(&b[i..i + len]) else {
                continue;
            };
            if syllables.contains(piece) {
                reach[i + len] |= next;
            }
        }
    }
    reach[b.len()]
}

/// Syllable counts for a (possibly hyphenated) word: the parts' counts added.
fn word_counts(w: &str, syllables: &WordSet<String>, geminate: bool) -> Option<u32> {
    let mut total = 0;
    for part in w.split('-') {
        let mask = syllable_counts(part, syllables, geminate);
        if mask == 0 {
            return None;
        }
        total += mask.trailing_zeros();
    }
    Some(total)
}

/// True for a capitalised word whose other letters are lower case ("Zedong",
/// "Dae-jung", "Dae-Jung").
fn looks_transcribed(w: &str) -> bool {
    let mut chars = w.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let mut prev_hyphen = false;
    first_upper
        && chars.all(|c| {
            let ok = c.is_lowercase()
                || c == '-'
                || c == '\''
                || c == '’'
                || (prev_hyphen && c.is_uppercase());
            prev_hyphen = c == '-';
            ok
        })
}

/// True when a comma-less Latin name is an East Asian name written family
/// name first: a known family name, then a given name that reads as a
/// Chinese, Japanese or Korean transcription.
pub(crate) fn family_first_romanised(words: &[&str]) -> bool {
    if !(2..=3).contains(&words.len()) {
        return false;
    }
    let first = words[0];
    if first.len() > 12 || !(looks_transcribed(first) || first.chars().all(char::is_uppercase)) {
        return false;
    }
    let lowered;
    let folded_first;
    let f: &str = if first.is_ascii() {
        lowered = super::words::key(first);
        &lowered
    } else {
        match fold(first) {
            Some(x) => {
                folded_first = x;
                &folded_first
            }
            None => return false,
        }
    };
    if !(ZH_SURNAMES.contains(f) || JA_SURNAMES.contains(f) || KO_SURNAMES.contains(f)) {
        return false;
    }
    let given = &words[1..];
    if !given.iter().all(|w| looks_transcribed(w)) {
        return false;
    }
    let mut folded = Vec::with_capacity(given.len());
    for w in given {
        match fold(w) {
            Some(f) if !f.is_empty() => folded.push(f),
            _ => return false,
        }
    }
    let hyphenated = folded.iter().any(|w| w.contains('-'));
    let last = folded.last().map_or("", String::as_str);
    let zh = ZH_SURNAMES.contains(f) && (hyphenated || !ZH_SURNAMES.contains(last)) && {
        let mut total = 0;
        folded.iter().all(|w| match word_counts(w, &PINYIN, false) {
            Some(n) if (1..=2).contains(&n) => {
                total += n;
                true
            }
            _ => false,
        }) && total <= 3
    };
    if zh {
        return true;
    }
    let ja = JA_SURNAMES.contains(f)
        && folded.len() == 1
        && !JA_SURNAMES.contains(last)
        && word_counts(last, &KANA, true).is_some_and(|n| (2..=6).contains(&n));
    if ja {
        return true;
    }
    KO_SURNAMES.contains(f) && {
        let mut total = 0;
        folded.iter().all(|w| match word_counts(w, &HANGUL, false) {
            Some(n) if (1..=2).contains(&n) => {
                total += n;
                true
            }
            _ => false,
        }) && total == 2
            && (hyphenated || folded.len() == 2 || !KO_SURNAMES.contains(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_script_split() {
        assert_eq!(split_cjk("毛泽东"), Some(("毛", "泽东")));
        assert_eq!(split_cjk("欧阳修"), Some(("欧阳", "修")));
        assert_eq!(split_cjk("丸山眞男"), Some(("丸山", "眞男")));
        assert_eq!(split_cjk("김대중"), Some(("김", "대중")));
        assert_eq!(split_cjk("남궁억"), Some(("남궁", "억")));
        assert_eq!(split_cjk("卡尔·马克思"), Some(("马克思", "卡尔")));
        assert_eq!(split_cjk("樋口いちよう"), Some(("樋口", "いちよう")));
        assert_eq!(split_cjk("中华人民共和国"), None);
        assert_eq!(split_cjk("·"), None);
        assert!(is_cjk_word("毛泽东") && !is_cjk_word("Mao"));
    }

    #[test]
    fn romanised_family_first() {
        for n in [
            "Mao Zedong",
            "Maruyama Masao",
            "Kim Dae-jung",
            "Chiang Kai-shek",
            "Deng Xiaoping",
            "Park Chung-hee",
            "Abe Shinzō",
            "Fukuzawa Yukichi",
            "Mao Tse-tung",
            "WANG Hui",
            "Zhou Enlai",
        ] {
            let w: Vec<&str> = n.split(' ').collect();
            assert!(family_first_romanised(&w), "{n}");
        }
        for n in [
            "Lee Smith",
            "Abe Lincoln",
            "Kim Johnson",
            "Zedong Mao",
            "Wang Li",
            "Ma Rainey",
            "John Smith",
            "Mao",
            "Han Christian Andersen",
        ] {
            let w: Vec<&str> = n.split(' ').collect();
            assert!(!family_first_romanised(&w), "{n}");
        }
    }
}
