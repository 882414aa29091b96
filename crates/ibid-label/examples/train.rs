//! Trains the labeller and writes the model file.
//!
//! ```text
//! nice cargo run --release -p ibid-label --example train -- \
//!     [--out crates/ibid-label/model/ibid-label.crf] [--iterations 150] [--c1 0] [--c2 1]
//!     [--min-count 2] [--limit N] [--synthetic 4000] [--class-transitions] \
//!     ../shared/data/train/*.jsonl
//! ```
//! Files ending in `.jsonl` are ibid's gold format; `.xml` files are read as
//! AnyStyle XML when they contain `<sequence`, else as GROBID/TEI `<bibl>`.
//! `--synthetic N` adds N generated law and German-style references
//! (`ibid_label::synthetic_records`). `--class-transitions` learns a
//! transition matrix per transition class of a token (what stands before
//! it; `TrainOptions::class_transitions`), which the embedded model does
//! not use.

use ibid_label::{
    default_options, parse_anystyle_xml, parse_jsonl, parse_tei_bibl, synthetic_records, train,
};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = default_options();
    let mut out = concat!(env!("CARGO_MANIFEST_DIR"), "/model/ibid-label.crf").to_string();
    let mut limit = usize::MAX;
    let mut synthetic = 0usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = val()?,
            "--iterations" => opts.max_iterations = val()?.parse()?,
            "--c1" => opts.c1 = val()?.parse()?,
            "--c2" => opts.c2 = val()?.parse()?,
            "--min-count" => opts.min_count = val()?.parse()?,
            "--prune" => opts.prune = val()?.parse()?,
            "--class-transitions" => opts.class_transitions = true,
            "--limit" => limit = val()?.parse()?,
            "--synthetic" => synthetic = val()?.parse()?,
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return Err("usage: train [options] FILE…".into());
    }
    let started = Instant::now();
    let mut records = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f)?;
        let mut recs = if f.ends_with(".xml") {
            if text.contains("<sequence") {
                parse_anystyle_xml(&text)?
            } else {
                parse_tei_bibl(&text)?
            }
        } else {
            parse_jsonl(&text)?
        };
        recs.truncate(limit);
        eprintln!("{f}: {} records", recs.len());
        records.extend(recs);
    }
    if synthetic > 0 {
        eprintln!("{synthetic} generated law/German-style records");
        records.extend(synthetic_records(synthetic));
    }
    eprintln!("{} records, {:?}", records.len(), opts);
    let (labeller, report) = train(&records, &opts, |it| {
        eprintln!(
            "iter {:3}  loss {:14.4}  |g| {:10.4}  step {:.3}  evals {}  {:6.1}s",
            it.iteration,
            it.loss,
            it.gradient_norm,
            it.step,
            it.evaluations,
            started.elapsed().as_secs_f64()
        );
    })?;
    let bytes = labeller.to_bytes();
    std::fs::write(&out, &bytes)?;
    let model = labeller.model().ok_or("no model")?;
    eprintln!(
        "{report:?}\nwrote {out}: {} bytes, {} attributes, {} features; total {:.1}s",
        bytes.len(),
        model.num_attributes(),
        model.num_features(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
