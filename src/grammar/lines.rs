//! Line rules that are not labels: Markdown headings and rules, page
//! furniture.

use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{digit1, space1};
use nom::combinator::recognize;
use nom::sequence::terminated;
use nom::{IResult, Parser};

use crate::tree::FurnitureKind;

/// A Markdown heading: `## 7`, `### Uitvoering motie-Van Raan c.s. …`,
/// `#### Motie`. Returns the level and the text.
pub(crate) fn heading(line: &str) -> Option<(u8, &str)> {
    let parsed: IResult<&str, &str> = terminated(take_while1(|c| c == '#'), space1).parse(line);
    let (text, hashes) = parsed.ok()?;
    let level = u8::try_from(hashes.len()).ok().filter(|l| *l <= 6)?;
    let text = text.trim().trim_end_matches('#').trim();
    Some((level, text))
}

/// A Markdown rule: `---`, `***`, `___` (three or more, spaces allowed).
pub(crate) fn thematic_break(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && line.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && chars.all(|c| c == first)
}

/// Page furniture recognisable on its own line: the two footers of an
/// uncorrected transcript, and page references `TK 70 70-10-3`.
pub(crate) fn furniture(line: &str) -> Option<FurnitureKind> {
    const FOOTERS: &[&str] = &[
        "Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.",
        "Uit ongecorrigeerde verslagen mag niet letterlijk worden geciteerd.",
    ];
    if FOOTERS.contains(&line) {
        return Some(FurnitureKind::Footer);
    }
    let page_ref: IResult<&str, &str> = recognize((
        tag("TK"),
        space1,
        digit1,
        space1,
        take_while1(|c: char| c.is_ascii_digit() || c == '-'),
    ))
    .parse(line);
    match page_ref {
        Ok((rest, _)) if rest.trim().is_empty() => Some(FurnitureKind::PageReference),
        _ => None,
    }
}

/// The running head of a page: `Tweede Kamer` and the debate's title. Only a
/// candidate: the assembler accepts it next to a page reference or footer.
pub(crate) fn running_head(line: &str) -> bool {
    line.starts_with("Tweede Kamer") && line.len() < 200
}
