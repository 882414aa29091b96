//! Fuzzes `ibid refs`' entry point: one reference string to a CSL item.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let labelled = ibid::Parser::new().labeller().label(text);
        for f in &labelled.fields {
            assert!(f.range.start <= f.range.end && f.range.end <= text.len());
            assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        }
    }
});
