//! What waits for a motion to begin: a `Motie` heading or rules, and the
//! page furniture met among them; given to the motion, or kept in place
//! when none follows.

use super::{Assembler, Pending};
use crate::tree::{Block, NodeKind, PageFurniture, Span, ThematicBreak};

impl<'a> Assembler<'a> {
    /// What waited for the motion now begun: where its `Motie` heading or
    /// rule starts, if there was one, and the furniture met since, the
    /// motion's own.
    pub(super) fn take_motion_start(&mut self) -> (Option<usize>, Vec<PageFurniture<'a>>) {
        let pending = std::mem::take(&mut self.motion_start);
        let start = pending.first().map(|p| match p {
            Pending::Start(s) => s.start,
            Pending::Furniture(f) => f.text.span().start,
        });
        let furniture = pending
            .into_iter()
            .filter_map(|p| match p {
                Pending::Furniture(f) => Some(f),
                Pending::Start(_) => None,
            })
            .collect();
        (start, furniture)
    }

    pub(super) fn absorb_motion_start(&mut self, span: Span) {
        match self.motion_start.last_mut() {
            Some(Pending::Start(s)) => *s = s.cover(span),
            _ => self.motion_start.push(Pending::Start(span)),
        }
    }

    /// A `Motie` heading or rules that no motion followed: kept as rule
    /// nodes (or inside the speech), with the furniture met meanwhile, in
    /// document order: a rule's node never spans furniture. At the top
    /// level a pending agenda number came before them (it was read before
    /// the first of them: [`Assembler::heading`] closes what came before a
    /// number), so it goes first.
    pub(super) fn flush_motion_start(&mut self) {
        if self.motion_start.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.motion_start);
        if let Some(s) = self.speech.as_mut() {
            for p in pending {
                match p {
                    Pending::Start(span) => s.span = s.span.cover(span),
                    Pending::Furniture(f) => {
                        s.span = s.span.cover(f.text.span());
                        self.blocks.push(Block::PageFurniture(f));
                    }
                }
            }
        } else {
            self.flush_agenda_number();
            for p in pending {
                self.add(match p {
                    Pending::Start(span) => NodeKind::ThematicBreak(ThematicBreak { span }),
                    Pending::Furniture(f) => NodeKind::PageFurniture(f),
                });
            }
        }
    }
}
