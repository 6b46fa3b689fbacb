//! The second pass: items → nodes, with a small state machine (the open
//! speech, the open motion, a pending agenda number or `Motie` heading).

mod agenda;
mod inline_parts;
mod pending;

use super::inline;
use super::motions::{self, Info, MotionBuilder};
use super::run::Run;
use super::{Item, Items};
use crate::error::{Diagnostic, DiagnosticKind};
use crate::grammar;

use crate::text::{offset_in, Text};
use crate::tree::{
    Block, Blocks, Cue, CueKind, Heading, Interruption, MotionId, Node, NodeId, NodeKind,
    PageFurniture, Paragraph, Procedural, Procedure, Role, Span, Speech, ThematicBreak,
};

/// Builds the nodes from the items of the first pass.
pub(super) fn assemble<'a>(
    input: &'a str,
    items: Items<'a>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Node<'a>> {
    let mut asm = Assembler {
        input,
        is_transcript: items.is_transcript,
        nodes: Vec::new(),
        diagnostics: std::mem::take(diagnostics),
        speech: None,
        blocks: Vec::new(),
        motion_read: false,
        motion: None,
        motion_start: Vec::new(),
        motions_done: 0,
        infos: Vec::new(),
        agenda_number: None,
        agenda: None,
        intro: true,
        run: None,
    };
    asm.run(items);
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

/// What waits for a motion to begin after a `Motie` heading or rule.
enum Pending<'a> {
    /// The heading and rules, one span for a run of them.
    Start(Span),
    /// Page furniture between them, or after them.
    Furniture(PageFurniture<'a>),
}

struct Assembler<'a> {
    input: &'a str,
    is_transcript: bool,
    nodes: Vec<Node<'a>>,
    diagnostics: Vec<Diagnostic>,
    speech: Option<Speech<'a>>,
    /// The open speech's content, until it ends.
    blocks: Vec<Block<'a>>,
    /// A motion is among `blocks` (asked at every paragraph: kept, not
    /// searched for, so that a speech of many paragraphs costs no more
    /// than their number).
    motion_read: bool,
    motion: Option<MotionBuilder<'a>>,
    /// A `Motie` heading and rules before `De Kamer,`, not yet resolved,
    /// with the page furniture met among them, in document order (empty
    /// when nothing is pending; the first entry is a heading or rule).
    motion_start: Vec<Pending<'a>>,
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
    /// A run of paragraphs nothing could place, not yet pushed: one text
    /// node and one diagnostic for the whole run.
    run: Option<Run>,
}

/// What the item after the one being read says about it.
#[derive(Debug, Clone, Copy, Default)]
struct Next {
    /// It opens a motion (or leads to one: a rule before `#### Motie`).
    opens_motion: bool,
    /// It is the chair's `Aan de orde is …`: the item read is a title.
    announces: bool,
}

impl<'a> Assembler<'a> {
    fn run(&mut self, mut items: Items<'a>) {
        while let Some(item) = items.next() {
            let next = Next {
                opens_motion: match items.peek() {
                    Some(Item::Para(p)) => grammar::motion_opening(p) || grammar::motion_heading(p),
                    Some(Item::Heading { text, .. }) => grammar::motion_heading(text),
                    Some(Item::Break(_)) => !self.motion_start.is_empty(),
                    _ => false,
                },
                announces: matches!(items.peek(), Some(Item::Para(p))
                    if grammar::agenda_announcement(p)),
            };
            match item {
                Item::Para(p) => {
                    // The page furniture inside the paragraph (a page
                    // break in it), which the first pass gives after it.
                    let mut inside = Vec::new();
                    while matches!(items.peek(), Some(Item::Furniture(f))
                        if p.span().contains(f.text.span()))
                    {
                        if let Some(Item::Furniture(f)) = items.next() {
                            inside.push(f);
                        }
                    }
                    self.paragraph(p, next, &mut inside);
                    for f in inside {
                        self.furniture(f);
                    }
                }
                Item::Label => {
                    let Some(speaker) = items.take_speaker() else {
                        continue;
                    };
                    self.end_speech();
                    self.intro = false;
                    let span = speaker.label().span();
                    self.speech = Some(Speech {
                        speaker,
                        content: Blocks::new(),
                        span,
                    });
                }
                Item::Heading { level, text, span } => self.heading(level, text, span, next),
                Item::Break(span) => self.rule(span, next.opens_motion),
                Item::Furniture(f) => self.furniture(f),
                Item::Presiding(p) => {
                    self.end_speech();
                    self.push_node(NodeKind::Presiding(p));
                }
                Item::FrontMatter(fm) => self.push_node(NodeKind::FrontMatter(fm)),
            }
        }
        self.end_speech();
        self.flush_run();
    }

    /// Page furniture, where the reading has got to: in the open motion,
    /// among a pending `Motie` heading's, in the open speech, or a node.
    fn furniture(&mut self, f: PageFurniture<'a>) {
        let Some(f) = self.give_to_finished_motion(f) else {
            return;
        };
        if let Some(m) = self.motion.as_mut() {
            m.furniture.push(f);
        } else if !self.motion_start.is_empty() {
            self.motion_start.push(Pending::Furniture(f));
        } else if let Some(s) = self.speech.as_mut() {
            s.span = s.span.cover(f.text.span());
            self.blocks.push(Block::PageFurniture(f));
        } else {
            self.push_node(NodeKind::PageFurniture(f));
        }
    }

