//! Scores the labeller on gold files (see `ibid_label::evaluate` for the
//! comparison).
//!
//! ```text
//! cargo run --release -p ibid-label --example eval -- [--model FILE] [--merge-titles] [--errors N] [--diff] FILE.jsonl…
//! ```
//! `--errors N` also prints N references whose fields differ from the gold ones;
//! `--diff` tallies the missed and spurious values by field, with examples.

use ibid_label::{evaluate, field_values, parse_jsonl, EvalOptions, Labeller};
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

/// Tallies the gold values that were missed by the field the prediction gave
/// the same normalised value ("?" when no predicted field has it), and the
/// predicted values that match no gold value, with examples of each.
fn print_diff(labeller: &Labeller, gold: &[ibid_label::TrainRecord], opts: &EvalOptions) {
    use std::collections::BTreeMap;
    type Tally = BTreeMap<(String, String), (usize, Vec<String>)>;
    let mut missed: Tally = BTreeMap::new();
    let mut spurious: Tally = BTreeMap::new();
    let note = |t: &mut Tally, key: (String, String), v: &str| {
        let e = t.entry(key).or_default();
        e.0 += 1;
        if e.1.len() < 8 {
            e.1.push(v.to_string());
        }
    };
    for r in gold {
        let pred: Vec<_> = labeller
            .label(&r.text)
            .fields
            .into_iter()
            .map(|f| (f.label, f.range))
            .collect();
        let g: Vec<_> = r.spans.iter().map(|s| (s.label, s.range.clone())).collect();
        let gv = field_values(&r.text, &g, *opts);
        let pv = field_values(&r.text, &pred, *opts);
        let owner = |vals: &BTreeMap<ibid_model::Label, Vec<String>>, v: &str| {
            vals.iter()
                .find(|(_, vs)| vs.iter().any(|x| x == v))
                .map_or("?".to_string(), |(l, _)| l.to_string())
        };
        for (a, b, tally) in [(&gv, &pv, &mut missed), (&pv, &gv, &mut spurious)] {
            for (label, vals) in a {
                let mut other: Vec<&String> =
                    b.get(label).map(|v| v.iter().collect()).unwrap_or_default();
                for v in vals {
                    if let Some(i) = other.iter().position(|x| *x == v) {
                        other.swap_remove(i);
                        continue;
                    }
                    note(tally, (label.to_string(), owner(b, v)), v);
                }
            }
        }
    }
    for (title, tally) in [
        ("missed gold (gold field -> predicted field)", &missed),
        (
            "spurious predictions (predicted field -> gold field)",
            &spurious,
        ),
    ] {
        println!("### {title}");
        let mut rows: Vec<_> = tally.iter().collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
        for ((l, o), (n, ex)) in rows {
            println!("{n:5} {l} -> {o}: {}", ex.join(" | "));
        }
    }
}
