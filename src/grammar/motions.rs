//! The motion's formula (`De Kamer,` … `en gaat over tot de orde van de
//! dag.`), its clauses, and the chair's information about it.

use std::ops::Range;
use std::sync::OnceLock;

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::space1;
use nom::combinator::rest;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use regex::Regex;

use crate::search::{any_in, re, Words};
use crate::tree::{ConsiderationKind, DictumKind};

/// The first line of a motion: `De Kamer,`.
pub(crate) fn motion_opening(text: &str) -> bool {
    text == "De Kamer," || text.starts_with("De Kamer, gehoord de beraadslaging")
}

/// The opening words at the start of `text`, as a piece of their own: `De
/// Kamer,`, and what transcription makes of it (`De Kamer`, `De Kamer.`):
/// their byte length, when a space or the end follows.
pub(crate) fn opening_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("De Kamer")?;
    let n = "De Kamer".len() + usize::from(rest.starts_with([',', '.']));
    let after = text.get(n..).unwrap_or("");
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(n)
}

/// The last line of a motion: `en gaat over tot de orde van de dag.` (and
/// what transcription makes of it: see [`closing_in`]).
pub(crate) fn motion_closing(text: &str) -> bool {
    let t = text.trim_end();
    closing_in(t).is_some_and(|r| r.end == t.len())
}

/// Where the closing formula lies in `text` (the first one): `en gaat over
/// tot de orde van de dag.`, and what transcription makes of it: `gaat
/// verder tot de orde van de dag`, `gaat over naar de orde van de dag`, `En
/// gaat over tot orde van de dag`. The range runs from `en` (or `gaat`) to
/// the full stop, when there is one.
pub(crate) fn closing_in(text: &str) -> Option<Range<usize>> {
    static FINDER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let finder = FINDER.get_or_init(|| memchr::memmem::Finder::new("orde van de dag"));
    finder
        .find_iter(text.as_bytes())
        .find_map(|at| closing_at(text, at))
}

/// The closing formula whose `orde van de dag` starts at `at`, if the words
/// before it are `gaat over tot (de)`.
pub(crate) fn closing_at(text: &str, at: usize) -> Option<Range<usize>> {
    let before = text.get(..at)?;
    let before = before.strip_suffix("de ").unwrap_or(before);
    let before = ["tot ", "naar ", "met "]
        .iter()
        .find_map(|w| before.strip_suffix(w))?;
    let before = ["over ", "verder ", "door "]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    let start = ["gaat ", "Gaat ", "gaan "]
        .iter()
        .find_map(|w| before.strip_suffix(w))?;
    let start = ["en ", "En "]
        .iter()
        .find_map(|w| start.strip_suffix(w))
        .unwrap_or(start);
    // A word that only ends in `gaat` (`ontgaat`) is not the formula.
    if start.ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let mut end = at + "orde van de dag".len();
    if text.get(end..).is_some_and(|r| r.starts_with('.')) {
        end += 1;
    }
    if text
        .get(end..)
        .is_some_and(|r| r.starts_with(|c: char| c.is_alphanumeric()))
    {
        return None;
    }
    Some(start.len()..end)
}

/// `gehoord de beraadslaging` at the start of `text`, and what
/// transcription makes of it (`Gehoord de beraadslaging`, `gehoord. De
/// beraadslaging`): its byte length.
pub(crate) fn heard_len(text: &str) -> Option<usize> {
    let rest = text
        .strip_prefix("gehoord")
        .or_else(|| text.strip_prefix("Gehoord"))?;
    let rest = rest.strip_prefix([',', '.']).unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    let rest = rest
        .strip_prefix("de ")
        .or_else(|| rest.strip_prefix("De "))?;
    let rest = rest.strip_prefix("beraadslaging")?;
    Some(text.len() - rest.len())
}

