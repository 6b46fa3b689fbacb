//! `handelingen._native`: the Python bindings of the `handelingen` parser.
//!
//! Every function here is a thin front over the Rust library: the parse
//! result is turned into Python dicts and lists straight from the Rust
//! types by `pythonize` (their serde `Serialize`, the same definition the
//! JSON format is written from), so a result equals `json.loads` of the
//! command's JSON. The table rows come from `handelingen::tables`, the
//! rows of the command's `tables`.
//!
//! The GIL is released while text is parsed, and `parse_files` parses on
//! worker threads that never touch Python: the Python thread only turns
//! finished documents into dicts, in input order.
//!
//! Nothing here panics on input: errors are Python exceptions
//! (`InvalidUtf8Error`, `OSError` and its subclasses, `TypeError`,
//! `ValueError`) with a message that names the file or the document.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod files;

use std::io;
use std::path::Path;

use handelingen::tables::{ColumnKind, Table, Tables, Visitor, TABLES};
use handelingen::{Options, Parsed};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyDict, PyString, PyTuple};
use serde::Serialize;

pyo3::create_exception!(
    handelingen,
    InvalidUtf8Error,
    pyo3::exceptions::PyValueError,
    "The input is not UTF-8 text.\n\n\
     Attributes: ``offset`` (the byte offset of the first invalid byte), \
     ``line`` (its 1-based line), ``start`` and ``end`` (the invalid byte \
     sequence) and ``path`` (the file, or ``None`` for ``parse_bytes``)."
);

/// The largest `first_id` accepted by [`tables`]: far below `u64::MAX`, so
/// that no run can count past it.
const MAX_FIRST_ID: u64 = 1 << 62;

/// What `parse_file` and `parse_files` return: the parse result with the
/// path first, as the command's JSON writes it (`{"file", "format", …}`).
#[derive(Serialize)]
struct Record<'a, 'i> {
    file: &'a str,
    #[serde(flatten)]
    parsed: &'a Parsed<'i>,
}

/// A path as the `file` of a [`Record`]: as given (`os.fspath`), with any
/// bytes that are not UTF-8 replaced by U+FFFD.
fn file_name(path: &Path) -> std::borrow::Cow<'_, str> {
    path.to_string_lossy()
}

/// The dict of one file's parse result, `file` first.
fn file_result<'py>(
    py: Python<'py>,
    path: &Path,
    parsed: &Parsed<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    to_python(
        py,
        &Record {
            file: &file_name(path),
            parsed,
        },
    )
}

fn options(analysis: bool) -> Options {
    Options::default().with_analysis(analysis)
}

/// A Rust value with `Serialize` as Python objects.
fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value)
        .map_err(|e| PyValueError::new_err(format!("cannot turn the result into Python: {e}")))
}

/// The Python exception of a library error: [`InvalidUtf8Error`] with its
/// position, the message prefixed with the file when there is one.
fn library_error(py: Python<'_>, err: &handelingen::Error, path: Option<&Path>) -> PyErr {
    let message = match path {
        Some(path) => format!("{}: {err}", path.display()),
        None => err.to_string(),
    };
    let exception = InvalidUtf8Error::new_err(message);
    let value = exception.value(py);
    let attributes = || -> PyResult<()> {
        match err {
            handelingen::Error::InvalidUtf8 { offset, line, span } => {
                value.setattr("offset", offset)?;
                value.setattr("line", line)?;
                value.setattr("start", span.start)?;
                value.setattr("end", span.end)?;
            }
            _ => {
                let span = err.span();
                value.setattr("offset", span.start)?;
                value.setattr("line", py.None())?;
                value.setattr("start", span.start)?;
                value.setattr("end", span.end)?;
            }
        }
        match path {
            Some(path) => value.setattr("path", path.as_os_str()),
            None => value.setattr("path", py.None()),
        }
    };
    match attributes() {
        Ok(()) => exception,
        Err(e) => e,
    }
}

