//! The assembler's agenda items: where one starts, its title (printed
//! twice, taken once), its pending number, and the opening block (who is
//! present, the officers).

use super::Assembler;
use crate::grammar;
use crate::text::Text;
use crate::tree::assemble::sitting;
use crate::tree::{AgendaItem, Heading, NodeKind, Span};

impl<'a> Assembler<'a> {
    /// Starts an agenda item with title `title` (printed at `span`), and
    /// the number read before it, if any.
    pub(super) fn agenda_item(&mut self, title: Text<'a>, span: Span) {
        // Lines its paragraph left out before its first word (one of format
        // characters only, then page furniture) are a deletion at the
        // title's start, so the furniture lies inside the title.
        let skipped = self
            .input
            .get(span.start..title.span().start)
            .is_some_and(|before| before.contains('\n'));
        let title = if skipped {
            title.widened(Span {
                start: span.start,
                end: title.span().end,
            })
        } else {
            title
        };
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
    pub(super) fn repeats_agenda_title(&mut self, text: &Text<'a>) -> bool {
        // Not when anything read in between is still pending (an agenda
        // number, a rule, unplaced text): the item would grow over it.
        let pending =
            self.agenda_number.is_some() || !self.motion_start.is_empty() || self.run.is_some();
        if self.speech.is_some() || pending {
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

    /// The length of the title in `text`, if the paragraph can be one (see
    /// [`grammar::looks_like_title`]; a title printed twice is taken once).
    pub(super) fn title_len(&self, text: &Text<'a>) -> Option<usize> {
        grammar::looks_like_title(text).then(|| sitting::dedupe_title(self.input, text).len())
    }

    /// A paragraph of the opening block: who is present (see
    /// [`Assembler::attendance`]), or an officer: the clerk (`Griffier:
    /// Lips`), or the name after a committee report's `De griffier van de
    /// vaste commissie voor …,` (the paragraph before, which becomes the
    /// officer). Gives `text` back if it is none of these.
    pub(super) fn opening_block(&mut self, text: Text<'a>) -> Result<(), Text<'a>> {
        let text = match self.attendance(text) {
            Ok(()) => return Ok(()),
            Err(text) => text,
        };
        let text = match sitting::clerk(self.input, text) {
            Ok(officer) => {
                self.push_node(NodeKind::Officer(officer));
                return Ok(());
            }
            Err(text) => text,
        };
        // Nothing may be pending between the signatory's title and name.
        let pending =
            self.agenda_number.is_some() || !self.motion_start.is_empty() || self.run.is_some();
        let input = self.input;
        match self.nodes.last_mut() {
            Some(node) if !pending => sitting::signatory(input, &mut node.kind, text),
            _ => Err(text),
        }
    }

    /// Who is present (`Aanwezig zijn …`), or the others present after the
    /// list (`en de heer Jansen, minister van Financiën.`): taken into an
    /// attendance node. Gives `text` back if it is neither.
    pub(super) fn attendance(&mut self, text: Text<'a>) -> Result<(), Text<'a>> {
        if let Some(NodeKind::Attendance(a)) = self.nodes.last_mut().map(|n| &mut n.kind) {
            return sitting::add_others(self.input, a, text);
        }
        let a = sitting::attendance(self.input, text.clone()).ok_or(text)?;
        self.push_node(NodeKind::Attendance(a));
        Ok(())
    }

    /// The pending agenda number, for the title that follows it. A motion,
    /// or a `Motie` heading or rule, begun after the number (`## 15`,
    /// `#### Motie`, then a title) separates the two: the number is kept as
    /// a heading of its own, pushed now, before that motion and the title,
    /// so the nodes stay in document order. (Whatever came before the
    /// number was closed when it was read: see [`Assembler::heading`].)
    pub(super) fn take_agenda_number(&mut self) -> Option<(Text<'a>, Span)> {
        if !self.motion_start.is_empty() || self.motion.is_some() {
            self.flush_agenda_number();
            return None;
        }
        self.agenda_number.take()
    }

    pub(super) fn flush_agenda_number(&mut self) {
        if let Some((text, span)) = self.agenda_number.take() {
            self.add(NodeKind::Heading(Heading {
                level: 2,
                text,
                span,
            }));
        }
    }
}
