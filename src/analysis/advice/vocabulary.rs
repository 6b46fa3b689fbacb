//! The words of advice: which phrases give advice on a motion, of which
//! kind, and whether a phrase is said as the advice or only offered under a
//! condition.
//!
//! | said | kind |
//! |---|---|
//! | `ontraden`, `ontraad ik` | [`AdviceKind::Ontraden`] |
//! | `met klem` in the sentence | [`AdviceKind::MetKlemOntraden`] |
//! | `tenzij` in the sentence | [`AdviceKind::OntradenTenzijGewijzigd`] |
//! | `oordeel Kamer`, `laat ik aan het oordeel van de Kamer`, `laat ik het oordeel (erover) aan de Kamer`, `met de volgende interpretatie` | [`AdviceKind::OordeelKamer`] |
//! | `ondersteuning van beleid` | [`AdviceKind::OndersteuningVanBeleid`] |
//! | `overnemen`, `overgenomen`, `neem ik graag over` | [`AdviceKind::Overgenomen`] |
//! | `aan te houden`, `aanhouden` | [`AdviceKind::Aanhouden`] |
//! | `is ontijdig` | [`AdviceKind::Ontijdig`] |
//! | `acht ik overbodig` | [`AdviceKind::Overbodig`] |
//! | `hoef ik niet te appreciëren`, `een spreekt-uitmotie` | [`AdviceKind::GeenAppreciatie`] |
//! | `is een verzoek aan het Presidium` | [`AdviceKind::VerzoekAanPresidium`] |

use std::sync::OnceLock;

use super::super::scan::{self, Hit, Phrase, Word};
use crate::AdviceKind;

/// Every phrase of the table above, each with the word of the unit's
/// search it is found by ([`scan::phrases`]) and how many bytes before
/// that word it starts. `what` is the words that must stand before the
/// phrase, any case, and belong to it: `houden` is advice only in `aan te
/// houden`, `appreciëren` only in `niet te appreciëren`. No two phrases
/// can start at one place: their words differ within the first three
/// bytes (`Ontra`, `Ontijdig`, `Ondersteuning`, `Oordeel`, `Overgenomen`,
/// `Overnemen`, `Overbodig` …), and `aanhouden` and `houden` start
/// three bytes apart. Normalised text has single spaces between words.
const PHRASES: &[Phrase<Option<&str>>] = &[
    Phrase {
        words: &[Word::Ntra],
        back: &[1],
        regex: r"^[Oo]ntra(?:den|ad|adt|dde|dden)(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Ordeel],
        back: &[1],
        regex: r"^(?:[Oo]ordeel (?:van de )?[Kk]amer|[Oo]ordeel (?:[^ ]+ ){0,4}?aan de [Kk]amer)(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Nterpretatie],
        back: &["met de volgende i".len()],
        regex: r"^[Mm]et de volgende interpretatie(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Ndersteuning],
        back: &[1],
        regex: r"^[Oo]ndersteuning van (?:het )?beleid(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Vergenomen],
        back: &[1],
        regex: r"^[Oo]vergenomen(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Vernemen],
        back: &[1],
        regex: r"^[Oo]vernemen(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Neem, Word::NeemCapital],
        back: &[0],
        regex: r"^[Nn]eem (?:ik|we|wij) (?:[^ ]+ ){0,3}?over(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Houden],
        back: &["aan".len()],
        regex: r"^[Aa]anhouden(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Houden],
        back: &[0],
        regex: r"^houden(?-u:\b)",
        what: Some("aan te "),
    },
    Phrase {
        words: &[Word::Ntijdig],
        back: &[1],
        regex: r"^[Oo]ntijdig(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Verbodig],
        back: &[1],
        regex: r"^[Oo]verbodig(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Ppreci],
        back: &[1],
        regex: r"^appreci(?:ëren|eren)(?-u:\b)",
        what: Some("niet te "),
    },
    Phrase {
        words: &[Word::Preekt],
        back: &[1],
        regex: r"^[Ss]preekt[- ]uit-?motie(?-u:\b)",
        what: None,
    },
    Phrase {
        words: &[Word::Residium],
        back: &["verzoek aan het p".len()],
        regex: r"^[Vv]erzoek aan het [Pp]residium(?-u:\b)",
        what: None,
    },
];

/// The advice phrases of a unit with text `text`, found from the hits of
/// its search: byte ranges, `aan te houden` and `niet te appreciëren`
/// whole; in order.
pub(super) fn phrases<'t>(
    text: &'t str,
    hits: &'t [Hit],
) -> impl Iterator<Item = (usize, usize)> + 't {
    static COMPILED: OnceLock<scan::Compiled> = OnceLock::new();
    let found = scan::phrases(text, hits, PHRASES, &COMPILED).filter_map(|(start, end, phrase)| {
        let Some(words) = phrase.what else {
            return Some((start, end));
        };
        let head = text.get(..start)?;
        let tail = head.get(head.len().checked_sub(words.len())?..)?;
        tail.eq_ignore_ascii_case(words)
            .then(|| (start - words.len(), end))
    });
    found
}

