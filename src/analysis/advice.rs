//! The government's advice on motions: `De motie op stuk nr. 1009 ontraad
//! ik.`, `Die laat ik aan het oordeel van de Kamer.`, `Oordeel Kamer.`, `De
//! motie op stuk nr. 1011 krijgt om die reden: met klem ontraden.`.
//!
//! Who counts. A minister, state secretary or the minister-president gives
//! advice. The chair's restatement counts too (`De motie op stuk nr. 980 is
//! ontraden.`), but only when it names the motion in the same sentence and
//! is not `aanhouden` (which a member asks for, not the government). A
//! member's sentence (`waarom mijn motie op stuk nr. 1010 ontraden wordt`)
//! never counts.
//!
//! What counts. A sentence with one of the phrases below that speaks of a
//! motion (the word `motie`, a reference, `erover` (`laat ik het oordeel
//! erover aan de Kamer`), or a sentence of at most eight words: `Oordeel
//! Kamer.`; not an `amendement`), and is not
//! - a question (`Oordeel Kamer, neem ik aan?`);
//! - a condition: opening with `Als`, `Indien`, `Mocht`, `Wanneer` …, with
//!   `, dan` before the phrase (`Blijft zij zeggen "…", dan moet ik de
//!   motie ontraden.`), or `als`, `indien`, `mits` … right after it (`ik ga
//!   deze ontraden als deze luidt zoals …`). A conditional advice is an offer,
//!   not the advice; the unconditional one, or the chair's restatement,
//!   follows it and is recorded;
//! - negated (`niet overnemen`).
//!
//! The phrases: `ontraden`, `ontraad ik` → [`AdviceKind::Ontraden`]; with
//! `met klem` in the sentence → [`AdviceKind::MetKlemOntraden`]; with
//! `tenzij` → [`AdviceKind::OntradenTenzijGewijzigd`]; `oordeel Kamer`,
//! `oordeel van de Kamer`, `laat ik het oordeel erover aan de Kamer` →
//! [`AdviceKind::OordeelKamer`]; `overnemen`, `overgenomen`, `neem ik over`
//! → [`AdviceKind::Overgenomen`]; `aan te houden`, `aanhouden` →
//! [`AdviceKind::Aanhouden`].
//!
//! Which motion. The reference nearest before the phrase in the sentence
//! (`De motie-Slootweg op stuk nr. 1009 moet ik ontraden, omdat die … van de
//! motie-Van Raan c.s.` is about 1009), else one right after it (`ontraad ik
//! de motie op stuk nr. 1009`), else, for the government, the motion under
//! discussion: the last motion given advice, named by the chair (`De motie
//! op stuk nr. 981.`), or named by the government in the main clause of a
//! sentence (in its first fourteen words, not after `zoals` or `conform`:
//! `In de motie van de heer Van Houwelingen staat: …`), within the agenda
//! item; members' speeches neither set nor end it. A motion named but not
//! resolved (`de motie-Van Raan c.s.`, an earlier one) is under discussion
//! too, so what follows is not linked to the motion before it. A reference
//! is resolved among the motions of the document: by number (and dossier,
//! when printed), by
//! submitter (only when one motion of the agenda item so far has that first
//! submitter, or else that submitter at all), or by order (`De eerste
//! motie` is the first motion of the agenda item). A motion named but not
//! resolved gets `kamerstuk: null`, never a guess.
//!
//! Several records may concern one motion (the minister's, then the
//! chair's); they are kept in document order and the last is the final word
//! ([`crate::Analysis::final_advice`]).
//!
//! Cost. A sentence is read once for all its phrases ([`Sentence`]) and once
//! for all its references ([`MainClause`], its first fourteen words only);
//! each phrase then finds its reference by binary search, so a sentence of
//! any number of phrases and references costs time in proportion to its
//! length.

use std::sync::OnceLock;

use regex::Regex;

use super::refs::{Ordinal, RawRef};
use super::{
    any_within, last_below, name_key, re, runs, sentence_at, take_within, word_start, MotionIndex,
};
use super::{Advice, AdviceKind, MotionLink};
use crate::tree::{AdviceId, NodeId, Role, Span};

/// A motion as linked: its id and how it was named.
type Target = (Option<String>, Option<MotionLink>);

/// The motion under discussion, for `deze motie` and `Oordeel Kamer.`: the
/// reference that named it, resolved only when advice needs it.
#[derive(Debug, Clone)]
pub(super) struct Topic {
    raw: RawRef,
    section: usize,
    before: usize,
}

