//! `parse_files`: many files parsed on worker threads, yielded in order.
//!
//! Workers claim the next file, read and parse it with no Python object in
//! reach (they never take the GIL), and leave the result, which owns its
//! input, in a shared table. The Python thread waits for the next result
//! in input order with the GIL released and turns it into dicts while the
//! workers go on. Workers stay at most a window of files ahead of the
//! Python thread, so memory stays bounded however long the list.

use std::collections::BTreeMap;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use handelingen::Parsed;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

use crate::{file_result, io_error, library_error, options};

self_cell::self_cell!(
    /// A parse result together with the bytes it borrows.
    struct OwnedParsed {
        owner: Vec<u8>,
        #[covariant]
        dependent: Parsed,
    }
);

/// What became of one file.
enum Outcome {
    Parsed(OwnedParsed),
    Unreadable(io::Error),
    Invalid(handelingen::Error),
    /// The parser panicked (a bug): reported, not propagated.
    Panicked,
}

/// The state shared by the workers and the iterator.
struct State {
    /// The next file a worker will claim.
    next: usize,
    /// The next file the iterator yields.
    yielded: usize,
    /// Finished files not yet yielded, by index.
    done: BTreeMap<usize, Outcome>,
    /// Set when the iterator is dropped: workers stop.
    cancelled: bool,
}

struct Shared {
    paths: Vec<PathBuf>,
    analysis: bool,
    /// How far ahead of the iterator workers may go.
    window: usize,
    state: Mutex<State>,
    /// Signalled when a file is done.
    finished: Condvar,
    /// Signalled when the iterator takes a file or is dropped.
    room: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A worker never panics while holding the lock (parsing happens
        // outside it), so a poisoned lock still holds consistent state.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Claims the next file, waiting while the window is full; `None` when
    /// there is nothing left or the iterator is gone.
    fn claim(&self) -> Option<usize> {
        let mut state = self.lock();
        loop {
            if state.cancelled || state.next >= self.paths.len() {
                return None;
            }
            if state.next < state.yielded.saturating_add(self.window) {
                let index = state.next;
                state.next += 1;
                return Some(index);
            }
            state = self.room.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn work(&self) {
        while let Some(index) = self.claim() {
            let outcome = match self.paths.get(index) {
                Some(path) => read_and_parse(path, self.analysis),
                None => Outcome::Panicked,
            };
            let mut state = self.lock();
            state.done.insert(index, outcome);
            drop(state);
            self.finished.notify_all();
        }
    }

    /// Waits for the next file in order and takes it.
    fn take(&self, index: usize) -> Outcome {
        let mut state = self.lock();
        loop {
            if let Some(outcome) = state.done.remove(&index) {
                state.yielded = index + 1;
                drop(state);
                self.room.notify_all();
                return outcome;
            }
            state = self.finished.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }
}

fn read_and_parse(path: &PathBuf, analysis: bool) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Unreadable(e),
    };
    let options = options(analysis);
    let parsed = panic::catch_unwind(AssertUnwindSafe(|| {
        OwnedParsed::try_new(bytes, |bytes| {
            handelingen::parse_bytes_with(bytes, &options)
        })
    }));
    match parsed {
        Ok(Ok(parsed)) => Outcome::Parsed(parsed),
        Ok(Err(e)) => Outcome::Invalid(e),
        Err(_) => Outcome::Panicked,
    }
}

/// The iterator ``parse_files`` returns: one parse result per path, in the
/// order of the paths.
///
/// A file that cannot be read or is not UTF-8 raises its exception
/// (``OSError``, ``InvalidUtf8Error``) when its turn comes; the iterator
/// can be resumed after it, with the next file.
#[pyclass(module = "handelingen")]
pub struct ParseFiles {
    shared: Arc<Shared>,
    /// The next index to yield.
    position: usize,
}

#[pymethods]
impl ParseFiles {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let index = self.position;
        let Some(path) = self.shared.paths.get(index) else {
            return Ok(None);
        };
        self.position += 1;
        let shared = Arc::clone(&self.shared);
        let outcome = py.detach(move || shared.take(index));
        match outcome {
            Outcome::Parsed(parsed) => file_result(py, path, parsed.borrow_dependent()).map(Some),
            Outcome::Unreadable(e) => Err(io_error(path, &e)),
            Outcome::Invalid(e) => Err(library_error(py, &e, Some(path))),
            Outcome::Panicked => Err(PyRuntimeError::new_err(format!(
                "{}: the parser failed (a bug in handelingen; please report it with this file)",
                path.display()
            ))),
        }
    }

    /// The number of paths not yet yielded.
    fn __length_hint__(&self) -> usize {
        self.shared.paths.len().saturating_sub(self.position)
    }
}

impl Drop for ParseFiles {
    fn drop(&mut self) {
        self.shared.lock().cancelled = true;
        self.shared.room.notify_all();
    }
}

/// Parses many files in parallel, yielding one result per path in order.
///
/// ``paths`` is any iterable of ``str`` or ``os.PathLike`` (read at once);
/// ``threads`` is the number of worker threads (default: the number of
/// CPUs). Files are read and parsed on the workers with the GIL released;
/// each result is the dict ``parse_file`` returns. Workers run at most a
/// few files ahead of the loop that consumes the results.
#[pyfunction]
#[pyo3(signature = (paths, /, threads = None, *, analysis = true))]
pub fn parse_files(
    paths: &Bound<'_, PyAny>,
    threads: Option<i64>,
    analysis: bool,
) -> PyResult<ParseFiles> {
    let paths: Vec<PathBuf> = paths
        .try_iter()?
        .enumerate()
        .map(|(index, path)| {
            path?.extract::<PathBuf>().map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(format!(
                    "path {index}: expected a str or os.PathLike"
                ))
            })
        })
        .collect::<PyResult<_>>()?;
    let threads = match threads {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(n) if n >= 1 => usize::try_from(n).unwrap_or(usize::MAX),
        Some(n) => {
            return Err(PyValueError::new_err(format!(
                "threads must be at least 1, not {n}"
            )))
        }
    };
    let threads = threads.min(paths.len()).min(1024);
    let shared = Arc::new(Shared {
        paths,
        analysis,
        window: threads.saturating_mul(2).max(2),
        state: Mutex::new(State {
            next: 0,
            yielded: 0,
            done: BTreeMap::new(),
            cancelled: false,
        }),
        finished: Condvar::new(),
        room: Condvar::new(),
    });
    let mut started = 0;
    let mut last_error = None;
    for n in 0..threads {
        let worker = Arc::clone(&shared);
        match std::thread::Builder::new()
            .name(format!("handelingen-{n}"))
            .spawn(move || worker.work())
        {
            Ok(_) => started += 1,
            Err(e) => last_error = Some(e),
        }
    }
    if started == 0 {
        if let Some(e) = last_error {
            return Err(PyRuntimeError::new_err(format!(
                "cannot start a thread to parse with: {e}"
            )));
        }
    }
    Ok(ParseFiles {
        shared,
        position: 0,
    })
}
