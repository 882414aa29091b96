//! `ibid refs`: one reference a line in, one item a line out, in order.

use crate::input;
use anyhow::Result;
use clap::Args;
use ibid_emit::{EmitOptions, Format, ItemWriter};
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct RefsArgs {
    /// The file of references, one a line; `-` or nothing reads standard input.
    #[arg(default_value = "-")]
    pub file: String,
    /// Output format: json (one CSL-JSON item a line), csl-json, bibtex, biblatex, ris, tei, jats, chicago, text.
    #[arg(short, long, default_value = "json")]
    pub format: Format,
    /// A field model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<String>,
    /// Citation style for `chicago` output.
    #[arg(long, value_name = "NAME")]
    pub style: Option<String>,
}

pub fn run(args: &RefsArgs) -> Result<ExitCode> {
    let labeller = crate::model_cmds::load_labeller(args.model.as_deref())?;
    let parser = ibid::Parser::with_labeller(labeller);
    let mut reader = input::open_lines(&args.file)?;
    let opts = EmitOptions {
        style: args.style.clone(),
        pretty: false,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut writer = ItemWriter::new(args.format, &opts)?;
    writer.begin(&mut out)?;
    let mut line = Vec::with_capacity(1024);
    let mut index = 0usize;
    let mut errors = 0usize;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        index += 1;
        let mut bytes = line.as_slice();
        if let Some(b) = bytes.strip_suffix(b"\n") {
            bytes = b.strip_suffix(b"\r").unwrap_or(b);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                let item = parser.parse_reference(text);
                writer.write(index, text, &item, &mut out)?;
            }
            Err(e) => {
                errors += 1;
                let message = format!("line {index}: invalid UTF-8 at byte {}", e.valid_up_to());
                writer.write_error(index, &message, &mut out)?;
            }
        }
    }
    writer.finish(&mut out)?;
    out.flush()?;
    if errors > 0 {
        eprintln!("ibid: {errors} of {index} lines could not be read (error records written)");
    }
    Ok(ExitCode::SUCCESS)
}
