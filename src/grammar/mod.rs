//! The grammar: small nom parsers, one per rule, each with the text it
//! accepts in its doc comment, one file per thing recognised:
//!
//! - [`agenda`]: where an agenda item starts (titles, the fixed items,
//!   `Aan de orde is …`);
//! - [`mod@attendance`]: who is present (`Aanwezig zijn 112 leden der Kamer, te
//!   weten: …`) and the officers of the opening block (`Griffier: Lips`);
//! - [`names`]: people's names (one reader, one particle list, used by the
//!   labels and by the analysis layer);
//! - [`labels`]: speaker labels and `Voorzitter: Bergkamp`;
//! - [`lines`]: headings, rules and page furniture;
//! - [`motions`]: the motion's formula, its clauses and the chair's
//!   information about it;
//! - [`motion_document`]: the head of a Kamerstuk motion document (dossier,
//!   title, `Nr. 12`, `MOTIE VAN HET LID …`, `Voorgesteld …`) and its
//!   signers;
//! - [`dates`]: Dutch dates as printed (`3 oktober 2023`);
//! - [`motion_text`]: the formula in running text (a motion inside a
//!   paragraph) and the pieces a motion's text splits into;
//! - [`mod@procedural`]: procedural lines (suspensions, the deliberation, the
//!   sitting);
//! - [`cues`]: who speaks next, as a paragraph says it (the chair giving
//!   the floor, announcing an interruption, calling a name; a speaker
//!   ending a turn): the one place that recognises an interruption;
//! - [`announcements`]: who the chair announces for an interruption.
//!
//! Line rules (labels, headings, page furniture) look at one line; paragraph
//! rules (motion clauses, procedural lines, the chair's motion information)
//! look at the normalised text of one paragraph. None of them allocates
//! unless it matches, and none looks further than its line or paragraph, so
//! the cost of the whole grammar is linear in the input.
//!
//! nom's error type stays in this module: a rule either matches (`Some`) or
//! does not (`None`). What a rule returns is a slice of its input (turned
//! into offsets with `text::offset_in`) or a value it read, never a copy.

mod agenda;
mod announcements;
mod attendance;
mod cues;
pub(crate) mod dates;
mod labels;
mod lines;
mod motion_document;
mod motion_text;
mod motions;
pub(crate) mod names;
mod procedural;

pub(crate) use agenda::{agenda_announcement, fixed_item, looks_like_title};
pub(crate) use attendance::{attendance, clerk, name_alone, others, signatory};
pub(crate) use cues::{chair_cue, speaker_cue};
pub(crate) use labels::{label, presiding, Label};
pub(crate) use lines::{furniture, heading, running_head, thematic_break};
pub(crate) use motion_document::{head_parts, signers};
pub(crate) use motion_text::{motion_pieces, motions_in, InlineMotion};
pub(crate) use motions::{
    clause, closing_in, motion_closing, motion_heading, motion_number, motion_opening, opening_len,
    seconded, submitters, Clause,
};
pub(crate) use procedural::{clock, procedural};
