//! Assembly: lines → paragraphs → the document tree, in one linear pass.
//!
//! The first loop walks the lines once, classifies each with the line rules
//! of [`crate::grammar`], and gathers text lines into paragraphs (joining hard
//! wraps, and paragraphs split by a page break). It yields a flat list of
//! [`Item`]s in document order. The second loop walks those items once with
//! a small state machine (the open speech, the open motion) and builds the
//! nodes. Neither recurses, and each does a bounded amount of work per line
//! or item.

use crate::ast::*;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::grammar::{self, Clause};
use crate::lines::{split_lines, Line};
use crate::normalize::Builder;
use crate::Parsed;

/// One thing found by the first pass.
#[derive(Debug)]
enum Item<'a> {
    Para(Para),
    Label {
        // Boxed: labels are few, and every item is as large as the largest.
        speaker: Box<Speaker>,
        span: Span,
    },
    Heading {
        level: u8,
        text: &'a str,
        span: Span,
    },
    Break(Span),
    Furniture(PageFurniture),
    Presiding(Presiding),
    FrontMatter(FrontMatter),
}

/// A paragraph: its normalised text and where it lies.
#[derive(Debug)]
struct Para {
    text: String,
    span: Span,
}

/// Parses `input[base..]` into the tree (without the analysis layer);
/// spans count from the start of `input`.
pub(crate) fn parse_document(input: &str, base: usize) -> Parsed {
    let lines = split_lines(input, base);
    let index = LineIndex {
        input,
        lines: &lines,
    };
    let mut diagnostics = Vec::new();
    let doc_span = Span::new(0, input.len());
    let body = input.get(base..).unwrap_or("");
    if body.trim().is_empty() {
        diagnostics.push(index.diagnostic(
            DiagnosticKind::EmptyInput,
            "the input is empty or only whitespace: there is nothing to parse".to_string(),
            doc_span,
        ));
        return Parsed {
            document: Document {
                layout: Layout::Official,
                is_transcript: false,
                span: doc_span,
                nodes: Vec::new(),
                analysis: Analysis::default(),
            },
            diagnostics,
        };
    }
    control_characters(body, base, &index, &mut diagnostics);
    let layout = detect_layout(&lines);
    let items = first_pass(&lines, layout);
    let is_transcript = items.iter().any(|i| matches!(i, Item::Label { .. }));
    if !is_transcript {
        diagnostics.push(index.diagnostic(
            DiagnosticKind::NoTranscriptStructure,
            "no speaker label (such as `De voorzitter:` or `De heer Slootweg (CDA):`) was found, \
             so the text is read as plain paragraphs, not as a transcript"
                .to_string(),
            doc_span,
        ));
    }
    let mut asm = Assembler {
        index: &index,
        is_transcript,
        nodes: Vec::new(),
        diagnostics,
        speech: None,
        motion: None,
        motion_start: None,
        deferred_furniture: Vec::new(),
        motions_done: 0,
        infos: Vec::new(),
        agenda_number: None,
        agenda: None,
        seen_speech: false,
    };
    asm.run(items);
    let Assembler {
        mut nodes,
        mut diagnostics,
        infos,
        ..
    } = asm;
    apply_motion_infos(&mut nodes, infos, &index, &mut diagnostics);
    diagnostics.sort_by_key(|d| d.span.start);
    let document = Document {
        layout,
        is_transcript,
        span: doc_span,
        nodes,
        analysis: Analysis::default(),
    };
    Parsed {
        document,
        diagnostics,
    }
}

/// Finds line and column of offsets quickly.
struct LineIndex<'a> {
    input: &'a str,
    lines: &'a [Line<'a>],
}

