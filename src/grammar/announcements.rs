//! Who the chair announces for an interruption: the person a paragraph
//! names, with the kind of announcement ([`crate::tree::Interruption`]).
//!
//! The chair's cue ([`super::cues`], the one place that recognises an
//! interruption) finds the phrase; these read who it names. Two readings:
//! [`announcement_at`] reads the fixed forms of announcement (`Er is een
//! interruptie van mevrouw Michon-Derkzen.`), which come before any other
//! cue of the paragraph; in a sentence of another form whose phrase
//! decides the cue, [`interrupter`] reads who that sentence names (`Nog
//! een interruptie, mevrouw X?`, `Ik zie mevrouw X met wellicht een
//! vraag.`, `Dan onderbreek ik u voor een interruptie van de heer X.`).
//! Neither decides whether there is an interruption: the cue does, and the
//! thread view reads only the cue.

use super::names::{name_after_title, name_len, title_len, Context, Title};
use crate::tree::InterruptionKind;

/// An announcement's kind, the person as printed, the name and the party:
/// slices of the paragraph.
pub(crate) type Announcement<'t> = (InterruptionKind, &'t str, &'t str, Option<&'t str>);

/// The forms of announcement that name who interrupts, and come before any
/// other cue of the paragraph, at the trigger word at byte `i` of `text`
/// (`interruptie` or `vraag`, which the cue's phrase rules found there):
/// - `Er is`, `Dan is er`, `U heeft`, `Er komt` or `Er is nog` at the start
///   of a sentence, `(nog) een`, the trigger (`interruptie`, `vraag over
///   uw motie`, `vraag`), `van`, a title (`de heer`, `mevrouw`, `meneer`)
///   and the name up to the next comma or full stop, then a party after a
///   comma, up to the full stop that ends the sentence (`Er is een
///   interruptie van mevrouw Michon-Derkzen.`, `Dan is er een interruptie
///   van mevrouw Straatman, CDA.`);
/// - a title (`De heer`, `Mevrouw`, `Meneer`) at the start of a sentence,
///   the name, `heeft`, `daar`/`hier`/`daarover`/`hierover`, `nog één` or
///   `nog een`, the trigger (`interruptie`, `vraag`), `over`, and the full
///   stop (`Meneer Van Houwelingen heeft nog één interruptie.`, `De heer
///   Brink heeft daar nog een vraag over.`).
///
/// Kind, person as printed, name, party: slices of `text`. Each form ends
/// its sentence at a full stop, so that the text read back or on from one
/// trigger holds no other trigger of the same form: linear in the
/// paragraph.
pub(crate) fn announcement_at(text: &str, i: usize) -> Option<Announcement<'_>> {
    let (before, rest) = (text.get(..i)?, text.get(i..)?);
    announced_with(before, rest).or_else(|| announced_by(before, rest))
}

/// Where a name or a party in the first form of [`announcement_at`] ends,
/// and where the second form's sentence may not hold one before its title.
const STOPS: [char; 4] = [',', '.', '?', '!'];

/// The first form of [`announcement_at`]: `Er is een interruptie van …`.
fn announced_with<'t>(before: &'t str, rest: &'t str) -> Option<Announcement<'t>> {
    const OPENERS: &[&str] = &["Er is", "Dan is er", "U heeft", "Er komt", "Er is nog"];
    let een = before.strip_suffix("een ")?;
    let lead = een.strip_suffix("nog ").unwrap_or(een);
    let opened = |lead: &str| {
        OPENERS.iter().any(|o| {
            lead.strip_suffix(' ')
                .and_then(|l| l.strip_suffix(o))
                .is_some_and(opens_sentence)
        })
    };
    if !(opened(lead) || opened(een)) {
        return None;
    }
    let (kind, after) = [
        ("interruptie van ", InterruptionKind::Interruption),
        (
            "vraag over uw motie van ",
            InterruptionKind::QuestionAboutMotion,
        ),
        ("vraag van ", InterruptionKind::Question),
    ]
    .iter()
    .find_map(|(w, kind)| Some((*kind, rest.strip_prefix(w)?)))?;
    let title = address(after, false)?;
    // The name and the party end at a comma or a full stop; a `?` or `!`
    // first ends the sentence, and the form.
    let name_len = after.get(title..)?.find(STOPS)?;
    let person = after.get(..title + name_len)?;
    let name = person.get(title..).filter(|n| !n.is_empty())?;
    let tail = after.get(person.len()..)?;
    if tail.starts_with('.') {
        return Some((kind, person, name, None));
    }
    if !tail.starts_with(',') {
        return None;
    }
    let party = tail.strip_prefix(", ")?;
    let party = party.get(..party.find(STOPS)?)?;
    let ends = tail.get(2 + party.len()..)?.starts_with('.');
    (ends && !party.is_empty()).then_some((kind, person, name, Some(party)))
}

