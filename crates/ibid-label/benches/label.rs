//! Labelling throughput on a set of citations written for this bench.
//! `cargo bench -p ibid-label --bench label`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ibid_label::Labeller;
use std::hint::black_box;

const SAMPLE: &str = include_str!("sample-citations.txt");

fn bench(c: &mut Criterion) {
    let lines: Vec<&str> = SAMPLE.lines().filter(|l| !l.trim().is_empty()).collect();
    let labeller = Labeller::embedded();
    let mut g = c.benchmark_group("label");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("citations", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(labeller.label(black_box(l)));
            }
        })
    });
    g.finish();
    c.bench_function("load_model", |b| {
        let bytes = labeller.to_bytes();
        b.iter(|| black_box(Labeller::from_bytes(black_box(&bytes)).map(|l| l.model().is_some())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
