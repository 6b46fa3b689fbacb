//! How the government's advice on a motion is linked to the motion: the
//! reference that names it, resolved among the motions of the document (by
//! number, dossier and number, submitter or order), and the main clause of a
//! sentence, which decides whether a motion named in it becomes the motion
//! under discussion (`Allereerst de motie op stuk nr. 12.`).

use super::super::refs::{Ordinal, RawRef};
use super::super::{any_within, last_below, name_key};
use super::Context;
use crate::MotionLink;

/// A motion as linked: its id and how it was named.
pub(super) type Target = (Option<String>, Option<MotionLink>);

/// The words before a reference that make it a comparison, not what the
/// sentence is about.
const COMPARISONS: &[&str] = &["zoals", "conform", "als", "strijd", "botst"];

/// The main clause of a sentence with references, read once for all of
/// them: its first fourteen words (a reference after them is never what the
/// sentence is about), their commas and comparisons.
pub(super) struct MainClause<'s> {
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
    /// Reads the first fourteen words of `sentence` once: where the
    /// fourteenth starts, the commas and the comparisons before it (words
    /// between whitespace and commas).
    pub(super) fn new(sentence: &'s str) -> Self {
        let mut limit = usize::MAX;
        let (mut words, mut in_word) = (0, false);
        let mut run: Option<usize> = None;
        let (mut commas, mut comparisons) = (Vec::new(), Vec::new());
        let mut close = |run: &mut Option<usize>, end: usize| {
            if let Some(start) = run.take() {
                if sentence
                    .get(start..end)
                    .is_some_and(|w| COMPARISONS.contains(&w))
                {
                    comparisons.push((start, end));
                }
            }
        };
        for (i, c) in sentence.char_indices() {
            let space = c.is_whitespace();
            if !space && !in_word {
                if words == 13 {
                    limit = i;
                    break;
                }
                words += 1;
            }
            in_word = !space;
            if space || c == ',' {
                close(&mut run, i);
                if c == ',' {
                    commas.push(i);
                }
            } else if run.is_none() {
                run = Some(i);
            }
        }
        close(&mut run, sentence.len());
        MainClause {
            text: sentence,
            limit,
            commas,
            comparisons,
        }
    }

    /// Whether a reference at `at` reads as what the sentence is about:
    /// within its first fourteen words and not in a comparison (`zoals …
    /// bij de motie van de heer Van Houwelingen`, `conform de motie-…`).
    pub(super) fn holds(&self, at: usize) -> bool {
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

/// The motions a reference names, resolved among the motions of the
/// document (one target per number printed).
pub(super) fn resolve(r: &RawRef, ctx: &Context<'_, '_>) -> Vec<Target> {
    let motions = ctx.motions;
    if r.has_numbers() {
        return r
            .numbers()
            .map(|n| match motions.kamerstuk_of(r, n) {
                Some((id, link)) => (Some(String::from(id)), Some(link)),
                None => (None, None),
            })
            .collect();
    }
    let id_of = |i: &usize| motions.motion(*i).and_then(|m| m.id).map(str::to_string);
    if let Some(ordinal) = r.ordinal {
        let list: &[usize] = match r.submitter {
            Some(name) => motions.by_submitter(&name_key(name)).0,
            None => motions.order(),
        };
        let list = motions.in_section(list, ctx.section, ctx.before);
        let pick = match ordinal {
            Ordinal::Nth(k) => list.get(usize::from(k)),
            Ordinal::Last => list.last(),
        };
        return vec![match pick.and_then(id_of) {
            Some(id) => (Some(id), Some(MotionLink::Order)),
            None => (None, None),
        }];
    }
    if let Some(name) = r.submitter {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
