//! Where an agenda item starts: its title, the fixed items of every
//! sitting, and the chair's `Aan de orde is …`.

/// The items every sitting may have, printed as a title of their own:
/// `Opening`, `Mededelingen`, `Regeling van werkzaamheden`, `Stemmingen`,
/// `Sluiting` (also with emphasis removed or a trailing period).
pub(crate) fn fixed_item(text: &str) -> bool {
    const FIXED: &[&str] = &[
        "Opening",
        "Mededelingen",
        "Regeling van werkzaamheden",
        "Stemmingen",
        "Sluiting",
    ];
    let t = text.strip_suffix('.').unwrap_or(text);
    FIXED.contains(&t)
}

/// `Aan de orde is het debat over …`, `Aan de orde zijn de stemmingen …`:
/// what follows an agenda item's title.
pub(crate) fn agenda_announcement(text: &str) -> bool {
    text.starts_with("Aan de orde is ") || text.starts_with("Aan de orde zijn ")
}

/// Whether the paragraph `text` can be an agenda item's title: a short
/// line that ends no sentence or clause and starts with a capital or a
/// digit (`Wlz / Pgb / Toegang tot de Wlz`, `125 miljoen euro voor …`).
pub(crate) fn looks_like_title(text: &str) -> bool {
    text.len() <= 300
        && !text.ends_with(['.', ':', ';', ',', '?', '!'])
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_fixed_items() {
        assert!(fixed_item("Regeling van werkzaamheden"));
        assert!(fixed_item("Sluiting."));
        assert!(!fixed_item("Sluiting 17.39 uur."));
        assert!(!fixed_item("Stemmingen moties"));
        assert!(looks_like_title("Wlz / Pgb / Toegang tot de Wlz"));
        assert!(looks_like_title("125 miljoen euro voor de woningbouw"));
        assert!(!looks_like_title("Dank u wel."));
        assert!(!looks_like_title("en de heer Jansen"));
        assert!(agenda_announcement(
            "Aan de orde zijn de stemmingen over moties."
        ));
        assert!(!agenda_announcement("Aan de ordening is niets veranderd."));
    }
}
