//! The analysis layer over the tree (issue 4): motion references, votes,
//! dates, the government's advice, interruption threads.

use crate::ast::{Analysis, Document};

/// Finds what the analysis layer records in `document` (parsed from `input`).
pub(crate) fn analyse(_input: &str, _document: &Document) -> Analysis {
    Analysis::default()
}
