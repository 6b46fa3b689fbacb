//! Procedural lines: suspensions, the deliberation, the sitting.

use std::sync::OnceLock;

use regex::Regex;

use crate::search::re;
use crate::tree::Procedure;

/// A printed time (`9.05 uur`: hour `9`, minute `05`) as `HH:MM` (`09:05`),
/// the form every time in the tree and the analysis layer takes.
pub(crate) fn clock(hour: &str, minute: &str) -> String {
    format!("{hour:0>2}:{minute}")
}

/// A procedural line as read: what it records, and what it leaves out
/// that its form calls for (`De vergadering wordt van 14.02 uur tot uur
/// geschorst.`: the time it was suspended until), for a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProceduralLine {
    pub kind: Procedure,
    /// What is missing, in words (`the time until`), if anything.
    pub missing: Option<&'static str>,
}

/// `De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.` → a
/// suspension from `11:20` until `11:23`; `… wordt enkele ogenblikken
/// geschorst.` → no times; `… wordt tot 18.30 uur geschorst.` → until
/// `18:30`. A time left out (`van 14.02 uur tot uur`) is `None`, and
/// reported missing.
fn suspension(text: &str) -> Option<ProceduralLine> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"^De vergadering wordt (?:(om|van) (?:(\d{1,2})[.:](\d{2}) )?uur )?(?:(tot) (?:(\d{1,2})[.:](\d{2}) )?uur )?(?:enkele ogenblikken |kort |voor \S+ minuten )?geschorst(?: tot (\d{1,2})[.:](\d{2}) uur)?\.$",
    );
    let c = re.captures(text)?;
    let time = |h: usize, m: usize| Some(clock(c.get(h)?.as_str(), c.get(m)?.as_str()));
    let from = time(2, 3);
    let until = time(5, 6).or_else(|| time(7, 8));
    let missing = match (
        c.get(1).is_some() && from.is_none(),
        c.get(4).is_some() && until.is_none(),
    ) {
        (true, true) => Some("both times"),
        (true, false) => Some("the time it was suspended from"),
        (false, true) => Some("the time it was suspended until"),
        (false, false) => None,
    };
    Some(ProceduralLine {
        kind: Procedure::SittingSuspended { from, until },
        missing,
    })
}

/// `Aanvang 14.58 uur.` (the sitting opened at `14:58`) and `Sluiting
/// 17.39 uur.` (closed at `17:39`), as the stenogram prints them at the
/// start and end of a sitting.
fn sitting_time(text: &str) -> Option<Procedure> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(&RE, r"^(Aanvang|Sluiting) (\d{1,2})[.:](\d{2}) uur\.?$");
    let c = re.captures(text)?;
    let at = Some(clock(c.get(2)?.as_str(), c.get(3)?.as_str()));
    Some(match c.get(1)?.as_str() {
        "Aanvang" => Procedure::SittingOpened { at },
        _ => Procedure::SittingClosed { at },
    })
}

/// Procedural lines that are no one's speech, with what they record:
/// `De beraadslaging wordt gesloten.`, `De algemene beraadslaging wordt
/// geopend.`, `De vergadering wordt om 10.15 uur geopend.` (opened at
/// `10:15`), `De vergadering wordt heropend.` (resumed), `De vergadering
/// wordt van 11.20 uur tot 11.23 uur geschorst.` (see [`suspension`]),
/// `(Zie vergadering van 3 april 2018.)`. (`Aan de orde is …` is read only
/// outside speeches: `agenda::agenda_announcement`.)
pub(crate) fn procedural(text: &str) -> Option<ProceduralLine> {
    let whole = |kind| ProceduralLine {
        kind,
        missing: None,
    };
    if text.starts_with('(') {
        return (text.ends_with(')') && text.len() < 300).then_some(whole(Procedure::Note));
    }
    // The regexes are anchored there, and the longest line they take is
    // under 120 bytes: most paragraphs fail here, before a `captures` call
    // (which allocates).
    let opens = [
        "De vergadering wordt ",
        "De beraadslaging wordt ",
        "De algemene ",
        "De voortgezette ",
        "Sluiting ",
        "Aanvang ",
    ];
    if text.len() > 120 || !opens.iter().any(|o| text.starts_with(o)) {
        return None;
    }
    if let Some(p) = sitting_time(text) {
        return Some(whole(p));
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
    Some(whole(match (sitting, c.get(3).map(|m| m.as_str())) {
        (false, Some("gesloten")) => Procedure::DeliberationClosed,
        (false, _) => Procedure::DeliberationOpened,
        (true, Some("gesloten")) => Procedure::SittingClosed { at },
        (true, Some("heropend" | "hervat")) => Procedure::SittingResumed { at },
        (true, _) => Procedure::SittingOpened { at },
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<Procedure> {
        procedural(text).map(|p| p.kind)
    }

    #[test]
    fn a_suspension_with_a_time_left_out() {
        let p = procedural("De vergadering wordt van 14.02 uur tot uur geschorst.").unwrap();
        assert_eq!(
            p.kind,
            Procedure::SittingSuspended {
                from: Some("14:02".into()),
                until: None
            }
        );
        assert_eq!(p.missing, Some("the time it was suspended until"));
        let p = procedural("De vergadering wordt van uur tot 14.30 uur geschorst.").unwrap();
        assert_eq!(p.missing, Some("the time it was suspended from"));
        let p = procedural("De vergadering wordt enkele ogenblikken geschorst.").unwrap();
        assert_eq!(p.missing, None);
    }

    #[test]
    fn procedural_lines() {
        assert_eq!(
            kind("De vergadering wordt van 11.20 uur tot 11.23 uur geschorst."),
            Some(Procedure::SittingSuspended {
                from: Some("11:20".into()),
                until: Some("11:23".into())
            })
        );
        assert_eq!(
            kind("De vergadering wordt enkele ogenblikken geschorst."),
            Some(Procedure::SittingSuspended {
                from: None,
                until: None
            })
        );
        assert_eq!(
            kind("De beraadslaging wordt gesloten."),
            Some(Procedure::DeliberationClosed)
        );
        assert_eq!(
            kind("De vergadering wordt om 9.05 uur heropend."),
            Some(Procedure::SittingResumed {
                at: Some("09:05".into())
            })
        );
        assert_eq!(
            kind("Sluiting 17.39 uur."),
            Some(Procedure::SittingClosed {
                at: Some("17:39".into())
            })
        );
        assert_eq!(
            kind("Aanvang 9.58 uur."),
            Some(Procedure::SittingOpened {
                at: Some("09:58".into())
            })
        );
        assert_eq!(kind("Sluiting van de markt."), None);
    }
}
