//! The first pass: lines → items (paragraphs, labels, headings, rules,
//! page furniture, front matter), in document order.

use super::Item;
use crate::grammar;
use crate::lines::Line;
use crate::text::chars::FULL_WIDTH_COLON;
use crate::text::{is_nfc, may_hold_odd_chars, offset_in, Builder, HyphenEvidence, Scratch, Text};
use crate::tree::{
    FrontMatter, FrontMatterField, FurnitureKind, Layout, PageFurniture, Presiding, Span, Speaker,
};

/// The paragraph being gathered.
struct Acc<'a> {
    builder: Builder<'a>,
    /// The last line added, as it is in the input (trailing spaces kept).
    last_raw: &'a str,
}

/// What lies between the last text line and this one.
#[derive(Default)]
struct Gap {
    blank: bool,
    furniture: bool,
    blank_after_furniture: bool,
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with([
        '.', '?', '!', ':', ';', ',', '"', '”', '\'', ')', ']', '…', '»',
    ])
}

fn starts_lowercase(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a text line after a gap continues the paragraph before it.
fn continues(gap: &Gap, last_raw: &str, next: &str) -> bool {
    let last = last_raw.trim_end();
    if gap.furniture {
        // A page break inside a paragraph: the footer and running head sit in
        // between, often with blank lines around the footer. A blank line
        // after them means a new paragraph; so does a line that ended a
        // clause (`;`, `:`), or a sentence followed by a capital, unless the
        // line was hard-wrapped (a trailing space).
        let wrapped = last_raw.ends_with([' ', '\t']);
        !gap.blank_after_furniture
            && (wrapped
                || !ends_sentence(last)
                || (starts_lowercase(next)
                    && !last.ends_with([';', ':'])
                    && !(last.ends_with(',') && grammar::clause(next).is_some())))
    } else if gap.blank {
        // A page break in a Markdown conversion: only blank lines remain.
        (last.ends_with(|c: char| c.is_alphanumeric()) || last.ends_with('-'))
            && starts_lowercase(next)
    } else {
        true
    }
}

/// The line's trimmed text as a text borrowed from the input.
fn line_text<'a>(input: &'a str, t: &str, t_start: usize) -> Text<'a> {
    Text::borrowed(input, Span::new(t_start, t_start + t.len()))
}

/// The trimmed line `t` at `t_start` as the line rules read it: normalised
/// as a paragraph is (NFC, Unicode spaces as one space, invisible format
/// characters left out: `text::chars`), so that canonically equivalent
/// lines read alike. A line of ASCII (most lines: one vectorised test says
/// so) is borrowed as it is, and so is any line in NFC with no odd space
/// or format char (runs of plain spaces are not collapsed for the line
/// rules, in any line).
///
/// A line whose first char is ASCII and starts no line rule is not read
/// at all (its first char stays first after normalising, or becomes a char
/// that starts no rule either: `I` + U+0301 is `Í`).
fn canonical_line<'a>(input: &'a str, t: &str, t_start: usize, scratch: &mut Scratch) -> Text<'a> {
    let first = t.as_bytes().first().copied().unwrap_or(b' ');
    let starts_no_rule = first.is_ascii()
        && !matches!(
            first,
            b'A' | b'U' | b'T' | b'D' | b'M' | b'S' | b'V' | b'*' | b'#' | b'-' | b'_'
        );
    // Text the normaliser would copy as it is is read as it is (runs of
    // plain spaces too, as in a line of ASCII).
    if starts_no_rule || t.is_ascii() || (!may_hold_odd_chars(t) && is_nfc(t)) {
        return line_text(input, t, t_start);
    }
    let mut b = Builder::new(input, false, scratch);
    b.push_fragment(scratch, t, t_start);
    b.finish(scratch)
}

/// The furniture on the line `line` (canonical, see [`canonical_line`]),
/// if it is any.
fn furniture_at<'a>(lines: &[Line<'a>], next: usize, line: &Text<'a>) -> Option<PageFurniture<'a>> {
    let t = line.as_str();
    let first = t.as_bytes().first().copied().unwrap_or(b' ');
    if !matches!(first, b'A' | b'U' | b'T') {
        return None;
    }
    let kind = grammar::furniture(t).or_else(|| {
        let next_is_ref = lines.get(next).is_some_and(|n| {
            grammar::furniture(n.text.trim()) == Some(FurnitureKind::PageReference)
        });
        (grammar::running_head(t) && next_is_ref).then_some(FurnitureKind::RunningHead)
    })?;
    Some(PageFurniture {
        kind,
        text: line.clone(),
    })
}