/// Words that open a conditional clause.
const CONDITIONS: &[&str] = &[
    "als", "indien", "mocht", "wanneer", "zodra", "stel", "mits", "tenzij", "zolang", "ingeval",
];

/// How many words after a phrase a condition still binds it (`oordeel
/// Kamer kunnen geven als …`).
const CONDITION_REACH: usize = 4;

/// Whether `word` (lowercase) opens a condition.
fn is_condition(word: &str) -> bool {
    CONDITIONS.contains(&word)
}

/// The verbs of a reading: `als ik haar zo mag lezen dat …` is no condition
/// but the interpretation the advice is given with (`oordeel Kamer met de
/// volgende interpretatie`); so is the leave the government asks to do it
/// its way (`Als ik omstreeks de zomer met een reactie mag komen, …`).
const READINGS: &[&str] = &[
    "mag",
    "lezen",
    "lees",
    "interpreteren",
    "interpreteer",
    "opvatten",
    "opvat",
    "uitleggen",
    "begrijpen",
    "verstaan",
];

/// Whether `lower` holds a condition that is a reading of the motion: a
/// word of [`CONDITIONS`], then `ik` within three words and a verb of
/// [`READINGS`] within eight (`als ik die zo mag lezen dat …`).
fn is_reading(lower: &str) -> bool {
    // Since the last condition word: how many words, and whether `ik` was
    // among the first three.
    let mut since: Option<(usize, bool)> = None;
    let words = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty());
    for w in words {
        if let Some((n, ik)) = since.as_mut() {
            *n += 1;
            *ik |= *n <= 3 && w == "ik";
            if *ik && READINGS.contains(&w) {
                return true;
            }
            if *n >= 8 {
                since = None;
            }
        }
        if is_condition(w) {
            since = Some((0, false));
        }
    }
    false
}

/// What a sentence with advice phrases says around them, read once for
/// all of them (a paragraph without a full stop is one sentence, and may
/// hold any number of phrases).
#[derive(Debug, Default)]
pub(super) struct Sentence {
    pub lower: String,
    /// The clauses of the sentence (split at `;` and `:`): where each
    /// starts, and whether it opens with a word of [`CONDITIONS`] (after
    /// `en`, `maar`, `dus`).
    clauses: Vec<(usize, bool)>,
    /// Where the first `, dan ` starts.
    comma_dan: Option<usize>,
    met_klem: bool,
    tenzij: bool,
    /// `deel van` (`Dat deel van de motie is dus wat overbodig.`).
    part: bool,
    /// Its condition is a reading of the motion ([`is_reading`]): read
    /// only for a sentence with a condition.
    reading: std::cell::OnceCell<bool>,
}

/// The first word of `clause`, lowercase, after `en`, `maar` or `dus`.
fn opening_word(clause: &str) -> &str {
    let mut words = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    match words.next() {
        Some("en" | "maar" | "dus") => words.next().unwrap_or_default(),
        first => first.unwrap_or_default(),
    }
}

impl Sentence {
    /// `text`, read.
    #[cfg(test)]
    pub fn new(text: &str) -> Self {
        let mut s = Sentence::default();
        s.read(text);
        s
    }

    /// Reads `text` into this sentence, in the lists it already has (one
    /// sentence after another costs no allocation of its own).
    pub fn read(&mut self, text: &str) {
        self.lower.clear();
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        let lower = self.lower.as_str();
        // Each clause is read up to its end only: `;;;;` costs no more
        // than its length.
        let bytes = lower.as_bytes();
        let stops = memchr::memchr2_iter(b';', b':', bytes);
        let starts = std::iter::once(0).chain(stops.clone().map(|i| i + 1));
        let ends = stops.chain(std::iter::once(lower.len()));
        self.clauses.clear();
        self.clauses.extend(starts.zip(ends).map(|(s, e)| {
            let clause = lower.get(s..e).unwrap_or_default();
            (s, is_condition(opening_word(clause)))
        }));
        self.comma_dan = lower.find(", dan ");
        self.met_klem = lower.contains("met klem");
        self.tenzij = lower.contains("tenzij");
        self.part = lower.contains("deel van");
        self.reading = std::cell::OnceCell::new();
    }

    /// Whether the phrase at `[start, end)` is offered under a condition:
    /// its clause opens with one (`als het dictum wordt aangepast, oordeel
    /// Kamer`), `, dan` comes before it (`Blijft zij zeggen "…", dan moet ik
    /// de motie ontraden.`), or one follows within [`CONDITION_REACH`]
    /// words of its clause (`oordeel Kamer kunnen geven als …`, `ontraden,
    /// mits …`; not `tenzij`: `ontraden tenzij gewijzigd` is a kind of
    /// advice); not when the condition is a reading of the motion (`oordeel
    /// Kamer geven als ik die zo mag lezen dat …`: the advice, with its
    /// interpretation).
    pub fn conditional(&self, start: usize, end: usize) -> bool {
        self.condition_near(start, end) && !*self.reading.get_or_init(|| is_reading(&self.lower))
    }

