//! Properties that hold for any input: nothing is lost, ranges are valid,
//! citations are ordered and disjoint, nothing panics.

use ibid_model::{MappedText, RawNote};
use proptest::prelude::*;

/// Pieces of notes lists: labels, citations, abbreviations, punctuation,
/// line breaks, odd characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..40).prop_map(|n| format!("\n{n} ")),
        (1u32..40).prop_map(|n| format!("\n{n}. ")),
        (1u32..40).prop_map(|n| format!("\n[{n}] ")),
        (1u32..40).prop_map(|n| format!(". {n} ")),
        Just("\n¹² ".to_string()),
        Just("Ibid., p. 91. ".to_string()),
        Just("ebd., S. 47; ".to_string()),
        Just(
            "Taylor, A. J. P., The Origins of the Second World War (London,\n1961), p. 88. "
                .to_string()
        ),
        Just("(hereafter cited as D.G.F.P.), Doc. No. 45; ".to_string()),
        Just("see also ".to_string()),
        Just("Vgl. Meier, Geschichte, a.a.O., S. 45 f. ".to_string()),
        Just("‘Quoted Title’ ".to_string()),
        Just("„Titel“ «titre» ".to_string()),
        Just("FO 371/12345, fol. 12v. ".to_string()),
        Just("Donoghue v Stevenson [1932] AC 562 (HL) 580. ".to_string()),
        Just("supra n. 5. ".to_string()),
        Just("I am grateful to the archivists. ".to_string()),
        Just("Notes\n".to_string()),
        Just("References\n\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("   \t ".to_string()),
        Just("((( ".to_string()),
        Just(")]” ".to_string()),
        Just("; ; . , ".to_string()),
        Just("1961), ".to_string()),
        "[a-zA-Z0-9 .,;:()\\[\\]’‘“”«»/\\-–]{0,12}",
        any::<String>().prop_map(|s| s.chars().take(8).collect::<String>()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

fn non_ws(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check_citations(note: &RawNote) -> Result<(), TestCaseError> {
    let text = note.text.as_str();
    let cites = ibid_segment::split_citations(note);
    let mut prev_end = 0;
    for c in &cites {
        let r = c.range.clone();
        prop_assert!(
            r.start < r.end && r.end <= text.len(),
            "range {r:?} in {text:?}"
        );
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        prop_assert!(
            r.start >= prev_end,
            "citations overlap or are out of order in {text:?}"
        );
        prev_end = r.end;
        let t = &text[r.clone()];
        prop_assert_eq!(t.trim(), t, "citation has surrounding spaces");
        if let Some(l) = &c.locator {
            prop_assert!(
                l.start < l.end && l.start >= r.start && l.end <= r.end,
                "locator {l:?} outside {r:?}"
            );
            prop_assert!(text.is_char_boundary(l.start) && text.is_char_boundary(l.end));
        }
        if let Some(d) = &c.defines {
            prop_assert!(!d.is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Labels and note texts together hold every non-whitespace character of
    /// the input exactly once, in order; note texts are single lines.
    #[test]
    fn split_notes_loses_nothing(doc in document()) {
        let split = ibid_segment::split_notes(&MappedText::identity(&doc, 0), &[]);
        prop_assert_eq!(split.labels.len(), split.notes.len());
        let mut got = Vec::new();
        for (note, label) in split.notes.iter().zip(&split.labels) {
            if let Some(l) = label {
                prop_assert!(l.end <= doc.len() && doc.is_char_boundary(l.start) && doc.is_char_boundary(l.end));
                prop_assert!(note.number.is_some());
                got.extend(non_ws(&doc[l.clone()]));
            }
            let t = note.text.as_str();
            prop_assert!(!t.contains(['\n', '\r']), "note text spans lines: {t:?}");
            prop_assert!(!t.contains("  ") || doc.contains("  ") || doc.contains('\t'), "double space from joining in {t:?}");
            prop_assert_eq!(t.trim(), t);
            for &b in &note.breaks {
                prop_assert!(b > 0 && b < t.len());
            }
            got.extend(non_ws(t));
        }
        prop_assert_eq!(got, non_ws(&doc));
    }

    /// Note texts map back to the input: each non-whitespace character maps
    /// to the same character of the original.
    #[test]
    fn note_texts_map_to_the_original(doc in document()) {
        let split = ibid_segment::split_notes(&MappedText::identity(&doc, 0), &[]);
        for note in &split.notes {
            let t = note.text.as_str();
            for (i, c) in t.char_indices() {
                if c.is_whitespace() {
                    continue;
                }
                let r = note.text.orig_range(i..i + c.len_utf8());
                prop_assert_eq!(&doc[r], &t[i..i + c.len_utf8()]);
            }
        }
    }

    /// Citation ranges lie inside the note, on character boundaries, in order,
    /// without overlap, for notes found in any document.
    #[test]
    fn citations_are_valid_ranges(doc in document()) {
        let split = ibid_segment::split_notes(&MappedText::identity(&doc, 0), &[]);
        for note in &split.notes {
            check_citations(note)?;
        }
    }

    /// … and for any single-line text with arbitrary breaks.
    #[test]
    fn citations_of_any_text(text in "[^\n]{0,200}", breaks in prop::collection::vec(0usize..250, 0..4)) {
        let note = RawNote { number: Some(1), text: MappedText::identity(&text, 0), prose: false, breaks };
        check_citations(&note)?;
        // deterministic
        prop_assert_eq!(ibid_segment::split_citations(&note), ibid_segment::split_citations(&note));
    }

    /// Breaks given to split_notes land inside the notes' texts.
    #[test]
    fn breaks_stay_in_range(doc in document(), breaks in prop::collection::vec(0usize..2000, 0..6)) {
        let split = ibid_segment::split_notes(&MappedText::identity(&doc, 0), &breaks);
        for note in &split.notes {
            for &b in &note.breaks {
                prop_assert!(b > 0 && b < note.text.len());
            }
            check_citations(note)?;
        }
    }
}

/// Hostile inputs finish (linear time) and keep every character.
#[test]
fn hostile_inputs() {
    let inputs = [
        "(".repeat(100_000),
        "a.a.a.".repeat(20_000),
        ". 5 Ibid".repeat(10_000),
        "1 Ibid.\n".repeat(20_000),
        "‘".repeat(50_000) + &"’".repeat(50_000),
        "see ".repeat(30_000),
        "Smith, J., ".repeat(20_000),
        "; ".repeat(50_000),
        "hereafter cited as (".repeat(10_000),
        "x".repeat(200_000),
        "\n".repeat(100_000),
    ];
    for doc in &inputs {
        let split = ibid_segment::split_notes(&MappedText::identity(doc, 0), &[]);
        let mut got = Vec::new();
        for (note, label) in split.notes.iter().zip(&split.labels) {
            if let Some(l) = label {
                got.extend(non_ws(&doc[l.clone()]));
            }
            got.extend(non_ws(note.text.as_str()));
            let cites = ibid_segment::split_citations(note);
            assert!(cites.windows(2).all(|w| w[0].range.end <= w[1].range.start));
        }
        assert_eq!(got, non_ws(doc));
        // the whole input as one note
        let note = RawNote {
            number: Some(1),
            text: MappedText::identity(doc, 0),
            prose: false,
            breaks: vec![],
        };
        let _ = ibid_segment::split_citations(&note);
    }
}
