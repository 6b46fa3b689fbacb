//! A motion printed inside a paragraph (the formula run together with the
//! text around it: PDF text without line breaks, a speech-recognition
//! transcript, a quote): the paragraph is split into the text before it,
//! the motion, and the text after it, each with its exact span through the
//! paragraph's source map ([`Text::sub`]). Where the motion lies is the
//! grammar's [`grammar::motions_in`]; its clauses are split and typed by
//! the [`MotionBuilder`], as for a motion printed line by line.

use super::motions::MotionBuilder;
use crate::error::Diagnostic;
use crate::grammar;
use crate::text::Text;

/// A part of a paragraph that holds a motion.
pub(super) enum Part<'a> {
    /// Text before, between or after the motions.
    Text(Text<'a>),
    /// A motion, read to its end.
    Motion(MotionBuilder<'a>),
}

/// The parts of the paragraph `text`, in order, or `Err(text)` when it
/// holds no motion. Whitespace between the parts belongs to none (it lies
/// inside the paragraph's span, between the parts' spans).
pub(super) fn split<'a>(
    input: &'a str,
    text: Text<'a>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Part<'a>>, Text<'a>> {
    let ranges = grammar::motions_in(&text);
    if ranges.is_empty() {
        return Err(text);
    }
    let mut parts = Vec::with_capacity(2 * ranges.len() + 1);
    let mut at = 0;
    let prose = |parts: &mut Vec<Part<'a>>, from: usize, to: usize| {
        let Some(piece) = text.get(from..to) else {
            return;
        };
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            parts.push(Part::Text(text.part(input, trimmed)));
        }
    };
    for r in ranges {
        prose(&mut parts, at, r.start);
        let motion = text.sub(input, r.clone());
        let span = motion.span();
        let mut m = MotionBuilder::new(span.start, span.end, Vec::new());
        m.inline = true;
        m.paragraph(input, motion, diagnostics);
        parts.push(Part::Motion(m));
        at = r.end;
    }
    prose(&mut parts, at, text.len());
    Ok(parts)
}