    fn condition_near(&self, start: usize, end: usize) -> bool {
        let k = self.clauses.partition_point(|c| c.0 <= start);
        if k.checked_sub(1)
            .and_then(|k| self.clauses.get(k))
            .is_some_and(|c| c.1)
        {
            return true;
        }
        if self.comma_dan.is_some_and(|i| i + ", dan ".len() <= start) {
            return true;
        }
        // The words after it, lazily: no further than the reach.
        let after = self.lower.get(end..).unwrap_or_default();
        let words = after
            .split(|c: char| c.is_whitespace() || c == ',')
            .take(4 * CONDITION_REACH)
            .filter(|w| !w.is_empty())
            .take(CONDITION_REACH);
        for w in words {
            let stop = w.find([';', ':', '.']);
            let word = stop.and_then(|i| w.get(..i)).unwrap_or(w);
            if word != "tenzij" && is_condition(word) {
                return true;
            }
            if stop.is_some() {
                return false;
            }
        }
        false
    }

    /// Whether advice of `kind` is said of a part of the motion only
    /// (`dat deel van de motie`), and so no advice on it.
    pub fn of_a_part(&self, kind: AdviceKind) -> bool {
        self.part && judges_other_things(kind)
    }

    /// The kind of advice of the phrase `m`.
    pub fn kind(&self, m: &str) -> AdviceKind {
        let m = Lower(m.as_bytes());
        if m.starts_with("ontra") {
            if self.met_klem {
                AdviceKind::MetKlemOntraden
            } else if self.tenzij {
                AdviceKind::OntradenTenzijGewijzigd
            } else {
                AdviceKind::Ontraden
            }
        } else if m.starts_with("oordeel") || m.starts_with("met de volgende") {
            AdviceKind::OordeelKamer
        } else if m.starts_with("ondersteuning") {
            AdviceKind::OndersteuningVanBeleid
        } else if m.starts_with("ontijdig") {
            AdviceKind::Ontijdig
        } else if m.starts_with("overbodig") {
            AdviceKind::Overbodig
        } else if m.starts_with("niet te") || m.starts_with("spreekt") {
            AdviceKind::GeenAppreciatie
        } else if m.starts_with("verzoek aan") {
            AdviceKind::VerzoekAanPresidium
        } else if m.contains("houden") {
            AdviceKind::Aanhouden
        } else {
            AdviceKind::Overgenomen
        }
    }
}

/// A phrase compared in ASCII lowercase, without lowercasing a copy.
struct Lower<'m>(&'m [u8]);

impl Lower<'_> {
    fn starts_with(&self, prefix: &str) -> bool {
        self.0
            .get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
    }

    fn contains(&self, word: &str) -> bool {
        self.0
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    }
}

/// `ontijdig` and `overbodig` are said of other things too (`Dat lijkt me
/// overbodig.`, `Dat deel van de motie is dus wat overbodig.`).
fn judges_other_things(kind: AdviceKind) -> bool {
    matches!(kind, AdviceKind::Ontijdig | AdviceKind::Overbodig)
}

/// Whether advice of `kind` may stand in a short sentence that names no
/// motion (`Oordeel Kamer.`): not [`judges_other_things`].
pub(super) fn stands_alone(kind: AdviceKind) -> bool {
    !judges_other_things(kind)
}

/// Whether the sentence (lowercase) points at a motion with a pronoun: it
/// opens with `die`, `deze`, `zij` or `ze`, or says `'m`, `haar` or
/// `hem` (`Nee, ik ontraad 'm toch.`).
pub(super) fn pronoun(lower: &str) -> bool {
    matches!(opening_word(lower), "die" | "deze" | "zij" | "ze")
        || lower.contains(" 'm")
        || lower.contains(" ’m")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "haar" || w == "hem")
}

/// Where the word `motie` (or `motie-Jansen`; not `moties`, `emotie`)
/// first stands in `text`.
pub(super) fn first_motion_word(text: &str) -> Option<usize> {
    text.match_indices("otie").find_map(|(at, _)| {
        let start = at.checked_sub(1)?;
        let m = text.get(start..at)?;
        let before = text.get(..start)?.chars().next_back();
        let after = text.get(at + "otie".len()..)?.chars().next();
        let word = matches!(m, "m" | "M")
            && !before.is_some_and(char::is_alphabetic)
            && !after.is_some_and(char::is_alphabetic);
        word.then_some(start)
    })
}

/// Whether the sentence is a question.
pub(super) fn question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(['"', '\'', ')', '”', '’'])
        .ends_with('?')
}

#[cfg(test)]
#[path = "vocabulary_tests.rs"]
mod tests;
