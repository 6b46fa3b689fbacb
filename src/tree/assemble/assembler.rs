//! The second pass: items → nodes, with a small state machine (the open
//! speech, the open motion, a pending agenda number or `Motie` heading).

use super::inline::{self, Part};
use super::motions::{self, Info, MotionBuilder};
use super::sitting;
use super::Item;
use crate::error::{Diagnostic, DiagnosticKind};
use crate::grammar;
use crate::text::Text;
use crate::tree::{
    AgendaItem, Block, Heading, Interruption, MotionId, Node, NodeId, NodeKind, PageFurniture,
    Paragraph, Procedural, Procedure, Role, Span, Speaker, Speech, ThematicBreak,
};

/// Builds the nodes from the items of the first pass.
pub(super) fn assemble<'a>(
    input: &'a str,
    is_transcript: bool,
    (items, speakers): (Vec<Item<'a>>, Vec<Speaker<'a>>),
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Node<'a>> {
    let mut asm = Assembler {
        input,
        is_transcript,
        nodes: Vec::new(),
        diagnostics: std::mem::take(diagnostics),
        speech: None,
        paras: Vec::new(),
        blocks: Vec::new(),
        motion: None,
        motion_start: None,
        deferred_furniture: Vec::new(),
        motions_done: 0,
        infos: Vec::new(),
        agenda_number: None,
        agenda: None,
        intro: true,
    };
    asm.run(items, speakers);
    let Assembler {
        mut nodes,
        diagnostics: mut found,
        infos,
        ..
    } = asm;
    motions::apply_infos(&mut nodes, infos, &mut found);
    *diagnostics = found;
    nodes
}