/// The Python `OSError` of a failed read: `OSError(errno, strerror,
/// filename)`, which Python turns into the matching subclass
/// (`FileNotFoundError`, `IsADirectoryError`, `PermissionError` …).
fn io_error(path: &Path, err: &io::Error) -> PyErr {
    match err.raw_os_error() {
        Some(code) => {
            let text = err.to_string();
            let suffix = format!(" (os error {code})");
            let strerror = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
            PyOSError::new_err((code, strerror, path.as_os_str().to_owned()))
        }
        None => PyOSError::new_err(format!("cannot read {}: {err}", path.display())),
    }
}

/// Parses transcript text into a dict: the JSON format of ``handelingen
/// json`` (keys ``format``, ``document``, ``analysis``, ``diagnostics``),
/// equal to ``json.loads`` of the command's output.
///
/// Never fails on text: what the parser cannot place becomes a ``text``
/// node with a diagnostic. With ``analysis=False`` only the tree is built
/// and ``analysis`` is ``None``. The GIL is released while parsing.
#[pyfunction]
#[pyo3(signature = (text, /, *, analysis = true))]
fn parse<'py>(py: Python<'py>, text: &str, analysis: bool) -> PyResult<Bound<'py, PyAny>> {
    let options = options(analysis);
    let parsed = py.detach(|| handelingen::parse_with(text, &options));
    to_python(py, &parsed)
}

/// Parses transcript bytes (``bytes`` or ``bytearray``) as ``parse`` does,
/// after checking that they are UTF-8. A UTF-8 byte order mark and ``\r\n``
/// line ends are accepted; spans count bytes of ``data``.
///
/// Raises ``InvalidUtf8Error`` (a ``ValueError``) with the byte ``offset``
/// and ``line`` of the first invalid byte.
#[pyfunction]
#[pyo3(signature = (data, /, *, analysis = true))]
fn parse_bytes<'py>(
    py: Python<'py>,
    data: PyBackedBytes,
    analysis: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(analysis);
    let parsed = py.detach(|| handelingen::parse_bytes_with(&data, &options));
    match parsed {
        Ok(parsed) => to_python(py, &parsed),
        Err(err) => Err(library_error(py, &err, None)),
    }
}

/// Reads and parses one file (a ``str`` or ``os.PathLike``) as
/// ``parse_bytes`` does. The result has the key ``file`` first, the path
/// as given, as the command's JSON has.
///
/// Raises ``OSError`` (``FileNotFoundError``, ``IsADirectoryError`` …)
/// when the file cannot be read and ``InvalidUtf8Error`` when it is not
/// UTF-8; both name the file.
#[pyfunction]
#[pyo3(signature = (path, /, *, analysis = true))]
fn parse_file<'py>(
    py: Python<'py>,
    path: std::path::PathBuf,
    analysis: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = options(analysis);
    let bytes = py
        .detach(|| std::fs::read(&path))
        .map_err(|e| io_error(&path, &e))?;
    let parsed = py.detach(|| handelingen::parse_bytes_with(&bytes, &options));
    match parsed {
        Ok(parsed) => file_result(py, &path, &parsed),
        Err(err) => Err(library_error(py, &err, Some(&path))),
    }
}

