//! `ibid train` and `ibid eval`, and loading a model given by `--model`.

use anyhow::{bail, Context, Result};
use clap::Args;
use ibid::Labeller;
use ibid_label::{EvalOptions, TrainRecord};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Annotated references: ibid's JSONL gold records (`.jsonl`), AnyStyle XML
    /// (`<dataset><sequence>…`) or GROBID TEI `<bibl>` training files (`.xml`/`.tei`).
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
    /// L-BFGS iterations at most.
    #[arg(long, default_value_t = ibid_label::default_options().max_iterations)]
    pub iterations: usize,
    /// L2 regularisation coefficient.
    #[arg(long, default_value_t = ibid_label::default_options().c2)]
    pub c2: f64,
    /// L1 regularisation coefficient (0: none).
    #[arg(long, default_value_t = ibid_label::default_options().c1)]
    pub c1: f64,
    /// Keep only features seen at least this often.
    #[arg(long, default_value_t = ibid_label::default_options().min_count)]
    pub min_count: u32,
    /// Add N generated law and German-style references to the training data.
    #[arg(long, default_value_t = 0)]
    pub synthetic: usize,
    /// Learn a label-transition matrix for each kind of boundary between two
    /// tokens (what the token before is: a comma, an initial's full stop, a
    /// bracket, a word or number; and what the token is), not one for all.
    /// Helps a model trained on one corpus; the embedded model does without.
    #[arg(long)]
    pub class_transitions: bool,
    /// No progress lines.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold JSONL files (ibid's training-data format).
    #[arg(required = true)]
    pub files: Vec<String>,
    /// A field model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<String>,
    /// Count container-title as title (for corpora that label both as title, e.g. LinkedBooks).
    #[arg(long)]
    pub merge_titles: bool,
    /// Each record's text is a note, or several: parse it with the whole
    /// pipeline (as `ibid parse`) and score the fields of all its citations
    /// (a leading note number labelled `other` in the gold is left out).
    #[arg(long)]
    pub notes: bool,
    /// Print one JSON object per file instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// The largest model file `--model` reads (the embedded model is 3 MB; the
/// issue allows 20 MB): a bigger input, or an endless one (`/dev/zero`), is
/// refused rather than read into memory.
const MAX_MODEL_BYTES: u64 = 64 * 1024 * 1024;

/// The embedded labeller, or the one in `path` (kept for the life of the process).
pub fn load_labeller(path: Option<&str>) -> Result<&'static Labeller> {
    let Some(path) = path else {
        return Ok(Labeller::embedded());
    };
    let bytes = crate::input::read_all(path, MAX_MODEL_BYTES)
        .with_context(|| format!("{path}: cannot read model"))?;
    let labeller =
        Labeller::from_bytes(&bytes).with_context(|| format!("{path}: not an ibid model"))?;
    Ok(Box::leak(Box::new(labeller)))
}

fn read_records(path: &str) -> Result<Vec<TrainRecord>> {
    let bytes = crate::input::read_all(path, crate::input::MAX_DOCUMENT_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{path}: invalid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })?;
    let records = if path.ends_with(".xml") || path.ends_with(".tei") {
        if text.contains("<sequence") {
            ibid_label::parse_anystyle_xml(&text)
        } else {
            ibid_label::parse_tei_bibl(&text)
        }
    } else {
        ibid_label::parse_jsonl(&text)
    };
    records.with_context(|| path.to_string())
}

pub fn train(args: &TrainArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let mut records = Vec::new();
    for f in &args.files {
        let recs = read_records(f)?;
        if !args.quiet {
            eprintln!("{f}: {} records", recs.len());
        }
        records.extend(recs);
    }
    if args.synthetic > 0 {
        records.extend(ibid_label::synthetic_records(args.synthetic));
    }
    if records.is_empty() {
        bail!("no training records in the given files");
    }
    let opts = ibid_label::TrainOptions {
        max_iterations: args.iterations,
        c1: args.c1,
        c2: args.c2,
        min_count: args.min_count,
        class_transitions: args.class_transitions,
        ..ibid_label::default_options()
    };
    let quiet = args.quiet;
    let (labeller, _report) = ibid_label::train(&records, &opts, |it| {
        if !quiet {
            eprintln!(
                "iteration {:3}  loss {:14.4}  |g| {:10.4}  {:6.1} s",
                it.iteration,
                it.loss,
                it.gradient_norm,
                started.elapsed().as_secs_f64()
            );
        }
    })?;
    let bytes = labeller.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output))?;
    eprintln!(
        "ibid: trained on {} references in {:.1} s; wrote {} ({} bytes)",
        records.len(),
        started.elapsed().as_secs_f64(),
        args.output,
        bytes.len()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn eval(args: &EvalArgs) -> Result<ExitCode> {
    let labeller = load_labeller(args.model.as_deref())?;
    let opts = EvalOptions {
        merge_titles: args.merge_titles,
    };
    for f in &args.files {
        let gold = read_records(f)?;
        let report = if args.notes {
            ibid::evaluate_notes(&ibid::Parser::with_labeller(labeller), &gold, &opts)
        } else {
            ibid_label::evaluate(labeller, &gold, &opts)
        };
        if args.json {
            let fields: Vec<serde_json::Value> = report
                .fields
                .iter()
                .map(|s| {
                    serde_json::json!({"field": s.field, "gold": s.gold, "predicted": s.predicted,
                        "correct": s.correct, "precision": s.precision(), "recall": s.recall(), "f1": s.f1()})
                })
                .collect();
            let m = &report.micro;
            // writeln!, not println!: a closed pipe (`| head`) is an error
            // main() reports quietly, not a panic
            writeln!(
                std::io::stdout().lock(),
                "{}",
                serde_json::json!({"file": f, "records": report.records, "merge_titles": args.merge_titles, "notes": args.notes,
                    "micro": {"precision": m.precision(), "recall": m.recall(), "f1": m.f1()}, "fields": fields})
            )?;
        } else {
            writeln!(std::io::stdout().lock(), "## {f}\n{report}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
