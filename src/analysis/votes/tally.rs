//! What a vote's sentence and the two after it say of how the Kamer
//! voted: the counts (`met 92 stemmen voor en 56 stemmen tegen`, a roll
//! call's `Aan deze stemming hebben 147 leden deelgenomen`), the parties for
//! and against (`VVD, CDA en SGP stemden tegen`, the chair's `de leden van
//! de fracties van de SP … voor deze motie hebben gestemd en de leden van
//! de overige fracties ertegen`), and how the Kamer voted (`zonder
//! stemming`).

use std::sync::OnceLock;

use regex::Regex;

use super::super::{next_sentence, re};
use super::super::{VoteMethod, VoteOutcome, VoteResult, VoteSide};
use crate::tree::{Span, VoteId};

/// `met 92 stemmen voor en 56 stemmen tegen`, `met 92 tegen 56 stemmen`,
/// `waarvan 75 stemmen voor en 72 tegen`, `75 leden voor de motie hebben
/// gestemd en 72 leden ertegen`.
fn counts() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?-u:\b)met (\d{1,3}) (?:stemmen )?(?:voor|vóór),? en (\d{1,3}) (?:stemmen )?tegen(?-u:\b)|(?-u:\b)met (\d{1,3}) tegen (\d{1,3}) stemmen(?-u:\b)|(?-u:\b)(\d{1,3}) (?:stemmen|leden) (?:voor|vóór)(?: [^ .;:]+){0,5}?,? en (\d{1,3}) (?:stemmen |leden )?(?:er)?tegen(?-u:\b)",
    )
}

/// `147 leden deelgenomen`, `147 leden hebben deelgenomen`.
fn participants() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?-u:\b)(\d{1,3}) leden (?:hebben )?deelgenomen(?-u:\b)",
    )
}

/// The counts of `sentence` (`votes_for`, `votes_against`,
/// `participants`), where it gives them.
pub(super) fn counts_in(sentence: &str) -> (Option<u32>, Option<u32>, Option<u32>) {
    let (mut yes, mut no, mut took_part) = (None, None, None);
    if sentence.contains("stemmen") || sentence.contains("leden") {
        if let Some(c) = counts().captures(sentence) {
            let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            yes = n(1).or(n(3)).or(n(5));
            no = n(2).or(n(4)).or(n(6));
        }
    }
    if sentence.contains("deelgenomen") {
        took_part = participants()
            .captures(sentence)
            .and_then(|c| c.get(1))
            .and_then(|m| m.as_str().parse::<u32>().ok());
    }
    (yes, no, took_part)
}

/// `VVD, CDA, ChristenUnie en SGP stemden tegen`, `Tegen stemden: VVD en
/// CDA`.
fn parties_sentence() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"^(?:De fracties? van )?(.+?) stemden (?:ook |allemaal |eveneens )?(voor|tegen)(?-u:\b)|^(Voor|Tegen) stemden:? (.+?)\.?$",
    )
}

/// Pronouns and words that stand where a party list would, but are none.
const NOT_PARTIES: &[&str] = &[
    "Zij",
    "Ze",
    "Wij",
    "We",
    "Die",
    "Deze",
    "Alle",
    "Beide",
    "Zij allen",
    "Ook",
    "Dat",
    "Het",
    "De",
    "Zes",
    "Veel",
];

/// `VVD, CDA, ChristenUnie en SGP` → the parties; `de SP, de PvdA` loses
/// its articles. `None` when an item does not read as a party name (a
/// capital first, at most four words).
fn party_list(s: &str) -> Option<Vec<String>> {
    let s = s.trim().trim_end_matches('.');
    let mut out = Vec::new();
    for part in s.split(", ").flat_map(|p| p.split(" en ")) {
        let p = part.trim();
        let p = p
            .strip_prefix("de ")
            .or_else(|| p.strip_prefix("het "))
            .or_else(|| p.strip_prefix("De "))
            .or_else(|| p.strip_prefix("Het "))
            .unwrap_or(p);
        let first = p.chars().next()?;
        if !(first.is_uppercase() || first.is_ascii_digit())
            || p.split_whitespace().count() > 4
            || p.len() > 40
            || NOT_PARTIES.contains(&p)
        {
            return None;
        }
        out.push(p.to_string());
    }
    (!out.is_empty()).then_some(out)
}

/// What `sentence` says of the vote: its counts (where the vote has none
/// yet), the parties for and against, how it was voted.
fn details_in(sentence: &str, vote: &mut VoteOutcome) {
    let (yes, no, took_part) = counts_in(sentence);
    vote.add_counts(yes, no, took_part);
    if took_part.is_some() {
        vote.method = Some(VoteMethod::RollCall);
    }
    parties_in(sentence, vote);
}

