//! One document's rows, numbered from 0: one walk over the nodes for the
//! tree's tables, one over each list of the analysis layer.

use serde::Serialize;

use super::rows::*;
use super::{NextIds, Tables};
use crate::text::Text;
use crate::{Motion, NodeId, NodeKind, Parsed, Procedure};

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

/// Ids given out while walking the nodes of one document.
struct Walk {
    /// `speech_of[node]`: the speech id of that node, if it is a speech.
    speech_of: Vec<Option<u64>>,
    agenda_item: Option<u64>,
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
                    role: s.role,
                    prefix: opt_text(s.prefix.as_ref()),
                    speaker: text(&s.name),
                    party: opt_text(s.party.as_ref()),
                    function: opt_text(s.function.as_ref()),
                    paragraphs: speech.paragraphs.len(),
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
                motion_rows(&mut t, parsed, motion, at, None, walk.agenda_item);
            }
            _ => {}
        }
    }
    if let Some(analysis) = &parsed.analysis {
        analysis_rows(&mut t, analysis, &walk);
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
    t.next = NextIds {
        document: 1,
        agenda_item: count(t.agenda_items.len()),
        speech: count(t.speeches.len()),
        motion: count(t.motions.len()),
        clause: count(t.clauses.len()),
        advice: count(t.advice.len()),
        vote: count(t.votes.len()),
        reference: count(t.references.len()),
        event: count(t.events.len()),
        diagnostic: count(t.diagnostics.len()),
    };
    t
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
            .find(|v| v.motion == Some(motion.id))
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
        submitters: motion
            .submitters
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join("; "),
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

/// The name and the times of a procedure.
fn procedure(p: &Procedure) -> (&'static str, [Option<String>; 4]) {
    match p {
        Procedure::AgendaAnnouncement => ("agenda_announcement", Default::default()),
        Procedure::DeliberationOpened => ("deliberation_opened", Default::default()),
        Procedure::DeliberationClosed => ("deliberation_closed", Default::default()),
        Procedure::SittingOpened { at } => ("sitting_opened", [at.clone(), None, None, None]),
        Procedure::SittingSuspended { from, until } => (
            "sitting_suspended",
            [None, from.clone(), until.clone(), None],
        ),
        Procedure::SittingResumed { at } => ("sitting_resumed", [at.clone(), None, None, None]),
        Procedure::SittingClosed { at } => ("sitting_closed", [at.clone(), None, None, None]),
        Procedure::VotesAnnounced { when } => ("votes_announced", [None, None, None, when.clone()]),
        // The name is the event's text.
        Procedure::ChairTaken { .. } => ("chair_taken", Default::default()),
        Procedure::Note => ("note", Default::default()),
    }
}

fn analysis_rows(t: &mut Tables, analysis: &crate::Analysis<'_>, walk: &Walk) {
    let motion = |m: Option<crate::MotionId>| m.map(|m| count(m.index()));
    for r in &analysis.references {
        t.references.push(ReferenceRow {
            reference_id: count(r.id.index()),
            document_id: 0,
            reference: r.id.index(),
            kamerstuk: r.kamerstuk.clone(),
            dossier: r.number.as_ref().map(|n| n.dossier.clone()),
            number: r.number.as_ref().map(|n| n.number.clone()),
            motion_id: motion(r.motion),
            submitter: r.submitter.clone(),
            cum_suis: r.cum_suis,
            text: text(&r.text),
            start: r.text.span().start,
            end: r.text.span().end,
        });
    }
    for v in &analysis.votes {
        let vote_id = count(v.id.index());
        t.votes.push(VoteRow {
            vote_id,
            document_id: 0,
            vote: v.id.index(),
            result: v.result,
            votes_for: v.votes_for,
            votes_against: v.votes_against,
            motion_id: motion(v.motion),
            kamerstuk: v.kamerstuk.clone(),
            reference_id: v.reference.map(|r| count(r.index())),
            start: v.span.start,
            end: v.span.end,
        });
        let sides = [
            (Side::For, &v.parties_for),
            (Side::Against, &v.parties_against),
        ];
        for (side, parties) in sides {
            t.vote_parties
                .extend(parties.iter().map(|party| VotePartyRow {
                    vote_id,
                    document_id: 0,
                    party: party.clone(),
                    side,
                }));
        }
    }
    for a in &analysis.advice {
        t.advice.push(AdviceRow {
            advice_id: count(a.id.index()),
            document_id: 0,
            advice: a.id.index(),
            kind: a.kind,
            appreciation: a.appreciation,
            motion_id: motion(a.motion),
            kamerstuk: a.kamerstuk.clone(),
            link: a.link,
            speech_id: walk.speech(a.speech),
            start: a.span.start,
            end: a.span.end,
        });
    }
    for e in &analysis.events {
        let (kind, [at, from, until, when]) = procedure(&e.kind);
        t.events.push(EventRow {
            event_id: count(e.id.index()),
            document_id: 0,
            event: e.id.index(),
            kind,
            at,
            from,
            until,
            when,
            node: e.node.index(),
            speech_id: walk.speech(e.node),
            text: text(&e.text),
            start: e.text.span().start,
            end: e.text.span().end,
        });
    }
}
