//! The typed document tree.
//!
//! A [`Document`] is a flat list of top-level [`Node`]s in document order,
//! each with a [`NodeId`] (its index). Every piece of normalised text is a
//! [`Text`]: borrowed from the input where normalisation changed nothing,
//! with its [`Span`] and a source map back to the input. The tree keeps
//! what the grammar read (a label's fields, a procedural line's kind and
//! times, the person an interruption announcement names, a paragraph's cue
//! for who speaks next, a clause's opening), so no later stage reads the
//! input again.
//!
//! All types implement `Serialize` and `Deserialize` (a [`Block`] as part
//! of its [`Speech`]): the JSON written by the converter reads back into
//! equal values (owning their text). The JSON
//! shape is a documented contract (see the crate's `README.md`): node enums
//! are internally tagged with a `"type"` field in `snake_case`, every key
//! is always present (`null` or `[]` when there is nothing).

mod assemble;
mod ids;
mod kamerstuk;
mod motion;
mod procedure;
mod sitting;
mod speech;

use serde::{Deserialize, Serialize};

pub(crate) use assemble::parse_document;
pub use ids::{
    AdviceId, AnnouncementId, ContributionId, DateId, EventId, MotionId, NodeId, ReferenceId,
    VoteId,
};
pub use kamerstuk::{DocumentKind, KamerstukHead, Signers};
pub use motion::{
    Consideration, ConsiderationKind, Dictum, DictumKind, Motion, MotionNumber, Submitter,
};
pub use procedure::Procedure;
pub use sitting::{Attendance, Attendee, Officer, OfficerRole};
pub use speech::{
    Block, Blocks, Cue, CueKind, Interruption, InterruptionKind, Paragraph, Role, Speaker, Speech,
};

use crate::text::Text;

/// A byte range `[start, end)` into the original input (offsets count from
/// the first byte of the input as given, a UTF-8 BOM included).
///
/// Both ends always lie on `char` boundaries of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The text layout a document was written in, detected per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// Markdown conversion: `## 7` / `### title` headings, bold labels
    /// (`**De voorzitter:**`, `De heer **Slootweg** (CDA):`), `---` rules and
    /// `#### Motie` headings.
    Markdown,
    /// Text extracted from the PDF of an (uncorrected) stenogram: hard-wrapped
    /// lines with trailing spaces, page footers and running heads, a leading
    /// space on the first line of a new page.
    Pdf,
    /// Plain official text: a label alone on its line, paragraphs split by
    /// blank lines.
    Official,
}

/// A parsed document: the nodes in document order. It borrows the input
/// it was parsed from (`'a`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Document<'a> {
    /// The layout detected for this document.
    pub layout: Layout,
    /// What the document is: a transcript, a Kamerstuk motion document, or
    /// other text.
    pub kind: DocumentKind,
    /// Whether speaker labels were found, i.e. whether this reads as a
    /// transcript at all (a blog post or a news article does not).
    pub is_transcript: bool,
    /// The whole input.
    pub span: Span,
    /// Top-level nodes in document order; `nodes[i].id` is `NodeId(i)`.
    pub nodes: Vec<Node<'a>>,
}

impl<'a> Document<'a> {
    /// The node with id `id`.
    pub fn node(&self, id: NodeId) -> Option<&Node<'a>> {
        self.nodes.get(id.index())
    }

    /// The speeches, in order.
    pub fn speeches(&self) -> impl Iterator<Item = &Speech<'a>> {
        self.nodes.iter().filter_map(|n| match &n.kind {
            NodeKind::Speech(s) => Some(s),
            _ => None,
        })
    }

    /// The speech that is node `id`.
    pub fn speech(&self, id: NodeId) -> Option<&Speech<'a>> {
        match &self.node(id)?.kind {
            NodeKind::Speech(s) => Some(s),
            _ => None,
        }
    }

    /// Every motion, whether read in a speech or standing alone, in order;
    /// the `i`-th has `id` `MotionId(i)`.
    pub fn motions(&self) -> impl Iterator<Item = &Motion<'a>> {
        self.nodes.iter().flat_map(|n| {
            let (alone, in_speech): (Option<&Motion<'a>>, Option<&Speech<'a>>) = match &n.kind {
                NodeKind::Motion { motion } => (Some(&**motion), None),
                NodeKind::Speech(s) => (None, Some(s)),
                _ => (None, None),
            };
            alone
                .into_iter()
                .chain(in_speech.into_iter().flat_map(|s| s.motions()))
        })
    }

    /// The first agenda item, if any.
    pub fn agenda_item(&self) -> Option<&AgendaItem<'a>> {
        self.nodes.iter().find_map(|n| match &n.kind {
            NodeKind::AgendaItem(a) => Some(a),
            _ => None,
        })
    }
}

/// A top-level node: its id and what it is. In JSON the id and the
/// fields of the kind are one object: `{"id": 3, "type": "speech", …}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Node<'a> {
    /// Its index in [`Document::nodes`].
    pub id: NodeId,
    /// What it is.
    #[serde(flatten)]
    pub kind: NodeKind<'a>,
}

