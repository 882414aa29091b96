//! Labels every line of a file and reports throughput (for whole-process
//! measurements with `/usr/bin/time -v`); `--json` prints the items,
//! `--spans` the labelled fields as `[label, start, end]` (bytes) a line.
//!
//! ```text
//! cargo run --release -p ibid-label --example label_file -- FILE [--json | --spans] [--model FILE]
//! ```

use ibid_label::Labeller;
use std::io::Write;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut file = None;
    let mut json = false;
    let mut spans = false;
    let mut model = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--spans" => spans = true,
            "--model" => model = Some(args.next().ok_or("--model needs a file")?),
            _ => file = Some(a),
        }
    }
    let text = std::fs::read_to_string(file.ok_or("usage: label_file FILE [--json]")?)?;
    let t0 = Instant::now();
    let owned;
    let labeller = match model {
        Some(p) => {
            owned = Labeller::from_bytes(&std::fs::read(p)?)?;
            &owned
        }
        None => Labeller::embedded(),
    };
    let load = t0.elapsed();
    let t1 = Instant::now();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut n = 0usize;
    let mut fields = 0usize;
    for line in text.lines() {
        let r = labeller.label(line);
        n += 1;
        fields += r.fields.len();
        if json {
            serde_json::to_writer(&mut out, &r.item)?;
            out.write_all(b"\n")?;
        } else if spans {
            // [label, start, end] in bytes of the line
            let v: Vec<(&str, usize, usize)> = r
                .fields
                .iter()
                .map(|f| (f.label.as_str(), f.range.start, f.range.end))
                .collect();
            serde_json::to_writer(&mut out, &v)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    let secs = t1.elapsed().as_secs_f64();
    eprintln!(
        "model load {:.1} ms; {n} lines, {fields} fields in {secs:.3} s: {:.0} lines/s",
        load.as_secs_f64() * 1e3,
        n as f64 / secs
    );
    Ok(())
}
