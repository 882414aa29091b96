//! `ibid`: the command line.
//!
//! A thin layer over the `ibid` library: reads files, picks the output format,
//! reports errors as one line on stderr with exit code 2.

mod batch;
mod common_args;
mod heading;
mod input;
mod model_cmds;
mod output;
mod parse_cmd;
mod records;
mod refs_cmd;
mod serve_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Reads the notes and reference lists of scholarly writing and turns them into
/// linked, structured citations.
#[derive(Debug, Parser)]
#[command(name = "ibid", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse a notes list, reference list or HTML page into a notes document.
    Parse(parse_cmd::ParseArgs),
    /// Parse one reference a line into one CSL-JSON item a line.
    Refs(refs_cmd::RefsArgs),
    /// Train a field model from annotated references (JSONL, AnyStyle XML, GROBID TEI).
    Train(model_cmds::TrainArgs),
    /// Score the field model on gold JSONL files: per-field precision, recall, F1.
    Eval(model_cmds::EvalArgs),
    /// Serve GROBID-compatible citation endpoints, the notes API and the web page over HTTP.
    Serve(serve_cmd::ServeArgs),
}

/// Worker threads: `--jobs N`, or every core.
pub(crate) fn jobs(requested: Option<usize>) -> usize {
    requested
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse_cmd::run(&args),
        Command::Refs(args) => refs_cmd::run(&args),
        Command::Train(args) => model_cmds::train(&args),
        Command::Eval(args) => model_cmds::eval(&args),
        Command::Serve(args) => serve_cmd::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if input::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("ibid: {err:#}");
            ExitCode::from(2)
        }
    }
}
