"""Parse reference strings with ibid in Ray Data (map_batches on Arrow batches).

Reads Parquet or JSON Lines with columns ``id`` and ``text``, adds ``item``
(the CSL-JSON item as a JSON string; null where ``text`` is null) with one
``ibid.parse_references_arrow`` call per batch, and writes Parquet.

    python parse_references_ray.py --input refs.parquet --output parsed/ [--num-cpus 2]

On a cluster, install the ibid wheel in the workers' environment (cluster
image, or ``runtime_env={"pip": ["/path/to/ibid-....whl"]}`` with a path the
workers can read).
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional

import ray


def parse_batch(batch: "pyarrow.Table") -> "pyarrow.Table":
    """One ibid call per batch; the batch arrives as a pyarrow.Table."""
    import ibid  # imported in the worker

    return batch.append_column("item", ibid.parse_references_arrow(batch.column("text")))


def parse_dataset(ds: "ray.data.Dataset", batch_size: int = 10_000) -> "ray.data.Dataset":
    return ds.select_columns(["id", "text"]).map_batches(
        parse_batch, batch_format="pyarrow", batch_size=batch_size, zero_copy_batch=True
    )


def read_references(path: str, fmt: str = "auto") -> "ray.data.Dataset":
    if fmt == "auto":
        fmt = "json" if path.rstrip("/").lower().endswith((".jsonl", ".json", ".ndjson")) else "parquet"
    if fmt == "json":
        return ray.data.read_json(path)
    if fmt == "parquet":
        return ray.data.read_parquet(path)
    raise ValueError(f"unknown input format {fmt!r}: expected parquet, json or auto")


def run(input_path: str, output_path: str, fmt: str = "auto", batch_size: int = 10_000) -> None:
    parse_dataset(read_references(input_path, fmt), batch_size).write_parquet(output_path)


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--format", default="auto", choices=["auto", "parquet", "json"])
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--num-cpus", type=int, default=None, help="start a local Ray with this many CPUs")
    args = ap.parse_args(argv)
    ray.init(num_cpus=args.num_cpus, include_dashboard=False)
    try:
        run(args.input, args.output, args.format, args.batch_size)
    finally:
        ray.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
