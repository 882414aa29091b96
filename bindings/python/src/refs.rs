//! Reference strings to CSL-JSON items (JSON text).

use crate::guard::Failure;
use crate::type_name;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

/// Copy a Python list/tuple/iterable of `str` into owned strings (GIL held).
///
/// A bare `str` or `bytes` is refused: iterating it would parse one character
/// at a time.
pub fn extract_strings(refs: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if refs.is_instance_of::<PyString>()
        || refs.is_instance_of::<PyBytes>()
        || refs.is_instance_of::<PyByteArray>()
    {
        return Err(PyTypeError::new_err(format!(
            "parse_references: refs must be a list of str, got a single {} (wrap it in a list, or call parse_reference)",
            type_name(refs)
        )));
    }
    let iter = refs.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "parse_references: refs must be a list of str, got {}",
            type_name(refs)
        ))
    })?;
    let mut out = Vec::with_capacity(refs.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        let item = item?;
        let s = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!(
                "parse_references: refs[{i}] is {}, expected str",
                type_name(&item)
            ))
        })?;
        let text = s.to_cow().map_err(|e| {
            PyValueError::new_err(format!(
                "parse_references: refs[{i}] cannot be encoded as UTF-8 (lone surrogate?): {e}"
            ))
        })?;
        out.push(text.into_owned());
    }
    Ok(out)
}

/// Parse one reference and append its CSL-JSON item to `out` as JSON.
pub fn write_reference_json(
    parser: &ibid::Parser<'_>,
    reference: &str,
    out: &mut Vec<u8>,
) -> Result<(), Failure> {
    let item = parser.parse_reference(reference);
    serde_json::to_writer(out, &item)
        .map_err(|e| Failure::Internal(format!("could not serialise an item as JSON: {e}")))
}

/// One reference to its CSL-JSON item as JSON text.
pub fn reference_to_json(reference: &str) -> Result<String, Failure> {
    let parser = ibid::Parser::new();
    let mut out = Vec::with_capacity(256 + reference.len() * 2);
    write_reference_json(&parser, reference, &mut out)?;
    into_string(out)
}

/// References to one JSON array of CSL-JSON items, one per input, in order.
pub fn references_to_json_array<S: AsRef<str>>(refs: &[S]) -> Result<String, Failure> {
    let parser = ibid::Parser::new();
    let guess: usize = refs.iter().map(|r| r.as_ref().len()).sum();
    let mut out = Vec::with_capacity(2 + refs.len() * 160 + guess * 2);
    out.push(b'[');
    for (i, r) in refs.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_reference_json(&parser, r.as_ref(), &mut out)?;
    }
    out.push(b']');
    into_string(out)
}

fn into_string(bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes)
        .map_err(|e| Failure::Internal(format!("serialised JSON is not UTF-8: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_item_per_reference_in_order() {
        let refs = [
            "Smith, J. A History of Rome. Oxford, 1990.",
            "",
            "Müller, K. Geschichte. Berlin 1901.",
        ];
        let json = references_to_json_array(&refs).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let items = v.as_array().unwrap();
        assert_eq!(items.len(), 3);
        for item in items {
            assert!(item["type"].is_string(), "{item}");
        }
        let single: serde_json::Value =
            serde_json::from_str(&reference_to_json(refs[2]).unwrap()).unwrap();
        assert_eq!(single, items[2]);
    }

    #[test]
    fn empty_list_is_empty_array() {
        let none: [&str; 0] = [];
        assert_eq!(references_to_json_array(&none).unwrap(), "[]");
    }
}
