//! Entries of dictionaries and encyclopedias, cited "sub voce": "G.
//! Fragnito, s.v. Contarini, Gasparo, in Dizionario Biografico degli
//! Italiani, vol. 28", "H. Jedin, s. v. G. Contarini, in «Dictionnaire
//! d'histoire …»", "Oxford Dictionary of National Biography, s.v. “Smith,
//! John”", "Encyclopaedia Britannica, 11th ed., s.v. “Salvation.”" The
//! labeller leaves the marker in the title ("s.v. Contarini, Gasparo"), in
//! a note ("s. v. G. Contarini, in"), or reads the reference work and the
//! headword as one title. The entry's headword is its `title`, the
//! reference work its `container-title` (an edition after its name its
//! `edition`; a name after the headword, "by Mary Jones", which the
//! labeller reads as an editor, the entry's author); the type is an entry
//! (`infer.rs`, which finds the marker in the reference's text).

use ibid_model::Item;

/// The markers of a headword, as written.
const MARKERS: &[&str] = &["s.v.", "s. v.", "s.vv.", "sub voce", "sub verbo"];

/// True when `text` is a "sub voce" marker and nothing else ("s.v.", "s.
/// v", "sub voce"): the model labels it pages, which it is not (the "v"
/// would be read as a roman five).
pub(crate) fn is_bare_marker(text: &str) -> bool {
    let t = text.trim().trim_end_matches([',', ';', ':']);
    MARKERS
        .iter()
        .any(|m| t.eq_ignore_ascii_case(m) || t.eq_ignore_ascii_case(m.trim_end_matches('.')))
}

/// True when `text` holds a "sub voce" marker.
pub(crate) fn has_marker(text: &str) -> bool {
    marker_at(text).is_some()
}

/// The cheap first test every title and text passes: an "s" before ".v",
/// ". " or "ub" (one pass over the bytes, no searcher built).
fn may_have_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b's'
            && matches!(
                b.get(i + 1..i + 3),
                Some([b'.', b'v']) | Some([b'.', b' ']) | Some([b'u', b'b'])
            )
    })
}

/// The byte range of the first marker of `s` that opens it or follows a
/// space, and is followed by a space or the end.
fn marker_at(s: &str) -> Option<std::ops::Range<usize>> {
    if !may_have_marker(s) {
        return None;
    }
    let mut best: Option<std::ops::Range<usize>> = None;
    for m in MARKERS {
        let mut from = 0;
        while let Some(i) = s[from..].find(m).map(|i| i + from) {
            let end = i + m.len();
            let before_ok = i == 0 || s[..i].ends_with(' ');
            let after_ok = s[end..].is_empty() || s[end..].starts_with(' ');
            if before_ok && after_ok {
                if best.as_ref().is_none_or(|b| i < b.start) {
                    best = Some(i..end);
                }
                break;
            }
            from = end;
        }
    }
    best
}

/// The headword after a marker: quotation marks and the punctuation around
/// it, and a trailing "in" (before the reference work), removed.
fn headword(s: &str) -> Option<String> {
    const EDGE: &[char] = &[
        ' ', ',', '.', ';', ':', '“', '”', '"', '«', '»', '‘', '’', '\'', '„',
    ];
    let mut t = s.trim_matches(EDGE);
    for tail in [" in", " In", ", in"] {
        if let Some(rest) = t.strip_suffix(tail) {
            t = rest.trim_matches(EDGE);
        }
    }
    (!t.is_empty()).then(|| t.to_string())
}

/// "Encyclopaedia Britannica, 11th ed.": the reference work and an
/// edition written after its name.
fn work_and_edition(s: &str) -> (String, Option<String>) {
    let s = s.trim().trim_end_matches([',', ' ']);
    if let Some((work, last)) = s.rsplit_once(", ") {
        let lower = last.to_lowercase();
        let ordinal = lower.starts_with(|c: char| c.is_ascii_digit());
        let marker = ["ed.", "ed", "edn", "edn.", "edition", "éd.", "ed"]
            .iter()
            .any(|m| lower.ends_with(&format!(" {m}")));
        if ordinal && marker {
            return (work.to_string(), crate::volume::clean_edition(last));
        }
    }
    (s.to_string(), None)
}

/// The reference work (and its edition) as the item's container.
fn set_work(it: &mut Item, s: &str) {
    let (work, edition) = work_and_edition(s);
    it.container_title = Some(work);
    if it.edition.is_none() {
        it.edition = edition;
    }
}

