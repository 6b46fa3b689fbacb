//! The rows of the analysis layer's tables, and of the diagnostics.

use serde::Serialize;

use crate::tables::columns::{row, ColumnKind, ColumnType};
use crate::{
    AdviceKind, AnnouncementKind, Appreciation, DiagnosticKind, MotionLink, VoteMethod, VoteResult,
    VoteSide, VoteSubject,
};

row! {
    /// One row per advice of the government on a motion.
    pub struct AdviceRow {
        /// Unique in the run.
        pub advice_id: u64 => advice,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its advice id in the document.
        pub advice: usize,
        /// `oordeel_kamer`, `ontraden`, `met_klem_ontraden`,
        /// `ontraden_tenzij_gewijzigd`, `overgenomen`, `aanhouden`,
        /// `ondersteuning_van_beleid`, `ontijdig`, `overbodig`,
        /// `geen_appreciatie` or `verzoek_aan_presidium`.
        pub kind: AdviceKind,
        /// The Tweede Kamer's own `Kabinetsappreciatie` value of `kind`
        /// (`Oordeel Kamer`, `Ontraden, tenzij gewijzigd`, …).
        pub appreciation: Appreciation,
        /// The motion of the document it concerns, when linked.
        pub motion_id: Option<u64> => motion,
        /// The Kamerstuk id of that motion, when known.
        pub kamerstuk: Option<String>,
        /// How the motion was named: `number`, `dossier_and_number`,
        /// `submitter`, `order`.
        pub link: Option<MotionLink>,
        /// The speech that gives it.
        pub speech_id: Option<u64> => speech,
        /// First byte of the sentence in the input.
        pub start: usize,
        /// One past its last byte.
        pub end: usize,
    }

    /// One row per vote outcome.
    pub struct VoteRow {
        /// Unique in the run.
        pub vote_id: u64 => vote,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its vote id in the document.
        pub vote: usize,
        /// `adopted` or `rejected`.
        pub result: VoteResult,
        /// Votes for, when counted.
        pub votes_for: Option<u32>,
        /// Votes against, when counted.
        pub votes_against: Option<u32>,
        /// Members who took part in a roll call, when printed.
        pub participants: Option<u32>,
        /// The side of the parties not listed (`en de leden van de overige
        /// fracties ertegen`): `for` or `against`.
        pub rest: Option<VoteSide>,
        /// `show_of_hands`, `roll_call` or `without_vote`, when the text
        /// says.
        pub method: Option<VoteMethod>,
        /// What the chair put to the vote: `motion`, `amended_motion`,
        /// `amendment` or `proposal`.
        pub subject: Option<VoteSubject>,
        /// The motion of the document voted on, when named.
        pub motion_id: Option<u64> => motion,
        /// The Kamerstuk id of the motion voted on, when known.
        pub kamerstuk: Option<String>,
        /// The reference to that motion.
        pub reference_id: Option<u64> => reference,
        /// First byte of the sentence in the input.
        pub start: usize,
        /// One past its last byte.
        pub end: usize,
    }

    /// One row per party listed in a vote.
    pub struct VotePartyRow {
        /// The vote.
        pub vote_id: u64 => vote,
        /// The document it is in.
        pub document_id: u64 => document,
        /// The party as printed.
        pub party: String,
        /// `for` or `against`.
        pub side: VoteSide,
    }

    /// One row per motion reference in running text.
    pub struct ReferenceRow {
        /// Unique in the run.
        pub reference_id: u64 => reference,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its reference id in the document.
        pub reference: usize,
        /// `kst-{dossier}-{number}`, when both are known.
        pub kamerstuk: Option<String>,
        /// The dossier, when given.
        pub dossier: Option<String>,
        /// The number, when given.
        pub number: Option<String>,
        /// The motion of the document it names, if any.
        pub motion_id: Option<u64> => motion,
        /// The submitter named.
        pub submitter: Option<String>,
        /// The reference says `c.s.`.
        pub cum_suis: bool,
        /// The `reference` of the reference's first row in the same
        /// document, when this row is a later number it prints (its
        /// `text` is then the number, the first row's the whole
        /// reference, with the submitter).
        pub part_of: Option<usize>,
        /// The reference as printed, normalised.
        pub text: String,
        /// First byte in the input.
        pub start: usize,
        /// One past the last byte in the input.
        pub end: usize,
    }

    /// One row per motion a speaker announces or considers filing.
    pub struct AnnouncedMotionRow {
        /// Unique in the run.
        pub announcement_id: u64 => announcement,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its id in the document's `announced_motions`.
        pub announcement: usize,
        /// `announced` or `considered`.
        pub kind: AnnouncementKind,
        /// The speech that says it.
        pub speech_id: Option<u64> => speech,
        /// The sentence, normalised.
        pub text: String,
        /// First byte in the input.
        pub start: usize,
        /// One past the last byte in the input.
        pub end: usize,
    }

    /// One row per speech of a contribution (a speech with the
    /// interruptions it drew): the contribution's first speech, the
    /// speaker's answers, and each interrupter's speeches.
    pub struct ContributionRow {
        /// The contribution, unique in the run (one row per speech of it).
        pub contribution_id: u64 => contribution,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its id in the document's `contributions`.
        pub contribution: usize,
        /// The speech.
        pub speech_id: Option<u64> => speech,
        /// `speech` (the first), `continuation` (an answer) or
        /// `interruption`.
        pub part: ContributionPart,
        /// For an interruption: which one of the contribution, from 0.
        pub interruption: Option<usize>,
    }

    /// One row per date that heads or dates a document.
    pub struct DateRow {
        /// Unique in the run.
        pub date_id: u64 => date,
        /// The document it is in.
        pub document_id: u64 => document,
        /// ISO 8601: `2023-04-20`, or `--07-04` when the year is not
        /// printed.
        pub date: String,
        /// As printed (`20 april 2023`).
        pub text: String,
        /// First byte in the input.
        pub start: usize,
        /// One past the last byte in the input.
        pub end: usize,
    }

    /// One row per procedural event.
    pub struct EventRow {
        /// Unique in the run.
        pub event_id: u64 => event,
        /// The document it is in.
        pub document_id: u64 => document,
        /// Its event id in the document.
        pub event: usize,
        /// `agenda_announcement`, `deliberation_opened`,
        /// `deliberation_closed`, `sitting_opened`, `sitting_suspended`,
        /// `sitting_resumed`, `sitting_closed`, `votes_announced`,
        /// `chair_taken` (its `text` is the name of who presides) or `note`:
        /// the JSON's `kind`.
        pub kind: String,
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
        pub speech_id: Option<u64> => speech,
        /// The line or sentence, normalised.
        pub text: String,
        /// First byte in the input.
        pub start: usize,
        /// One past the last byte in the input.
        pub end: usize,
    }

    /// One row per diagnostic.
    pub struct DiagnosticRow {
        /// Unique in the run.
        pub diagnostic_id: u64 => diagnostic,
        /// The document it is in.
        pub document_id: u64 => document,
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
}

/// Which speech of a contribution a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContributionPart {
    /// The contribution's first speech.
    Speech,
    /// A later speech of the same speaker (an answer to an interruption).
    Continuation,
    /// A speech of an interrupting member.
    Interruption,
}

impl ColumnType for ContributionPart {
    const KIND: ColumnKind = ColumnKind::Text;
}