    /// A Markdown rule `---`.
    fn rule(&mut self, span: Span, next_opens_motion: bool) {
        if self.motion.is_some() && next_opens_motion {
            // A rule before the next motion's heading.
            self.unterminated_motion();
            self.absorb_motion_start(span);
        } else if let Some(m) = self.motion.as_mut() {
            m.end = m.end.max(span.end);
        } else if next_opens_motion || !self.motion_start.is_empty() {
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

    /// The paragraph `text`, with the page furniture `inside` it: what the
    /// paragraph does not place is left there, to follow it.
    fn paragraph(&mut self, text: Text<'a>, next: Next, inside: &mut Vec<PageFurniture<'a>>) {
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
        // A motion inside the paragraph (across a page break too: each
        // piece of furniture goes with the part it lies in).
        let text = match inline::split(self.input, text, inside, &mut self.diagnostics) {
            Ok(parts) => return self.inline_parts(parts, next, inside),
            Err(text) => text,
        };
        if grammar::motion_opening(&text) {
            let (start, furniture) = self.take_motion_start();
            let start = start.unwrap_or(span.start);
            self.motion = Some(MotionBuilder::new(start, span.end, furniture));
            self.motion_paragraph(text);
            return;
        }
        self.plain_paragraph(text, next);
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
                next.announces.then(|| self.title_len(&text)).flatten()
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
        let chair = self.speech.as_ref().map(|s| s.speaker.role()) == Some(Role::Chair);
        // The chair gives a motion's submitters and number; some transcripts
        // (ParlaMint-NL among them) print them inside the speaker's own
        // turn, after the motion read: they belong to that motion the same.
        let after_own_motion = self.speech.is_some() && self.motion_read;
        if chair || after_own_motion {
            self.infos_from(&text);
        }
        if self.speech.is_some() {
            let (interruption, cue) = self.cues(&text, chair);
            if let Some(speech) = self.speech.as_mut() {
                self.blocks.push(Block::Paragraph(Paragraph {
                    text,
                    interruption,
                    cue,
                }));
                speech.span = speech.span.cover(span);
            }
            return;
        }
        self.outside_speech(text);
    }

    /// What a paragraph `text` of a speech says about who speaks next and,
    /// of the `chair`'s, the interruption it announces (only the chair
    /// gives the floor and announces interruptions).
    fn cues(&self, text: &Text<'a>, chair: bool) -> (Option<Box<Interruption<'a>>>, Option<Cue>) {
        let cue = |(kind, sentence): (CueKind, &str)| {
            let at = offset_in(text, sentence);
            Cue::new(kind, text.span_of(at..at + sentence.len()))
        };
        if !chair {
            return (None, grammar::speaker_cue(text).map(cue));
        }
        let (said, announced) = grammar::chair_cue(text);
        let read = said.map(cue);
        let part = |p: &str| text.part(self.input, p);
        let interruption = announced.map(|(kind, person, name, party)| {
            Box::new(Interruption {
                kind,
                person: part(person),
                name: part(name),
                party: party.map(part),
            })
        });
        (interruption, read)
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
            let text = match self.opening_block(text) {
                Ok(()) => return,
                Err(text) => text,
            };
            // The first title of a transcript, before any speech, is its
            // agenda item even without `Aan de orde is …`.
            if let Some(len) = self
                .agenda
                .is_none()
                .then(|| self.title_len(&text))
                .flatten()
            {
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
        // A run of such paragraphs is one text node with one diagnostic,
        // so that their cost is that of their bytes.
        match self.run.as_mut() {
            Some(run) if run.continues_with(self.input, &text) => run.push(self.input, &text),
            _ => {
                self.flush_run();
                self.flush_agenda_number();
                self.flush_motion_start();
                self.run = Some(Run::new(self.input, &text));
            }
        }
    }

    /// Pushes the pending run of unplaced paragraphs as one text node,
    /// with one diagnostic that counts them.
    fn flush_run(&mut self) {
        let Some(mut run) = self.run.take() else {
            return;
        };
        let (count, preview) = (run.count, std::mem::take(&mut run.preview));
        let text = run.finish(self.input);
        let more = if count > 1 {
            format!(" and {} more paragraphs after it", count - 1)
        } else {
            String::new()
        };
        self.diagnostics.push(Diagnostic::new(
            DiagnosticKind::UnrecognisedText,
            format!(
                "text outside any speech (\"{preview}\"{more}): a speaker label before it may be \
                 missing or misspelt; it is kept as a text node"
            ),
            text.span(),
        ));
        self.add_now(NodeKind::Text(Paragraph::new(text)));
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
            self.motion_read = true;
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

    /// Page furniture inside the last paragraph of the motion just
    /// finished (a page break inside its closing line: the first pass
    /// gives the furniture after the paragraph) goes into that motion;
    /// other furniture is given back.
    fn give_to_finished_motion(&mut self, f: PageFurniture<'a>) -> Option<PageFurniture<'a>> {
        let last = if self.speech.is_some() {
            match self.blocks.last_mut() {
                Some(Block::Motion { motion }) => Some(motion),
                _ => None,
            }
        } else {
            match self.nodes.last_mut().map(|n| &mut n.kind) {
                Some(NodeKind::Motion { motion }) => Some(motion),
                _ => None,
            }
        };
        match last {
            Some(m) if m.span.contains(f.text.span()) => {
                m.furniture.push(f);
                None
            }
            _ => Some(f),
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

    /// Adds a top-level node, with its id, after a pending run of
    /// unplaced paragraphs (which came before it).
    fn add(&mut self, kind: NodeKind<'a>) {
        self.flush_run();
        self.add_now(kind);
    }

    fn add_now(&mut self, kind: NodeKind<'a>) {
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
            // Collected apart and moved once, so that a speech's content
            // costs one allocation, of its exact size, or none for a
            // single block.
            s.content = self.blocks.drain(..).collect();
            self.motion_read = false;
            self.add(NodeKind::Speech(s));
        }
        self.flush_agenda_number();
    }
}
