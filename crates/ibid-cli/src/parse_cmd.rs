//! `ibid parse`: a notes list in, a notes document out — or, with
//! `--input jsonl`, one notes document per JSON Lines record.

use crate::batch::{self, Outcome, Record};
use crate::common_args::{BatchArgs, ModelArgs};
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
    /// Output format: json, jsonl, text, csl-json, bibtex, biblatex, ris, tei, jats, chicago, chicago-html, html (a standalone page to read the document in a browser).
    #[arg(short, long, default_value = "json")]
    pub format: Format,
    #[command(flatten)]
    pub batch: BatchArgs,
    /// Indent JSON output.
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub model: ModelArgs,
}

pub fn run(args: &ParseArgs) -> Result<ExitCode> {
    let labeller = crate::model_cmds::load_labeller(args.model.model.as_deref())?;
    let parser = ibid::Parser::with_labeller(labeller);
    if args.batch.input == InputMode::Jsonl {
        return run_batch(args, &parser);
    }
    if args.batch.resume {
        anyhow::bail!("--resume works with --input jsonl");
    }
    let bytes = input::read_all(&args.file, input::MAX_DOCUMENT_BYTES)?;
    // a panic is a bug; the user gets a clear error and exit code 2, not
    // an abort (the batch mode catches one per record the same way)
    let parsed =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse_bytes(&bytes)));
    let Ok(parsed) = parsed else {
        anyhow::bail!(
            "{}: internal error while parsing (a bug in ibid: please report it with this input)",
            input::display(&args.file)
        );
    };
    let doc = parsed.with_context(|| input::display(&args.file))?;
    let opts = EmitOptions {
        style: args.model.style.clone(),
        pretty: args.pretty,
    };
    let mut out = output::open(args.batch.output.as_deref(), false)?;
    if args.format == Format::Html {
        // the page shows the document on its source text; parse_bytes has
        // accepted the bytes, so they are UTF-8
        let source = String::from_utf8_lossy(&bytes);
        ibid_emit::write_viewer(&doc, Some(&source), &opts, &mut out.sink)?;
    } else {
        drop(bytes);
        ibid_emit::write_document(&doc, args.format, &opts, &mut out.sink)?;
    }
    out.sink.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One document per record, each written as one JSON line `{"id", …, "document"}`.
fn run_batch(args: &ParseArgs, parser: &ibid::Parser<'_>) -> Result<ExitCode> {
    if !matches!(args.format, Format::Json | Format::Jsonl) {
        anyhow::bail!("--input jsonl writes JSON Lines: use --format json");
    }
    let reader = input::open_records(&args.file)?;
    let mut out = output::open(args.batch.output.as_deref(), args.batch.resume)?;
    let cfg = args.batch.config(&args.file, out.done);
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
    if !args.batch.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(ExitCode::SUCCESS)
}
