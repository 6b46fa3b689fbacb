//! The opening block of a sitting: who is present.

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