impl LineIndex<'_> {
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let idx = self.lines.partition_point(|l| l.start <= offset);
        let Some(line) = idx.checked_sub(1).and_then(|i| self.lines.get(i)) else {
            return (1, 1);
        };
        // After a BOM the first line starts at byte 3: the BOM is not
        // counted, as in `crate::line_column`.
        let line_start = line.start;
        let upto = offset.min(line.end()).max(line_start);
        let col = self
            .input
            .get(line_start..upto)
            .map_or(0, |s| s.chars().count());
        (idx, col + 1)
    }

    fn diagnostic(&self, kind: DiagnosticKind, message: String, span: Span) -> Diagnostic {
        let (line, column) = self.line_column(span.start);
        Diagnostic {
            kind,
            message,
            span,
            line,
            column,
        }
    }
}

/// One diagnostic for control characters, at the first one. The scan is
/// over bytes: C0 controls and DEL are single bytes, C1 controls are `C2 80`
/// to `C2 9F`.
fn control_characters(body: &str, base: usize, index: &LineIndex, out: &mut Vec<Diagnostic>) {
    let bytes = body.as_bytes();
    // A quick pass first: most text has no byte that could start a control.
    // Branch-free over 64-byte chunks, so that it vectorises.
    let maybe = |b: u8| {
        let c0 = u8::from(b < 0x20) & !u8::from(matches!(b, b'\n' | b'\r' | b'\t'));
        c0 | u8::from(b == 0x7f) | u8::from(b == 0xC2)
    };
    if !bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(0u8, |acc, &b| acc | maybe(b)) != 0)
    {
        return;
    }
    let is_control_at = |i: usize, b: u8| {
        (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
            || b == 0x7f
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xA0).contains(n)))
    };
    let mut count = 0usize;
    let mut first = None;
    for (i, &b) in bytes.iter().enumerate() {
        if is_control_at(i, b) {
            count += 1;
            first.get_or_insert(i);
        }
    }
    let Some(pos) = first else {
        return;
    };
    let c = body
        .get(pos..)
        .and_then(|r| r.chars().next())
        .unwrap_or('\0');
    let start = base + pos;
    out.push(index.diagnostic(
        DiagnosticKind::ControlCharacter,
        format!(
            "control character U+{:04X} in the text ({count} in all); they are kept as they are, \
             but usually mean the text was extracted badly",
            u32::from(c)
        ),
        Span::new(start, start + c.len_utf8()),
    ));
}

/// Decides the layout from the lines: Markdown if there are headings, bold
/// labels or front matter; PDF if there are page footers or many lines with
/// trailing spaces; official otherwise.
fn detect_layout(lines: &[Line]) -> Layout {
    let mut trailing = 0usize;
    let mut nonblank = 0usize;
    let mut markdown = false;
    for line in lines {
        let t = line.text.trim();
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
        if !markdown && (grammar::heading(t).is_some() || grammar::markdown_label(t).is_some()) {
            markdown = true;
        }
    }
    if markdown || lines.first().is_some_and(|l| l.text.trim_end() == "---") {
        Layout::Markdown
    } else if nonblank >= 5 && trailing * 5 >= nonblank {
        Layout::Pdf
    } else {
        Layout::Official
    }
}

/// The paragraph being gathered in the first pass.
struct Acc<'a> {
    builder: Builder,
    span: Span,
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

