//! What the analysis layer reads: the units of text of the document, and
//! the motions of the document with lookups by number and submitter.

use crate::text::Text;
use crate::tree::{Block, Document, Motion, MotionId, Node, NodeId, NodeKind, Role, Submitter};

use super::refs;
use crate::MotionLink;

/// Where a unit of text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    /// A paragraph of the speech that is node `node`.
    Speech { node: NodeId, role: Role },
    /// A paragraph of a motion's body: quoted text, read for references only.
    MotionBody,
    /// Prose outside speeches: paragraphs, headings, agenda titles,
    /// procedural lines, unplaced text.
    Prose,
}

/// A paragraph-like piece of the document: its normalised text (with its
/// span and source map).
#[derive(Debug)]
pub(super) struct Unit<'d, 'a> {
    pub text: &'d Text<'a>,
    pub owner: Owner,
    /// How many agenda items came before: motions are looked up by order
    /// and submitter within one agenda item.
    pub section: usize,
}

/// The units of `node` in document order, into `out` (cleared first):
/// front matter, suspensions, page furniture and rules have none.
/// `section` is the agenda item the node is in (an agenda item's title is
/// in its own).
pub(super) fn units_of<'d, 'a>(node: &'d Node<'a>, section: usize, out: &mut Vec<Unit<'d, 'a>>) {
    out.clear();
    let prose = |text: &'d Text<'a>| Unit {
        text,
        owner: Owner::Prose,
        section,
    };
    let motion_body = |out: &mut Vec<Unit<'d, 'a>>, m: &'d Motion<'a>| {
        out.extend(m.body.iter().map(|p| Unit {
            text: &p.text,
            owner: Owner::MotionBody,
            section,
        }));
    };
    match &node.kind {
        NodeKind::AgendaItem(a) => out.push(prose(&a.title)),
        NodeKind::Heading(h) => out.push(prose(&h.text)),
        NodeKind::Procedural(p)
            if !matches!(p.kind, crate::tree::Procedure::SittingSuspended { .. }) =>
        {
            out.push(prose(&p.text))
        }
        NodeKind::Paragraph(p) | NodeKind::Text(p) => out.push(prose(&p.text)),
        NodeKind::Motion { motion } => motion_body(out, motion),
        NodeKind::Speech(s) => {
            let owner = Owner::Speech {
                node: node.id,
                role: s.speaker.role(),
            };
            for block in &s.content {
                match block {
                    Block::Paragraph(p) => out.push(Unit {
                        text: &p.text,
                        owner,
                        section,
                    }),
                    Block::Motion { motion } => motion_body(out, motion),
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// One motion of the document.
#[derive(Debug)]
pub(super) struct MotionEntry<'d> {
    /// Its Kamerstuk id, when numbered.
    pub id: Option<&'d str>,
    pub dossier: Option<&'d str>,
    submitters: &'d [Submitter<'d>],
    start: usize,
    section: usize,
}

/// Submitter (lowercased) → motions, in order.
type BySubmitter = std::collections::HashMap<String, Vec<usize>>;

/// The motions of the document, with lookups by number and submitter that
/// cost no more than a binary search or a hash (a document may hold
/// thousands). Built the first time a lookup needs it: most paragraphs
/// need none.
#[derive(Debug)]
pub(super) struct MotionIndex<'d> {
    document: &'d Document<'d>,
    built: std::cell::OnceCell<Motions<'d>>,
}

/// The motions, as [`MotionIndex`] builds them.
#[derive(Debug, Default)]
struct Motions<'d> {
    all: Vec<MotionEntry<'d>>,
    /// `0..all.len()`: every motion, in order.
    order: Vec<usize>,
    /// `(number, index)`, sorted: motion number (`1009`) → motions.
    by_number: Vec<(&'d str, usize)>,
    /// `(kamerstuk, motion)`, sorted.
    by_kamerstuk: Vec<(&'d str, MotionId)>,
    /// Any submitter, and the first submitter → motions; built the first
    /// time advice names a motion by its submitter.
    by_submitter: std::cell::OnceCell<(BySubmitter, BySubmitter)>,
}

impl<'d> MotionIndex<'d> {
    pub fn new(document: &'d Document<'d>) -> Self {
        MotionIndex {
            document,
            built: std::cell::OnceCell::new(),
        }
    }

    /// The motions, built on first use.
    fn get(&self) -> &Motions<'d> {
        self.built.get_or_init(|| {
            let mut index = Motions::default();
            let mut section = 0;
            let add = |m: &'d Motion<'d>, section: usize, index: &mut Motions<'d>| {
                let i = index.all.len();
                index.order.push(i);
                index.all.push(MotionEntry {
                    id: m.kamerstuk.as_deref(),
                    dossier: m.number.as_ref().map(|n| n.dossier.as_str()),
                    submitters: &m.submitters,
                    start: m.span.start,
                    section,
                });
                if let Some(n) = &m.number {
                    index.by_number.push((n.number.as_str(), i));
                }
                if let Some(k) = &m.kamerstuk {
                    index.by_kamerstuk.push((k.as_str(), m.id));
                }
            };
            for node in &self.document.nodes {
                match &node.kind {
                    NodeKind::AgendaItem(_) => section += 1,
                    NodeKind::Motion { motion } => add(motion, section, &mut index),
                    NodeKind::Speech(s) => {
                        for m in s.motions() {
                            add(m, section, &mut index);
                        }
                    }
                    _ => {}
                }
            }
            index.by_number.sort_unstable();
            index.by_kamerstuk.sort_unstable();
            index
        })
    }

    /// The motion at `i` of the document's motions.
    pub fn motion(&self, i: usize) -> Option<&MotionEntry<'d>> {
        self.get().all.get(i)
    }

    /// Every motion, in order.
    pub fn order(&self) -> &[usize] {
        &self.get().order
    }

    /// The motions numbered `number`.
    pub fn numbered(&self, number: &str) -> impl Iterator<Item = &MotionEntry<'d>> {
        let motions = self.get();
        let list = &motions.by_number;
        let lo = list.partition_point(|(n, _)| *n < number);
        let hi = list.partition_point(|(n, _)| *n <= number);
        list.get(lo..hi.max(lo))
            .unwrap_or_default()
            .iter()
            .filter_map(|&(_, i)| motions.all.get(i))
    }

    /// The motions submitted by anyone named `key` ([`name_key`]), and
    /// those with `key` as their first submitter.
    pub fn by_submitter(&self, key: &str) -> (&[usize], &[usize]) {
        let motions = self.get();
        let (any, first) = motions.by_submitter.get_or_init(|| {
            let (mut any, mut first) = (BySubmitter::new(), BySubmitter::new());
            for (i, m) in motions.all.iter().enumerate() {
                for (k, s) in m.submitters.iter().enumerate() {
                    let key = name_key(&s.name);
                    if k == 0 {
                        first.entry(key.clone()).or_default().push(i);
                    }
                    let list = any.entry(key).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
            (any, first)
        });
        (
            any.get(key).map_or(&[][..], Vec::as_slice),
            first.get(key).map_or(&[][..], Vec::as_slice),
        )
    }

    /// The Kamerstuk id of the number `n` that the reference `r` prints,
    /// when its dossier is known, and how: printed with it
    /// ([`MotionLink::DossierAndNumber`]), or that of the one motion of the
    /// document with the number ([`MotionLink::Number`]). The one place a
    /// reference's number becomes an id: the records and the votes read it
    /// for their references, advice for the motions it names.
    pub fn kamerstuk_of(&self, r: &refs::RawRef<'_>, n: &str) -> Option<(Box<str>, MotionLink)> {
        match r.dossier() {
            Some(d) => Some((super::kamerstuk_id(&d, n), MotionLink::DossierAndNumber)),
            None => {
                let d = self.unique_dossier(n)?;
                Some((super::kamerstuk_id(d, n), MotionLink::Number))
            }
        }
    }

    /// The dossier of the motions numbered `number`, when they all share one.
    pub fn unique_dossier(&self, number: &str) -> Option<&'d str> {
        let mut dossiers = self.numbered(number).filter_map(|m| m.dossier);
        let first = dossiers.next()?;
        dossiers.all(|d| d == first).then_some(first)
    }

    /// The motions of `list` (indexes in document order) in agenda item
    /// `section` that start before byte `before`.
    pub fn in_section<'l>(&self, list: &'l [usize], section: usize, before: usize) -> &'l [usize] {
        let key = |i: &usize| {
            self.motion(*i)
                .map_or((usize::MAX, usize::MAX), |m| (m.section, m.start))
        };
        let lo = list.partition_point(|i| key(i).0 < section);
        let hi = list.partition_point(|i| key(i) < (section, before));
        list.get(lo..hi.max(lo)).unwrap_or_default()
    }
}

/// A name as a lookup key: lowercased, single spaces (`Van Raan` and `van
/// Raan` are one person).
pub(super) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl MotionIndex<'_> {
    /// The one motion of the document with Kamerstuk id `kamerstuk`.
    pub fn by_kamerstuk(&self, kamerstuk: &str) -> Option<MotionId> {
        let list = &self.get().by_kamerstuk;
        let lo = list.partition_point(|(k, _)| *k < kamerstuk);
        match list.get(lo..).unwrap_or_default() {
            [(k, m), rest @ ..] if *k == kamerstuk => match rest.first() {
                Some((next, _)) if *next == kamerstuk => None,
                _ => Some(*m),
            },
            _ => None,
        }
    }
}
