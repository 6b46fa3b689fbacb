//! Motions while they are read: the body and its typed clauses, and the
//! chair's information about them (submitters, number, seconding),
//! attached once the whole document is read.

use crate::error::{Diagnostic, DiagnosticKind};
use crate::grammar::{self, Clause};
use crate::text::Text;
use crate::tree::{
    Block, Consideration, Dictum, Motion, MotionId, MotionNumber, Node, NodeKind, PageFurniture,
    Paragraph, Span, Submitter,
};

/// A motion being read.
pub(super) struct MotionBuilder<'a> {
    pub start: usize,
    pub end: usize,
    pub body: Vec<Paragraph<'a>>,
    pub considerations: Vec<Consideration<'a>>,
    pub dicta: Vec<Dictum<'a>>,
    pub furniture: Vec<PageFurniture<'a>>,
    /// Read from running text (see [`Motion::inline`]).
    pub inline: bool,
    /// The pieces of the paragraph being added (reused).
    pieces: Vec<std::ops::Range<usize>>,
}

impl<'a> MotionBuilder<'a> {
    pub fn new(start: usize, end: usize, furniture: Vec<PageFurniture<'a>>) -> Self {
        MotionBuilder {
            start,
            end,
            body: Vec::new(),
            considerations: Vec::new(),
            dicta: Vec::new(),
            furniture,
            inline: false,
            pieces: Vec::new(),
        }
    }

    /// Adds a paragraph of the body; returns whether it closes the motion.
    /// A paragraph that holds several pieces of the formula (clauses run
    /// together, see [`grammar::motion_pieces`]) adds each piece as a
    /// paragraph of the body, as if it had been printed on its own line.
    pub fn paragraph(
        &mut self,
        input: &'a str,
        text: Text<'a>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        let span = text.span();
        self.end = self.end.max(span.end);
        let mut pieces = std::mem::take(&mut self.pieces);
        grammar::motion_pieces(&text, &mut pieces);
        let closing = if pieces.len() > 1 {
            let mut closing = false;
            for r in pieces.iter() {
                closing = self.piece(input, text.sub(input, r.clone()), diagnostics);
            }
            closing
        } else {
            self.piece(input, text, diagnostics)
        };
        self.pieces = pieces;
        closing
    }

    /// Adds one piece of the formula (a line of a motion printed line by
    /// line); returns whether it closes the motion.
    fn piece(&mut self, input: &'a str, text: Text<'a>, diagnostics: &mut Vec<Diagnostic>) -> bool {
        let closing = grammar::motion_closing(&text);
        let opening = self.body.is_empty() && grammar::opening_len(&text).is_some();
        let closing_line = grammar::closing_in(&text).is_some_and(|r| r.start == 0);
        if !(opening || closing_line) {
            self.clause(input, &text, diagnostics);
        }
        self.body.push(Paragraph::new(text));
        closing
    }

    fn clause(&mut self, input: &'a str, text: &Text<'a>, diagnostics: &mut Vec<Diagnostic>) {
        match grammar::clause(text) {
            Some(Clause::Heard) => {}
            Some(Clause::Consideration(kind, n)) => self.considerations.push(Consideration {
                kind,
                opening: text.sub(input, 0..n),
                text: text.clone(),
            }),
            Some(Clause::Dictum(kind, n)) => self.dicta.push(Dictum {
                kind,
                opening: text.sub(input, 0..n),
                text: text.clone(),
            }),
            None => {
                // A continuation of the clause before (a list in a dictum).
                let last_c = self.considerations.last().map(|c| c.text.span().start);
                let last_d = self.dicta.last().map(|d| d.text.span().start);
                match (last_c, last_d) {
                    (_, Some(d)) if last_c.is_none_or(|c| d > c) => {
                        if let Some(d) = self.dicta.last_mut() {
                            d.text = d.text.joined(text);
                        }
                    }
                    (Some(_), _) => {
                        if let Some(c) = self.considerations.last_mut() {
                            c.text = c.text.joined(text);
                        }
                    }
                    _ => {
                        let preview: String = text.chars().take(40).collect();
                        diagnostics.push(Diagnostic::new(
                            DiagnosticKind::UnknownMotionClause,
                            format!(
                                "motion clause \"{preview}\" opens with neither a known \
                                 consideration (`constaterende`, `overwegende` …) nor a known \
                                 dictum (`verzoekt`, `spreekt uit` …)"
                            ),
                            text.span(),
                        ));
                    }
                }
            }
        }
    }

