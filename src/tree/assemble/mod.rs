//! Assembly: lines → paragraphs → the document tree, in one linear pass.
//!
//! [`first_pass`] walks the lines once, classifies each with the line rules
//! of [`crate::grammar`], and gathers text lines into paragraphs (joining
//! hard wraps, and paragraphs split by a page break) as [`Text`]s. It
//! yields [`Item`]s in document order, as they are taken: [`assembler`]
//! takes them one by one (looking one ahead) with a small state machine
//! (the open speech, the open motion) and builds the nodes. Neither
//! recurses, each does a bounded amount of work per line or item, and
//! neither keeps all the lines or items: only the nodes grow with the
//! input (and, in a text with no speaker label, the items, which are kept
//! until the end shows that no label comes: see [`Items`]).

mod assembler;
mod characters;
mod first_pass;
mod inline;
mod kamerstuk;
mod labels;
mod motions;
mod run;
mod sitting;

use crate::error::{Diagnostic, DiagnosticKind};
use crate::grammar;
use crate::lines::{split_lines, Lines};
use crate::text::{HyphenEvidence, Text};
use crate::tree::{
    Document, DocumentKind, FrontMatter, Layout, PageFurniture, Presiding, Span, Speaker,
};
use first_pass::FirstPass;

/// One thing found by the first pass.
#[derive(Debug)]
enum Item<'a> {
    Para(Text<'a>),
    /// A speaker label; its speaker is taken apart
    /// ([`Items::take_speaker`]), so that an item stays small and a label
    /// costs no allocation.
    Label,
    Heading {
        level: u8,
        text: Text<'a>,
        span: Span,
    },
    Break(Span),
    Furniture(PageFurniture<'a>),
    Presiding(Presiding<'a>),
    FrontMatter(FrontMatter<'a>),
}

/// The items of the first pass as the assembler takes them: one at a time,
/// with the next one to look at.
///
/// Whether the document is a transcript (has a speaker label at all)
/// decides how the items before the first label are read, so those are
/// gathered first, up to and with the first label, and given before the
/// rest; in a transcript they are a few (the heading and opening block),
/// in a text with no label they are all its items.
struct Items<'a> {
    head: std::vec::IntoIter<Item<'a>>,
    pass: FirstPass<'a>,
    peeked: Option<Item<'a>>,
    /// Whether the first pass found a speaker label.
    is_transcript: bool,
}

impl<'a> Items<'a> {
    fn new(mut pass: FirstPass<'a>) -> Self {
        let mut head = Vec::new();
        let mut is_transcript = false;
        for item in pass.by_ref() {
            let label = matches!(item, Item::Label);
            head.push(item);
            if label {
                is_transcript = true;
                break;
            }
        }
        Items {
            head: head.into_iter(),
            pass,
            peeked: None,
            is_transcript,
        }
    }

    /// The next item.
    fn next(&mut self) -> Option<Item<'a>> {
        self.peeked
            .take()
            .or_else(|| self.head.next())
            .or_else(|| self.pass.next())
    }

    /// The item after the one taken last, left to be taken.
    fn peek(&mut self) -> Option<&Item<'a>> {
        if self.peeked.is_none() {
            self.peeked = self.head.next().or_else(|| self.pass.next());
        }
        self.peeked.as_ref()
    }

    /// The speaker of the first [`Item::Label`] taken whose speaker was not
    /// taken yet.
    fn take_speaker(&mut self) -> Option<Speaker<'a>> {
        self.pass.take_speaker()
    }
}

