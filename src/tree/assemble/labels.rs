//! Speaker labels on a line of the first pass: alone on the line, with
//! the speech's first words after them at the start of a paragraph, in
//! `**` emphasis, or split across a page break. What a label is, is the
//! grammar's ([`grammar::label`]); this module reads it from the line as
//! printed and gives the speaker its fields as texts of the input.

use super::first_pass::line_text;
use crate::grammar;
use crate::lines::LineWindow;
use crate::text::chars::FULL_WIDTH_COLON;
use crate::text::{offset_in, Builder, Scratch, Text};
use crate::tree::{Span, Speaker};

/// Where a label may start: the line `at`.
pub(super) struct LabelAt<'a> {
    pub(super) input: &'a str,
    /// The index of the line.
    pub(super) at: usize,
    /// The line starts a paragraph: a label may have text after it.
    pub(super) at_para_start: bool,
}

impl<'a> LabelAt<'a> {
    /// Recognises a speaker label on the line (trimmed text `t` at
    /// `t_start`, read as `canon`: see `first_pass::canonical_line`). Returns the
    /// speaker, the start of text following it on the same line, and how
    /// many further lines the label took (a label split across a page
    /// break).
    pub(super) fn label(
        &self,
        lines: &mut LineWindow<'a>,
        t: &str,
        t_start: usize,
        canon: &Text<'a>,
        scratch: &mut Scratch,
    ) -> Option<(Speaker<'a>, Option<usize>, usize)> {
        let input = self.input;
        if crate::text::has_pair(t, b'*') {
            // Emphasis is stripped first (by the builder, which normalises
            // as `canonical_line` does).
            let mut b = Builder::new(input, true, scratch);
            b.push_fragment(scratch, t, t_start);
            let plain = b.finish(scratch);
            return self.label_in(&plain, Some((t, t_start)));
        }
        if let Some(found) = self.label_in(canon, None) {
            return Some(found);
        }
        self.split_label(lines, canon.as_str(), canon, scratch)
    }

    /// The label that `plain` (the line as the rules read it) starts with:
    /// alone on the line, or, at the start of a paragraph, with text after
    /// it on the line (`De heer Koerhuis (VVD): Voorzitter. …`, `**De
    /// voorzitter (Bergkamp):** Ik open de vergadering.`). `emphasised` is
    /// the line as printed (trimmed, at its offset) when `plain` is that
    /// line with its emphasis stripped: the label is then printed as the
    /// line's text up to the label's end, `**` included.
    fn label_in(
        &self,
        plain: &Text<'a>,
        emphasised: Option<(&str, usize)>,
    ) -> Option<(Speaker<'a>, Option<usize>, usize)> {
        let input = self.input;
        let pt = plain.as_str();
        let l = grammar::label(pt)?;
        let rest_off = pt.len() - l.rest.len();
        let printed = pt.get(..rest_off).unwrap_or(pt).trim_end();
        let label = match emphasised {
            // The `**` that close the label are the label's.
            Some((t, t_start)) => {
                let end = plain.span_of(0..printed.len()).end.saturating_sub(t_start);
                let end = match t.get(end..) {
                    Some(after) if after.starts_with("**") => end + 2,
                    _ => end,
                };
                line_text(input, t.get(..end).unwrap_or(t), t_start)
            }
            // A label alone on its line is the whole line's text, with
            // what was skipped before it (a format character, a BOM).
            None if l.rest.is_empty() => plain.clone(),
            // With text after it, the label is the line's text up to the
            // label's end: what was skipped before it too.
            None => {
                let part = plain.part(input, printed);
                let from_line_start = Span::new(plain.span().start, part.span().end);
                part.widened(from_line_start)
            }
        };
        if l.rest.is_empty() {
            return Some((speaker(plain, &l, label, input), None, 0));
        }
        if !self.at_para_start {
            return None;
        }
        // The text starts after the label as printed (after the `**` that
        // close it, which the plain text does not hold).
        let rest_start = plain
            .span_of(rest_off..pt.len())
            .start
            .max(label.span().end);
        let speaker = speaker(plain, &l, label, input);
        Some((speaker, Some(rest_start), 0))
    }

    /// A label split across a page break: `Mevrouw Van` … footer …
    /// `Ginneken (D66):`.
    fn split_label(
        &self,
        lines: &mut LineWindow<'a>,
        t: &str,
        canon: &Text<'a>,
        scratch: &mut Scratch,
    ) -> Option<(Speaker<'a>, Option<usize>, usize)> {
        // A label's first part ends no sentence (`Mevrouw Van Eijk.` is the
        // chair giving the floor, before the label itself).
        if !self.at_para_start
            || t.len() > 80
            || t.ends_with([':', FULL_WIDTH_COLON, '.', '?', '!'])
        {
            return None;
        }
        let starts_like_label = [
            "De heer ",
            "Mevrouw ",
            "Kamerlid ",
            "Minister",
            "Staatssecretaris ",
            "De voorzitter",
            "De Voorzitter",
            "De VOORZITTER",
            "Voorzitter ",
        ]
        .iter()
        .any(|p| t.starts_with(p) || p.trim_end() == t);
        if !starts_like_label {
            return None;
        }
        let mut j = self.at + 1;
        // A page break lies between the two parts: blank lines alone do
        // not split a label.
        let mut page_break = false;
        while let Some(l) = lines.get(j) {
            let (lt, ls) = l.trimmed();
            let furniture = grammar::furniture(lt).is_some() || grammar::running_head(lt);
            page_break |= furniture;
            if !(furniture || lt.is_empty()) {
                if !page_break || !lt.ends_with([':', FULL_WIDTH_COLON]) || lt.len() > 120 {
                    return None;
                }
                let first = canon.span();
                let raw = self.input.get(first.start..first.end).unwrap_or_default();
                let mut b = Builder::new(self.input, false, scratch);
                b.push_fragment(scratch, raw, first.start);
                b.push_fragment(scratch, lt, ls);
                let joined = b.finish(scratch);
                // The label must take all of the joined text.
                let l = grammar::label(joined.as_str()).filter(|l| l.rest.is_empty())?;
                let speaker = speaker(&joined, &l, joined.clone(), self.input);
                return Some((speaker, None, j - self.at));
            }
            if j - self.at > 8 {
                return None;
            }
            j += 1;
        }
        None
    }
}

/// The speaker of the label `l`, read from `plain` (the label's text,
/// emphasis removed: `l`'s fields are parts of it), printed as `label`.
fn speaker<'a>(
    plain: &Text<'a>,
    l: &grammar::Label<'_>,
    label: Text<'a>,
    input: &'a str,
) -> Speaker<'a> {
    // Where `plain` is the input, a field is the input of its span: kept
    // as a range of the label, with no text built for it.
    let label = if plain.is_verbatim() {
        let span = |part: &str| {
            let start = plain.span().start + offset_in(plain, part);
            Span::new(start, start + part.len())
        };
        let spans = [
            Some(span(l.prefix)),
            Some(span(l.name)),
            l.party.map(span),
            l.function.map(span),
        ];
        match Speaker::in_label(l.role, label, spans) {
            Ok(speaker) => return speaker,
            Err(label) => label,
        }
    } else {
        label
    };
    let field = |part: &str| plain.part(input, part);
    Speaker::new(
        l.role,
        label,
        Some(field(l.prefix)),
        field(l.name),
        l.party.map(field),
        l.function.map(field),
    )
}
