//! `handelingen` turns the raw text of Dutch parliamentary transcripts (the
//! *Handelingen* of the Tweede Kamer) into a typed document tree.
//!
//! ```
//! let text = "De voorzitter:\nHet woord is aan de heer Slootweg.\n\n\
//!             De heer Slootweg (CDA):\nDank u wel, voorzitter.\n";
//! let parsed = handelingen::parse(text);
//! let speeches: Vec<_> = parsed.document.speeches().collect();
//! assert_eq!(speeches.len(), 2);
//! assert_eq!(speeches[1].speaker.name(), "Slootweg");
//! assert_eq!(speeches[1].speaker.party(), Some("CDA"));
//! let first = speeches[1].paragraphs().next().expect("a paragraph");
//! assert_eq!(first.text, "Dank u wel, voorzitter.");
//! // Every piece of text points back into the input, and is borrowed from
//! // it where normalisation changed nothing.
//! let span = first.span();
//! assert_eq!(&text[span.start..span.end], "Dank u wel, voorzitter.");
//! assert!(first.text.is_verbatim());
//! ```
//!
//! # Pipeline
//! The stages are visible in the module tree:
//! 1. [`text`]: the text type and the normaliser. The text of a paragraph
//!    is built from its lines: NFC (only where the input is not NFC
//!    already), whitespace collapsed, hard wraps joined, words split at a
//!    line or page end joined again, with a source map back to the input;
//!    borrowed from the input where nothing changed.
//! 2. `lines` and `grammar`: the input is split into lines and each line is
//!    classified by small nom parsers (labels, headings, page furniture …);
//!    lines are gathered into paragraphs, and paragraphs are classified
//!    (motion clauses, suspensions, procedural lines …).
//! 3. `tree`: one linear pass builds the [`Document`]. It never recurses on
//!    the input, so no input can exhaust the stack, and it does a bounded
//!    amount of work per line, so time grows linearly with the input.
//! 4. `analysis`: a layer over the finished tree ([`Analysis`]): it reads
//!    the tree's text and source maps, never the raw input.
//!
//! # Guarantees
//! - [`parse`] never fails and never panics; what it could not make sense of
//!   is kept as a `text` node with a [`Diagnostic`].
//! - Every node carries the byte [`Span`] of the input it came from; spans
//!   lie on `char` boundaries, inside the input, and in document order.
//! - Layouts (Markdown, PDF extraction, plain official text) are detected per
//!   document; see [`Layout`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The JSON Schema (feature `schema`) of `$record` is that of its owned
/// mirror `$mirror`, through which it is read (a type kept in another shape
/// in memory than it is written).
macro_rules! schema_of {
    ($record:ty, $mirror:ident) => {
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $record {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $mirror::schema_name()
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                $mirror::schema_id()
            }

            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                $mirror::json_schema(generator)
            }
        }
    };
}

mod analysis;
mod error;
mod grammar;
pub mod json;
mod lines;
#[cfg(feature = "schema")]
pub mod schema;
mod search;
pub mod tables;
pub mod text;
mod tree;

use serde::{Deserialize, Serialize};

pub use analysis::{
    Advice, AdviceKind, Analysis, AnnouncedMotion, AnnouncementKind, Appreciation, Contribution,
    DocumentDate, Event, InterruptionThread, MotionLink, MotionReference, VoteMethod, VoteOutcome,
    VoteResult, VoteSide, VoteSubject,
};
pub use error::{Diagnostic, DiagnosticKind, Error};
pub use tree::*;

/// The version of the JSON format, written as `"format"` at the top of
/// every [`Parsed`] value. It changes whenever a key changes meaning or
/// goes away.
pub const FORMAT_VERSION: u32 = 4;

/// The `format` field of [`Parsed`]: always [`FORMAT_VERSION`]; reading
/// JSON of another version is an error that names both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Format;

impl Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(FORMAT_VERSION)
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let version = u32::deserialize(deserializer)?;
        if version == FORMAT_VERSION {
            Ok(Format)
        } else {
            Err(serde::de::Error::custom(format!(
                "this is format {version} of handelingen's JSON; this version of the crate \
                 reads format {FORMAT_VERSION}: convert the input again"
            )))
        }
    }
}

/// The result of [`parse`]: the document, what the analysis layer found
/// in it, and what was noticed on the way. Borrows the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Parsed<'a> {
    /// Always [`FORMAT_VERSION`] in JSON.
    pub format: Format,
    /// The document tree.
    pub document: Document<'a>,
    /// The analysis layer; `None` when it was not run
    /// ([`Options::with_analysis`]).
    pub analysis: Option<Analysis<'a>>,
    /// Notes about the input, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses transcript text. Never fails and never panics.
///
/// A leading UTF-8 byte order mark is skipped (spans still count from the
/// start of `text`); `\r\n` and lone `\r` line ends are accepted.
///
/// ```
/// let parsed = handelingen::parse("");
/// assert!(parsed.document.nodes.is_empty());
/// assert!(parsed.analysis.is_some());
/// assert_eq!(parsed.diagnostics[0].kind, handelingen::DiagnosticKind::EmptyInput);
/// ```
pub fn parse(text: &str) -> Parsed<'_> {
    parse_with(text, &Options::default())
}

