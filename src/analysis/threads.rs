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
//! chair's last paragraph, so most of the chair's paragraphs are never
//! read. `Het woord is aan haar.` after `Ik zie mevrouw Dijksma met
//! wellicht een vraag.` gives no floor (a pronoun names no new speaker).

use super::{Contribution, InterruptionThread};
use crate::tree::{ContributionId, Document, NodeKind, Procedure, Role, Speech};

/// What the chair said last before a speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    None,
    /// The chair gives the floor: a new contribution.
    Floor,
    /// The chair announces an interruption: a new thread.
    Interruption,
}

/// Whether byte `i` of `b` ends a word.
fn word_end(b: &[u8], i: usize) -> bool {
    b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// What the phrase around the signal word at byte `i` of `text` says, if
/// it is one of:
/// - floor: `het woord (is |geven |te geven )aan` + `de heer`, `de
///   minister`, `de staatssecretaris`, `de minister-president`, `de
///   indiener`, `de rapporteur`, `mevrouw`, `meneer` or a capitalised name
///   (`Het woord is aan de minister`, `Ik geef het woord aan mevrouw
///   Ellemeet`; not `het woord is aan haar`); `eerste`, `volgende` or
///   `laatste spreker`; `voor haar inbreng`, `voor zijn inbreng`;
///   `luisteren naar` + `de heer`, `de minister` … (`We gaan nu luisteren
///   naar de minister`);
/// - interruption: `interruptie` (not `interrupties`), `vervolgvraag`, `met
///   een vraag`, `met wellicht een vraag`, `met nog een vraag`, `een vraag
///   van`.
fn phrase_at(text: &str, i: usize) -> Signal {
    const OFFICES: &[&str] = &[
        "de heer",
        "de minister",
        "de staatssecretaris",
        "staatssecretaris ",
        "minister ",
        "de indiener",
        "de rapporteur",
        "mevrouw",
        "meneer",
    ];
    let b = text.as_bytes();
    let (Some(before), Some(rest)) = (text.get(..i), text.get(i..)) else {
        return Signal::None;
    };
    let lower_before = |w: &str| {
        before.len() >= w.len()
            && before
                .get(before.len() - w.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
    };
    let office_or_name = |s: &str| {
        OFFICES.iter().any(|o| s.starts_with(o)) || s.chars().next().is_some_and(char::is_uppercase)
    };
    if let Some(r) = rest.strip_prefix("woord") {
        if !lower_before("het ") {
            return Signal::None;
        }
        let r = r.strip_prefix(' ').unwrap_or(r);
        let r = ["is ", "geven ", "te geven "]
            .iter()
            .find_map(|p| r.strip_prefix(p))
            .unwrap_or(r);
        if let Some(who) = r.strip_prefix("aan ") {
            return if office_or_name(who) {
                Signal::Floor
            } else {
                Signal::None
            };
        }
        // `Ik geef de minister het woord`, `… geef ik mevrouw Paulusma het
        // woord` (not `geef ik haar het woord`).
        let head = before.get(..before.len().saturating_sub(4)).unwrap_or("");
        let from = head.len().saturating_sub(80);
        let window = head.get(from..).unwrap_or("");
        let who = window.rfind("geef ").and_then(|g| window.get(g + 5..));
        let who = who.map(|w| w.strip_prefix("ik ").unwrap_or(w));
        return match who {
            Some(w) if office_or_name(w) => Signal::Floor,
            _ => Signal::None,
        };
    }
    // `Hij spreekt namens de VVD.`, `Dat is de heer Bevers, namens de
    // VVD.`, `… de heer Vijlbrief van de fractie van D66.`: the chair
    // introduces the next speaker (unless the sentence announces an
    // interruption or a question).
    let introduces = rest.starts_with("namens ") || rest.starts_with("fractie van ");
    if introduces {
        let sentence_start = before
            .rfind(['.', '?', '!'])
            .map_or(0, |k| k + 1)
            .max(before.len().saturating_sub(200));
        let sentence = before.get(sentence_start..).unwrap_or("");
        return if sentence.contains("interrupt") || sentence.contains("vraag") {
            Signal::None
        } else {
            Signal::Floor
        };
    }
    // A round begins: `Dan kom ik nu bij de tweede termijn van de heer
    // Vijlbrief.`, `Dan de heer Pool voor de tweede termijn.`, `We beginnen
    // met de eerste termijn` (not `Dan hebben we de eerste termijn
    // afgerond.`).
    if rest.starts_with("termijn") {
        let begins = [
            "bij de eerste ",
            "bij de tweede ",
            "voor de eerste ",
            "voor de tweede ",
            "aan de eerste ",
            "aan de tweede ",
            "met de eerste ",
            "met de tweede ",
            "in eerste ",
            "in tweede ",
        ]
        .iter()
        .any(|p| lower_before(p));
        return if begins { Signal::Floor } else { Signal::None };
    }
    // `Uiteraard mag u interrumperen.`
    if rest.starts_with("interrump") {
        return Signal::Interruption;
    }
    if rest.starts_with("spreker") && word_end(b, i + 7) {
        let floor = ["eerste ", "volgende ", "laatste "]
            .iter()
            .any(|w| lower_before(w));
        return if floor { Signal::Floor } else { Signal::None };
    }
    if rest.starts_with("inbreng") && word_end(b, i + 7) {
        let floor = lower_before("voor haar ") || lower_before("voor zijn ");
        return if floor { Signal::Floor } else { Signal::None };
    }
    if let Some(who) = rest.strip_prefix("luisteren naar ") {
        return if OFFICES.iter().any(|o| who.starts_with(o)) {
            Signal::Floor
        } else {
            Signal::None
        };
    }
    // `Dan ga ik naar de heer Pool.`, `Dan gaan we naar de minister.`
    if let Some(who) = rest.strip_prefix("naar ") {
        let going = lower_before("ga ik ") || lower_before("gaan we ");
        return if going && office_or_name(who) {
            Signal::Floor
        } else {
            Signal::None
        };
    }
    if rest.starts_with("interruptie") && word_end(b, i + 11) {
        return Signal::Interruption;
    }
    if rest.starts_with("vraag") && word_end(b, i + 5) {
        let asked = lower_before("vervolg")
            || rest.starts_with("vraag van ") && lower_before("een ")
            || ["met een ", "met wellicht een ", "met nog een "]
                .iter()
                .any(|w| lower_before(w));
        return if asked {
            Signal::Interruption
        } else {
            Signal::None
        };
    }
    Signal::None
}

/// The signal of one paragraph of the chair: that of the last phrase that
/// gives one (read backwards, so it usually stops at the end). A plain scan for the words the phrases turn on (`woord`,
/// `spreker`, `inbreng`, `luisteren`, `interruptie`, `vraag`, `vervolgvraag`):
/// the chair's paragraphs are short, and a regex costs more per call than
/// this per byte.
fn signal_of(text: &str, announced: bool) -> Signal {
    if announced {
        return Signal::Interruption;
    }
    let b = text.as_bytes();
    // Backwards: the last phrase found is the signal. The first letter is
    // tested alone first (most bytes are none of the five), then the
    // next two; an ASCII letter always starts a character.
    let next_two = |i: usize| (b.get(i + 1).copied(), b.get(i + 2).copied());
    b.iter()
        .enumerate()
        .rev()
        .filter(|&(i, &c)| match c {
            b'w' => next_two(i) == (Some(b'o'), Some(b'o')),
            b's' => next_two(i) == (Some(b'p'), Some(b'r')),
            b'i' => matches!(next_two(i), (Some(b'n'), Some(b'b' | b't'))),
            b'l' => next_two(i) == (Some(b'u'), Some(b'i')),
            b'v' => next_two(i) == (Some(b'r'), Some(b'a')),
            b'n' => matches!(next_two(i), (Some(b'a'), Some(b'm' | b'a'))),
            b'f' => next_two(i) == (Some(b'r'), Some(b'a')),
            b't' => next_two(i) == (Some(b'e'), Some(b'r')),
            _ => false,
        })
        .map(|(i, _)| i)
        .map(|i| phrase_at(text, i))
        .find(|s| *s != Signal::None)
        .unwrap_or(Signal::None)
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
/// the floor speaks next), so most chair paragraphs are never read.
///
/// Where the chair said nothing of the kind, a bare call of a name as the
/// chair's last sentence (`De heer Eerdmans.`) gives the floor when the
/// chair thanked the speaker before (`Dank u wel. De heer Koops.`) or the
/// speech before, `previous`, closed (see [`closes`]); otherwise
/// it is taken for an interruption, as the chair calls interrupters by
/// name too.
fn last_signal(chair: &[&Speech<'_>], previous: Option<&Speech<'_>>) -> Signal {
    for speech in chair.iter().rev() {
        for p in speech.paragraphs.iter().rev() {
            match signal_of(&p.text, p.interruption.is_some()) {
                Signal::None => {}
                s => return s,
            }
        }
    }
    let last = chair
        .last()
        .and_then(|s| s.paragraphs.last())
        .map_or("", |p| p.text.as_str());
    match bare_call(last) {
        Some(before) if thanks(before) || previous.is_some_and(closes) => Signal::Floor,
        _ => Signal::None,
    }
}

/// `text` ending with a bare call of a name (`De heer Koops.`, `Mevrouw
/// Van Eijk.`, `De heer Thiadens van de PVV.`): the text before the call.
fn bare_call(text: &str) -> Option<&str> {
    let body = text.strip_suffix('.')?;
    let start = body.rfind(['.', '?', '!']).map_or(0, |k| k + 1);
    let call = body.get(start..)?.trim_start();
    let name = [
        "De heer ",
        "Mevrouw ",
        "Meneer ",
        "Minister ",
        "Staatssecretaris ",
    ]
    .iter()
    .find_map(|p| call.strip_prefix(p))?;
    let bare = call.len() <= 60
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.contains([',', ':', ';']);
    bare.then(|| body.get(..start).unwrap_or(""))
}

/// Whether the chair thanks the speaker at the end of `text` (`Dank u
/// wel.`, `Dank u zeer.`, `Dank je wel.`).
fn thanks(text: &str) -> bool {
    let t = text.trim_end();
    let start = t
        .strip_suffix(['.', '!'])
        .unwrap_or(t)
        .rfind(['.', '?', '!']);
    let sentence = t
        .get(start.map_or(0, |k| k + 1)..)
        .unwrap_or("")
        .trim_start();
    // `Dank u wel.`, `En dank u wel.`, `Nogmaals dank.`
    let head = sentence.as_bytes();
    let head = head.get(..head.len().min(14)).unwrap_or(head);
    sentence.len() <= 40 && head.windows(4).any(|w| w.eq_ignore_ascii_case(b"dank"))
}

/// Whether a speech ends its speaker's turn in words: `Dank u wel.`,
/// `Dank, voorzitter.`, `Tot zover.`, a motion's `en gaat over tot de
/// orde van de dag.`
fn closes(speech: &Speech<'_>) -> bool {
    let Some(last) = speech.paragraphs.last() else {
        // A speech that ends with a motion read.
        return speech.motions().next().is_some();
    };
    let t = last.text.trim_end();
    t.ends_with("orde van de dag.")
        || thanks(t)
        || t.get(t.len().saturating_sub(80)..)
            .is_some_and(|end| end.contains("Tot zover"))
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
        if speech.speaker.role == Role::Chair {
            chair.push(speech);
            continue;
        }
        let key = speech.speaker.name.as_str();
        // The chair's words matter only when someone else than the speaker
        // holding the floor speaks.
        // One member of the government after another answers in turn (`Daarmee
        // geef ik graag het woord aan mijn collega.`): a contribution each.
        let government = speech.speaker.role.is_government();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals() {
        assert_eq!(
            signal_of("Het woord is aan de minister.", false),
            Signal::Floor
        );
        assert_eq!(
            signal_of(
                "Ja. Heel goed. Tot zover. De volgende spreker is mevrouw Van Ginneken.",
                false
            ),
            Signal::Floor
        );
        assert_eq!(
            signal_of("Meneer Van Houwelingen heeft nog één interruptie.", false),
            Signal::Interruption
        );
        assert_eq!(
            signal_of(
                "Ik zie mevrouw Dijksma met wellicht een vraag. Het woord is aan haar.",
                false
            ),
            Signal::Interruption
        );
        assert_eq!(
            signal_of(
                "De interrupties gaan in tweeën. We gaan nu luisteren naar de minister.",
                false
            ),
            Signal::Floor
        );
        assert_eq!(signal_of("Helder.", false), Signal::None);
        for floor in [
            "Dat is de heer Vijlbrief van de fractie van D66.",
            "Dank u wel. Hij spreekt namens de VVD.",
            "Ik geef de minister het woord voor de beantwoording.",
            "Dan ga ik naar de heer Pool namens de PVV.",
            "Dan gaan we naar de minister.",
            "Dan kom ik nu bij de tweede termijn van de heer Vijlbrief.",
            "Dan kom ik bij de staatssecretaris voor de beantwoording in tweede termijn.",
        ] {
            assert_eq!(signal_of(floor, false), Signal::Floor, "{floor}");
        }
        for none in [
            "Er is een interruptie van mevrouw Jansen, namens de SP.",
            "Daartoe geef ik haar het woord.",
            "Ik ga naar huis.",
            "Dan hebben we de eerste termijn van de Kamer afgerond.",
        ] {
            assert_ne!(signal_of(none, false), Signal::Floor, "{none}");
        }
    }
}
