//! The first pass: lines → items (paragraphs, labels, headings, rules,
//! page furniture, front matter), in document order.

use std::collections::VecDeque;

use super::labels::LabelAt;
use super::Item;
use crate::grammar;
use crate::lines::{Line, LineWindow, Lines};
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
pub(super) fn line_text<'a>(input: &'a str, t: &str, t_start: usize) -> Text<'a> {
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
fn furniture_at<'a>(
    lines: &mut LineWindow<'a>,
    next: usize,
    line: &Text<'a>,
) -> Option<PageFurniture<'a>> {
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

/// The first pass, as an iterator of the document's items: it reads the
/// lines as the items are taken, so that neither the lines nor the items
/// are all kept (an item is built, taken and turned into a node before the
/// next paragraph is read). The speaker of each [`Item::Label`] is taken
/// apart with [`FirstPass::take_speaker`], so that an item stays small.
pub(super) struct FirstPass<'a> {
    input: &'a str,
    layout: Layout,
    lines: LineWindow<'a>,
    /// The index of the next line to read.
    next: usize,
    acc: Option<Acc<'a>>,
    scratch: Scratch,
    /// Labels and headings are built while a paragraph may be open.
    side: Scratch,
    gap: Gap,
    pending_furniture: Vec<PageFurniture<'a>>,
    /// Items found and not yet taken, in order.
    out: VecDeque<Item<'a>>,
    /// The speakers of the labels given and not yet taken, in order.
    speakers: VecDeque<Speaker<'a>>,
    /// Whether front matter was looked for.
    started: bool,
    /// Whether every line was read.
    done: bool,
}

impl<'a> FirstPass<'a> {
    /// The pass over `lines`, whose paragraphs join split words as
    /// `evidence` (what the document writes elsewhere) says.
    pub(super) fn new(
        input: &'a str,
        lines: Lines<'a>,
        layout: Layout,
        evidence: HyphenEvidence,
    ) -> Self {
        FirstPass {
            input,
            layout,
            lines: LineWindow::new(lines),
            next: 0,
            acc: None,
            // Paragraphs join split words as the document writes them
            // elsewhere.
            scratch: Scratch::with_evidence(evidence),
            side: Scratch::default(),
            gap: Gap::default(),
            pending_furniture: Vec::new(),
            out: VecDeque::new(),
            speakers: VecDeque::new(),
            started: false,
            done: false,
        }
    }

