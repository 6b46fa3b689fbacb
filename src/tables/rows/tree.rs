//! The rows of the tree's tables: documents, agenda items, attendance,
//! speeches, motions and their clauses.

use serde::Serialize;

use crate::tables::columns::{row, ColumnKind, ColumnType};
use crate::{AdviceKind, DocumentKind, Layout, OfficerRole, Role, VoteResult};

row! {
    /// One row per document (input file).
    pub struct DocumentRow {
        /// Unique in the run.
        pub document_id: u64 => document,
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
    pub struct AgendaItemRow {
        /// Unique in the run.
        pub agenda_item_id: u64 => agenda_item,
        /// The document it is in.
        pub document_id: u64 => document,
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

    /// One row per attendance list (an `attendance` node: `Aanwezig zijn
    /// 112 leden der Kamer, te weten: …`).
    pub struct AttendanceRow {
        /// Unique in the run.
        pub attendance_id: u64 => attendance,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its node id in the document.
        pub node: usize,
        /// The number of members present as printed (`112`, `vijf`), when
        /// the grammar reads it.
        pub count: Option<u32>,
        /// Number of members named.
        pub members: usize,
        /// Number of others named (members of the government).
        pub others: usize,
        /// First byte in the input.
        pub start: usize,
        /// One past the last byte in the input.
        pub end: usize,
    }

    /// One row per person an attendance list names.
    pub struct AttendeeRow {
        /// Unique in the run.
        pub attendee_id: u64 => attendee,
        /// The list that names them.
        pub attendance_id: u64 => attendance,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Their place in the list, from 0: the members in order, then the
        /// others.
        pub position: usize,
        /// `member` or `other`.
        pub kind: AttendeeKind,
        /// The name as printed.
        pub name: String,
        /// The office, for others (`minister van Financiën`), when printed.
        pub function: Option<String>,
        /// First byte of the name in the input.
        pub start: usize,
        /// One past its last byte.
        pub end: usize,
    }

    /// One row per officer named in an opening block (an `officer` node:
    /// `Griffier: Lips`, a committee report's signatories).
    pub struct OfficerRow {
        /// Unique in the run.
        pub officer_id: u64 => officer,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its node id in the document.
        pub node: usize,
        /// `clerk` or `chair` (of a committee).
        pub role: OfficerRole,
        /// The committee served, as printed (`de vaste commissie voor
        /// Financiën`), when the line names one.
        pub committee: Option<String>,
        /// The name as printed.
        pub name: String,
        /// First byte in the input.
        pub start: usize,
        /// One past the last byte in the input.
        pub end: usize,
    }

    /// One row per speech.
    pub struct SpeechRow {
        /// Unique in the run.
        pub speech_id: u64 => speech,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its node id in the document.
        pub node: usize,
        /// The agenda item it falls under (the last one before it), if any.
        pub agenda_item_id: Option<u64> => agenda_item,
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
        /// The speech's text as a person reads it: its paragraphs and those
        /// of the motions read in it, separated by a blank line.
        pub text: String,
        /// First byte in the input.
        pub start: usize,
        /// One past the last byte in the input.
        pub end: usize,
    }

    /// One row per motion.
    pub struct MotionRow {
        /// Unique in the run.
        pub motion_id: u64 => motion,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its motion id in the document.
        pub motion: usize,
        /// The node that holds it (a speech or a motion node).
        pub node: usize,
        /// The speech it was read in, if any.
        pub speech_id: Option<u64> => speech,
        /// The agenda item it falls under, if any.
        pub agenda_item_id: Option<u64> => agenda_item,
        /// `kst-{dossier}-{number}`, when the number is known.
        pub kamerstuk: Option<String>,
        /// The dossier (`26643`, `36800-XVI`).
        pub dossier: Option<String>,
        /// The number within the dossier.
        pub number: Option<String>,
        /// The Kamerstuk id of the motion it replaces.
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

    /// One row per Kamerstuk motion document: its head (a `kamerstuk` node).
    pub struct MotionDocumentRow {
        /// The document (one head per document).
        pub document_id: u64 => document,
        /// The head's node id in the document.
        pub node: usize,
        /// The motion the document publishes (the motion after the head).
        pub motion_id: Option<u64> => motion,
        /// `kst-{dossier}-{number}` (`kst-40220-12`).
        pub kamerstuk: String,
        /// The dossier as printed (`40 220`).
        pub dossier: String,
        /// The dossier's title, when printed.
        pub title: Option<String>,
        /// The number within the dossier, from `Nr. 12`.
        pub number: String,
        /// The header as printed (`MOTIE VAN HET LID JANSEN C.S.`).
        pub header: String,
        /// The header says `GEWIJZIGDE MOTIE`.
        pub amended: bool,
        /// The header's names as printed, separated by `; `.
        pub names: String,
        /// The header's names end in `C.S.`
        pub cum_suis: bool,
        /// The Kamerstuk id of the motion it replaces.
        pub replaces: Option<String>,
        /// The date of `Voorgesteld 3 oktober 2023` (ISO 8601).
        pub proposed: Option<String>,
        /// First byte of the head in the input.
        pub start: usize,
        /// One past its last byte.
        pub end: usize,
    }

    /// One row per clause (consideration or dictum) of a motion.
    pub struct ClauseRow {
        /// Unique in the run.
        pub clause_id: u64 => clause,
        /// The motion it belongs to.
        pub motion_id: u64 => motion,
        /// The document it is in.
        pub document_id: u64 => document,
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

/// Whom an attendance list names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AttendeeKind {
    /// A member of the Kamer, named after `te weten:`.
    Member,
    /// Someone else present (`en de heer Jansen, minister van Financiën.`).
    Other,
}

impl ColumnType for ClauseType {
    const KIND: ColumnKind = ColumnKind::Text;
}

impl ColumnType for AttendeeKind {
    const KIND: ColumnKind = ColumnKind::Text;
}