/// What a top-level [`Node`] is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NodeKind<'a> {
    /// YAML-style front matter between `---` lines at the very start.
    FrontMatter(FrontMatter<'a>),
    /// A Markdown heading that is not part of an agenda item heading.
    Heading(Heading<'a>),
    /// An agenda item: `## 7` + `### Title` in Markdown, or the title line
    /// that opens a transcript in the other layouts.
    AgendaItem(AgendaItem<'a>),
    /// `Voorzitter: Bergkamp` at the top of a stenogram: who presides.
    Presiding(Presiding<'a>),
    /// Who is present: `Aanwezig zijn 112 leden der Kamer, te weten: …`.
    Attendance(Attendance<'a>),
    /// An officer named in the opening block: `Griffier: Lips`, or a
    /// committee report's `De griffier van de vaste commissie voor …,` and
    /// the name.
    Officer(Officer<'a>),
    /// A speaker's turn.
    Speech(Speech<'a>),
    /// A motion outside any speech.
    Motion {
        /// The motion.
        motion: Box<Motion<'a>>,
    },
    /// A procedural line: `De beraadslaging wordt gesloten.`, `Aan de orde
    /// is …`, `De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.`
    Procedural(Procedural<'a>),
    /// Footers, running heads and page references of a PDF page.
    PageFurniture(PageFurniture<'a>),
    /// A Markdown rule `---` that belongs to no motion.
    ThematicBreak(ThematicBreak),
    /// Prose outside any speech that is expected there: the introduction of
    /// an agenda item, or the body of a document that is no transcript.
    Paragraph(Paragraph<'a>),
    /// The head of a Kamerstuk motion document (dossier, title, number,
    /// header, date).
    Kamerstuk(Box<KamerstukHead<'a>>),
    /// The signers at the end of a Kamerstuk motion document.
    Signers(Signers<'a>),
    /// Text the grammar did not recognise where a transcript expects
    /// structure; a [`Diagnostic`](crate::Diagnostic) points at it too.
    Text(Paragraph<'a>),
}

impl<'a> Node<'a> {
    /// The span of the original input this node came from.
    pub fn span(&self) -> Span {
        match &self.kind {
            NodeKind::FrontMatter(n) => n.span,
            NodeKind::Heading(n) => n.span,
            NodeKind::AgendaItem(n) => n.span,
            NodeKind::Presiding(n) => n.span,
            NodeKind::Attendance(n) => n.span,
            NodeKind::Officer(n) => n.span,
            NodeKind::Speech(n) => n.span,
            NodeKind::Motion { motion } => motion.span,
            NodeKind::Procedural(n) => n.text.span(),
            NodeKind::PageFurniture(n) => n.text.span(),
            NodeKind::ThematicBreak(n) => n.span,
            NodeKind::Paragraph(n) | NodeKind::Text(n) => n.text.span(),
            NodeKind::Kamerstuk(n) => n.span,
            NodeKind::Signers(n) => n.span,
        }
    }
}

/// One `key: value` line of front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FrontMatterField<'a> {
    /// The key, as printed.
    pub key: Text<'a>,
    /// The value with surrounding quotes removed; empty when the key opens a
    /// nested block.
    pub value: Text<'a>,
    /// The line in the input.
    pub span: Span,
}

/// Front matter between `---` lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FrontMatter<'a> {
    /// Top-level `key: value` fields in order (nested lines are skipped but
    /// lie inside `span`).
    pub fields: Vec<FrontMatterField<'a>>,
    /// From the opening `---` to the closing `---`, inclusive.
    pub span: Span,
}

/// A Markdown heading (`# nota`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Heading<'a> {
    /// 1 for `#`, up to 6.
    pub level: u8,
    /// The heading text, normalised, emphasis markers removed.
    pub text: Text<'a>,
    /// The heading line.
    pub span: Span,
}

/// An agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AgendaItem<'a> {
    /// The item's number as printed (`7`), when the layout prints it.
    pub number: Option<Text<'a>>,
    /// The title, normalised.
    pub title: Text<'a>,
    /// The heading lines and the title line(s).
    pub span: Span,
}

/// Who presides, from a `Voorzitter: Bergkamp` line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Presiding<'a> {
    /// The name as printed.
    pub name: Text<'a>,
    /// The line.
    pub span: Span,
}

/// A procedural line: what it records, with its times, and its text.
/// In JSON the fields of [`Procedure`] and of the text are the node's own:
/// `{"type": "procedural", "kind": "sitting_suspended", "from": "11:20",
/// "until": "11:23", "text": …, "span": …, "map": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Procedural<'a> {
    /// What it records.
    #[serde(flatten)]
    pub kind: Procedure,
    /// The line, normalised.
    #[serde(flatten)]
    pub text: Text<'a>,
}

/// What kind of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FurnitureKind {
    /// `Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.`,
    /// `Uit ongecorrigeerde verslagen mag niet letterlijk worden geciteerd.`
    Footer,
    /// `Tweede Kamer` followed by the debate's title.
    RunningHead,
    /// `TK 70 70-10-3`
    PageReference,
}

/// Page furniture: kept as a node, never part of speech text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct PageFurniture<'a> {
    /// What kind.
    pub kind: FurnitureKind,
    /// The line, trimmed.
    #[serde(flatten)]
    pub text: Text<'a>,
}

/// A Markdown rule `---`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ThematicBreak {
    /// The line.
    pub span: Span,
}
