//! Map keys: what serde_json accepts as the key of an object member, and
//! how it writes it.
//!
//! A string is written as it is; a number, `bool` or `char` as a string
//! (`{"1":…}`); a newtype or `Some` as what it holds; a unit variant as its
//! name; anything else is an error, because JSON keys are strings. The key
//! serializer writes the whole lead of a member, `,"key":`, so a string
//! key costs one fixed-size copy ([`write_key`]).

use std::fmt::Display;

use serde::ser::{self, Impossible, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};

use super::escape::{needs_escape, write_key};
use super::ser::write_display;
use super::Error;

type Result<T = ()> = std::result::Result<T, Error>;

/// Writes `,"key":` (without the `,` for the first member).
pub(super) struct KeySerializer<'v> {
    out: &'v mut Vec<u8>,
    comma: bool,
}

impl<'v> KeySerializer<'v> {
    /// A key of the member after `,` when `comma`, else of the first.
    #[inline]
    pub(super) fn new(out: &'v mut Vec<u8>, comma: bool) -> Self {
        KeySerializer { out, comma }
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
        write_key(self.out, self.comma, value);
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

/// How many keys [`StaticKeys`] holds.
const SLOTS: usize = 64;
/// The longest key it holds.
const LONGEST: usize = 20;

/// The keys of struct fields, each checked and formatted once per
/// [`write`](super::write) call, then copied as one fixed-size block.
///
/// A field's key is a `&'static str`: the same few dozen keys, thousands
/// of times, and a given address always holds the same text. So a key is
/// looked up by its address (and length) in a small table, direct mapped;
/// two keys that land on the same slot only cost a second formatting. Keys
/// that are not `'static` (those of maps and flattened fields) go through
/// [`write_key`] every time.
pub(super) struct StaticKeys {
    slots: [Slot; SLOTS],
}

/// One formatted key: `,"key":` in `block`, `len` bytes of it.
#[derive(Clone, Copy)]
struct Slot {
    /// The key's address; 0 in an empty slot (no `&str` is there).
    address: usize,
    /// The key's length in bytes.
    key_len: usize,
    block: [u8; LONGEST + 4],
}

impl Default for StaticKeys {
    fn default() -> Self {
        let empty = Slot {
            address: 0,
            key_len: 0,
            block: [0; LONGEST + 4],
        };
        StaticKeys {
            slots: [empty; SLOTS],
        }
    }
}

impl StaticKeys {
    /// Appends `,"key":` (without the `,` unless `comma`).
    #[inline]
    pub(super) fn write(&mut self, out: &mut Vec<u8>, comma: bool, key: &'static str) {
        let address = key.as_ptr() as usize;
        // Fibonacci hashing: the top bits of the product.
        let index = (address.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) % SLOTS;
        let Some(slot) = self.slots.get_mut(index) else {
            return write_key(out, comma, key);
        };
        if (slot.address != address || slot.key_len != key.len()) && !slot.fill(key) {
            return write_key(out, comma, key);
        }
        let end = out.len() + slot.key_len + 3 + usize::from(comma);
        if comma {
            out.extend_from_slice(&slot.block);
        } else if let Some((_, rest)) = slot.block.split_first() {
            out.extend_from_slice(rest);
        }
        out.truncate(end);
    }
}

impl Slot {
    /// Formats `key` into the slot; false (and the slot empty) when it is
    /// too long or needs an escape.
    #[cold]
    fn fill(&mut self, key: &'static str) -> bool {
        let bytes = key.as_bytes();
        self.address = 0;
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
        self.address = key.as_ptr() as usize;
        self.key_len = bytes.len();
        true
    }
}
