//! `ibid refs`: one reference a line in, one item a line out, in order.

use crate::batch::{self, Outcome, Record};
use crate::common_args::{BatchArgs, ModelArgs};
use crate::records::{self, InputMode};
use crate::{input, output};
use anyhow::Result;
use clap::Args;
use ibid::Item;
use ibid_emit::{EmitOptions, EntryRenderer, Format, ItemWriter};
use serde_json::{Map, Value};
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct RefsArgs {
    /// The references, one a line (or JSON Lines with --input jsonl); `-` or nothing reads standard input; `.gz` is read transparently.
    #[arg(default_value = "-")]
    pub file: String,
    /// Output format: json/jsonl (one JSON object a line), csl-json, bibtex, biblatex, ris, tei, jats, chicago, chicago-html, text.
    #[arg(short, long, default_value = "json")]
    pub format: Format,
    #[command(flatten)]
    pub batch: BatchArgs,
    #[command(flatten)]
    pub model: ModelArgs,
}

/// The result of one reference.
enum Done {
    /// A finished output line (JSON formats).
    Line(Vec<u8>),
    /// A parsed item for a writer in another format.
    Parsed { raw: String, item: Box<Item> },
    /// A record that could not be read.
    Failed { message: String },
    /// A heading line ("Bibliography"): no reference, so nothing in the
    /// bibliography formats.
    Heading { message: String },
}

pub fn run(args: &RefsArgs) -> Result<ExitCode> {
    let labeller = crate::model_cmds::load_labeller(args.model.model.as_deref())?;
    let parser = ibid::Parser::with_labeller(labeller);
    let line_format = matches!(args.format, Format::Json | Format::Jsonl);
    if args.batch.resume && !line_format {
        anyhow::bail!("--resume needs a line-based format (json or jsonl)");
    }
    let reader = input::open_records(&args.file)?;
    let mut out = output::open(args.batch.output.as_deref(), args.batch.resume)?;
    let opts = EmitOptions {
        style: args.model.style.clone(),
        pretty: false,
    };
    // formats whose lines stand alone (Chicago) are rendered on the workers
    let renderer = EntryRenderer::new(args.format, &opts)?;
    let mut writer = ItemWriter::new(args.format, opts)?;
    if !line_format {
        writer.begin(&mut out.sink)?;
    }
    let cfg = args.batch.config(&args.file, out.done);
    let mode = args.batch.input;
    let work = |r: &Record| {
        let out = process(&parser, mode, line_format, r);
        match (&renderer, out.value) {
            (Some(rd), Done::Parsed { raw, item }) => match rd.line(r.index, &raw, &item) {
                Ok(bytes) => Outcome {
                    value: Done::Line(bytes),
                    error: out.error,
                },
                // one item the style cannot render: an error for its line, and on
                Err(e) => Outcome {
                    value: Done::Failed {
                        message: format!("line {}: {e}", r.index + 1),
                    },
                    error: true,
                },
            },
            (_, value) => Outcome {
                value,
                error: out.error,
            },
        }
    };
    let on_panic = |r: &Record| {
        let message = format!("line {}: internal error while parsing", r.index + 1);
        if line_format {
            Done::Line(records::error_line(
                &Value::from(r.index + 1),
                &Map::new(),
                "internal",
                &message,
            ))
        } else {
            Done::Failed { message }
        }
    };
    let sink = &mut out.sink;
    let mut failures = Vec::new();
    let summary = batch::run(reader, &cfg, work, on_panic, |index, done| match done {
        Done::Line(bytes) => sink.write_all(&bytes),
        Done::Parsed { raw, item } => match writer.write(index, &raw, &item, sink) {
            // one item the style cannot render: an error for its line, and on
            Err(ibid_emit::EmitError::Render(m)) => {
                failures.push(format!("line {}: rendering failed: {m}", index + 1));
                Ok(())
            }
            r => r.map_err(std::io::Error::other),
        },
        Done::Failed { message } | Done::Heading { message } => {
            failures.push(message);
            Ok(())
        }
    })?;
    if !line_format {
        writer.finish(&mut out.sink)?;
    }
    out.sink.flush()?;
    for f in failures.iter().take(20) {
        eprintln!("ibid: {f}");
    }
    if !args.batch.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(ExitCode::SUCCESS)
}

fn process(
    parser: &ibid::Parser<'_>,
    mode: InputMode,
    line_format: bool,
    r: &Record,
) -> Outcome<Done> {
    let (id, extra, text) = match mode {
        InputMode::Text => {
            let id = Value::from(format!("r{}", r.index + 1));
            match std::str::from_utf8(&r.line) {
                Ok(t) => (id, Map::new(), t.to_string()),
                Err(e) => {
                    let message = format!(
                        "line {}: invalid UTF-8 at byte {}",
                        r.index + 1,
                        e.valid_up_to()
                    );
                    return failed(line_format, &id, &Map::new(), "invalid-utf8", message);
                }
            }
        }
        InputMode::Jsonl => match records::parse_json_record(&r.line, r.index) {
            Ok(rec) => (rec.id, rec.extra, rec.text),
            Err((id, message)) => {
                return failed(line_format, &id, &Map::new(), "bad-record", message)
            }
        },
    };
    if crate::heading::is_heading(&text) {
        return heading(line_format, &id, &extra, &text, r.index);
    }
    let item = parser.parse_reference(&text);
    let value = if !line_format {
        Done::Parsed {
            raw: text,
            item: Box::new(item),
        }
    } else if mode == InputMode::Jsonl {
        Done::Line(records::output_line(
            &id,
            &extra,
            "item",
            &ibid_emit::CslItem(&item),
        ))
    } else {
        // plain lines: the CSL item itself, with its id
        let mut item = item;
        item.id = id.as_str().map(str::to_string);
        let mut bytes = serde_json::to_vec(&ibid_emit::CslItem(&item)).unwrap_or_default();
        bytes.push(b'\n');
        Done::Line(bytes)
    };
    Outcome {
        value,
        error: false,
    }
}

fn failed(
    line_format: bool,
    id: &Value,
    extra: &Map<String, Value>,
    kind: &str,
    message: String,
) -> Outcome<Done> {
    let value = if line_format {
        Done::Line(records::error_line(id, extra, kind, &message))
    } else {
        Done::Failed { message }
    };
    Outcome { value, error: true }
}

/// A heading line: an error record of kind `heading` in the line formats
/// (every line still gives one output line), nothing in the others. It is no
/// failure: the summary does not count it among the errors.
fn heading(
    line_format: bool,
    id: &Value,
    extra: &Map<String, Value>,
    text: &str,
    index: usize,
) -> Outcome<Done> {
    let message = format!(
        "line {}: {:?} is a heading, not a reference",
        index + 1,
        text.trim()
    );
    let value = if line_format {
        Done::Line(records::error_line(id, extra, "heading", &message))
    } else {
        Done::Heading { message }
    };
    Outcome {
        value,
        error: false,
    }
}
