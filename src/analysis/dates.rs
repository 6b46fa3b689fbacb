//! Dates that head or date a document.
//!
//! Three places count, and no date in running text (`Op donderdag 20 april
//! vond het debat plaats`) does:
//! - the `date` (or `datum`) field of front matter: `date:
//!   2023-10-18T08:49:31+00:00` → `2023-10-18`;
//! - a paragraph or heading that is a date and nothing else, after an
//!   optional label: `Datum 20 april 2023` (the letterhead of a note, from
//!   `**Datum**` and the date on the next line), `Dinsdag 4 juli`, `Den
//!   Haag, 4 juli 2023`, `Vergadering van dinsdag 4 juli 2023`;
//! - a `date 2023-06` label at the start of the document's first paragraph
//!   (a news article's byline) → `2023-06`.
//!
//! The ISO form has the year when printed, else `--MM-DD`.

use std::sync::OnceLock;

use regex::Regex;

use super::re;
use super::DocumentDate;
use crate::tree::{DateId, Document, NodeKind};

use crate::grammar::dates::{valid_day, MONTHS};

/// `2023-10-18T08:49:31+00:00`, `2023-10-18`, `2023-06` → the ISO date
/// (`2023-10-18`, `2023-06`) and the length of the date part.
fn iso_prefix(value: &str) -> Option<(String, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(&RE, r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][0-9:.+\-Z]*)?$").captures(value)?;
    let year: u32 = c.get(1)?.as_str().parse().ok()?;
    let month: u32 = c.get(2)?.as_str().parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    match c.get(3) {
        Some(d) => {
            let day: u32 = d.as_str().parse().ok()?;
            valid_day(Some(year), month, day)
                .then(|| (format!("{year:04}-{month:02}-{day:02}"), 10))
        }
        None => Some((format!("{year:04}-{month:02}"), 7)),
    }
}

/// The `date` field of front matter: `date: 2023-10-18T08:49:31+00:00`.
pub(super) fn front_matter<'a>(document: &Document<'a>, out: &mut Vec<DocumentDate<'a>>) {
    let Some(NodeKind::FrontMatter(fm)) = document.nodes.first().map(|n| &n.kind) else {
        return;
    };
    for field in &fm.fields {
        if !(field.key.eq_ignore_ascii_case("date") || field.key.eq_ignore_ascii_case("datum")) {
            continue;
        }
        let Some((date, _)) = iso_prefix(field.value.trim()) else {
            continue;
        };
        out.push(DocumentDate {
            id: DateId::new(out.len()),
            date,
            text: field.value.clone(),
        });
    }
}

/// A paragraph or heading that is a date: `Datum 20 april 2023`, `Dinsdag
/// 4 juli`, `Den Haag, 4 juli 2023`, `Vergadering van dinsdag 4 juli 2023`
/// → the normalised range of the date (label left out) and the date.
pub(super) fn heading_date(text: &str) -> Option<((usize, usize), String)> {
    // Cheap checks first: short, a digit, a month's name.
    if text.len() > 80
        || !text.bytes().any(|b| b.is_ascii_digit())
        || !text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w)))
    {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(
        &RE,
        r"(?i)^(?:(?:datum|date|den haag|'s-gravenhage|vergadering van|gedateerd)[:,]?\s+)?((?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?(\d{1,2})\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s+(\d{4}))?)\.?$",
    )
    .captures(text)?;
    let whole = c.get(1)?;
    let day: u32 = c.get(2)?.as_str().parse().ok()?;
    let month_name = c.get(3)?.as_str().to_lowercase();
    let month = u32::try_from(MONTHS.iter().position(|m| *m == month_name)? + 1).ok()?;
    let year: Option<u32> = c.get(4).and_then(|y| y.as_str().parse().ok());
    if !valid_day(year, month, day) {
        return None;
    }
    let date = match year {
        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    };
    Some(((whole.start(), whole.end()), date))
}

/// `date 2023-06 Het kabinet …` at the start of the first paragraph: the
/// range of `2023-06` and the date.
pub(super) fn leading_iso(text: &str) -> Option<((usize, usize), String)> {
    let label = ["date ", "date: ", "Date: ", "Datum: ", "datum: "]
        .iter()
        .find(|l| text.starts_with(**l))?
        .len();
    let rest = text.get(label..)?;
    let token = rest.split_whitespace().next()?;
    let (date, len) = iso_prefix(token)?;
    let printed = token.get(..len.min(token.len()))?;
    let printed = if len < token.len() && token.as_bytes().get(len) == Some(&b'T') {
        token
    } else {
        printed
    };
    Some(((label, label + printed.len()), date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_dates() {
        let (r, d) = heading_date("Datum 20 april 2023").unwrap();
        assert_eq!((d.as_str(), r), ("2023-04-20", (6, 19)));
        assert_eq!(heading_date("Dinsdag 4 juli").unwrap().1, "--07-04");
        assert_eq!(
            heading_date("Den Haag, 4 juli 2023").unwrap().1,
            "2023-07-04"
        );
        assert!(heading_date("31 april 2023").is_none());
        assert!(heading_date("29 februari 2023").is_none());
        assert!(heading_date("29 februari 2024").is_some());
        assert!(heading_date("Op donderdag 20 april vond het debat plaats.").is_none());
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            iso_prefix("2023-10-18T08:49:31+00:00").unwrap().0,
            "2023-10-18"
        );
        assert_eq!(iso_prefix("2023-06").unwrap().0, "2023-06");
        assert!(iso_prefix("2023-13").is_none());
        let (r, d) = leading_iso("date 2023-06 Het kabinet").unwrap();
        assert_eq!((r, d.as_str()), ((5, 12), "2023-06"));
        assert!(leading_iso("Het kabinet").is_none());
    }
}
