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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A procedural line with a part left out (`De vergadering wordt van
    /// 14.02 uur tot uur geschorst.`): read as what it records, the
    /// missing part `null`.
    IncompleteProcedural,
    /// A character the grammar reads otherwise than as a letter: an
    /// invisible format character (left out of the text), a Unicode line
    /// end (NEL, U+2028, U+2029: a line end) or a full-width colon (the
    /// colon of a label).
    UnusualCharacter,
}

impl DiagnosticKind {
    /// The kind as the JSON writes it (`unrecognised_text`).
    ///
    /// ```
    /// use handelingen::DiagnosticKind;
    /// assert_eq!(DiagnosticKind::UnterminatedMotion.as_str(), "unterminated_motion");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::EmptyInput => "empty_input",
            DiagnosticKind::NoTranscriptStructure => "no_transcript_structure",
            DiagnosticKind::UnrecognisedText => "unrecognised_text",
            DiagnosticKind::UnterminatedMotion => "unterminated_motion",
            DiagnosticKind::UnknownMotionClause => "unknown_motion_clause",
            DiagnosticKind::OrphanMotionInfo => "orphan_motion_info",
            DiagnosticKind::ControlCharacter => "control_character",
            DiagnosticKind::IncompleteProcedural => "incomplete_procedural",
            DiagnosticKind::UnusualCharacter => "unusual_character",
        }
    }

    /// Whether a diagnostic of this kind means structure was lost: text
    /// that belongs to no speech, a motion without its close, motion
    /// information without its motion, a document read without any
    /// transcript structure, or no text at all. An unknown clause opening,
    /// a control character, an unusual character or a procedural line with a
    /// part left out is kept in place and loses nothing.
    ///
    /// ```
    /// use handelingen::DiagnosticKind;
    /// assert!(DiagnosticKind::UnrecognisedText.loses_structure());
    /// assert!(!DiagnosticKind::ControlCharacter.loses_structure());
    /// ```
    pub fn loses_structure(self) -> bool {
        match self {
            DiagnosticKind::EmptyInput
            | DiagnosticKind::NoTranscriptStructure
            | DiagnosticKind::UnrecognisedText
            | DiagnosticKind::UnterminatedMotion
            | DiagnosticKind::OrphanMotionInfo => true,
            DiagnosticKind::UnknownMotionClause
            | DiagnosticKind::ControlCharacter
            | DiagnosticKind::IncompleteProcedural
            | DiagnosticKind::UnusualCharacter => false,
        }
    }
}

/// A note about the input, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
