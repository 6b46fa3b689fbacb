//! The government's advice on motions: `De motie op stuk nr. 1009 ontraad
//! ik.`, `Die laat ik aan het oordeel van de Kamer.`, `Oordeel Kamer.`, `De
//! motie op stuk nr. 1011 krijgt om die reden: met klem ontraden.`, `Die
//! hoef ik niet te appreciëren, want dat is een spreekt-uitmotie.`.
//!
//! Who counts. A minister, state secretary or the minister-president gives
//! advice. The chair's restatement counts too (`De motie op stuk nr. 980 is
//! ontraden.`), but only when it names the motion in the same sentence and
//! is not `aanhouden` (which a member asks for, not the government). A
//! member's sentence (`waarom mijn motie op stuk nr. 1010 ontraden wordt`)
//! never counts.
//!
//! What counts ([`vocabulary`] has the phrases and their kinds). A sentence
//! with a phrase of advice that speaks of a motion (the word `motie`, a
//! reference, a pronoun for it: `Die …`, `'m`, `haar`; `erover` (`laat ik
//! het oordeel erover aan de Kamer`), or a sentence of at most eight words:
//! `Oordeel Kamer.`; for the government also any sentence after the word
//! `motie` in its paragraph: `De motie op stuk nr. 255 … Om die reden zou
//! ik het oordeel aan de Kamer willen laten.`; not an `amendement`), and is
//! not
//! - a question (`Oordeel Kamer, neem ik aan?`);
//! - negated (`niet overnemen`);
//! - a condition: its clause opening with `Als`, `Indien`, `Mocht` …, with
//!   `, dan` before the phrase (`Blijft zij zeggen "…", dan moet ik de
//!   motie ontraden.`), or `als`, `indien`, `mits` … within four words after
//!   it (`Ik zou de motie oordeel Kamer kunnen geven als …`). A conditional
//!   advice is an offer, not the advice: it is not recorded, but a
//!   conditional `oordeel Kamer` right after an `ontraden` of the same
//!   motion in the same speech (`Zoals de motie nu luidt, ontraad ik haar;
//!   als het dictum wordt aangepast, oordeel Kamer.`, `… moet ik ontraden.
//!   Ik zou de motie oordeel Kamer kunnen geven als …`) makes that advice
//!   [`AdviceKind::OntradenTenzijGewijzigd`].
//!
//! Which motion ([`link`]). The reference nearest before the phrase in the
//! sentence (`De motie-Slootweg op stuk nr. 1009 moet ik ontraden, omdat die
//! … van de motie-Van Raan c.s.` is about 1009), else one right after it
//! (`ontraad ik de motie op stuk nr. 1009`), else, for the government, the
//! motion under discussion: the last motion given advice, named by the
//! chair (`De motie op stuk nr. 981.`), or named by the government in the
//! main clause of a sentence (in its first fourteen words, not after
//! `zoals` or `conform`: `In de motie van de heer Van Houwelingen staat:
//! …`), within the agenda item (`Allereerst de motie op stuk nr. 12. …
//! Ik geef de motie oordeel Kamer.`); members' speeches neither set nor end
//! it. A motion named but not resolved (`de motie-Van Raan c.s.`, an
//! earlier one) is under discussion too, so what follows is not linked to
//! the motion before it. A reference is resolved among the motions of the
//! document: by number (and dossier, when printed), by submitter (only when
//! one motion of the agenda item so far has that first submitter, or else
//! that submitter at all), or by order (`De eerste motie` is the first
//! motion of the agenda item). A motion named but not resolved gets
//! `kamerstuk: null`, never a guess.
//!
//! Several records may concern one motion (the minister's, then the
//! chair's); they are kept in document order and the last is the final word
//! ([`crate::Analysis::final_advice`]).
//!
//! Cost. A sentence is read once for all its phrases
//! ([`vocabulary::Sentence`]) and once for all its references
//! ([`link::MainClause`], its first fourteen words only); each phrase then
//! finds its reference by binary search, so a sentence of any number of
//! phrases and references costs time in proportion to its length.

mod link;
mod vocabulary;

