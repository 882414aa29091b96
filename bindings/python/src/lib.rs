//! Python bindings of ibid, built with PyO3 and maturin as the module `ibid._native`.
//!
//! The Python package `ibid` (in `python/ibid/`) wraps these functions; call
//! those, not this module. Every function copies or borrows its input while it
//! holds the GIL, then releases the GIL for all the parsing and serialising, so
//! that Python threads (and Spark or Ray tasks in one Python process) run in
//! parallel. Each call is single-threaded.
//!
//! No Rust panic reaches Python: the work runs under [`guard::guarded`], which
//! turns a panic into a `RuntimeError`. Parsing itself never fails: bad input
//! becomes diagnostics in the document, never an exception.
//!
//! The Rust side is usable without Python too (the pure functions below are
//! what the Python functions call once the GIL is released):
//!
//! ```
//! let json = _native::refs::references_to_json_array(&["Taylor, A. J. P., The Origins of the Second World War (London, 1961)."]).unwrap();
//! let items: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert_eq!(items.as_array().map(|a| a.len()), Some(1));
//! assert!(items[0]["type"].is_string());
//! ```

pub mod arrow;
pub mod guard;
pub mod notes;
pub mod refs;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

/// Parse a notes list, reference list or HTML page (`str` or `bytes`) and
/// write it in `format` ("json", "csl-json", "bibtex", …; see `formats()`).
#[pyfunction]
#[pyo3(signature = (text, format = "json", style = None, pretty = false))]
fn parse_notes(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    format: &str,
    style: Option<String>,
    pretty: bool,
) -> PyResult<String> {
    let format = notes::parse_format(format).map_err(PyValueError::new_err)?;
    let opts = ibid_emit::EmitOptions { style, pretty };
    if let Ok(s) = text.cast::<PyString>() {
        let owned: String = s.to_cow()?.into_owned();
        let out = py.detach(move || {
            guard::guarded("parse_notes", || {
                notes::notes_to_string(&owned, format, &opts)
            })
        });
        return out.map_err(guard::to_py_err);
    }
    let bytes: Vec<u8> = if let Ok(b) = text.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = text.cast::<PyByteArray>() {
        b.to_vec()
    } else {
        return Err(PyTypeError::new_err(format!(
            "parse_notes: text must be str or bytes, got {}",
            type_name(text)
        )));
    };
    let out = py.detach(move || {
        guard::guarded("parse_notes", || {
            notes::notes_bytes_to_string(&bytes, format, &opts)
        })
    });
    out.map_err(guard::to_py_err)
}

/// Parse reference strings (a list or tuple of str) into one JSON array of
/// CSL-JSON items, one per input, in order.
#[pyfunction]
fn parse_references_json(py: Python<'_>, refs: &Bound<'_, PyAny>) -> PyResult<String> {
    let owned = refs::extract_strings(refs)?;
    let out = py.detach(move || {
        guard::guarded("parse_references", || {
            refs::references_to_json_array(&owned)
        })
    });
    out.map_err(guard::to_py_err)
}

/// Parse one reference string into one CSL-JSON item, as JSON text.
#[pyfunction]
fn parse_reference_json(py: Python<'_>, reference: &Bound<'_, PyAny>) -> PyResult<String> {
    let s = reference.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!(
            "parse_reference: reference must be str, got {}",
            type_name(reference)
        ))
    })?;
    let owned: String = s.to_cow()?.into_owned();
    let out =
        py.detach(move || guard::guarded("parse_reference", || refs::reference_to_json(&owned)));
    out.map_err(guard::to_py_err)
}

/// Parse an Arrow string array of references into an Arrow string array of
/// CSL-JSON items (JSON text), null in → null out.
#[pyfunction]
fn parse_references_arrow<'py>(
    py: Python<'py>,
    array: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    arrow::parse_references_arrow(py, array)
}

/// The output format names `parse_notes` accepts.
#[pyfunction]
fn formats() -> Vec<&'static str> {
    notes::format_names()
}

/// The Python type name of an object, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "<unknown type>".to_string())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_notes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_references_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_reference_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_references_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(formats, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
