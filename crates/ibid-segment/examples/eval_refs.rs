//! Split single references (one per JSON line, field `text`) as notes and
//! count how many yield exactly one citation, none, or several; and how much
//! of the reference the citations cover.
//!
//! `cargo run --release -p ibid-segment --example eval_refs -- FILE.jsonl [-v]`

use ibid_model::{MappedText, RawNote};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "-v");
    for path in args.iter().skip(1).filter(|a| !a.starts_with('-')) {
        let data = std::fs::read_to_string(path).expect("read file");
        let (mut n, mut zero, mut one, mut many, mut covered, mut total) =
            (0, 0, 0, 0, 0usize, 0usize);
        let start = std::time::Instant::now();
        for line in data.lines() {
            let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let text = rec["text"].as_str().unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            let note = RawNote {
                number: Some(1),
                text: MappedText::identity(text, 0),
                prose: false,
                breaks: vec![],
            };
            let cites = ibid_segment::split_citations(&note);
            n += 1;
            total += text.chars().filter(|c| !c.is_whitespace()).count();
            covered += cites
                .iter()
                .map(|c| {
                    text[c.range.clone()]
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .count()
                })
                .sum::<usize>();
            match cites.len() {
                0 => zero += 1,
                1 => one += 1,
                _ => many += 1,
            }
            if verbose && cites.len() != 1 {
                println!("{} {text}", cites.len());
                for c in &cites {
                    println!("    {:?} {}", c.kind, &text[c.range.clone()]);
                }
            }
        }
        let el = start.elapsed();
        println!(
            "{path}: {n} refs, one {:.3}, none {:.3}, several {:.3}, coverage {:.3}; {:.1} µs/ref",
            one as f64 / n.max(1) as f64,
            zero as f64 / n.max(1) as f64,
            many as f64 / n.max(1) as f64,
            covered as f64 / total.max(1) as f64,
            el.as_secs_f64() * 1e6 / n.max(1) as f64
        );
    }
}
