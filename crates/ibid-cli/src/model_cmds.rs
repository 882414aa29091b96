//! `ibid train` and `ibid eval`, and loading a model given by `--model`.

use anyhow::{Context, Result};
use clap::Args;
use ibid::Labeller;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Annotated references: JSONL gold records, AnyStyle XML or GROBID TEI files.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold JSONL files.
    #[arg(required = true)]
    pub files: Vec<String>,
    /// A field model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<String>,
}

/// The embedded labeller, or the one in `path`.
pub fn load_labeller(path: Option<&str>) -> Result<&'static Labeller> {
    let Some(path) = path else {
        return Ok(Labeller::embedded());
    };
    let _bytes = std::fs::read(path).with_context(|| format!("{path}: cannot read model"))?;
    anyhow::bail!("{path}: loading models is not available in this build")
}

pub fn train(_args: &TrainArgs) -> Result<ExitCode> {
    anyhow::bail!("training is not available in this build")
}

pub fn eval(_args: &EvalArgs) -> Result<ExitCode> {
    anyhow::bail!("evaluation is not available in this build")
}