/// The items of the document and, apart, the speakers of its labels (one
/// per [`Item::Label`], in order).
pub(super) fn first_pass<'a>(
    input: &'a str,
    lines: &[Line<'a>],
    layout: Layout,
    evidence: HyphenEvidence,
) -> (Vec<Item<'a>>, Vec<Speaker<'a>>) {
    let mut items: Vec<Item<'a>> = Vec::with_capacity(lines.len() / 2 + 1);
    let mut speakers: Vec<Speaker<'a>> = Vec::with_capacity(lines.len() / 16 + 1);
    let mut pending_furniture: Vec<PageFurniture<'a>> = Vec::new();
    let mut acc: Option<Acc<'a>> = None;
    // Paragraphs join split words as the document writes them elsewhere.
    let mut scratch = Scratch::with_evidence(evidence);
    // Labels and headings are built while a paragraph may be open.
    let mut side = Scratch::default();
    let mut gap = Gap::default();
    let mut i = 0;

    let close = |acc: &mut Option<Acc<'a>>,
                 scratch: &mut Scratch,
                 pending: &mut Vec<PageFurniture<'a>>,
                 items: &mut Vec<Item<'a>>| {
        if let Some(a) = acc.take() {
            items.push(Item::Para(a.builder.finish(scratch)));
        }
        items.extend(pending.drain(..).map(Item::Furniture));
    };

    if let Some((fm, next)) = front_matter(input, lines) {
        items.push(Item::FrontMatter(fm));
        i = next;
    }

    while let Some(line) = lines.get(i) {
        i += 1;
        let (t, t_start) = line.trimmed();
        let t_span = Span::new(t_start, t_start + t.len());
        if t.is_empty() {
            if acc.is_some() {
                if gap.furniture {
                    gap.blank_after_furniture = true;
                } else {
                    gap.blank = true;
                }
            }
            continue;
        }
        // The line rules read the canonical line; text is built from the
        // line as it is (the paragraph's builder normalises it).
        let canon = canonical_line(input, t, t_start, &mut side);
        let ct = canon.as_str();
        // Every line rule starts with one of a few bytes: most lines of
        // running text are ruled out by their first byte alone.
        let first = ct.as_bytes().first().copied().unwrap_or(b' ');
        if let Some(f) = furniture_at(lines, i, &canon) {
            if acc.is_some() {
                gap.furniture = true;
                // Only blank lines after the last piece of furniture count.
                gap.blank_after_furniture = false;
                pending_furniture.push(f);
            } else {
                items.push(Item::Furniture(f));
            }
            continue;
        }
        // In a PDF extraction the first line of a new page starts with a
        // space: a page break, even where no footer was printed.
        if layout == Layout::Pdf && acc.is_some() && line.text.starts_with(' ') && !gap.blank {
            gap.furniture = true;
        }
        let at_para_start = acc.is_none() || gap.blank || gap.furniture;
        // Speaker labels.
        let label = matches!(first, b'D' | b'K' | b'M' | b'S' | b'V' | b'*')
            .then(|| {
                let at = LabelAt {
                    input,
                    lines,
                    at: i - 1,
                    at_para_start,
                };
                at.label(t, t_start, &canon, &mut side)
            })
            .flatten();
        if let Some((speaker, rest_start, consumed)) = label {
            close(&mut acc, &mut scratch, &mut pending_furniture, &mut items);
            // Furniture inside a label split across a page break.
            for l in lines.iter().skip(i).take(consumed) {
                let (ft, fs) = l.trimmed();
                if let Some(kind) = grammar::furniture(ft)
                    .or_else(|| grammar::running_head(ft).then_some(FurnitureKind::RunningHead))
                {
                    pending_furniture.push(PageFurniture {
                        kind,
                        text: line_text(input, ft, fs),
                    });
                }
            }
            items.push(Item::Label);
            speakers.push(speaker);
            items.extend(pending_furniture.drain(..).map(Item::Furniture));
            i += consumed;
            gap = Gap::default();
            if let Some(rest) = rest_start {
                let mut builder = Builder::new(input, true, &mut scratch);
                let rest_text = line.text.get(rest - line.start..).unwrap_or("").trim_end();
                builder.push_fragment(&mut scratch, rest_text, rest);
                acc = Some(Acc {
                    builder,
                    last_raw: line.text,
                });
            }
            continue;
        }
        if let Some(name) = (first == b'V').then(|| grammar::presiding(ct)).flatten() {
            close(&mut acc, &mut scratch, &mut pending_furniture, &mut items);
            items.push(Item::Presiding(Presiding {
                name: canon.part(input, name),
                span: t_span,
            }));
            gap = Gap::default();
            continue;
        }
        // Markdown is read wherever it is printed, not only in a document
        // whose layout is Markdown: a document may mix layouts.
        if first == b'#' {
            if let Some((level, text)) = grammar::heading(ct) {
                close(&mut acc, &mut scratch, &mut pending_furniture, &mut items);
                // The heading's text as a paragraph's: read again from the
                // input, emphasis removed.
                let at = canon.part(input, text).span();
                let raw = input.get(at.start..at.end).unwrap_or_default();
                let mut b = Builder::new(input, true, &mut side);
                b.push_fragment(&mut side, raw, at.start);
                items.push(Item::Heading {
                    level,
                    text: b.finish(&mut side),
                    span: t_span,
                });
                gap = Gap::default();
                continue;
            }
        }
        if matches!(first, b'-' | b'*' | b'_') && grammar::thematic_break(ct) {
            close(&mut acc, &mut scratch, &mut pending_furniture, &mut items);
            items.push(Item::Break(t_span));
            gap = Gap::default();
            continue;
        }
        // Text.
        match acc.as_mut() {
            Some(a) if continues(&gap, a.last_raw, t) => {
                a.builder.push_fragment(&mut scratch, t, t_start);
                a.last_raw = line.text;
            }
            _ => {
                close(&mut acc, &mut scratch, &mut pending_furniture, &mut items);
                let mut builder = Builder::new(input, true, &mut scratch);
                builder.push_fragment(&mut scratch, t, t_start);
                acc = Some(Acc {
                    builder,
                    last_raw: line.text,
                });
            }
        }
        gap = Gap::default();
    }
    close(&mut acc, &mut scratch, &mut pending_furniture, &mut items);
    (items, speakers)
}

