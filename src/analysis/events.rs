//! Procedural events of the sitting, in document order.
//!
//! Most come from lines the grammar has already typed: procedural lines
//! (`De vergadering wordt om 10.15 uur geopend.`, `De beraadslaging wordt
//! gesloten.`, `Sluiting 17.39 uur.`), suspensions, and who presides
//! (`Voorzitter: Bergkamp`, also when the chair changes in the middle). The rest are said by the chair inside a
//! speech, one sentence each:
//! - resumption: `Ik heropen de vergadering.`, `We hervatten.`;
//! - opening and closing: `Ik open de vergadering.`, `Ik sluit de
//!   vergadering.`;
//! - the announcement of the votes: a sentence with `stemmen`, `stemming`
//!   or `stemmingen` and a day (`aanstaande dinsdag`, `volgende week
//!   dinsdag`, `de dinsdag na het reces`): `Ik stel voor aanstaande dinsdag
//!   over de moties te stemmen.`, `Dinsdag stemmen wij over de moties.`
//!   `… in te stemmen met …` is agreeing, not voting, and is passed over.
//!
//! The chair's `Ik schors …` is not an event of its own: the suspension
//! line that follows it is.
//!
//! Cost: the nodes give their events as the layer passes them; a chair's
//! paragraph is read only around the trigger words its one search found
//! ([`super::scan`]), a sentence at most once.

use std::sync::OnceLock;

use regex::Regex;

use super::scan::{self, Hit, Phrase, Word};
use super::{sentence_at, Event};
use crate::search::re;
use crate::text::Text;
use crate::tree::{EventId, Node, NodeId, NodeKind, Procedure};

/// The event a node is, when the grammar has typed it: a procedural line
/// (not an agenda announcement or a note), or who presides.
pub(super) fn of_node<'a>(node: &Node<'a>, out: &mut Vec<Event<'a>>) {
    let (kind, text) = match &node.kind {
        NodeKind::Procedural(p) => {
            if matches!(p.kind, Procedure::AgendaAnnouncement | Procedure::Note) {
                return;
            }
            (p.kind.clone(), p.text.clone())
        }
        NodeKind::Presiding(p) => (
            Procedure::ChairTaken {
                name: p.name.to_string(),
            },
            p.name.clone(),
        ),
        _ => return,
    };
    out.push(Event {
        id: EventId::new(out.len()),
        kind,
        node: node.id,
        text,
    });
}

/// `om 10.15 uur` in a sentence of the chair, as `10:15`.
fn time(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(&RE, r"\bom (\d{1,2})[.:](\d{2}) uur\b").captures(text)?;
    Some(crate::grammar::clock(
        c.get(1)?.as_str(),
        c.get(2)?.as_str(),
    ))
}

/// The words that make the chair's sentence worth reading: `Stemmen`,
/// `stemming`, `stemmingen`, `heropen`, `hervatten`, `open de
/// vergadering`, `sluit de vergadering`, each a whole word. They start
/// with different letters, so no two start at one place.
const TRIGGERS: &[Phrase<()>] = &[
    Phrase {
        words: &[Word::Temm],
        back: &[1],
        regex: r"^[Ss]temm(?:en|ing|ingen)(?-u:\b)",
        what: (),
    },
    Phrase {
        words: &[Word::Heropen],
        back: &[0],
        regex: r"^heropen(?-u:\b)",
        what: (),
    },
    Phrase {
        words: &[Word::Hervatten],
        back: &[0],
        regex: r"^hervatten(?-u:\b)",
        what: (),
    },
    Phrase {
        words: &[Word::DeVergadering],
        back: &["open ".len(), "sluit ".len()],
        regex: r"^(?:open|sluit) de vergadering(?-u:\b)",
        what: (),
    },
];

/// The events the chair states in one paragraph of speech `node`, whose
/// search found `hits`: the sentences around the trigger words, each read
/// once.
pub(super) fn chair_paragraph<'a>(
    source: &Text<'a>,
    hits: &[Hit],
    node: NodeId,
    out: &mut Vec<Event<'a>>,
) {
    static COMPILED: OnceLock<scan::Compiled> = OnceLock::new();
    let text = source.as_str();
    let mut last_sentence_end = 0;
    for (start, end, _) in scan::phrases(text, hits, TRIGGERS, &COMPILED) {
        if start < last_sentence_end {
            continue;
        }
        let (a, b) = sentence_at(text, start);
        last_sentence_end = b.max(end);
        let Some(kind) = text.get(a..b).and_then(chair_event) else {
            continue;
        };
        out.push(Event {
            id: EventId::new(out.len()),
            kind,
            node,
            text: source.slice(a..b),
        });
    }
}

