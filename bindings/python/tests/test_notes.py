import json
from pathlib import Path

import pytest

import ibid

NOTES = (
    "7 Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.), Doc. No. 45; "
    "see also Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.\n"
    "8 Ibid., p. 91.\n"
)


def test_json_is_a_dict_with_the_notes():
    doc = ibid.parse_notes(NOTES)
    assert isinstance(doc, dict)
    assert set(doc) >= {"form", "notes", "works", "abbreviations", "diagnostics"}
    assert [n["number"] for n in doc["notes"]] == [7, 8]
    assert doc == ibid.parse_notes(NOTES, format="json") == ibid.parse_notes(NOTES, "JSON")


def test_bytes_and_str_agree():
    assert ibid.parse_notes(NOTES.encode("utf-8")) == ibid.parse_notes(NOTES)
    assert ibid.parse_notes(bytearray(NOTES.encode("utf-8"))) == ibid.parse_notes(NOTES)


def test_empty_and_blank():
    for text in ("", "\n\n", b""):
        doc = ibid.parse_notes(text)
        assert isinstance(doc, dict)
        assert doc["notes"] == [] or all(not n["citations"] for n in doc["notes"])


def test_non_ascii_and_spans_in_code_points():
    text = "1 Müller, Jürgen, Geschichte der Stadt Köln (Köln, 1975), S. 12.\n2 Ebd., S. 14.\n"
    doc = ibid.parse_notes(text)
    assert "Köln" in json.dumps(doc, ensure_ascii=False)
    for note in doc["notes"]:
        start, end = note["span"]
        assert 0 <= start <= end <= len(text)


def test_hundred_thousand_character_note():
    text = "1 " + ("Smith, A History of Venice (Venice, 1901), p. 3; " * 2100)[:99_998]
    assert len(text) == 100_000
    doc = ibid.parse_notes(text)
    assert isinstance(doc["notes"], list)


def test_other_formats_return_text():
    for name in ibid.FORMATS:
        if name == "json":
            continue
        out = ibid.parse_notes(NOTES, format=name)
        assert isinstance(out, str) and out, name


def test_unknown_format_is_value_error():
    with pytest.raises(ValueError, match="unknown format .yaml..*json"):
        ibid.parse_notes(NOTES, format="yaml")


@pytest.mark.parametrize("bad", [None, 12, ["1 a"], 3.5])
def test_wrong_text_type_is_type_error(bad):
    with pytest.raises(TypeError, match="str or bytes"):
        ibid.parse_notes(bad)


def test_wrong_format_type_is_type_error():
    with pytest.raises(TypeError, match="format must be str"):
        ibid.parse_notes(NOTES, format=None)


def test_formats_list():
    assert "json" in ibid.FORMATS and "csl-json" in ibid.FORMATS and "bibtex" in ibid.FORMATS


def test_csl_json_is_a_json_array_of_items():
    out = ibid.parse_notes(NOTES, format="csl-json")
    items = json.loads(out)
    assert isinstance(items, list)
    assert all(isinstance(i.get("type"), str) for i in items)
    assert items, "the notes cite works, so csl-json lists them"
    pretty = ibid.parse_notes(NOTES, format="csl-json", pretty=True)
    assert json.loads(pretty) == items
    assert "\n  " in pretty


def test_unknown_style_is_value_error():
    with pytest.raises(ValueError, match="style"):
        ibid.parse_notes(NOTES, format="chicago", style="no-such-style")
    with pytest.raises(TypeError, match="style must be str"):
        ibid.parse_notes(NOTES, format="chicago", style=3)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 4])
def test_binary_bytes_are_value_error(data):
    with pytest.raises(ValueError, match="not text"):
        ibid.parse_notes(data)


def test_word_document_bytes():
    docx = (Path(__file__).resolve().parents[3] / "examples" / "notes.docx").read_bytes()
    doc = ibid.parse_notes(docx)
    assert doc["form"] == "docx"
    assert [n["number"] for n in doc["notes"]][:3] == [7, 8, 9]
    with pytest.raises(ValueError, match="Word document"):
        ibid.parse_notes(b"PK\x03\x04" + bytes(40))


def test_html_bytes():
    html = (
        b"<html><body><ol><li id='fn1'>Taylor, A. J. P., The Origins of the Second World War "
        b"(London, 1961), p. 88.</li><li id='fn2'>Ibid., p. 91.</li></ol></body></html>"
    )
    doc = ibid.parse_notes(html)
    assert doc["form"] == "html"
    kinds = [c["kind"] for n in doc["notes"] for c in n["citations"]]
    assert "ibid" in kinds, doc
