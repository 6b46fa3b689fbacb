//! The rows of the analysis layer's lists: one walk over each.

use serde_json::Value;

use super::{count, text, Walk};
use crate::tables::rows::*;
use crate::tables::{NextIds, Tables};
use crate::{Analysis, MotionId, Procedure, ReferenceId};

/// The kind of a procedure and its times, as the JSON writes them (the
/// serde tag `kind` and the fields beside it): `at`, `from`, `until`,
/// `when`.
fn procedure(p: &Procedure) -> (String, [Option<String>; 4]) {
    let value = serde_json::to_value(p).unwrap_or_default();
    let field = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
    (
        field("kind").unwrap_or_default(),
        [field("at"), field("from"), field("until"), field("when")],
    )
}

pub(super) fn rows(t: &mut Tables, analysis: &Analysis<'_>, walk: &Walk, next: &mut NextIds) {
    let motion = |m: Option<MotionId>| m.map(|m| count(m.index()));
    for r in &analysis.references {
        t.references.push(ReferenceRow {
            reference_id: count(r.id.index()),
            document_id: 0,
            reference: r.id.index(),
            kamerstuk: r.kamerstuk().map(str::to_owned),
            dossier: r.dossier_and_number().map(|(d, _)| d.to_owned()),
            number: r.dossier_and_number().map(|(_, n)| n.to_owned()),
            motion_id: motion(r.motion()),
            submitter: r.submitter().map(str::to_owned),
            cum_suis: r.cum_suis,
            part_of: r.part_of().map(ReferenceId::index),
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
            votes_for: v.votes_for(),
            votes_against: v.votes_against(),
            participants: v.participants(),
            rest: v.rest,
            method: v.method,
            subject: v.subject,
            motion_id: motion(v.motion()),
            kamerstuk: v.kamerstuk().map(str::to_owned),
            reference_id: v.reference.map(|r| count(r.index())),
            start: v.span.start,
            end: v.span.end,
        });
        let sides = [
            (crate::VoteSide::For, v.parties_for()),
            (crate::VoteSide::Against, v.parties_against()),
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
    for a in &analysis.announced_motions {
        t.announced_motions.push(AnnouncedMotionRow {
            announcement_id: count(a.id.index()),
            document_id: 0,
            announcement: a.id.index(),
            kind: a.kind,
            speech_id: walk.speech(a.speech),
            text: text(&a.text),
            start: a.text.span().start,
            end: a.text.span().end,
        });
    }
    for c in &analysis.contributions {
        let row = |speech, part, interruption| ContributionRow {
            contribution_id: count(c.id.index()),
            document_id: 0,
            contribution: c.id.index(),
            speech_id: walk.speech(speech),
            part,
            interruption,
        };
        t.contributions
            .push(row(c.speech, ContributionPart::Speech, None));
        t.contributions.extend(
            c.continuations
                .iter()
                .map(|&s| row(s, ContributionPart::Continuation, None)),
        );
        for (i, thread) in c.interruptions.iter().enumerate() {
            t.contributions.extend(
                thread
                    .speeches
                    .iter()
                    .map(|&s| row(s, ContributionPart::Interruption, Some(i))),
            );
        }
    }
    for d in &analysis.dates {
        t.dates.push(DateRow {
            date_id: count(d.id.index()),
            document_id: 0,
            date: d.date.clone(),
            text: text(&d.text),
            start: d.text.span().start,
            end: d.text.span().end,
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
    next.reference = count(analysis.references.len());
    next.vote = count(analysis.votes.len());
    next.advice = count(analysis.advice.len());
    next.announcement = count(analysis.announced_motions.len());
    next.contribution = count(analysis.contributions.len());
    next.date = count(analysis.dates.len());
    next.event = count(analysis.events.len());
}
