//! One document's rows, numbered from 0: one walk over the nodes for the
//! tree's tables (here), one over each list of the analysis layer
//! ([`analysis`]).

mod analysis;

use serde::Serialize;

use super::rows::*;
use super::{NextIds, Tables};
use crate::text::Text;
use crate::{Attendance, KamerstukHead, Motion, NodeId, NodeKind, Parsed};

/// The variant name `serde` writes for a unit variant (`constaterende`).
fn variant_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn text(t: &Text<'_>) -> String {
    t.as_str().to_owned()
}

fn opt_text(t: Option<&Text<'_>>) -> Option<String> {
    t.map(text)
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

/// Texts as one column: separated by `; `.
fn joined<'t>(texts: impl IntoIterator<Item = &'t str>) -> String {
    texts.into_iter().collect::<Vec<_>>().join("; ")
}

/// Ids given out while walking the nodes of one document.
struct Walk {
    /// `speech_of[node]`: the speech id of that node, if it is a speech.
    speech_of: Vec<Option<u64>>,
    agenda_item: Option<u64>,
    /// The row of the motion document head whose motion is still to come.
    head: Option<usize>,
}

impl Walk {
    fn speech(&self, node: NodeId) -> Option<u64> {
        self.speech_of.get(node.index()).copied().flatten()
    }
}

pub(super) fn rows(file: &str, parsed: &Parsed<'_>) -> Tables {
    let document = &parsed.document;
    let mut t = Tables::default();
    let mut walk = Walk {
        speech_of: vec![None; document.nodes.len()],
        agenda_item: None,
        head: None,
    };
    for node in &document.nodes {
        let at = node.id.index();
        match &node.kind {
            NodeKind::AgendaItem(item) => {
                let id = count(t.agenda_items.len());
                walk.agenda_item = Some(id);
                t.agenda_items.push(AgendaItemRow {
                    agenda_item_id: id,
                    document_id: 0,
                    node: at,
                    number: opt_text(item.number.as_ref()),
                    title: text(&item.title),
                    start: item.span.start,
                    end: item.span.end,
                });
            }
            NodeKind::Attendance(list) => attendance_rows(&mut t, list, at),
            NodeKind::Officer(officer) => t.officers.push(OfficerRow {
                officer_id: count(t.officers.len()),
                document_id: 0,
                node: at,
                role: officer.role,
                committee: opt_text(officer.committee.as_ref()),
                name: text(&officer.name),
                start: officer.span.start,
                end: officer.span.end,
            }),
            NodeKind::Speech(speech) => {
                let id = count(t.speeches.len());
                if let Some(slot) = walk.speech_of.get_mut(at) {
                    *slot = Some(id);
                }
                let s = &speech.speaker;
                t.speeches.push(SpeechRow {
                    speech_id: id,
                    document_id: 0,
                    node: at,
                    agenda_item_id: walk.agenda_item,
                    role: s.role(),
                    prefix: s.prefix().map(str::to_owned),
                    speaker: s.name().to_owned(),
                    party: s.party().map(str::to_owned),
                    function: s.function().map(str::to_owned),
                    paragraphs: speech.paragraphs().count(),
                    motions: speech.motions().count(),
                    text: speech.text().join("\n\n"),
                    start: speech.span.start,
                    end: speech.span.end,
                });
                for motion in speech.motions() {
                    motion_rows(&mut t, parsed, motion, at, Some(id), walk.agenda_item);
                }
            }
            NodeKind::Motion { motion } => {
                if let Some(head) = walk.head.take().and_then(|i| t.motion_documents.get_mut(i)) {
                    head.motion_id = Some(count(motion.id.index()));
                }
                motion_rows(&mut t, parsed, motion, at, None, walk.agenda_item);
            }
            NodeKind::Kamerstuk(head) => {
                walk.head = Some(t.motion_documents.len());
                t.motion_documents.push(motion_document_row(head, at));
            }
            _ => {}
        }
    }
    let mut next = NextIds {
        document: 1,
        agenda_item: count(t.agenda_items.len()),
        attendance: count(t.attendance.len()),
        attendee: count(t.attendees.len()),
        officer: count(t.officers.len()),
        speech: count(t.speeches.len()),
        motion: count(t.motions.len()),
        clause: count(t.clauses.len()),
        ..NextIds::default()
    };
    if let Some(a) = &parsed.analysis {
        analysis::rows(&mut t, a, &walk, &mut next);
    }
    for (i, d) in parsed.diagnostics.iter().enumerate() {
        t.diagnostics.push(DiagnosticRow {
            diagnostic_id: count(i),
            document_id: 0,
            kind: d.kind,
            loses_structure: d.kind.loses_structure(),
            line: d.line,
            column: d.column,
            start: d.span.start,
            end: d.span.end,
            message: d.message.clone(),
        });
    }
    next.diagnostic = count(t.diagnostics.len());
    t.documents.push(DocumentRow {
        document_id: 0,
        file: file.to_owned(),
        layout: document.layout,
        kind: document.kind,
        is_transcript: document.is_transcript,
        bytes: document.span.end,
        date: parsed
            .analysis
            .as_ref()
            .and_then(|a| a.dates.first())
            .map(|d| d.date.clone()),
        title: document.agenda_item().map(|a| text(&a.title)),
        nodes: document.nodes.len(),
        speeches: t.speeches.len(),
        motions: t.motions.len(),
        diagnostics: parsed.diagnostics.len(),
    });
    t.next = next;
    t
}

