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
pub(crate) mod columns;
mod rows;

pub use columns::{Column, ColumnKind, ColumnType, Table};
pub use rows::{
    AdviceRow, AgendaItemRow, AnnouncedMotionRow, AttendanceRow, AttendeeKind, AttendeeRow,
    ClauseRow, ClauseType, ContributionPart, ContributionRow, DateRow, DiagnosticRow, DocumentRow,
    EventRow, MotionDocumentRow, MotionRow, OfficerRow, ReferenceRow, SpeechRow, VotePartyRow,
    VoteRow,
};

use serde::Serialize;

use crate::Parsed;
use columns::Row;

/// Receives every table of a [`Tables`] in turn ([`Tables::visit`]): how
/// a front end writes them (the command as CSV, Python as lists of dicts)
/// without naming each table.
pub trait Visitor {
    /// What a failed write is.
    type Error;
    /// One table and its rows, in the order of [`TABLES`].
    fn table<R: Serialize>(&mut self, table: &'static Table, rows: &[R])
        -> Result<(), Self::Error>;
}

/// Declares the kinds of id given out, one counter each.
macro_rules! id_kinds {
    ($($kind:ident),* $(,)?) => {
        /// How many ids of each kind are given out: the first id of the
        /// next document's rows.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub(crate) struct NextIds {
            $(pub(crate) $kind: u64,)*
        }

        impl NextIds {
            /// Every kind starts at `first`.
            fn all(first: u64) -> NextIds {
                NextIds { $($kind: first,)* }
            }

            /// Each counter of `self` moved on by those of `other`.
            fn plus(self, other: NextIds) -> NextIds {
                NextIds { $($kind: self.$kind.saturating_add(other.$kind),)* }
            }
        }
    };
}

id_kinds!(
    document,
    agenda_item,
    attendance,
    attendee,
    officer,
    speech,
    motion,
    clause,
    advice,
    vote,
    reference,
    announcement,
    contribution,
    date,
    event,
    diagnostic,
);

/// Declares [`Tables`], [`TABLES`] and the walk over them, from one list
/// of (field, row type, doc).
macro_rules! tables {
    ($($(#[$meta:meta])* $name:ident: $row:ty,)*) => {
        /// The rows of every table, and the next id of each kind.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Tables {
            $($(#[$meta])* pub $name: Vec<$row>,)*
            next: NextIds,
        }

        /// Every table, in the order the command writes them and
        /// [`Tables::visit`] visits them.
        pub const TABLES: &[Table] = &[$(
            Table { name: stringify!($name), columns: <$row>::COLUMNS },
        )*];

        impl Tables {
            /// Hands every table with its rows to `visitor`, in [`TABLES`]
            /// order; stops at the first error.
            pub fn visit<V: Visitor>(&self, visitor: &mut V) -> Result<(), V::Error> {
                let mut tables = TABLES.iter();
                $(
                    if let Some(table) = tables.next() {
                        visitor.table(table, &self.$name)?;
                    }
                )*
                Ok(())
            }

            /// Moves the rows of `other` after these, renumbered by `base`.
            fn take(&mut self, other: &mut Tables, base: &NextIds) {
                $(
                    for row in &mut other.$name {
                        row.renumber(base);
                    }
                    self.$name.append(&mut other.$name);
                )*
            }
        }
    };
}

tables! {
    /// `documents.csv`
    documents: DocumentRow,
    /// `agenda_items.csv`
    agenda_items: AgendaItemRow,
    /// `attendance.csv`
    attendance: AttendanceRow,
    /// `attendees.csv`
    attendees: AttendeeRow,
    /// `officers.csv`
    officers: OfficerRow,
    /// `speeches.csv`
    speeches: SpeechRow,
    /// `motions.csv`
    motions: MotionRow,
    /// `motion_documents.csv`
    motion_documents: MotionDocumentRow,
    /// `clauses.csv`
    clauses: ClauseRow,
    /// `advice.csv`
    advice: AdviceRow,
    /// `votes.csv`
    votes: VoteRow,
    /// `vote_parties.csv`
    vote_parties: VotePartyRow,
    /// `references.csv`
    references: ReferenceRow,
    /// `announced_motions.csv`
    announced_motions: AnnouncedMotionRow,
    /// `contributions.csv`
    contributions: ContributionRow,
    /// `dates.csv`
    dates: DateRow,
    /// `events.csv`
    events: EventRow,
    /// `diagnostics.csv`
    diagnostics: DiagnosticRow,
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
            next: NextIds::all(first),
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
        self.take(&mut other, &base);
        self.next = base.plus(other.next);
    }

    /// Drops every row but keeps the numbering: rows added later get ids
    /// after those dropped.
    pub fn clear(&mut self) {
        let next = self.next;
        *self = Tables::default();
        self.next = next;
    }
}
