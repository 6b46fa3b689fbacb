//! The JSON form of a [`Speech`]: in memory its paragraphs lie in its
//! content (one list, one allocation a speech); in JSON they are listed
//! apart, `paragraphs`, and the content names each by its index there, the
//! shape the format has had since its first version. Written from a
//! borrowed view, read through an owned mirror that also gives the schema.

use serde::de::Error as _;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Block, Paragraph, Speaker, Speech};
use crate::tree::{Motion, PageFurniture, Span};

/// A [`Speech`] as it is written, in the order of [`SpeechRecord`].
#[derive(Serialize)]
struct SpeechView<'s, 'a> {
    speaker: &'s Speaker<'a>,
    paragraphs: Paragraphs<'s, 'a>,
    content: Content<'s, 'a>,
    span: Span,
}

/// The paragraphs of a speech's content, as a list.
struct Paragraphs<'s, 'a>(&'s Speech<'a>);

impl Serialize for Paragraphs<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.paragraphs())
    }
}

/// A speech's content with each paragraph as its index among the
/// paragraphs.
struct Content<'s, 'a>(&'s [Block<'a>]);

impl Serialize for Content<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        let mut index = 0;
        for block in self.0 {
            let view = match block {
                Block::Paragraph(_) => {
                    let view = BlockView::Paragraph { index };
                    index += 1;
                    view
                }
                Block::Motion { motion } => BlockView::Motion { motion },
                Block::PageFurniture(f) => BlockView::PageFurniture(f),
            };
            seq.serialize_element(&view)?;
        }
        seq.end()
    }
}

/// A [`Block`] as it is written.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum BlockView<'s, 'a> {
    Paragraph { index: usize },
    Motion { motion: &'s Motion<'a> },
    PageFurniture(&'s PageFurniture<'a>),
}

impl Serialize for Speech<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SpeechView {
            speaker: &self.speaker,
            paragraphs: Paragraphs(self),
            content: Content(&self.content),
            span: self.span,
        }
        .serialize(serializer)
    }
}

/// A speaker's turn: the label and everything said until the next label or
/// procedural line.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Speech"))]
struct SpeechRecord<'a> {
    /// Who speaks.
    speaker: Speaker<'a>,
    /// The prose paragraphs in order (motions read in the speech are in
    /// `content`, not here).
    paragraphs: Vec<Paragraph<'a>>,
    /// Everything in the speech in document order: references to
    /// `paragraphs`, the motions read, page furniture in between.
    content: Vec<BlockRecord<'a>>,
    /// From the label to the end of the last block.
    span: Span,
}

/// One item of a speech's content.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Block"))]
#[serde(tag = "type", rename_all = "snake_case")]
enum BlockRecord<'a> {
    /// The paragraph `paragraphs[index]` of the speech.
    Paragraph {
        /// Index into the speech's `paragraphs`.
        index: usize,
    },
    /// A motion read in the speech.
    Motion {
        /// The motion.
        motion: Box<Motion<'a>>,
    },
    /// Page furniture that fell inside the speech (its text is never part
    /// of a paragraph).
    PageFurniture(PageFurniture<'a>),
}

impl<'de, 'a> Deserialize<'de> for Speech<'a> {
    /// The record; an error unless `content` names every paragraph once,
    /// in order (`index` 0, 1, 2 …), as it is written.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let r = SpeechRecord::deserialize(deserializer)?;
        let count = r.paragraphs.len();
        let mut paragraphs = r.paragraphs.into_iter();
        let mut next = 0;
        let mut content = Vec::with_capacity(r.content.len());
        for block in r.content {
            content.push(match block {
                BlockRecord::Paragraph { index } => {
                    let p = paragraphs.next().filter(|_| index == next);
                    let Some(p) = p else {
                        return Err(D::Error::custom(format!(
                            "speech at {}..{}: content names paragraph {index} where paragraph \
                             {next} of {count} is next; content names each paragraph once, in \
                             order",
                            r.span.start, r.span.end
                        )));
                    };
                    next += 1;
                    Block::Paragraph(p)
                }
                BlockRecord::Motion { motion } => Block::Motion { motion },
                BlockRecord::PageFurniture(f) => Block::PageFurniture(f),
            });
        }
        if next != count {
            return Err(D::Error::custom(format!(
                "speech at {}..{}: content names {next} of its {count} paragraphs; content names \
                 each paragraph once, in order",
                r.span.start, r.span.end
            )));
        }
        Ok(Speech {
            speaker: r.speaker,
            content: content.into(),
            span: r.span,
        })
    }
}

schema_of!(Speech<'_>, SpeechRecord);