/// The rows of the tables of ``handelingen tables`` (``documents``,
/// ``agenda_items``, ``attendance``, ``attendees``, ``officers``, ``speeches``,
/// ``motions``, ``motion_documents``, ``clauses``, ``advice``, ``votes``,
/// ``vote_parties``, ``references``, ``announced_motions``,
/// ``contributions``, ``dates``, ``events``, ``diagnostics``): a dict from
/// table name to a list of row dicts, keyed by the columns of
/// ``TABLE_COLUMNS``.
///
/// ``docs`` is an iterable of parse results (the dicts ``parse`` and the
/// other functions return), each alone or as a ``(file, result)`` pair.
/// The ``file`` column of ``documents`` is the pair's ``file``, else the
/// result's ``file`` key (``parse_file`` writes it), else ``""``. Every ``*_id`` column is unique across the call and counts from
/// ``first_id``: give each part of a run split into parts (the partitions
/// of a Dask bag) its own range, e.g. ``partition << 32``, and the ids stay
/// unique when the parts are put together. Empty values are ``None``
/// where the CSV has an empty field.
///
/// Raises ``TypeError`` or ``ValueError`` naming the document when an item
/// is not a parse result.
#[pyfunction]
#[pyo3(signature = (docs, /, *, first_id = 0))]
fn tables<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    first_id: u64,
) -> PyResult<Bound<'py, PyDict>> {
    if first_id > MAX_FIRST_ID {
        return Err(PyValueError::new_err(format!(
            "first_id must be at most 2**62 ({MAX_FIRST_ID}), not {first_id}"
        )));
    }
    if docs.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(
            "tables() takes an iterable of parse results, not one parse result: \
             pass [result]",
        ));
    }
    let mut all = Tables::with_first_id(first_id);
    for (index, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        let (file, doc) = match item.cast::<PyTuple>() {
            Ok(pair) if pair.len() == 2 => {
                let file = pair.get_item(0)?;
                let file: std::path::PathBuf = file.extract().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "document {index}: the file of a (file, result) pair must be a str or \
                         os.PathLike, not {}",
                        type_name(&file)
                    ))
                })?;
                (file.to_string_lossy().into_owned(), pair.get_item(1)?)
            }
            _ => {
                let file = match item.cast::<PyDict>() {
                    Ok(dict) => match dict.get_item("file")? {
                        Some(file) => file.extract::<String>().unwrap_or_default(),
                        None => String::new(),
                    },
                    Err(_) => String::new(),
                };
                (file, item)
            }
        };
        if !doc.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(format!(
                "document {index}: expected a parse result (a dict) or a (file, result) pair, \
                 not {}",
                type_name(&doc)
            )));
        }
        let parsed: Parsed<'_> = pythonize::depythonize(&doc).map_err(|e| {
            PyValueError::new_err(format!("document {index}: not a parse result: {e}"))
        })?;
        all.add(&file, &parsed);
    }
    let mut out = TablesDict(PyDict::new(py));
    all.visit(&mut out)?;
    Ok(out.0)
}

/// Puts each table's rows into the dict under its name, as a list of dicts.
struct TablesDict<'py>(Bound<'py, PyDict>);

impl Visitor for TablesDict<'_> {
    type Error = PyErr;
    fn table<R: Serialize>(&mut self, table: &'static Table, rows: &[R]) -> PyResult<()> {
        let rows = to_python(self.0.py(), rows)?;
        self.0.set_item(table.name, rows)
    }
}

/// The name of an object's type, for messages.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".to_owned())
}

/// The table names and their columns, in the command's order.
fn table_columns(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for table in TABLES {
        let columns = table.columns.iter().map(|c| PyString::new(py, c.name));
        out.set_item(table.name, PyTuple::new(py, columns)?)?;
    }
    Ok(out)
}

/// The kind of every column of every table: `"integer"`, `"boolean"` or
/// `"text"` (the library's [`ColumnKind`]), for the pandas dtypes.
fn table_kinds(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for table in TABLES {
        let kinds = PyDict::new(py);
        for column in table.columns {
            let kind = match column.kind {
                ColumnKind::Integer => "integer",
                ColumnKind::Boolean => "boolean",
                _ => "text",
            };
            kinds.set_item(column.name, kind)?;
        }
        out.set_item(table.name, kinds)?;
    }
    Ok(out)
}

/// The Rust core of the `handelingen` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::parse_files, m)?)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    m.add_class::<files::ParseFiles>()?;
    m.add("InvalidUtf8Error", py.get_type::<InvalidUtf8Error>())?;
    m.add("FORMAT_VERSION", handelingen::FORMAT_VERSION)?;
    m.add("TABLE_COLUMNS", table_columns(py)?)?;
    m.add("TABLE_KINDS", table_kinds(py)?)?;
    Ok(())
}