/// The second form of [`announcement_at`]: `De heer X heeft nog een vraag.`
fn announced_by<'t>(before: &'t str, rest: &'t str) -> Option<Announcement<'t>> {
    let (kind, after) = [
        ("interruptie", InterruptionKind::Interruption),
        ("vraag", InterruptionKind::Question),
    ]
    .iter()
    .find_map(|(w, kind)| Some((*kind, rest.strip_prefix(w)?)))?;
    let after = after.strip_prefix(" over").unwrap_or(after);
    if !after.starts_with('.') {
        return None;
    }
    let lead = before
        .strip_suffix("nog een ")
        .or_else(|| before.strip_suffix("nog één "))?;
    let lead = ["daar ", "hier ", "daarover ", "hierover "]
        .iter()
        .find_map(|a| lead.strip_suffix(a))
        .unwrap_or(lead);
    let lead = lead.strip_suffix(" heeft ")?;
    // The sentence, from its start to ` heeft`, holds no comma or full stop.
    let person = match lead.rfind(STOPS) {
        None => lead,
        Some(k) if lead.as_bytes().get(k) == Some(&b',') => return None,
        Some(k) => lead.get(k + 1..)?.strip_prefix(' ')?,
    };
    let title = address(person, true)?;
    let name = person.get(title..).filter(|n| !n.is_empty())?;
    Some((kind, person, name, None))
}

/// The length of the title of address (`de heer`, `mevrouw`, `meneer`,
/// [`title_len`]) that `s` opens with, written with a capital or not as
/// `capital` says: the fixed forms print it in lower case after `van`,
/// with a capital where it opens the sentence.
fn address(s: &str, capital: bool) -> Option<usize> {
    let len = title_len(s, &[Title::Address])?;
    (s.as_bytes().first().is_some_and(u8::is_ascii_uppercase) == capital).then_some(len)
}

/// Whether the text before an opener ends where a sentence starts: the
/// paragraph's start, or a `.`, `?` or `!` and a space.
fn opens_sentence(before: &str) -> bool {
    before.is_empty()
        || before
            .strip_suffix(' ')
            .is_some_and(|b| b.ends_with(['.', '!', '?']))
}

/// The words a sentence announcing an interruption turns on, and the kind
/// each gives (`vraag over uw motie`: [`InterruptionKind::QuestionAboutMotion`]).
const TRIGGERS: &[(&str, InterruptionKind)] = &[
    ("interruptie", InterruptionKind::Interruption),
    ("interrumperen", InterruptionKind::Interruption),
    ("vervolgvraag", InterruptionKind::Question),
    ("vraag", InterruptionKind::Question),
];

/// A person as printed and the name in it: slices of one sentence.
type Named<'t> = (&'t str, &'t str);

/// Who `sentence`, in which the chair's cue reads an interruption, names
/// as the one who interrupts: kind, person as printed, name (no party),
/// slices of `sentence`.
///
/// - the person after `van` following a trigger word, at most three words
///   on and in the same clause (`een interruptie van mevrouw X`, `een
///   interruptie is van de heer X`, `een interruptie genoteerd van mevrouw
///   X`, `een interruptie heeft van X van Y`: a name without a title has
///   two words at least), of the kind of that word;
/// - else the first person addressed (`de heer`, `mevrouw`, `meneer` and a
///   name: `Ik zie mevrouw X met wellicht een vraag.`, `Volgens mij heeft
///   de heer X op dit punt een interruptie.`, `Meneer X, uw laatste
///   interruptie.`, `Nog een interruptie, mevrouw X?`, `De heer X en
///   mevrouw Y willen u interrumperen.`), of the kind of the first
///   trigger word. A person addressed at the start and then told `u …` or
///   `er …` is the one interrupted (`Mevrouw X, u heeft een
///   interruptie.`) and does not count.
///
/// Each word is read once, with a bounded look ahead: linear in the
/// sentence.
pub(crate) fn interrupter(sentence: &str) -> Option<Announcement<'_>> {
    let mut kind = None;
    let mut first: Option<Named<'_>> = None;
    for at in word_starts(sentence) {
        let rest = sentence.get(at..).unwrap_or_default();
        if let Some((k, len)) = trigger(rest) {
            if let Some((person, name)) = rest.get(len..).and_then(van_person) {
                return Some((k, person, name, None));
            }
            kind = kind.or(Some(k));
            continue;
        }
        if first.is_some() {
            continue;
        }
        let Some(named) = titled(rest) else {
            continue;
        };
        let told = rest.get(named.0.len()..).unwrap_or_default();
        if !(at == 0 && (told.starts_with(", u ") || told.starts_with(", er "))) {
            first = Some(named);
        }
    }
    let (person, name) = first?;
    Some((kind?, person, name, None))
}

