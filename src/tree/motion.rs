//! Motions: the formula from `De Kamer,` to `en gaat over tot de orde van
//! de dag.`, its typed clauses, and what the chair said of it.

use serde::{Deserialize, Serialize};

use super::{MotionId, PageFurniture, Paragraph, Span};
use crate::text::Text;

/// Dossier and number of a Kamerstuk: `Zij krijgt nr. 1011 (26643).`
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct MotionNumber {
    /// The dossier, suffix included (`26643`, `21501-08`, `36800-XVI`).
    pub dossier: String,
    /// The number within the dossier (`1011`).
    pub number: String,
}

impl MotionNumber {
    /// The number `number` of dossier `dossier`.
    pub fn new(dossier: impl Into<String>, number: impl Into<String>) -> Self {
        MotionNumber {
            dossier: dossier.into(),
            number: number.into(),
        }
    }

    /// The Kamerstuk's identifier `kst-{dossier}-{number}`.
    ///
    /// ```
    /// let n = handelingen::MotionNumber::new("26643", "1011");
    /// assert_eq!(n.kamerstuk(), "kst-26643-1011");
    /// ```
    pub fn kamerstuk(&self) -> String {
        format!("kst-{}-{}", self.dossier, self.number)
    }
}

/// A submitter of a motion, from `Deze motie is voorgesteld door …`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Submitter<'a> {
    /// The name as printed (`Van Ginneken`, `Dekker-Abdulaziz`).
    pub name: Text<'a>,
}

/// The opening of a consideration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConsiderationKind {
    /// `constaterende dat …`
    Constaterende,
    /// `overwegende dat …`
    Overwegende,
    /// `van mening dat …`, `van oordeel dat …`
    VanMening,
    /// `voorts constaterende …`, `voorts overwegende …`
    Voorts,
    /// `gelet op …`, `gezien …`
    GeletOp,
    /// Any other participle (`concluderende`, `erkennende`, `wijzend op` …).
    Other,
}

/// The operative verb of a dictum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DictumKind {
    /// `verzoekt de regering …`
    Verzoekt,
    /// `spreekt uit …`
    SpreektUit,
    /// `roept de regering op …`
    RoeptOp,
    /// `draagt het Presidium op …`
    DraagtOp,
    /// `besluit …`
    Besluit,
    /// Any other finite verb (`nodigt … uit`, `dringt aan` …).
    Other,
}

/// A consideration of a motion. In JSON the clause's text fields are its
/// own: `{"kind", "opening", "text", "span", "map"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Consideration<'a> {
    /// Classified by the opening word(s).
    pub kind: ConsiderationKind,
    /// The opening word(s) as printed (`voorts constaterende`).
    pub opening: Text<'a>,
    /// The whole clause, normalised, opening included.
    #[serde(flatten)]
    pub text: Text<'a>,
}

/// A dictum of a motion. In JSON the clause's text fields are its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Dictum<'a> {
    /// Classified by the verb.
    pub kind: DictumKind,
    /// The opening word(s) as printed (`verzoekt`, `spreekt uit`).
    pub opening: Text<'a>,
    /// The whole clause, normalised, opening included.
    #[serde(flatten)]
    pub text: Text<'a>,
}

/// A motion: from `De Kamer,` to `en gaat over tot de orde van de dag.`,
/// with what the chair said of it afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Motion<'a> {
    /// Its place among the motions of the document.
    pub id: MotionId,
    /// `kst-{dossier}-{number}`, when the number is known.
    pub kamerstuk: Option<String>,
    /// From `Zij krijgt nr. 1011 (26643).`
    pub number: Option<MotionNumber>,
    /// The Kamerstuk id of the motion it replaces, of the same dossier
    /// (`Zij krijgt nr. 726, was nr. 719 (21501-08).` → `kst-21501-08-719`).
    pub replaces: Option<String>,
    /// From `Deze motie is voorgesteld door het lid / de leden …`.
    pub submitters: Vec<Submitter<'a>>,
    /// The submitter list ends in `c.s.` (*cum suis*: and others, unnamed).
    pub cum_suis: bool,
    /// `Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.`
    pub seconded: bool,
    /// Read from running text: the formula was printed inside a paragraph
    /// (PDF text without line breaks, a speech-recognition transcript, a
    /// quote), not line by line; the paragraph is split around it.
    pub inline: bool,
    /// The considerations in order.
    pub considerations: Vec<Consideration<'a>>,
    /// The dicta in order.
    pub dicta: Vec<Dictum<'a>>,
    /// Every paragraph of the motion from `De Kamer,` to `en gaat over tot
    /// de orde van de dag.` in order, normalised.
    pub body: Vec<Paragraph<'a>>,
    /// Page furniture that fell inside the motion (a page break between
    /// its `Motie` heading and its last line), in order: a child of the
    /// motion, never a sibling inside its span. Its text is never part of
    /// the body. (Missing in older format-2 JSON: read as none.)
    #[serde(default)]
    pub furniture: Vec<PageFurniture<'a>>,
    /// The motion's lines, with its `Motie` heading and rules when present.
    pub span: Span,
}