/// What [`parse_with`] does beyond building the tree.
///
/// ```
/// let options = handelingen::Options::default();
/// assert!(options.analysis);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Run the analysis layer ([`Parsed::analysis`]: motion references,
    /// votes, dates, advice, interruption threads, procedural events). On by
    /// default; off, `analysis` is `None`.
    pub analysis: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { analysis: true }
    }
}

impl Options {
    /// The options with the analysis layer on or off.
    ///
    /// ```
    /// let text = "De voorzitter:\nDe beraadslaging wordt gesloten.\n";
    /// let tree_only = handelingen::Options::default().with_analysis(false);
    /// let parsed = handelingen::parse_with(text, &tree_only);
    /// assert!(parsed.analysis.is_none());
    /// assert_eq!(parsed.document.nodes, handelingen::parse(text).document.nodes);
    /// ```
    #[must_use]
    pub fn with_analysis(mut self, analysis: bool) -> Self {
        self.analysis = analysis;
        self
    }
}

/// Parses transcript text as [`parse`] does, with `options`. Never fails
/// and never panics.
pub fn parse_with<'a>(text: &'a str, options: &Options) -> Parsed<'a> {
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let (document, diagnostics) = tree::parse_document(text, base);
    let analysis = options.analysis.then(|| analysis::analyse(&document));
    Parsed {
        format: Format,
        document,
        analysis,
        diagnostics,
    }
}

/// Parses transcript bytes: checks that they are UTF-8, then [`parse`]s.
///
/// ```
/// let err = handelingen::parse_bytes(b"De voorzitter:\n\xff\n").unwrap_err();
/// assert!(matches!(err, handelingen::Error::InvalidUtf8 { offset: 15, line: 2, .. }));
/// assert!(err.to_string().contains("byte 15"));
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed<'_>, Error> {
    parse_bytes_with(bytes, &Options::default())
}

/// Parses transcript bytes as [`parse_bytes`] does, with `options`.
///
/// # Errors
/// [`Error::InvalidUtf8`] when `bytes` are not UTF-8, with the offset, line
/// and span of the first bad sequence.
pub fn parse_bytes_with<'a>(bytes: &'a [u8], options: &Options) -> Result<Parsed<'a>, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(parse_with(text, options)),
        Err(e) => {
            let offset = e.valid_up_to();
            let len = e
                .error_len()
                .unwrap_or(bytes.len().saturating_sub(offset))
                .max(1);
            let (line, _) = line_column(
                std::str::from_utf8(bytes.get(..offset).unwrap_or_default()).unwrap_or_default(),
                offset,
            );
            Err(Error::InvalidUtf8 {
                offset,
                line,
                span: Span::new(offset, (offset + len).min(bytes.len())),
            })
        }
    }
}

/// The 1-based line and column of byte `offset` in `text`; the column counts
/// `char`s. Lines end at `\n`, `\r\n` or a lone `\r`, as the parser splits
/// them; a leading byte order mark is not counted (it is invisible in an
/// editor). An offset past the end or inside a `char` is clamped to the
/// nearest boundary before it.
///
/// ```
/// assert_eq!(handelingen::line_column("ab\nYeşilgöz", 9), (2, 6));
/// assert_eq!(handelingen::line_column("a\rb\r\nc", 5), (3, 1));
/// ```
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineCursor::new(text).at(offset)
}

/// [`line_column`] for offsets in nondecreasing order, in one pass over the
/// text: each call reads only the bytes since the last one, so locating
/// every diagnostic of a document costs one pass over it (a smaller offset
/// than the last is located from the start again).
pub(crate) struct LineCursor<'t> {
    text: &'t str,
    /// Bytes before `pos` are read.
    pos: usize,
    line: usize,
    /// Chars from the start of the current line (after a BOM on the
    /// first) to `pos`.
    column_chars: usize,
}

impl<'t> LineCursor<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        LineCursor {
            text,
            pos: 0,
            line: 1,
            column_chars: 0,
        }
    }

    /// The 1-based line and column of byte `offset`, as [`line_column`].
    pub(crate) fn at(&mut self, offset: usize) -> (usize, usize) {
        let text = self.text;
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.pos {
            *self = LineCursor::new(text);
        }
        let bytes = text.as_bytes();
        let bom = text.starts_with('\u{feff}');
        let mut chars_from = self.pos;
        // Jump from line end to line end (memchr), not byte by byte.
        let between = bytes.get(self.pos..offset).unwrap_or_default();
        for k in memchr::memchr2_iter(b'\n', b'\r', between) {
            let i = self.pos + k;
            let ends_line = bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n');
            if ends_line {
                self.line += 1;
                self.column_chars = 0;
                chars_from = i + 1;
            }
        }
        // A leading byte order mark is not counted (it is invisible in an
        // editor).
        if bom && self.line == 1 && chars_from < 3 && offset >= 3 {
            chars_from = 3;
            self.column_chars = 0;
        }
        self.column_chars += text
            .get(chars_from..offset)
            .map_or(0, |s| s.chars().count());
        self.pos = offset;
        (self.line, self.column_chars + 1)
    }
}
