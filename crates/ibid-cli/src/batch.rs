//! An ordered, bounded, parallel map over the records of a stream.
//!
//! One thread reads records (lines) in chunks, `jobs` workers turn each record
//! into an output, and the calling thread writes the outputs in input order.
//! Reading, parsing and writing overlap; at most `2 × jobs + 2` chunks are in
//! flight at any time, so memory stays bounded whatever the input size.
//! A worker that panics on a record turns it into an error output: every input
//! record yields exactly one output.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Records per chunk handed to a worker.
const CHUNK_RECORDS: usize = 256;
/// Bytes per chunk at most (long records make smaller chunks).
const CHUNK_BYTES: usize = 1 << 20;

/// One input record: its 0-based index in the input and its line without the line end.
pub struct Record {
    pub index: usize,
    pub line: Vec<u8>,
}

/// How a batch run went.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub records: usize,
    pub errors: usize,
    pub skipped: usize,
    pub seconds: f64,
}

impl Summary {
    /// A one-line report for stderr.
    pub fn line(&self) -> String {
        let rate = if self.seconds > 0.0 {
            self.records as f64 / self.seconds
        } else {
            0.0
        };
        let skipped = if self.skipped > 0 {
            format!(" ({} already done, skipped)", self.skipped)
        } else {
            String::new()
        };
        format!(
            "ibid: {} records, {} errors, {:.2} s, {:.0} records/s{skipped}",
            self.records, self.errors, self.seconds, rate
        )
    }
}

/// Settings of a batch run.
pub struct BatchConfig {
    pub jobs: usize,
    /// Records at the start of the input to skip (already written by an earlier run).
    pub skip: usize,
    /// Show a progress bar (only when stderr is a terminal).
    pub progress: bool,
    /// Input size in bytes, when known, for the progress bar.
    pub total_bytes: Option<u64>,
}

/// The result of one record: the output and whether it is an error record.
pub struct Outcome<R> {
    pub value: R,
    pub error: bool,
}

/// Run `work` over every record of `input` on `cfg.jobs` threads and hand the
/// outcomes to `write` in input order. `on_panic` builds the output of a
/// record whose processing panicked.
pub fn run<R, W, P, O>(
    input: Box<dyn BufRead + Send>,
    cfg: &BatchConfig,
    work: W,
    on_panic: P,
    mut write: O,
) -> io::Result<Summary>
where
    R: Send,
    W: Fn(&Record) -> Outcome<R> + Sync,
    P: Fn(&Record) -> R + Sync,
    O: FnMut(usize, R) -> io::Result<()>,
{
    let started = Instant::now();
    let jobs = cfg.jobs.max(1);
    let in_flight = 2 * jobs + 2;
    let bytes_read = Arc::new(AtomicU64::new(0));
    let bar = progress_bar(cfg);

    // permits bound the chunks between reading and writing
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = permit_tx.send(());
    }
    let (work_tx, work_rx) = sync_channel::<(usize, Vec<Record>)>(in_flight);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = channel::<(usize, Vec<Outcome<R>>)>();

    let mut summary = Summary {
        skipped: cfg.skip,
        ..Summary::default()
    };
    let result: io::Result<()> = std::thread::scope(|scope| {
        let reader_bytes = Arc::clone(&bytes_read);
        let skip = cfg.skip;
        let reader =
            scope.spawn(move || read_chunks(input, skip, &permit_rx, &work_tx, &reader_bytes));
        for _ in 0..jobs {
            let rx = Arc::clone(&work_rx);
            let tx = done_tx.clone();
            let work = &work;
            let on_panic = &on_panic;
            scope.spawn(move || worker(&rx, &tx, work, on_panic));
        }
        drop(done_tx);
        drop(work_rx);

        let written = write_in_order(&done_rx, &permit_tx, &mut write, &mut summary, |n| {
            if let Some(bar) = &bar {
                bar.set_position(bytes_read.load(Ordering::Relaxed));
                bar.set_message(format!("{n} records"));
            }
        });
        // on a write error stop everything: without permits and receivers the
        // reader and the workers end
        drop(permit_tx);
        drop(done_rx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("reader thread panicked")));
        written.and(read)
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    summary.seconds = started.elapsed().as_secs_f64();
    result.map(|()| summary)
}

