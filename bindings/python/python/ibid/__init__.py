"""ibid: reads the notes and reference lists of scholarly writing and turns
them into structured, linked citations (CSL-JSON).

The work is done by the Rust engine in :mod:`ibid._native`. Every function
releases the GIL while the engine runs and is single-threaded per call, so to
use several cores run calls in several threads (``concurrent.futures``), Spark
tasks or processes. Parsing never fails on text: problems are reported as
diagnostics inside the result. Exceptions are raised only for wrong argument
types (``TypeError``), unknown format names or bytes that are not text
(``ValueError``), and internal engine errors (``RuntimeError``, a bug).

>>> import ibid
>>> item = ibid.parse_reference("Taylor, A. J. P., The Origins of the Second World War (London, 1961).")
>>> "type" in item
True
>>> doc = ibid.parse_notes("1 Ibid., p. 3.\\n")
>>> len(doc["notes"])
1
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Optional, Union

from . import _native

__all__ = [
    "FORMATS",
    "parse_notes",
    "parse_reference",
    "parse_references",
    "parse_references_arrow",
    "__version__",
]

__version__: str = _native.__version__

#: The output format names :func:`parse_notes` accepts.
FORMATS = tuple(_native.formats())


def parse_notes(
    text: Union[str, bytes],
    format: str = "json",
    *,
    style: Optional[str] = None,
    pretty: bool = False,
) -> Union[Dict[str, Any], str]:
    """Parse a notes list, reference list or HTML page.

    ``text`` is a ``str``, or ``bytes`` (plain text or HTML; bytes that are not
    text raise ``ValueError``).

    With ``format="json"`` (the default) the notes document is returned as a
    ``dict`` (keys ``form``, ``notes``, ``works``, ``abbreviations``,
    ``diagnostics``; the document schema of the ``ibid parse`` command). With
    any other format (see :data:`FORMATS`, e.g. ``"csl-json"``, ``"bibtex"``,
    ``"ris"``) the output is returned as a ``str``, exactly as ``ibid parse
    --format FORMAT`` writes it. Unknown format names raise ``ValueError``.

    ``style`` names the citation style of ``chicago``/``chicago-html`` (an
    unknown style raises ``ValueError``); ``pretty`` indents JSON text output
    (``csl-json``).
    """
    if not isinstance(format, str):
        raise TypeError(f"parse_notes: format must be str, got {type(format).__name__}")
    if style is not None and not isinstance(style, str):
        raise TypeError(f"parse_notes: style must be str or None, got {type(style).__name__}")
    out = _native.parse_notes(text, format, style, bool(pretty))
    if format.strip().lower() == "json":
        return json.loads(out)
    return out


def parse_reference(reference: str) -> Dict[str, Any]:
    """Parse one reference string into one CSL-JSON item (a ``dict``).

    The string is cleaned first, as ``ibid refs`` does: publisher link debris
    ("Google Scholar"), inline formatting tags (``<i>``, ``<italic>``) and
    soft hyphens never reach the fields, and a numbered list's entry number
    ("[73] ") is kept apart as ``custom["list-number"]``.
    """
    return json.loads(_native.parse_reference_json(reference))


def parse_references(refs: Iterable[str]) -> List[Dict[str, Any]]:
    """Parse reference strings into CSL-JSON items: one ``dict`` per input, in order.

    ``refs`` is a list (or tuple, or other iterable) of ``str``; a single
    ``str`` and non-``str`` elements raise ``TypeError``. The GIL is released
    while the engine parses and serialises; each call uses one core.
    """
    return json.loads(_native.parse_references_json(refs))


def parse_references_arrow(array: Any) -> Any:
    """Parse an Arrow array of reference strings into an Arrow array of JSON strings.

    ``array`` is a ``pyarrow.Array`` of type ``string``, ``large_string``,
    ``string_view`` or ``null`` (or any object exporting ``__arrow_c_array__``,
    or a ``pyarrow.ChunkedArray``, which is parsed chunk by chunk). The result
    is a ``pyarrow.Array`` (``pyarrow.ChunkedArray`` for chunked input) of the
    same length whose entries are CSL-JSON items as JSON text; null in gives
    null out. ``string`` and ``string_view`` give ``string`` (``large_string``
    if one array's JSON exceeds 2 GiB), ``large_string`` gives
    ``large_string``.

    The input buffers are read in place (Arrow C Data Interface, no copy) and
    the GIL is released while they are validated, parsed and serialised.
    Other array types raise ``TypeError``.
    """
    if not hasattr(array, "__arrow_c_array__") and _is_chunked(array):
        import pyarrow as pa

        out_type = pa.large_string() if pa.types.is_large_string(array.type) else pa.string()
        chunks = [_native.parse_references_arrow(c) for c in array.chunks]
        return pa.chunked_array([c.cast(out_type) for c in chunks], type=out_type)
    return _native.parse_references_arrow(array)


def _is_chunked(obj: Any) -> bool:
    return type(obj).__name__ == "ChunkedArray" and hasattr(obj, "chunks") and hasattr(obj, "type")
