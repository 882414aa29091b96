//! Field-level scores on whole footnotes, through the whole pipeline (as
//! `ibid eval --notes`, see `ibid::evaluate_notes`), next to the labeller
//! alone on the same footnotes read as one reference; `--diff` lists the
//! missed and spurious values by field.
//!
//! ```text
//! cargo run --release -p ibid --example eval_footnote_fields -- FILE.jsonl [--diff]
//! ```

use ibid::{drop_note_number, note_fields, Parser};
use ibid_label::{evaluate_predictions, field_values, parse_jsonl, EvalOptions, TrainRecord};
use ibid_model::Label;
use std::collections::BTreeMap;
use std::ops::Range;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files = Vec::new();
    let mut diff = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--diff" => diff = true,
            _ => files.push(a),
        }
    }
    let parser = Parser::new();
    let opts = EvalOptions::default();
    for f in files {
        let mut gold = parse_jsonl(&std::fs::read_to_string(&f)?)?;
        for r in &mut gold {
            drop_note_number(r);
        }
        let pipeline: Vec<Vec<(Label, Range<usize>)>> =
            gold.iter().map(|r| note_fields(&parser, &r.text)).collect();
        let alone: Vec<Vec<(Label, Range<usize>)>> = gold
            .iter()
            .map(|r| {
                parser
                    .labeller()
                    .label(&r.text)
                    .fields
                    .into_iter()
                    .map(|f| (f.label, f.range))
                    .collect()
            })
            .collect();
        println!("## {f}: the pipeline (split, then label each citation)\n");
        println!("{}", evaluate_predictions(&gold, &pipeline, &opts));
        println!("## {f}: the labeller alone (the whole footnote as one reference)\n");
        println!("{}", evaluate_predictions(&gold, &alone, &opts));
        if diff {
            print_diff(&gold, &pipeline, &opts);
        }
    }
    Ok(())
}

/// Missed gold values and spurious predicted ones, by field, with examples.
fn print_diff(gold: &[TrainRecord], pred: &[Vec<(Label, Range<usize>)>], opts: &EvalOptions) {
    let mut missed: BTreeMap<Label, Vec<String>> = BTreeMap::new();
    let mut spurious: BTreeMap<Label, Vec<String>> = BTreeMap::new();
    for (r, p) in gold.iter().zip(pred) {
        let g: Vec<_> = r.spans.iter().map(|s| (s.label, s.range.clone())).collect();
        let gv = field_values(&r.text, &g, *opts);
        let pv = field_values(&r.text, p, *opts);
        for (a, b, out) in [(&gv, &pv, &mut missed), (&pv, &gv, &mut spurious)] {
            for (label, vals) in a {
                let mut other: Vec<&String> =
                    b.get(label).map(|v| v.iter().collect()).unwrap_or_default();
                for v in vals {
                    match other.iter().position(|x| *x == v) {
                        Some(i) => {
                            other.swap_remove(i);
                        }
                        None => out.entry(*label).or_default().push(v.clone()),
                    }
                }
            }
        }
    }
    for (title, t) in [("missed", &missed), ("spurious", &spurious)] {
        println!("### {title}");
        for (label, vals) in t {
            println!(
                "{:5} {label}: {}",
                vals.len(),
                vals.iter()
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
    }
}
