//! The opening block of a sitting: who is present, and the officers named
//! in it (the clerk, a committee report's signatories).

use serde::{Deserialize, Serialize};

use crate::text::Text;
use crate::tree::Span;

/// Who is present, from the opening block of a stenogram: `Aanwezig zijn
/// 112 leden der Kamer, te weten: Achterberg, Bosma en Çelik,` and the
/// lines after it, `en de heer Jansen, minister van Financiën.`
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attendance<'a> {
    /// `112` from `Aanwezig zijn 112 leden`, `5` from `vijf leden`; `None`
    /// when the count is not a number the grammar reads.
    pub count: Option<u32>,
    /// The members named after `te weten:`, in order.
    pub members: Vec<Text<'a>>,
    /// The others present (members of the government), in order.
    pub others: Vec<Attendee<'a>>,
    /// The paragraphs as printed (normalised): the list, then each `en de
    /// heer …` line.
    pub paragraphs: Vec<Text<'a>>,
    /// From the list to the end of the last line.
    pub span: Span,
}

/// Someone present who is no member: `de heer Jansen, minister van
/// Financiën`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attendee<'a> {
    /// `Jansen`.
    pub name: Text<'a>,
    /// `minister van Financiën`, when printed.
    pub function: Option<Text<'a>>,
}

/// An officer of the sitting named in its opening block: the clerk
/// (`Griffier: Lips`), or, at the head of a committee report, the
/// committee's chair or clerk who signs it (`De griffier van de vaste
/// commissie voor Financiën,` with the name on the next line).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Officer<'a> {
    /// What the officer is.
    pub role: OfficerRole,
    /// The committee (or other body) the officer serves, as printed after
    /// `van`: `de vaste commissie voor Financiën`; `None` on a `Griffier:`
    /// line, which names none.
    pub committee: Option<Text<'a>>,
    /// `Lips`.
    pub name: Text<'a>,
    /// The paragraphs as printed (normalised): the line, or the title line
    /// and the name.
    pub paragraphs: Vec<Text<'a>>,
    /// From the first paragraph to the end of the last.
    pub span: Span,
}

/// What an [`Officer`] is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OfficerRole {
    /// `De voorzitter van de vaste commissie voor …,`: the committee's
    /// chair (who presides is a `presiding` node: `Voorzitter: X`).
    Chair,
    /// `Griffier: X`, `Adjunct-griffier: X`, `De griffier van de vaste
    /// commissie voor …,`.
    Clerk,
}
