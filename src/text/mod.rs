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

pub(crate) mod chars;
mod evidence;
mod hyphen;
mod nfc;
mod normalize;
mod parts;

use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, Range};

use serde::de::Error as _;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub(crate) use evidence::HyphenEvidence;
pub use hyphen::split_hyphen_is_real;
pub(crate) use nfc::is_nfc;
pub use normalize::normalize;
pub(crate) use normalize::{has_pair, may_hold_odd_chars, Builder, Scratch};

use crate::Span;

/// One place where a [`Text`] differs from its input: the text
/// `text_start..text_end` stands for the input `input_start..input_end`
/// (offsets relative to the start of the text's span). Between edits the
/// text is a byte-for-byte copy of the input.
///
/// A deletion (`**` removed, a hyphen joined, page furniture skipped) has
/// `text_start == text_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edit {
    text_start: u32,
    text_end: u32,
    input_start: u32,
    input_end: u32,
}

impl Edit {
    /// The edit by which the text `text` stands for the input `input`
    /// (relative to the start of its text's span).
    pub(crate) fn new(text: Range<usize>, input: Range<usize>) -> Edit {
        Edit {
            text_start: to_u32(text.start),
            text_end: to_u32(text.end),
            input_start: to_u32(input.start),
            input_end: to_u32(input.end),
        }
    }

    /// The range of the text the edit produced (empty for a deletion).
    pub fn text_range(&self) -> Range<usize> {
        to_usize(self.text_start)..to_usize(self.text_end)
    }

    /// The input the edit stands for, relative to the start of its text's
    /// span ([`Text::map`] gives it in input offsets).
    pub fn relative_input_range(&self) -> Range<usize> {
        to_usize(self.input_start)..to_usize(self.input_end)
    }
}

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
/// Built by the parser; [`normalize`] builds one for any string.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Text<'a> {
    text: Cow<'a, str>,
    span: Span,
    edits: Box<[Edit]>,
}

impl<'a> Text<'a> {
    /// The text `input[span]`, borrowed. `span` must lie on char boundaries
    /// of `input`; if it does not, the text is empty.
    pub(crate) fn borrowed(input: &'a str, span: Span) -> Text<'a> {
        Text {
            text: Cow::Borrowed(input.get(span.start..span.end).unwrap_or_default()),
            span,
            edits: Box::default(),
        }
    }

    /// Text that stands for `span` without a byte-for-byte copy of it (one
    /// edit over the whole span): a value the parser composed.
    pub(crate) fn composed(text: String, span: Span) -> Text<'static> {
        let edit = Edit {
            text_start: 0,
            text_end: to_u32(text.len()),
            input_start: 0,
            input_end: to_u32(span.len()),
        };
        Text {
            text: Cow::Owned(text),
            span,
            edits: Box::new([edit]),
        }
    }

