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
/// Never returned for the types of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write JSON: {message}")]
pub struct Error {
    message: String,
}

impl Error {
    /// What went wrong, in plain English.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// A write to a `Vec` does not fail; this is here so that the result of
    /// serde_json's number formatter is passed on, not dropped.
    fn io(e: std::io::Error) -> Self {
        Error {
            message: e.to_string(),
        }
    }
}

impl serde::ser::Error for Error {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
        }
    }
}

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
        })
    });
    if written.is_err() {
        out.truncate(len);
    }
    written
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
    })
}