/// What the advice of one unit is read against.
#[derive(Clone, Copy)]
pub(super) struct Context<'a, 'd> {
    pub motions: &'a MotionIndex<'d>,
    /// The unit's agenda item.
    pub section: usize,
    /// The unit's start: motions after it are not looked up.
    pub before: usize,
    /// The speech.
    pub speech: NodeId,
    pub role: Role,
}

fn is_government(role: Role) -> bool {
    matches!(
        role,
        Role::Minister | Role::StateSecretary | Role::MinisterPresident
    )
}

/// `ontraden`, `ontraad ik`, `oordeel Kamer`, `aan het oordeel van de
/// Kamer`, `overgenomen`, `overnemen`, `neem ik graag over`, `aanhouden`, and
/// `houden` (of `aan te houden`, which [`phrases`] checks): every
/// alternative opens with a word rare enough for the regex's literal
/// prefilter (`aan te houden` would open with `aan`). Normalised text has
/// single spaces between words.
fn phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?-u:\b)(?:[Oo]ntra(?:den|ad|adt|dde|dden)|[Oo]ordeel (?:van de )?[Kk]amer|[Oo]ordeel (?:[^ ]+ ){1,4}?aan de [Kk]amer|[Oo]vergenomen|[Oo]vernemen|[Nn]eem (?:ik|we|wij) (?:[^ ]+ ){0,3}?over|[Aa]anhouden|houden)(?-u:\b)",
    )
}

/// The advice phrases of `text`: byte ranges, `aan te houden` whole.
fn phrases(text: &str) -> Vec<(usize, usize)> {
    phrase()
        .find_iter(text)
        .filter_map(|m| {
            if m.as_str() != "houden" {
                return Some((m.start(), m.end()));
            }
            let before = text.get(..m.start())?;
            let head = before.get(before.len().checked_sub(7)?..)?;
            head.eq_ignore_ascii_case("aan te ")
                .then(|| (m.start() - 7, m.end()))
        })
        .collect()
}

/// Words that open a conditional clause.
const CONDITIONS: &[&str] = &[
    "als", "indien", "mocht", "wanneer", "zodra", "stel", "mits", "tenzij", "zolang", "ingeval",
];

/// What a sentence with advice phrases says around them, read once for
/// all of them (a paragraph without a full stop is one sentence, and may
/// hold any number of phrases).
struct Sentence {
    lower: String,
    /// It opens with a word of [`CONDITIONS`] (after `en`, `maar`, `dus`).
    opens_condition: bool,
    /// Where the first `, dan ` starts.
    comma_dan: Option<usize>,
    met_klem: bool,
    tenzij: bool,
}

impl Sentence {
    fn new(text: &str) -> Self {
        let lower = text.to_ascii_lowercase();
        let first = lower
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        let first = if matches!(first, "en" | "maar" | "dus") {
            lower
                .split_whitespace()
                .nth(1)
                .unwrap_or_default()
                .trim_matches(|c: char| !c.is_alphanumeric())
        } else {
            first
        };
        Sentence {
            opens_condition: CONDITIONS.contains(&first),
            comma_dan: lower.find(", dan "),
            met_klem: lower.contains("met klem"),
            tenzij: lower.contains("tenzij"),
            lower,
        }
    }

    /// Whether the phrase at `[start, end)` is conditional.
    fn conditional(&self, start: usize, end: usize) -> bool {
        if self.opens_condition {
            return true;
        }
        if self.comma_dan.is_some_and(|i| i + ", dan ".len() <= start) {
            return true;
        }
        let after = self
            .lower
            .get(end..)
            .unwrap_or_default()
            .trim_start_matches([',', ' ']);
        // `ontraden tenzij gewijzigd` is a kind of advice, not a condition.
        CONDITIONS
            .iter()
            .filter(|c| **c != "tenzij")
            .any(|c| after.strip_prefix(c).is_some_and(|r| r.starts_with(' ')))
    }

    /// The kind of advice of the phrase `m`.
    fn kind(&self, m: &str) -> AdviceKind {
        let m = m.to_ascii_lowercase();
        if m.starts_with("ontra") {
            if self.met_klem {
                AdviceKind::MetKlemOntraden
            } else if self.tenzij {
                AdviceKind::OntradenTenzijGewijzigd
            } else {
                AdviceKind::Ontraden
            }
        } else if m.starts_with("oordeel") {
            AdviceKind::OordeelKamer
        } else if m.contains("houden") {
            AdviceKind::Aanhouden
        } else {
            AdviceKind::Overgenomen
        }
    }
}

