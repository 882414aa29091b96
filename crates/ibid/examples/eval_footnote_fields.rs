//! Field-level scores on whole footnotes, through the whole pipeline (as
//! `ibid eval --notes`, see `ibid::evaluate_notes`), next to the labeller
//! alone on the same footnotes read as one reference; `--diff` lists the
//! missed and spurious values by field.
//!
//! ```text
//! cargo run --release -p ibid --example eval_footnote_fields -- FILE.jsonl [--diff]
//! ```

use ibid::{drop_note_number, note_fields, Parser};
use ibid_label::{evaluate_predictions, parse_jsonl, EvalOptions, FieldDiff, TrainRecord};
use ibid_model::Label;
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
    let mut diff = FieldDiff::default();
    for (r, p) in gold.iter().zip(pred) {
        let g: Vec<_> = r.spans.iter().map(|s| (s.label, s.range.clone())).collect();
        diff.add(&r.text, &g, p, *opts);
    }
    print!("{diff}");
}
