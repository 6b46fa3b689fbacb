//! Text that knows where it came from.
//!
//! Every piece of normalised text in the tree (a paragraph, a clause, a
//! title, a label's name) is a [`Text`]: the text, the [`Span`] of the input
//! it was read from, and a source map of the places where it differs from
//! that input. Where normalisation changed nothing (a paragraph printed on
//! one line, most of the official and Markdown layouts) the text is
//! borrowed from the input and the map is empty; otherwise the text is
//! owned and every [`Edit`] records one place where it differs: whitespace
//! collapsed, a line break joined, Markdown `**` removed, a hyphen at a line
//! end removed, page furniture skipped, a word put in Unicode NFC, an
//! invisible format character left out.
//!
//! Through the map every sub-range of the text maps back to an exact input
//! span ([`Text::span_of`]), so nothing downstream has to search the input
//! again.
//!
//! ```
//! use handelingen::text::normalize;
//! let input = "De  pro-\n  minente rol";
//! let text = normalize(input);
//! assert_eq!(text, "De prominente rol");
//! let rol = text.find("rol").unwrap();
//! let span = text.span_of(rol..rol + 3);
//! assert_eq!(&input[span.start..span.end], "rol");
//! let word = text.find("prominente").unwrap();
//! let span = text.span_of(word..word + "prominente".len());
//! assert_eq!(&input[span.start..span.end], "pro-\n  minente");
//! ```

mod bytes;
pub(crate) mod chars;
mod edits;
mod evidence;
mod hyphen;
mod nfc;
mod normalize;
mod parts;
mod repr;

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};

use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub(crate) use bytes::{has_pair, may_hold_odd_chars};
pub use edits::Edit;
pub(crate) use edits::EditsBuilder;
pub(crate) use evidence::HyphenEvidence;
pub use hyphen::split_hyphen_is_real;
pub(crate) use nfc::is_nfc;
pub use normalize::normalize;
pub(crate) use normalize::{Builder, Scratch};
use repr::Repr;

use crate::Span;

/// The byte offset of `inner` in `outer`, where `inner` is a slice of
/// `outer` (as every `&str` a grammar rule returns is a slice of its
/// input).
pub(crate) fn offset_in(outer: &str, inner: &str) -> usize {
    use nom::Offset;
    outer.offset(inner).min(outer.len())
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Normalised text with its span in the input and a source map back to it.
///
/// Dereferences to `str`; compares equal to a `str` with the same text.
/// Built by the parser; [`normalize()`] builds one for any string.
///
/// A text is 32 bytes (`Option<Text>` too): its span is kept as two `u32`,
/// so offsets past 4 GiB of input saturate (as the source map's do).
#[derive(Clone)]
pub struct Text<'a> {
    repr: Repr<'a>,
    start: u32,
    end: u32,
}

impl<'a> Text<'a> {
    fn new(repr: Repr<'a>, span: Span) -> Text<'a> {
        Text {
            repr,
            start: to_u32(span.start),
            end: to_u32(span.end),
        }
    }

    /// The text `input[span]`, borrowed. `span` must lie on char boundaries
    /// of `input`; if it does not, the text is empty.
    pub(crate) fn borrowed(input: &'a str, span: Span) -> Text<'a> {
        Text::new(
            Repr::Borrowed(input.get(span.start..span.end).unwrap_or_default()),
            span,
        )
    }

    /// Text that stands for `span` without a byte-for-byte copy of it (one
    /// edit over the whole span): a value the parser composed.
    pub(crate) fn composed(text: String, span: Span) -> Text<'static> {
        let edit = Edit::new(0..text.len(), 0..span.len());
        Text::owned(text, span, &mut EditsBuilder::from_list([edit]))
    }

    /// The text `text` that stands for `span` through the edits pushed to
    /// `edits` (in order; the builder is left empty). The text's string
    /// is kept, grown by the edits' encoding.
    pub(crate) fn owned(text: String, span: Span, edits: &mut EditsBuilder) -> Text<'static> {
        Text::new(Repr::owned_from(text, edits), span)
    }

