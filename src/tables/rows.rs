//! The row of each table: one struct per table, its fields the columns in
//! order (serde field names are the CSV header). Every `*_id` column is
//! unique across one [`Tables`](super::Tables) (a whole run of the
//! command); the columns named after a list of the JSON (`node`, `motion`,
//! `advice`, …) are the id of the thing *within its document*, as the JSON
//! writes it.

use serde::Serialize;

use crate::{AdviceKind, DiagnosticKind, DocumentKind, Layout, MotionLink, Role, VoteResult};

/// One row per document (input file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DocumentRow {
    /// Unique in the run.
    pub document_id: u64,
    /// The input's path as given.
    pub file: String,
    /// `markdown`, `pdf` or `official`.
    pub layout: Layout,
    /// `transcript`, `motion_document` or `text`.
    pub kind: DocumentKind,
    /// Whether speaker labels were found.
    pub is_transcript: bool,
    /// Size of the input in bytes.
    pub bytes: usize,
    /// The first date that heads or dates the document (ISO 8601), if any.
    pub date: Option<String>,
    /// The title of the first agenda item, if any.
    pub title: Option<String>,
    /// Number of top-level nodes.
    pub nodes: usize,
    /// Number of speeches.
    pub speeches: usize,
    /// Number of motions.
    pub motions: usize,
    /// Number of diagnostics.
    pub diagnostics: usize,
}

/// One row per agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AgendaItemRow {
    /// Unique in the run.
    pub agenda_item_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its node id in the document.
    pub node: usize,
    /// The number as printed, where the layout prints it.
    pub number: Option<String>,
    /// The title, normalised.
    pub title: String,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte in the input.
    pub end: usize,
}

/// One row per speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SpeechRow {
    /// Unique in the run.
    pub speech_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its node id in the document.
    pub node: usize,
    /// The agenda item it falls under (the last one before it), if any.
    pub agenda_item_id: Option<u64>,
    /// `chair`, `member`, `minister`, `state_secretary`,
    /// `minister_president` or `other`.
    pub role: Role,
    /// The title before the name (`De heer`, `Mevrouw`, `Minister`).
    pub prefix: Option<String>,
    /// The speaker's name as printed (`voorzitter` for the chair).
    pub speaker: String,
    /// The party, when printed.
    pub party: Option<String>,
    /// The office, when printed (`van Financiën`).
    pub function: Option<String>,
    /// Number of prose paragraphs.
    pub paragraphs: usize,
    /// Number of motions read in the speech.
    pub motions: usize,
    /// The speech's text as a person reads it: its paragraphs and those of
    /// the motions read in it, separated by a blank line.
    pub text: String,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte in the input.
    pub end: usize,
}

/// One row per motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MotionRow {
    /// Unique in the run.
    pub motion_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its motion id in the document.
    pub motion: usize,
    /// The node that holds it (a speech or a motion node).
    pub node: usize,
    /// The speech it was read in, if any.
    pub speech_id: Option<u64>,
    /// The agenda item it falls under, if any.
    pub agenda_item_id: Option<u64>,
    /// `kst-{dossier}-{number}`, when the number is known.
    pub kamerstuk: Option<String>,
    /// The dossier (`26643`, `36800-XVI`).
    pub dossier: Option<String>,
    /// The number within the dossier.
    pub number: Option<String>,
    /// The number it replaces.
    pub replaces: Option<String>,
    /// The submitters' names, separated by `; `.
    pub submitters: String,
    /// The submitter list ends in `c.s.`.
    pub cum_suis: bool,
    /// The chair said it is seconded.
    pub seconded: bool,
    /// Read from running text (the formula inside a paragraph).
    pub inline: bool,
    /// Number of considerations.
    pub considerations: usize,
    /// Number of dicta.
    pub dicta: usize,
    /// The last advice the government gave on it in the document.
    pub final_advice: Option<AdviceKind>,
    /// The result of the last vote on it in the document.
    pub vote_result: Option<VoteResult>,
    /// Its paragraphs from `De Kamer,` on, separated by a newline.
    pub text: String,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte in the input.
    pub end: usize,
}

/// One row per clause (consideration or dictum) of a motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ClauseRow {
    /// Unique in the run.
    pub clause_id: u64,
    /// The motion it belongs to.
    pub motion_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its place in the motion, from 0, considerations before dicta.
    pub position: usize,
    /// `consideration` or `dictum`.
    pub clause: ClauseType,
    /// The consideration's kind (`constaterende`, `overwegende`,
    /// `van_mening`, `voorts`, `gelet_op`, `other`) or the dictum's
    /// (`verzoekt`, `spreekt_uit`, `roept_op`, `draagt_op`, `besluit`,
    /// `other`).
    pub kind: String,
    /// The opening word(s) as printed.
    pub opening: String,
    /// The whole clause, normalised.
    pub text: String,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte in the input.
    pub end: usize,
}

