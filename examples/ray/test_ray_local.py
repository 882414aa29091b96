"""Run the Ray Data example on a local Ray (2 CPUs) and check every id comes out once with an item."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

import ibid  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "spark"))
import reference_sample  # noqa: E402
import parse_references_ray as parse_references  # noqa: E402

N = int(os.environ.get("IBID_RAY_TEST_N", "100000"))


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_local(local_ray, tmp_path):
    texts, source = reference_sample.sample_references(N, seed=13)
    print(f"\n{'=' * 60}\nRAY TEST REFERENCE SOURCE: {source}\n{'=' * 60}", flush=True)
    texts = [None if i % 7919 == 3 else t for i, t in enumerate(texts)]
    ids = [f"ray-{i:06d}" for i in range(len(texts))]
    src = tmp_path / "in"
    src.mkdir()
    for k in range(4):
        sl = slice(k * len(ids) // 4, (k + 1) * len(ids) // 4)
        pq.write_table(pa.table({"id": ids[sl], "text": pa.array(texts[sl], pa.string())}), src / f"p{k}.parquet")
    out = tmp_path / "out"
    start = time.perf_counter()
    parse_references.run(str(src), str(out))
    seconds = time.perf_counter() - start
    print(f"Ray local (2 CPUs): {len(ids)} references in {seconds:.1f} s = {len(ids) / seconds:,.0f} refs/s", flush=True)

    table = pq.read_table(out)
    got = table.column("id").to_pylist()
    assert len(got) == len(ids) and set(got) == set(ids), "every id exactly once"
    by_id = dict(zip(ids, texts))
    for k, (rid, text, item) in enumerate(zip(got, table.column("text").to_pylist(), table.column("item").to_pylist())):
        assert text == by_id[rid]
        if text is None:
            assert item is None
            continue
        parsed = json.loads(item)
        assert isinstance(parsed, dict) and isinstance(parsed.get("type"), str), (rid, item)
        if k % 499 == 0:
            assert parsed == ibid.parse_reference(text)