    /// As [`Text::owned`], with a copy of `text` (of exactly the length of
    /// the text and its edits).
    pub(crate) fn copied(text: &str, span: Span, edits: &mut EditsBuilder) -> Text<'static> {
        Text::new(Repr::owned(text, edits), span)
    }

    fn edit_map(&self) -> edits::Edits<'_> {
        self.repr.edits()
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        self.repr.text()
    }

    /// The bytes of the input the text was read from.
    pub fn span(&self) -> Span {
        Span::new(to_usize(self.start), to_usize(self.end))
    }

    /// Whether the text is the input of its span, byte for byte (and so
    /// borrowed from it, with no edits).
    pub fn is_verbatim(&self) -> bool {
        self.edit_map().is_empty() && self.as_str().len() == self.span().len()
    }

    /// The source map: the places where the text differs from the input,
    /// in order (decoded from the compact form the text keeps them in).
    pub fn edits(&self) -> impl Iterator<Item = Edit> + '_ {
        self.edit_map().iter()
    }

    /// The source map in input offsets: for every edit, the range of the
    /// text it produced and the span of the input it stands for (as the
    /// JSON `map` writes it).
    ///
    /// ```
    /// let t = handelingen::text::normalize("a  b");
    /// let map: Vec<_> = t.map().collect();
    /// assert_eq!(map, [(1..2, handelingen::Span::new(1, 3))]);
    /// ```
    pub fn map(&self) -> impl Iterator<Item = (Range<usize>, Span)> + '_ {
        self.edit_map().iter().map(|e| {
            (
                e.text_range(),
                Span::new(self.abs(e.input_start), self.abs(e.input_end)),
            )
        })
    }

    /// The input offset where a range of the text starting at byte
    /// `offset` starts. Inside an edit, the start of the edit's input.
    pub fn input_start(&self, offset: usize) -> usize {
        let offset = offset.min(self.as_str().len());
        if let Repr::Borrowed(_) = self.repr {
            // No edits: the text is the input of its span.
            return self.linear(edits::Ends::default(), offset);
        }
        let (before, mut rest) = self.edit_map().seek_past(offset);
        if let Some(e) = rest.next() {
            if to_usize(e.text_start) < offset {
                return self.abs(e.input_start);
            }
        }
        self.linear(before, offset)
    }

    /// The input offset where a range of the text ending at byte `offset`
    /// (exclusive) ends. Inside an edit, the end of the edit's input.
    pub fn input_end(&self, offset: usize) -> usize {
        let offset = offset.min(self.as_str().len());
        if let Repr::Borrowed(_) = self.repr {
            // No edits: the text is the input of its span.
            return self.linear(edits::Ends::default(), offset);
        }
        let (before, mut rest) = self.edit_map().seek_at_or_past(offset);
        if let Some(e) = rest.next() {
            if to_usize(e.text_start) < offset {
                return self.abs(e.input_end);
            }
        }
        self.linear(before, offset)
    }

    /// The input offset of text `offset`, copied from the input after an
    /// edit that ends at `before` (or from the start of the span).
    fn linear(&self, before: edits::Ends, offset: usize) -> usize {
        let (t, i) = (to_usize(before.text), to_usize(before.input));
        (to_usize(self.start) + i + offset.saturating_sub(t)).min(to_usize(self.end))
    }

    fn abs(&self, relative: u32) -> usize {
        (to_usize(self.start) + to_usize(relative)).min(to_usize(self.end))
    }

    /// The span of the input that the text `range` was read from. Both
    /// ends lie on char boundaries of the input when the range's ends lie
    /// on char boundaries of the text.
    pub fn span_of(&self, range: Range<usize>) -> Span {
        let start = self.input_start(range.start);
        let end = self.input_end(range.end.max(range.start)).max(start);
        Span::new(start, end)
    }

    /// The text of `range` as a text of its own, borrowed from `input`
    /// where that part of the text is a verbatim copy of it.
    pub(crate) fn sub(&self, input: &'a str, range: Range<usize>) -> Text<'a> {
        let (a, b) = (range.start, range.end.max(range.start));
        let span = self.span_of(a..b);
        let piece = self.as_str().get(a..b).unwrap_or_default();
        if input.get(span.start..span.end) == Some(piece) {
            return Text::borrowed(input, span);
        }
        self.owned_slice(a, b, span)
    }

    /// The text of `part`, a slice of this text's string (as a grammar
    /// rule returns it), as a text of its own: see [`Text::sub`].
    pub(crate) fn part(&self, input: &'a str, part: &str) -> Text<'a> {
        let at = offset_in(self, part);
        self.sub(input, at..at + part.len())
    }

    /// The text of `range` as a text of its own: borrowed where this text
    /// is borrowed and the range holds no edit, else a copy.
    pub fn slice(&self, range: Range<usize>) -> Text<'a> {
        let (a, b) = (range.start, range.end.max(range.start));
        let span = self.span_of(a..b);
        if let Repr::Borrowed(s) = self.repr {
            if let Some(piece) = s.get(a..b) {
                if piece.len() == span.len() {
                    return Text::new(Repr::Borrowed(piece), span);
                }
            }
        }
        self.owned_slice(a, b, span)
    }

    /// `self[a..b]`, owned, with the edits that touch it clipped to it.
    fn owned_slice(&self, a: usize, b: usize, span: Span) -> Text<'a> {
        let piece = self.as_str().get(a..b).unwrap_or_default();
        let mut edits = EditsBuilder::default();
        // Edits that end at or before `a` lie outside the range, and so do
        // those from `b` on: only the edits between are visited, so that
        // many slices of one text cost no more than the text.
        let (_, from_a) = self.edit_map().seek_past(a);
        for e in from_a {
            let (ts, te) = (to_usize(e.text_start), to_usize(e.text_end));
            if ts >= b {
                break;
            }
            // Edits inside the range, or overlapping it; a deletion at an
            // end of the range lies outside it.
            let inside = if ts == te {
                a < ts && ts < b
            } else {
                ts < b && te > a
            };
            if !inside {
                continue;
            }
            let (is, ie) = (self.abs(e.input_start), self.abs(e.input_end));
            edits.push(Edit::new(
                ts.max(a) - a..te.min(b) - a,
                is.max(span.start).min(span.end) - span.start
                    ..ie.max(span.start).min(span.end) - span.start,
            ));
        }
        if edits.is_empty() && piece.len() != span.len() {
            // Nothing left to say where the lengths differ: one edit.
            return Text::composed(piece.to_string(), span);
        }
        Text::copied(piece, span, &mut edits)
    }

    /// This text as read from `span`, which covers its own: the input of
    /// `span` before and after its own is left out of the text (a deletion
    /// at each end), as the `**` or a soft hyphen beside a part of a
    /// paragraph is. A `span` that does not cover the text's changes
    /// nothing.
    pub(crate) fn widened(&self, span: Span) -> Text<'a> {
        if span == self.span() || !span.contains(self.span()) {
            return self.clone();
        }
        let lead = to_usize(self.start) - span.start;
        let own_end = to_usize(self.end) - span.start;
        let len = self.as_str().len();
        let mut edits = EditsBuilder::default();
        if lead > 0 {
            edits.push(Edit::new(0..0, 0..lead));
        }
        for e in self.edit_map().iter() {
            edits.push(Edit {
                input_start: to_u32(to_usize(e.input_start) + lead),
                input_end: to_u32(to_usize(e.input_end) + lead),
                ..e
            });
        }
        if span.end > to_usize(self.end) {
            edits.push(Edit::new(len..len, own_end..span.len()));
        }
        Text::copied(self.as_str(), span, &mut edits)
    }

    /// `self`, a space, then `next` (which lies after `self` in the input):
    /// the space stands for whatever lies between them.
    pub(crate) fn joined(&self, next: &Text<'a>) -> Text<'a> {
        let span = self.span().cover(next.span());
        let (this, after) = (self.as_str(), next.as_str());
        let mut text = String::with_capacity(this.len() + 1 + after.len());
        text.push_str(this);
        text.push(' ');
        text.push_str(after);
        let rel = |abs: usize| to_u32(abs.saturating_sub(span.start));
        let mut edits = EditsBuilder::default();
        for e in self.edit_map().iter() {
            edits.push(Edit {
                input_start: rel(self.abs(e.input_start)),
                input_end: rel(self.abs(e.input_end)),
                ..e
            });
        }
        // Whatever lies between the two spans (each text's own edits cover
        // what lies inside its span).
        let tail = to_u32(this.len());
        edits.push(Edit {
            text_start: tail,
            text_end: tail + 1,
            input_start: rel(to_usize(self.end)),
            input_end: rel(to_usize(next.start).max(to_usize(self.end))),
        });
        let shift = tail + 1;
        for e in next.edit_map().iter() {
            edits.push(Edit {
                text_start: e.text_start + shift,
                text_end: e.text_end + shift,
                input_start: rel(next.abs(e.input_start)),
                input_end: rel(next.abs(e.input_end)),
            });
        }
        Text::copied(&text, span, &mut edits)
    }

    /// The same text, owning its string.
    pub fn into_owned(self) -> Text<'static> {
        Text {
            repr: self.repr.into_owned(),
            start: self.start,
            end: self.end,
        }
    }
}

