import json

import pytest

import ibid
from conftest import REFERENCES, TAYLOR, numbered_references


def year(item):
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0] if parts and parts[0] else None


def test_contents_of_one_reference():
    item = ibid.parse_reference(TAYLOR)
    assert isinstance(item, dict)
    assert isinstance(item["type"], str) and item["type"]
    assert year(item) == 1961
    assert any(
        isinstance(v, str) and "Origins of the Second World War" in v for v in item.values()
    ), item


def test_one_item_per_reference_in_order(refs):
    items = ibid.parse_references(refs)
    assert isinstance(items, list)
    assert len(items) == len(refs)
    assert items == [ibid.parse_reference(r) for r in refs]
    for item in items:
        assert isinstance(item, dict) and isinstance(item["type"], str)


def test_order_of_many_distinct_references():
    refs = numbered_references(2000)
    items = ibid.parse_references(refs)
    assert len(items) == len(refs)
    # every item carries the year of its own input, so a reordering shows
    for i in range(0, 2000, 37):
        assert year(items[i]) == 1500 + i % 500, (i, items[i])
    assert [items[i] for i in (0, 999, 1999)] == [ibid.parse_reference(refs[i]) for i in (0, 999, 1999)]


def test_accepts_tuples_and_iterables():
    refs = tuple(REFERENCES[:3])
    assert ibid.parse_references(refs) == ibid.parse_references(list(refs))
    assert ibid.parse_references(r for r in refs) == ibid.parse_references(list(refs))


def test_empty_input():
    assert ibid.parse_references([]) == []
    items = ibid.parse_references(["", "   ", "\n"])
    assert len(items) == 3
    assert all(isinstance(i["type"], str) for i in items)


def test_non_ascii_is_kept():
    items = ibid.parse_references(REFERENCES[4:7])
    text = json.dumps(items, ensure_ascii=False)
    for word in ("Köln", "Böhlau", "Москва", "岩波書店"):
        assert word in text, word


def test_hundred_thousand_character_string():
    long_ref = ("Smith, John. A very long title about the history of Venice and its archives, " * 1300)[:100_000]
    assert len(long_ref) == 100_000
    items = ibid.parse_references([long_ref, TAYLOR])
    assert len(items) == 2
    assert isinstance(items[0]["type"], str)
    assert year(items[1]) == 1961
    # no single character of an 100,000-character line of one letter breaks it either
    assert isinstance(ibid.parse_reference("x" * 100_000)["type"], str)
    assert isinstance(ibid.parse_reference("(" * 100_000)["type"], str)


def test_control_characters_and_odd_text():
    odd = ["\x00\x01\x02", "\ufeffSmith 1990", "a\r\nb\tc", "🙂 Emoji, E. Faces. 2020.", "\u200b" * 50]
    items = ibid.parse_references(odd)
    assert len(items) == len(odd)
    assert all(isinstance(i["type"], str) for i in items)


@pytest.mark.parametrize(
    "bad, message",
    [
        ("one string", "list of str"),
        (b"bytes", "list of str"),
        (None, "list of str"),
        (42, "list of str"),
        (["ok", 3], r"refs\[1\] is int"),
        ([None], r"refs\[0\] is NoneType"),
        ([b"bytes"], r"refs\[0\] is bytes"),
    ],
)
def test_wrong_types_raise_type_error(bad, message):
    with pytest.raises(TypeError, match=message):
        ibid.parse_references(bad)


def test_wrong_type_for_one_reference():
    with pytest.raises(TypeError, match="must be str"):
        ibid.parse_reference(["a list"])


def test_lone_surrogate_is_value_error():
    with pytest.raises(ValueError, match=r"refs\[1\]"):
        ibid.parse_references(["fine", "bad \ud800 surrogate"])
