import json

import pyarrow as pa
import pytest

import ibid
from conftest import REFERENCES, TAYLOR, numbered_references


def as_items(arr):
    return [None if v is None else json.loads(v) for v in arr.to_pylist()]


def test_contents_order_and_nulls():
    refs = [REFERENCES[0], None, REFERENCES[1], "", None, REFERENCES[4]]
    out = ibid.parse_references_arrow(pa.array(refs, type=pa.string()))
    assert isinstance(out, pa.Array)
    assert out.type == pa.string()
    assert len(out) == len(refs)
    assert out.null_count == 2
    items = as_items(out)
    expected = [None if r is None else ibid.parse_reference(r) for r in refs]
    assert items == expected
    assert items[0]["issued"]["date-parts"][0][0] == 1961


def test_same_items_as_the_list_api():
    refs = numbered_references(3000)
    items = as_items(ibid.parse_references_arrow(pa.array(refs)))
    assert items == ibid.parse_references(refs)


def test_empty_and_all_null():
    out = ibid.parse_references_arrow(pa.array([], type=pa.string()))
    assert len(out) == 0 and out.type == pa.string()
    out = ibid.parse_references_arrow(pa.array([None, None], type=pa.string()))
    assert out.to_pylist() == [None, None]
    out = ibid.parse_references_arrow(pa.array([None, None]))  # pyarrow null type
    assert out.to_pylist() == [None, None]


def test_large_string_and_string_view_and_slices():
    refs = [TAYLOR, None, REFERENCES[4]]
    expected = as_items(ibid.parse_references_arrow(pa.array(refs)))
    large = ibid.parse_references_arrow(pa.array(refs, type=pa.large_string()))
    assert large.type == pa.large_string()
    assert as_items(large) == expected
    if hasattr(pa, "string_view"):
        view = ibid.parse_references_arrow(pa.array(refs, type=pa.string_view()))
        assert view.type == pa.string()
        assert as_items(view) == expected
    base = pa.array(["skip me 1800", *refs, "skip me too 1801"])
    sliced = ibid.parse_references_arrow(base.slice(1, 3))
    assert as_items(sliced) == expected


def test_chunked_array():
    table = pa.table({"text": pa.chunked_array([[TAYLOR, None], [], [REFERENCES[1]]])})
    out = ibid.parse_references_arrow(table.column("text"))
    assert isinstance(out, pa.ChunkedArray)
    assert out.num_chunks == 3
    assert as_items(out.combine_chunks()) == [ibid.parse_reference(TAYLOR), None, ibid.parse_reference(REFERENCES[1])]


def test_non_ascii_and_long_strings():
    long_ref = ("Müller, Jürgen, Geschichte der Stadt Köln. " * 2400)[:100_000]
    out = ibid.parse_references_arrow(pa.array([long_ref, "岩波書店、2001年。", "Москва: Наука, 1985."]))
    items = as_items(out)
    assert all(isinstance(i["type"], str) for i in items)
    text = json.dumps(items, ensure_ascii=False)
    assert "Köln" in text and "岩波書店" in text and "Москва" in text


def test_pycapsule_protocol_object():
    class Wrapper:
        def __init__(self, arr):
            self.arr = arr

        def __arrow_c_array__(self, requested_schema=None):
            return self.arr.__arrow_c_array__(requested_schema)

    out = ibid.parse_references_arrow(Wrapper(pa.array([TAYLOR, None])))
    assert as_items(out) == [ibid.parse_reference(TAYLOR), None]


@pytest.mark.parametrize(
    "bad",
    [pa.array([1, 2, 3]), pa.array([b"bytes"]), pa.array([[TAYLOR]]), pa.array([1.5])],
)
def test_non_string_arrays_raise_type_error(bad):
    with pytest.raises(TypeError, match="array of strings"):
        ibid.parse_references_arrow(bad)


@pytest.mark.parametrize("bad", [[TAYLOR], TAYLOR, None, 3])
def test_non_arrow_objects_raise_type_error(bad):
    with pytest.raises(TypeError, match="expected an Arrow string array"):
        ibid.parse_references_arrow(bad)


def test_input_is_not_modified():
    arr = pa.array([TAYLOR, None, "x"])
    before = arr.to_pylist()
    ibid.parse_references_arrow(arr)
    assert arr.to_pylist() == before
