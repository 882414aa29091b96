//! Tests of the whole cleaning stage: realistic note texts and properties.

use super::*;
use proptest::prelude::*;

fn cleaned(s: &str) -> Cleaned {
    clean(&MappedText::identity(s, 0))
}

/// The original text of a span of the cleaned text.
fn orig<'a>(input: &'a str, c: &Cleaned, needle: &str) -> &'a str {
    let at = c
        .text
        .as_str()
        .find(needle)
        .expect("needle in cleaned text");
    &input[c.text.orig_range(at..at + needle.len())]
}

#[test]
fn cambridge_core_scraped_notes() {
    let input = "12 Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.Google ScholarHinsley, F. H., Power and the Pursuit of Peace (Cambridge, 1963), pp. 12-\n15.Google Scholar\n13 Ibid., p. 91.\n14 Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45.CrossRefGoogle Scholar\n";
    let c = cleaned(input);
    assert_eq!(
        c.text.as_str(),
        "12 Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88. Hinsley, F. H., Power and the Pursuit of Peace (Cambridge, 1963), pp. 12-15.\n13 Ibid., p. 91.\n14 Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45.\n"
    );
    // a break where each "Google Scholar" stood, not at the very end
    let t = c.text.as_str();
    let hinsley = t.find("Hinsley").unwrap();
    assert!(c.breaks.contains(&(hinsley - 1)), "{:?}", c.breaks);
    let line13 = t.find("\n13").unwrap();
    assert!(c.breaks.contains(&line13));
    assert_eq!(orig(input, &c, "Hinsley, F. H."), "Hinsley, F. H.");
    assert_eq!(orig(input, &c, "12-15"), "12-\n15");
}

#[test]
fn tandf_reference_list() {
    let input = "Brewer, John. 1989. The Sinews of Power: War, Money and the English State. London: Unwin Hyman.\u{a0}[Google Scholar]\nHoppit, Julian. 1990. “Attitudes to Credit in Britain, 1680–1790.” The Historical Journal 33 (2): 305–322. doi:10.1017/S0018246X00013376.\u{a0}[Crossref],\u{a0}[Web of Science ®],\u{a0}[Google Scholar]\n";
    let c = cleaned(input);
    assert_eq!(
        c.text.as_str(),
        "Brewer, John. 1989. The Sinews of Power: War, Money and the English State. London: Unwin Hyman.\nHoppit, Julian. 1990. “Attitudes to Credit in Britain, 1680–1790.” The Historical Journal 33 (2): 305–322. doi:10.1017/S0018246X00013376.\n"
    );
    assert_eq!(c.breaks.len(), 2);
    assert_eq!(orig(input, &c, "“Attitudes"), "“Attitudes");
}

#[test]
fn oup_find_this_resource() {
    let input = "3 G. R. Elton, The Tudor Revolution in Government (Cambridge, 1953), 45.\nFind this resource:\nWorldCat\nGoogle Scholar\n4 Ibid., 47.";
    let c = cleaned(input);
    assert_eq!(
        c.text.as_str(),
        "3 G. R. Elton, The Tudor Revolution in Government (Cambridge, 1953), 45.\n4 Ibid., 47."
    );
}

#[test]
fn german_notes_with_hyphenation_and_nbsp() {
    let input = "5\u{a0}Vgl. Akten zur deutschen auswärtigen Po-\nlitik 1918–1945, Serie\u{a0}D, Bd.\u{a0}II, Nr.\u{a0}45; ebd., S.\u{a0}12-\n14; Anglo-\nAmerikanische Beziehungen.\u{ad}";
    let c = cleaned(input);
    assert_eq!(
        c.text.as_str(),
        "5 Vgl. Akten zur deutschen auswärtigen Politik 1918–1945, Serie D, Bd. II, Nr. 45; ebd., S. 12-14; Anglo-Amerikanische Beziehungen."
    );
    assert!(c.breaks.is_empty());
    assert_eq!(orig(input, &c, "Politik"), "Po-\nlitik");
}

