"""Parse reference strings with ibid on Spark executors.

Reads a Parquet or JSON Lines file (or folder) of references with the columns
``id`` and ``text``, parses every ``text`` on the executors with the ibid
wheel (``mapInArrow``: one ``ibid.parse_references_arrow`` call per Arrow
batch, no per-row Python), and writes Parquet with the columns ``id``,
``text`` and ``item`` (the CSL-JSON item as a JSON string; null where
``text`` is null).

    spark-submit parse_references.py --input refs.parquet --output parsed/
    python parse_references.py --master 'local[2]' --input refs.jsonl --output parsed/

The ibid wheel must be installed in the Python that the executors run (see
README.md: a packed virtualenv shipped with ``spark.archives``, not
``--py-files``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Iterator, Optional

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType


def parse_batches(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
    """The executor side: one ibid call per Arrow batch of (id, text)."""
    import ibid  # imported on the executor, from the executor's Python
    import pyarrow as pa

    for batch in batches:
        text = batch.column(batch.schema.get_field_index("text"))
        item = ibid.parse_references_arrow(text)
        yield pa.RecordBatch.from_arrays(
            [batch.column(batch.schema.get_field_index("id")), text, item],
            names=["id", "text", "item"],
        )


def read_references(spark: SparkSession, path: str, fmt: str = "auto") -> DataFrame:
    """The input as a DataFrame of (id, text); `fmt` is parquet, json or auto (by extension)."""
    if fmt == "auto":
        lower = path.rstrip("/").lower()
        fmt = "json" if lower.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz")) else "parquet"
    if fmt == "json":
        # an explicit schema: no inference pass, and ids stay strings
        schema = StructType([StructField("id", StringType()), StructField("text", StringType())])
        df = spark.read.schema(schema).json(path)
    elif fmt == "parquet":
        df = spark.read.parquet(path)
    else:
        raise ValueError(f"unknown input format {fmt!r}: expected parquet, json or auto")
    missing = {"id", "text"} - set(df.columns)
    if missing:
        raise ValueError(f"{path}: missing column(s) {sorted(missing)}; expected id and text")
    return df.select(F.col("id"), F.col("text").cast("string").alias("text"))


def parse_references(df: DataFrame) -> DataFrame:
    """(id, text) to (id, text, item) with ibid on the executors."""
    schema = StructType(
        [
            df.schema["id"],
            StructField("text", StringType(), True),
            StructField("item", StringType(), True),
        ]
    )
    return df.mapInArrow(parse_batches, schema)


def run(
    spark: SparkSession,
    input_path: str,
    output_path: str,
    fmt: str = "auto",
    partitions: Optional[int] = None,
) -> None:
    df = read_references(spark, input_path, fmt)
    if partitions:
        df = df.repartition(partitions)
    parse_references(df).write.mode("overwrite").parquet(output_path)


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True, help="Parquet or JSON Lines file or folder with id, text")
    ap.add_argument("--output", required=True, help="output folder (Parquet; overwritten)")
    ap.add_argument("--format", default="auto", choices=["auto", "parquet", "json"], help="input format")
    ap.add_argument("--partitions", type=int, default=None, help="repartition the input to N partitions first")
    ap.add_argument("--master", default=None, help="Spark master when run with python, e.g. local[2]")
    args = ap.parse_args(argv)

    builder = SparkSession.builder.appName("ibid-parse-references")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.input, args.output, args.format, args.partitions)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
