//! Map keys: what serde_json accepts as the key of an object member, and
//! how it writes it.
//!
//! A string is written as it is; a number, `bool` or `char` as a string
//! (`{"1":…}`); a newtype or `Some` as what it holds; a unit variant as its
//! name; anything else is an error, because JSON keys are strings. The key
//! serializer writes the whole lead of a member, `,"key":`, so a string
//! key seen before costs one fixed-size copy ([`Keys`]).

use std::fmt::Display;

use serde::ser::{self, Impossible, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};

use super::escape::{half_at, needs_escape, word_at, write_key};
use super::ser::write_display;
use super::Error;

type Result<T = ()> = std::result::Result<T, Error>;

/// Writes `,"key":` (without the `,` for the first member).
pub(super) struct KeySerializer<'v> {
    out: &'v mut Vec<u8>,
    comma: bool,
    keys: &'v mut Keys,
}

impl<'v> KeySerializer<'v> {
    /// A key of the member after `,` when `comma`, else of the first.
    #[inline]
    pub(super) fn new(out: &'v mut Vec<u8>, comma: bool, keys: &'v mut Keys) -> Self {
        KeySerializer { out, comma, keys }
    }

    /// A key that is not a string as such (a number, a `bool`), written
    /// by `write` between quotes.
    fn quoted(self, write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result {
        if self.comma {
            self.out.push(b',');
        }
        self.out.push(b'"');
        write(&mut *self.out).map_err(Error::io)?;
        self.out.extend_from_slice(b"\":");
        Ok(())
    }
}

fn key_must_be_a_string() -> Error {
    <Error as ser::Error>::custom("key must be a string")
}

fn float_key_must_be_finite() -> Error {
    <Error as ser::Error>::custom("float key must be finite (got NaN or +/-inf)")
}

/// Number keys, quoted, by serde_json's formatter.
macro_rules! number_keys {
    ($($method:ident($type:ty) => $write:ident,)*) => {$(
        fn $method(self, value: $type) -> Result {
            self.quoted(|out| CompactFormatter.$write(out, value))
        }
    )*};
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    #[inline]
    fn serialize_str(self, value: &str) -> Result {
        self.keys.write(self.out, self.comma, value);
        Ok(())
    }

    number_keys! {
        serialize_i8(i8) => write_i8,
        serialize_i16(i16) => write_i16,
        serialize_i32(i32) => write_i32,
        serialize_i64(i64) => write_i64,
        serialize_i128(i128) => write_i128,
        serialize_u8(u8) => write_u8,
        serialize_u16(u16) => write_u16,
        serialize_u32(u32) => write_u32,
        serialize_u64(u64) => write_u64,
        serialize_u128(u128) => write_u128,
    }

    fn serialize_bool(self, value: bool) -> Result {
        self.quoted(|out| CompactFormatter.write_bool(out, value))
    }

    fn serialize_f32(self, value: f32) -> Result {
        if !value.is_finite() {
            return Err(float_key_must_be_finite());
        }
        self.quoted(|out| CompactFormatter.write_f32(out, value))
    }

    fn serialize_f64(self, value: f64) -> Result {
        if !value.is_finite() {
            return Err(float_key_must_be_finite());
        }
        self.quoted(|out| CompactFormatter.write_f64(out, value))
    }

    fn serialize_char(self, value: char) -> Result {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }

    /// As serde_json: the text `Display` gives, as a string key.
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result {
        if self.comma {
            self.out.push(b',');
        }
        write_display(self.out, value)?;
        self.out.push(b':');
        Ok(())
    }
}

/// How many keys [`Keys`] holds.
const SLOTS: usize = 256;
/// The longest key it holds (two words).
const LONGEST: usize = 16;

/// Keys as written before: `,"key":` for each key seen, checked and
/// formatted once, then copied as one fixed-size block.
///
/// The keys of a document are the same few dozen, thousands of times
/// (`"span"`, `"start"`, `"text"`), those of struct fields and of
/// flattened structs alike. A key is looked up by its address in a small
/// direct-mapped table and then compared by content (its length and two
/// words), so the table is right for any key, `'static` or not, and can be
/// kept from one [`write`](super::write) to the next ([`with_keys`]). Two
/// keys that land on the same slot only cost a second formatting; a key
/// longer than [`LONGEST`] or one that needs an escape goes through
/// [`write_key`] every time.
pub(super) struct Keys {
    slots: [Slot; SLOTS],
}

/// One formatted key: `,"key":` in `block`, the key `len` bytes long.
#[derive(Clone, Copy)]
struct Slot {
    /// The key as [`words`] reads it.
    words: [u64; 2],
    /// The key's length in bytes; more than [`LONGEST`] in an empty slot.
    len: usize,
    block: [u8; LONGEST + 4],
}

impl Default for Keys {
    fn default() -> Self {
        let empty = Slot {
            words: [0; 2],
            len: usize::MAX,
            block: [0; LONGEST + 4],
        };
        Keys {
            slots: [empty; SLOTS],
        }
    }
}

thread_local! {
    /// The table of this thread, kept between calls.
    static KEYS: std::cell::RefCell<Keys> = std::cell::RefCell::new(Keys::default());
}

/// Runs `f` with this thread's table of keys, or with a new one when it is
/// in use (a `Serialize` implementation that calls [`write`](super::write)
/// itself) or gone (a thread being torn down). `f` runs once.
pub(super) fn with_keys<R>(mut f: impl FnMut(&mut Keys) -> R) -> R {
    KEYS.try_with(|cell| cell.try_borrow_mut().ok().map(|mut keys| f(&mut keys)))
        .ok()
        .flatten()
        .unwrap_or_else(|| f(&mut Keys::default()))
}

/// The bytes of a key of at most [`LONGEST`] bytes as two words: with its
/// length, equal words mean equal keys. Overlapping loads, as
/// [`super::escape`] reads short strings.
#[inline]
fn words(bytes: &[u8]) -> [u64; 2] {
    let len = bytes.len();
    if len >= 8 {
        [word_at(bytes, 0), word_at(bytes, len - 8)]
    } else if len >= 4 {
        [half_at(bytes, 0) | half_at(bytes, len - 4) << 32, 0]
    } else {
        let at = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
        [at(0) | at(len / 2) << 8 | at(len.wrapping_sub(1)) << 16, 0]
    }
}

impl Keys {
    /// Appends `,"key":` (without the `,` unless `comma`).
    #[inline]
    pub(super) fn write(&mut self, out: &mut Vec<u8>, comma: bool, key: &str) {
        let bytes = key.as_bytes();
        let len = bytes.len();
        if len > LONGEST {
            return write_key(out, comma, key);
        }
        // Fibonacci hashing of the address: the top bits of the product.
        let address = bytes.as_ptr() as usize as u64;
        let index = (address.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize % SLOTS;
        let Some(slot) = self.slots.get_mut(index) else {
            return write_key(out, comma, key);
        };
        let words = words(bytes);
        if (slot.len != len || slot.words != words) && !slot.fill(bytes, words) {
            return write_key(out, comma, key);
        }
        let end = out.len() + len + 3 + usize::from(comma);
        if comma {
            out.extend_from_slice(&slot.block);
        } else if let Some((_, rest)) = slot.block.split_first() {
            out.extend_from_slice(rest);
        }
        out.truncate(end);
    }
}

impl Slot {
    /// Formats the key `bytes` (of at most [`LONGEST`] bytes, read as
    /// `words`) into the slot; false (and the slot empty) when it needs an
    /// escape.
    #[cold]
    fn fill(&mut self, bytes: &[u8], words: [u64; 2]) -> bool {
        self.len = usize::MAX;
        if bytes.len() > LONGEST || bytes.iter().any(|&b| needs_escape(b)) {
            return false;
        }
        self.block = [0; LONGEST + 4];
        let (lead, rest) = self.block.split_at_mut(2);
        lead.copy_from_slice(b",\"");
        let (text, rest) = rest.split_at_mut(bytes.len());
        text.copy_from_slice(bytes);
        if let Some(tail) = rest.get_mut(..2) {
            tail.copy_from_slice(b"\":");
        }
        self.words = words;
        self.len = bytes.len();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_compared_by_content_not_only_by_address() {
        // Keys that share an address (one buffer rewritten) or a slot,
        // of every length up to and past the longest held.
        let mut keys = Keys::default();
        let mut buffer = String::new();
        for round in 0..3u8 {
            for len in 0..=LONGEST + 2 {
                for fill in [b'a', b'b'] {
                    buffer.clear();
                    buffer.extend((0..len).map(|i| {
                        char::from(if i == len / 2 {
                            fill + round
                        } else {
                            b'k' + (i % 5) as u8
                        })
                    }));
                    for comma in [false, true] {
                        let mut out = b"{".to_vec();
                        keys.write(&mut out, comma, &buffer);
                        let mut expected = b"{".to_vec();
                        write_key(&mut expected, comma, &buffer);
                        assert_eq!(out, expected, "{buffer:?}");
                    }
                }
            }
        }
        // A key that needs an escape is never held.
        let mut out = Vec::new();
        keys.write(&mut out, true, "a\"b");
        assert_eq!(out, b",\"a\\\"b\":");
    }

    #[test]
    fn the_table_of_a_thread_is_kept_and_a_nested_call_gets_its_own() {
        let outer = with_keys(|keys| {
            let mut out = Vec::new();
            keys.write(&mut out, false, "start");
            // Nested: the kept table is in use, so a new one is lent.
            let inner = with_keys(|inner| {
                let mut out = Vec::new();
                inner.write(&mut out, true, "start");
                out
            });
            (out, inner)
        });
        assert_eq!(outer, (b"\"start\":".to_vec(), b",\"start\":".to_vec()));
    }
}
