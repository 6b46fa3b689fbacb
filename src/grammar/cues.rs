//! Who speaks next, as a paragraph says it: the chair giving the floor,
//! announcing or inviting an interruption, calling a name; a speaker ending
//! a turn. The one place that recognises an interruption: the tree keeps
//! what these rules read ([`crate::tree::Cue`] on every paragraph of a
//! speech, [`crate::tree::Interruption`] when the announcement names who),
//! and the thread view reads only that.
//!
//! Each rule returns the cue's kind and the sentence it was read in, a
//! slice of the paragraph. The chair's paragraphs are read backwards and
//! the last phrase that gives a cue decides; a scan for the first letters
//! of the words the phrases turn on finds the candidates, and no candidate
//! looks further than a bounded window around it, so the cost is linear in
//! the paragraph.

use std::sync::OnceLock;

use super::announcements::{announcement_at, interrupter, Announcement};
use super::names::{person_name, title_len, Title};
use crate::search::{any_in, Words};
use crate::tree::CueKind;

/// Whether `b` is a byte that ends a sentence.
fn sentence_mark(b: &u8) -> bool {
    matches!(b, b'.' | b'?' | b'!')
}

/// The sentence of `text` that holds byte `i`: from after the last `.`,
/// `?` or `!` before it (and the spaces after that) to the next one from
/// `i` on, included, or the end.
fn sentence_at(text: &str, i: usize) -> &str {
    let b = text.as_bytes();
    let i = i.min(b.len());
    let head = b.get(..i).unwrap_or_default();
    let mut start = head.iter().rposition(sentence_mark).map_or(0, |k| k + 1);
    while b.get(start) == Some(&b' ') && start < i {
        start += 1;
    }
    let end = b
        .get(i..)
        .unwrap_or_default()
        .iter()
        .position(sentence_mark)
        .map_or(b.len(), |k| i + k + 1);
    // Both ends are next to an ASCII byte or at an end: char boundaries.
    text.get(start..end).unwrap_or_default()
}

/// Where the last sentence of `body` starts (after its last `.`, `?` or
/// `!`), looked for in its last `limit` bytes only: `None` when the
/// sentence is longer (so the cost per paragraph is bounded).
fn last_sentence_start(body: &str, limit: usize) -> Option<usize> {
    let b = body.as_bytes();
    let from = b.len().saturating_sub(limit);
    match memchr::memrchr3(b'.', b'?', b'!', b.get(from..)?) {
        Some(k) => Some(from + k + 1),
        None => (from == 0).then_some(0),
    }
}

/// The last `n` bytes of `s`, or a little less, from a char boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut from = s.len().saturating_sub(n);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s.get(from..).unwrap_or_default()
}

