//! `ibid parse`: a notes list in, a notes document out — or, with
//! `--input jsonl`, one notes document per JSON Lines record.

use crate::batch::{self, BatchConfig, Outcome, Record};
use crate::records::{self, InputMode};
use crate::{input, output};
use anyhow::{Context, Result};
use clap::Args;
use ibid_emit::{EmitOptions, Format};
use serde_json::{Map, Value};
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The notes file (plain text or HTML; `.gz` is read transparently); `-` or nothing reads standard input.
    #[arg(default_value = "-")]
    pub file: String,
    /// Output format: json, jsonl, text, csl-json, bibtex, biblatex, ris, tei, jats, chicago, chicago-html.
    #[arg(short, long, default_value = "json")]
    pub format: Format,
    /// How the input is given: one document (text) or one document per JSON Lines record (jsonl).
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputMode,
    /// Write to FILE instead of standard output (gzip when it ends in .gz).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// With --input jsonl: continue a killed run, keeping the complete records of --output.
    #[arg(long)]
    pub resume: bool,
    /// Worker threads for --input jsonl (default: all cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Indent JSON output.
    #[arg(long)]
    pub pretty: bool,
    /// A field model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<String>,
    /// Citation style for `chicago` output (a style name hayagriva ships).
    #[arg(long, value_name = "NAME")]
    pub style: Option<String>,
}

pub fn run(args: &ParseArgs) -> Result<ExitCode> {
    let labeller = crate::model_cmds::load_labeller(args.model.as_deref())?;
    let parser = ibid::Parser::with_labeller(labeller);
    if args.input == InputMode::Jsonl {
        return run_batch(args, &parser);
    }
    if args.resume {
        anyhow::bail!("--resume works with --input jsonl");
    }
    let bytes = input::read_all(&args.file, input::MAX_DOCUMENT_BYTES)?;
    let doc = parser
        .parse_bytes(&bytes)
        .with_context(|| input::display(&args.file))?;
    drop(bytes);
    let opts = EmitOptions {
        style: args.style.clone(),
        pretty: args.pretty,
    };
    let mut out = output::open(args.output.as_deref(), false)?;
    ibid_emit::write_document(&doc, args.format, &opts, &mut out.sink)?;
    out.sink.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One document per record, each written as one JSON line `{"id", …, "document"}`.
fn run_batch(args: &ParseArgs, parser: &ibid::Parser<'_>) -> Result<ExitCode> {
    if !matches!(args.format, Format::Json | Format::Jsonl) {
        anyhow::bail!("--input jsonl writes JSON Lines: use --format json");
    }
    let reader = input::open_lines(&args.file)?;
    let mut out = output::open(args.output.as_deref(), args.resume)?;
    let cfg = BatchConfig {
        jobs: crate::jobs(args.jobs),
        skip: out.done,
        progress: !args.quiet,
        total_bytes: input::size_of(&args.file),
    };
    let work = |r: &Record| match records::parse_json_record(&r.line, r.index) {
        Ok(rec) => {
            let doc = parser.parse_str(&rec.text);
            Outcome {
                value: records::output_line(&rec.id, &rec.extra, "document", &doc),
                error: false,
            }
        }
        Err((id, message)) => Outcome {
            value: records::error_line(&id, &Map::new(), "bad-record", &message),
            error: true,
        },
    };
    let on_panic = |r: &Record| {
        let message = format!("line {}: internal error while parsing", r.index + 1);
        records::error_line(&Value::from(r.index + 1), &Map::new(), "internal", &message)
    };
    let sink = &mut out.sink;
    let summary = batch::run(reader, &cfg, work, on_panic, |_, line| {
        sink.write_all(&line)
    })?;
    out.sink.flush()?;
    if !args.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(ExitCode::SUCCESS)
}
