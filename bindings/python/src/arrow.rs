//! Arrow string arrays of references to Arrow string arrays of CSL-JSON items.
//!
//! The input comes in through the Arrow C Data Interface (the PyCapsule
//! protocol `__arrow_c_array__`, or pyarrow's `_export_to_c` for old pyarrow):
//! its buffers are read in place, not copied. The GIL is released while the
//! input is validated (offsets, UTF-8), parsed and serialised.
//!
//! Output type: `utf8` input gives `utf8` output (or `large_utf8` if the JSON
//! of one array exceeds 2 GiB), `large_utf8` gives `large_utf8`, `utf8_view`
//! gives `utf8`, and the `null` type gives an all-null `utf8` array. Null in,
//! null out; every other entry becomes one JSON object.

use crate::guard::{self, Failure};
use crate::refs::write_reference_json;
use crate::type_name;
use arrow_array::{Array, GenericStringArray, OffsetSizeTrait, StringViewArray};
use arrow_buffer::{Buffer, NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use arrow_data::ArrayData;
use arrow_pyarrow::{FromPyArrowUnchecked, ToPyArrow};
use arrow_schema::DataType;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// The Python entry point (GIL held on entry and on return only).
pub fn parse_references_arrow<'py>(
    py: Python<'py>,
    array: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if !array.hasattr("__arrow_c_array__")? && !array.hasattr("_export_to_c")? {
        return Err(PyTypeError::new_err(format!(
            "parse_references_arrow: expected an Arrow string array (pyarrow.Array or any object with __arrow_c_array__), got {}",
            type_name(array)
        )));
    }
    // SAFETY: nothing reads the buffers before `validate_full` below has
    // checked offsets, lengths and UTF-8.
    let data = unsafe { ArrayData::from_pyarrow_bound_unchecked(array)? };
    match data.data_type() {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => {}
        other => {
            return Err(PyTypeError::new_err(format!(
                "parse_references_arrow: expected an array of strings (utf8, large_utf8 or string_view), got an array of {other}"
            )))
        }
    }
    let result = py.detach(|| {
        guard::guarded("parse_references_arrow", || {
            data.validate_full().map_err(|e| {
                Failure::Invalid(format!(
                    "parse_references_arrow: the input array is not valid Arrow data: {e}"
                ))
            })?;
            parse_array_data(&data)
        })
    });
    // `data` (and with it the producer's buffers) is released here, GIL held.
    drop(data);
    match result {
        Ok(out) => out.to_pyarrow(py),
        Err(Failure::Invalid(m)) => Err(PyValueError::new_err(m)),
        Err(f) => Err(guard::to_py_err(f)),
    }
}

/// Parse every non-null string of a validated string array (no GIL needed).
pub fn parse_array_data(data: &ArrayData) -> Result<ArrayData, Failure> {
    let parser = ibid::Parser::new();
    let len = data.len();
    match data.data_type() {
        DataType::Utf8 => {
            let a = GenericStringArray::<i32>::from(data.clone());
            let out = build(&parser, len, |i| a.is_valid(i).then(|| a.value(i)))?;
            out.into_array_data(false)
        }
        DataType::LargeUtf8 => {
            let a = GenericStringArray::<i64>::from(data.clone());
            let out = build(&parser, len, |i| a.is_valid(i).then(|| a.value(i)))?;
            out.into_array_data(true)
        }
        DataType::Utf8View => {
            let a = StringViewArray::from(data.clone());
            let out = build(&parser, len, |i| a.is_valid(i).then(|| a.value(i)))?;
            out.into_array_data(false)
        }
        DataType::Null => build(&parser, len, |_| None)?.into_array_data(false),
        other => Err(Failure::Invalid(format!(
            "parse_references_arrow: expected an array of strings, got an array of {other}"
        ))),
    }
}

/// JSON values, their end offsets and validity, before choosing the offset width.
pub struct Built {
    values: Vec<u8>,
    ends: Vec<usize>,
    nulls: NullBufferBuilder,
}