    /// The motion, numbered `id`, with the page furniture met inside it;
    /// apart, the furniture met after its last line (an unterminated
    /// motion ends there: that furniture follows it as a sibling).
    pub fn finish(self, id: MotionId) -> (Motion<'a>, Vec<PageFurniture<'a>>) {
        let span = Span::new(self.start, self.end);
        let mut furniture = self.furniture;
        let inside = furniture.partition_point(|f| f.text.span().end <= span.end);
        let after = furniture.split_off(inside);
        let motion = Motion {
            id,
            kamerstuk: None,
            number: None,
            replaces: None,
            submitters: Vec::new(),
            cum_suis: false,
            seconded: false,
            inline: self.inline,
            considerations: self.considerations,
            dicta: self.dicta,
            body: self.body,
            furniture,
            span,
        };
        (motion, after)
    }
}

/// What the chair said of a motion, to be attached after assembly.
pub(super) enum Info<'a> {
    Submitters(Vec<Text<'a>>, bool),
    Seconded,
    Number(String, String, Option<String>),
}

/// The chair's information in the paragraph `text` about the motion
/// `motion` (the last one read): `(motion, info, span)` for each.
pub(super) fn infos_in<'a>(
    input: &'a str,
    text: &Text<'a>,
    motion: MotionId,
    out: &mut Vec<(MotionId, Info<'a>, Span)>,
) {
    let span = text.span();
    if let Some((names, cum_suis)) = grammar::submitters(text) {
        let names = names
            .into_iter()
            .map(|name| text.part(input, name))
            .collect();
        out.push((motion, Info::Submitters(names, cum_suis), span));
    }
    if grammar::seconded(text) {
        out.push((motion, Info::Seconded, span));
    }
    if let Some((number, dossier, replaces)) = grammar::motion_number(text) {
        out.push((motion, Info::Number(number, dossier, replaces), span));
    }
}

/// Attaches the chair's information to the motions, in document order.
pub(super) fn apply_infos<'a>(
    nodes: &mut [Node<'a>],
    infos: Vec<(MotionId, Info<'a>, Span)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if infos.is_empty() {
        return;
    }
    let mut motions: Vec<&mut Motion<'a>> = Vec::new();
    for node in nodes.iter_mut() {
        match &mut node.kind {
            NodeKind::Motion { motion } => motions.push(motion),
            NodeKind::Speech(s) => {
                for b in s.content.iter_mut() {
                    if let Block::Motion { motion } = b {
                        motions.push(motion);
                    }
                }
            }
            _ => {}
        }
    }
    for (id, info, span) in infos {
        let Some(m) = motions.get_mut(id.index()) else {
            continue;
        };
        match info {
            Info::Submitters(names, cum_suis) if m.submitters.is_empty() => {
                m.submitters = names.into_iter().map(|name| Submitter { name }).collect();
                m.cum_suis = cum_suis;
            }
            Info::Seconded => m.seconded = true,
            Info::Number(number, dossier, replaces) if m.number.is_none() => {
                let n = MotionNumber::new(dossier, number);
                m.kamerstuk = Some(n.kamerstuk());
                // The motion replaced is of the same dossier.
                m.replaces = replaces.map(|r| MotionNumber::new(n.dossier.clone(), r).kamerstuk());
                m.number = Some(n);
            }
            _ => diagnostics.push(Diagnostic::new(
                DiagnosticKind::OrphanMotionInfo,
                "a second submitter list or number for the same motion: the motion it belongs to \
                 may be missing"
                    .to_string(),
                span,
            )),
        }
    }
}
