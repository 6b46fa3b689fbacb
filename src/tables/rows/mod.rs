//! The row of each table: one struct per table, its fields the columns in
//! order (the serde field names are the CSV header). Every `*_id` column is
//! unique across one [`Tables`](super::Tables) (a whole run of the
//! command); the columns named after a list of the JSON (`node`, `motion`,
//! `advice`, …) are the id of the thing *within its document*, as the JSON
//! writes it.

mod analysis;
mod tree;

pub use analysis::*;
pub use tree::*;
