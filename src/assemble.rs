//! Stub, replaced below.
use crate::{Document, Layout, Parsed, Span};
pub(crate) fn parse_document(text: &str, _base: usize) -> Parsed {
    Parsed { document: Document { layout: Layout::Official, is_transcript: false, span: Span::new(0, text.len()), nodes: vec![] }, diagnostics: vec![] }
}