/// What one sentence of the chair records, if anything.
fn chair_event(sentence: &str) -> Option<Procedure> {
    static RESUME: OnceLock<Regex> = OnceLock::new();
    static OPEN_CLOSE: OnceLock<Regex> = OnceLock::new();
    static VOTES: OnceLock<Regex> = OnceLock::new();
    static AGREE: OnceLock<Regex> = OnceLock::new();
    static WHEN: OnceLock<Regex> = OnceLock::new();
    if re(
        &RESUME,
        r"^(?:Ik heropen de vergadering|We hervatten|Wij hervatten)\b",
    )
    .is_match(sentence)
    {
        return Some(Procedure::SittingResumed { at: None });
    }
    if let Some(c) = re(&OPEN_CLOSE, r"^Ik (open|sluit) de vergadering\b").captures(sentence) {
        let at = time(sentence);
        return Some(match c.get(1).map(|m| m.as_str()) {
            Some("open") => Procedure::SittingOpened { at },
            _ => Procedure::SittingClosed { at },
        });
    }
    let votes = re(&VOTES, r"(?-u:\b)[Ss]temm(?:en|ing|ingen)(?-u:\b)");
    let agree = re(&AGREE, r"(?-u:\b)[Ii]n te stemmen(?-u:\b)");
    if !votes.is_match(sentence) || agree.is_match(sentence) {
        return None;
    }
    let when = re(
        &WHEN,
        r"(?i-u)\b(?:(?:de |op )?(?:aanstaande|volgende week|komende|deze) )?(?:maandag|dinsdag|woensdag|donderdag|vrijdag)(?: na het reces| over een week| volgende week)?\b|\bna het reces\b",
    );
    let day = when.find(sentence)?;
    let mut when_text = day.as_str();
    // `De dinsdag na het reces`: keep the article that begins the phrase.
    if let Some(before) = sentence.get(..day.start()) {
        if before.ends_with("de ") || before.ends_with("De ") {
            when_text = sentence
                .get(day.start().saturating_sub(3)..day.end())
                .unwrap_or(when_text);
        }
    }
    Some(Procedure::VotesAnnounced {
        when: Some(when_text.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(s: &str) -> Option<String> {
        match chair_event(s) {
            Some(Procedure::VotesAnnounced { when }) => when,
            _ => None,
        }
    }

    /// The trigger table finds what the one regex it replaced found.
    #[test]
    fn triggers_as_one_regex() {
        static COMPILED: OnceLock<scan::Compiled> = OnceLock::new();
        let one = Regex::new(
            r"(?-u:\b)(?:[Ss]temm(?:en|ing|ingen)|heropen|hervatten|(?:open|sluit) de vergadering)(?-u:\b)",
        )
        .unwrap();
        let owner = super::super::index::Owner::Speech {
            node: NodeId::new(0),
            role: crate::tree::Role::Chair,
        };
        let pieces = [
            "Stemmen",
            "stemming",
            "stemmingen",
            "stemmingenx",
            "bestemming",
            "heropen",
            "heropen de vergadering",
            "hervatten",
            "open de vergadering",
            "sluit de vergadering",
            "Ik sluit de vergaderingen",
            "é",
            " ",
            ".",
            "_",
        ];
        for a in pieces {
            for b in pieces {
                for text in [format!("{a} {b}"), format!("{a}{b}")] {
                    let mut hits = Vec::new();
                    scan::Scanner::for_owner(owner).scan(&text, &mut hits);
                    let new: Vec<_> = scan::phrases(&text, &hits, TRIGGERS, &COMPILED)
                        .map(|(s, e, _)| (s, e))
                        .collect();
                    let old: Vec<_> = one.find_iter(&text).map(|m| (m.start(), m.end())).collect();
                    assert_eq!(new, old, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn vote_announcements() {
        assert_eq!(
            when("Ik stel voor aanstaande dinsdag over de moties te stemmen.").as_deref(),
            Some("aanstaande dinsdag")
        );
        assert_eq!(
            when("De dinsdag na het reces gaan wij stemmen over de moties.").as_deref(),
            Some("De dinsdag na het reces")
        );
        assert_eq!(
            when("Stemmingen over de ingediende moties vinden volgende week dinsdag plaats.")
                .as_deref(),
            Some("volgende week dinsdag")
        );
        assert_eq!(
            when("Dinsdag stemmen wij over de moties.").as_deref(),
            Some("Dinsdag")
        );
        // Agreeing is not voting; a vote without a day is not announced.
        assert_eq!(
            chair_event("Ik vraag u dinsdag in te stemmen met het voorstel."),
            None
        );
        assert_eq!(
            chair_event("Daarmee zijn wij aan het einde gekomen van de stemmingen."),
            None
        );
    }

    #[test]
    fn resumption_opening_closing_and_times() {
        assert_eq!(
            chair_event("Ik heropen de vergadering."),
            Some(Procedure::SittingResumed { at: None })
        );
        assert_eq!(
            chair_event("We hervatten."),
            Some(Procedure::SittingResumed { at: None })
        );
        assert_eq!(
            chair_event("Ik sluit de vergadering om 23.10 uur."),
            Some(Procedure::SittingClosed {
                at: Some("23:10".into())
            })
        );
        assert_eq!(
            time("De vergadering wordt om 10.15 uur geopend.").as_deref(),
            Some("10:15")
        );
        // HH:MM, as the suspensions' times.
        assert_eq!(
            time("De vergadering wordt om 9.05 uur geopend.").as_deref(),
            Some("09:05")
        );
    }
}