fn progress_bar(cfg: &BatchConfig) -> Option<ProgressBar> {
    use std::io::IsTerminal;
    if !cfg.progress || !io::stderr().is_terminal() {
        return None;
    }
    let bar = match cfg.total_bytes {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {msg} {bytes_per_sec} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner(),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar.enable_steady_tick(Duration::from_millis(250));
    Some(bar)
}

fn read_chunks(
    mut input: Box<dyn BufRead + Send>,
    skip: usize,
    permits: &Receiver<()>,
    work_tx: &std::sync::mpsc::SyncSender<(usize, Vec<Record>)>,
    bytes_read: &AtomicU64,
) -> io::Result<()> {
    let mut index = 0usize;
    let mut seq = 0usize;
    let mut chunk: Vec<Record> = Vec::with_capacity(CHUNK_RECORDS);
    let mut chunk_bytes = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        let mut line = buf.as_slice();
        if let Some(l) = line.strip_suffix(b"\n") {
            line = l.strip_suffix(b"\r").unwrap_or(l);
        }
        if index >= skip {
            chunk_bytes += line.len();
            chunk.push(Record {
                index,
                line: line.to_vec(),
            });
        }
        index += 1;
        if chunk.len() >= CHUNK_RECORDS || chunk_bytes >= CHUNK_BYTES {
            if permits.recv().is_err() {
                return Ok(()); // the writer stopped
            }
            let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_RECORDS));
            chunk_bytes = 0;
            if work_tx.send((seq, full)).is_err() {
                return Ok(());
            }
            seq += 1;
        }
    }
    if !chunk.is_empty() && permits.recv().is_ok() {
        let _ = work_tx.send((seq, chunk));
    }
    Ok(())
}

fn worker<R, W, P>(
    rx: &Mutex<Receiver<(usize, Vec<Record>)>>,
    tx: &std::sync::mpsc::Sender<(usize, Vec<Outcome<R>>)>,
    work: &W,
    on_panic: &P,
) where
    W: Fn(&Record) -> Outcome<R>,
    P: Fn(&Record) -> R,
{
    loop {
        let next = match rx.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => return,
        };
        let Ok((seq, records)) = next else { return };
        let outcomes = records
            .iter()
            .map(|r| {
                catch_unwind(AssertUnwindSafe(|| work(r))).unwrap_or_else(|_| Outcome {
                    value: on_panic(r),
                    error: true,
                })
            })
            .collect();
        if tx.send((seq, outcomes)).is_err() {
            return;
        }
    }
}

fn write_in_order<R, O>(
    done_rx: &Receiver<(usize, Vec<Outcome<R>>)>,
    permits: &std::sync::mpsc::SyncSender<()>,
    write: &mut O,
    summary: &mut Summary,
    mut tick: impl FnMut(usize),
) -> io::Result<()>
where
    O: FnMut(usize, R) -> io::Result<()>,
{
    let mut pending: BTreeMap<usize, Vec<Outcome<R>>> = BTreeMap::new();
    let mut next = 0usize;
    let mut index = summary.skipped;
    for (seq, outcomes) in done_rx.iter() {
        pending.insert(seq, outcomes);
        while let Some(outcomes) = pending.remove(&next) {
            for o in outcomes {
                summary.records += 1;
                summary.errors += usize::from(o.error);
                write(index, o.value)?;
                index += 1;
            }
            next += 1;
            let _ = permits.try_send(());
            tick(summary.records);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_lines(input: &str, jobs: usize, skip: usize) -> (Vec<(usize, String)>, Summary) {
        let mut out = Vec::new();
        let cfg = BatchConfig {
            jobs,
            skip,
            progress: false,
            total_bytes: None,
        };
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(input.as_bytes().to_vec()));
        let summary = run(
            reader,
            &cfg,
            |r| {
                let s = String::from_utf8_lossy(&r.line).to_uppercase();
                if s == "BOOM" {
                    panic!("boom");
                }
                Outcome {
                    error: s.is_empty(),
                    value: s,
                }
            },
            |_| "PANICKED".to_string(),
            |i, v| {
                out.push((i, v));
                Ok(())
            },
        )
        .unwrap();
        (out, summary)
    }

    #[test]
    fn keeps_order_and_count_on_many_threads() {
        let input: String = (0..5000).map(|i| format!("line {i}\n")).collect();
        let (out, summary) = run_lines(&input, 4, 0);
        assert_eq!(out.len(), 5000);
        assert_eq!(summary.records, 5000);
        for (k, (i, v)) in out.iter().enumerate() {
            assert_eq!(*i, k);
            assert_eq!(v, &format!("LINE {k}"));
        }
    }

    #[test]
    fn skips_and_survives_panics() {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let (out, summary) = run_lines("a\nboom\n\nd\r\ne", 2, 1);
        std::panic::set_hook(prev);
        let values: Vec<&str> = out.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["PANICKED", "", "D", "E"]);
        assert_eq!(out[0].0, 1);
        assert_eq!(summary.errors, 2);
        assert_eq!(summary.skipped, 1);
    }

    #[test]
    fn empty_input() {
        let (out, summary) = run_lines("", 3, 0);
        assert!(out.is_empty());
        assert_eq!(summary.records, 0);
    }
}