fn first_pass<'a>(lines: &'a [Line<'a>], layout: Layout) -> Vec<Item<'a>> {
    let markdown = layout == Layout::Markdown;
    let mut items: Vec<Item<'a>> = Vec::with_capacity(lines.len() / 2 + 1);
    let mut pending_furniture: Vec<PageFurniture> = Vec::new();
    let mut acc: Option<Acc<'a>> = None;
    let mut gap = Gap::default();
    let mut i = 0;

    let close =
        |acc: &mut Option<Acc<'a>>, pending: &mut Vec<PageFurniture>, items: &mut Vec<Item<'a>>| {
            if let Some(a) = acc.take() {
                let text = a.builder.finish();
                items.push(Item::Para(Para { text, span: a.span }));
            }
            items.extend(pending.drain(..).map(Item::Furniture));
        };

    if let Some((fm, next)) = front_matter(lines) {
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
        // Every line rule starts with one of a few bytes: most lines of
        // running text are ruled out by their first byte alone.
        let first = t.as_bytes().first().copied().unwrap_or(b' ');
        let furniture_kind = if matches!(first, b'A' | b'U' | b'T') {
            grammar::furniture(t).or_else(|| {
                let next_is_ref = lines.get(i).is_some_and(|n| {
                    grammar::furniture(n.text.trim()) == Some(FurnitureKind::PageReference)
                });
                (grammar::running_head(t) && next_is_ref).then_some(FurnitureKind::RunningHead)
            })
        } else {
            None
        };
        if let Some(kind) = furniture_kind {
            let f = PageFurniture {
                kind,
                text: t.to_string(),
                span: t_span,
            };
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
        let label = matches!(first, b'D' | b'M' | b'S' | b'*')
            .then(|| label_at(lines, i - 1, t, t_start, markdown, at_para_start))
            .flatten();
        if let Some((speaker, label_end, rest_start, consumed)) = label {
            close(&mut acc, &mut pending_furniture, &mut items);
            // Furniture inside a label split across a page break.
            for l in lines.iter().skip(i).take(consumed) {
                let (ft, fs) = l.trimmed();
                if let Some(kind) = grammar::furniture(ft)
                    .or_else(|| grammar::running_head(ft).then_some(FurnitureKind::RunningHead))
                {
                    pending_furniture.push(PageFurniture {
                        kind,
                        text: ft.to_string(),
                        span: Span::new(fs, fs + ft.len()),
                    });
                }
            }
            items.push(Item::Label {
                speaker: Box::new(speaker),
                span: Span::new(t_start, label_end),
            });
            items.extend(pending_furniture.drain(..).map(Item::Furniture));
            i += consumed;
            gap = Gap::default();
            if let Some(rest) = rest_start {
                let mut builder = Builder::new(false, markdown);
                let rest_text = line.text.get(rest - line.start..).unwrap_or("").trim_end();
                builder.push_fragment(rest_text, rest);
                acc = Some(Acc {
                    builder,
                    span: Span::new(rest, rest + rest_text.len()),
                    last_raw: line.text,
                });
            }
            continue;
        }
        if let Some(name) = (first == b'V').then(|| grammar::presiding(t)).flatten() {
            close(&mut acc, &mut pending_furniture, &mut items);
            items.push(Item::Presiding(Presiding {
                name: name.to_string(),
                span: t_span,
            }));
            gap = Gap::default();
            continue;
        }
        if markdown {
            if let Some((level, text)) = grammar::heading(t) {
                close(&mut acc, &mut pending_furniture, &mut items);
                items.push(Item::Heading {
                    level,
                    text,
                    span: t_span,
                });
                gap = Gap::default();
                continue;
            }
        }
        if matches!(first, b'-' | b'*' | b'_') && grammar::thematic_break(t) {
            close(&mut acc, &mut pending_furniture, &mut items);
            items.push(Item::Break(t_span));
            gap = Gap::default();
            continue;
        }
        // Text.
        match acc.as_mut() {
            Some(a) if continues(&gap, a.last_raw, t) => {
                a.builder.push_fragment(t, t_start);
                a.span.end = t_span.end;
                a.last_raw = line.text;
            }
            _ => {
                close(&mut acc, &mut pending_furniture, &mut items);
                let mut builder = Builder::new(false, markdown);
                builder.push_fragment(t, t_start);
                acc = Some(Acc {
                    builder,
                    span: t_span,
                    last_raw: line.text,
                });
            }
        }
        gap = Gap::default();
    }
    close(&mut acc, &mut pending_furniture, &mut items);
    items
}

/// Recognises a speaker label on line `at` (trimmed text `t` at `t_start`).
/// Returns the speaker, the end of the label, the start of text following
/// it on the same line, and how many further lines the label took (a label
/// split across a page break).
fn label_at(
    lines: &[Line],
    at: usize,
    t: &str,
    t_start: usize,
    markdown: bool,
    at_para_start: bool,
) -> Option<(Speaker, usize, Option<usize>, usize)> {
    let make = |l: &grammar::OwnedLabel, label: String| Speaker {
        role: l.role,
        prefix: Some(l.prefix.clone()),
        name: l.name.clone(),
        party: l.party.clone(),
        function: l.function.clone(),
        label,
    };
    if markdown && t.contains("**") {
        let l = grammar::markdown_label(t)?;
        return Some((make(&l, t.to_string()), t_start + t.len(), None, 0));
    }
    if let Some(l) = grammar::label(t) {
        if l.rest.is_empty() {
            let owned = grammar::OwnedLabel::from(&l);
            return Some((make(&owned, t.to_string()), t_start + t.len(), None, 0));
        }
        if !at_para_start {
            return None;
        }
        let rest_off = t.len() - l.rest.len();
        let label_text = t.get(..rest_off).unwrap_or(t).trim_end();
        let owned = grammar::OwnedLabel::from(&l);
        return Some((
            make(&owned, label_text.to_string()),
            t_start + label_text.len(),
            Some(t_start + rest_off),
            0,
        ));
    }
    // A label split across a page break: `Mevrouw Van` … footer … `Ginneken (D66):`.
    if !at_para_start || t.len() > 80 || t.ends_with(':') {
        return None;
    }
    let starts_like_label = [
        "De heer ",
        "Mevrouw ",
        "Minister",
        "Staatssecretaris ",
        "De voorzitter",
    ]
    .iter()
    .any(|p| t.starts_with(p) || p.trim_end() == t);
    if !starts_like_label {
        return None;
    }
    let mut j = at + 1;
    while let Some(l) = lines.get(j) {
        let (lt, ls) = l.trimmed();
        let is_furniture =
            lt.is_empty() || grammar::furniture(lt).is_some() || grammar::running_head(lt);
        if !is_furniture {
            if !lt.ends_with(':') || lt.len() > 120 {
                return None;
            }
            let joined = format!("{t} {lt}");
            let l = grammar::label(&joined)?;
            if !l.rest.is_empty() {
                return None;
            }
            let owned = grammar::OwnedLabel::from(&l);
            let printed = format!("{t} {lt}");
            return Some((make(&owned, printed), ls + lt.len(), None, j - at));
        }
        if j - at > 8 {
            return None;
        }
        j += 1;
    }
    None
}

/// Front matter: `---` on the first line, `key: value` lines, `---`.
fn front_matter(lines: &[Line]) -> Option<(FrontMatter, usize)> {
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
        fields.push(FrontMatterField {
            key: key.to_string(),
            value: value.to_string(),
            span: Span::new(line.start, line.end()),
        });
    }
    None
}

/// A motion being read.
struct MotionBuilder {
    start: usize,
    end: usize,
    body: Vec<Paragraph>,
    considerations: Vec<Consideration>,
    dicta: Vec<Dictum>,
    furniture: Vec<PageFurniture>,
}

/// What the chair said of a motion, to be attached after assembly.
enum Info {
    Submitters(Vec<String>, bool),
    Seconded,
    Number(String, String, Option<String>),
}

struct Assembler<'a> {
    index: &'a LineIndex<'a>,
    is_transcript: bool,
    nodes: Vec<Node>,
    diagnostics: Vec<Diagnostic>,
    speech: Option<Speech>,
    motion: Option<MotionBuilder>,
    /// A `Motie` heading and rules before `De Kamer,`, not yet resolved.
    motion_start: Option<Span>,
    /// Page furniture met while `motion_start` is pending.
    deferred_furniture: Vec<PageFurniture>,
    motions_done: usize,
    /// (motion ordinal, info, span)
    infos: Vec<(usize, Info, Span)>,
    agenda_number: Option<(String, Span)>,
    /// Index in `nodes` of the agenda item.
    agenda: Option<usize>,
    seen_speech: bool,
}