/// Applies the repair (see the module docs); returns whether it read an
/// entry.
pub(crate) fn sub_voce(it: &mut Item) -> bool {
    // "s.v. Contarini, Gasparo" as the title
    if let Some(title) = it.title.as_deref() {
        if let Some(m) = marker_at(title) {
            let (before, after) = (&title[..m.start], &title[m.end..]);
            let Some(head) = headword(after) else {
                return false;
            };
            if before.trim().is_empty() {
                it.title = Some(head);
                return true;
            }
            // "Oxford Dictionary of National Biography, s.v. “Smith, John”"
            if it.container_title.is_none() {
                let before = before.to_string();
                set_work(it, &before);
                it.title = Some(head);
                // "…, s.v. “Smith, John,” by Mary Jones": the labeller reads
                // the entry's author after "by" as an editor
                if it.author.is_empty() {
                    it.author = std::mem::take(&mut it.editor);
                }
                return true;
            }
            return false;
        }
    }
    // "s. v. G. Contarini, in" left in the note: the headword; with a title
    // and no container ("Alpago, Dizionario … cit., s. v. «Beni
    // comunali»"), the title is the reference work
    let Some(head) = it
        .note
        .as_deref()
        .and_then(|n| marker_at(n).map(|m| (n, m)))
        .filter(|(n, m)| n[..m.start].trim().is_empty())
        .and_then(|(n, m)| headword(&n[m.end..]))
    else {
        return false;
    };
    match (it.title.take(), it.container_title.is_some()) {
        (None, _) => {}
        (Some(work), false) => set_work(it, &work),
        (Some(title), true) => {
            it.title = Some(title);
            return false;
        }
    }
    it.title = Some(head);
    it.note = None;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: Option<&str>, container: Option<&str>, note: Option<&str>) -> Item {
        Item {
            title: title.map(str::to_string),
            container_title: container.map(str::to_string),
            note: note.map(str::to_string),
            ..Item::default()
        }
    }

    #[test]
    fn a_bare_marker_is_no_page() {
        assert!(is_bare_marker("s.v."));
        assert!(is_bare_marker("s. v"));
        assert!(is_bare_marker("Sub voce,"));
        assert!(!is_bare_marker("s.v. Rome"));
        assert!(!is_bare_marker("v"));
    }

    #[test]
    fn the_headword_is_the_title() {
        let mut it = item(
            Some("s.v. Contarini, Gasparo"),
            Some("Dizionario Biografico degli Italiani"),
            None,
        );
        assert!(sub_voce(&mut it));
        assert_eq!(it.title.as_deref(), Some("Contarini, Gasparo"));

        let mut it = item(
            None,
            Some("Dictionnaire d'histoire"),
            Some("s. v. G. Contarini, in"),
        );
        assert!(sub_voce(&mut it));
        assert_eq!(it.title.as_deref(), Some("G. Contarini"));
        assert_eq!(it.note, None);
    }

    #[test]
    fn the_reference_work_before_the_marker_is_the_container() {
        let mut it = item(
            Some("Oxford Dictionary of National Biography, s.v. \"Smith, John (1780-1850)"),
            None,
            None,
        );
        assert!(sub_voce(&mut it));
        assert_eq!(it.title.as_deref(), Some("Smith, John (1780-1850)"));
        assert_eq!(
            it.container_title.as_deref(),
            Some("Oxford Dictionary of National Biography")
        );
        let mut it = item(Some("ODNB, s.v. “Smith, John,”"), None, None);
        it.editor = crate::names::parse_names("Mary Jones").names;
        assert!(sub_voce(&mut it));
        assert_eq!((it.author.len(), it.editor.len()), (1, 0));

        let mut it = item(
            Some("Encyclopaedia Britannica, 11th ed., s.v. “Salvation.”"),
            None,
            None,
        );
        assert!(sub_voce(&mut it));
        assert_eq!(it.title.as_deref(), Some("Salvation"));
        assert_eq!(
            it.container_title.as_deref(),
            Some("Encyclopaedia Britannica")
        );
        assert_eq!(it.edition.as_deref(), Some("11"));
    }

    #[test]
    fn a_title_before_a_headword_in_the_note_is_the_work() {
        let mut it = item(
            Some("Dizionario del dialetto veneziano"),
            None,
            Some("s. v. «Beni comunali»."),
        );
        assert!(sub_voce(&mut it));
        assert_eq!(it.title.as_deref(), Some("Beni comunali"));
        assert_eq!(
            it.container_title.as_deref(),
            Some("Dizionario del dialetto veneziano")
        );
        // a title and a container already: the note stays
        let mut it = item(Some("Roma"), Some("Enciclopedia"), Some("s.v. Lazio"));
        assert!(!sub_voce(&mut it));
        assert_eq!(it.title.as_deref(), Some("Roma"));
        assert_eq!(it.note.as_deref(), Some("s.v. Lazio"));
    }

    #[test]
    fn markers_stand_alone() {
        assert!(has_marker("A. B., s.v. Roma, in Enciclopedia"));
        assert!(has_marker("sub voce Roma"));
        // inside words or abbreviations: no marker
        assert!(!has_marker("Ms.v. 12"));
        assert!(!has_marker("Reps.v.Smith"));
        assert!(!has_marker("Leipzig, Teubner, 1888"));
        let mut it = item(Some("Grays.v. Roma"), None, None);
        assert!(!sub_voce(&mut it));
    }
}
