//! Who the chair announces for an interruption: the person a paragraph
//! names, with the kind of announcement ([`crate::tree::Interruption`]).
//!
//! Two readings: [`interruption`] reads the fixed announcements anywhere
//! in a paragraph (`Er is een interruptie van mevrouw Michon-Derkzen.`);
//! when the paragraph's cue is an interruption ([`super::cues`], the one
//! place that recognises one) in a sentence of another form,
//! [`interrupter`] reads who that sentence names (`Nog een interruptie,
//! mevrouw X?`, `Ik zie mevrouw X met wellicht een vraag.`, `Dan
//! onderbreek ik u voor een interruptie van de heer X.`). Neither decides
//! whether there is an interruption: the cue does, and the thread view
//! reads only the cue.

use std::sync::OnceLock;

use regex::Regex;

use super::names::{name_after_title, name_len, title_len, Context, Title};
use crate::search::{any_in, rare_captures, re, Words};
use crate::tree::InterruptionKind;

/// An announcement's kind, the person as printed, the name and the party:
/// slices of the paragraph.
pub(crate) type Announcement<'t> = (InterruptionKind, &'t str, &'t str, Option<&'t str>);

/// `Er is een interruptie van mevrouw Michon-Derkzen.`, `Er is een vraag
/// over uw motie van mevrouw Voortman.`, `Dan is er een interruptie van
/// mevrouw Straatman, CDA.`, `Meneer Van Houwelingen heeft nog één
/// interruptie.`, `De heer Brink heeft daar nog een vraag over.` → kind,
/// person as printed, name, party: slices of `text`.
pub(crate) fn interruption(text: &str) -> Option<Announcement<'_>> {
    // Every form names an `interruptie` or a `vraag`: one search before
    // the regexes, which seldom match.
    static WORDS: OnceLock<Words> = OnceLock::new();
    if !any_in(&WORDS, &["interruptie", "vraag"], text) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    static HAS: OnceLock<Regex> = OnceLock::new();
    let has = re(
        &HAS,
        r"(?:^|[.!?] )((?:De heer|Mevrouw|Meneer) ([^,.]+?)) heeft (?:daar |hier |daarover |hierover )?nog (?:één|een) (interruptie|vraag)(?: over)?\.",
    );
    if let Some(c) = rare_captures(has, text) {
        let kind = match c.get(3)?.as_str() {
            "interruptie" => InterruptionKind::Interruption,
            _ => InterruptionKind::Question,
        };
        return Some((kind, c.get(1)?.as_str(), c.get(2)?.as_str(), None));
    }
    let re = re(
        &RE,
        r"(?:^|[.!?] )(?:Er is|Dan is er|U heeft|Er komt|Er is nog) (?:nog )?een (interruptie|vraag over uw motie|vraag) van ((?:de heer|mevrouw|meneer) ([^,.]+?))(?:, ([^,.]+?))?\.",
    );
    let c = rare_captures(re, text)?;
    let kind = match c.get(1)?.as_str() {
        "interruptie" => InterruptionKind::Interruption,
        "vraag" => InterruptionKind::Question,
        _ => InterruptionKind::QuestionAboutMotion,
    };
    Some((
        kind,
        c.get(2)?.as_str(),
        c.get(3)?.as_str(),
        c.get(4).map(|m| m.as_str()),
    ))
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