#[test]
fn keeps_lines_and_prose() {
    let input =
        "1 On the use of PubMed in history, see Smith (2010).\n2 Ibid.\n\n3 D.G.F.P. C/II, No. 45.";
    let c = cleaned(input);
    assert_eq!(c.text.as_str(), input);
    assert!(c.breaks.is_empty());
}

#[test]
fn incoming_breaks_move_with_the_text() {
    let input = "  Taylor,  Origins.  Smith, Struggle.";
    let at = input.find("Smith").unwrap();
    let c = clean_with_breaks(&MappedText::identity(input, 0), &[at, 0, 999, at]);
    assert_eq!(c.text.as_str(), "Taylor, Origins. Smith, Struggle.");
    assert_eq!(c.breaks, vec![c.text.as_str().find("Smith").unwrap()]);
}

#[test]
fn removed_debris_does_not_make_a_hyphen_join() {
    let c = cleaned("Hinsley-Google Scholar\r\np. 88");
    assert_eq!(c.text.as_str(), "Hinsley-\np. 88");
}

#[test]
fn works_on_mapped_slices() {
    let input = "header\n7 Taylor, p. 88.Google ScholarIbid.";
    let t = MappedText::identity(input, 0).slice(7..input.len());
    let c = clean(&t);
    assert_eq!(c.text.as_str(), "7 Taylor, p. 88. Ibid.");
    let at = c.text.as_str().find("Ibid.").unwrap();
    assert_eq!(&input[c.text.orig_range(at..at + 5)], "Ibid.");
}

#[test]
fn empty_and_whitespace() {
    assert_eq!(cleaned("").text.as_str(), "");
    assert_eq!(cleaned(" \u{a0}\t").text.as_str(), "");
    assert_eq!(cleaned("\n\n").text.as_str(), "\n\n");
}

#[test]
fn long_lines_are_linear() {
    let unit = "Taylor, Origins (London, 1961), p. 88.Google Scholar";
    let s = unit.repeat(20_000);
    let start = std::time::Instant::now();
    let c = cleaned(&s);
    assert_eq!(c.breaks.len(), 19_999);
    assert!(start.elapsed().as_secs() < 10);
}

// ---- properties ----------------------------------------------------------

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

fn is_separator(c: char) -> bool {
    matches!(c, '[' | ']' | ',' | ';' | '|' | '/' | '·' | '•' | '®' | ':')
}