/// Where the words of `s` start: at 0 and after each space.
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(memchr::memchr_iter(b' ', s.as_bytes()).map(|i| i + 1))
}

/// The trigger word `rest` opens with (its first letter in either case,
/// the word ending there), its kind and length.
fn trigger(rest: &str) -> Option<(InterruptionKind, usize)> {
    let (word, kind) = TRIGGERS.iter().find(|(w, _)| {
        rest.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && rest
                .as_bytes()
                .get(w.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
    })?;
    let about_motion = *kind == InterruptionKind::Question
        && rest
            .get(word.len()..)
            .is_some_and(|r| r.starts_with(" over uw motie"));
    let kind = if about_motion {
        InterruptionKind::QuestionAboutMotion
    } else {
        *kind
    };
    Some((kind, word.len()))
}

/// The person after `van` in at most the next four words of `rest` (what
/// follows a trigger word), before any punctuation.
fn van_person(rest: &str) -> Option<Named<'_>> {
    let mut r = rest;
    for _ in 0..4 {
        r = r.strip_prefix(' ')?;
        if let Some(who) = r.strip_prefix("van ") {
            return titled(who).or_else(|| untitled(who));
        }
        let len = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
        r = r.get(len..)?;
    }
    None
}

/// `de heer X`, `mevrouw van X`, `Meneer X`: the person and the name, at
/// the start of `s`.
fn titled(s: &str) -> Option<Named<'_>> {
    let title = title_len(s, &[Title::Address])?;
    let rest = s.get(title..)?;
    let len = name_after_title(rest, |r| name_len(r, Context::Text))?;
    Some((s.get(..title + len)?, rest.get(..len)?))
}

