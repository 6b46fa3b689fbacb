//! Procedural lines and the chair's interruption announcements.

use std::sync::OnceLock;

use regex::Regex;

use crate::search::{any_in, re, Words};
use crate::tree::{InterruptionKind, Procedure};

/// A printed time (`9.05 uur`: hour `9`, minute `05`) as `HH:MM` (`09:05`),
/// the form every time in the tree and the analysis layer takes.
pub(crate) fn clock(hour: &str, minute: &str) -> String {
    format!("{hour:0>2}:{minute}")
}

/// `De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.` → a
/// suspension from `11:20` until `11:23`; `… wordt enkele ogenblikken
/// geschorst.` → no times; `… wordt tot 18.30 uur geschorst.` → until
/// `18:30`.
fn suspension(text: &str) -> Option<Procedure> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"^De vergadering wordt (?:(?:om|van) (\d{1,2})[.:](\d{2}) uur )?(?:tot (\d{1,2})[.:](\d{2}) uur )?(?:enkele ogenblikken |kort |voor \S+ minuten )?geschorst(?: tot (\d{1,2})[.:](\d{2}) uur)?\.$",
    );
    let c = re.captures(text)?;
    let time = |h: usize, m: usize| Some(clock(c.get(h)?.as_str(), c.get(m)?.as_str()));
    Some(Procedure::SittingSuspended {
        from: time(1, 2),
        until: time(3, 4).or_else(|| time(5, 6)),
    })
}

/// Procedural lines that are no one's speech, with what they record:
/// `De beraadslaging wordt gesloten.`, `De algemene beraadslaging wordt
/// geopend.`, `De vergadering wordt om 10.15 uur geopend.` (opened at
/// `10:15`), `De vergadering wordt heropend.` (resumed), `De vergadering
/// wordt van 11.20 uur tot 11.23 uur geschorst.` (see [`suspension`]),
/// `(Zie vergadering van 3 april 2018.)`. (`Aan de orde is …` is read only
/// outside speeches: [`agenda_announcement`].)
pub(crate) fn procedural(text: &str) -> Option<Procedure> {
    if text.starts_with('(') {
        return (text.ends_with(')') && text.len() < 300).then_some(Procedure::Note);
    }
    // The regexes are anchored there, and the longest line they take is
    // under 120 bytes: most paragraphs fail here, before a `captures` call
    // (which allocates).
    let opens = [
        "De vergadering wordt ",
        "De beraadslaging wordt ",
        "De algemene ",
        "De voortgezette ",
    ];
    if text.len() > 120 || !opens.iter().any(|o| text.starts_with(o)) {
        return None;
    }
    if text.starts_with("De vergadering wordt ") {
        if let Some(s) = suspension(text) {
            return Some(s);
        }
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"^De (?:(?:algemene |voortgezette algemene )?beraadslaging|vergadering) wordt (?:om (\d{1,2})[.:](\d{2}) uur )?(geopend|heropend|hervat|gesloten)\.$",
    );
    let c = re.captures(text)?;
    let sitting = text.starts_with("De vergadering");
    let at = match (c.get(1), c.get(2)) {
        (Some(h), Some(m)) => Some(clock(h.as_str(), m.as_str())),
        _ => None,
    };
    Some(match (sitting, c.get(3).map(|m| m.as_str())) {
        (false, Some("gesloten")) => Procedure::DeliberationClosed,
        (false, _) => Procedure::DeliberationOpened,
        (true, Some("gesloten")) => Procedure::SittingClosed { at },
        (true, Some("heropend" | "hervat")) => Procedure::SittingResumed { at },
        (true, _) => Procedure::SittingOpened { at },
    })
}

/// `Aan de orde is het debat over …`, `Aan de orde zijn de stemmingen …`.
pub(crate) fn agenda_announcement(text: &str) -> bool {
    text.starts_with("Aan de orde is ") || text.starts_with("Aan de orde zijn ")
}

/// `Er is een interruptie van mevrouw Michon-Derkzen.`, `Er is een vraag
/// over uw motie van mevrouw Voortman.`, `Dan is er een interruptie van
/// mevrouw Straatman, CDA.`, `Meneer Van Houwelingen heeft nog één
/// interruptie.` → kind, person as printed, name, party: slices of `text`.
pub(crate) fn interruption(text: &str) -> Option<(InterruptionKind, &str, &str, Option<&str>)> {
    // Every form names an `interruptie` or a `vraag`: one search before
    // the regexes' `captures` (which allocate).
    static WORDS: OnceLock<Words> = OnceLock::new();
    if !any_in(&WORDS, &["interruptie", "vraag"], text) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    static HAS: OnceLock<Regex> = OnceLock::new();
    let has = re(
        &HAS,
        r"(?:^|[.!?] )((?:De heer|Mevrouw|Meneer) ([^,.]+?)) heeft nog (?:één|een) (interruptie|vraag)\.",
    );
    if let Some(c) = has.captures(text) {
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
    let c = re.captures(text)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedural_lines_and_interruptions() {
        assert_eq!(
            procedural("De vergadering wordt van 11.20 uur tot 11.23 uur geschorst."),
            Some(Procedure::SittingSuspended {
                from: Some("11:20".into()),
                until: Some("11:23".into())
            })
        );
        assert_eq!(
            procedural("De vergadering wordt enkele ogenblikken geschorst."),
            Some(Procedure::SittingSuspended {
                from: None,
                until: None
            })
        );
        assert_eq!(
            procedural("De beraadslaging wordt gesloten."),
            Some(Procedure::DeliberationClosed)
        );
        assert_eq!(
            procedural("De vergadering wordt om 9.05 uur heropend."),
            Some(Procedure::SittingResumed {
                at: Some("09:05".into())
            })
        );
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
        // A question to the floor is no announcement.
        assert_eq!(
            interruption("U heeft nog een vraag, meneer Koerhuis?"),
            None
        );
    }
}