/// The list's row and one row per person it names.
fn attendance_rows(t: &mut Tables, list: &Attendance<'_>, node: usize) {
    let attendance_id = count(t.attendance.len());
    t.attendance.push(AttendanceRow {
        attendance_id,
        document_id: 0,
        node,
        count: list.count,
        members: list.members.len(),
        others: list.others.len(),
        start: list.span.start,
        end: list.span.end,
    });
    let members = list.members.iter().map(|m| (AttendeeKind::Member, m, None));
    let others = list
        .others
        .iter()
        .map(|o| (AttendeeKind::Other, &o.name, o.function.as_ref()));
    for (position, (kind, name, function)) in members.chain(others).enumerate() {
        t.attendees.push(AttendeeRow {
            attendee_id: count(t.attendees.len()),
            attendance_id,
            document_id: 0,
            position,
            kind,
            name: text(name),
            function: opt_text(function),
            start: name.span().start,
            end: name.span().end,
        });
    }
}

/// The head's row; its motion is filled in when the walk reaches it.
fn motion_document_row(head: &KamerstukHead<'_>, node: usize) -> MotionDocumentRow {
    MotionDocumentRow {
        document_id: 0,
        node,
        motion_id: None,
        kamerstuk: head.kamerstuk.clone(),
        dossier: text(&head.dossier),
        title: opt_text(head.title.as_ref()),
        number: text(&head.number),
        header: text(&head.header),
        amended: head.amended,
        names: joined(head.names.iter().map(|n| n.as_str())),
        cum_suis: head.cum_suis,
        replaces: head.replaces.clone(),
        proposed: head.proposed.clone(),
        start: head.span.start,
        end: head.span.end,
    }
}

fn motion_rows(
    t: &mut Tables,
    parsed: &Parsed<'_>,
    motion: &Motion<'_>,
    node: usize,
    speech_id: Option<u64>,
    agenda_item_id: Option<u64>,
) {
    let motion_id = count(motion.id.index());
    let analysis = parsed.analysis.as_ref();
    let final_advice = analysis
        .and_then(|a| a.final_advice_on(motion.id))
        .map(|a| a.kind);
    let vote_result = analysis.and_then(|a| {
        a.votes
            .iter()
            .rev()
            .find(|v| v.motion() == Some(motion.id))
            .map(|v| v.result)
    });
    t.motions.push(MotionRow {
        motion_id,
        document_id: 0,
        motion: motion.id.index(),
        node,
        speech_id,
        agenda_item_id,
        kamerstuk: motion.kamerstuk.clone(),
        dossier: motion.number.as_ref().map(|n| n.dossier.clone()),
        number: motion.number.as_ref().map(|n| n.number.clone()),
        replaces: motion.replaces.clone(),
        submitters: joined(motion.submitters.iter().map(|s| s.name.as_str())),
        cum_suis: motion.cum_suis,
        seconded: motion.seconded,
        inline: motion.inline,
        considerations: motion.considerations.len(),
        dicta: motion.dicta.len(),
        final_advice,
        vote_result,
        text: motion
            .body
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        start: motion.span.start,
        end: motion.span.end,
    });
    let considerations = motion.considerations.iter().map(|c| {
        (
            ClauseType::Consideration,
            variant_name(&c.kind),
            &c.opening,
            &c.text,
        )
    });
    let dicta = motion.dicta.iter().map(|d| {
        (
            ClauseType::Dictum,
            variant_name(&d.kind),
            &d.opening,
            &d.text,
        )
    });
    for (position, (clause, kind, opening, body)) in considerations.chain(dicta).enumerate() {
        t.clauses.push(ClauseRow {
            clause_id: count(t.clauses.len()),
            motion_id,
            document_id: 0,
            position,
            clause,
            kind,
            opening: text(opening),
            text: text(body),
            start: body.span().start,
            end: body.span().end,
        });
    }
}
