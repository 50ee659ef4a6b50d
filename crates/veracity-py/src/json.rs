//! JSON and pickling helpers shared by every value class.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde::Serialize;

use crate::error::VeracityError;

/// Serialises `value`, compact or indented by `indent` spaces.
pub(crate) fn to_json_string<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let out = match indent {
        None => serde_json::to_string(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut buf = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
            value.serialize(&mut ser).map(|()| String::from_utf8_lossy(&buf).into_owned())
        }
    };
    out.map_err(|e| VeracityError::new_err(format!("cannot serialise to JSON: {e}")))
}

/// `json.loads(text)`: plain dicts and lists in field order, built by the C JSON decoder.
pub(crate) fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// The snake_case serde name of a unit enum value (for enums without `as_str`, e.g. `QuoteStyle`).
pub(crate) fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Python's `repr()` of a string, shortened to `max` characters (`...` marks a cut).
pub(crate) fn short_repr(py: Python<'_>, text: &str, max: usize) -> String {
    let cut: String = if text.chars().count() > max {
        let mut s: String = text.chars().take(max.saturating_sub(3)).collect();
        s.push_str("...");
        s
    } else {
        text.to_owned()
    };
    pyo3::types::PyString::new(py, &cut)
        .repr()
        .and_then(|r| r.extract::<String>())
        .unwrap_or_else(|_| format!("{cut:?}"))
}

/// Adds `to_json`, `to_dict`, `from_json`, `__reduce__`, `__copy__` and `__deepcopy__` to a
/// frozen wrapper that derives serde `Serialize`/`Deserialize`, plus the class's own methods.
macro_rules! value_class {
    ($ty:ident, $name:literal, { $($body:tt)* }) => {
        #[pyo3::pymethods]
        impl $ty {
            $($body)*

            /// Serialises to a JSON string (spans as code-point offsets).
            ///
            /// Args:
            ///     indent: pretty-print with this many spaces per level (default: compact).
            #[pyo3(signature = (*, indent = None))]
            fn to_json(&self, indent: Option<usize>) -> pyo3::PyResult<String> {
                $crate::json::to_json_string(self, indent)
            }

            /// The JSON form as plain dicts and lists (what `json.loads(self.to_json())` gives).
            fn to_dict<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                let text = $crate::json::to_json_string(self, None)?;
                $crate::json::json_loads(py, &text)
            }

            /// Rebuilds an object from the output of `to_json()`.
            ///
            /// Raises:
            ///     VeracityError: the JSON does not describe this class.
            #[classmethod]
            #[pyo3(signature = (data, /))]
            fn from_json(_cls: &pyo3::Bound<'_, pyo3::types::PyType>, data: &str) -> pyo3::PyResult<Self> {
                serde_json::from_str::<Self>(data).map_err(|e| $crate::error::bad_json($name, e))
            }

            /// Pickle support: `(Class.from_json, (self.to_json(),))`.
            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, (String,))> {
                use pyo3::types::PyAnyMethods;
                let from_json = slf.get_type().getattr("from_json")?;
                Ok((from_json, ($crate::json::to_json_string(slf.get(), None)?,)))
            }

            /// Instances are immutable: a copy is the object itself.
            fn __copy__(slf: pyo3::Bound<'_, Self>) -> pyo3::Bound<'_, Self> {
                slf
            }

            /// Instances are immutable: a deep copy is the object itself.
            #[pyo3(signature = (memo, /))]
            fn __deepcopy__<'py>(
                slf: pyo3::Bound<'py, Self>,
                memo: pyo3::Bound<'py, pyo3::PyAny>,
            ) -> pyo3::Bound<'py, Self> {
                let _ = memo;
                slf
            }
        }
    };
}

pub(crate) use value_class;
