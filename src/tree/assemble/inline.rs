//! A motion printed inside a paragraph (the formula run together with the
//! text around it: PDF text without line breaks, a speech-recognition
//! transcript, a quote): the paragraph is split into the text before it,
//! the motion, and the text after it, each with its exact span through the
//! paragraph's source map ([`Text::sub`]). Where the motion lies is the
//! grammar's [`grammar::motions_in`]; its clauses are split and typed by
//! the [`MotionBuilder`], as for a motion printed line by line. The quote
//! marks around a quoted motion are the motion's (inside its span), not
//! the text's around it, nor its clauses'.

use super::motions::MotionBuilder;
use crate::error::Diagnostic;
use crate::grammar::{self, InlineMotion};
use crate::text::Text;
use crate::tree::{PageFurniture, Span};
use std::ops::Range;

/// A part of a paragraph that holds a motion.
pub(super) enum Part<'a> {
    /// Text before, between or after the motions.
    Text(Text<'a>),
    /// A motion, read to its end.
    Motion(MotionBuilder<'a>),
}

/// The parts of the paragraph `text` (with the page furniture `furniture`
/// inside it), in order, or `Err(text)` when it holds no motion.
/// Whitespace and furniture between the parts belong to none (they lie
/// inside the paragraph's span, between the parts' spans); what the
/// normaliser left out beside a part (`**`, a soft hyphen) is that part's
/// (see [`spans`]), so that the parts hold all the paragraph held.
pub(super) fn split<'a>(
    input: &'a str,
    text: Text<'a>,
    furniture: &[PageFurniture<'a>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Part<'a>>, Text<'a>> {
    let found = grammar::motions_in(&text);
    if found.is_empty() {
        return Err(text);
    }
    // The parts as ranges of the text: prose (trimmed) and motions.
    let mut ranges: Vec<(Range<usize>, Option<Range<usize>>)> =
        Vec::with_capacity(2 * found.len() + 1);
    let mut at = 0;
    let prose = |ranges: &mut Vec<_>, from: usize, to: usize| {
        let piece = text.get(from..to).unwrap_or("");
        let start = from + (piece.len() - piece.trim_start().len());
        let end = from + piece.trim_end().len();
        if start < end {
            ranges.push((start..end, None));
        }
    };
    for InlineMotion { text: r, extent } in found {
        prose(&mut ranges, at, extent.start);
        at = extent.end;
        ranges.push((extent, Some(r)));
    }
    prose(&mut ranges, at, text.len());
    let spans = spans(input, &text, &ranges, furniture);
    let mut parts = Vec::with_capacity(ranges.len());
    for ((range, motion), span) in ranges.into_iter().zip(spans) {
        match motion {
            None => parts.push(Part::Text(text.sub(input, range).widened(span))),
            // A quoted motion's span holds its quote marks; its body,
            // clauses and the text around it do not.
            Some(r) => {
                let mut m = MotionBuilder::new(span.start, span.end, Vec::new());
                m.inline = true;
                m.paragraph(input, text.sub(input, r), diagnostics);
                parts.push(Part::Motion(m));
            }
        }
    }
    Ok(parts)
}

/// The input span of each part (`ranges`, in order, of `text`): its own,
/// widened over the input beside it that no part's text holds and that is
/// neither whitespace nor page furniture (`**`, a soft hyphen): what
/// touches a part's end is that part's, the rest of a gap the next part's,
/// what lies before the first part the first's and after the last the
/// last's.
fn spans<T>(
    input: &str,
    text: &Text<'_>,
    ranges: &[(Range<usize>, T)],
    furniture: &[PageFurniture<'_>],
) -> Vec<Span> {
    let mut spans: Vec<Span> = ranges
        .iter()
        .map(|(r, _)| text.span_of(r.clone()))
        .collect();
    let whole = text.span();
    if let Some(first) = spans.first_mut() {
        first.start = first.start.min(whole.start);
    }
    if let Some(last) = spans.last_mut() {
        last.end = last.end.max(whole.end);
    }
    let mut furniture = furniture.iter().map(|f| f.text.span()).peekable();
    for i in 1..spans.len() {
        let (before, after) = spans.split_at_mut(i);
        let (Some(prev), Some(next)) = (before.last_mut(), after.first_mut()) else {
            continue;
        };
        let gap = input.get(prev.end..next.start).unwrap_or("");
        let touch = gap.find(char::is_whitespace).unwrap_or(gap.len());
        let from = prev.end + touch;
        prev.end = from;
        // The first char of the rest that is neither whitespace nor in
        // furniture.
        let mut other = None;
        for (k, c) in gap.get(touch..).unwrap_or("").char_indices() {
            let at = from + k;
            while furniture.next_if(|f| f.end <= at).is_some() {}
            let in_furniture = furniture.peek().is_some_and(|f| f.start <= at);
            if !(c.is_whitespace() || in_furniture) {
                other = Some(at);
                break;
            }
        }
        if let Some(at) = other {
            next.start = at;
        }
    }
    spans
}
