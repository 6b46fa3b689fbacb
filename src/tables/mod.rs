//! Flat tables of a run over many documents, for pandas, DuckDB or a
//! spreadsheet: one row struct per table, ids that join across tables.
//!
//! The tree and the analysis layer link things by ids local to their
//! document ([`NodeId`](crate::NodeId), [`MotionId`](crate::MotionId) …). A table row gets, besides those,
//! an id unique across every document added to one [`Tables`]
//! (`speech_id`, `motion_id` …), and every link between tables uses those
//! (`advice.motion_id` → `motions.motion_id`, `speeches.agenda_item_id` →
//! `agenda_items.agenda_item_id`). Rows are plain data with `Serialize`
//! (the `handelingen tables` command writes them as CSV with a header row
//! of the field names, [`DocumentRow::COLUMNS`] and the like).
//!
//! Documents can be turned into rows in parallel, each on its own
//! ([`Tables::from_parsed`]), and joined in order ([`Tables::append`]
//! renumbers them); [`Tables::clear`] drops written rows but keeps the
//! numbering, so a long run holds one document's rows at a time.
//!
//! ```
//! use handelingen::tables::Tables;
//! let text = "De voorzitter:\nHet woord is aan de heer Slootweg.\n\n\
//!             De heer Slootweg (CDA):\nDank u wel, voorzitter.\n";
//! let mut tables = Tables::default();
//! tables.add("a.txt", &handelingen::parse(text));
//! tables.add("b.txt", &handelingen::parse(text));
//! assert_eq!(tables.documents.len(), 2);
//! let ids: Vec<u64> = tables.speeches.iter().map(|s| s.speech_id).collect();
//! assert_eq!(ids, [0, 1, 2, 3]);
//! assert_eq!(tables.speeches[3].document_id, 1);
//! assert_eq!(tables.speeches[3].party.as_deref(), Some("CDA"));
//! ```

mod build;
mod rows;

pub use rows::{
    AdviceRow, AgendaItemRow, ClauseRow, ClauseType, DiagnosticRow, DocumentRow, EventRow,
    MotionRow, ReferenceRow, Side, SpeechRow, VotePartyRow, VoteRow,
};

use crate::Parsed;

/// The rows of every table, and the next id of each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tables {
    /// `documents.csv`
    pub documents: Vec<DocumentRow>,
    /// `agenda_items.csv`
    pub agenda_items: Vec<AgendaItemRow>,
    /// `speeches.csv`
    pub speeches: Vec<SpeechRow>,
    /// `motions.csv`
    pub motions: Vec<MotionRow>,
    /// `clauses.csv`
    pub clauses: Vec<ClauseRow>,
    /// `advice.csv`
    pub advice: Vec<AdviceRow>,
    /// `votes.csv`
    pub votes: Vec<VoteRow>,
    /// `vote_parties.csv`
    pub vote_parties: Vec<VotePartyRow>,
    /// `references.csv`
    pub references: Vec<ReferenceRow>,
    /// `events.csv`
    pub events: Vec<EventRow>,
    /// `diagnostics.csv`
    pub diagnostics: Vec<DiagnosticRow>,
    next: NextIds,
}

/// How many ids of each kind are given out: the first id of the next
/// document's rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct NextIds {
    document: u64,
    agenda_item: u64,
    speech: u64,
    motion: u64,
    clause: u64,
    advice: u64,
    vote: u64,
    reference: u64,
    event: u64,
    diagnostic: u64,
}

impl Tables {
    /// No rows yet; the first id of every kind given out will be `first`
    /// rather than 0.
    ///
    /// For runs split into parts that are turned into rows apart (the
    /// partitions of a Dask bag, say): give each part its own range, and
    /// the ids stay unique when the parts' rows are put together.
    ///
    /// ```
    /// use handelingen::tables::Tables;
    /// let text = "De heer Slootweg (CDA):\nDank u wel, voorzitter.\n";
    /// let mut tables = Tables::with_first_id(1 << 32);
    /// tables.add("a.txt", &handelingen::parse(text));
    /// assert_eq!(tables.documents[0].document_id, 1 << 32);
    /// assert_eq!(tables.speeches[0].speech_id, 1 << 32);
    /// assert_eq!(tables.speeches[0].document_id, 1 << 32);
    /// ```
    pub fn with_first_id(first: u64) -> Tables {
        Tables {
            next: NextIds {
                document: first,
                agenda_item: first,
                speech: first,
                motion: first,
                clause: first,
                advice: first,
                vote: first,
                reference: first,
                event: first,
                diagnostic: first,
            },
            ..Tables::default()
        }
    }

    /// The rows of one document, numbered from 0 (`document_id` 0).
    pub fn from_parsed(file: &str, parsed: &Parsed<'_>) -> Tables {
        build::rows(file, parsed)
    }

    /// Adds the rows of one document, numbered after those added before.
    pub fn add(&mut self, file: &str, parsed: &Parsed<'_>) {
        self.append(Tables::from_parsed(file, parsed));
    }

