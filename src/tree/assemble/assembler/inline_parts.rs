//! A paragraph that holds motions (`inline::split`): its parts in order,
//! and the page furniture inside it (a page break in the running text)
//! given to the part it lies in, or put between the parts it falls
//! between.

use super::{Assembler, Next};
use crate::tree::assemble::inline::Part;
use crate::tree::PageFurniture;

impl<'a> Assembler<'a> {
    /// The parts of a paragraph that holds motions, in order; `inside` is
    /// the page furniture inside the paragraph, in order (all of it is
    /// placed).
    pub(super) fn inline_parts(
        &mut self,
        parts: Vec<Part<'a>>,
        next: Next,
        inside: &mut Vec<PageFurniture<'a>>,
    ) {
        let mut furniture = std::mem::take(inside).into_iter().peekable();
        let n = parts.len();
        for (i, part) in parts.into_iter().enumerate() {
            let next = if i + 1 == n { next } else { Next::default() };
            let start = match &part {
                Part::Text(text) => text.span().start,
                Part::Motion(m) => m.start,
            };
            // Furniture between the part before and this one.
            while let Some(f) = furniture.next_if(|f| f.text.span().end <= start) {
                self.furniture(f);
            }
            match part {
                Part::Text(text) => {
                    let end = text.span().end;
                    self.plain_paragraph(text, next);
                    while let Some(f) = furniture.next_if(|f| f.text.span().start < end) {
                        self.furniture(f);
                    }
                }
                Part::Motion(mut m) => {
                    // A `Motie` heading right before the paragraph, with
                    // the furniture met since: the motion's; then the
                    // furniture inside it.
                    let (start, before) = self.take_motion_start();
                    if let Some(start) = start {
                        m.start = m.start.min(start);
                    }
                    m.furniture.extend(before);
                    let end = m.end;
                    m.furniture.extend(std::iter::from_fn(|| {
                        furniture.next_if(|f| f.text.span().start < end)
                    }));
                    self.motion = Some(m);
                    self.finish_motion();
                }
            }
        }
        for f in furniture {
            self.furniture(f);
        }
    }
}
