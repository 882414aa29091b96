//! Keeps Rust panics from crossing into Python.
//!
//! The pipeline promises never to panic; this is the belt to those braces. A
//! panic inside [`guarded`] becomes a [`Failure::Panic`], which the bindings
//! raise as `RuntimeError` naming the function, so a Spark task fails with a
//! readable message rather than a `PanicException` or an aborted process.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::PyErr;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Why a guarded call produced no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The input was rejected (raised as `ValueError`).
    Invalid(String),
    /// The engine failed internally (raised as `RuntimeError`).
    Internal(String),
    /// The engine panicked (raised as `RuntimeError`).
    Panic(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Invalid(m) | Failure::Internal(m) | Failure::Panic(m) => f.write_str(m),
        }
    }
}

/// Run `work`, turning a panic into [`Failure::Panic`].
pub fn guarded<T>(what: &str, work: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic payload".to_string());
            Err(Failure::Panic(format!(
                "{what}: internal error in the ibid engine (a bug, please report it with the input): {detail}"
            )))
        }
    }
}

/// The Python exception for a failure.
pub fn to_py_err(f: Failure) -> PyErr {
    match f {
        Failure::Invalid(m) => PyValueError::new_err(m),
        Failure::Internal(m) | Failure::Panic(m) => PyRuntimeError::new_err(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_failures() {
        let r: Result<(), Failure> = guarded("f", || panic!("boom"));
        match r {
            Err(Failure::Panic(m)) => {
                assert!(m.contains("f: internal error") && m.contains("boom"))
            }
            other => panic!("unexpected {other:?}"),
        }
        let r: Result<(), Failure> = guarded("f", || panic!("{}", String::from("owned")));
        assert!(matches!(r, Err(Failure::Panic(m)) if m.contains("owned")));
    }

    #[test]
    fn results_pass_through() {
        assert_eq!(guarded("f", || Ok(3)), Ok(3));
        assert_eq!(
            guarded::<()>("f", || Err(Failure::Invalid("bad".into()))),
            Err(Failure::Invalid("bad".into()))
        );
    }
}
