//! ibid's cleaning stage: removes publisher link debris and repairs the
//! damage that copying notes out of web pages and PDFs does, keeping every
//! offset mapped to the original input.
//!
//! [`clean`] runs six passes, each a list of edits applied with
//! [`MappedText::apply_edits`]:
//!
//! 1. characters: soft hyphens and zero-width characters out; NBSP, thin
//!    spaces and tabs to " "; "\r\n", "\r", U+2028, form feeds to "\n";
//! 2. inline formatting tags left in plain text (`<italic>Nature</italic>`,
//!    `<i>`, `<span class=…>`, a closed list of names) out, their text kept;
//!    `<br>` to a space;
//! 3. link debris ("Google Scholar", "CrossRef", "\[PubMed\]", "Web of Science ®",
//!    "Find this resource:", …) where it stands as a link label, also glued to
//!    its neighbours ("p. 88.Google ScholarTaylor"); each removal is a citation
//!    boundary hint recorded in [`Cleaned::breaks`];
//! 4. hyphenated line breaks: "Ger-\nman" → "German", "Anglo-\nAmerican" and
//!    "pp. 12-\n15" keep their hyphen;
//! 5. sentence ends glued to the next word: "88.Taylor" → "88. Taylor" (never in
//!    abbreviations such as "D.G.F.P.", in URLs or DOIs);
//! 6. runs of spaces to one space, none at line starts and ends.
//!
//! Line breaks otherwise stay: the segmenter uses them to find note numbers.
//! No other character is changed (no Unicode normalisation).
//!
//! ```
//! use ibid_model::MappedText;
//! let orig = "7 Taylor, Origins (London, 1961), p. 88.Google ScholarSmith, Ger-\nman Policy.\u{AD}";
//! let cleaned = ibid_clean::clean(&MappedText::identity(orig, 0));
//! assert_eq!(cleaned.text.as_str(), "7 Taylor, Origins (London, 1961), p. 88. Smith, German Policy.");
//! // the removed debris left a citation boundary hint where it stood
//! assert_eq!(cleaned.breaks, vec![40]);
//! // offsets still point into the original
//! let at = cleaned.text.as_str().find("Smith").unwrap();
//! assert_eq!(&orig[cleaned.text.orig_range(at..at + 5)], "Smith");
//! ```

mod chars;
mod debris;
mod edits;
mod glue;
mod hyphen;
mod markup;
mod space;

pub use debris::is_link_debris;
use edits::{remap, Edit};
use ibid_model::MappedText;

/// Cleaned text and the places where debris was removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// The cleaned text, mapped to the original input.
    pub text: MappedText,
    /// Byte offsets in `text` where link debris was removed (hard citation
    /// boundaries), sorted, without repeats, strictly inside the text.
    pub breaks: Vec<usize>,
}

/// Clean a text: see the [crate docs](crate).
pub fn clean(text: &MappedText) -> Cleaned {
    clean_with_breaks(text, &[])
}

/// Clean a text that already carries citation boundary hints (byte offsets
/// in `text`, e.g. where ingest dropped link anchors from HTML). The hints
/// are moved to the cleaned text and merged with the ones cleaning finds.
pub fn clean_with_breaks(text: &MappedText, breaks: &[usize]) -> Cleaned {
    let mut breaks: Vec<usize> = breaks
        .iter()
        .copied()
        .filter(|&b| b <= text.len() && text.as_str().is_char_boundary(b))
        .collect();
    breaks.sort_unstable();
    breaks.dedup();

    let first = chars::char_edits(text.as_str());
    remap(&mut breaks, &first);
    let mut current = text.apply_edits(&first);
    let edits = markup::markup_edits(current.as_str());
    current = apply(current, &edits, &mut breaks);

    // link debris: its own breaks are found in the text before the pass
    let (edits, found) = debris::debris_edits(current.as_str());
    breaks.extend(found);
    breaks.sort_unstable();
    breaks.dedup();
    current = apply(current, &edits, &mut breaks);

    let edits = hyphen::hyphen_edits(current.as_str(), &breaks);
    current = apply(current, &edits, &mut breaks);
    for edits_of in [glue::glue_edits, space::space_edits] {
        let edits = edits_of(current.as_str());
        current = apply(current, &edits, &mut breaks);
    }

    let len = current.len();
    breaks.retain(|&b| b > 0 && b < len);
    breaks.dedup();
    Cleaned {
        text: current,
        breaks,
    }
}

/// Apply one pass's edits and move the breaks along.
fn apply(text: MappedText, edits: &[Edit], breaks: &mut [usize]) -> MappedText {
    if edits.is_empty() {
        return text;
    }
    remap(breaks, edits);
    text.apply_edits(edits)
}

#[cfg(test)]
mod tests;