/// Whether a clause considers or decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClauseType {
    /// `constaterende dat …`
    Consideration,
    /// `verzoekt de regering …`
    Dictum,
}

/// One row per advice of the government on a motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AdviceRow {
    /// Unique in the run.
    pub advice_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its advice id in the document.
    pub advice: usize,
    /// `oordeel_kamer`, `ontraden`, `met_klem_ontraden`,
    /// `ontraden_tenzij_gewijzigd`, `overgenomen`, `aanhouden`,
    /// `ondersteuning_van_beleid`, `ontijdig`, `overbodig`,
    /// `geen_appreciatie` or `verzoek_aan_presidium`.
    pub kind: AdviceKind,
    /// The Tweede Kamer's own `Kabinetsappreciatie` value of `kind`
    /// (`Oordeel Kamer`, `Ontraden, tenzij gewijzigd`, …).
    pub appreciation: crate::Appreciation,
    /// The motion of the document it concerns, when linked.
    pub motion_id: Option<u64>,
    /// The Kamerstuk id of that motion, when known.
    pub kamerstuk: Option<String>,
    /// How the motion was named: `number`, `dossier_and_number`,
    /// `submitter`, `order`.
    pub link: Option<MotionLink>,
    /// The speech that gives it.
    pub speech_id: Option<u64>,
    /// First byte of the sentence in the input.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// One row per vote outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct VoteRow {
    /// Unique in the run.
    pub vote_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its vote id in the document.
    pub vote: usize,
    /// `adopted` or `rejected`.
    pub result: VoteResult,
    /// Votes for, when counted.
    pub votes_for: Option<u32>,
    /// Votes against, when counted.
    pub votes_against: Option<u32>,
    /// The motion of the document voted on, when named.
    pub motion_id: Option<u64>,
    /// The Kamerstuk id of the motion voted on, when known.
    pub kamerstuk: Option<String>,
    /// The reference to that motion.
    pub reference_id: Option<u64>,
    /// First byte of the sentence in the input.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// One row per party listed in a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct VotePartyRow {
    /// The vote.
    pub vote_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// The party as printed.
    pub party: String,
    /// `for` or `against`.
    pub side: Side,
}

/// The side a party voted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Side {
    /// Voted for.
    For,
    /// Voted against.
    Against,
}

/// One row per motion reference in running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReferenceRow {
    /// Unique in the run.
    pub reference_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its reference id in the document.
    pub reference: usize,
    /// `kst-{dossier}-{number}`, when both are known.
    pub kamerstuk: Option<String>,
    /// The dossier, when given.
    pub dossier: Option<String>,
    /// The number, when given.
    pub number: Option<String>,
    /// The motion of the document it names, if any.
    pub motion_id: Option<u64>,
    /// The submitter named.
    pub submitter: Option<String>,
    /// The reference says `c.s.`.
    pub cum_suis: bool,
    /// The reference as printed, normalised.
    pub text: String,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte in the input.
    pub end: usize,
}

/// One row per procedural event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EventRow {
    /// Unique in the run.
    pub event_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// Its event id in the document.
    pub event: usize,
    /// `agenda_announcement`, `deliberation_opened`, `deliberation_closed`,
    /// `sitting_opened`, `sitting_suspended`, `sitting_resumed`,
    /// `sitting_closed`, `votes_announced`, `chair_taken` (its `text` is
    /// the name of who presides) or `note`.
    pub kind: &'static str,
    /// `HH:MM` of an opening, resumption or closing.
    pub at: Option<String>,
    /// `HH:MM` a suspension starts.
    pub from: Option<String>,
    /// `HH:MM` a suspension ends.
    pub until: Option<String>,
    /// When the votes are, as printed (`aanstaande dinsdag`).
    pub when: Option<String>,
    /// The node it was read from.
    pub node: usize,
    /// That node's speech, when it is one (the chair's).
    pub speech_id: Option<u64>,
    /// The line or sentence, normalised.
    pub text: String,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte in the input.
    pub end: usize,
}

/// One row per diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct DiagnosticRow {
    /// Unique in the run.
    pub diagnostic_id: u64,
    /// The document it is in.
    pub document_id: u64,
    /// What it is about (`unrecognised_text`, `unterminated_motion` …).
    pub kind: DiagnosticKind,
    /// Whether the kind loses structure
    /// ([`DiagnosticKind::loses_structure`]).
    pub loses_structure: bool,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in `char`s.
    pub column: usize,
    /// First byte in the input.
    pub start: usize,
    /// One past the last byte in the input.
    pub end: usize,
    /// The message.
    pub message: String,
}
