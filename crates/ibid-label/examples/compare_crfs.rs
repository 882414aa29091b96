//! Trains `crfs` 0.4.1 (a Rust port of CRFsuite) and `ibid-crf` on the same
//! subset of the training data with the same features, L2 coefficient and
//! iteration count, then reports training time, tagging speed and field F1
//! on the two dev sets.
//!
//! ```text
//! nice cargo run --release -p ibid-label --example compare_crfs -- \
//!     [--refs 1500] [--iterations 50] ../shared/data
//! ```

use ibid_crf::{AttrSeq, Dataset, Scratch, TrainOptions};
use ibid_label::{
    evaluate_predictions, fields_from_path, model_labels, parse_jsonl, token_attributes,
    token_labels, EvalOptions, LabelledSpan, TrainRecord,
};
use ibid_model::Label;
use std::ops::Range;
use std::time::Instant;

type Fields = Vec<(Label, Range<usize>)>;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut refs = 1500usize;
    let mut iterations = 50usize;
    let mut root = "../shared/data".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--refs" => refs = args.next().ok_or("--refs N")?.parse()?,
            "--iterations" => iterations = args.next().ok_or("--iterations N")?.parse()?,
            _ => root = a,
        }
    }
    // an even sample of every training file
    let mut all = Vec::new();
    for f in [
        "anystyle-core",
        "anystyle-good",
        "anystyle-bad",
        "anystyle-ugly",
        "grobid-citation",
        "linkedbooks-train",
    ] {
        all.extend(parse_jsonl(&std::fs::read_to_string(format!(
            "{root}/train/{f}.jsonl"
        ))?)?);
    }
    let step = (all.len() / refs).max(1);
    let sample: Vec<TrainRecord> = all.into_iter().step_by(step).take(refs).collect();
    let names = model_labels();
    let mut toks = Vec::new();
    let mut seqs: Vec<(AttrSeq, Vec<u16>)> = Vec::new();
    for r in &sample {
        let mut seq = AttrSeq::default();
        token_attributes(&r.text, &mut toks, &mut seq);
        if !toks.is_empty() {
            seqs.push((seq, token_labels(r, &toks)));
        }
    }
    let as_strings = |seq: &AttrSeq| -> Vec<Vec<crfs::Attribute>> {
        seq.items()
            .map(|item| {
                item.iter()
                    .map(|h| crfs::Attribute::new(format!("{h:016x}"), 1.0))
                    .collect()
            })
            .collect()
    };
    println!(
        "{} training references, {} iterations, c2 = 1, every (attribute, label) pair seen once",
        seqs.len(),
        iterations
    );

    // ibid-crf
    let t = Instant::now();
    let mut data = Dataset::new(names.clone())?;
    for (seq, labels) in &seqs {
        data.push(seq, labels)?;
    }
    let opts = TrainOptions {
        c2: 1.0,
        max_iterations: iterations,
        min_count: 1,
        period: 0,
        epsilon: 0.0,
        ..TrainOptions::default()
    };
    let (ours, report) = ibid_crf::train(&data, &opts, |_| {})?;
    let ours_train = t.elapsed().as_secs_f64();

    // crfs
    let t = Instant::now();
    let mut trainer = crfs::Trainer::lbfgs()
        .with_c2(1.0)?
        .with_max_iterations(iterations)?
        .with_epsilon(0.0)?;
    for (seq, labels) in &seqs {
        let y: Vec<&str> = labels.iter().map(|&l| names[l as usize].as_str()).collect();
        trainer.append(&as_strings(seq), &y)?;
    }
    let path = std::env::temp_dir().join("ibid-compare-crfs.model");
    trainer.train(&path)?;
    let crfs_train = t.elapsed().as_secs_f64();
    let crfs_bytes = std::fs::read(&path)?;
    let crfs_model = crfs::Model::new(&crfs_bytes)?;
    let tagger = crfs_model.tagger()?;

    println!("| | ibid-crf | crfs 0.4.1 |\n|---|---:|---:|");
    println!("| training time (s) | {ours_train:.1} | {crfs_train:.1} |");
    println!(
        "| model bytes | {} | {} |",
        ours.to_bytes().len(),
        crfs_bytes.len()
    );
    println!("| iterations done | {} | {iterations} |", report.iterations);
    let mut rows: Vec<String> = Vec::new();
    for (file, merge) in [
        ("dev/linkedbooks-valid.jsonl", true),
        ("dev/bibltei-refs-dev.jsonl", false),
    ] {
        let gold = parse_jsonl(&std::fs::read_to_string(format!("{root}/{file}"))?)?;
        let inputs: Vec<(Vec<ibid_label::Token>, AttrSeq)> = gold
            .iter()
            .map(|r| {
                let mut toks = Vec::new();
                let mut seq = AttrSeq::default();
                token_attributes(&r.text, &mut toks, &mut seq);
                (toks, seq)
            })
            .collect();
        let string_inputs: Vec<Vec<Vec<crfs::Attribute>>> =
            inputs.iter().map(|(_, s)| as_strings(s)).collect();
        let to_fields = |r: &TrainRecord, toks: &[ibid_label::Token], path: &[u16]| -> Fields {
            let mut f: Vec<LabelledSpan> = Vec::new();
            fields_from_path(&r.text, toks, path, &mut f);
            f.into_iter().map(|s| (s.label, s.range)).collect()
        };
        // ibid-crf tagging (features precomputed: tagging only)
        let mut scratch = Scratch::default();
        let mut path = Vec::new();
        let t = Instant::now();
        let mut ours_pred = Vec::new();
        for ((toks, seq), r) in inputs.iter().zip(&gold) {
            ours.tag(seq, &mut scratch, &mut path);
            ours_pred.push(to_fields(r, toks, &path));
        }
        let ours_rate = gold.len() as f64 / t.elapsed().as_secs_f64();
        // crfs tagging
        let t = Instant::now();
        let mut crfs_pred = Vec::new();
        for (((toks, _), xs), r) in inputs.iter().zip(&string_inputs).zip(&gold) {
            let labels = if xs.is_empty() {
                Vec::new()
            } else {
                tagger.tag(xs)?
            };
            let path: Vec<u16> = labels
                .iter()
                .map(|l| names.iter().position(|n| n == l).unwrap_or(names.len() - 1) as u16)
                .collect();
            crfs_pred.push(to_fields(r, toks, &path));
        }
        let crfs_rate = gold.len() as f64 / t.elapsed().as_secs_f64();
        let opts = EvalOptions {
            merge_titles: merge,
        };
        let a = evaluate_predictions(&gold, &ours_pred, &opts);
        let b = evaluate_predictions(&gold, &crfs_pred, &opts);
        rows.push(format!(
            "| field micro-F1, {file} | {:.3} | {:.3} |",
            a.micro.f1(),
            b.micro.f1()
        ));
        rows.push(format!(
            "| tagging refs/s, {file} (features precomputed) | {ours_rate:.0} | {crfs_rate:.0} |"
        ));
    }
    for r in rows {
        println!("{r}");
    }
    Ok(())
}
