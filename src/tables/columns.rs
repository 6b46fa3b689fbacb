//! What a table is made of: its columns, each with the kind of value it
//! holds, and the macro that declares a row once (its fields are the
//! columns, their types the kinds, the ids marked with the kind of id they
//! are, so renumbering a document's rows lives in the declaration too).

use serde::Serialize;

/// A table: its name (`speeches`; the command writes `speeches.csv`) and
/// its columns in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Table {
    /// The table's name.
    pub name: &'static str,
    /// Its columns in order: the CSV header.
    pub columns: &'static [Column],
}

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Column {
    /// The name (the row field's serde name: the CSV header).
    pub name: &'static str,
    /// What its values are.
    pub kind: ColumnKind,
}

/// The kind of value a column holds (an empty CSV field, `None`, may stand
/// in any of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnKind {
    /// A whole number (an id, a count, a byte offset).
    Integer,
    /// `true` or `false`.
    Boolean,
    /// Text: a name, a value of a fixed vocabulary (`member`, `adopted`), a
    /// date or a time.
    Text,
}

/// A Rust type a column can hold, and the kind of value it is.
pub trait ColumnType {
    /// The kind of the column.
    const KIND: ColumnKind;
}

impl<T: ColumnType> ColumnType for Option<T> {
    const KIND: ColumnKind = T::KIND;
}

macro_rules! column_kind {
    ($kind:ident: $($ty:ty),* $(,)?) => {
        $(impl ColumnType for $ty {
            const KIND: ColumnKind = ColumnKind::$kind;
        })*
    };
}

column_kind!(Integer: u64, usize, u32);
column_kind!(Boolean: bool);
column_kind!(Text: String, &'static str);
column_kind!(
    Text: crate::Layout,
    crate::DocumentKind,
    crate::OfficerRole,
    crate::Role,
    crate::AdviceKind,
    crate::Appreciation,
    crate::MotionLink,
    crate::VoteResult,
    crate::VoteMethod,
    crate::VoteSubject,
    crate::VoteSide,
    crate::AnnouncementKind,
    crate::DiagnosticKind,
);

/// Whichever id of a row a document's rows are renumbered by when they are
/// appended after others: `u64` ids and `Option<u64>` links.
pub(super) trait Shift {
    fn shift(&mut self, by: u64);
}

impl Shift for u64 {
    fn shift(&mut self, by: u64) {
        *self = self.saturating_add(by);
    }
}

impl Shift for Option<u64> {
    fn shift(&mut self, by: u64) {
        if let Some(id) = self {
            id.shift(by);
        }
    }
}

/// A row of a table, and how its ids move when its document's rows are
/// appended after others.
pub(super) trait Row: Serialize {
    /// Adds to each id the first id of its kind that the document gets.
    fn renumber(&mut self, base: &super::NextIds);
}

/// Declares a row struct: its fields are the columns in order, and a field
/// followed by `=> kind` is an id (or a link) of that kind of
/// [`NextIds`](super::NextIds), renumbered on append.
macro_rules! row {
    ($(
        $(#[$meta:meta])*
        pub struct $row:ident {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident: $ty:ty $(=> $id:ident)?,
            )*
        }
    )*) => {
        $(
            $(#[$meta])*
            #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
            #[non_exhaustive]
            pub struct $row {
                $($(#[$field_meta])* pub $field: $ty,)*
            }

            impl $row {
                /// The columns in order: the CSV header.
                pub const COLUMNS: &'static [$crate::tables::Column] = &[$(
                    $crate::tables::Column {
                        name: stringify!($field),
                        kind: <$ty as $crate::tables::ColumnType>::KIND,
                    },
                )*];
            }

            impl $crate::tables::columns::Row for $row {
                #[allow(unused_variables)]
                fn renumber(&mut self, base: &$crate::tables::NextIds) {
                    $($(
                        $crate::tables::columns::Shift::shift(&mut self.$field, base.$id);
                    )?)*
                }
            }
        )*
    };
}

pub(super) use row;