/// Byte ranges of every occurrence of a debris phrase in `s`, at any
/// position, ASCII case-insensitive, a space matching any run of spaces
/// (or none).
fn phrase_occurrences(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for start in 0..b.len() {
        for ph in debris::phrase_texts() {
            let mut j = start;
            let mut ok = true;
            for &pc in ph.as_bytes() {
                if pc == b' ' {
                    while j < b.len() && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                } else if j < b.len() && b[j].eq_ignore_ascii_case(&pc) {
                    j += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            if ok {
                out.push((start, j));
            }
        }
    }
    out
}

/// Bytes of `s` that cleaning may drop as debris: phrase occurrences and the
/// separators, brackets and spaces between and around them.
/// Bytes of tag-like runs ("<i>", "</S>", "<span class=…>"): a '<', a
/// letter or "/", then up to the next '>' on the line with no '<' between.
/// Of these the inline formatting tags may be removed (`markup.rs` says
/// which); nothing outside them and the debris may.
fn tag_like_bytes(s: &str) -> Vec<bool> {
    let b = s.as_bytes();
    let mut mark = vec![false; b.len()];
    for (i, _) in s.match_indices('<') {
        let starts = b
            .get(i + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/');
        let close = b[i + 1..]
            .iter()
            .position(|&c| matches!(c, b'>' | b'<' | b'\n' | b'\r'))
            .map(|k| i + 1 + k);
        if let Some(e) = close.filter(|&e| starts && b[e] == b'>') {
            mark[i..=e].iter_mut().for_each(|m| *m = true);
        }
    }
    mark
}

fn debris_bytes(s: &str) -> Vec<bool> {
    let mut mark = vec![false; s.len()];
    for (a, z) in phrase_occurrences(s) {
        mark[a..z].iter_mut().for_each(|m| *m = true);
        // separators and spaces on either side
        let mut i = z;
        while let Some(c) = s[i..].chars().next() {
            if !(is_separator(c) || c.is_whitespace() || is_invisible(c)) {
                break;
            }
            mark[i..i + c.len_utf8()].iter_mut().for_each(|m| *m = true);
            i += c.len_utf8();
        }
        // a label's own period ("… 72–81. PubMed.", "[Google Scholar].")
        if s.as_bytes().get(i) == Some(&b'.') {
            mark[i] = true;
        }
        let mut i = a;
        while let Some(c) = s[..i].chars().next_back() {
            if !(is_separator(c) || c.is_whitespace() || is_invisible(c)) {
                break;
            }
            i -= c.len_utf8();
            mark[i..i + c.len_utf8()].iter_mut().for_each(|m| *m = true);
        }
    }
    mark
}

/// A hyphen followed (after spaces) by a line break.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0B}' | '\u{0C}'
    )
}

/// Spaces and controls that cleaning turns into " ".
fn is_horizontal_space(c: char) -> bool {
    (c.is_whitespace() || c.is_control()) && !is_line_break(c)
}

fn is_line_end_hyphen(s: &str, i: usize, c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
        && s[i + c.len_utf8()..]
            .chars()
            .find(|&d| !(is_horizontal_space(d) || is_invisible(d)))
            .is_some_and(is_line_break)
}

/// Every character of `input` that the cleaned text does not carry over
/// (as the same character mapped back to it) must be whitespace, an
/// invisible or control character, a line-end hyphen, or debris.
fn check_nothing_lost(input: &str, out: &MappedText) -> Result<(), String> {
    let mut covered = vec![false; input.len()];
    let text = out.as_str();
    for (i, c) in text.char_indices() {
        let r = out.orig_range(i..i + c.len_utf8());
        if input
            .get(r.clone())
            .is_some_and(|o| o.chars().eq(std::iter::once(c)))
        {
            covered[r].iter_mut().for_each(|m| *m = true);
        }
    }
    let debris = debris_bytes(input);
    let tags = tag_like_bytes(input);
    for (i, c) in input.char_indices() {
        if covered[i] || debris[i] || tags[i] {
            continue;
        }
        if c.is_whitespace() || c.is_control() || is_invisible(c) || is_line_end_hyphen(input, i, c)
        {
            continue;
        }
        return Err(format!(
            "lost {c:?} at byte {i} of {input:?}; cleaned {text:?}"
        ));
    }
    Ok(())
}

/// The brief's skeleton: no whitespace, invisibles, hyphens, separators or
/// periods (a label's own period goes with it: "72–81. PubMed."), and no
/// debris phrases (removed until none is left). Periods elsewhere are
/// checked by [`check_nothing_lost`].
fn skeleton(s: &str) -> String {
    let mut k: String = s
        .chars()
        .filter(|&c| {
            !(c.is_whitespace()
                || c.is_control()
                || is_invisible(c)
                || is_separator(c)
                || matches!(c, '-' | '\u{2010}' | '.'))
        })
        .collect::<String>()
        .to_lowercase();
    let phrases: Vec<String> = debris::phrase_texts()
        .map(|p| p.replace(' ', "").to_lowercase())
        .collect();
    loop {
        let before = k.len();
        for p in &phrases {
            k = k.replace(p.as_str(), "");
        }
        if k.len() == before {
            return k;
        }
    }
}

fn check_map(input: &str, out: &MappedText) -> Result<(), String> {
    let text = out.as_str();
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let r = out.orig_range(i..i + c.len_utf8());
        if r.start > r.end || r.end > input.len() {
            return Err(format!("char {i} maps to {r:?}, outside {}", input.len()));
        }
        if !input.is_char_boundary(r.start) || !input.is_char_boundary(r.end) {
            return Err(format!("char {i} maps to {r:?}, not on char boundaries"));
        }
        if r.start < last {
            return Err(format!(
                "char {i} maps to {r:?}, before an earlier char ({last})"
            ));
        }
        last = r.start;
    }
    let whole = out.orig_range(0..text.len());
    if whole.end > input.len() {
        return Err(format!("text maps to {whole:?}"));
    }
    Ok(())
}