impl Assembler<'_> {
    fn run(&mut self, items: Vec<Item>) {
        let mut items = items.into_iter().peekable();
        while let Some(item) = items.next() {
            let next = items.peek();
            let next_opens_motion = match next {
                Some(Item::Para(p)) => {
                    grammar::motion_opening(&p.text) || grammar::motion_heading(&p.text)
                }
                Some(Item::Heading { text, .. }) => grammar::motion_heading(text),
                Some(Item::Break(_)) => self.motion_start.is_some(),
                _ => false,
            };
            match item {
                Item::Para(p) => self.paragraph(p, next_opens_motion),
                Item::Label { speaker, span } => {
                    self.end_speech();
                    self.seen_speech = true;
                    self.speech = Some(Speech {
                        speaker: *speaker,
                        label_span: span,
                        paragraphs: Vec::new(),
                        content: Vec::new(),
                        span,
                    });
                }
                Item::Heading { level, text, span } => {
                    self.heading(level, text, span, next_opens_motion)
                }
                Item::Break(span) => {
                    if self.motion.is_some() && next_opens_motion {
                        // A rule before the next motion's heading.
                        self.unterminated_motion();
                        self.absorb_motion_start(span);
                    } else if let Some(m) = self.motion.as_mut() {
                        m.end = m.end.max(span.end);
                    } else if next_opens_motion || self.motion_start.is_some() {
                        self.absorb_motion_start(span);
                    } else if let Some(s) = self.speech.as_mut() {
                        s.span = s.span.cover(span);
                    } else {
                        self.push_node(Node::ThematicBreak(ThematicBreak { span }));
                    }
                }
                Item::Furniture(f) => {
                    if let Some(m) = self.motion.as_mut() {
                        m.furniture.push(f);
                    } else if self.motion_start.is_some() {
                        self.deferred_furniture.push(f);
                    } else if let Some(s) = self.speech.as_mut() {
                        s.span = s.span.cover(f.span);
                        s.content.push(Block::PageFurniture(f));
                    } else {
                        self.push_node(Node::PageFurniture(f));
                    }
                }
                Item::Presiding(p) => {
                    self.end_speech();
                    self.push_node(Node::Presiding(p));
                }
                Item::FrontMatter(fm) => self.push_node(Node::FrontMatter(fm)),
            }
        }
        self.end_speech();
    }

    fn heading(&mut self, level: u8, text: &str, span: Span, next_opens_motion: bool) {
        if grammar::motion_heading(text) && next_opens_motion {
            if self.motion.is_some() {
                self.unterminated_motion();
            }
            self.absorb_motion_start(span);
            return;
        }
        let number = text.trim_end_matches('.');
        if !number.is_empty() && number.len() <= 6 && number.chars().all(|c| c.is_ascii_digit()) {
            self.end_speech();
            self.agenda_number = Some((number.to_string(), span));
            return;
        }
        let pending_number = self.take_agenda_number();
        self.end_speech();
        let clean = text.replace("**", "");
        if let Some((number, nspan)) = pending_number {
            self.push_node(Node::AgendaItem(AgendaItem {
                number: Some(number),
                title: clean,
                span: nspan.cover(span),
            }));
            self.agenda = self.nodes.len().checked_sub(1);
        } else {
            self.push_node(Node::Heading(Heading {
                level,
                text: clean,
                span,
            }));
        }
    }

    fn paragraph(&mut self, p: Para, next_opens_motion: bool) {
        let Para { text, span } = p;
        // Inside a motion.
        if self.motion.is_some() {
            if grammar::motion_opening(&text) {
                self.unterminated_motion();
            } else if grammar::motion_heading(&text) && next_opens_motion {
                self.unterminated_motion();
                self.absorb_motion_start(span);
                return;
            } else {
                self.motion_paragraph(text, span);
                return;
            }
        }
        if grammar::motion_opening(&text) {
            let start = self.motion_start.take().map_or(span.start, |s| s.start);
            self.motion = Some(MotionBuilder {
                start,
                end: span.end,
                body: Vec::new(),
                considerations: Vec::new(),
                dicta: Vec::new(),
                furniture: std::mem::take(&mut self.deferred_furniture),
            });
            self.motion_paragraph(text, span);
            return;
        }
        if grammar::motion_heading(&text) && next_opens_motion {
            self.absorb_motion_start(span);
            return;
        }
        // A rule or heading that did not lead to a motion after all.
        self.flush_motion_start();
        let may_be_procedural = text.starts_with("De ") || text.starts_with('(');
        if let Some((from, until)) = may_be_procedural
            .then(|| grammar::suspension(&text))
            .flatten()
        {
            self.end_speech();
            self.push_node(Node::Suspension(Suspension {
                from,
                until,
                text,
                span,
            }));
            return;
        }
        if let Some(kind) = may_be_procedural
            .then(|| grammar::procedural(&text))
            .flatten()
        {
            if kind != ProceduralKind::Note || self.speech.is_none() {
                self.end_speech();
                self.nodes
                    .push(Node::Procedural(Procedural { kind, text, span }));
                return;
            }
        }
        // Only the chair announces interruptions, and a motion's submitters
        // and number.
        let chair = self.speech.as_ref().map(|s| s.speaker.role) == Some(Role::Chair);
        if chair {
            self.infos_from(&text, span);
        }
        if let Some(speech) = self.speech.as_mut() {
            let interruption = chair.then(|| grammar::interruption(&text)).flatten().map(
                |(kind, person, name, party)| {
                    Box::new(Interruption {
                        kind,
                        person,
                        name,
                        party,
                    })
                },
            );
            let index = speech.paragraphs.len();
            speech.paragraphs.push(Paragraph {
                text,
                span,
                interruption,
            });
            speech.content.push(Block::Paragraph { index });
            speech.span = speech.span.cover(span);
            return;
        }
        self.outside_speech(text, span);
    }

    /// A paragraph outside any speech.
    fn outside_speech(&mut self, text: String, span: Span) {
        if grammar::agenda_announcement(&text) {
            self.push_node(Node::Procedural(Procedural {
                kind: ProceduralKind::AgendaAnnouncement,
                text,
                span,
            }));
            return;
        }
        if let Some(i) = self.agenda {
            let last = i + 1 == self.nodes.len();
            if let Some(Node::AgendaItem(a)) = self.nodes.get_mut(i) {
                if a.title == text && last {
                    a.span = a.span.cover(span);
                    return;
                }
            }
        }
        if self.is_transcript && !self.seen_speech {
            if self.agenda.is_none() && looks_like_title(&text) {
                let title = dedupe_title(&text).to_string();
                let (number, start) = match self.take_agenda_number() {
                    Some((n, s)) => (Some(n), s.start),
                    None => (None, span.start),
                };
                self.push_node(Node::AgendaItem(AgendaItem {
                    number,
                    title,
                    span: Span::new(start, span.end),
                }));
                self.agenda = self.nodes.len().checked_sub(1);
                return;
            }
            // The introduction of the agenda item (`te weten:` and its list).
            self.push_node(Node::Paragraph(Paragraph {
                text,
                span,
                interruption: None,
            }));
            return;
        }
        if !self.is_transcript {
            self.push_node(Node::Paragraph(Paragraph {
                text,
                span,
                interruption: None,
            }));
            return;
        }
        let preview: String = text.chars().take(60).collect();
        self.diagnostics.push(self.index.diagnostic(
            DiagnosticKind::UnrecognisedText,
            format!(
                "text outside any speech (\"{preview}\"): a speaker label before it may be missing \
                 or misspelt; it is kept as a text node"
            ),
            span,
        ));
        self.push_node(Node::Text(Paragraph {
            text,
            span,
            interruption: None,
        }));
    }

    /// Records the chair's information about the last motion.
    fn infos_from(&mut self, text: &str, span: Span) {
        let Some(ordinal) = self.motions_done.checked_sub(1) else {
            if grammar::submitters(text).is_some() || grammar::motion_number(text).is_some() {
                self.diagnostics.push(
                    self.index.diagnostic(
                        DiagnosticKind::OrphanMotionInfo,
                        "motion information with no motion before it: was the motion's text (from \
                     `De Kamer,`) left out?"
                            .to_string(),
                        span,
                    ),
                );
            }
            return;
        };
        if let Some((names, cum_suis)) = grammar::submitters(text) {
            self.infos
                .push((ordinal, Info::Submitters(names, cum_suis), span));
        }
        if grammar::seconded(text) {
            self.infos.push((ordinal, Info::Seconded, span));
        }
        if let Some((number, dossier, replaces)) = grammar::motion_number(text) {
            self.infos
                .push((ordinal, Info::Number(number, dossier, replaces), span));
        }
    }

    fn motion_paragraph(&mut self, text: String, span: Span) {
        let Some(m) = self.motion.as_mut() else {
            return;
        };
        m.end = m.end.max(span.end);
        let closing = grammar::motion_closing(&text);
        let opening = m.body.is_empty();
        let closing_line = closing && text.starts_with("en gaat over");
        if !(opening || closing_line) {
            match grammar::clause(&text) {
                Some(Clause::Heard) => {}
                Some(Clause::Consideration(kind, n)) => m.considerations.push(Consideration {
                    kind,
                    opening: text.get(..n).unwrap_or("").to_string(),
                    text: text.clone(),
                    span,
                }),
                Some(Clause::Dictum(kind, n)) => m.dicta.push(Dictum {
                    kind,
                    opening: text.get(..n).unwrap_or("").to_string(),
                    text: text.clone(),
                    span,
                }),
                None => {
                    // A continuation of the clause before (a list in a dictum).
                    let last_c = m.considerations.last().map(|c| c.span.start);
                    let last_d = m.dicta.last().map(|d| d.span.start);
                    match (last_c, last_d) {
                        (_, Some(d)) if last_c.is_none_or(|c| d > c) => {
                            if let Some(d) = m.dicta.last_mut() {
                                d.text.push(' ');
                                d.text.push_str(&text);
                                d.span = d.span.cover(span);
                            }
                        }
                        (Some(_), _) => {
                            if let Some(c) = m.considerations.last_mut() {
                                c.text.push(' ');
                                c.text.push_str(&text);
                                c.span = c.span.cover(span);
                            }
                        }
                        _ => {
                            let preview: String = text.chars().take(40).collect();
                            self.diagnostics.push(self.index.diagnostic(
                                DiagnosticKind::UnknownMotionClause,
                                format!(
                                    "motion clause \"{preview}\" opens with neither a known \
                                     consideration (`constaterende`, `overwegende` …) nor a known \
                                     dictum (`verzoekt`, `spreekt uit` …)"
                                ),
                                span,
                            ));
                        }
                    }
                }
            }
        }
        m.body.push(Paragraph {
            text,
            span,
            interruption: None,
        });
        if closing {
            self.finish_motion();
        }
    }

    fn finish_motion(&mut self) {
        let Some(m) = self.motion.take() else {
            return;
        };
        let motion = Motion {
            id: None,
            number: None,
            replaces: None,
            submitters: Vec::new(),
            cum_suis: false,
            seconded: false,
            considerations: m.considerations,
            dicta: m.dicta,
            body: m.body,
            span: Span::new(m.start, m.end),
        };
        self.motions_done += 1;
        if let Some(s) = self.speech.as_mut() {
            s.span = s.span.cover(motion.span);
            s.content.push(Block::Motion(Box::new(motion)));
            for f in m.furniture {
                s.span = s.span.cover(f.span);
                s.content.push(Block::PageFurniture(f));
            }
        } else {
            self.push_node(Node::Motion(Box::new(motion)));
            self.nodes
                .extend(m.furniture.into_iter().map(Node::PageFurniture));
        }
    }

    fn unterminated_motion(&mut self) {
        if let Some(m) = self.motion.as_ref() {
            let span = Span::new(m.start, m.end);
            self.diagnostics.push(self.index.diagnostic(
                DiagnosticKind::UnterminatedMotion,
                "this motion never reaches `en gaat over tot de orde van de dag.`: it ends where \
                 the next speech or motion begins; check for a missing closing line"
                    .to_string(),
                span,
            ));
        }
        self.finish_motion();
    }

    fn absorb_motion_start(&mut self, span: Span) {
        self.motion_start = Some(self.motion_start.map_or(span, |s| s.cover(span)));
    }

    /// A `Motie` heading or rules that no motion followed: kept as a rule
    /// node (or inside the speech), with the furniture met meanwhile.
    fn flush_motion_start(&mut self) {
        let Some(span) = self.motion_start.take() else {
            return;
        };
        let furniture = std::mem::take(&mut self.deferred_furniture);
        if let Some(s) = self.speech.as_mut() {
            s.span = s.span.cover(span);
            for f in furniture {
                s.span = s.span.cover(f.span);
                s.content.push(Block::PageFurniture(f));
            }
        } else {
            self.nodes.push(Node::ThematicBreak(ThematicBreak { span }));
            self.nodes
                .extend(furniture.into_iter().map(Node::PageFurniture));
        }
    }

    /// The pending agenda number, for the title that follows it. A motion,
    /// or a `Motie` heading or rule, begun after the number (`## 15`,
    /// `#### Motie`, then a title) separates the two: the number is kept as
    /// a heading of its own, pushed now, before that motion and the title,
    /// so the nodes stay in document order. (Whatever came before the
    /// number was closed when it was read: see [`Assembler::heading`].)
    fn take_agenda_number(&mut self) -> Option<(String, Span)> {
        if self.motion_start.is_some() || self.motion.is_some() {
            self.flush_agenda_number();
            return None;
        }
        self.agenda_number.take()
    }

    fn flush_agenda_number(&mut self) {
        if let Some((text, span)) = self.agenda_number.take() {
            self.nodes.push(Node::Heading(Heading {
                level: 2,
                text,
                span,
            }));
        }
    }

    /// Pushes a top-level node after whatever is still pending before it.
    fn push_node(&mut self, node: Node) {
        self.flush_agenda_number();
        self.flush_motion_start();
        self.nodes.push(node);
    }

    fn end_speech(&mut self) {
        if self.motion.is_some() {
            self.unterminated_motion();
        }
        self.flush_motion_start();
        if let Some(s) = self.speech.take() {
            self.nodes.push(Node::Speech(s));
        }
        self.flush_agenda_number();
    }
}

