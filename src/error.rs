//! Public errors and diagnostics.
//!
//! nom's error types never leave the crate: a line that does not parse is
//! simply not what the grammar looked for, and the assembler records a
//! [`Diagnostic`] where that matters to a person.

use serde::{Deserialize, Serialize};

use crate::tree::Span;

/// The input could not be read as text at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not valid UTF-8.
    #[error(
        "invalid UTF-8 at byte {offset} (line {line}): the input must be UTF-8 text; \
         convert it first, e.g. with `iconv -f windows-1252 -t utf-8`"
    )]
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// The invalid byte sequence.
        span: Span,
    },
}

impl Error {
    /// The span of the input the error is about.
    pub fn span(&self) -> Span {
        match self {
            Error::InvalidUtf8 { span, .. } => *span,
        }
    }
}

/// What a [`Diagnostic`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The input is empty or only whitespace.
    EmptyInput,
    /// No speaker label was found: the document is not read as a transcript.
    NoTranscriptStructure,
    /// Text in a transcript that belongs to no speech and is no known
    /// procedural line; kept as a `text` node.
    UnrecognisedText,
    /// A motion started with `De Kamer,` but never reached `en gaat over tot
    /// de orde van de dag.`
    UnterminatedMotion,
    /// A clause of a motion whose opening word is neither a known
    /// consideration nor a known dictum.
    UnknownMotionClause,
    /// Motion information from the chair (`Zij krijgt nr. …`, `Deze motie is
    /// voorgesteld door …`) with no motion before it to belong to.
    OrphanMotionInfo,
    /// A NUL byte or another control character in the input; it is kept in
    /// the text as it is.
    ControlCharacter,
    /// A character the grammar reads otherwise than as a letter: an
    /// invisible format character (left out of the text), a Unicode line
    /// end (NEL, U+2028, U+2029: a line end) or a full-width colon (the
    /// colon of a label).
    UnusualCharacter,
}

/// A note about the input, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// What it is about.
    pub kind: DiagnosticKind,
    /// A sentence in plain English.
    pub message: String,
    /// The bytes of the input concerned.
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, counted in `char`s (not bytes) from
    /// the start of the line.
    pub column: usize,
}

impl Diagnostic {
    /// A diagnostic about `span`; its line and column are filled in once
    /// all of a document's diagnostics are known, in one pass over the
    /// input (`line` and `column` are 0 until then).
    pub(crate) fn new(kind: DiagnosticKind, message: String, span: Span) -> Self {
        Diagnostic {
            kind,
            message,
            span,
            line: 0,
            column: 0,
        }
    }
}
