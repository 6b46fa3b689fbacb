//! A Kamerstuk motion document: the document a motion is published as,
//! with its head (dossier, title, number, header, date) and its signers.

use serde::{Deserialize, Serialize};

use super::Span;
use crate::text::Text;

/// What kind of document the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentKind {
    /// A transcript: speaker labels were found.
    Transcript,
    /// A Kamerstuk motion document: a `kamerstuk` node (its head), the
    /// motion, and a `signers` node.
    MotionDocument,
    /// Anything else (an article, a note): plain paragraphs.
    Text,
}

/// The head of a Kamerstuk motion document: `40 220` / `Wijziging van de
/// Waterwet …` / `Nr. 12` / `MOTIE VAN HET LID JANSEN C.S.` / `Voorgesteld 3
/// oktober 2023`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct KamerstukHead<'a> {
    /// The Kamerstuk's id, `kst-{dossier}-{number}` (`kst-40220-12`); the
    /// motion of the document has the same.
    pub kamerstuk: String,
    /// The dossier as printed (`40 220`, `36 800 XVI`).
    pub dossier: Text<'a>,
    /// The dossier's title, as printed after its number.
    pub title: Option<Text<'a>>,
    /// The number within the dossier, from `Nr. 12`.
    pub number: Text<'a>,
    /// The header as printed: `MOTIE VAN HET LID JANSEN C.S.`, `GEWIJZIGDE
    /// MOTIE VAN … TER VERVANGING VAN DIE GEDRUKT ONDER NR. 9`.
    pub header: Text<'a>,
    /// The header says `GEWIJZIGDE MOTIE`.
    pub amended: bool,
    /// The names of the header, as printed (`JANSEN`, `DE VRIES`).
    pub names: Vec<Text<'a>>,
    /// The header's names end in `C.S.`
    pub cum_suis: bool,
    /// The Kamerstuk id of the motion it replaces (`TER VERVANGING VAN DIE
    /// GEDRUKT ONDER NR. 9` → `kst-40220-9`).
    pub replaces: Option<String>,
    /// The date of `Voorgesteld 3 oktober 2023`, ISO 8601 (`2023-10-03`).
    pub proposed: Option<String>,
    /// That date as printed (`3 oktober 2023`).
    pub proposed_text: Option<Text<'a>>,
    /// The head's paragraphs (and Markdown headings) as printed (`Tweede
    /// Kamer der Staten-Generaal`, `Vergaderjaar …` included).
    pub paragraphs: Vec<Text<'a>>,
    /// From the first paragraph (or heading) of the head to the last.
    pub span: Span,
}

/// The signers listed at the end of a motion document, one a line or run
/// together (`Jansen De Vries El Idrissi`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Signers<'a> {
    /// Each name as printed, in order.
    pub names: Vec<Text<'a>>,
    /// The list.
    pub span: Span,
}