/// Texts are equal when their strings, spans and source maps are (however
/// each is stored).
impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
            && (self.start, self.end) == (other.start, other.end)
            && self.edit_map().bytes() == other.edit_map().bytes()
    }
}

impl Eq for Text<'_> {}

impl Hash for Text<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
        self.span().hash(state);
        self.edit_map().bytes().hash(state);
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?}@{}..{}",
            self.as_str(),
            to_usize(self.start),
            to_usize(self.end)
        )?;
        if !self.edit_map().is_empty() {
            write!(f, " ({} edits)", self.edits().count())?;
        }
        Ok(())
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Text<'_>> for &str {
    fn eq(&self, other: &Text<'_>) -> bool {
        *self == other.as_str()
    }
}

/// JSON: `{"text": "…", "span": {"start", "end"}, "map": [[text_start,
/// text_end, input_start, input_end], …]}`, input offsets absolute.
impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Map<'t>(&'t Text<'t>);
        impl Serialize for Map<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let t = self.0;
                serializer.collect_seq(t.edits().map(|e| {
                    Entry([
                        to_usize(e.text_start),
                        to_usize(e.text_end),
                        t.abs(e.input_start),
                        t.abs(e.input_end),
                    ])
                }))
            }
        }
        /// One entry of the map, written as a sequence rather than a tuple
        /// (what `[usize; 4]` would be): the same JSON, and a list, not a
        /// tuple, for serializers that tell them apart (`pythonize`, so
        /// that the Python package's dicts equal `json.loads` of the JSON).
        struct Entry([usize; 4]);
        impl Serialize for Entry {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0)
            }
        }
        let mut s = serializer.serialize_struct("Text", 3)?;
        s.serialize_field("text", self.as_str())?;
        s.serialize_field("span", &self.span())?;
        s.serialize_field("map", &Map(self))?;
        s.end()
    }
}

