//! Reading inputs: files or standard input, with one clear error each.

use anyhow::{bail, Context, Result};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The largest input `ibid parse` reads whole (a notes document is resolved as a whole).
pub const MAX_DOCUMENT_BYTES: u64 = 512 * 1024 * 1024;

/// Read a whole input (`-` is standard input), refusing directories and huge files.
pub fn read_all(path: &str, limit: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path == "-" {
        io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
    } else {
        let file = open(path)?;
        file.take(limit + 1)
            .read_to_end(&mut buf)
            .with_context(|| format!("cannot read {path}"))?;
    }
    if buf.len() as u64 > limit {
        bail!("{path}: input larger than {} MiB", limit / (1024 * 1024));
    }
    Ok(buf)
}

/// Open an input for streaming (`-` is standard input).
pub fn open_lines(path: &str) -> Result<Box<dyn BufRead>> {
    if path == "-" {
        return Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin())));
    }
    Ok(Box::new(BufReader::with_capacity(1 << 16, open(path)?)))
}

fn open(path: &str) -> Result<File> {
    let p = Path::new(path);
    let meta = std::fs::metadata(p).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => anyhow::anyhow!("{path}: no such file"),
        io::ErrorKind::PermissionDenied => anyhow::anyhow!("{path}: permission denied"),
        _ => anyhow::anyhow!("{path}: {e}"),
    })?;
    if meta.is_dir() {
        bail!("{path}: is a directory, not a file");
    }
    File::open(p).with_context(|| format!("cannot open {path}"))
}

/// True when the error is a closed pipe on stdout (`ibid … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