use super::refs::{PackedRef, RawRef};
use super::scan::Hit;
use super::{sentence_at, take_within, MotionIndex};
use super::{Advice, AdviceKind};
use crate::tree::{AdviceId, NodeId, Role, Span};
use link::{resolve, MainClause, Target};
use vocabulary::{first_motion_word, phrases, pronoun, question, stands_alone, Sentence};

/// The motion under discussion, for `deze motie` and `Oordeel Kamer.`: the
/// reference that named it, resolved only when advice needs it.
#[derive(Debug, Clone)]
pub(super) struct Topic<'t> {
    raw: RawRef<'t>,
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

/// An advice found in a unit, with the normalised range of its sentence.
pub(super) type Found = ((usize, usize), Advice);

/// The lists [`find`] works in, kept from one unit to the next (so that a
/// unit with advice costs no allocation for them).
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The unit's advice, as found.
    pub(super) found: Vec<Found>,
    /// The unit's phrases.
    all: Vec<(u32, u32)>,
    /// Which references of a sentence were given advice.
    used: Vec<bool>,
    /// The advice of a sentence, once each.
    seen: std::collections::HashSet<(AdviceKind, Target)>,
    /// What the sentence being read says around its phrases.
    sentence: Sentence,
}

impl Scratch {
    /// Empties the lists for the next unit; a list a large unit grew is
    /// given back, so that what is kept between units stays small (and
    /// is not held beside the unit's records: call it once the advice
    /// found is taken).
    pub(super) fn reset(&mut self) {
        const KEEP: usize = 1024;
        fn reset<T>(v: &mut Vec<T>) {
            if v.capacity() > KEEP {
                *v = Vec::new();
            }
            v.clear();
        }
        reset(&mut self.found);
        reset(&mut self.all);
        reset(&mut self.used);
        if self.seen.capacity() > KEEP {
            self.seen = std::collections::HashSet::new();
        }
        self.seen.clear();
        if self.sentence.lower.capacity() > KEEP {
            self.sentence = Sentence::default();
        }
    }
}

/// Makes the last advice `ontraden tenzij gewijzigd` when it is a plain
/// `ontraden` of `target`: the conditional `oordeel Kamer` that follows it
/// says on what terms.
fn unless_changed(last: Option<&mut Advice>, target: &Target) {
    if let Some(a) = last.filter(|a| a.kind == AdviceKind::Ontraden && a.kamerstuk == target.0) {
        a.kind = AdviceKind::OntradenTenzijGewijzigd;
        a.appreciation = a.kind.appreciation();
    }
}