fn build<'a>(
    parser: &ibid::Parser<'_>,
    len: usize,
    value: impl Fn(usize) -> Option<&'a str>,
) -> Result<Built, Failure> {
    let mut values = Vec::with_capacity(len * 256);
    let mut ends = Vec::with_capacity(len);
    let mut nulls = NullBufferBuilder::new(len);
    for i in 0..len {
        match value(i) {
            Some(text) => {
                write_reference_json(parser, text, &mut values)?;
                nulls.append_non_null();
            }
            None => nulls.append_null(),
        }
        ends.push(values.len());
    }
    Ok(Built {
        values,
        ends,
        nulls,
    })
}

impl Built {
    /// A `utf8` array if it fits and `large` is not asked for, else `large_utf8`.
    fn into_array_data(self, large: bool) -> Result<ArrayData, Failure> {
        if !large && i32::try_from(self.values.len()).is_ok() {
            self.finish::<i32>()
        } else {
            self.finish::<i64>()
        }
    }

    fn finish<O: OffsetSizeTrait>(mut self) -> Result<ArrayData, Failure> {
        let too_big =
            || Failure::Internal("parse_references_arrow: output too large for its offsets".into());
        let mut offsets: Vec<O> = Vec::with_capacity(self.ends.len() + 1);
        offsets.push(O::usize_as(0));
        for &end in &self.ends {
            offsets.push(O::from_usize(end).ok_or_else(too_big)?);
        }
        let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
        let nulls = self.nulls.finish();
        let array = GenericStringArray::<O>::try_new(offsets, Buffer::from_vec(self.values), nulls)
            .map_err(|e| {
                Failure::Internal(format!(
                    "parse_references_arrow: could not build the output: {e}"
                ))
            })?;
        Ok(array.into_data())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{LargeStringArray, NullArray, StringArray};

    fn items(data: &ArrayData) -> Vec<Option<serde_json::Value>> {
        let n = data.len();
        let get = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        match data.data_type() {
            DataType::Utf8 => {
                let a = StringArray::from(data.clone());
                (0..n)
                    .map(|i| a.is_valid(i).then(|| get(a.value(i))))
                    .collect()
            }
            DataType::LargeUtf8 => {
                let a = LargeStringArray::from(data.clone());
                (0..n)
                    .map(|i| a.is_valid(i).then(|| get(a.value(i))))
                    .collect()
            }
            other => panic!("unexpected output type {other}"),
        }
    }

    #[test]
    fn nulls_and_order_kept() {
        let input = StringArray::from(vec![
            Some("Smith, J. Rome. Oxford, 1990."),
            None,
            Some(""),
            Some("Zeta 1901."),
        ]);
        let out = parse_array_data(&input.into_data()).unwrap();
        assert_eq!(out.data_type(), &DataType::Utf8);
        let got = items(&out);
        assert_eq!(got.len(), 4);
        assert!(got[1].is_none());
        for i in [0, 2, 3] {
            assert!(got[i].as_ref().unwrap()["type"].is_string());
        }
    }

    #[test]
    fn sliced_large_and_view_inputs() {
        let input =
            LargeStringArray::from(vec![Some("a 1990"), None, Some("b 1991"), Some("c 1992")]);
        let sliced = input.slice(1, 3);
        let out = parse_array_data(&sliced.into_data()).unwrap();
        assert_eq!(out.data_type(), &DataType::LargeUtf8);
        let got = items(&out);
        assert_eq!(got.len(), 3);
        assert!(got[0].is_none() && got[1].is_some() && got[2].is_some());

        let view = StringViewArray::from(vec![
            Some("a long reference string of more than twelve bytes, 1990"),
            None,
        ]);
        let out = parse_array_data(&view.into_data()).unwrap();
        assert_eq!(out.data_type(), &DataType::Utf8);
        assert_eq!(
            items(&out).iter().map(Option::is_some).collect::<Vec<_>>(),
            vec![true, false]
        );
    }

    #[test]
    fn null_type_and_empty() {
        let out = parse_array_data(&NullArray::new(3).into_data()).unwrap();
        assert_eq!(out.len(), 3);
        assert_eq!(out.null_count(), 3);
        let out =
            parse_array_data(&StringArray::from(Vec::<Option<&str>>::new()).into_data()).unwrap();
        assert_eq!(out.len(), 0);
    }
}