#[test]
fn nothing_lost_check_can_fail() {
    let input = "Taylor, p. 88.Google Scholar";
    let good = MappedText::identity(input, 0).apply_edits(&[(14..28, String::new())]);
    assert!(check_nothing_lost(input, &good).is_ok());
    // dropping a letter that is not debris is noticed
    let bad = MappedText::identity(input, 0).apply_edits(&[(1..2, String::new())]);
    assert!(check_nothing_lost(input, &bad).is_err());
    // so is a character mapped to the wrong place
    let moved = MappedText::identity(input, 0).apply_edits(&[(0..2, "aT".to_string())]);
    assert!(check_nothing_lost(input, &moved).is_err());
    assert_ne!(skeleton("Taylor, p. 88."), skeleton("Tylor, p. 88."));
    // an inline tag may go, the letters around it may not
    let input = "<S>Origins</S>";
    let good = MappedText::identity(input, 0)
        .apply_edits(&[(0..3, String::new()), (10..14, String::new())]);
    assert!(check_nothing_lost(input, &good).is_ok());
    let bad = MappedText::identity(input, 0).apply_edits(&[(0..4, String::new())]);
    assert!(check_nothing_lost(input, &bad).is_err());
}

const VOCAB: &[&str] = &[
    "Taylor",
    "A. J. P.",
    "Origins",
    "(London, 1961)",
    "p. 88",
    "pp. 12-\n15",
    "Ibid.",
    "ebd.",
    "D.G.F.P.",
    "H.M.S.O.",
    "U.S.A.",
    "e.g.",
    "Ger-\nman",
    "Anglo-\nAmerican",
    "doi:10.1017/S0018246X00013376",
    "https://www.jstor.org/stable/123",
    "Google Scholar",
    "[Google Scholar]",
    "CrossRef",
    "[Crossref]",
    "PubMed",
    "[PubMed]",
    "Web of Science ®",
    "Scopus",
    "Find this resource:",
    "OpenURL",
    "WorldCat",
    "Article",
    "Abstract",
    "CAS",
    "View in article",
    "Search in Google Scholar",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "\t",
    "\r\n",
    "\n",
    " ",
    "  ",
    ".",
    ",",
    ";",
    "88.",
    "1961).",
    "Hinsley",
    "Kōshō",
    "Gründung",
    "„Zitat“",
    "‘quoted’",
    "—",
    "–",
    "-",
    "12",
    "7",
    "n. 5",
    "cited in note 24",
];

fn vocab_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn arbitrary_strings_never_panic_and_map_inside(s in any::<String>()) {
        let c = cleaned(&s);
        prop_assert!(check_map(&s, &c.text).is_ok(), "{:?}", check_map(&s, &c.text));
        prop_assert!(check_nothing_lost(&s, &c.text).is_ok(), "{:?}", check_nothing_lost(&s, &c.text));
        for &b in &c.breaks {
            prop_assert!(b > 0 && b < c.text.len() && c.text.as_str().is_char_boundary(b));
        }
    }

    #[test]
    fn note_like_strings_lose_only_debris(s in vocab_text()) {
        let c = cleaned(&s);
        prop_assert!(check_map(&s, &c.text).is_ok(), "{:?}", check_map(&s, &c.text));
        prop_assert!(check_nothing_lost(&s, &c.text).is_ok(), "{:?}", check_nothing_lost(&s, &c.text));
        prop_assert_eq!(skeleton(&s), skeleton(c.text.as_str()));
        prop_assert!(c.breaks.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn offset_inputs_map_inside(s in vocab_text(), offset in 0usize..1000) {
        // a slice of a larger original: every span stays inside the slice's range
        let padded = format!("{}{}", "x".repeat(offset), s);
        let t = MappedText::identity(&padded, 0).slice(offset..padded.len());
        let c = clean(&t);
        for (i, ch) in c.text.as_str().char_indices() {
            let r = c.text.orig_range(i..i + ch.len_utf8());
            prop_assert!(r.start >= offset && r.end <= padded.len(), "{:?}", r);
        }
    }
}
