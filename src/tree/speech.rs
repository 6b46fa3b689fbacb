//! Speeches: the speaker, the paragraphs, and what else lies in the turn.

use serde::{Deserialize, Serialize};

use super::{Motion, PageFurniture, Span};
use crate::text::Text;

mod blocks;
mod speaker;
mod wire;

pub use blocks::Blocks;
pub use speaker::Speaker;

/// The role of a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// `De voorzitter:`
    Chair,
    /// `De heer Slootweg (CDA):`, `Mevrouw Van Ginneken (D66):`
    Member,
    /// `Minister Yeşilgöz-Zegerius:`, `Minister van Financiën Hoekstra:`
    Minister,
    /// `Staatssecretaris Rutte:`
    StateSecretary,
    /// `Minister-president Rutte:`
    MinisterPresident,
    /// Anyone else (`De heer Van Dijk:` without a party, a commissioner …).
    Other,
}

impl Role {
    /// Whether the role speaks for the government (a minister, a state
    /// secretary, the minister-president).
    pub fn is_government(self) -> bool {
        matches!(
            self,
            Role::Minister | Role::StateSecretary | Role::MinisterPresident
        )
    }
}

/// A speaker's turn: the label and everything said until the next label or
/// procedural line.
///
/// In JSON a speech is `{"speaker", "paragraphs", "content", "span"}`: the
/// prose paragraphs in order, and the content in document order with each
/// paragraph as `{"type": "paragraph", "index"}` into `paragraphs`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Speech<'a> {
    /// Who speaks.
    pub speaker: Speaker<'a>,
    /// Everything in the speech in document order: its paragraphs, the
    /// motions read, page furniture in between (a list that keeps a single
    /// block inline).
    pub content: Blocks<'a>,
    /// From the label to the end of the last block.
    pub span: Span,
}

impl<'a> Speech<'a> {
    /// The prose paragraphs in order (the paragraphs of `content`; motions
    /// read in the speech hold their own).
    pub fn paragraphs(&self) -> impl DoubleEndedIterator<Item = &Paragraph<'a>> + Clone {
        self.content.iter().filter_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            _ => None,
        })
    }

    /// The motions read in this speech, in order.
    pub fn motions(&self) -> impl Iterator<Item = &Motion<'a>> {
        self.content.iter().filter_map(|b| match b {
            Block::Motion { motion } => Some(&**motion),
            _ => None,
        })
    }

    /// The speech's text as a person reads it: its paragraphs with the
    /// paragraphs of every motion read in it, in document order (the
    /// `Motie` heading and page furniture left out).
    pub fn text(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for block in &self.content {
            match block {
                Block::Paragraph(p) => out.push(p.text.as_str()),
                Block::Motion { motion } => {
                    out.extend(motion.body.iter().map(|p| p.text.as_str()));
                }
                Block::PageFurniture(_) => {}
            }
        }
        out
    }
}

/// One item of a speech's content.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block<'a> {
    /// A paragraph of the speech.
    Paragraph(Paragraph<'a>),
    /// A motion read in the speech.
    Motion {
        /// The motion.
        motion: Box<Motion<'a>>,
    },
    /// Page furniture that fell inside the speech (its text is never part
    /// of a paragraph).
    PageFurniture(PageFurniture<'a>),
}

/// A paragraph: its normalised text (with the span it came from), when the
/// chair announces an interruption in it, the interruption, and what it
/// says about who speaks next (its [`Cue`]). In JSON the text's fields are
/// the paragraph's own: `{"text", "span", "map", "interruption", "cue"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Paragraph<'a> {
    /// Normalised text: NFC, whitespace collapsed, hard wraps and words split
    /// across lines or pages joined, page furniture left out, Markdown
    /// emphasis markers removed. Its span runs from the first to the last
    /// byte of the paragraph in the input; page furniture inside it is
    /// covered too (and is a node of its own).
    #[serde(flatten)]
    pub text: Text<'a>,
    /// Set when the paragraph announces an interruption.
    pub interruption: Option<Box<Interruption<'a>>>,
    /// What the paragraph says about who speaks next, read in every
    /// paragraph of a speech (never in one outside a speech or in a
    /// motion's body).
    pub cue: Option<Cue>,
}

impl<'a> Paragraph<'a> {
    /// A paragraph of `text` that announces nothing.
    pub(crate) fn new(text: Text<'a>) -> Self {
        Paragraph {
            text,
            interruption: None,
            cue: None,
        }
    }

    /// The span of the paragraph in the input.
    pub fn span(&self) -> Span {
        self.text.span()
    }
}

/// What kind of interruption the chair announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterruptionKind {
    /// `Er is een interruptie van mevrouw Michon-Derkzen.`
    Interruption,
    /// `Er is een vraag van mevrouw Van Eijs.`
    Question,
    /// `Er is een vraag over uw motie van mevrouw Voortman.`
    QuestionAboutMotion,
}

/// An interruption announced by the chair: who is named, each part with
/// its span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Interruption<'a> {
    /// The kind of announcement.
    pub kind: InterruptionKind,
    /// The person named, as printed, with its title (`mevrouw Michon-Derkzen`).
    pub person: Text<'a>,
    /// The person's name without the title (`Michon-Derkzen`).
    pub name: Text<'a>,
    /// The party, when the chair names it (`mevrouw Straatman, CDA`).
    pub party: Option<Text<'a>>,
}

/// What a paragraph says about who speaks next: the chair giving the floor,
/// announcing or inviting an interruption, calling a name; a speaker ending
/// a turn. The thread view ([`crate::Analysis::contributions`]) reads
/// these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Cue {
    /// What the paragraph says.
    pub kind: CueKind,
    /// The sentence it says it in (for a call after thanks, both).
    pub span: Span,
}

impl Cue {
    /// A cue of `kind`, read in `span`.
    pub(crate) fn new(kind: CueKind, span: Span) -> Self {
        Cue { kind, span }
    }
}

/// What a paragraph says about who speaks next. The chair's paragraphs
/// give the first four (the last phrase that gives the floor or invites an
/// interruption decides; an announced interruption before anything), a
/// speaker's the last two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CueKind {
    /// The chair gives the floor: `Het woord is aan de minister.`, `De
    /// volgende spreker is mevrouw Van Ginneken.`, `Dan gaan we naar de
    /// minister.`, `Dat is de heer Bevers, namens de VVD.`, `Dan kom ik bij
    /// de tweede termijn van de heer Vijlbrief.`
    Floor,
    /// The chair announces or invites an interruption: `Er is een
    /// interruptie van mevrouw Michon-Derkzen.` (the paragraph's
    /// `interruption` then says who), `Ik zie mevrouw Dijksma met wellicht
    /// een vraag.`, `Uiteraard mag u interrumperen.`
    Interruption,
    /// The chair's paragraph ends calling a name, bare: `Mevrouw Van
    /// Eijk.`
    Call,
    /// The chair's paragraph ends thanking and calling a name: `Dank u
    /// wel. De heer Koops.`
    CallAfterThanks,
    /// A speaker's paragraph ends thanking: `Dank u wel.`, `Dank,
    /// voorzitter.`
    Thanks,
    /// A speaker's paragraph ends the turn in words: `Tot zover mijn
    /// beantwoording.`, a motion's `… en gaat over tot de orde van de dag.`
    Closing,
}
