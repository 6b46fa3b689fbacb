//! What a procedural line or event records: one enum for the tree's
//! procedural lines and the analysis layer's events.

use serde::{Deserialize, Serialize};

/// What a procedural line (or event) records, with its times. Times are
/// `HH:MM`, as printed (`11.20 uur` gives `11:20`). In JSON the kind is
/// the field `kind`, its times fields beside it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Procedure {
    /// `Aan de orde is het debat over …`, `Aan de orde zijn de stemmingen …`
    AgendaAnnouncement,
    /// `De (algemene) beraadslaging wordt geopend.`
    DeliberationOpened,
    /// `De (algemene) beraadslaging wordt gesloten.`
    DeliberationClosed,
    /// `De vergadering wordt om 10.15 uur geopend.`, `Ik open de
    /// vergadering.`
    SittingOpened {
        /// `10:15`, when printed.
        at: Option<String>,
    },
    /// `De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.`,
    /// `De vergadering wordt enkele ogenblikken geschorst.`
    SittingSuspended {
        /// `11:20` from `van 11.20 uur`.
        from: Option<String>,
        /// `11:23` from `tot 11.23 uur`.
        until: Option<String>,
    },
    /// `De vergadering wordt heropend.`, `… hervat.`, `Ik heropen de
    /// vergadering.`, `We hervatten.`
    SittingResumed {
        /// The time, when printed.
        at: Option<String>,
    },
    /// `De vergadering wordt om 23.10 uur gesloten.`, `Ik sluit de
    /// vergadering.`
    SittingClosed {
        /// The time, when printed.
        at: Option<String>,
    },
    /// The chair announces when the Kamer votes (an event only, never a
    /// line of its own): `Ik stel voor aanstaande dinsdag over de moties te
    /// stemmen.`
    VotesAnnounced {
        /// When, as printed: `aanstaande dinsdag`, `volgende week dinsdag`.
        when: Option<String>,
    },
    /// `Voorzitter: Bergkamp`: who presides from here on, at the start of a
    /// sitting or when the chair changes in the middle (an event only: the
    /// tree has the line as a `presiding` node).
    ChairTaken {
        /// The name as printed: `Bergkamp`, `Martin Bosma`.
        name: String,
    },
    /// `(Zie vergadering van 3 april 2018.)` and other bracketed notes.
    Note,
}