/// Parses `input[base..]` into the tree (without the analysis layer);
/// spans count from the start of `input`.
pub(crate) fn parse_document(input: &str, base: usize) -> (Document<'_>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let doc_span = Span::new(0, input.len());
    let body = input.get(base..).unwrap_or("");
    if body.trim().is_empty() {
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::EmptyInput,
            "the input is empty or only whitespace: there is nothing to parse".to_string(),
            doc_span,
        ));
        let document = Document {
            layout: Layout::Official,
            kind: DocumentKind::Text,
            is_transcript: false,
            span: doc_span,
            nodes: Vec::new(),
        };
        locate(input, &mut diagnostics);
        return (document, diagnostics);
    }
    characters::control_characters(body, base, &mut diagnostics);
    let unicode_ends = characters::unusual_characters(body, base, &mut diagnostics);
    let layout = detect_layout(
        split_lines(input, base, unicode_ends),
        crate::text::has_pair(body, b'*'),
    );
    // What the document says about its split words, read before any
    // paragraph is built.
    let evidence = HyphenEvidence::gather(body, |line| {
        grammar::furniture(line).is_some() || grammar::running_head(line)
    });
    let items = Items::new(FirstPass::new(
        input,
        split_lines(input, base, unicode_ends),
        layout,
        evidence,
    ));
    let is_transcript = items.is_transcript;
    if !is_transcript {
        diagnostics.push(Diagnostic::new(
            DiagnosticKind::NoTranscriptStructure,
            "no speaker label (such as `De voorzitter:` or `De heer Slootweg (CDA):`) was found, \
             so the text is read as plain paragraphs, not as a transcript"
                .to_string(),
            doc_span,
        ));
    }
    let mut nodes = assembler::assemble(input, items, &mut diagnostics);
    // The document keeps its nodes without the room the list grew into.
    nodes.shrink_to_fit();
    let kind = if is_transcript {
        DocumentKind::Transcript
    } else if kamerstuk::motion_document(input, &mut nodes) {
        // A motion document is no transcript by nature: nothing is lost.
        diagnostics.retain(|d| d.kind != DiagnosticKind::NoTranscriptStructure);
        DocumentKind::MotionDocument
    } else {
        DocumentKind::Text
    };
    diagnostics.sort_by_key(|d| d.span.start);
    locate(input, &mut diagnostics);
    let document = Document {
        layout,
        kind,
        is_transcript,
        span: doc_span,
        nodes,
    };
    (document, diagnostics)
}

/// Fills in the line and column of `diagnostics` (sorted by start).
fn locate(input: &str, diagnostics: &mut [Diagnostic]) {
    let mut cursor = crate::LineCursor::new(input);
    for d in diagnostics {
        (d.line, d.column) = cursor.at(d.span.start);
    }
}

/// Decides the layout from the lines: Markdown if there are headings, bold
/// labels or front matter; PDF if there are page footers or many lines with
/// trailing spaces; official otherwise. `emphasis`: whether the text
/// holds `**` anywhere (else no line is looked at for a bold label).
fn detect_layout(lines: Lines<'_>, emphasis: bool) -> Layout {
    let mut trailing = 0usize;
    let mut nonblank = 0usize;
    let mut markdown = false;
    let mut front_matter = false;
    for (n, line) in lines.enumerate() {
        if n == 0 {
            front_matter = line.text.trim_end() == "---";
        }
        let (t, _) = line.trimmed();
        if t.is_empty() {
            continue;
        }
        nonblank += 1;
        if grammar::furniture(t).is_some() {
            return Layout::Pdf;
        }
        if line.text.ends_with([' ', '\t']) {
            trailing += 1;
        }
        if !markdown
            && (t.starts_with('#') && grammar::heading(t).is_some() || emphasis && is_bold_label(t))
        {
            markdown = true;
        }
    }
    if markdown || front_matter {
        Layout::Markdown
    } else if nonblank >= 5 && trailing * 5 >= nonblank {
        Layout::Pdf
    } else {
        Layout::Official
    }
}

/// A label written with Markdown emphasis that takes its whole line:
/// `**De heer Slootweg (CDA):**`, `Mevrouw **Van Ginneken** (D66):`.
fn is_bold_label(line: &str) -> bool {
    if line.len() > 400 || !crate::text::has_pair(line, b'*') {
        return false;
    }
    let plain = line.replace("**", "");
    grammar::label(plain.trim()).is_some_and(|l| l.rest.is_empty())
}
