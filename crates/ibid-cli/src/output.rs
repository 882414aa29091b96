//! Where output goes: standard output or a file, gzip when the name ends in
//! `.gz`, and resuming a partial output file.

use anyhow::{bail, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};

/// An open output and the number of complete records it already holds.
pub struct Output {
    pub sink: Box<dyn Write>,
    pub done: usize,
}

/// Open `path` (or standard output when `None`). With `resume`, an existing
/// file keeps its complete lines (a partial last line is cut off) and the
/// count of those lines is returned so the caller skips that many records.
pub fn open(path: Option<&str>, resume: bool) -> Result<Output> {
    let Some(path) = path else {
        if resume {
            bail!("--resume needs --output FILE");
        }
        return Ok(Output {
            sink: Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
            done: 0,
        });
    };
    let gz = path.ends_with(".gz");
    if resume && gz {
        bail!("{path}: --resume needs an uncompressed output file");
    }
    if resume {
        if let Ok(file) = OpenOptions::new().read(true).write(true).open(path) {
            let (done, keep) =
                complete_lines(&file).with_context(|| format!("cannot read {path}"))?;
            file.set_len(keep)
                .with_context(|| format!("cannot truncate {path}"))?;
            let mut file = file;
            file.seek(SeekFrom::End(0))?;
            return Ok(Output {
                sink: Box::new(BufWriter::with_capacity(1 << 16, file)),
                done,
            });
        }
    }
    let file = File::create(path).with_context(|| format!("cannot create {path}"))?;
    let sink: Box<dyn Write> = if gz {
        Box::new(FinishOnDrop(Some(GzEncoder::new(
            BufWriter::with_capacity(1 << 16, file),
            Compression::default(),
        ))))
    } else {
        Box::new(BufWriter::with_capacity(1 << 16, file))
    };
    Ok(Output { sink, done: 0 })
}

/// Count the complete (newline-terminated) lines of a file and the byte
/// length they take.
fn complete_lines(file: &File) -> io::Result<(usize, u64)> {
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut lines = 0usize;
    let mut keep = 0u64;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 || buf.last() != Some(&b'\n') {
            break;
        }
        lines += 1;
        keep += n as u64;
    }
    Ok((lines, keep))
}

/// A gzip encoder that writes its trailer when flushed for the last time.
struct FinishOnDrop<W: Write>(Option<GzEncoder<W>>);

impl<W: Write> Write for FinishOnDrop<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Some(enc) => enc.write(buf),
            None => Err(io::Error::other("gzip output already finished")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Some(enc) => enc.flush(),
            None => Ok(()),
        }
    }
}

impl<W: Write> Drop for FinishOnDrop<W> {
    fn drop(&mut self) {
        if let Some(enc) = self.0.take() {
            if let Ok(mut inner) = enc.finish() {
                let _ = inner.flush();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_cuts_a_partial_line() {
        let dir = std::env::temp_dir().join(format!("ibid-out-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.jsonl");
        std::fs::write(&path, "{\"a\":1}\n{\"a\":2}\n{\"a\"").unwrap();
        let p = path.to_str().unwrap();
        let mut out = open(Some(p), true).unwrap();
        assert_eq!(out.done, 2);
        out.sink.write_all(b"{\"a\":3}\n").unwrap();
        drop(out);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
