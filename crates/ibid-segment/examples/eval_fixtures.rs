//! Score segmentation against the hand-made gold of the fixture documents
//! (`test_data/documents/*.txt` with `<name>.gold.json`): notes (number,
//! prose), citation texts, kinds and locators. Text is cleaned with
//! `ibid-clean` first, as in the pipeline.
//!
//! `cargo run -p ibid-segment --example eval_fixtures -- [DIR] [-v]`

use ibid_model::MappedText;
use std::fs;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_else(|| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../test_data/documents").to_string()
        });
    let verbose = args.iter().any(|a| a == "-v");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("read fixture dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let (mut tg, mut tp, mut tt, mut tk, mut tl) = (0, 0, 0, 0, 0);
    for name in names {
        let gold_path = format!("{dir}/{}", name.replace(".txt", ".gold.json"));
        let Ok(gold) = fs::read_to_string(&gold_path) else {
            continue;
        };
        let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold json");
        let input = fs::read_to_string(format!("{dir}/{name}")).expect("read doc");
        let cleaned = ibid_clean::clean(&MappedText::identity(&input, 0));
        let split = ibid_segment::split_notes(&cleaned.text, &cleaned.breaks);
        let gnotes = gold["notes"].as_array().cloned().unwrap_or_default();
        let notes_ok = split.notes.len() == gnotes.len()
            && split.notes.iter().zip(&gnotes).all(|(n, g)| {
                // a numbered note of prose is a note without citations, not a prose block
                let gold_prose = g["prose"].as_bool().unwrap_or(false) && g["number"].is_null();
                n.number.map(i64::from) == g["number"].as_i64() && n.prose == gold_prose
            });
        let (mut g_n, mut p_n, mut text_ok, mut kind_ok, mut loc_ok) = (0, 0, 0, 0, 0);
        for (k, note) in split.notes.iter().enumerate() {
            let text = note.text.as_str();
            let preds = ibid_segment::split_citations(note);
            p_n += preds.len();
            // notes align by position when the sequences agree, else by number
            let gold_note = if split.notes.len() == gnotes.len() {
                gnotes.get(k)
            } else {
                gnotes.iter().find(|g| {
                    g["number"].as_i64() == note.number.map(i64::from) && note.number.is_some()
                })
            };
            let gc = gold_note
                .and_then(|g| g["citations"].as_array().cloned())
                .unwrap_or_default();
            g_n += gc.len();
            for g in &gc {
                let gt = g["text"].as_str().unwrap_or("");
                match preds.iter().find(|p| &text[p.range.clone()] == gt) {
                    Some(p) => {
                        text_ok += 1;
                        let kind = p.kind.as_str();
                        let loc = p.locator.clone().map(|l| &text[l]);
                        if kind == g["kind"].as_str().unwrap_or("") {
                            kind_ok += 1;
                        } else if verbose {
                            println!(
                                "  {name} n{:?}: kind {kind} != {} for {gt:?}",
                                note.number, g["kind"]
                            );
                        }
                        if loc == g["locator"].as_str() {
                            loc_ok += 1;
                        } else if verbose {
                            println!(
                                "  {name} n{:?}: locator {loc:?} != {} for {gt:?}",
                                note.number, g["locator"]
                            );
                        }
                    }
                    None if verbose => {
                        println!("  {name} n{:?}: missed {gt:?}", note.number);
                        for p in &preds {
                            println!("      got {:?}", &text[p.range.clone()]);
                        }
                    }
                    None => {}
                }
            }
        }
        println!(
            "{name:<32} notes {} ({} vs {}); citations gold {g_n} pred {p_n} text {text_ok} kind {kind_ok} locator {loc_ok}",
            if notes_ok { "ok" } else { "DIFFER" },
            split.notes.len(),
            gnotes.len()
        );
        if verbose && !notes_ok {
            let got: Vec<String> = split
                .notes
                .iter()
                .map(|n| format!("{:?}{}", n.number, if n.prose { "p" } else { "" }))
                .collect();
            let want: Vec<String> = gnotes
                .iter()
                .map(|g| {
                    format!(
                        "{:?}{}",
                        g["number"].as_i64(),
                        if g["prose"].as_bool().unwrap_or(false) && g["number"].is_null() {
                            "p"
                        } else {
                            ""
                        }
                    )
                })
                .collect();
            println!("  got  {}\n  want {}", got.join(" "), want.join(" "));
        }
        tg += g_n;
        tp += p_n;
        tt += text_ok;
        tk += kind_ok;
        tl += loc_ok;
    }
    println!(
        "total: gold {tg} predicted {tp} text exact {tt} (P {:.3} R {:.3}); of those kind ok {tk}, locator ok {tl}",
        tt as f64 / tp.max(1) as f64,
        tt as f64 / tg.max(1) as f64
    );
}
