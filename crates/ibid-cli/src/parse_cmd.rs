//! `ibid parse`: a notes list in, a notes document out.

use crate::input;
use anyhow::{Context, Result};
use clap::Args;
use ibid_emit::{EmitOptions, Format};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The notes file (plain text or HTML); `-` or nothing reads standard input.
    #[arg(default_value = "-")]
    pub file: String,
    /// Output format: json, jsonl, text, csl-json, bibtex, biblatex, ris, tei, jats, chicago, chicago-html.
    #[arg(short, long, default_value = "json")]
    pub format: Format,
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
    let bytes = input::read_all(&args.file, input::MAX_DOCUMENT_BYTES)?;
    let labeller = crate::model_cmds::load_labeller(args.model.as_deref())?;
    let parser = ibid::Parser::with_labeller(labeller);
    let name = if args.file == "-" { "standard input" } else { &args.file };
    let doc = parser
        .parse_bytes(&bytes)
        .with_context(|| name.to_string())?;
    drop(bytes);
    let opts = EmitOptions {
        style: args.style.clone(),
        pretty: args.pretty,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    ibid_emit::write_document(&doc, args.format, &opts, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