/// Where a label may start: the line `at` of `lines`.
struct LabelAt<'a, 'l> {
    input: &'a str,
    lines: &'l [Line<'a>],
    at: usize,
    at_para_start: bool,
}

impl<'a> LabelAt<'a, '_> {
    /// Recognises a speaker label on the line (trimmed text `t` at
    /// `t_start`, read as `canon`: see [`canonical_line`]). Returns the
    /// speaker, the start of text following it on the same line, and how
    /// many further lines the label took (a label split across a page
    /// break).
    fn label(
        &self,
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
        self.split_label(canon.as_str(), canon, scratch)
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
                let end = plain.span_of(0..printed.len()).end - t_start;
                let end = match t.get(end..) {
                    Some(after) if after.starts_with("**") => end + 2,
                    _ => end,
                };
                line_text(input, t.get(..end).unwrap_or(t), t_start)
            }
            None => plain.part(input, printed),
        };
        if l.rest.is_empty() {
            return Some((speaker(plain, label, input, false)?, None, 0));
        }
        if !self.at_para_start {
            return None;
        }
        let rest_start = plain.span_of(rest_off..pt.len()).start;
        let speaker = speaker(plain, label, input, true)?;
        Some((speaker, Some(rest_start), 0))
    }

    /// A label split across a page break: `Mevrouw Van` … footer …
    /// `Ginneken (D66):`.
    fn split_label(
        &self,
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
        while let Some(l) = self.lines.get(j) {
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
                let speaker = speaker(&joined, joined.clone(), self.input, false)?;
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

/// The speaker of the label read from `plain` (the label's text, emphasis
/// removed), printed as `label`. With `inline`, text may follow the label
/// on its line; otherwise the label must take all of `plain`.
fn speaker<'a>(
    plain: &Text<'a>,
    label: Text<'a>,
    input: &'a str,
    inline: bool,
) -> Option<Speaker<'a>> {
    let text = plain.as_str();
    let l = grammar::label(text)?;
    if !inline && !l.rest.is_empty() {
        return None;
    }
    let field = |part: &str| plain.part(input, part);
    Some(Speaker {
        role: l.role,
        prefix: Some(field(l.prefix)),
        name: field(l.name),
        party: l.party.map(field),
        function: l.function.map(field),
        label,
    })
}

/// Front matter: `---` on the first line, `key: value` lines, `---`.
fn front_matter<'a>(input: &'a str, lines: &[Line<'a>]) -> Option<(FrontMatter<'a>, usize)> {
    let first = lines.first()?;
    if first.text.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for (n, line) in lines.iter().enumerate().skip(1).take(200) {
        if line.text.trim_end() == "---" {
            return Some((
                FrontMatter {
                    fields,
                    span: Span::new(first.start, line.end()),
                },
                n + 1,
            ));
        }
        if line.text.starts_with([' ', '\t', '-', '#']) || line.is_blank() {
            continue;
        }
        let (key, value) = line.text.split_once(':')?;
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        let slice = |part: &str| {
            let at = line.start + offset_in(line.text, part);
            Text::borrowed(input, Span::new(at, at + part.len()))
        };
        fields.push(FrontMatterField {
            key: slice(key),
            value: slice(value),
            span: Span::new(line.start, line.end()),
        });
    }
    None
}