/// A name without a title, of two words at least, not run into digits
/// (`Olger van Dijk`; not `D66`): the person and the name, both the same.
fn untitled(s: &str) -> Option<Named<'_>> {
    let len = name_len(s, Context::Text)?;
    let name = s.get(..len)?;
    let next = s.get(len..)?.chars().next();
    (name.contains(' ') && !next.is_some_and(char::is_alphanumeric)).then_some((name, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The announcement of a chair's paragraph (read with its cue).
    fn interruption(text: &str) -> Option<Announcement<'_>> {
        crate::grammar::chair_cue(text).1
    }

    #[test]
    fn fixed_announcements() {
        let i = interruption("Dan is er een interruptie van mevrouw Straatman, CDA.").unwrap();
        assert_eq!((i.2, i.3), ("Straatman", Some("CDA")));
        let i = interruption("Helder. Meneer Van Houwelingen heeft nog één interruptie.").unwrap();
        assert_eq!(
            (i.0, i.1, i.2),
            (
                InterruptionKind::Interruption,
                "Meneer Van Houwelingen",
                "Van Houwelingen"
            )
        );
        let i = interruption("Dank u wel. De heer Brink heeft daar nog een vraag over.").unwrap();
        assert_eq!(
            (i.0, i.1, i.2),
            (InterruptionKind::Question, "De heer Brink", "Brink")
        );
        // A fixed form comes before any later cue; the first of two.
        let text = "Er is een interruptie van mevrouw Straatman, CDA. Het woord is aan de \
                    minister. De heer Brink heeft nog een vraag.";
        let (cue, who) = crate::grammar::chair_cue(text);
        assert_eq!(
            cue,
            Some((
                crate::tree::CueKind::Interruption,
                "Er is een interruptie van mevrouw Straatman, CDA."
            ))
        );
        assert_eq!(
            who,
            Some((
                InterruptionKind::Interruption,
                "mevrouw Straatman",
                "Straatman",
                Some("CDA")
            ))
        );
        let i = interruption("Er is nog een vraag over uw motie van de heer Pool.").unwrap();
        assert_eq!((i.0, i.2), (InterruptionKind::QuestionAboutMotion, "Pool"));
        // Not a fixed form (the sentence ends with `?`; a party that does
        // not end it; a title that does not open it): whoever the cue's
        // sentence names, without a party, or nobody.
        let i = interruption("Er is een interruptie van mevrouw Dijk? Ja.").unwrap();
        assert_eq!((i.2, i.3), ("Dijk", None));
        let i = interruption("Er is een interruptie van mevrouw Dijk, CDA, en de heer Pool.");
        assert_eq!(i.map(|i| (i.2, i.3)), Some(("Dijk", None)));
        assert_eq!(interruption("Zo, de heer Brink heeft nog een vraag."), None);
        // A question to the floor is no announcement.
        assert_eq!(
            interruption("U heeft nog een vraag, meneer Koerhuis?"),
            None
        );
    }

    /// The sentence's announcement: (kind, person, name).
    fn named(s: &str) -> Option<(InterruptionKind, &str, &str)> {
        interrupter(s).map(|(k, p, n, _)| (k, p, n))
    }

    #[test]
    fn who_a_sentence_of_the_cue_names() {
        use InterruptionKind::*;
        let cases = [
            (
                "Nog een interruptie, mevrouw Bergkamp?",
                Some((Interruption, "mevrouw Bergkamp", "Bergkamp")),
            ),
            (
                "Ik zie mevrouw Dijksma met wellicht een vraag.",
                Some((Question, "mevrouw Dijksma", "Dijksma")),
            ),
            (
                "Nog even een vraag van mevrouw Agema over de vorige motie.",
                Some((Question, "mevrouw Agema", "Agema")),
            ),
            (
                "Ik zie dat er ook nog een interruptie is van de heer Stultiens.",
                Some((Interruption, "de heer Stultiens", "Stultiens")),
            ),
            (
                "Ik heb ook nog een interruptie genoteerd van mevrouw Slagt-Tichelman.",
                Some((Interruption, "mevrouw Slagt-Tichelman", "Slagt-Tichelman")),
            ),
            (
                "Ik zie dat u een interruptie heeft van Olger van Dijk.",
                Some((Interruption, "Olger van Dijk", "Olger van Dijk")),
            ),
            (
                "Mevrouw Paulusma, u heeft nog een interruptie van de heer Bevers.",
                Some((Interruption, "de heer Bevers", "Bevers")),
            ),
            (
                "Eerst een interruptie van mevrouw Mutluer, daarna van de heer Koops.",
                Some((Interruption, "mevrouw Mutluer", "Mutluer")),
            ),
            (
                "Mevrouw Van Eijk, nog een interruptie?",
                Some((Interruption, "Mevrouw Van Eijk", "Van Eijk")),
            ),
            (
                "Meneer Pool, uw derde en laatste interruptie.",
                Some((Interruption, "Meneer Pool", "Pool")),
            ),
            (
                "De heer van Dijk heeft een interruptie.",
                Some((Interruption, "De heer van Dijk", "van Dijk")),
            ),
            (
                "Volgens mij heeft de heer Verkuijlen op dit punt een interruptie.",
                Some((Interruption, "de heer Verkuijlen", "Verkuijlen")),
            ),
            (
                "De heer Koops en mevrouw Mutluer willen u zo interrumperen.",
                Some((Interruption, "De heer Koops", "Koops")),
            ),
            (
                "Dat mag en daarna kom ik voor een interruptie bij de heer Stultiens.",
                Some((Interruption, "de heer Stultiens", "Stultiens")),
            ),
            (
                "Voordat u verdergaat, ik zie dat de heer Olger van Dijk u wil interrumperen.",
                Some((Interruption, "de heer Olger van Dijk", "Olger van Dijk")),
            ),
            // The kind of the first trigger word.
            (
                "De heer Van Dijk heeft nog een vraag in vervolg op zijn vorige interruptie.",
                Some((Question, "De heer Van Dijk", "Van Dijk")),
            ),
            (
                "Er is een vraag over uw motie van mevrouw Voortman.",
                Some((QuestionAboutMotion, "mevrouw Voortman", "Voortman")),
            ),
            // Nobody named, or only the one interrupted.
            ("U heeft een interruptie.", None),
            ("Mevrouw Paulusma, u heeft een interruptie.", None),
            ("Ik verzoek de leden om haar niet te interrumperen.", None),
            ("Er is een interruptie van D66.", None),
            ("Er is een vraag van de minister.", None),
            ("Mevrouw Paulusma heeft het woord.", None),
        ];
        for (sentence, expected) in cases {
            assert_eq!(named(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn a_long_sentence_is_read_in_linear_time() {
        // Thousands of triggers and titles without a name: each word is
        // read once with a bounded look ahead.
        let long = "een interruptie van mevrouw ".repeat(50_000);
        assert_eq!(named(&long), None);
        let named_late = format!("{}de heer Pool.", "interruptie en ".repeat(50_000));
        assert_eq!(named(&named_late).map(|n| n.2), Some("Pool"));
    }
}
