//! How a [`Text`](super::Text) keeps its string and source map: borrowed
//! from the input (no edits), or in one allocation of its own, the text
//! followed by the encoding of its edits (all ASCII: `text::edits`). One
//! allocation per rebuilt text, not two, and 24 bytes: the text and its
//! span take 32 bytes (a `Cow<str>` and a boxed slice of edits took 56).

use super::edits::{Edits, EditsBuilder};
use super::{to_u32, to_usize};

#[derive(Clone)]
pub(super) enum Repr<'a> {
    /// `input[span]`, with no edits.
    Borrowed(&'a str),
    /// The text (`all[..text_len]`), then its edits.
    Owned { all: Box<str>, text_len: u32 },
}

impl<'a> Repr<'a> {
    /// `text`, then the edits of `edits` (which is left empty), in one
    /// allocation of their length.
    pub(super) fn owned(text: &str, edits: &mut EditsBuilder) -> Repr<'static> {
        let mut all = String::with_capacity(text.len() + edits.encoded_len());
        all.push_str(text);
        edits.write_to(&mut all);
        Repr::Owned {
            all: all.into_boxed_str(),
            text_len: to_u32(text.len()),
        }
    }

    /// `text` with the edits of `edits` appended to it (left empty): the
    /// text's own allocation, grown, no copy.
    pub(super) fn owned_from(mut text: String, edits: &mut EditsBuilder) -> Repr<'static> {
        let text_len = to_u32(text.len());
        text.reserve_exact(edits.encoded_len());
        edits.write_to(&mut text);
        Repr::Owned {
            all: text.into_boxed_str(),
            text_len,
        }
    }

    pub(super) fn text(&self) -> &str {
        match self {
            Repr::Borrowed(s) => s,
            Repr::Owned { all, text_len } => all.get(..to_usize(*text_len)).unwrap_or_default(),
        }
    }

    pub(super) fn edits(&self) -> Edits<'_> {
        match self {
            Repr::Borrowed(_) => Edits::default(),
            Repr::Owned { all, text_len } => Edits::new(
                all.as_bytes()
                    .get(to_usize(*text_len)..)
                    .unwrap_or_default(),
            ),
        }
    }

    /// The same, owning its string.
    pub(super) fn into_owned(self) -> Repr<'static> {
        match self {
            Repr::Borrowed(s) => Repr::Owned {
                all: s.into(),
                text_len: to_u32(s.len()),
            },
            Repr::Owned { all, text_len } => Repr::Owned { all, text_len },
        }
    }
}