/// The words before a reference that make it a comparison, not what the
/// sentence is about.
const COMPARISONS: &[&str] = &["zoals", "conform", "als", "strijd", "botst"];

/// The main clause of a sentence with references, read once for all of
/// them: its first fourteen words (a reference after them is never what the
/// sentence is about), their commas and comparisons.
struct MainClause<'s> {
    text: &'s str,
    /// Where the fourteenth word starts: a reference after it has fourteen
    /// words before it (`usize::MAX` when there are fewer).
    limit: usize,
    /// The commas before `limit`.
    commas: Vec<usize>,
    /// The [`COMPARISONS`] before `limit`, as words between whitespace and
    /// commas.
    comparisons: Vec<(usize, usize)>,
}

impl<'s> MainClause<'s> {
    fn new(sentence: &'s str) -> Self {
        let limit = word_start(sentence, 13).unwrap_or(usize::MAX);
        let head = sentence.get(..limit).unwrap_or(sentence);
        MainClause {
            text: sentence,
            limit,
            commas: memchr::memchr_iter(b',', head.as_bytes()).collect(),
            comparisons: runs(
                head,
                |c| c.is_whitespace() || c == ',',
                |w| COMPARISONS.contains(&w),
            ),
        }
    }

    /// Whether a reference at `at` reads as what the sentence is about:
    /// within its first fourteen words and not in a comparison (`zoals …
    /// bij de motie van de heer Van Houwelingen`, `conform de motie-…`).
    fn holds(&self, at: usize) -> bool {
        if at > self.limit {
            return false;
        }
        // The words of its clause: from the comma before it.
        let clause = last_below(&self.commas, at).map_or(0, |c| c + 1);
        if any_within(&self.comparisons, clause, at) {
            return false;
        }
        // The last word of the clause, cut at `at` (`zoalsdoor het lid …`).
        let head = self.text.get(clause..at).unwrap_or_default();
        let cut = head.rsplit(char::is_whitespace).next().unwrap_or_default();
        let runs_on = self
            .text
            .get(at..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| !(c.is_whitespace() || c == ','));
        !(runs_on && COMPARISONS.contains(&cut))
    }
}

/// Whether the sentence is a question.
fn question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '\'', ')', '”', '’'])
        .ends_with('?')
}

/// The motions a reference names, resolved among the motions of the
/// document (one target per number printed).
fn resolve(r: &RawRef, ctx: &Context<'_, '_>) -> Vec<Target> {
    let motions = ctx.motions;
    if !r.numbers.is_empty() {
        return r
            .numbers
            .iter()
            .map(|n| match &r.dossier {
                Some(d) => {
                    let known = motions
                        .numbered(n)
                        .find(|m| m.dossier == Some(d.as_str()))
                        .and_then(|m| m.id);
                    let id = known.map_or_else(|| format!("kst-{d}-{n}"), str::to_string);
                    (Some(id), Some(MotionLink::DossierAndNumber))
                }
                None => match motions.unique_dossier(n) {
                    Some(d) => (Some(format!("kst-{d}-{n}")), Some(MotionLink::Number)),
                    None => (None, None),
                },
            })
            .collect();
    }
    let id_of = |i: &usize| motions.motion(*i).and_then(|m| m.id).map(str::to_string);
    if let Some(ordinal) = r.ordinal {
        let list: &[usize] = match &r.submitter {
            Some(name) => motions.by_submitter(&name_key(name)).0,
            None => motions.order(),
        };
        let list = motions.in_section(list, ctx.section, ctx.before);
        let pick = match ordinal {
            Ordinal::Nth(k) => list.get(k),
            Ordinal::Last => list.last(),
        };
        return vec![match pick.and_then(id_of) {
            Some(id) => (Some(id), Some(MotionLink::Order)),
            None => (None, None),
        }];
    }
    if let Some(name) = &r.submitter {
        let (any, first) = motions.by_submitter(&name_key(name));
        let first = motions.in_section(first, ctx.section, ctx.before);
        let any = motions.in_section(any, ctx.section, ctx.before);
        let one = match (first, any) {
            ([one], _) => Some(one),
            ([], [one]) => Some(one),
            _ => None,
        };
        return vec![match one.and_then(id_of) {
            Some(id) => (Some(id), Some(MotionLink::Submitter)),
            None => (None, None),
        }];
    }
    vec![(None, None)]
}

