//! Words that mark note and reference sections in markup.

/// Section headings over notes or references (compared lowercased, without
/// numbering and trailing colon).
const HEADINGS: &[&str] = &[
    "notes",
    "note",
    "endnotes",
    "footnotes",
    "references",
    "reference list",
    "list of references",
    "bibliography",
    "select bibliography",
    "selected bibliography",
    "works cited",
    "cited works",
    "literature cited",
    "sources",
    "sources and literature",
    "notes and references",
    "references and notes",
    "sources and notes",
    "further reading",
    "citations",
    "literatur",
    "literaturverzeichnis",
    "quellen",
    "quellen und literatur",
    "quellen- und literaturverzeichnis",
    "anmerkungen",
    "fußnoten",
    "fussnoten",
    "endnoten",
    "bibliographie",
    "bibliografie",
    "références",
    "références bibliographiques",
    "notes de bas de page",
    "bibliografia",
    "riferimenti bibliografici",
    "riferimenti",
    "bibliografía",
    "referencias",
    "notas",
    "referências",
    "referências bibliográficas",
    "noten",
    "literatuur",
    "bronnen",
];

/// Whether a heading's text names a notes or references section.
pub(crate) fn is_notes_heading(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches([':', '.']).trim();
    // "5. References", "V References", "Chapter notes" stays out
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | ' ' | '\u{a0}'))
        .trim();
    let t = strip_roman(t);
    let collapsed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    HEADINGS.contains(&collapsed.as_str())
}

fn strip_roman(t: &str) -> &str {
    let mut parts = t.splitn(2, ' ');
    match (parts.next(), parts.next()) {
        (Some(first), Some(rest))
            if first
                .trim_end_matches('.')
                .chars()
                .all(|c| "ivxlc".contains(c))
                && !first.is_empty() =>
        {
            rest.trim()
        }
        _ => t,
    }
}

/// Class, id or role words of an element holding a list of notes or references.
pub(crate) fn is_container_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    if w.contains("__")
        || [
            "item", "entry", "link", "links", "label", "text", "content", "title", "heading",
            "header", "toggle", "button", "ref", "count", "number", "icon", "tooltip", "popup",
            "popover",
        ]
        .iter()
        .any(|s| w.ends_with(s))
    {
        return false;
    }
    matches!(
        w.as_str(),
        "notes"
            | "refs"
            | "fns"
            | "fn-group"
            | "ref-list"
            | "reflist"
            | "doc-endnotes"
            | "doc-footnotes"
            | "doc-bibliography"
            | "rearnotes"
            | "citation-list"
            | "ref-section"
            | "back-matter-notes"
    ) || [
        "footnotes",
        "endnotes",
        "references",
        "bibliography",
        "bibliographie",
        "literatur",
        "reflist",
        "ref-list",
        "citation-list",
        "reference-list",
        "notes-list",
        "note-list",
    ]
    .iter()
    .any(|s| w.contains(s))
}

/// Class or role words of one note or reference.
pub(crate) fn is_item_word(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "footnote"
            | "endnote"
            | "fn"
            | "ftn"
            | "fnote"
            | "ref"
            | "reference"
            | "citation"
            | "bibitem"
            | "bib-item"
            | "bibentry"
            | "bib-entry"
            | "biblio-entry"
            | "csl-entry"
            | "ref-item"
            | "reference-item"
            | "footnote-item"
            | "endnote-item"
            | "fn-item"
            | "footnote-text"
            | "endnote-text"
            | "footnotetext"
            | "note-item"
            | "doc-footnote"
            | "doc-endnote"
            | "doc-biblioentry"
            | "doc-rearnote"
            | "rearnote"
            | "msofootnotetext"
            | "msoendnotetext"
            | "sdfootnote"
            | "sdendnote"
    ) || w.ends_with("__item")
        && (w.contains("reference")
            || w.contains("footnote")
            || w.contains("note")
            || w.contains("bib"))
        || w.ends_with("-ref-item")
        || w.ends_with("ref-item")
}

