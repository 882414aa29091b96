"""Throughput of the ibid wheel on 100,000 references.

    python bench/bench_python.py [--n 100000] [--refs-out refs.txt] [--parquet-out refs.parquet]

Uses examples/spark/reference_sample.py (the shared corpora sampled and
recombined when ../shared/data is present, else synthetic references). Writes
the same references one a line to --refs-out (for `ibid refs`) and as Parquet
(id, text) to --parquet-out (for the Spark example), then times:

- parse_references(list)           -> list of dicts (json.loads included)
- _native.parse_references_json    -> the JSON text only (no dicts)
- parse_references_arrow(array)    -> Arrow array of JSON strings
- parse_references_arrow, 2 threads on halves of the array
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import ibid
from ibid import _native

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples" / "spark"))
import reference_sample  # noqa: E402


def best_of(repeat, fn):
    """(wall seconds, CPU seconds of this process, all threads) of the fastest run."""
    runs = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - start, time.process_time() - cpu))
    return min(runs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--refs-out", default=None)
    ap.add_argument("--parquet-out", default=None)
    args = ap.parse_args()

    refs, source = reference_sample.sample_references(args.n, seed=7)
    print(f"references: {len(refs)} ({sum(map(len, refs)):,} characters); source: {source}")
    if args.refs_out:
        with open(args.refs_out, "w", encoding="utf-8") as f:
            for r in refs:
                f.write(r.replace("\n", " ").replace("\r", " ") + "\n")
    if args.parquet_out:
        table = pa.table({"id": [f"r{i}" for i in range(len(refs))], "text": refs})
        pq.write_table(table, args.parquet_out, row_group_size=25_000)

    ibid.parse_references(refs[:1000])  # warm up
    n = len(refs)
    arr = pa.array(refs, type=pa.string())
    half = n // 2
    halves = [arr.slice(0, half), arr.slice(half)]

    rows = []

    def record(name, run):
        seconds, cpu = run
        rows.append((name, seconds, n / seconds))
        print(f"| {name} | {seconds:.2f} s | {n / seconds:,.0f} | {cpu:.2f} s | {n / cpu:,.0f} |", flush=True)

    print("| call | wall time (best of %d) | references/s (wall) | CPU time | references per CPU-second |" % args.repeat)
    print("| --- | ---: | ---: | ---: | ---: |")
    record("`parse_references(list)` → list of dict", best_of(args.repeat, lambda: ibid.parse_references(refs)))
    record("`_native.parse_references_json(list)` → JSON text", best_of(args.repeat, lambda: _native.parse_references_json(refs)))
    record("`parse_references_arrow(pa.array)` → pa.Array", best_of(args.repeat, lambda: ibid.parse_references_arrow(arr)))
    with ThreadPoolExecutor(max_workers=2) as pool:
        record(
            "`parse_references_arrow`, 2 threads × half",
            best_of(args.repeat, lambda: list(pool.map(ibid.parse_references_arrow, halves))),
        )
    record("`pa.array(list of str)` (building the input, for scale)", best_of(args.repeat, lambda: pa.array(refs, type=pa.string())))
    print(f"cpus: {os.cpu_count()}, ibid {ibid.__version__}, pyarrow {pa.__version__}, python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
