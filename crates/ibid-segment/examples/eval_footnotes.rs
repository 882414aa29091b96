//! Measure citation splitting against gold footnotes in the shared JSON Lines
//! format (`refs` = citation spans in code points of `text`).
//!
//! `cargo run -p ibid-segment --example eval_footnotes -- /work/shared/data/dev/bibltei-footnotes-dev.jsonl [-v]`

use ibid_model::{MappedText, RawNote};

fn norm(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')' | '('))
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/data/dev/bibltei-footnotes-dev.jsonl".to_string());
    let verbose = std::env::args().any(|a| a == "-v");
    let data = std::fs::read_to_string(&path).expect("read gold file");
    let (mut gold_n, mut pred_n, mut exact, mut overlap) = (0usize, 0usize, 0usize, 0usize);
    for line in data.lines() {
        let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let text = rec["text"].as_str().unwrap_or("");
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let byte = |cp: usize| chars.get(cp).map_or(text.len(), |c| c.0);
        let gold: Vec<&str> = rec["refs"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|r| {
                        let s = r["start"].as_u64().unwrap_or(0) as usize;
                        let e = r["end"].as_u64().unwrap_or(0) as usize;
                        &text[byte(s)..byte(e)]
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mapped = MappedText::identity(text, 0);
        let split = ibid_segment::split_notes(&mapped, &[]);
        let mut preds: Vec<String> = Vec::new();
        for note in &split.notes {
            let note: &RawNote = note;
            for c in ibid_segment::split_citations(note) {
                preds.push(note.text.as_str()[c.range].to_string());
            }
        }
        gold_n += gold.len();
        pred_n += preds.len();
        let mut ok_here = 0;
        for g in &gold {
            if preds.iter().any(|p| norm(p) == norm(g)) {
                exact += 1;
                ok_here += 1;
            }
            if preds.iter().any(|p| {
                let (p, g) = (norm(p), norm(g));
                !p.is_empty()
                    && !g.is_empty()
                    && (g.contains(p) && p.len() * 2 >= g.len()
                        || p.contains(g) && g.len() * 2 >= p.len())
            }) {
                overlap += 1;
            }
        }
        if verbose && (ok_here != gold.len() || preds.len() != gold.len()) {
            println!("TEXT {text}");
            for g in &gold {
                println!("  gold {g}");
            }
            for p in &preds {
                println!("  pred {p}");
            }
        }
    }
    let p = exact as f64 / pred_n.max(1) as f64;
    let r = exact as f64 / gold_n.max(1) as f64;
    println!(
        "gold {gold_n} predicted {pred_n} exact {exact} (P {:.3} R {:.3} F1 {:.3}); overlap≥50% recall {:.3}",
        p,
        r,
        2.0 * p * r / (p + r).max(1e-9),
        overlap as f64 / gold_n.max(1) as f64
    );
}