/// What an element id says: (note-like id, number in it).
///
/// `fn12`, `fn:12`, `footnote-12`, `_ftn12`, `edn3`, `en12`, `endnote-12`,
/// `note12`, `ref-12`, `sdfootnote3` are notes with numbers; `CIT0012`,
/// `bib12`, `cite_note-Smith-3`, `ref-CR12` are reference entries (numbered
/// only when the list shows numbers).
pub(crate) fn id_kind(id: &str) -> Option<(bool, Option<u32>)> {
    let lower = id.to_ascii_lowercase();
    let digits_start = lower.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits_start == lower.len() {
        return None;
    }
    let digits = &lower[digits_start..];
    let number = if digits.len() <= 6 {
        digits.parse::<u32>().ok()
    } else {
        None
    };
    let prefix = lower[..digits_start].trim_end_matches(['-', '_', ':', '.']);
    let prefix = prefix.trim_start_matches('_');
    if prefix.contains("fnref")
        || prefix.contains("ftnref")
        || prefix.contains("ednref")
        || prefix.ends_with("ref-fn")
    {
        return None;
    }
    if prefix.starts_with("cite_note") {
        return Some((false, None));
    }
    let last_word = prefix
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let numbered = matches!(
        last_word,
        "fn" | "ftn"
            | "edn"
            | "en"
            | "endnote"
            | "footnote"
            | "note"
            | "nt"
            | "fnote"
            | "sdfootnote"
            | "sdendnote"
            | "ref"
            | "footnotes"
            | "endnotes"
            | "notes"
    );
    let entry = matches!(
        last_word,
        "cit" | "bib" | "bibr" | "citation" | "reference" | "cr"
    ) && (prefix == last_word
        || prefix.ends_with(&format!("-{last_word}"))
        || prefix.ends_with(&format!("_{last_word}")));
    if numbered
        && (prefix == last_word
            || prefix.ends_with(&format!("-{last_word}"))
            || prefix.ends_with(&format!("_{last_word}"))
            || prefix.ends_with(&format!(":{last_word}")))
    {
        Some((true, number))
    } else if entry {
        Some((false, None))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        for h in [
            "Notes",
            "NOTES",
            " References: ",
            "5. Bibliography",
            "IV. Notes",
            "Literaturverzeichnis",
            "Notes and References",
            "Note",
        ] {
            assert!(is_notes_heading(h), "{h}");
        }
        for h in [
            "Notes on Contributors",
            "Introduction",
            "Referenced works below",
            "",
            "1914",
        ] {
            assert!(!is_notes_heading(h), "{h}");
        }
    }

    #[test]
    fn container_words() {
        for w in [
            "footnotes",
            "Footnotes",
            "references",
            "c-article-references",
            "reflist",
            "ref-list",
            "doc-endnotes",
            "notes",
            "mw-references-wrap",
        ] {
            assert!(is_container_word(w), "{w}");
        }
        for w in [
            "c-article-references__item",
            "footnote",
            "footnote-ref",
            "references-title",
            "note",
            "citation-links",
        ] {
            assert!(!is_container_word(w), "{w}");
        }
    }

    #[test]
    fn ids() {
        assert_eq!(id_kind("fn12"), Some((true, Some(12))));
        assert_eq!(id_kind("fn:3"), Some((true, Some(3))));
        assert_eq!(id_kind("footnote-7"), Some((true, Some(7))));
        assert_eq!(id_kind("_ftn2"), Some((true, Some(2))));
        assert_eq!(id_kind("en12"), Some((true, Some(12))));
        assert_eq!(id_kind("ref-12"), Some((true, Some(12))));
        assert_eq!(id_kind("sdfootnote4"), Some((true, Some(4))));
        assert_eq!(id_kind("CIT0012"), Some((false, None)));
        assert_eq!(id_kind("jhis12345-bib-0001"), Some((false, None)));
        assert_eq!(id_kind("cite_note-Smith-3"), Some((false, None)));
        assert_eq!(id_kind("fnref1"), None);
        assert_eq!(id_kind("fnref:1"), None);
        assert_eq!(id_kind("section-2"), None);
        assert_eq!(id_kind("p12"), None);
        assert_eq!(id_kind("fn"), None);
        assert_eq!(id_kind("fn99999999999"), Some((true, None)));
    }
}