/// `Motie`, `Motie (gewijzigd)`, `Gewijzigde motie`: a heading before `De
/// Kamer,` (Markdown: `#### Motie`, or `Motie` between rules).
pub(crate) fn motion_heading(text: &str) -> bool {
    // Every paragraph is asked: its first letter rules most out.
    match text
        .bytes()
        .find(|b| !matches!(b, b'*' | b'_' | b' ' | b'\t' | b'\n' | b'\r'))
    {
        Some(b'M' | b'G' | b'A') => {}
        // Perhaps a Unicode space before the word: the full test.
        Some(b) if b >= 0x80 => {}
        _ => return false,
    }
    let t = text.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    matches!(
        t,
        "Motie" | "Motie (gewijzigd)" | "Gewijzigde motie" | "Amendement"
    )
}

/// A clause of a motion, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clause {
    /// `gehoord de beraadslaging,`
    Heard,
    /// A consideration, with the byte length of its opening words.
    Consideration(ConsiderationKind, usize),
    /// A dictum, with the byte length of its opening words.
    Dictum(DictumKind, usize),
}

/// Classifies a clause of a motion by its opening words.
///
/// Considerations: `constaterende dat …`, `overwegende dat …`, `van mening
/// dat …`, `voorts constaterende …`, `gelet op …`, any participle in
/// `-ende` (`concluderende`, `erkennende`). Dicta: `verzoekt de regering …`,
/// `spreekt uit …`, `roept … op`, `draagt … op`, `besluit …`, `nodigt … uit`.
///
/// A clause that opens a sentence in running text (`Constaterende dat …`,
/// `Verzoekt de regering …`) is read the same; a capitalised word is no
/// participle of the `-ende` rule (`Komende week …`).
pub(crate) fn clause(text: &str) -> Option<Clause> {
    if heard_len(text).is_some() {
        return Some(Clause::Heard);
    }
    let printed_first = text.split_whitespace().next().unwrap_or("");
    let capitalised = printed_first.starts_with(|c: char| c.is_ascii_uppercase());
    let lowered;
    let lower_first = if capitalised {
        lowered = printed_first.to_ascii_lowercase();
        lowered.as_str()
    } else {
        printed_first
    };
    let mut first_words = text.split_whitespace();
    first_words.next();
    let words = [
        lower_first,
        first_words.next().unwrap_or(""),
        first_words.next().unwrap_or(""),
    ];
    let w = |n: usize| words.get(n).copied().unwrap_or("");
    let len_of = |n: usize| -> usize {
        // Byte length of the first n words as printed, separators included.
        let mut end = 0;
        for word in text.split_whitespace().take(n) {
            if let Some(pos) = text.get(end..).and_then(|r| r.find(word)) {
                end += pos + word.len();
            }
        }
        end
    };
    let first = lower_first.trim_end_matches(',');
    let (skip, head) = match first {
        "voorts" | "tevens" | "mede" | "en" | "alsmede" | "ook" => (1, w(1).trim_end_matches(',')),
        _ => (0, first),
    };
    let consideration = |kind: ConsiderationKind, n: usize| {
        let kind = if first == "voorts" {
            ConsiderationKind::Voorts
        } else {
            kind
        };
        Some(Clause::Consideration(kind, len_of(skip + n)))
    };
    match head {
        "constaterende" => return consideration(ConsiderationKind::Constaterende, 1),
        "overwegende" => return consideration(ConsiderationKind::Overwegende, 1),
        "van" if matches!(w(skip + 1), "mening" | "oordeel" | "mening," | "oordeel,") => {
            return consideration(ConsiderationKind::VanMening, 2)
        }
        "gelet" | "gezien" => {
            let n = if w(skip + 1) == "op" { 2 } else { 1 };
            return consideration(ConsiderationKind::GeletOp, n);
        }
        _ => {}
    }
    let dictum = |kind: DictumKind, n: usize| Some(Clause::Dictum(kind, len_of(skip + n)));
    match head {
        "verzoekt" => return dictum(DictumKind::Verzoekt, 1),
        "spreekt" => return dictum(DictumKind::SpreektUit, 1),
        "roept" => return dictum(DictumKind::RoeptOp, 1),
        "draagt" => return dictum(DictumKind::DraagtOp, 1),
        "besluit" => return dictum(DictumKind::Besluit, 1),
        "nodigt" | "dringt" | "vraagt" | "geeft" | "wijst" | "stelt" | "verklaart" | "keurt"
        | "betreurt" | "veroordeelt" | "steunt" | "onderschrijft" | "uit" | "beveelt"
            if !capitalised =>
        {
            return dictum(DictumKind::Other, 1)
        }
        _ => {}
    }
    if !capitalised
        && head.len() > 4
        && head.chars().all(|c| c.is_lowercase())
        && head.ends_with("ende")
    {
        return consideration(ConsiderationKind::Other, 1);
    }
    None
}

