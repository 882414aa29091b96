"""The GIL is released while the engine works.

The direct test: while one thread sits in a long engine call, another thread
keeps running Python code. If the call held the GIL, the ticker would stop for
the whole call. Timing thresholds are generous so that a busy machine does not
make them fail; a held GIL makes the gap as long as the call itself.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pyarrow as pa
import pytest

import ibid
from ibid import _native
from conftest import REFERENCES, numbered_references


def longest_pause_during(call):
    """Run call() in this thread while a ticker thread records timestamps."""
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.05)
    start = time.perf_counter()
    call()
    end = time.perf_counter()
    stop.set()
    t.join()
    inside = [start] + [x for x in ticks if start <= x <= end] + [end]
    gaps = [b - a for a, b in zip(inside, inside[1:])]
    return end - start, max(gaps)


def sized_input(make, min_seconds=0.4):
    """Grow the input until one call takes at least min_seconds."""
    n = 2000
    while True:
        data = make(n)
        start = time.perf_counter()
        _ = data[1](data[0])
        if time.perf_counter() - start >= min_seconds or n >= 2_000_000:
            return data
        n *= 2


@pytest.mark.parametrize("api", ["list", "arrow"])
def test_other_threads_run_during_a_call(api):
    if api == "list":
        make = lambda n: (numbered_references(n), _native.parse_references_json)
    else:
        make = lambda n: (pa.array(numbered_references(n)), _native.parse_references_arrow)
    arg, fn = sized_input(make)
    duration, gap = longest_pause_during(lambda: fn(arg))
    assert duration >= 0.3
    assert gap < duration / 2, f"Python thread paused {gap:.3f}s during a {duration:.3f}s call: GIL held?"


def test_parse_notes_releases_the_gil():
    text = "".join(f"{i} Smith, A History of Venice (Venice, {1800 + i % 200}), p. {i}.\n" for i in range(1, 4001))
    n = 1
    while True:
        start = time.perf_counter()
        _native.parse_notes(text * n)
        if time.perf_counter() - start >= 0.4 or n >= 64:
            break
        n *= 2
    big = text * n
    duration, gap = longest_pause_during(lambda: _native.parse_notes(big))
    assert gap < max(duration / 2, 0.05), f"paused {gap:.3f}s during a {duration:.3f}s call"


def test_threads_give_same_results_and_no_deadlock():
    refs = numbered_references(500) + REFERENCES
    expected = ibid.parse_references(refs)
    expected_arrow = ibid.parse_references_arrow(pa.array(refs)).to_pylist()

    def work(k):
        if k % 3 == 0:
            return ibid.parse_references(refs) == expected
        if k % 3 == 1:
            return ibid.parse_references_arrow(pa.array(refs)).to_pylist() == expected_arrow
        return isinstance(ibid.parse_notes("1 Ibid., p. 3.\n2 Smith, History (1990).\n"), dict)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(24), timeout=300))
    assert all(results)
