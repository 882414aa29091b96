//! Rebuild whole notes lists from gold footnotes (grouped by `doc`, hard-wrapped
//! at a given width, optionally run together), split them with `split_notes`,
//! and compare note numbers, note texts and citations with the gold.
//!
//! `cargo run -p ibid-segment --example eval_notes -- FILE.jsonl [WIDTH] [-v] [--run-together]`

use ibid_model::MappedText;
use std::collections::BTreeMap;

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in text.split(' ') {
        if col > 0 && col + word.chars().count() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.chars().count();
    }
    out
}

fn norm(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')' | '('))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/work/shared/data/dev/bibltei-footnotes-dev.jsonl".into());
    let width: usize = args.get(2).and_then(|w| w.parse().ok()).unwrap_or(70);
    let verbose = args.iter().any(|a| a == "-v");
    let run_together = args.iter().any(|a| a == "--run-together");
    let data = std::fs::read_to_string(&path).expect("read gold file");
    let mut docs: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    for line in data.lines() {
        if let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) {
            if rec["container"] == "note"
                && rec["footnote"]
                    .as_str()
                    .is_some_and(|f| f.parse::<u32>().is_ok())
            {
                docs.entry(rec["doc"].as_str().unwrap_or("").to_string())
                    .or_default()
                    .push(rec);
            }
        }
    }
    let (mut notes_gold, mut notes_ok, mut text_ok, mut gold_c, mut pred_c, mut exact_c) =
        (0, 0, 0, 0, 0, 0);
    for (doc, recs) in &docs {
        let mut input = String::from("Notes\n\n");
        let mut gold: Vec<(u32, String, Vec<String>)> = Vec::new();
        for (k, r) in recs.iter().enumerate() {
            let text = r["text"].as_str().unwrap_or("");
            let num: u32 = r["footnote"]
                .as_str()
                .and_then(|f| f.parse().ok())
                .unwrap_or(0);
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let byte = |cp: usize| chars.get(cp).map_or(text.len(), |c| c.0);
            let refs: Vec<String> = r["refs"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| {
                            text[byte(x["start"].as_u64().unwrap_or(0) as usize)
                                ..byte(x["end"].as_u64().unwrap_or(0) as usize)]
                                .to_string()
                        })
                        .collect()
                })
                .unwrap_or_default();
            // the record text starts with its label ("12 ")
            let body = text.split_once(' ').map_or("", |x| x.1);
            gold.push((num, body.to_string(), refs));
            if run_together && k % 3 == 1 {
                input.pop();
                input.push(' ');
            }
            input.push_str(&wrap(text, width));
            input.push('\n');
        }
        let split = ibid_segment::split_notes(&MappedText::identity(&input, 0), &[]);
        let found: Vec<_> = split.notes.iter().filter(|n| !n.prose).collect();
        notes_gold += gold.len();
        for (num, body, refs) in &gold {
            gold_c += refs.len();
            let Some(n) = found.iter().find(|n| n.number == Some(*num)) else {
                if verbose {
                    println!("{doc}: note {num} missing");
                }
                continue;
            };
            notes_ok += 1;
            if n.text.as_str() == body.trim_end() {
                text_ok += 1;
            } else if verbose {
                println!(
                    "{doc} note {num} text differs:\n  gold {body:?}\n  got  {:?}",
                    n.text.as_str()
                );
            }
            let preds: Vec<String> = ibid_segment::split_citations(n)
                .into_iter()
                .map(|c| n.text.as_str()[c.range].to_string())
                .collect();
            pred_c += preds.len();
            exact_c += refs
                .iter()
                .filter(|g| preds.iter().any(|p| norm(p) == norm(g)))
                .count();
        }
        if verbose {
            for d in &split.diagnostics {
                println!("{doc}: {} {}", d.code, d.message);
            }
        }
    }
    println!(
        "width {width}{}: notes found {notes_ok}/{notes_gold}, texts exact {text_ok}; citations gold {gold_c} predicted {pred_c} exact {exact_c} (P {:.3} R {:.3})",
        if run_together { ", every third run together" } else { "" },
        exact_c as f64 / pred_c.max(1) as f64,
        exact_c as f64 / gold_c.max(1) as f64
    );
}