/// `Deze motie is voorgesteld door het lid Slootweg.` / `… door de leden
/// Slootweg en Kuik.` → the submitters, in order, and whether the list ends
/// in `c.s.` (*cum suis*: and others, unnamed). The names are slices of
/// `text`.
pub(crate) fn submitters(text: &str) -> Option<(Vec<&str>, bool)> {
    let parsed: IResult<&str, &str> = preceded(
        (
            alt((
                tag("Deze motie is voorgesteld door"),
                tag("Dit amendement is voorgesteld door"),
            )),
            space1,
            alt((tag("het lid"), tag("de leden"))),
            space1,
        ),
        rest,
    )
    .parse(text);
    let (_, list) = parsed.ok()?;
    let list = list.split(". ").next().unwrap_or(list);
    let list = list.strip_suffix('.').unwrap_or(list);
    let (list, cum_suis) = match list.strip_suffix(" c.s") {
        Some(l) => (l, true),
        None => (list, false),
    };
    let mut names = Vec::new();
    for part in list.split(", ") {
        for name in part.split(" en ") {
            let name = name.trim();
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    (!names.is_empty()).then_some((names, cum_suis))
}

/// `Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.`
pub(crate) fn seconded(text: &str) -> bool {
    static WORDS: OnceLock<Words> = OnceLock::new();
    any_in(
        &WORDS,
        &["wordt de indiening ervan voldoende ondersteund"],
        text,
    )
}

/// `Zij krijgt nr. 1011 (26643).`, `Zij krijgt nr. 726, was nr. 719
/// (21501-08).`, `Zij krijgt nr. 456 (36800-XVI).` → (number, dossier,
/// replaced number).
pub(crate) fn motion_number(text: &str) -> Option<(String, String, Option<String>)> {
    // Most of the chair's paragraphs do not hold it: one search before the
    // regex's `captures` (which allocates).
    static KRIJGT: OnceLock<Words> = OnceLock::new();
    if !any_in(&KRIJGT, &[" krijgt nr"], text) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"(?:^|\. )(?:Zij|Het|Hij) krijgt nr\. ?(\d+[A-Za-z]?)(?:, was nr\. ?(\d+[A-Za-z]?))? \((\d+(?:[- ][0-9A-Z]+)*)\)\.",
    );
    let c = re.captures(text)?;
    Some((
        c.get(1)?.as_str().to_string(),
        c.get(3)?.as_str().replace(' ', "-"),
        c.get(2).map(|m| m.as_str().to_string()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motion_rules() {
        assert_eq!(
            motion_number("Zij krijgt nr. 726, was nr. 719 (21501-08)."),
            Some(("726".into(), "21501-08".into(), Some("719".into())))
        );
        assert_eq!(
            motion_number("Zij krijgt nr. 456 (36800-XVI)."),
            Some(("456".into(), "36800-XVI".into(), None))
        );
        assert_eq!(
            submitters("Deze motie is voorgesteld door de leden Kathmann, El Boujdaini, Dassen en Teunissen."),
            Some((vec!["Kathmann", "El Boujdaini", "Dassen", "Teunissen"], false))
        );
        assert_eq!(
            submitters("Deze motie is voorgesteld door het lid Van Raan c.s."),
            Some((vec!["Van Raan"], true))
        );
        assert!(matches!(
            clause("voorts constaterende dat x;"),
            Some(Clause::Consideration(ConsiderationKind::Voorts, 20))
        ));
        assert!(matches!(
            clause("verzoekt de regering x,"),
            Some(Clause::Dictum(DictumKind::Verzoekt, 8))
        ));
    }
}