    /// The speaker of the first [`Item::Label`] given whose speaker was not
    /// taken yet.
    pub(super) fn take_speaker(&mut self) -> Option<Speaker<'a>> {
        self.speakers.pop_front()
    }

    /// Ends the open paragraph, and gives the furniture met inside it
    /// after it.
    fn close(&mut self) {
        if let Some(a) = self.acc.take() {
            self.out
                .push_back(Item::Para(a.builder.finish(&mut self.scratch)));
        }
        self.give_pending_furniture();
    }

    /// Gives the furniture met and not yet given (most often none: no reserve).
    fn give_pending_furniture(&mut self) {
        if !self.pending_furniture.is_empty() {
            self.out
                .extend(self.pending_furniture.drain(..).map(Item::Furniture));
        }
    }

    /// Reads the front matter, or the next line, or ends the pass.
    fn step(&mut self) {
        if !self.started {
            self.started = true;
            if let Some((fm, next)) = front_matter(self.input, &mut self.lines) {
                self.out.push_back(Item::FrontMatter(fm));
                self.next = next;
            }
            return;
        }
        match self.lines.get(self.next) {
            Some(line) => {
                self.lines.release_before(self.next);
                self.next += 1;
                self.line(line);
            }
            None => {
                self.close();
                self.done = true;
            }
        }
    }

    /// Reads `line`, the line before `self.next`.
    fn line(&mut self, line: Line<'a>) {
        let input = self.input;
        let (t, t_start) = line.trimmed();
        let t_span = Span::new(t_start, t_start + t.len());
        if t.is_empty() {
            if self.acc.is_some() {
                if self.gap.furniture {
                    self.gap.blank_after_furniture = true;
                } else {
                    self.gap.blank = true;
                }
            }
            return;
        }
        // The line rules read the canonical line; text is built from the
        // line as it is (the paragraph's builder normalises it).
        let canon = canonical_line(input, t, t_start, &mut self.side);
        let ct = canon.as_str();
        // Every line rule starts with one of a few bytes: most lines of
        // running text are ruled out by their first byte alone.
        let first = ct.as_bytes().first().copied().unwrap_or(b' ');
        if let Some(f) = furniture_at(&mut self.lines, self.next, &canon) {
            if self.acc.is_some() {
                self.gap.furniture = true;
                // Only blank lines after the last piece of furniture count.
                self.gap.blank_after_furniture = false;
                self.pending_furniture.push(f);
            } else {
                self.out.push_back(Item::Furniture(f));
            }
            return;
        }
        // In a PDF extraction the first line of a new page starts with a
        // space: a page break, even where no footer was printed.
        if self.layout == Layout::Pdf
            && self.acc.is_some()
            && line.text.starts_with(' ')
            && !self.gap.blank
        {
            self.gap.furniture = true;
        }
        let at_para_start = self.acc.is_none() || self.gap.blank || self.gap.furniture;
        // Speaker labels.
        let label = matches!(first, b'D' | b'K' | b'M' | b'S' | b'V' | b'*')
            .then(|| {
                let at = LabelAt {
                    input,
                    at: self.next - 1,
                    at_para_start,
                };
                at.label(&mut self.lines, t, t_start, &canon, &mut self.side)
            })
            .flatten();
        if let Some((speaker, rest_start, consumed)) = label {
            self.close();
            // Furniture inside a label split across a page break.
            for k in self.next..self.next + consumed {
                let Some(l) = self.lines.get(k) else {
                    break;
                };
                let (ft, fs) = l.trimmed();
                if let Some(kind) = grammar::furniture(ft)
                    .or_else(|| grammar::running_head(ft).then_some(FurnitureKind::RunningHead))
                {
                    self.pending_furniture.push(PageFurniture {
                        kind,
                        text: line_text(input, ft, fs),
                    });
                }
            }
            self.out.push_back(Item::Label);
            self.speakers.push_back(speaker);
            self.give_pending_furniture();
            self.next += consumed;
            self.gap = Gap::default();
            if let Some(rest) = rest_start {
                let mut builder = Builder::new(input, true, &mut self.scratch);
                let rest_text = line.text.get(rest - line.start..).unwrap_or("").trim_end();
                builder.push_fragment(&mut self.scratch, rest_text, rest);
                self.acc = Some(Acc {
                    builder,
                    last_raw: line.text,
                });
            }
            return;
        }
        if let Some(name) = (first == b'V').then(|| grammar::presiding(ct)).flatten() {
            self.close();
            self.out.push_back(Item::Presiding(Presiding {
                name: canon.part(input, name),
                span: t_span,
            }));
            self.gap = Gap::default();
            return;
        }
        // Markdown is read wherever it is printed, not only in a document
        // whose layout is Markdown: a document may mix layouts.
        if first == b'#' {
            if let Some((level, text)) = grammar::heading(ct) {
                self.close();
                // The heading's text as a paragraph's: read again from the
                // input, emphasis removed.
                let at = canon.part(input, text).span();
                let raw = input.get(at.start..at.end).unwrap_or_default();
                let mut b = Builder::new(input, true, &mut self.side);
                b.push_fragment(&mut self.side, raw, at.start);
                self.out.push_back(Item::Heading {
                    level,
                    text: b.finish(&mut self.side),
                    span: t_span,
                });
                self.gap = Gap::default();
                return;
            }
        }
        if matches!(first, b'-' | b'*' | b'_') && grammar::thematic_break(ct) {
            self.close();
            self.out.push_back(Item::Break(t_span));
            self.gap = Gap::default();
            return;
        }
        // Text.
        match self.acc.as_mut() {
            Some(a) if continues(&self.gap, a.last_raw, t) => {
                a.builder.push_fragment(&mut self.scratch, t, t_start);
                a.last_raw = line.text;
            }
            _ => {
                self.close();
                let mut builder = Builder::new(input, true, &mut self.scratch);
                builder.push_fragment(&mut self.scratch, t, t_start);
                self.acc = Some(Acc {
                    builder,
                    last_raw: line.text,
                });
            }
        }
        self.gap = Gap::default();
    }
}

impl<'a> Iterator for FirstPass<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }
}

/// Front matter: `---` on the first line, `key: value` lines, `---`;
/// with the index of the line after it.
fn front_matter<'a>(
    input: &'a str,
    lines: &mut LineWindow<'a>,
) -> Option<(FrontMatter<'a>, usize)> {
    let first = lines.get(0)?;
    if first.text.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for n in 1..=200 {
        let line = lines.get(n)?;
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
