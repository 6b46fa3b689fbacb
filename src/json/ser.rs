//! The [`serde::Serializer`] behind [`super::write`]: compact JSON into a
//! `Vec<u8>`, the bytes serde_json's compact serializer writes.
//!
//! It follows serde_json 1's `Serializer<W, CompactFormatter>` call for
//! call (units and `None` as `null`, newtype structs as their content, an
//! enum variant with content as `{"variant":content}`, byte arrays as arrays
//! of numbers, map keys that are numbers or `bool`s quoted), so the shape
//! is still defined once, by the types' `Serialize` implementations. What
//! differs is speed: strings go through the word-at-a-time scan of
//! [`super::escape`], and every write appends to the `Vec` directly.
//! Integers up to 64 bits are written by [`super::number`] (tested against
//! `Display`); 128-bit integers and floats by serde_json's own
//! [`CompactFormatter`] (`itoa` and `ryu`), so floats cannot differ.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};

use super::escape::{write_str, write_str_contents};
use super::key::{KeySerializer, Keys};
use super::number::{write_i64, write_u64};
use super::Error;

type Result<T = ()> = std::result::Result<T, Error>;

/// Writes compact JSON to the end of `out`.
pub(super) struct Serializer<'o> {
    pub(super) out: &'o mut Vec<u8>,
    /// The keys written before, this thread's.
    pub(super) keys: &'o mut Keys,
    /// Where `out` is emptied to once it holds `pass_at` bytes, after an
    /// array or object; `None`: `out` holds the whole value.
    pub(super) sink: Option<&'o mut dyn std::io::Write>,
    /// [`STREAM_CHUNK`](super::STREAM_CHUNK) with a sink, `usize::MAX`
    /// without.
    pub(super) pass_at: usize,
}

/// Where a sequence or map is: nothing written yet, after the first
/// element, or (serde_json's `State::Empty`) opened and closed at once
/// because its length was given as 0.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// An array or object being written.
pub(super) struct Compound<'s, 'o> {
    ser: &'s mut Serializer<'o>,
    state: State,
}

/// Numbers through serde_json's formatter; writing to a `Vec` cannot fail,
/// but the `io::Result` is passed on rather than dropped.
macro_rules! number {
    ($ser:expr, $method:ident, $value:expr) => {
        CompactFormatter
            .$method(&mut *$ser.out, $value)
            .map_err(Error::io)
    };
}

