//! Check that segmentation time grows linearly: time hostile and ordinary
//! inputs at size n and 4n.
//!
//! `cargo run --release -p ibid-segment --example scaling`

use ibid_model::{MappedText, RawNote};
use std::time::Instant;

fn time(doc: &str) -> f64 {
    let start = Instant::now();
    let split = ibid_segment::split_notes(&MappedText::identity(doc, 0), &[]);
    let mut n = 0;
    for note in &split.notes {
        n += ibid_segment::split_citations(note).len();
    }
    let whole = RawNote {
        number: Some(1),
        text: MappedText::identity(doc, 0),
        prose: false,
        breaks: vec![],
    };
    n += ibid_segment::split_citations(&whole).len();
    std::hint::black_box(n);
    start.elapsed().as_secs_f64()
}

fn main() {
    let patterns = [
        "(",
        "a.a.a.",
        ". 5 Ibid",
        "1 Ibid.\n",
        "‘",
        "see ",
        "Smith, J., ",
        "; ",
        "hereafter cited as (",
        "x",
        "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88. ",
        "Vgl. Meier, Geschichte, a.a.O., S. 45 f.; ebd., S. 47. ",
        "I am grateful to Professor Jones for this reference, which was. ",
    ];
    for p in patterns {
        let reps = 200_000 / p.len();
        let small = p.repeat(reps / 4);
        let big = p.repeat(reps);
        let (ts, tb) = (time(&small), time(&big));
        println!(
            "{:<40} {:>8} B: {:>8.2} ms   {:>8} B: {:>8.2} ms   ratio {:.1}",
            format!("{p:?}"),
            small.len(),
            ts * 1e3,
            big.len(),
            tb * 1e3,
            tb / ts.max(1e-9)
        );
    }
}