struct Assembler<'a> {
    input: &'a str,
    is_transcript: bool,
    nodes: Vec<Node<'a>>,
    diagnostics: Vec<Diagnostic>,
    speech: Option<Speech<'a>>,
    /// The open speech's paragraphs and content, until it ends.
    paras: Vec<Paragraph<'a>>,
    blocks: Vec<Block<'a>>,
    motion: Option<MotionBuilder<'a>>,
    /// A `Motie` heading and rules before `De Kamer,`, not yet resolved.
    motion_start: Option<Span>,
    /// Page furniture met while `motion_start` is pending.
    deferred_furniture: Vec<PageFurniture<'a>>,
    motions_done: usize,
    infos: Vec<(MotionId, Info<'a>, Span)>,
    /// An agenda item's number (`## 7`) waiting for its title.
    agenda_number: Option<(Text<'a>, Span)>,
    /// The node of the last agenda item.
    agenda: Option<usize>,
    /// No speech since the document or the last agenda item began: what
    /// is not a speech is the item's introduction (`te weten:` and its
    /// list), not text a label is missing before.
    intro: bool,
}

/// What the item after the one being read says about it.
#[derive(Debug, Clone, Copy, Default)]
struct Next {
    /// It opens a motion (or leads to one: a rule before `#### Motie`).
    opens_motion: bool,
    /// It is the chair's `Aan de orde is …`: the item read is a title.
    announces: bool,
    /// It is page furniture inside the paragraph read (a page break).
    interrupts: bool,
}

impl<'a> Assembler<'a> {
    fn run(&mut self, items: Vec<Item<'a>>, speakers: Vec<Speaker<'a>>) {
        let mut items = items.into_iter().peekable();
        let mut speakers = speakers.into_iter();
        while let Some(item) = items.next() {
            let next = Next {
                opens_motion: match items.peek() {
                    Some(Item::Para(p)) => grammar::motion_opening(p) || grammar::motion_heading(p),
                    Some(Item::Heading { text, .. }) => grammar::motion_heading(text),
                    Some(Item::Break(_)) => self.motion_start.is_some(),
                    _ => false,
                },
                announces: matches!(items.peek(), Some(Item::Para(p))
                    if grammar::agenda_announcement(p)),
                interrupts: match (&item, items.peek()) {
                    (Item::Para(p), Some(Item::Furniture(f))) => p.span().contains(f.text.span()),
                    _ => false,
                },
            };
            match item {
                Item::Para(p) => self.paragraph(p, next),
                Item::Label => {
                    let Some(speaker) = speakers.next() else {
                        continue;
                    };
                    self.end_speech();
                    self.intro = false;
                    let span = speaker.label.span();
                    self.speech = Some(Speech {
                        speaker,
                        paragraphs: Vec::new(),
                        content: Vec::new(),
                        span,
                    });
                }
                Item::Heading { level, text, span } => self.heading(level, text, span, next),
                Item::Break(span) => self.rule(span, next.opens_motion),
                Item::Furniture(f) => {
                    if let Some(m) = self.motion.as_mut() {
                        m.furniture.push(f);
                    } else if self.motion_start.is_some() {
                        self.deferred_furniture.push(f);
                    } else if let Some(s) = self.speech.as_mut() {
                        s.span = s.span.cover(f.text.span());
                        self.blocks.push(Block::PageFurniture(f));
                    } else {
                        self.push_node(NodeKind::PageFurniture(f));
                    }
                }
                Item::Presiding(p) => {
                    self.end_speech();
                    self.push_node(NodeKind::Presiding(p));
                }
                Item::FrontMatter(fm) => self.push_node(NodeKind::FrontMatter(fm)),
            }
        }
        self.end_speech();
    }

    /// A Markdown rule `---`.
    fn rule(&mut self, span: Span, next_opens_motion: bool) {
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
            self.push_node(NodeKind::ThematicBreak(ThematicBreak { span }));
        }
    }

    fn heading(&mut self, level: u8, text: Text<'a>, span: Span, next: Next) {
        if grammar::motion_heading(&text) && next.opens_motion {
            if self.motion.is_some() {
                self.unterminated_motion();
            }
            self.absorb_motion_start(span);
            return;
        }
        let number = text.trim_end_matches('.');
        if !number.is_empty() && number.len() <= 6 && number.chars().all(|c| c.is_ascii_digit()) {
            self.end_speech();
            let number = text.sub(self.input, 0..number.len());
            self.agenda_number = Some((number, span));
            return;
        }
        let starts_item = self.is_transcript && (grammar::fixed_item(&text) || next.announces);
        if self.agenda_number.is_some() || starts_item {
            self.agenda_item(text, span);
        } else {
            self.end_speech();
            self.push_node(NodeKind::Heading(Heading { level, text, span }));
        }
    }

    /// Starts an agenda item with title `title` (printed at `span`), and
    /// the number read before it, if any.
    fn agenda_item(&mut self, title: Text<'a>, span: Span) {
        let pending_number = self.take_agenda_number();
        self.end_speech();
        let (number, span) = match pending_number {
            Some((number, nspan)) => (Some(number), nspan.cover(span)),
            None => (None, span),
        };
        self.push_node(NodeKind::AgendaItem(AgendaItem {
            number,
            title,
            span,
        }));
        self.agenda = self.nodes.len().checked_sub(1);
        self.intro = true;
    }

    /// Whether `text` is the title of the agenda item just begun printed
    /// again (a Markdown heading, then the title as a line): it is taken
    /// into the item.
    fn repeats_agenda_title(&mut self, text: &Text<'a>) -> bool {
        if self.speech.is_some() {
            return false;
        }
        let Some(i) = self.agenda.filter(|i| i + 1 == self.nodes.len()) else {
            return false;
        };
        match self.nodes.get_mut(i).map(|n| &mut n.kind) {
            Some(NodeKind::AgendaItem(a)) if a.title == **text => {
                a.span = a.span.cover(text.span());
                true
            }
            _ => false,
        }
    }

    fn paragraph(&mut self, text: Text<'a>, next: Next) {
        let next_opens_motion = next.opens_motion;
        let span = text.span();
        // Inside a motion.
        if self.motion.is_some() {
            if grammar::motion_opening(&text) {
                self.unterminated_motion();
            } else if grammar::motion_heading(&text) && next_opens_motion {
                self.unterminated_motion();
                self.absorb_motion_start(span);
                return;
            } else {
                self.motion_paragraph(text);
                return;
            }
        }
        // A motion inside the paragraph. (Not across a page break: the
        // furniture would fall between the parts.)
        let text = match next.interrupts {
            true => text,
            false => match inline::split(self.input, text, &mut self.diagnostics) {
                Ok(parts) => return self.inline_parts(parts, next),
                Err(text) => text,
            },
        };
        if grammar::motion_opening(&text) {
            let start = self.motion_start.take().map_or(span.start, |s| s.start);
            let furniture = std::mem::take(&mut self.deferred_furniture);
            self.motion = Some(MotionBuilder::new(start, span.end, furniture));
            self.motion_paragraph(text);
            return;
        }
        self.plain_paragraph(text, next);
    }

    /// The parts of a paragraph that holds motions, in order.
    fn inline_parts(&mut self, parts: Vec<Part<'a>>, next: Next) {
        let n = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            let next = if i + 1 == n { next } else { Next::default() };
            match part {
                Part::Text(text) => self.plain_paragraph(text, next),
                Part::Motion(mut m) => {
                    // A `Motie` heading right before the paragraph.
                    if let Some(s) = self.motion_start.take() {
                        m.start = m.start.min(s.start);
                        m.furniture = std::mem::take(&mut self.deferred_furniture);
                    }
                    self.motion = Some(m);
                    self.finish_motion();
                }
            }
        }
    }

    /// A paragraph that neither is in a motion nor opens one.
    fn plain_paragraph(&mut self, text: Text<'a>, next: Next) {
        let next_opens_motion = next.opens_motion;
        let span = text.span();
        if grammar::motion_heading(&text) && next_opens_motion {
            self.absorb_motion_start(span);
            return;
        }
        // A rule or heading that did not lead to a motion after all.
        self.flush_motion_start();
        if self.is_transcript {
            if self.repeats_agenda_title(&text) {
                return;
            }
            // A title before `Aan de orde is …`, or a fixed item
            // (`Mededelingen`, `Sluiting`), wherever it is printed: a new
            // agenda item, which ends the speech before it.
            let title = if grammar::fixed_item(&text) {
                Some(text.len())
            } else {
                next.announces
                    .then(|| grammar::title(&text).map(str::len))
                    .flatten()
            };
            if let Some(len) = title {
                let span = text.span();
                self.agenda_item(text.sub(self.input, 0..len), span);
                return;
            }
        }
        if let Some(line) = grammar::procedural(&text) {
            if line.kind != Procedure::Note || self.speech.is_none() {
                if let Some(missing) = line.missing {
                    self.diagnostics.push(Diagnostic::new(
                        DiagnosticKind::IncompleteProcedural,
                        format!(
                            "this procedural line leaves out {missing}: it is read as what it \
                             records, with that part null"
                        ),
                        text.span(),
                    ));
                }
                self.end_speech();
                self.push_node(NodeKind::Procedural(Procedural {
                    kind: line.kind,
                    text,
                }));
                return;
            }
        }
        // Only the chair announces interruptions, and a motion's submitters
        // and number.
        let chair = self.speech.as_ref().map(|s| s.speaker.role) == Some(Role::Chair);
        // The chair gives a motion's submitters and number; some transcripts
        // (ParlaMint-NL among them) print them inside the speaker's own
        // turn, after the motion read: they belong to that motion the same.
        let after_own_motion = self.speech.is_some()
            && self
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Motion { .. }));
        if chair || after_own_motion {
            self.infos_from(&text);
        }
        if self.speech.is_some() {
            let interruption = if chair {
                self.interruption(&text)
            } else {
                None
            };
            if let Some(speech) = self.speech.as_mut() {
                let index = self.paras.len();
                self.paras.push(Paragraph { text, interruption });
                self.blocks.push(Block::Paragraph { index });
                speech.span = speech.span.cover(span);
            }
            return;
        }
        self.outside_speech(text);
    }

    /// The interruption the chair announces in `text`, if any.
    fn interruption(&self, text: &Text<'a>) -> Option<Box<Interruption<'a>>> {
        let (kind, person, name, party) = grammar::interruption(text)?;
        let part = |p: &str| text.part(self.input, p);
        Some(Box::new(Interruption {
            kind,
            person: part(person),
            name: part(name),
            party: party.map(part),
        }))
    }

    /// A paragraph outside any speech.
    fn outside_speech(&mut self, text: Text<'a>) {
        let span = text.span();
        if grammar::agenda_announcement(&text) {
            self.push_node(NodeKind::Procedural(Procedural {
                kind: Procedure::AgendaAnnouncement,
                text,
            }));
            return;
        }
        if self.is_transcript && self.intro {
            let text = match self.attendance(text) {
                Ok(()) => return,
                Err(text) => text,
            };
            // The first title of a transcript, before any speech, is its
            // agenda item even without `Aan de orde is …`.
            if let Some(len) = self
                .agenda
                .is_none()
                .then(|| grammar::title(&text))
                .flatten()
            {
                let len = len.len();
                self.agenda_item(text.sub(self.input, 0..len), span);
                return;
            }
            // The introduction of the agenda item (`te weten:` and its list).
            self.push_node(NodeKind::Paragraph(Paragraph::new(text)));
            return;
        }
        if !self.is_transcript {
            self.push_node(NodeKind::Paragraph(Paragraph::new(text)));
            return;
        }
        let preview: String = text.chars().take(60).collect();
        self.diagnostics.push(Diagnostic::new(
            DiagnosticKind::UnrecognisedText,
            format!(
                "text outside any speech (\"{preview}\"): a speaker label before it may be missing \
                 or misspelt; it is kept as a text node"
            ),
            span,
        ));
        self.push_node(NodeKind::Text(Paragraph::new(text)));
    }

    /// Who is present (`Aanwezig zijn …`), or the others present after the
    /// list (`en de heer Jansen, minister van Financiën.`): taken into an
    /// attendance node. Gives `text` back if it is neither.
    fn attendance(&mut self, text: Text<'a>) -> Result<(), Text<'a>> {
        if let Some(NodeKind::Attendance(a)) = self.nodes.last_mut().map(|n| &mut n.kind) {
            return sitting::add_others(self.input, a, text);
        }
        let a = sitting::attendance(self.input, text.clone()).ok_or(text)?;
        self.push_node(NodeKind::Attendance(a));
        Ok(())
    }

    /// Records the chair's information about the last motion.
    fn infos_from(&mut self, text: &Text<'a>) {
        let Some(last) = self.motions_done.checked_sub(1) else {
            if grammar::submitters(text).is_some() || grammar::motion_number(text).is_some() {
                self.diagnostics.push(Diagnostic::new(
                    DiagnosticKind::OrphanMotionInfo,
                    "motion information with no motion before it: was the motion's text (from \
                     `De Kamer,`) left out?"
                        .to_string(),
                    text.span(),
                ));
            }
            return;
        };
        motions::infos_in(self.input, text, MotionId::new(last), &mut self.infos);
    }

    fn motion_paragraph(&mut self, text: Text<'a>) {
        let Some(m) = self.motion.as_mut() else {
            return;
        };
        if m.paragraph(self.input, text, &mut self.diagnostics) {
            self.finish_motion();
        }
    }

    fn finish_motion(&mut self) {
        let Some(m) = self.motion.take() else {
            return;
        };
        let (motion, furniture) = m.finish(MotionId::new(self.motions_done));
        self.motions_done += 1;
        if let Some(s) = self.speech.as_mut() {
            s.span = s.span.cover(motion.span);
            self.blocks.push(Block::Motion {
                motion: Box::new(motion),
            });
            for f in furniture {
                s.span = s.span.cover(f.text.span());
                self.blocks.push(Block::PageFurniture(f));
            }
        } else {
            self.push_node(NodeKind::Motion {
                motion: Box::new(motion),
            });
            for f in furniture {
                self.add(NodeKind::PageFurniture(f));
            }
        }
    }

    fn unterminated_motion(&mut self) {
        if let Some(m) = self.motion.as_ref() {
            let span = Span::new(m.start, m.end);
            self.diagnostics.push(Diagnostic::new(
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
                s.span = s.span.cover(f.text.span());
                self.blocks.push(Block::PageFurniture(f));
            }
        } else {
            self.add(NodeKind::ThematicBreak(ThematicBreak { span }));
            for f in furniture {
                self.add(NodeKind::PageFurniture(f));
            }
        }
    }

    /// The pending agenda number, for the title that follows it. A motion,
    /// or a `Motie` heading or rule, begun after the number (`## 15`,
    /// `#### Motie`, then a title) separates the two: the number is kept as
    /// a heading of its own, pushed now, before that motion and the title,
    /// so the nodes stay in document order. (Whatever came before the
    /// number was closed when it was read: see [`Assembler::heading`].)
    fn take_agenda_number(&mut self) -> Option<(Text<'a>, Span)> {
        if self.motion_start.is_some() || self.motion.is_some() {
            self.flush_agenda_number();
            return None;
        }
        self.agenda_number.take()
    }

    fn flush_agenda_number(&mut self) {
        if let Some((text, span)) = self.agenda_number.take() {
            self.add(NodeKind::Heading(Heading {
                level: 2,
                text,
                span,
            }));
        }
    }

    /// Adds a top-level node, with its id.
    fn add(&mut self, kind: NodeKind<'a>) {
        let id = NodeId::new(self.nodes.len());
        self.nodes.push(Node { id, kind });
    }

    /// Adds a top-level node after whatever is still pending before it.
    fn push_node(&mut self, kind: NodeKind<'a>) {
        self.flush_agenda_number();
        self.flush_motion_start();
        self.add(kind);
    }

    fn end_speech(&mut self) {
        if self.motion.is_some() {
            self.unterminated_motion();
        }
        self.flush_motion_start();
        if let Some(mut s) = self.speech.take() {
            // Collected apart and moved once, so that a speech's lists cost
            // one allocation each, of their exact size.
            s.paragraphs = self.paras.drain(..).collect();
            s.content = self.blocks.drain(..).collect();
            self.add(NodeKind::Speech(Box::new(s)));
        }
        self.flush_agenda_number();
    }
}
