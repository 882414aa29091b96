//! Fuzzes the writers: whatever the parser reads from the input is written
//! in every output format (Chicago through hayagriva and its cut styles
//! included). A writer may return an error; it must not panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = ibid::Parser::new().parse_bytes(data) else {
        return;
    };
    let opts = ibid_emit::EmitOptions::default();
    for format in ibid_emit::Format::ALL {
        let mut out = Vec::new();
        let _ = ibid_emit::write_document(&doc, format, &opts, &mut out);
    }
});
