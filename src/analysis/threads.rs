//! Interruptions as threads: speeches grouped into contributions, the way
//! the Tweede Kamer's VLOS XML nests `interrumpant` under `woordvoerder`.
//!
//! One pass over the nodes, constant work per speech and per paragraph of
//! the chair:
//! - a contribution opens with the first speech after the chair gives the
//!   floor (`Het woord is aan de minister.`, `De volgende spreker is
//!   mevrouw Van Ginneken.`, `…, voor haar inbreng namens …`), after a
//!   suspension, agenda item, heading or procedural line, or when none is
//!   open;
//! - the opening speaker's later speeches are its continuations;
//! - anyone else's speech is an interruption: a new thread when the chair
//!   announced one (`Er is een interruptie van mevrouw Michon-Derkzen.`,
//!   `Meneer Van Houwelingen heeft nog één interruptie.`) or when another
//!   member interrupted last; otherwise it continues the last thread (the
//!   same member asking again after the answer);
//! - the chair's speeches belong to no contribution.
//!
//! Whatever the chair said last before a speech decides: giving the floor
//! or announcing an interruption. It is read only when someone other than
//! the speaker holding the floor speaks next (the speaker's own answer
//! continues the contribution whatever the chair said), backwards from the
//! chair's last paragraph. What each paragraph says is the grammar's, kept
//! in the tree as the paragraph's [`Cue`](crate::tree::Cue)
//! (`grammar::cues` is the one place that recognises the phrases); this
//! module reads no text.

use super::{Contribution, InterruptionThread};
use crate::tree::{
    ContributionId, CueKind, Document, NodeKind, Paragraph, Procedure, Role, Speech,
};

/// What the chair said last before a speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    None,
    /// The chair gives the floor: a new contribution.
    Floor,
    /// The chair announces an interruption: a new thread.
    Interruption,
}

/// The signal of one paragraph of the chair: its cue, when that gives the
/// floor or invites an interruption.
fn signal_of(p: &Paragraph<'_>) -> Signal {
    match p.cue.map(|c| c.kind) {
        Some(CueKind::Floor) => Signal::Floor,
        Some(CueKind::Interruption) => Signal::Interruption,
        _ => Signal::None,
    }
}

/// An open contribution: its index, the main speaker, the last thread's
/// speaker.
struct Open<'d> {
    index: usize,
    speaker: &'d str,
    government: bool,
    thread_speaker: Option<&'d str>,
}

/// What the chair said last in the chair's speeches `chair` (the speeches
/// since the last speech of anyone else), read backwards: the last signal
/// given. Only read when it matters (another speaker than the one holding
/// the floor speaks next).
///
/// Where the chair said nothing of the kind, a bare call of a name as the
/// chair's last sentence (`De heer Eerdmans.`) gives the floor when the
/// chair thanked the speaker before (`Dank u wel. De heer Koops.`) or the
/// speech before, `previous`, closed (see [`closes`]); otherwise
/// it is taken for an interruption, as the chair calls interrupters by
/// name too.
fn last_signal(chair: &[&Speech<'_>], previous: Option<&Speech<'_>>) -> Signal {
    for speech in chair.iter().rev() {
        for p in speech.paragraphs().rev() {
            match signal_of(p) {
                Signal::None => {}
                s => return s,
            }
        }
    }
    let last = chair.last().and_then(|s| s.paragraphs().next_back());
    match last.and_then(|p| p.cue).map(|c| c.kind) {
        Some(CueKind::CallAfterThanks) => Signal::Floor,
        Some(CueKind::Call) if previous.is_some_and(closes) => Signal::Floor,
        _ => Signal::None,
    }
}

/// Whether a speech ends its speaker's turn: its last paragraph thanks or
/// closes (`Dank u wel.`, `Tot zover.`: see [`CueKind::Thanks`],
/// [`CueKind::Closing`]), or it ends with a motion read.
fn closes(speech: &Speech<'_>) -> bool {
    let Some(last) = speech.paragraphs().next_back() else {
        return speech.motions().next().is_some();
    };
    matches!(
        last.cue.map(|c| c.kind),
        Some(CueKind::Thanks | CueKind::Closing)
    )
}

/// The contributions of the document's speeches.
pub(super) fn contributions(document: &Document) -> Vec<Contribution> {
    let mut out: Vec<Contribution> = Vec::new();
    let mut open: Option<Open<'_>> = None;
    // The chair's speeches since the last speech of anyone else.
    let mut chair: Vec<&Speech<'_>> = Vec::new();
    // The last speech of anyone else.
    let mut previous: Option<&Speech<'_>> = None;
    for node in &document.nodes {
        let speech = match &node.kind {
            NodeKind::Speech(s) => s,
            NodeKind::AgendaItem(_) | NodeKind::Heading(_) => {
                open = None;
                continue;
            }
            NodeKind::Procedural(p) if p.kind != Procedure::Note => {
                open = None;
                continue;
            }
            _ => continue,
        };
        let index = node.id;
        if speech.speaker.role() == Role::Chair {
            chair.push(speech);
            continue;
        }
        let key = speech.speaker.name();
        // The chair's words matter only when someone else than the speaker
        // holding the floor speaks.
        // One member of the government after another answers in turn (`Daarmee
        // geef ik graag het woord aan mijn collega.`): a contribution each.
        let government = speech.speaker.role().is_government();
        let signal = match &open {
            Some(o) if o.speaker.eq_ignore_ascii_case(key) => Signal::None,
            // (Also when answering an interruption of the other: the answer
            // is the government member's own contribution, as VLOS has it.)
            Some(o) if o.government && government => Signal::Floor,
            Some(_) => last_signal(&chair, previous),
            None => Signal::None,
        };
        chair.clear();
        previous = Some(speech);
        match open.as_mut().filter(|_| signal != Signal::Floor) {
            None => {
                out.push(Contribution {
                    id: ContributionId::new(out.len()),
                    speech: index,
                    continuations: Vec::new(),
                    interruptions: Vec::new(),
                });
                open = Some(Open {
                    index: out.len() - 1,
                    speaker: key,
                    government,
                    thread_speaker: None,
                });
            }
            Some(o) => {
                let Some(c) = out.get_mut(o.index) else {
                    continue;
                };
                if o.speaker.eq_ignore_ascii_case(key) {
                    c.continuations.push(index);
                } else {
                    let same_thread = signal != Signal::Interruption
                        && o.thread_speaker
                            .is_some_and(|t| t.eq_ignore_ascii_case(key));
                    match c.interruptions.last_mut() {
                        Some(t) if same_thread => t.speeches.push(index),
                        _ => c.interruptions.push(InterruptionThread {
                            speeches: vec![index],
                        }),
                    }
                    o.thread_speaker = Some(key);
                }
            }
        }
    }
    out
}