    /// Builds a text from its parts; the edits must be in order.
    pub(crate) fn from_parts(text: Cow<'a, str>, span: Span, edits: Box<[Edit]>) -> Text<'a> {
        Text { text, span, edits }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The bytes of the input the text was read from.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Whether the text is the input of its span, byte for byte (and so
    /// borrowed from it, with no edits).
    pub fn is_verbatim(&self) -> bool {
        self.edits.is_empty() && self.text.len() == self.span.len()
    }

    /// The source map: the places where the text differs from the input.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
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
        self.edits.iter().map(|e| {
            (
                e.text_range(),
                Span::new(self.abs(e.input_start), self.abs(e.input_end)),
            )
        })
    }

    /// The input offset where a range of the text starting at byte
    /// `offset` starts. Inside an edit, the start of the edit's input.
    pub fn input_start(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let k = self
            .edits
            .partition_point(|e| to_usize(e.text_end) <= offset);
        if let Some(e) = self.edits.get(k) {
            if to_usize(e.text_start) < offset {
                return self.abs(e.input_start);
            }
        }
        self.linear(k, offset)
    }

    /// The input offset where a range of the text ending at byte `offset`
    /// (exclusive) ends. Inside an edit, the end of the edit's input.
    pub fn input_end(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let k = self
            .edits
            .partition_point(|e| to_usize(e.text_end) < offset);
        if let Some(e) = self.edits.get(k) {
            if to_usize(e.text_start) < offset {
                return self.abs(e.input_end);
            }
        }
        self.linear(k, offset)
    }

    /// The input offset of text `offset`, copied from the input after the
    /// edit before `k` (or from the start of the span).
    fn linear(&self, k: usize, offset: usize) -> usize {
        let (t, i) = k
            .checked_sub(1)
            .and_then(|p| self.edits.get(p))
            .map_or((0, 0), |e| (to_usize(e.text_end), to_usize(e.input_end)));
        (self.span.start + i + offset.saturating_sub(t)).min(self.span.end)
    }

    fn abs(&self, relative: u32) -> usize {
        (self.span.start + to_usize(relative)).min(self.span.end)
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
        let piece = self.text.get(a..b).unwrap_or_default();
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
        if let Cow::Borrowed(s) = self.text {
            if let Some(piece) = s.get(a..b) {
                if piece.len() == span.len() {
                    return Text {
                        text: Cow::Borrowed(piece),
                        span,
                        edits: Box::default(),
                    };
                }
            }
        }
        self.owned_slice(a, b, span)
    }

    /// `self[a..b]`, owned, with the edits that touch it clipped to it.
    fn owned_slice(&self, a: usize, b: usize, span: Span) -> Text<'a> {
        let piece = self.text.get(a..b).unwrap_or_default();
        let mut edits = Vec::new();
        // Edits that end at or before `a` lie outside the range, and so do
        // those from `b` on: only the edits between are visited, so that
        // many slices of one text cost no more than the text.
        let first = self.edits.partition_point(|e| to_usize(e.text_end) <= a);
        for e in self.edits.get(first..).unwrap_or_default() {
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
            edits.push(Edit {
                text_start: to_u32(ts.max(a) - a),
                text_end: to_u32(te.min(b) - a),
                input_start: to_u32(is.max(span.start).min(span.end) - span.start),
                input_end: to_u32(ie.max(span.start).min(span.end) - span.start),
            });
        }
        if edits.is_empty() && piece.len() != span.len() {
            // Nothing left to say where the lengths differ: one edit.
            return Text::composed(piece.to_string(), span);
        }
        Text {
            text: Cow::Owned(piece.to_string()),
            span,
            edits: edits.into_boxed_slice(),
        }
    }

    /// `self`, a space, then `next` (which lies after `self` in the input):
    /// the space stands for whatever lies between them.
    pub(crate) fn joined(&self, next: &Text<'a>) -> Text<'a> {
        let span = self.span.cover(next.span);
        let mut text = String::with_capacity(self.text.len() + 1 + next.text.len());
        text.push_str(&self.text);
        text.push(' ');
        text.push_str(&next.text);
        let rel = |abs: usize| to_u32(abs.saturating_sub(span.start));
        let mut edits: Vec<Edit> = Vec::with_capacity(self.edits.len() + next.edits.len() + 1);
        edits.extend(self.edits.iter().map(|e| Edit {
            input_start: rel(self.abs(e.input_start)),
            input_end: rel(self.abs(e.input_end)),
            ..*e
        }));
        // Whatever lies between the two spans (each text's own edits cover
        // what lies inside its span).
        let tail = to_u32(self.text.len());
        edits.push(Edit {
            text_start: tail,
            text_end: tail + 1,
            input_start: rel(self.span.end),
            input_end: rel(next.span.start.max(self.span.end)),
        });
        let shift = tail + 1;
        edits.extend(next.edits.iter().map(|e| Edit {
            text_start: e.text_start + shift,
            text_end: e.text_end + shift,
            input_start: rel(next.abs(e.input_start)),
            input_end: rel(next.abs(e.input_end)),
        }));
        Text {
            text: Cow::Owned(text),
            span,
            edits: edits.into_boxed_slice(),
        }
    }

    /// The same text, owning its string.
    pub fn into_owned(self) -> Text<'static> {
        Text {
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
            edits: self.edits,
        }
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?}@{}..{}",
            &*self.text, self.span.start, self.span.end
        )?;
        if !self.edits.is_empty() {
            write!(f, " ({} edits)", self.edits.len())?;
        }
        Ok(())
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.text == *other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.text == **other
    }
}

impl PartialEq<String> for Text<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.text == **other
    }
}

impl PartialEq<Text<'_>> for &str {
    fn eq(&self, other: &Text<'_>) -> bool {
        **self == *other.text
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
                serializer.collect_seq(t.edits.iter().map(|e| {
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
        s.serialize_field("text", &*self.text)?;
        s.serialize_field("span", &self.span)?;
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
        let mut edits = Vec::with_capacity(repr.map.len());
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
            edits.push(Edit {
                text_start: to_u32(ts),
                text_end: to_u32(te),
                input_start: to_u32(is - repr.span.start),
                input_end: to_u32(ie - repr.span.start),
            });
        }
        Ok(Text {
            text: Cow::Owned(repr.text),
            span: repr.span,
            edits: edits.into_boxed_slice(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
