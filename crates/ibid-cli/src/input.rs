//! Reading inputs: files or standard input, gzip or not, with one clear error each.

use anyhow::{bail, Context, Result};
use flate2::bufread::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// The largest input `ibid parse` reads whole (a notes document is resolved
/// as a whole); also caps what a gzip input may expand to.
pub const MAX_DOCUMENT_BYTES: u64 = 512 * 1024 * 1024;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Read a whole input (`-` is standard input), refusing directories and
/// inputs larger than `limit` bytes (after gzip decompression).
pub fn read_all(path: &str, limit: u64) -> Result<Vec<u8>> {
    let mut reader = open_lines(path)?;
    let mut buf = Vec::new();
    reader
        .by_ref()
        .take(limit + 1)
        .read_to_end(&mut buf)
        .with_context(|| format!("cannot read {}", display(path)))?;
    if buf.len() as u64 > limit {
        bail!(
            "{}: input larger than {} MiB",
            display(path),
            limit / (1024 * 1024)
        );
    }
    Ok(buf)
}

/// Open an input for streaming (`-` is standard input); gzip data (by its
/// magic bytes, whatever the file name) is decompressed on the fly.
pub fn open_lines(path: &str) -> Result<Box<dyn BufRead + Send>> {
    open_stream(path, false)
}

/// [`open_lines`] for inputs read a record a line (`ibid refs`, `ibid
/// parse --input jsonl`): a ZIP archive is refused with one clear error.
pub fn open_records(path: &str) -> Result<Box<dyn BufRead + Send>> {
    open_stream(path, true)
}

fn open_stream(path: &str, records: bool) -> Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(open(path)?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let head = reader
        .fill_buf()
        .with_context(|| format!("cannot read {}", display(path)))?;
    // a zip archive (a Word document) has no lines: one clear error
    if records && (head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06")) {
        anyhow::bail!(
            "{}: a ZIP archive (a Word document?) is no list of lines; \
             `ibid parse` reads a Word document's notes",
            display(path)
        );
    }
    if head.starts_with(&GZIP_MAGIC) {
        return Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            GzipErrors {
                inner: MultiGzDecoder::new(reader),
                path: display(path),
            },
        )));
    }
    Ok(Box::new(reader))
}

/// Names gzip errors so that a corrupt archive reads as one clear line.
struct GzipErrors<R> {
    inner: R,
    path: String,
}

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: corrupt gzip data ({e})", self.path),
            )
        })
    }
}

/// The size of an input file in bytes, when it is a file.
pub fn size_of(path: &str) -> Option<u64> {
    if path == "-" {
        return None;
    }
    std::fs::metadata(path).ok().map(|m| m.len())
}

/// How an input is named in messages.
pub fn display(path: &str) -> String {
    if path == "-" {
        "standard input".to_string()
    } else {
        path.to_string()
    }
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
