//! Writes training files as the trainer sees them: every record rewritten
//! by `ibid_label::harmonise`, in ibid's JSONL gold format (character
//! offsets). For scoring a model against the conventions it was trained on.
//!
//! ```text
//! cargo run --release -p ibid-label --example harmonised -- OUTDIR FILE.jsonl…
//! ```
//! Prints how many records of each file were rewritten.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().ok_or("usage: harmonised OUTDIR FILE.jsonl…")?;
    for file in args {
        let records = ibid_label::parse_jsonl(&std::fs::read_to_string(&file)?)?;
        let mut text = String::new();
        let mut rewritten = 0usize;
        for r in &records {
            let h = ibid_label::harmonise(r);
            rewritten += usize::from(h != *r);
            let chars = |byte: usize| h.text[..byte].chars().count();
            let spans: Vec<serde_json::Value> = h
                .spans
                .iter()
                .map(|s| {
                    serde_json::json!({
                        "label": s.label.to_string(),
                        "start": chars(s.range.start),
                        "end": chars(s.range.end),
                    })
                })
                .collect();
            text.push_str(
                &serde_json::json!({"source": h.source, "text": h.text, "spans": spans})
                    .to_string(),
            );
            text.push('\n');
        }
        let name = Path::new(&file).file_name().ok_or("no file name")?;
        std::fs::write(Path::new(&out).join(name), text)?;
        println!("{file}: {rewritten} of {} records rewritten", records.len());
    }
    Ok(())
}