impl<'o> Serializer<'o> {
    /// Hands `out` to the sink when it is full (one compare, most times).
    #[inline]
    fn pass_on(&mut self) -> Result {
        if self.out.len() >= self.pass_at {
            self.empty_to_sink()?;
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn empty_to_sink(&mut self) -> Result {
        if let Some(sink) = &mut self.sink {
            sink.write_all(self.out).map_err(Error::io)?;
            self.out.clear();
        }
        Ok(())
    }

    /// `{"variant":` of an enum variant with content.
    #[inline]
    fn begin_variant(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
    }

    /// Opens an array (`[`) or object (`{`), closing it at once when `len`
    /// is `Some(0)`.
    #[inline]
    fn begin(&mut self, open: u8, close: u8, len: Option<usize>) -> Compound<'_, 'o> {
        self.out.push(open);
        let state = if len == Some(0) {
            self.out.push(close);
            State::Empty
        } else {
            State::First
        };
        Compound { ser: self, state }
    }
}

impl<'s, 'o> ser::Serializer for &'s mut Serializer<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'o>;
    type SerializeTuple = Compound<'s, 'o>;
    type SerializeTupleStruct = Compound<'s, 'o>;
    type SerializeTupleVariant = Compound<'s, 'o>;
    type SerializeMap = Compound<'s, 'o>;
    type SerializeStruct = Compound<'s, 'o>;
    type SerializeStructVariant = Compound<'s, 'o>;

    #[inline]
    fn serialize_bool(self, value: bool) -> Result {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    #[inline]
    fn serialize_i8(self, value: i8) -> Result {
        write_i64(self.out, value.into());
        Ok(())
    }

    #[inline]
    fn serialize_i16(self, value: i16) -> Result {
        write_i64(self.out, value.into());
        Ok(())
    }

    #[inline]
    fn serialize_i32(self, value: i32) -> Result {
        write_i64(self.out, value.into());
        Ok(())
    }

    #[inline]
    fn serialize_i64(self, value: i64) -> Result {
        write_i64(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_i128(self, value: i128) -> Result {
        number!(self, write_i128, value)
    }

    #[inline]
    fn serialize_u8(self, value: u8) -> Result {
        write_u64(self.out, value.into());
        Ok(())
    }

    #[inline]
    fn serialize_u16(self, value: u16) -> Result {
        write_u64(self.out, value.into());
        Ok(())
    }

    #[inline]
    fn serialize_u32(self, value: u32) -> Result {
        write_u64(self.out, value.into());
        Ok(())
    }

    #[inline]
    fn serialize_u64(self, value: u64) -> Result {
        write_u64(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_u128(self, value: u128) -> Result {
        number!(self, write_u128, value)
    }

    /// `NaN` and the infinities as `null`, as serde_json does.
    #[inline]
    fn serialize_f32(self, value: f32) -> Result {
        if value.is_finite() {
            number!(self, write_f32, value)
        } else {
            self.serialize_unit()
        }
    }

    /// `NaN` and the infinities as `null`, as serde_json does.
    #[inline]
    fn serialize_f64(self, value: f64) -> Result {
        if value.is_finite() {
            number!(self, write_f64, value)
        } else {
            self.serialize_unit()
        }
    }

    #[inline]
    fn serialize_char(self, value: char) -> Result {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    #[inline]
    fn serialize_str(self, value: &str) -> Result {
        write_str(self.out, value);
        Ok(())
    }

    /// An array of numbers, as serde_json writes bytes.
    fn serialize_bytes(self, value: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(value.len()))?;
        for byte in value {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }

    #[inline]
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }

    #[inline]
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    #[inline]
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }

    #[inline]
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
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.begin_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'s, 'o>> {
        Ok(self.begin(b'[', b']', len))
    }

    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'o>> {
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'o>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'o>> {
        self.begin_variant(variant);
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'s, 'o>> {
        Ok(self.begin(b'{', b'}', len))
    }

    #[inline]
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'o>> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'o>> {
        self.begin_variant(variant);
        self.serialize_map(Some(len))
    }

    #[inline]
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result {
        write_display(self.out, value)
    }
}

/// `value` as a JSON string: the pieces escaped as `Display` hands them
/// over, with no `String` in between.
pub(super) fn write_display<T: ?Sized + Display>(out: &mut Vec<u8>, value: &T) -> Result {
    struct Escaper<'v>(&'v mut Vec<u8>);
    impl fmt::Write for Escaper<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            write_str_contents(self.0, s);
            Ok(())
        }
    }
    out.push(b'"');
    fmt::write(&mut Escaper(out), format_args!("{value}"))
        .map_err(|_| <Error as ser::Error>::custom("a Display implementation failed"))?;
    out.push(b'"');
    Ok(())
}

impl Compound<'_, '_> {
    /// The `,` before every element but the first.
    #[inline]
    fn separate(&mut self) {
        if self.comma() {
            self.ser.out.push(b',');
        }
    }

    /// Whether the next element needs a `,` before it; moves on to the
    /// state after it.
    #[inline]
    fn comma(&mut self) -> bool {
        let first = self.state == State::First;
        if first {
            self.state = State::Rest;
        }
        !first
    }

    /// Closes the array or object unless it was closed when opened; then
    /// the buffer may go to the sink (after a whole array or object, so not
    /// once per number or key, but after every text's source map).
    #[inline]
    fn close(self, close: u8) -> Result {
        if self.state != State::Empty {
            self.ser.out.push(close);
        }
        self.ser.pass_on()
    }

    /// Closes the array or object of `{"variant":…}`, then the wrapper.
    #[inline]
    fn close_variant(self, close: u8) -> Result {
        if self.state != State::Empty {
            self.ser.out.push(close);
        }
        self.ser.out.push(b'}');
        self.ser.pass_on()
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.separate();
        value.serialize(&mut *self.ser)
    }

    #[inline]
    fn end(self) -> Result {
        self.close(b']')
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }

    #[inline]
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }

    #[inline]
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }

    /// `]` and the `}` of `{"variant":[…]}`.
    #[inline]
    fn end(self) -> Result {
        self.close_variant(b']')
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        let comma = self.comma();
        key.serialize(KeySerializer::new(self.ser.out, comma, self.ser.keys))
    }

    #[inline]
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.ser)
    }

    #[inline]
    fn end(self) -> Result {
        self.close(b'}')
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    /// The key is a Rust identifier or a `rename`: written with the same
    /// escape as any string, so even a strange rename stays valid JSON.
    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        let comma = self.comma();
        self.ser.keys.write(self.ser.out, comma, key);
        value.serialize(&mut *self.ser)
    }

    #[inline]
    fn end(self) -> Result {
        self.close(b'}')
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    /// `}` and the `}` of `{"variant":{…}}`.
    #[inline]
    fn end(self) -> Result {
        self.close_variant(b'}')
    }
}
