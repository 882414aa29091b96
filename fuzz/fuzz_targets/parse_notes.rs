//! Fuzzes the ingest + clean + segment + label + resolve entry point.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = ibid::Parser::new().parse_bytes(data) {
        // spans count characters of the text read: the input itself, or
        // for a Word document the XML part its notes came from
        let len = match doc.form {
            ibid::InputForm::Docx => usize::MAX,
            _ => std::str::from_utf8(data).map_or(0, |s| s.chars().count()),
        };
        for note in &doc.notes {
            assert!(note.span[0] <= note.span[1] && note.span[1] <= len);
            for c in &note.citations {
                assert!(c.span[0] >= note.span[0] && c.span[1] <= note.span[1]);
            }
        }
    }
});
