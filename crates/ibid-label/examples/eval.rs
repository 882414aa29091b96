//! Scores the labeller on gold files (see `ibid_label::evaluate` for the
//! comparison).
//!
//! ```text
//! cargo run --release -p ibid-label --example eval -- [--model FILE] [--merge-titles] [--errors N] [--diff] FILE.jsonl…
//! ```
//! `--errors N` also prints N references whose fields differ from the gold ones;
//! `--diff` tallies the missed and spurious values by field, with examples.

use ibid_label::{evaluate, parse_jsonl, EvalOptions, FieldDiff, Labeller};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = EvalOptions::default();
    let mut model = None;
    let mut errors = 0usize;
    let mut diff = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model = Some(args.next().ok_or("--model needs a file")?),
            "--merge-titles" => opts.merge_titles = true,
            "--errors" => errors = args.next().ok_or("--errors needs a number")?.parse()?,
            "--diff" => diff = true,
            _ => files.push(a),
        }
    }
    let owned;
    let labeller = match model {
        Some(path) => {
            owned = Labeller::from_bytes(&std::fs::read(path)?)?;
            &owned
        }
        None => Labeller::embedded(),
    };
    for f in files {
        let gold = parse_jsonl(&std::fs::read_to_string(&f)?)?;
        let t = Instant::now();
        let report = evaluate(labeller, &gold, &opts);
        println!("## {f} ({:.2}s)\n{report}", t.elapsed().as_secs_f64());
        if diff {
            print_diff(labeller, &gold, &opts);
        }
        let mut shown = 0;
        for r in &gold {
            if shown >= errors {
                break;
            }
            let out = labeller.label(&r.text);
            let pred: Vec<(ibid_model::Label, std::ops::Range<usize>)> = out
                .fields
                .iter()
                .map(|f| (f.label, f.range.clone()))
                .collect();
            let one = ibid_label::evaluate_predictions(std::slice::from_ref(r), &[pred], &opts);
            if one.micro.correct == one.micro.gold && one.micro.correct == one.micro.predicted {
                continue;
            }
            shown += 1;
            let show = |spans: Vec<(String, std::ops::Range<usize>)>| -> String {
                spans
                    .into_iter()
                    .map(|(l, x)| format!("{l}={}", &r.text[x]))
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            println!("{}", r.text);
            println!(
                "  gold: {}",
                show(
                    r.spans
                        .iter()
                        .map(|s| (s.label.to_string(), s.range.clone()))
                        .collect()
                )
            );
            println!(
                "  pred: {}",
                show(
                    out.fields
                        .iter()
                        .map(|s| (s.label.to_string(), s.range.clone()))
                        .collect()
                )
            );
        }
    }
    Ok(())
}

/// Missed and spurious values by field over `gold`, with examples.
fn print_diff(labeller: &Labeller, gold: &[ibid_label::TrainRecord], opts: &EvalOptions) {
    let mut diff = FieldDiff::default();
    for r in gold {
        let pred: Vec<_> = labeller
            .label(&r.text)
            .fields
            .into_iter()
            .map(|f| (f.label, f.range))
            .collect();
        let g: Vec<_> = r.spans.iter().map(|s| (s.label, s.range.clone())).collect();
        diff.add(&r.text, &g, &pred, *opts);
    }
    print!("{diff}");
}