/// The parties for and against named in `sentence`.
fn parties_in(sentence: &str, vote: &mut VoteOutcome) {
    if sentence.contains("stemden") {
        if let Some(c) = parties_sentence().captures(sentence) {
            let (list, side) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                (Some(list), Some(side), _, _) => (list.as_str(), side.as_str()),
                (_, _, Some(side), Some(list)) => (list.as_str(), side.as_str()),
                _ => return,
            };
            if let Some(parties) = party_list(list) {
                let side = if side.eq_ignore_ascii_case("voor") {
                    VoteSide::For
                } else {
                    VoteSide::Against
                };
                vote.add_parties(side, parties);
            }
        }
    }
    parties_chair(sentence, vote);
}

/// The chair's `de leden van de fracties van de SP, de PvdA en DENK voor
/// deze motie hebben gestemd en de leden van de fracties van de VVD en het
/// CDA ertegen`; `de leden van de overige fracties ertegen` lists no
/// party but gives [`VoteOutcome::rest`]. A vote counted per party this way
/// is by show of hands.
fn parties_chair(sentence: &str, vote: &mut VoteOutcome) {
    const LEDEN: &str = "leden van de fractie";
    const OVERIGE: &str = "leden van de overige fractie";
    if let Some(i) = sentence.find(OVERIGE) {
        let after = sentence.get(i + OVERIGE.len()..).unwrap_or_default();
        let after = after.strip_prefix('s').unwrap_or(after);
        let word = after
            .trim_start()
            .split([' ', ',', '.'])
            .next()
            .unwrap_or_default();
        vote.rest = match word {
            "ervoor" | "voor" => Some(VoteSide::For),
            "ertegen" | "tegen" => Some(VoteSide::Against),
            _ => vote.rest,
        };
    }
    let mut rest = sentence;
    while let Some(i) = rest.find(LEDEN) {
        let after = rest.get(i + LEDEN.len()..).unwrap_or_default();
        let after = after.strip_prefix('s').unwrap_or(after);
        let Some(list) = after.strip_prefix(" van ") else {
            rest = after;
            continue;
        };
        let Some((at, side)) = list_end(list) else {
            break;
        };
        if let Some(parties) = list.get(..at).and_then(party_list) {
            vote.method = Some(VoteMethod::ShowOfHands);
            let side = if side {
                VoteSide::For
            } else {
                VoteSide::Against
            };
            vote.add_parties(side, parties);
        }
        rest = list.get(at..).unwrap_or_default();
    }
}

/// Where a list of parties ends, and for which side: ` voor deze`, ` voor
/// de`, ` voor dit`, ` voor het`, ` ervoor` (for); ` tegen deze` …,
/// ` ertegen` (against). One pass over the spaces of `list`.
fn list_end(list: &str) -> Option<(usize, bool)> {
    const OBJECTS: &[&str] = &["deze ", "de ", "dit ", "het "];
    memchr::memchr_iter(b' ', list.as_bytes()).find_map(|at| {
        let next = list.get(at + 1..)?;
        let word = |w: &str| {
            next.strip_prefix(w)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', '.']))
        };
        if word("ervoor") {
            Some((at, true))
        } else if word("ertegen") {
            Some((at, false))
        } else if let Some(r) = next.strip_prefix("voor ") {
            OBJECTS
                .iter()
                .any(|o| r.starts_with(o))
                .then_some((at, true))
        } else if let Some(r) = next.strip_prefix("tegen ") {
            OBJECTS
                .iter()
                .any(|o| r.starts_with(o))
                .then_some((at, false))
        } else {
            None
        }
    })
}

/// The counts and parties a sentence gives its votes.
pub(super) fn sentence_details(sentence: &str) -> VoteOutcome {
    // Id, result, reference and span: set where it is recorded.
    let mut vote = VoteOutcome::new(VoteId::new(0), VoteResult::Adopted, Span::default());
    if sentence.contains("zonder stemming") {
        vote.method = Some(VoteMethod::WithoutVote);
    }
    details_in(sentence, &mut vote);
    vote
}

/// The parties named in the two sentences after a vote (ending at `end`),
/// up to byte `limit` (where the next vote's sentence starts).
pub(super) fn parties_after(text: &str, end: usize, limit: usize, vote: Option<&mut VoteOutcome>) {
    let Some(vote) = vote else {
        return;
    };
    let mut at = end;
    for _ in 0..2 {
        let Some((a, b)) = next_sentence(text, at).filter(|&(a, _)| a < limit) else {
            return;
        };
        if let Some(sentence) = text.get(a..b) {
            details_in(sentence, vote);
        }
        if b <= at {
            return;
        }
        at = b;
    }
}
