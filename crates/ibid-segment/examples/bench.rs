//! Time `split_notes` + `split_citations` on the shared corpora (texts loaded
//! first, so only segmentation is timed).
//!
//! `cargo run --release -p ibid-segment --example bench -- FILE.jsonl...`

use ibid_model::{MappedText, RawNote};
use std::time::Instant;

fn main() {
    let mut texts: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&path).expect("read file");
        for line in data.lines() {
            if let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = rec["text"].as_str() {
                    texts.push(t.to_string());
                }
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    // citations of single references
    let notes: Vec<RawNote> = texts
        .iter()
        .map(|t| RawNote {
            number: Some(1),
            text: MappedText::identity(t, 0),
            prose: false,
            breaks: vec![],
        })
        .collect();
    let start = Instant::now();
    let mut cites = 0usize;
    for _ in 0..rounds {
        for n in &notes {
            cites += ibid_segment::split_citations(n).len();
        }
    }
    let el = start.elapsed().as_secs_f64() / rounds.max(1) as f64;
    println!(
        "split_citations: {} refs, {:.2} µs/ref, {:.1} MB/s ({} citations)",
        notes.len(),
        el * 1e6 / notes.len().max(1) as f64,
        bytes as f64 / el / 1e6,
        cites / rounds.max(1)
    );
    // one big numbered notes list
    let mut doc = String::with_capacity(bytes + texts.len() * 8);
    for (i, t) in texts.iter().enumerate() {
        doc.push_str(&format!("{} {}\n", i + 1, t.replace('\n', " ")));
    }
    let mapped = MappedText::identity(&doc, 0);
    let start = Instant::now();
    let split = ibid_segment::split_notes(&mapped, &[]);
    let el = start.elapsed().as_secs_f64();
    println!(
        "split_notes: {} notes from {} lines, {:.2} µs/note, {:.1} MB/s",
        split.notes.len(),
        texts.len(),
        el * 1e6 / texts.len().max(1) as f64,
        doc.len() as f64 / el / 1e6
    );
}