fn looks_like_title(text: &str) -> bool {
    text.len() <= 300
        && !text.ends_with(['.', ':', ';', ',', '?', '!'])
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// `T T` → `T`: a title printed twice (a running head and the title).
fn dedupe_title(text: &str) -> &str {
    let half = text.len() / 2;
    if let (Some(a), Some(b)) = (text.get(..half), text.get(half + 1..)) {
        if a == b && text.as_bytes().get(half) == Some(&b' ') {
            return a;
        }
    }
    text
}

/// Attaches the chair's information to the motions, in document order.
fn apply_motion_infos(
    nodes: &mut [Node],
    infos: Vec<(usize, Info, Span)>,
    index: &LineIndex,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if infos.is_empty() {
        return;
    }
    let mut motions: Vec<&mut Motion> = Vec::new();
    for node in nodes.iter_mut() {
        match node {
            Node::Motion(m) => motions.push(m),
            Node::Speech(s) => {
                for b in s.content.iter_mut() {
                    if let Block::Motion(m) = b {
                        motions.push(m);
                    }
                }
            }
            _ => {}
        }
    }
    for (ordinal, info, span) in infos {
        let Some(m) = motions.get_mut(ordinal) else {
            continue;
        };
        match info {
            Info::Submitters(names, cum_suis) if m.submitters.is_empty() => {
                m.submitters = names.into_iter().map(|name| Submitter { name }).collect();
                m.cum_suis = cum_suis;
            }
            Info::Seconded => m.seconded = true,
            Info::Number(number, dossier, replaces) if m.number.is_none() => {
                let n = MotionNumber { dossier, number };
                m.id = Some(n.id());
                m.number = Some(n);
                m.replaces = replaces;
            }
            _ => diagnostics.push(index.diagnostic(
                DiagnosticKind::OrphanMotionInfo,
                "a second submitter list or number for the same motion: the motion it belongs to \
                 may be missing"
                    .to_string(),
                span,
            )),
        }
    }
}
