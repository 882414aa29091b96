"""Run parse_references.py with PySpark in local mode on 100,000 references.

Checks that every input id comes out exactly once, that every non-null text
has a parsed item (a JSON object with a "type") equal to what the ibid wheel
gives in this process, and that null texts give null items.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

import ibid  # noqa: E402
import parse_references  # noqa: E402
import reference_sample  # noqa: E402

N = int(os.environ.get("IBID_SPARK_TEST_N", "100000"))
NULL_EVERY = 9973


def banner(msg: str) -> None:
    line = "=" * max(20, len(msg))
    print(f"\n{line}\n{msg}\n{line}", flush=True)


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java: Spark needs java on PATH or JAVA_HOME")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("ibid-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "10000")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("WARN")
    yield session
    session.stop()


def write_input(folder: Path, texts, files: int = 4) -> list:
    """Parquet in `files` files (so local[2] gets several partitions); returns the ids."""
    folder.mkdir(parents=True)
    ids = [f"ref-{i:06d}" for i in range(len(texts))]
    step = -(-len(texts) // files)
    for k in range(files):
        chunk = slice(k * step, (k + 1) * step)
        table = pa.table({"id": pa.array(ids[chunk], pa.string()), "text": pa.array(texts[chunk], pa.string())})
        pq.write_table(table, folder / f"part-{k}.parquet")
    return ids


def check_output(out_dir: Path, ids, texts, sample_every: int = 211) -> None:
    table = pq.read_table(out_dir)
    assert set(table.column_names) == {"id", "text", "item"}
    got_ids = table.column("id").to_pylist()
    assert len(got_ids) == len(ids), f"{len(got_ids)} rows out for {len(ids)} in"
    assert len(set(got_ids)) == len(got_ids), "an id came out twice"
    assert set(got_ids) == set(ids)
    by_id = dict(zip(ids, texts))
    out_text = table.column("text").to_pylist()
    items = table.column("item").to_pylist()
    for k, (rid, text, item) in enumerate(zip(got_ids, out_text, items)):
        assert text == by_id[rid], rid
        if text is None:
            assert item is None, rid
            continue
        assert item is not None, rid
        parsed = json.loads(item)
        assert isinstance(parsed, dict) and isinstance(parsed.get("type"), str) and parsed["type"], (rid, item)
        if k % sample_every == 0:
            assert parsed == ibid.parse_reference(text), rid


def test_spark_local_100k(spark, tmp_path):
    texts, source = reference_sample.sample_references(N, seed=11)
    banner(f"SPARK TEST REFERENCE SOURCE: {source}")
    texts = [None if i % NULL_EVERY == 5 else t for i, t in enumerate(texts)]
    ids = write_input(tmp_path / "in", texts)
    out = tmp_path / "out"
    start = time.perf_counter()
    parse_references.run(spark, str(tmp_path / "in"), str(out), "parquet")
    seconds = time.perf_counter() - start
    banner(f"Spark local[2]: {len(texts)} references in {seconds:.1f} s = {len(texts) / seconds:,.0f} refs/s")
    check_output(out, ids, texts)


def test_spark_local_jsonl(spark, tmp_path):
    texts, _ = reference_sample.sample_references(2000, seed=3)
    texts[7] = None
    texts[8] = ""
    texts[9] = "Müller, Jürgen, Geschichte der Stadt Köln (Köln, 1975)."
    path = tmp_path / "refs.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": f"j{i}", "text": t}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    parse_references.run(spark, str(path), str(out), partitions=3)
    check_output(out, [f"j{i}" for i in range(len(texts))], texts, sample_every=1)
    table = pq.read_table(out)
    row = table.filter(pa.compute.equal(table.column("id"), "j9")).to_pylist()[0]
    assert "Köln" in json.dumps(json.loads(row["item"]), ensure_ascii=False)
