//! Compact JSON, fast: the bytes of `serde_json::to_vec`, written at
//! several times its speed into a buffer you can reuse.
//!
//! The JSON shape is defined once, by the `Serialize` implementations of
//! the types (the derives, and [`Text`](crate::text::Text)'s own); the
//! README documents it field by field. This module is only a faster
//! serializer for that shape: a [`serde::Serializer`] that appends compact
//! JSON to a `Vec<u8>`, scans strings for the bytes JSON must escape eight
//! at a time instead of one by one, and writes numbers with serde_json's own
//! formatter. Its output is **byte for byte** what
//! `serde_json::to_vec(&value)` writes, for a [`Parsed`](crate::Parsed) and
//! for any other `Serialize` value; the tests compare the two on every
//! fixture, the corpus, the hostile inputs and generated values. It reads
//! back with `serde_json::from_slice`.
//!
//! [`write_to`] streams the same bytes to an [`io::Write`](std::io::Write)
//! through a buffer of about [`STREAM_CHUNK`] bytes that you keep, so a
//! large document is never held whole: the buffer stays in the cache and
//! the memory of the output is not touched (and paged in) once per
//! document.
//!
//! For indented output use `serde_json::to_writer_pretty`; there the
//! speed matters less.
//!
//! ```
//! let parsed = handelingen::parse("De voorzitter:\nIk open de vergadering.\n");
//! let mut buf = Vec::new();
//! for _ in 0..2 {
//!     buf.clear(); // the buffer keeps its capacity
//!     handelingen::json::write(&parsed, &mut buf)?;
//!     assert_eq!(buf, serde_json::to_vec(&parsed)?);
//! }
//! let back: handelingen::Parsed = serde_json::from_slice(&buf)?;
//! assert_eq!(back, parsed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod escape;
mod key;
mod number;
mod ser;

use serde::Serialize;

/// Why a value could not be written as JSON: its `Serialize`
/// implementation failed, or a map has a key JSON cannot hold (a
/// sequence, a map, `None`, a float that is not finite …), the cases where
/// serde_json fails too.
///
/// Never returned for the types of this crate by [`write()`]; [`write_to`]
/// also returns the error of its writer ([`Error::io_kind`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write JSON: {message}")]
pub struct Error {
    message: String,
    io: Option<std::io::ErrorKind>,
}

impl Error {
    /// What went wrong, in plain English.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The kind of the writer's error, when writing failed rather than the
    /// value ([`write_to`]: a closed pipe is
    /// [`BrokenPipe`](std::io::ErrorKind::BrokenPipe)).
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        self.io
    }

    /// An error of a writer (a write to a `Vec`, as serde_json's number
    /// formatter does, does not fail; it is passed on all the same).
    fn io(e: std::io::Error) -> Self {
        Error {
            message: e.to_string(),
            io: Some(e.kind()),
        }
    }
}

impl serde::ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            io: None,
        }
    }
}

/// How many bytes [`write_to`] collects before it hands them to its
/// writer: small enough to stay in the cache, large enough that a write
/// costs little next to what it carries.
pub const STREAM_CHUNK: usize = 128 * 1024;

/// Appends `value` as compact JSON to the end of `out`, the bytes
/// `serde_json::to_vec(value)` would give.
///
/// `out` is not cleared first, so one buffer can collect many values (a
/// JSON Lines file) or be cleared and reused without allocating again. On
/// error `out` is cut back to the length it had, so it never holds half a
/// value.
///
/// # Errors
/// Only where serde_json fails too: `value`'s `Serialize` implementation
/// fails, or a map key is not a string, number, `bool` or `char`. Never for
/// a [`Parsed`](crate::Parsed) or another type of this crate.
pub fn write<T: ?Sized + Serialize>(value: &T, out: &mut Vec<u8>) -> Result<(), Error> {
    let len = out.len();
    let written = key::with_keys(|keys| {
        value.serialize(&mut ser::Serializer {
            out: &mut *out,
            keys,
            sink: None,
            pass_at: usize::MAX,
        })
    });
    if written.is_err() {
        out.truncate(len);
    }
    written
}

/// Writes `value` as compact JSON to `writer`: the bytes
/// `serde_json::to_writer(writer, value)` would write, handed over in
/// pieces of at least [`STREAM_CHUNK`] bytes collected in `buf`: the
/// buffer goes to `writer` after the array or object that filled it (in a
/// [`Parsed`](crate::Parsed), after at most one text and its source map),
/// so a piece is a little more than that, and the last one is what is
/// left.
///
/// `buf` is cleared first and left empty, its capacity kept for the next
/// call. There is no flush at the end: wrap `writer` in nothing (each piece
/// is large already) and flush it yourself where that matters.
///
/// ```
/// let parsed = handelingen::parse("De voorzitter:\nIk open de vergadering.\n");
/// let mut out = Vec::new(); // any io::Write: a file, a socket, stdout
/// let mut buf = Vec::new(); // kept for the next document
/// handelingen::json::write_to(&parsed, &mut out, &mut buf)?;
/// assert_eq!(out, serde_json::to_vec(&parsed)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`write()`], and the first error of `writer`
/// ([`Error::io_kind`]); the pieces before it have been written.
pub fn write_to<W: std::io::Write, T: ?Sized + Serialize>(
    value: &T,
    mut writer: W,
    buf: &mut Vec<u8>,
) -> Result<(), Error> {
    buf.clear();
    let written = key::with_keys(|keys| {
        value.serialize(&mut ser::Serializer {
            out: &mut *buf,
            keys,
            sink: Some(&mut writer),
            pass_at: STREAM_CHUNK,
        })
    });
    let rest = written.and_then(|()| writer.write_all(buf).map_err(Error::io));
    buf.clear();
    rest
}

/// `value` as compact JSON in a new `Vec<u8>`; see [`write()`].
///
/// # Errors
/// As [`write()`].
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    write(value, &mut out)?;
    Ok(out)
}

/// `value` as compact JSON in a new `String`; see [`write()`].
///
/// # Errors
/// As [`write()`].
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> Result<String, Error> {
    let bytes = to_vec(value)?;
    // Every string is written whole from a `&str`, every other byte is
    // ASCII, so this is UTF-8; the check is cheap next to the writing.
    String::from_utf8(bytes).map_err(|e| Error {
        message: format!("the JSON is not UTF-8 ({e}); this is a bug in handelingen::json"),
        io: None,
    })
}