    /// Adds the rows of `other` (made by [`Tables::from_parsed`] or other
    /// appends), renumbering its ids after those given out here.
    pub fn append(&mut self, mut other: Tables) {
        let base = self.next;
        let add = |id: &mut u64, base: u64| *id += base;
        let opt = |id: &mut Option<u64>, base: u64| {
            if let Some(id) = id {
                *id += base;
            }
        };
        for r in &mut other.documents {
            add(&mut r.document_id, base.document);
        }
        for r in &mut other.agenda_items {
            add(&mut r.agenda_item_id, base.agenda_item);
            add(&mut r.document_id, base.document);
        }
        for r in &mut other.speeches {
            add(&mut r.speech_id, base.speech);
            add(&mut r.document_id, base.document);
            opt(&mut r.agenda_item_id, base.agenda_item);
        }
        for r in &mut other.motions {
            add(&mut r.motion_id, base.motion);
            add(&mut r.document_id, base.document);
            opt(&mut r.speech_id, base.speech);
            opt(&mut r.agenda_item_id, base.agenda_item);
        }
        for r in &mut other.clauses {
            add(&mut r.clause_id, base.clause);
            add(&mut r.motion_id, base.motion);
            add(&mut r.document_id, base.document);
        }
        for r in &mut other.advice {
            add(&mut r.advice_id, base.advice);
            add(&mut r.document_id, base.document);
            opt(&mut r.motion_id, base.motion);
            opt(&mut r.speech_id, base.speech);
        }
        for r in &mut other.votes {
            add(&mut r.vote_id, base.vote);
            add(&mut r.document_id, base.document);
            opt(&mut r.motion_id, base.motion);
            opt(&mut r.reference_id, base.reference);
        }
        for r in &mut other.vote_parties {
            add(&mut r.vote_id, base.vote);
            add(&mut r.document_id, base.document);
        }
        for r in &mut other.references {
            add(&mut r.reference_id, base.reference);
            add(&mut r.document_id, base.document);
            opt(&mut r.motion_id, base.motion);
        }
        for r in &mut other.events {
            add(&mut r.event_id, base.event);
            add(&mut r.document_id, base.document);
            opt(&mut r.speech_id, base.speech);
        }
        for r in &mut other.diagnostics {
            add(&mut r.diagnostic_id, base.diagnostic);
            add(&mut r.document_id, base.document);
        }
        let n = other.next;
        self.next = NextIds {
            document: base.document + n.document,
            agenda_item: base.agenda_item + n.agenda_item,
            speech: base.speech + n.speech,
            motion: base.motion + n.motion,
            clause: base.clause + n.clause,
            advice: base.advice + n.advice,
            vote: base.vote + n.vote,
            reference: base.reference + n.reference,
            event: base.event + n.event,
            diagnostic: base.diagnostic + n.diagnostic,
        };
        self.documents.append(&mut other.documents);
        self.agenda_items.append(&mut other.agenda_items);
        self.speeches.append(&mut other.speeches);
        self.motions.append(&mut other.motions);
        self.clauses.append(&mut other.clauses);
        self.advice.append(&mut other.advice);
        self.votes.append(&mut other.votes);
        self.vote_parties.append(&mut other.vote_parties);
        self.references.append(&mut other.references);
        self.events.append(&mut other.events);
        self.diagnostics.append(&mut other.diagnostics);
    }

    /// Drops every row but keeps the numbering: rows added later get ids
    /// after those dropped.
    pub fn clear(&mut self) {
        let next = self.next;
        *self = Tables::default();
        self.next = next;
    }
}

macro_rules! columns {
    ($($row:ident: [$($col:literal),* $(,)?];)*) => {
        $(impl $row {
            /// The columns in order: the CSV header.
            pub const COLUMNS: &'static [&'static str] = &[$($col),*];
        })*
    };
}

columns! {
    DocumentRow: ["document_id", "file", "layout", "kind", "is_transcript", "bytes", "date", "title",
        "nodes", "speeches", "motions", "diagnostics"];
    AgendaItemRow: ["agenda_item_id", "document_id", "node", "number", "title", "start", "end"];
    SpeechRow: ["speech_id", "document_id", "node", "agenda_item_id", "role", "prefix",
        "speaker", "party", "function", "paragraphs", "motions", "text", "start", "end"];
    MotionRow: ["motion_id", "document_id", "motion", "node", "speech_id", "agenda_item_id",
        "kamerstuk", "dossier", "number", "replaces", "submitters", "cum_suis", "seconded",
        "inline", "considerations", "dicta", "final_advice", "vote_result", "text", "start", "end"];
    ClauseRow: ["clause_id", "motion_id", "document_id", "position", "clause", "kind",
        "opening", "text", "start", "end"];
    AdviceRow: ["advice_id", "document_id", "advice", "kind", "appreciation", "motion_id", "kamerstuk", "link",
        "speech_id", "start", "end"];
    VoteRow: ["vote_id", "document_id", "vote", "result", "votes_for", "votes_against",
        "motion_id", "kamerstuk", "reference_id", "start", "end"];
    VotePartyRow: ["vote_id", "document_id", "party", "side"];
    ReferenceRow: ["reference_id", "document_id", "reference", "kamerstuk", "dossier",
        "number", "motion_id", "submitter", "cum_suis", "text", "start", "end"];
    EventRow: ["event_id", "document_id", "event", "kind", "at", "from", "until", "when",
        "node", "speech_id", "text", "start", "end"];
    DiagnosticRow: ["diagnostic_id", "document_id", "kind", "loses_structure", "line",
        "column", "start", "end", "message"];
}