#[derive(Deserialize)]
#[serde(rename = "Text")]
struct TextRepr {
    text: String,
    span: Span,
    map: Vec<[usize; 4]>,
}

impl<'de, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = TextRepr::deserialize(deserializer)?;
        if u32::try_from(repr.span.end).is_err() {
            return Err(D::Error::custom(format!(
                "span {}..{} lies past 4 GiB of input, which a text cannot stand for",
                repr.span.start, repr.span.end
            )));
        }
        let mut edits = EditsBuilder::default();
        for [ts, te, is, ie] in repr.map {
            let fits = ts <= te
                && te <= repr.text.len()
                && repr.span.start <= is
                && is <= ie
                && ie <= repr.span.end;
            if !fits {
                return Err(D::Error::custom(format!(
                    "source map entry [{ts}, {te}, {is}, {ie}] lies outside its text or span"
                )));
            }
            edits.push(Edit::new(
                ts..te,
                is - repr.span.start..ie - repr.span.start,
            ));
        }
        Ok(Text::owned(repr.text, repr.span, &mut edits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node holds texts (a speech's label, each paragraph): their
    /// size is most of the tree's memory beside the rebuilt strings.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_text_is_32_bytes_and_so_is_an_optional_one() {
        assert_eq!(std::mem::size_of::<Text<'_>>(), 32);
        assert_eq!(std::mem::size_of::<Option<Text<'_>>>(), 32);
    }

    #[test]
    fn a_span_past_4_gib_is_refused_when_read() {
        let json = r#"{"text": "a", "span": {"start": 4294967296, "end": 4294967297}, "map": []}"#;
        let err = serde_json::from_str::<Text<'_>>(json)
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("past 4 GiB")));
        let fits = r#"{"text": "a", "span": {"start": 7, "end": 8}, "map": []}"#;
        let text = serde_json::from_str::<Text<'_>>(fits).ok();
        assert_eq!(text.map(|t| t.span()), Some(Span::new(7, 8)));
    }

    #[test]
    fn maps_ranges_through_edits() {
        let input = "**Van  Raan** zegt-\nnee";
        let mut scratch = Scratch::default();
        let mut b = Builder::new(input, true, &mut scratch);
        b.push_fragment(&mut scratch, "**Van  Raan** zegt-", 0);
        b.push_fragment(&mut scratch, "nee", 20);
        let t = b.finish(&mut scratch);
        assert_eq!(t, "Van Raan zegtnee");
        let check = |word: &str, want: &str| {
            let at = t.find(word).unwrap();
            let s = t.span_of(at..at + word.len());
            assert_eq!(&input[s.start..s.end], want, "{word}");
        };
        check("Van", "Van");
        check("Raan", "Raan");
        check("Van Raan", "Van  Raan");
        check("zegtnee", "zegt-\nnee");
        check("nee", "nee");
        let sub = t.sub(input, 4..8);
        assert_eq!(sub, "Raan");
        assert!(sub.is_verbatim());
        let sub = t.sub(input, 0..8);
        assert_eq!(sub, "Van Raan");
        assert!(!sub.is_verbatim());
        let s = sub.span_of(4..8);
        assert_eq!(&input[s.start..s.end], "Raan");
    }

    #[test]
    fn json_round_trip() {
        let input = "a  b\nc";
        let t = normalize(input);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json,
            r#"{"text":"a b c","span":{"start":0,"end":6},"map":[[1,2,1,3],[3,4,4,5]]}"#
        );
        let back: Text = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }
}
