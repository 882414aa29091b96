from typing import Any, Dict, Iterable, List, Literal, Optional, Tuple, Union, overload

import pyarrow

__version__: str
FORMATS: Tuple[str, ...]

@overload
def parse_notes(
    text: Union[str, bytes], format: Literal["json"] = "json", *, style: Optional[str] = None, pretty: bool = False
) -> Dict[str, Any]: ...
@overload
def parse_notes(
    text: Union[str, bytes], format: str, *, style: Optional[str] = None, pretty: bool = False
) -> Union[Dict[str, Any], str]: ...
def parse_reference(reference: str) -> Dict[str, Any]: ...
def parse_references(refs: Iterable[str]) -> List[Dict[str, Any]]: ...
@overload
def parse_references_arrow(array: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray: ...
@overload
def parse_references_arrow(array: Union[pyarrow.Array, Any]) -> pyarrow.Array: ...