/// Every advice in the unit `text` (a paragraph of speech `ctx.speech`, by
/// the government or the chair), with the normalised range of its
/// sentence, in `scratch.found` (emptied first); updates the motion under
/// discussion. `last` is the advice recorded last before the unit, when it
/// is of the same speech: a conditional `oordeel Kamer` at the start of the
/// unit may qualify it.
#[allow(clippy::too_many_arguments)]
pub(super) fn find<'t>(
    text: &'t str,
    hits: &[Hit],
    raw: &[PackedRef],
    gate: bool,
    ctx: &Context<'_, '_>,
    topic: &mut Option<Topic<'t>>,
    mut last: Option<&mut Advice>,
    scratch: &mut Scratch,
) {
    let government = is_government(ctx.role);
    let chair = ctx.role == Role::Chair;
    scratch.reset();
    let Scratch {
        found: out,
        all,
        used,
        seen,
        sentence: facts,
    } = scratch;
    // The phrases of the whole unit, found in one pass.
    // As `u32` offsets, 8 bytes a phrase (a unit may be all phrases): a
    // phrase past the first 4 GiB of one unit is not read.
    if gate && (government || chair) {
        for (s, e) in phrases(text, hits) {
            if let (Ok(s), Ok(e)) = (u32::try_from(s), u32::try_from(e)) {
                super::grow(all).push((s, e));
            }
        }
    }
    if all.is_empty() && raw.is_empty() {
        return;
    }
    // The government names the motion, then gives its advice in a later
    // sentence of the paragraph (`De motie op stuk nr. 255 … Om die reden
    // zou ik het oordeel aan de Kamer willen laten.`).
    // (Read only for a sentence that names no motion itself.)
    let named_at = std::cell::OnceCell::new();
    let (mut next_ref, mut next_phrase) = (0, 0);
    // The sentences holding a reference or a phrase, in order.
    loop {
        let p = match (raw.get(next_ref), all.get(next_phrase)) {
            (Some(r), Some(m)) => r.start().min(m.0 as usize),
            (Some(r), None) => r.start(),
            (None, Some(m)) => m.0 as usize,
            (None, None) => break,
        };
        let (a, b) = sentence_at(text, p);
        let b = b.max(p + 1);
        // The references and phrases of this sentence (all lists are in
        // order).
        let here = take_within(raw, &mut next_ref, a, b, |r| (r.start(), r.end()));
        let matches = take_within(all, &mut next_phrase, a, b, |&(s, e)| {
            (s as usize, e as usize)
        });
        let Some(sentence) = text.get(a..b) else {
            continue;
        };
        // Which references of `here` were given advice.
        used.clear();
        used.resize(here.len(), false);
        if !matches.is_empty() && !question(sentence) {
            facts.read(sentence);
            let facts = &*facts;
            let lower = facts.lower.as_str();
            let named_before = || {
                government
                    && named_at
                        .get_or_init(|| first_motion_word(text))
                        .is_some_and(|n| n < a)
                    && !lower.contains("amendement")
            };
            let names_motion =
                !here.is_empty() || lower.contains("motie") || pronoun(lower) || named_before();
            let short = !lower.contains("amendement")
                && (sentence.split_whitespace().count() <= 8
                    || ["erover", "daarover", "hierover"]
                        .iter()
                        .any(|w| lower.contains(w)));
            seen.clear();
            let mut prev_end = 0;
            for (k, &(ms, me)) in matches.iter().enumerate() {
                // Offsets within the sentence.
                let (ms, me) = (ms as usize - a, me as usize - a);
                let kind = facts.kind(sentence.get(ms..me).unwrap_or_default());
                let next_start = matches
                    .get(k + 1)
                    .map_or(sentence.len(), |n| n.0 as usize - a);
                let conditional = facts.conditional(ms, me);
                let skip = !(names_motion || (short && stands_alone(kind)))
                    || facts.of_a_part(kind)
                    || (conditional && kind != AdviceKind::OordeelKamer)
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
                let rel = |r: &PackedRef| r.start().saturating_sub(a);
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
                        here.get(i)
                            .map_or_else(Vec::new, |r| resolve(&r.get(text), ctx))
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
                if conditional {
                    // An offer, not the advice: it qualifies the `ontraden`
                    // just before it, if that is of the same motion.
                    for target in &targets {
                        let last = match out.last_mut() {
                            Some((_, a)) => Some(a),
                            None => last.as_deref_mut(),
                        };
                        unless_changed(last, target);
                    }
                    continue;
                }
                for target in targets {
                    if !seen.insert((kind, target.clone())) {
                        continue;
                    }
                    let (kamerstuk, link) = target;
                    out.push((
                        (a, b),
                        Advice {
                            // Id, motion and span: set where it is recorded.
                            id: AdviceId::new(0),
                            kind,
                            appreciation: kind.appreciation(),
                            kamerstuk,
                            motion: None,
                            link,
                            speech: ctx.speech,
                            span: Span::default(),
                        },
                    ));
                }
            }
        }
        // The motion under discussion: the last one given advice or named
        // in the main clause of the sentence (anywhere, by the chair).
        let main_clause = std::cell::OnceCell::new();
        let early = here.iter().zip(used.iter()).rev().find(|&(r, &used)| {
            chair
                || used
                || main_clause
                    .get_or_init(|| MainClause::new(sentence))
                    .holds(r.start().saturating_sub(a))
        });
        if let Some((r, _)) = early {
            *topic = Some(Topic {
                raw: r.get(text),
                section: ctx.section,
                before: ctx.before,
            });
        }
    }
}