/// Whether byte `i` of `b` ends a word.
fn word_end(b: &[u8], i: usize) -> bool {
    b.get(i).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Who may be given the floor by office or form of address (a capitalised
/// name too, see `office_or_name`).
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

/// `de minister …`, `mevrouw …`, or a capitalised name (not a pronoun:
/// `haar`).
fn office_or_name(s: &str) -> bool {
    OFFICES.iter().any(|o| s.starts_with(o)) || s.chars().next().is_some_and(char::is_uppercase)
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
///   naar de minister`); `Dan ga ik naar de heer Pool.`; `… namens de
///   VVD.` introducing a speaker; a round that begins (`bij de tweede
///   termijn`);
/// - interruption: `interruptie` (not `interrupties`), `interrumperen`,
///   `vervolgvraag`, `met een vraag`, `met wellicht een vraag`, `met nog
///   een vraag`, `een vraag van`, and a fixed form of announcement
///   ([`announcement_at`]: `Er is een vraag over uw motie van mevrouw X.`,
///   `De heer X heeft daar nog een vraag over.`).
fn phrase_at(text: &str, i: usize) -> Option<CueKind> {
    let b = text.as_bytes();
    let (Some(before), Some(rest)) = (text.get(..i), text.get(i..)) else {
        return None;
    };
    let lower_before = |w: &str| {
        before.len() >= w.len()
            && before
                .get(before.len() - w.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
    };
    let floor_if = |yes: bool| yes.then_some(CueKind::Floor);
    if let Some(r) = rest.strip_prefix("woord") {
        if !lower_before("het ") {
            return None;
        }
        let r = r.strip_prefix(' ').unwrap_or(r);
        let r = ["is ", "geven ", "te geven "]
            .iter()
            .find_map(|p| r.strip_prefix(p))
            .unwrap_or(r);
        if let Some(who) = r.strip_prefix("aan ") {
            return floor_if(office_or_name(who));
        }
        // `Ik geef de minister het woord`, `… geef ik mevrouw Paulusma het
        // woord` (not `geef ik haar het woord`).
        let head = before.get(..before.len().saturating_sub(4)).unwrap_or("");
        let window = tail(head, 80);
        let who = window.rfind("geef ").and_then(|g| window.get(g + 5..));
        let who = who.map(|w| w.strip_prefix("ik ").unwrap_or(w));
        return floor_if(who.is_some_and(office_or_name));
    }
    // `Hij spreekt namens de VVD.`, `Dat is de heer Bevers, namens de
    // VVD.`, `… de heer Vijlbrief van de fractie van D66.`: the chair
    // introduces the next speaker (unless the sentence announces an
    // interruption or a question). The sentence is read back at most 200
    // bytes.
    if rest.starts_with("namens ") || rest.starts_with("fractie van ") {
        let window = tail(before, 200);
        let sentence = window
            .rfind(['.', '?', '!'])
            .map_or(window, |k| window.get(k + 1..).unwrap_or_default());
        return floor_if(!(sentence.contains("interrupt") || sentence.contains("vraag")));
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
        return floor_if(begins);
    }
    // `Uiteraard mag u interrumperen.`; not `… niet te interrumperen`,
    // `geen interruptie` (nor an earlier phrase found through them).
    let negated = || {
        ["niet ", "niet te ", "niet meer ", "niet meer te ", "geen "]
            .iter()
            .any(|w| lower_before(w))
    };
    if rest.starts_with("interrump") {
        return (!negated()).then_some(CueKind::Interruption);
    }
    if rest.starts_with("spreker") && word_end(b, i + 7) {
        return floor_if(
            ["eerste ", "volgende ", "laatste "]
                .iter()
                .any(|w| lower_before(w)),
        );
    }
    if rest.starts_with("inbreng") && word_end(b, i + 7) {
        return floor_if(lower_before("voor haar ") || lower_before("voor zijn "));
    }
    if let Some(who) = rest.strip_prefix("luisteren naar ") {
        return floor_if(OFFICES.iter().any(|o| who.starts_with(o)));
    }
    // `Dan ga ik naar de heer Pool.`, `Dan gaan we naar de minister.`
    if let Some(who) = rest.strip_prefix("naar ") {
        let going = lower_before("ga ik ") || lower_before("gaan we ");
        return floor_if(going && office_or_name(who));
    }
    if rest.starts_with("interruptie") && word_end(b, i + 11) {
        return (!negated()).then_some(CueKind::Interruption);
    }
    if rest.starts_with("vraag") && word_end(b, i + 5) {
        let asked = lower_before("vervolg")
            || rest.starts_with("vraag van ") && lower_before("een ")
            || ["met een ", "met wellicht een ", "met nog een "]
                .iter()
                .any(|w| lower_before(w))
            || announcement_at(text, i).is_some();
        return asked.then_some(CueKind::Interruption);
    }
    None
}

/// The phrases of `text` that give the floor or invite an interruption
/// (see [`phrase_at`]), last first: where each signal word starts, and
/// the cue. The first letter of each candidate word
/// (`woord`, `spreker`, `inbreng`, `interruptie`, `luisteren`, `vraag`,
/// `vervolgvraag`, `namens`, `naar`, `fractie`, `termijn`) is tested alone
/// first (most bytes are none of them), then the next two; an ASCII letter
/// always starts a character.
fn phrases(text: &str) -> impl Iterator<Item = (usize, CueKind)> + '_ {
    let b = text.as_bytes();
    let next_two = move |i: usize| (b.get(i + 1).copied(), b.get(i + 2).copied());
    b.iter()
        .enumerate()
        .rev()
        .filter(move |&(i, &c)| match c {
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
        .filter_map(move |(i, _)| phrase_at(text, i).map(|k| (i, k)))
}

/// `text` ending with a bare call of a name (`De heer Koops.`, `Mevrouw
/// Van Eijk.`, `De heer Thiadens van de PVV.`, after `Dan` or `En dan`:
/// `Dan mevrouw Visser.`; the title and a name, see [`person_name`],
/// nothing else: not `Mevrouw Jansen stuurt u de brief.`): the offset
/// where the call starts.
fn bare_call(text: &str) -> Option<usize> {
    let body = text.strip_suffix('.')?;
    // A call is at most 60 bytes: looked for in the last 80.
    let start = last_sentence_start(body, 80)?;
    let call = body.get(start..)?.trim_start();
    let after_dan = ["En dan ", "Dan "]
        .iter()
        .find_map(|p| call.strip_prefix(p));
    let call = after_dan.unwrap_or(call);
    // After `Dan` the title is written in lower case; else it opens the
    // sentence, with a capital.
    if call.as_bytes().first().is_some_and(u8::is_ascii_lowercase) != after_dan.is_some() {
        return None;
    }
    let name = call.get(title_len(call, &[Title::Address, Title::Office])?..)?;
    let bare = call.len() <= 60
        && name.chars().next().is_some_and(char::is_uppercase)
        && person_name(name).is_ok_and(|(rest, _)| rest.is_empty());
    bare.then_some(start)
}

/// Where `text` ends thanking (`Dank u wel.`, `Dank u zeer.`, `Dank je
/// wel.`, `En dank u wel.`, `Nogmaals dank.`, `Dank, voorzitter.`): the
/// offset of that last sentence.
fn thanks(text: &str) -> Option<usize> {
    let t = text.trim_end();
    // The sentence is at most 40 bytes: looked for in the last 64.
    let start = last_sentence_start(t.strip_suffix(['.', '!']).unwrap_or(t), 64)?;
    let sentence = t.get(start..).unwrap_or("");
    let lead = sentence.len() - sentence.trim_start().len();
    let sentence = sentence.trim_start();
    let head = sentence.as_bytes();
    let head = head.get(..head.len().min(14)).unwrap_or(head);
    (sentence.len() <= 40 && head.windows(4).any(|w| w.eq_ignore_ascii_case(b"dank")))
        .then_some(start + lead)
}

/// The cue of a paragraph of the chair, and who the interruption it
/// announces or invites names: an announcement in one of the fixed forms
/// that name who interrupts ([`announcement_at`]: `Er is een interruptie
/// van mevrouw X.`), the first of them, before anything; else the last
/// phrase that gives the floor or invites an interruption (of an
/// interruption, whoever its sentence names: [`interrupter`]); else a bare
/// call of a name at its end, after thanks (`Dank u wel. De heer Koops.`)
/// or not (`Mevrouw Van Eijk.`). The slice is the sentence (for a call
/// after thanks, both) the cue was read in. `Het woord is aan haar.` after
/// `Ik zie mevrouw Dijksma met wellicht een vraag.` gives no floor (a
/// pronoun names no new speaker): the question before it is the cue.
pub(crate) fn chair_cue(text: &str) -> (Option<(CueKind, &str)>, Option<Announcement<'_>>) {
    // Every fixed form names an `interruptie` or a `vraag`: only then are
    // the phrases read past the last one.
    static WORDS: OnceLock<Words> = OnceLock::new();
    let may_announce = any_in(&WORDS, &["interruptie", "vraag"], text);
    let mut last = None;
    let mut announced = None;
    for (i, kind) in phrases(text) {
        if last.is_none() {
            last = Some((i, kind));
            if !may_announce {
                break;
            }
        }
        if kind == CueKind::Interruption {
            if let Some(a) = announcement_at(text, i) {
                announced = Some((i, a));
            }
        }
    }
    if let Some((i, a)) = announced {
        return (Some((CueKind::Interruption, sentence_at(text, i))), Some(a));
    }
    if let Some((i, kind)) = last {
        let sentence = sentence_at(text, i);
        let who = match kind {
            CueKind::Interruption => interrupter(sentence),
            _ => None,
        };
        return (Some((kind, sentence)), who);
    }
    let Some(call) = bare_call(text) else {
        return (None, None);
    };
    let before = text.get(..call).unwrap_or_default();
    let cue = match thanks(before) {
        Some(from) => (
            CueKind::CallAfterThanks,
            text.get(from..).unwrap_or_default().trim_end(),
        ),
        None => (
            CueKind::Call,
            text.get(call..).unwrap_or_default().trim_start(),
        ),
    };
    (Some(cue), None)
}

/// The cue of a paragraph of a speaker other than the chair: the turn
/// ended in words (`Tot zover.` near the end, a motion's `… en gaat over
/// tot de orde van de dag.`) or thanks at its end (`Dank u wel.`, `Dank,
/// voorzitter.`), with that sentence.
pub(crate) fn speaker_cue(text: &str) -> Option<(CueKind, &str)> {
    let t = text.trim_end();
    if t.ends_with("orde van de dag.") {
        let at = t.len().saturating_sub(1);
        return Some((CueKind::Closing, sentence_at(t, at)));
    }
    let end = tail(t, 80).as_bytes();
    let tot = memchr::memchr_iter(b'T', end)
        .find(|&k| end.get(k..).is_some_and(|r| r.starts_with(b"Tot zover")));
    if let Some(k) = tot {
        let at = t.len() - end.len() + k;
        return Some((CueKind::Closing, sentence_at(t, at)));
    }
    let from = thanks(t)?;
    Some((CueKind::Thanks, t.get(from..).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cue of a chair's paragraph.
    fn chair(text: &str) -> Option<(CueKind, &str)> {
        chair_cue(text).0
    }

    fn kind(text: &str) -> Option<CueKind> {
        chair(text).map(|c| c.0)
    }

    #[test]
    fn the_chair_gives_the_floor_or_invites_an_interruption() {
        assert_eq!(
            chair("Dank u wel. Het woord is aan de minister."),
            Some((CueKind::Floor, "Het woord is aan de minister."))
        );
        assert_eq!(
            chair("Ja. Heel goed. Tot zover. De volgende spreker is mevrouw Van Ginneken."),
            Some((
                CueKind::Floor,
                "De volgende spreker is mevrouw Van Ginneken."
            ))
        );
        assert_eq!(
            chair("Helder. Meneer Van Houwelingen heeft nog één interruptie."),
            Some((
                CueKind::Interruption,
                "Meneer Van Houwelingen heeft nog één interruptie."
            ))
        );
        assert_eq!(
            chair("Ik zie mevrouw Dijksma met wellicht een vraag. Het woord is aan haar."),
            Some((
                CueKind::Interruption,
                "Ik zie mevrouw Dijksma met wellicht een vraag."
            ))
        );
        assert_eq!(
            kind("De interrupties gaan in tweeën. We gaan nu luisteren naar de minister."),
            Some(CueKind::Floor)
        );
        assert_eq!(
            kind("Uiteraard mag u interrumperen."),
            Some(CueKind::Interruption)
        );
        // Asked not to interrupt, or told there is none: no invitation, and
        // the phrase before it decides.
        for negated in [
            "Ik verzoek de leden om haar tijdens haar bijdrage niet te interrumperen.",
            "Er is geen interruptie.",
            "U hoeft niet meer te interrumperen.",
        ] {
            assert_eq!(kind(negated), None, "{negated}");
        }
        assert_eq!(
            kind("Het woord is aan de minister. Ik verzoek u haar niet te interrumperen."),
            Some(CueKind::Floor)
        );
        assert_eq!(kind("Helder."), None);
        for floor in [
            "Dat is de heer Vijlbrief van de fractie van D66.",
            "Dank u wel. Hij spreekt namens de VVD.",
            "Ik geef de minister het woord voor de beantwoording.",
            "Dan ga ik naar de heer Pool namens de PVV.",
            "Dan gaan we naar de minister.",
            "Dan kom ik nu bij de tweede termijn van de heer Vijlbrief.",
            "Dan kom ik bij de staatssecretaris voor de beantwoording in tweede termijn.",
        ] {
            assert_eq!(kind(floor), Some(CueKind::Floor), "{floor}");
        }
        for none in [
            "Er is een interruptie van mevrouw Jansen, namens de SP.",
            "Daartoe geef ik haar het woord.",
            "Ik ga naar huis.",
            "Dan hebben we de eerste termijn van de Kamer afgerond.",
        ] {
            assert_ne!(kind(none), Some(CueKind::Floor), "{none}");
        }
    }

    #[test]
    fn an_announcement_is_the_cue_whatever_follows() {
        let text = "Er is een interruptie van mevrouw Olthof. Daarna is het woord aan de minister.";
        assert_eq!(
            chair(text),
            Some((
                CueKind::Interruption,
                "Er is een interruptie van mevrouw Olthof."
            ))
        );
    }

    #[test]
    fn a_bare_call_ends_the_chair_s_paragraph() {
        assert_eq!(
            chair("Dank u wel. De heer Brink."),
            Some((CueKind::CallAfterThanks, "Dank u wel. De heer Brink."))
        );
        assert_eq!(
            chair("Oké. Mevrouw Van Dam."),
            Some((CueKind::Call, "Mevrouw Van Dam."))
        );
        assert_eq!(
            kind("Dank u wel. De heer Hofstra van de NBV."),
            Some(CueKind::CallAfterThanks)
        );
        // Not a bare call: a question to the person, a sentence about them.
        assert_eq!(kind("Mevrouw Van Dam, wilt u afronden?"), None);
        assert_eq!(kind("Dank u wel. De heer Brink, kort graag."), None);
        assert_eq!(
            kind("Mevrouw Van Dam stuurt u de stukken wel even op."),
            None
        );
        assert_eq!(kind("Oké. De heer Brink nog."), None);
        // After `Dan` / `En dan`, the title in lower case.
        assert_eq!(
            chair("Dank u wel. Dan mevrouw Visser."),
            Some((CueKind::CallAfterThanks, "Dank u wel. Dan mevrouw Visser."))
        );
        assert_eq!(
            chair("En dan de heer Brink."),
            Some((CueKind::Call, "En dan de heer Brink."))
        );
        assert_eq!(kind("Dan mevrouw Van Dam over de brief."), None);
        assert_eq!(kind("Dan Mevrouw Van Dam."), None);
        // A member of the government is called by office.
        assert_eq!(
            kind("Dank u wel. Minister Van Hijum."),
            Some(CueKind::CallAfterThanks)
        );
        assert_eq!(
            chair("Dan staatssecretaris Tielen."),
            Some((CueKind::Call, "Dan staatssecretaris Tielen."))
        );
        // A question the chair announces after thanks is no call.
        assert_eq!(
            chair("Dank u wel. De heer Brink heeft daar nog een vraag over."),
            Some((
                CueKind::Interruption,
                "De heer Brink heeft daar nog een vraag over."
            ))
        );
    }

    #[test]
    fn a_speaker_ends_a_turn() {
        assert_eq!(
            speaker_cue("Ik rond af. Dank u wel."),
            Some((CueKind::Thanks, "Dank u wel."))
        );
        assert_eq!(
            speaker_cue("Dank, voorzitter."),
            Some((CueKind::Thanks, "Dank, voorzitter."))
        );
        assert_eq!(
            speaker_cue("Voorzitter. Tot zover mijn beantwoording. Daarmee geef ik het woord aan mijn collega."),
            Some((CueKind::Closing, "Tot zover mijn beantwoording."))
        );
        assert_eq!(
            speaker_cue("Dat is mijn motie, en gaat over tot de orde van de dag."),
            Some((
                CueKind::Closing,
                "Dat is mijn motie, en gaat over tot de orde van de dag."
            ))
        );
        assert_eq!(
            speaker_cue(
                "Ik dank de minister voor haar brief, die veel verheldert en ons verder helpt."
            ),
            None
        );
        assert_eq!(speaker_cue("Voorzitter."), None);
        // Only the end is read: a long paragraph ending in thanks, and one
        // whose last sentence opens with thanks but runs on.
        let long = format!("{} Dank u wel.", "Dat is zo. ".repeat(500));
        assert_eq!(speaker_cue(&long), Some((CueKind::Thanks, "Dank u wel.")));
        let runs_on = format!("Dank u wel {}.", "en nog meer woorden ".repeat(10));
        assert_eq!(speaker_cue(&runs_on), None);
    }

    #[test]
    fn windows_end_on_char_boundaries() {
        // The 80-byte tail and the 200-byte sentence window fall inside a
        // two-byte character.
        let long = format!("{} Tot zover.", "é".repeat(40));
        assert_eq!(speaker_cue(&long).map(|c| c.0), Some(CueKind::Closing));
        let intro = format!("Dat is {} namens de VVD.", "é".repeat(120));
        assert_eq!(kind(&intro), Some(CueKind::Floor));
        // A question within the window: no introduction (the window once
        // came out empty here, which read as one).
        let asked = format!("{} en een vraag over namens de VVD.", "é".repeat(100));
        assert_eq!(kind(&asked), None);
    }
}
