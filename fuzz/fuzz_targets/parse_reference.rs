//! Fuzzes `ibid refs`' entry point: one reference string, cleaned and
//! labelled (`Parser::parse_reference`), to a CSL item; and the labeller's
//! spans on the raw string stay inside it on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let parser = ibid::Parser::new();
        let item = parser.parse_reference(text);
        let _ = serde_json::to_string(&item);
        let labelled = parser.labeller().label(text);
        for f in &labelled.fields {
            assert!(f.range.start <= f.range.end && f.range.end <= text.len());
            assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        }
    }
});
