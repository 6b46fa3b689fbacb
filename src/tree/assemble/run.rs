//! A run of paragraphs nothing could place: one text node and one
//! diagnostic for the whole run, whatever its length.

use crate::text::{Edit, EditsBuilder, Text};
use crate::tree::Span;

/// Consecutive paragraphs of text outside any speech: their text, with
/// the input between them (whitespace) copied as it is, so the run costs
/// no more than its paragraphs' own edits (and nothing at all when they
/// are verbatim: it is borrowed from the input).
pub(super) struct Run {
    pub(super) span: Span,
    pub(super) count: usize,
    /// The first paragraph's first words, for the diagnostic.
    pub(super) preview: String,
    /// The text and edits (relative to `span.start`) once a paragraph had
    /// edits; `None` while the run is a verbatim slice of the input.
    owned: Option<(String, EditsBuilder)>,
}

impl Run {
    pub(super) fn new(input: &str, text: &Text<'_>) -> Self {
        let at = text.span().start;
        let mut run = Run {
            span: Span::new(at, at),
            count: 0,
            preview: text.chars().take(60).collect(),
            owned: None,
        };
        run.push(input, text);
        run
    }

    /// Whether `text` may join the run: only whitespace lies between.
    pub(super) fn continues_with(&self, input: &str, text: &Text<'_>) -> bool {
        input
            .get(self.span.end..text.span().start)
            .is_some_and(|gap| gap.trim().is_empty())
    }

    /// Adds `text`, which follows the run (see [`Run::continues_with`]).
    pub(super) fn push(&mut self, input: &str, text: &Text<'_>) {
        let start = text.span().start;
        if self.owned.is_none() && !text.is_verbatim() {
            let so_far = input
                .get(self.span.start..self.span.end)
                .unwrap_or_default();
            self.owned = Some((so_far.to_string(), EditsBuilder::default()));
        }
        if let Some((out, edits)) = self.owned.as_mut() {
            if self.count > 0 {
                out.push_str(input.get(self.span.end..start).unwrap_or_default());
            }
            let base = out.len();
            let rel = |abs: usize| abs.saturating_sub(self.span.start);
            for (range, span) in text.map() {
                edits.push(Edit::new(
                    base + range.start..base + range.end,
                    rel(span.start)..rel(span.end),
                ));
            }
            out.push_str(text);
        }
        self.count += 1;
        self.span.end = self.span.end.max(text.span().end);
    }

    pub(super) fn finish<'a>(self, input: &'a str) -> Text<'a> {
        match self.owned {
            None => Text::borrowed(input, self.span),
            Some((out, mut edits)) => Text::owned(out, self.span, &mut edits),
        }
    }
}
