//! Properties of the whole pipeline on arbitrary input: it never panics, spans
//! stay inside the input, citations stay inside their notes, and a citation's
//! text is made of its note's characters.

use proptest::prelude::*;

fn notes_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("12 ".to_string()),
        Just("\n".to_string()),
        Just("Ibid., p. 91. ".to_string()),
        Just("Taylor, A. J. P., The Origins (London, 1961), p. 88".to_string()),
        Just("Google Scholar".to_string()),
        Just("; see also ".to_string()),
        Just("(hereafter cited as D.G.F.P.)".to_string()),
        Just("Ger-\nman ".to_string()),
        Just("<li>".to_string()),
        Just("¹ ".to_string()),
        Just("Gründung, Kōshō — «cit.» ".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn check(input: &str) {
    let doc = ibid::Parser::new().parse_str(input);
    let len = input.chars().count();
    let chars: Vec<char> = input.chars().collect();
    for note in &doc.notes {
        assert!(
            note.span[0] <= note.span[1] && note.span[1] <= len,
            "note span {:?} outside 0..{len}",
            note.span
        );
        for c in &note.citations {
            assert!(c.span[0] <= c.span[1] && c.span[1] <= len);
            assert!(
                c.span[0] >= note.span[0] && c.span[1] <= note.span[1],
                "citation {:?} outside note {:?}",
                c.span,
                note.span
            );
            assert!(!c.text.trim().is_empty());
            // every character of the citation text is in the note text, in order
            let mut note_chars = note.text.chars();
            for ch in c.text.chars() {
                assert!(
                    note_chars.any(|n| n == ch),
                    "{:?} not in note {:?}",
                    c.text,
                    note.text
                );
            }
            for f in &c.fields {
                assert!(
                    f.span[0] >= c.span[0] && f.span[1] <= c.span[1],
                    "field {:?} outside citation {:?}",
                    f.span,
                    c.span
                );
            }
            for u in &c.unlabelled {
                assert!(
                    u.span[0] >= c.span[0] && u.span[1] <= c.span[1] && u.span[0] < u.span[1],
                    "unlabelled {:?} outside citation {:?}",
                    u.span,
                    c.span
                );
                // unlabelled words are no part of any field
                assert!(
                    c.fields
                        .iter()
                        .all(|f| f.span[1] <= u.span[0] || f.span[0] >= u.span[1]),
                    "unlabelled {:?} overlaps a field of {:?}",
                    u.text,
                    c.text
                );
            }
        }
        // the original span of a note holds every non-space character of its text
        let orig: String = chars[note.span[0]..note.span[1]].iter().collect();
        let orig_count = orig.chars().filter(|c| !c.is_whitespace()).count();
        let text_count = note.text.chars().filter(|c| !c.is_whitespace()).count();
        assert!(
            text_count <= orig_count,
            "note text {:?} has more characters than its source {orig:?}",
            note.text
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn pipeline_spans_are_sound(input in notes_like()) {
        check(&input);
    }

    #[test]
    fn pipeline_never_panics_on_any_text(input in "\\PC{0,200}") {
        check(&input);
    }

    #[test]
    fn pipeline_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = ibid::Parser::new().parse_bytes(&bytes);
    }
}

#[test]
fn unlabelled_words_are_in_the_document() {
    let input = "3 K. O’Donovan, Sexual Divisions in Law (1985), in particolare 112–18.\n";
    let doc = ibid::Parser::new().parse_str(input);
    let c = &doc.notes[0].citations[0];
    let chars: Vec<char> = input.chars().collect();
    let u = c.unlabelled.first().expect("unlabelled words");
    assert!(u.text.contains("particolare"), "{:?}", c.unlabelled);
    let at: String = chars[u.span[0]..u.span[1]].iter().collect();
    assert_eq!(at, u.text);
    assert!(c.item.note.as_deref().unwrap_or("").contains("particolare"));
}

#[test]
fn empty_input_is_an_empty_document() {
    let doc = ibid::Parser::new().parse_bytes(b"").unwrap();
    assert!(doc.notes.is_empty() && doc.works.is_empty() && doc.diagnostics.is_empty());
}

#[test]
fn invalid_utf8_and_binary_are_errors() {
    assert!(ibid::Parser::new()
        .parse_bytes(b"1 Taylor \xff\xfe, p. 3")
        .is_err());
    assert!(ibid::Parser::new()
        .parse_bytes(b"\x00\x01\x02\x03ELF\x00\x00")
        .is_err());
}

/// Brackets nested 50,000 deep ("((((…))))", "[[[[…]]]]") give one note
/// with its citation. (Each bracket pair's inner text was once read whole
/// by the definition finder: quadratic, 5 s for this note; now a few ms.
/// Timings are in BENCHMARKS.md, not here.)
#[test]
fn deeply_nested_brackets_are_one_note() {
    for (open, close) in [("(", ")"), ("[", "]")] {
        let depth = 50_000;
        let input = format!(
            "1 Hansard, {}HC Deb{}, 1990.\n",
            open.repeat(depth),
            close.repeat(depth)
        );
        let doc = ibid::Parser::new().parse_str(&input);
        assert_eq!(doc.notes.len(), 1, "{open}");
        assert!(!doc.notes[0].citations.is_empty(), "{open}");
    }
}