/// Every advice in the unit `text` (a paragraph of speech `ctx.speech`, by
/// the government or the chair), with the normalised range of its
/// sentence; updates the motion under discussion.
pub(super) fn find(
    text: &str,
    raw: &[RawRef],
    gate: bool,
    ctx: &Context<'_, '_>,
    topic: &mut Option<Topic>,
) -> Vec<((usize, usize), Advice)> {
    let government = is_government(ctx.role);
    let chair = ctx.role == Role::Chair;
    let mut out = Vec::new();
    // The phrases of the whole unit, found in one pass.
    let all: Vec<(usize, usize)> = if gate && (government || chair) {
        phrases(text)
    } else {
        Vec::new()
    };
    if all.is_empty() && raw.is_empty() {
        return out;
    }
    let (mut next_ref, mut next_phrase) = (0, 0);
    // The sentences holding a reference or a phrase, in order.
    loop {
        let p = match (raw.get(next_ref), all.get(next_phrase)) {
            (Some(r), Some(m)) => r.start.min(m.0),
            (Some(r), None) => r.start,
            (None, Some(m)) => m.0,
            (None, None) => break,
        };
        let (a, b) = sentence_at(text, p);
        let b = b.max(p + 1);
        // The references and phrases of this sentence (all lists are in
        // order).
        let here = take_within(raw, &mut next_ref, a, b, |r| (r.start, r.end));
        let matches = take_within(&all, &mut next_phrase, a, b, |&m| m);
        let Some(sentence) = text.get(a..b) else {
            continue;
        };
        // Which references of `here` were given advice.
        let mut used = vec![false; here.len()];
        if !matches.is_empty() && !question(sentence) {
            let facts = Sentence::new(sentence);
            let lower = facts.lower.as_str();
            let speaks_of_motion = !here.is_empty()
                || lower.contains("motie")
                || (!lower.contains("amendement")
                    && (sentence.split_whitespace().count() <= 8
                        || ["erover", "daarover", "hierover"]
                            .iter()
                            .any(|w| lower.contains(w))));
            let mut found: Vec<(AdviceKind, Target)> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut prev_end = 0;
            for (k, &(ms, me)) in matches.iter().enumerate() {
                // Offsets within the sentence.
                let (ms, me) = (ms - a, me - a);
                let kind = facts.kind(sentence.get(ms..me).unwrap_or_default());
                let next_start = matches.get(k + 1).map_or(sentence.len(), |n| n.0 - a);
                let skip = !speaks_of_motion
                    || facts.conditional(ms, me)
                    || sentence
                        .get(..ms)
                        .is_some_and(|h| h.ends_with("niet ") || h.ends_with("geen "))
                    || (chair && kind == AdviceKind::Aanhouden);
                let range_start = prev_end;
                prev_end = me;
                if skip {
                    continue;
                }
                // The motion: nearest reference before, else one right after
                // (`here` is in order).
                let rel = |r: &RawRef| r.start.saturating_sub(a);
                let k = here.partition_point(|r| rel(r) < ms);
                let before = k
                    .checked_sub(1)
                    .filter(|&i| here.get(i).is_some_and(|r| rel(r) >= range_start));
                let k = here.partition_point(|r| rel(r) < me);
                let after = Some(k).filter(|&i| {
                    here.get(i).is_some_and(|r| {
                        let at = rel(r);
                        at < next_start
                            && at - me <= 40
                            && !sentence.get(me..at).is_some_and(|g| g.contains(','))
                    })
                });
                let targets = match before.or(after) {
                    Some(i) => {
                        if let Some(u) = used.get_mut(i) {
                            *u = true;
                        }
                        here.get(i).map_or_else(Vec::new, |r| resolve(r, ctx))
                    }
                    None if chair => continue,
                    None => topic.as_ref().map_or_else(
                        || vec![(None, None)],
                        |t| {
                            let at = Context {
                                section: t.section,
                                before: t.before,
                                ..*ctx
                            };
                            resolve(&t.raw, &at)
                        },
                    ),
                };
                for target in targets {
                    if seen.insert((kind, target.clone())) {
                        found.push((kind, target));
                    }
                }
            }
            for (kind, (kamerstuk, link)) in found {
                out.push((
                    (a, b),
                    Advice {
                        // Id, motion and span: set where it is recorded.
                        id: AdviceId::new(0),
                        kind,
                        kamerstuk,
                        motion: None,
                        link,
                        speech: ctx.speech,
                        span: Span::default(),
                    },
                ));
            }
        }
        // The motion under discussion: the last one given advice or named
        // in the main clause of the sentence (anywhere, by the chair).
        let main_clause = std::cell::OnceCell::new();
        let early = here.iter().zip(&used).rev().find(|&(r, &used)| {
            chair
                || used
                || main_clause
                    .get_or_init(|| MainClause::new(sentence))
                    .holds(r.start.saturating_sub(a))
        });
        if let Some((r, _)) = early {
            *topic = Some(Topic {
                raw: r.clone(),
                section: ctx.section,
                before: ctx.before,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions() {
        let s = "Als ik haar kan verleiden, dan kan ik de motie oordeel Kamer geven.";
        let m = phrase().find(s).unwrap();
        assert!(Sentence::new(s).conditional(m.start(), m.end()));
        let s = "Blijft zij zeggen \"nee\", dan moet ik de motie ontraden.";
        let m = phrase().find(s).unwrap();
        assert!(Sentence::new(s).conditional(m.start(), m.end()));
        let s = "Ik denk dat ik deze toch ga ontraden als deze luidt zoals zij zegt.";
        let m = phrase().find(s).unwrap();
        assert!(Sentence::new(s).conditional(m.start(), m.end()));
        let s = "Dan is de motie op stuk nr. 1009 dus ontraden.";
        let m = phrase().find(s).unwrap();
        assert!(!Sentence::new(s).conditional(m.start(), m.end()));
        let s = "De motie op stuk nr. 5: ontraden tenzij gewijzigd.";
        let m = phrase().find(s).unwrap();
        assert!(!Sentence::new(s).conditional(m.start(), m.end()));
        assert!(question("Oordeel Kamer, neem ik aan?"));
    }

    #[test]
    fn kinds() {
        let k = |s: &str| {
            let (a, b) = phrases(s)[0];
            Sentence::new(s).kind(&s[a..b])
        };
        assert_eq!(
            k("krijgt om die reden: met klem ontraden, met klem."),
            AdviceKind::MetKlemOntraden
        );
        assert_eq!(
            k("Ontraden tenzij gewijzigd."),
            AdviceKind::OntradenTenzijGewijzigd
        );
        assert_eq!(
            k("Die laat ik aan het oordeel van de Kamer."),
            AdviceKind::OordeelKamer
        );
        assert_eq!(k("Die neem ik graag over."), AdviceKind::Overgenomen);
        assert_eq!(
            k("Om die reden laat ik het oordeel erover aan de Kamer."),
            AdviceKind::OordeelKamer
        );
        assert_eq!(
            k("Ik verzoek de motie aan te houden."),
            AdviceKind::Aanhouden
        );
        assert_eq!(phrases("Ik verzoek de motie aan te houden."), [(20, 33)]);
        assert!(phrases("We moeten er rekening mee houden.").is_empty());
        assert_eq!(
            k("De motie op stuk nr. 1009 ontraad ik."),
            AdviceKind::Ontraden
        );
    }

    /// The main clause read once per sentence answers as reading the
    /// sentence's head again for each reference did.
    #[test]
    fn main_clause_as_per_reference() {
        fn per_reference(sentence: &str, at: usize) -> bool {
            let head = sentence.get(..at).unwrap_or_default();
            let clause = head.rsplit(',').next().unwrap_or_default();
            sentence[..at].split_whitespace().count() < 14
                && !clause.split_whitespace().any(|w| COMPARISONS.contains(&w))
        }
        for sentence in [
            "In de motie van de heer Van Houwelingen staat dat de motie-Van Raan en de motie-X",
            "Zoals de motie-A, de motie-B en, conform de motie-C, de motie-D alsdoor het lid",
            "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien motie",
            "a,zoals motie,b strijd,motie als  motie zoalsmotie",
        ] {
            let clause = MainClause::new(sentence);
            for (at, _) in sentence.char_indices() {
                assert_eq!(
                    clause.holds(at),
                    per_reference(sentence, at),
                    "{sentence:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn many_phrases_in_one_sentence() {
        let s = format!("De motie {}.", "ontraden ".repeat(100));
        let f = Sentence::new(&s);
        let all = phrases(&s);
        assert_eq!(all.len(), 100);
        assert!(all
            .iter()
            .all(|&(a, b)| f.kind(&s[a..b]) == AdviceKind::Ontraden));
        assert!(!all.iter().any(|&(a, b)| f.conditional(a, b)));
    }
}
