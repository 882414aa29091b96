//! Options that `ibid parse` and `ibid refs` share.

use crate::batch::BatchConfig;
use crate::records::InputMode;
use clap::Args;

/// How records come in and go out, and how many threads work on them.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// How input records are given.
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputMode,
    /// Write to FILE instead of standard output (gzip when it ends in .gz).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// Continue a killed run: keep the complete records of --output and append the rest.
    #[arg(long)]
    pub resume: bool,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// No progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,
}

impl BatchArgs {
    /// The settings of a batch run over `file`, skipping the `skip` records
    /// an earlier run has written (`--resume`).
    pub fn config(&self, file: &str, skip: usize) -> BatchConfig {
        BatchConfig {
            jobs: crate::jobs(self.jobs),
            skip,
            progress: !self.quiet,
            total_bytes: crate::input::size_of(file),
        }
    }
}

/// Which field model labels, and which style formats.
#[derive(Debug, Args)]
pub struct ModelArgs {
    /// A field model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<String>,
    /// Citation style for `chicago` and `chicago-html` output (a style name hayagriva ships).
    #[arg(long, value_name = "NAME")]
    pub style: Option<String>,
}
