//! Motion references in running text.
//!
//! A reference starts at an anchor word (`motie`, `moties`, `Kamerstuk`,
//! `nummer`, `op stuk`, `door het lid … ingediende motie`) found with
//! prebuilt SIMD finders, and the small parsers below read what follows it: a submitter (`-Van Raan`, ` van de heer Slootweg`,
//! ` Van Ginneken c.s.`), a number (`32317-858`, ` op stuk nr. 1009`,
//! ` (26 643, nr. 1011)`), or both. The numeric forms are nom parsers; the
//! names are read word by word (capitalised words, with lowercase particles
//! such as `van der` only between them).
//!
//! Nothing here guesses an id: a dossier and number printed together give
//! one; a bare number or a submitter does not (the caller may look a bare
//! number up among the motions of the document).

use std::sync::OnceLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, space0};
use nom::combinator::{opt, recognize};
use nom::multi::many0;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

/// A reference found in normalised text, before it is located in the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RawRef {
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    /// The (first) submitter named.
    pub submitter: Option<String>,
    pub cum_suis: bool,
    /// The dossier printed with the number(s), normalised (`26643`,
    /// `21501-08`).
    pub dossier: Option<String>,
    /// The numbers printed (`1009`; two for `nrs. 1009 en 1010`).
    pub numbers: Vec<String>,
    /// `de eerste motie` … `de laatste motie`: a pointer into the motions of
    /// the debate, for advice only (never recorded as a reference).
    pub ordinal: Option<Ordinal>,
}

/// A motion named by its place among the motions of the debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ordinal {
    /// 0 for `eerste`, 1 for `tweede` …
    Nth(usize),
    /// `laatste`
    Last,
}

/// Party names, which follow `motie van` but are no submitter.
const PARTIES: &[&str] = &[
    "VVD",
    "CDA",
    "D66",
    "PVV",
    "SP",
    "PvdA",
    "GroenLinks",
    "GroenLinks-PvdA",
    "GL-PvdA",
    "ChristenUnie",
    "SGP",
    "DENK",
    "FVD",
    "PvdD",
    "JA21",
    "Volt",
    "BBB",
    "NSC",
    "50PLUS",
    "BIJ1",
    "Kamer",
    "Tweede",
    "Eerste",
    "Europese",
    "Commissie",
    "Nederland",
];

/// Lowercase name particles that may stand between the capitalised words of
/// a name (`Van der Lee`, `Jasper van Dijk`, `Nijkerken-de Haan`).
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "het", "'t", "’t", "te", "ten", "ter", "in", "op", "la", "le", "du",
    "da", "di", "dos", "del", "el", "al", "von", "zu",
];

/// Capitalised particles that open a surname (`Van Raan`, `De Graaf`).
const CAPITAL_PARTICLES: &[&str] = &["Van", "De", "Den", "Der", "Ter", "Ten", "Te", "Op", "In"];

/// Titles between `motie van` and a name: `de motie van de heer Slootweg`.
const PERSON_TITLES: &[&str] = &[
    "de heer ",
    "mevrouw ",
    "meneer ",
    "het lid ",
    "de leden ",
    "de heren ",
    "de dames ",
    "Kamerlid ",
    "kamerlid ",
    "Kamerleden ",
    "kamerleden ",
    "mijn collega ",
    "de collega ",
    "collega ",
];

/// Ordinals before `motie`: `De eerste motie`, `de tweede motie`.
const ORDINALS: &[&str] = &[
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
    "tiende", "elfde", "twaalfde",
];

/// What an anchor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// `motie`, `Motie`, `moties`
    Motie,
    /// `Kamerstuk`, `Kamerstukken`
    Kamerstuk,
    /// `nummer`
    Nummer,
    /// `door het lid`, `door de leden`
    Door,
    /// `op stuk`, `op stukken`
    OpStuk,
}

/// Whether the byte is part of a word (non-ASCII bytes count: `é` is a
/// letter).
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Which anchor words the input of a unit holds (found by one search over
/// the whole document): only these are searched for in its text.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hints {
    /// `otie`
    pub motie: bool,
    /// `amerstuk`
    pub kamerstuk: bool,
    /// `nummer`
    pub nummer: bool,
    /// `stuk`
    pub stuk: bool,
}

#[cfg(test)]
impl Hints {
    /// Every anchor word may be there.
    pub(super) const ALL: Hints = Hints {
        motie: true,
        kamerstuk: true,
        nummer: true,
        stuk: true,
    };
}

/// The anchors of `text`, in order: start, end, kind. Found with prebuilt
/// SIMD finders, each only where `hints` says its word occurs (a regex of
/// these alternatives costs more per paragraph).
fn anchors(text: &str, hints: Hints) -> Vec<(usize, usize, Anchor)> {
    static FINDERS: OnceLock<[memchr::memmem::Finder<'static>; 4]> = OnceLock::new();
    let [otie, kamerstuk, nummer, op_stuk] = FINDERS.get_or_init(|| {
        [
            memchr::memmem::Finder::new("otie"),
            memchr::memmem::Finder::new("amerstuk"),
            memchr::memmem::Finder::new("nummer"),
            memchr::memmem::Finder::new("op stuk"),
        ]
    });
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(b' ');
    // A word boundary before byte `i`.
    let starts_word = |i: usize| i == 0 || !word_byte(at(i - 1));
    let mut out = Vec::new();
    let search = |f: &'static memchr::memmem::Finder<'static>, on: bool| {
        on.then(|| f.find_iter(b)).into_iter().flatten()
    };
    for i in search(otie, hints.motie) {
        let Some(start) = i.checked_sub(1) else {
            continue;
        };
        let mut end = i + 4;
        if at(end) == b's' {
            end += 1;
        }
        if matches!(at(start), b'm' | b'M') && starts_word(start) && !word_byte(at(end)) {
            // `door het lid Van Ginneken c.s. ingediende motie`
            if let Some(door) = door_before(text, start) {
                out.push((door, end, Anchor::Door));
            }
            out.push((start, end, Anchor::Motie));
        }
    }
    for i in search(kamerstuk, hints.kamerstuk) {
        let Some(start) = i.checked_sub(1) else {
            continue;
        };
        let mut end = i + 8;
        if b.get(end..end + 3) == Some(b"ken") {
            end += 3;
        }
        if at(start) == b'K' && starts_word(start) && !word_byte(at(end)) {
            out.push((start, end, Anchor::Kamerstuk));
        }
    }
    // The other anchors count only where the text speaks of motions.
    if out.iter().any(|a| a.2 == Anchor::Motie) {
        for i in search(nummer, hints.nummer) {
            if starts_word(i) && !word_byte(at(i + 6)) {
                out.push((i, i + 6, Anchor::Nummer));
            }
        }
        for i in search(op_stuk, hints.stuk) {
            if starts_word(i) {
                out.push((i, i + 7, Anchor::OpStuk));
            }
        }
    }
    out.sort_unstable_by_key(|a| a.0);
    out
}

/// Where `door het lid` or `door de leden` starts, when the motion at
/// `motie` is `… door het lid Van Ginneken c.s. ingediende motie`.
fn door_before(text: &str, motie: usize) -> Option<usize> {
    let before = text.get(..motie)?;
    if !(before.ends_with("ingediende ") || before.ends_with("voorgestelde ")) {
        return None;
    }
    let window =
        before.get(super::floor_boundary(before, motie.saturating_sub(120)).min(motie)..)?;
    let offset = motie - window.len();
    ["door het lid ", "door de leden "]
        .iter()
        .filter_map(|d| window.rfind(d))
        .max()
        .map(|i| offset + i)
}

/// Every reference in `text`, in order, not overlapping.
///
/// ```text
/// "Motie 32317-858 van Kamerleden Slootweg en Kuik werd verworpen."
///   → "Motie 32317-858 van Kamerleden Slootweg": 32317/858, submitter Slootweg
/// ```
pub(super) fn find(text: &str, hints: Hints) -> Vec<RawRef> {
    let mut out = Vec::new();
    let mut consumed = 0;
    for (start, end, anchor) in anchors(text, hints) {
        if start < consumed {
            continue;
        }
        let found = match anchor {
            Anchor::Nummer => nummer(text, start, end).into_iter().collect(),
            Anchor::Kamerstuk => kamerstuk(text, start, end).into_iter().collect(),
            Anchor::Door => door_het_lid(text, start, end).into_iter().collect(),
            Anchor::OpStuk => op_stuk(text, start).into_iter().collect(),
            Anchor::Motie => motie(text, start, end),
        };
        for r in found {
            consumed = consumed.max(r.end);
            out.push(r);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Numbers (nom)
// ---------------------------------------------------------------------------

type Res<'a, T> = IResult<&'a str, T>;

fn digits<'a>(min: usize, max: usize) -> impl FnMut(&'a str) -> Res<'a, &'a str> {
    move |s| take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(s)
}

/// A number within a dossier: `1011`, `726`.
fn number(s: &str) -> Res<'_, &str> {
    digits(1, 5).parse(s)
}

/// The five digits of a dossier, with or without the thousands space:
/// `26643`, `26 643`.
fn dossier_core(s: &str) -> Res<'_, String> {
    let (rest, (a, _, b)) = (digits(2, 2), opt(char(' ')), digits(3, 3)).parse(s)?;
    Ok((rest, format!("{a}{b}")))
}

/// A dossier suffix part: `08` in `21501-08`, `XVI` in `36800-XVI`.
fn suffix(s: &str) -> Res<'_, &str> {
    alt((
        digits(1, 3),
        take_while_m_n(1, 6, |c: char| c.is_ascii_uppercase()),
    ))
    .parse(s)
}

/// A dossier: `26 643`, `21501-08`, `36800-XVI` → `26643`, `21501-08`.
fn dossier(s: &str) -> Res<'_, String> {
    let (rest, (core, parts)) = (dossier_core, many0(preceded(char('-'), suffix))).parse(s)?;
    let mut out = core;
    for p in parts {
        out.push('-');
        out.push_str(p);
    }
    Ok((rest, out))
}

/// `nr. 1011`, `nr.1011`, `nummer 1011`.
fn nr(s: &str) -> Res<'_, &str> {
    preceded(alt((tag("nr. "), tag("nr."), tag("nummer "))), number).parse(s)
}

/// Numbers after `nrs.`: `1009`, `1009 en 1010`, `1009, 1010 en 1011`.
fn number_list(s: &str) -> Res<'_, Vec<&str>> {
    let (mut rest, first) = number(s)?;
    let mut out = vec![first];
    while let Ok((r, n)) = preceded(alt((tag(", "), tag(" en "), tag(" t/m "))), number).parse(rest)
    {
        out.push(n);
        rest = r;
    }
    Ok((rest, out))
}

/// `26 643, nr. 1011`, `21501-08, nr. 726, was nr. 719`, `26643 nr. 1011`.
fn dossier_nr(s: &str) -> Res<'_, (String, &str)> {
    let (rest, (d, _, _, n, _)) = (
        dossier,
        opt(char(',')),
        char(' '),
        nr,
        opt(preceded(tag(", was "), nr)),
    )
        .parse(s)?;
    Ok((rest, (d, n)))
}

/// `(26 643, nr. 1011)`, `(21501-08, nr. 726, was nr. 719)`.
fn bracket_dossier_nr(s: &str) -> Res<'_, (String, &str)> {
    delimited(char('('), dossier_nr, char(')')).parse(s)
}

/// `nr. 1009`, `nrs. 1009 en 1010`, optionally with the dossier: ` (26643)`.
fn numbers_with_dossier(s: &str) -> Res<'_, (Option<String>, Vec<&str>)> {
    let single = nr.map(|n| vec![n]);
    let several = preceded(alt((tag("nrs. "), tag("nrs."))), number_list);
    let (rest, (numbers, d)) = (
        alt((several, single)),
        opt(delimited(tag(" ("), dossier, char(')'))),
    )
        .parse(s)?;
    Ok((rest, (d, numbers)))
}

/// ` op stuk nr. 1009`, ` op stuk nrs. 1009 en 1010`, ` op de stukken nrs.
/// 5 en 6`, ` nr. 1009`, each optionally with its dossier: ` (26643)`.
fn stuk_numbers(s: &str) -> Res<'_, (Option<String>, Vec<&str>)> {
    preceded(
        alt((
            tag(" op stuk "),
            tag(" op stukken "),
            tag(" op de stukken "),
            tag(" "),
        )),
        numbers_with_dossier,
    )
    .parse(s)
}

/// A Kamerstuk number joined by hyphens: `32317-858`, `[32317-857]`,
/// `21501-08-726` → dossier and number (the last part).
fn hyphen_id(s: &str) -> Res<'_, (String, &str)> {
    let (rest, (open, core, parts)) = (
        opt(char('[')),
        dossier_core,
        many0(preceded(char('-'), suffix)),
    )
        .parse(s)?;
    let Some((last, before)) = parts.split_last() else {
        return Err(nom::Err::Error(nom::error::Error::new(
            s,
            nom::error::ErrorKind::Digit,
        )));
    };
    if !last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            s,
            nom::error::ErrorKind::Digit,
        )));
    }
    let rest = if open.is_some() {
        rest.strip_prefix(']')
            .ok_or(nom::Err::Error(nom::error::Error::new(
                rest,
                nom::error::ErrorKind::Char,
            )))?
    } else {
        rest
    };
    let mut d = core;
    for p in before {
        d.push('-');
        d.push_str(p);
    }
    Ok((rest, (d, last)))
}

/// ` II 2022/23,` in `Kamerstukken II 2022/23, 26 643, nr. 1011`.
fn kamerstuk_prefix(s: &str) -> Res<'_, &str> {
    recognize((
        opt(tag(" II")),
        opt((
            char(' '),
            digits(4, 4),
            alt((char('/'), char('-'), char('–'))),
            digits(2, 4),
            opt(char(',')),
        )),
        space0,
    ))
    .parse(s)
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/// The length of a person's name at the start of `s`: capitalised words
/// (`Van Raan`, `Dekker-Abdulaziz`, `Laçin/Beckerman`), with lowercase
/// particles only between them (`Van der Lee`, `Jasper van Dijk`); at most
/// six words. A party name (`de motie van GroenLinks`) is no name.
///
/// ```text
/// "Van Raan c.s. (26643" → "Van Raan";  "Slootweg en Kuik" → "Slootweg"
/// ```
fn name_len(s: &str) -> Option<usize> {
    let mut end = 0;
    let mut pos = 0;
    for _ in 0..6 {
        let rest = s.get(pos..)?;
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '-' | '/' | '\'' | '’')))
            .unwrap_or(rest.len());
        let word = rest.get(..len)?;
        if word.is_empty() {
            break;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital {
            end = pos + len;
        } else if end == 0 || !PARTICLES.contains(&word) {
            break;
        }
        match rest.get(len..).and_then(|r| r.strip_prefix(' ')) {
            Some(_) => pos += len + 1,
            None => break,
        }
    }
    let name = s.get(..end)?.trim_end_matches(['-', '/', '\'', '’']);
    (!name.is_empty() && !PARTIES.contains(&name)).then_some(name.len())
}

/// A title and a name: `de heer Slootweg`, `mevrouw Kathmann`, `het lid
/// Van Raan`, `Kamerleden Slootweg`, or a capitalised name alone (`Van
/// Raan`). Returns the length read and the name.
fn person(s: &str) -> Option<(usize, &str)> {
    let title = PERSON_TITLES
        .iter()
        .find(|t| s.starts_with(**t))
        .map_or(0, |t| t.len());
    let rest = s.get(title..)?;
    let n = name_len(rest)?;
    Some((title + n, rest.get(..n)?))
}

/// ` c.s.` after a name.
fn cum_suis(s: &str) -> usize {
    if s.starts_with(" c.s.") {
        5
    } else {
        0
    }
}

// ---------------------------------------------------------------------------
// Anchors
// ---------------------------------------------------------------------------

/// Whether the text before a reference ends in an article (`de motie`, `De
/// aangenomen motie`): such a reference may carry its number after a title
/// (`de motie-Wassenberg over vermindering van … (21501-08, nr. 721)`); a
/// title without it (`Uitvoering motie-Van Raan c.s. over … (26643, nr. 908)`)
/// is that of another document.
fn has_article(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let w1 = words.next().unwrap_or_default();
    let w2 = words.next().unwrap_or_default();
    matches!(w1, "de" | "De")
        || (matches!(w2, "de" | "De") && w1.chars().next().is_some_and(char::is_lowercase))
}

/// The ordinal before `motie`: `De eerste motie`, `de laatste motie` →
/// the ordinal and where its article starts.
fn ordinal_before(text: &str, at: usize) -> Option<(Ordinal, usize)> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let word_start = before.rfind(' ').map_or(0, |i| i + 1);
    let word = before.get(word_start..)?;
    let ordinal = match ORDINALS.iter().position(|o| *o == word) {
        Some(i) => Ordinal::Nth(i),
        None if word == "laatste" => Ordinal::Last,
        None => return None,
    };
    let before = before.get(..word_start)?.strip_suffix(' ')?;
    let article = before.rfind(' ').map_or(0, |i| i + 1);
    matches!(before.get(article..)?, "de" | "De").then_some((ordinal, article))
}

/// After `motie`:
/// - `motie-Van Raan c.s.`, `motie-Slootweg op stuk nr. 1009`;
/// - `Motie Van Ginneken c.s.`, `motie Van Ginneken c.s., Van Raan c.s. en
///   Van Weerdenburg c.s.` (one reference each);
/// - `motie van de heer Slootweg`, `motie van het lid Van Raan c.s.`;
/// - `Motie 32317-858`, `Motie nummer [32317-857]`, `motie 26 643, nr. 1011`;
/// - `motie op stuk nr. 1009`, `moties op stuk nrs. 1009 en 1010 (26643)`,
///   `motie Van Ginneken c.s. (26 643, nr. 1011)`;
/// - `de motie-Wassenberg over … (21501-08, nr. 721)`;
/// - `De eerste motie`, `de tweede motie van de heer Slootweg` (ordinal).
fn motie(text: &str, start: usize, end: usize) -> Vec<RawRef> {
    let Some(tail) = text.get(end..) else {
        return Vec::new();
    };
    if !may_name(tail) {
        return ordinal_before(text, start)
            .map(|(ordinal, article)| RawRef {
                start: article,
                end,
                ordinal: Some(ordinal),
                ..RawRef::default()
            })
            .into_iter()
            .collect();
    }
    let mut r = RawRef {
        start,
        end,
        ..RawRef::default()
    };
    if let Some((ordinal, article)) = ordinal_before(text, start) {
        r.ordinal = Some(ordinal);
        r.start = article;
    }
    let mut pos = 0;
    // What names the motion first.
    if let Some(rest) = tail.strip_prefix('-') {
        if let Some(n) = name_len(rest) {
            r.submitter = rest.get(..n).map(first_name);
            pos = 1 + n;
        }
    } else if let Some(rest) = tail.strip_prefix(' ') {
        let rest_nummer = rest.strip_prefix("nummer ").unwrap_or(rest);
        let skipped = rest.len() - rest_nummer.len();
        if let Ok((after, (d, n))) = hyphen_id(rest_nummer) {
            r.dossier = Some(d);
            r.numbers.push(n.to_string());
            pos = 1 + skipped + (rest_nummer.len() - after.len());
        } else if let Ok((after, (d, n))) = dossier_nr(rest) {
            r.dossier = Some(d);
            r.numbers.push(n.to_string());
            pos = 1 + rest.len() - after.len();
        } else if let Some(p) = rest.strip_prefix("van ").and_then(person) {
            r.submitter = Some(first_name(p.1));
            pos = 5 + p.0;
        } else if let Some(n) = name_len(rest) {
            // `Motie Van Ginneken c.s.`: a name after a space only when it
            // reads as one (a capitalised particle first, or `c.s.` or a
            // number after it).
            let name = rest.get(..n).unwrap_or_default();
            let after = rest.get(n..).unwrap_or_default();
            let particle = CAPITAL_PARTICLES
                .iter()
                .any(|p| name.strip_prefix(p).is_some_and(|r| r.starts_with(' ')));
            if particle
                || cum_suis(after) > 0
                || stuk_numbers(after).is_ok()
                || after.starts_with(" (")
            {
                r.submitter = Some(first_name(name));
                pos = 1 + n;
            }
        }
    }
    let mut more = Vec::new();
    if r.submitter.is_some() {
        let cs = cum_suis(tail.get(pos..).unwrap_or_default());
        if cs > 0 {
            r.cum_suis = true;
            pos += cs;
            // `…, Van Raan c.s. en Van Weerdenburg c.s.`: one reference
            // each; a number after the list is not read.
            let mut at = end + pos;
            while let Some((len, other)) = listed_motion(text, at) {
                more.push(other);
                at += len;
            }
        }
    }
    if !more.is_empty() {
        r.end = end + pos;
        let mut out = vec![r];
        out.extend(more);
        return out;
    }
    if r.numbers.is_empty() {
        let rest = tail.get(pos..).unwrap_or_default();
        if let Ok((after, (d, n))) = preceded(char(' '), bracket_dossier_nr).parse(rest) {
            r.dossier = Some(d);
            r.numbers.push(n.to_string());
            pos += rest.len() - after.len();
        } else if let Ok((after, (d, ns))) = stuk_numbers(rest) {
            r.dossier = d;
            r.numbers.extend(ns.into_iter().map(str::to_string));
            pos += rest.len() - after.len();
        }
    }
    if r.submitter.is_none() {
        let rest = tail.get(pos..).unwrap_or_default();
        if let Some(p) = rest.strip_prefix(" van ").and_then(person) {
            r.submitter = Some(first_name(p.1));
            pos += 5 + p.0;
            let cs = cum_suis(tail.get(pos..).unwrap_or_default());
            r.cum_suis = cs > 0;
            pos += cs;
        }
    }
    if r.numbers.is_empty() && has_article(text.get(..r.start).unwrap_or_default()) {
        if let Some((len, d, n)) = titled_number(tail.get(pos..).unwrap_or_default()) {
            r.dossier = Some(d);
            r.numbers.push(n);
            pos += len;
        }
    }
    if r.submitter.is_none() && r.numbers.is_empty() && r.ordinal.is_none() {
        return Vec::new();
    }
    r.end = end + pos;
    vec![r]
}

/// Whether what follows `motie` may name it: `-Van Raan`, ` Van Ginneken`,
/// ` 32317-858`, ` van …`, ` op stuk …`, ` nr. …`, ` nummer …`, ` over …`
/// (a title and a number), ` (…)`. Most mentions (`de motie is …`, `die
/// motie.`) do not, and are passed over cheaply.
fn may_name(tail: &str) -> bool {
    let Some(rest) = tail.strip_prefix(' ') else {
        return tail.starts_with('-');
    };
    let word = rest.split(' ').next().unwrap_or_default();
    match word.chars().next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() || c == '[' || c == '(' => true,
        _ => matches!(word, "van" | "op" | "nr." | "nrs." | "nummer" | "over"),
    }
}

/// The first of several names printed together (`Laçin/Beckerman` →
/// `Laçin`).
fn first_name(name: &str) -> String {
    name.split('/').next().unwrap_or(name).to_string()
}

/// A further motion in a list after `motie X c.s.`: `, Van Raan c.s.` or
/// ` en Van Weerdenburg c.s.` starting at `at`; its length and reference.
fn listed_motion(text: &str, at: usize) -> Option<(usize, RawRef)> {
    let tail = text.get(at..)?;
    let sep = [", ", " en "].iter().find(|s| tail.starts_with(**s))?.len();
    let rest = tail.get(sep..)?;
    let n = name_len(rest)?;
    let cs = cum_suis(rest.get(n..)?);
    if cs == 0 {
        return None;
    }
    let r = RawRef {
        start: at + sep,
        end: at + sep + n + cs,
        submitter: rest.get(..n).map(first_name),
        cum_suis: true,
        ..RawRef::default()
    };
    Some((sep + n + cs, r))
}

/// ` over vermindering van het aantal proefdieren (21501-08, nr. 721)`: a
/// title of at most 250 bytes without brackets, `;`, `?`, `!` or a full stop
/// before a capital, then the number. Returns the length, dossier and number.
fn titled_number(s: &str) -> Option<(usize, String, String)> {
    let rest = s.strip_prefix(" over ")?;
    let limit = super::floor_boundary(rest, 250);
    let window = rest.get(..limit)?;
    let open = window.find('(')?;
    let title = window.get(..open)?;
    if title.contains([')', ';', '?', '!', '"']) || title.contains(". ") {
        return None;
    }
    let (after, (d, n)) = bracket_dossier_nr(rest.get(open..)?).ok()?;
    Some((s.len() - after.len(), d, n.to_string()))
}

/// `Kamerstuk 26643, nr. 1011`, `Kamerstukken II 2022/23, 26 643, nr. 1011`.
fn kamerstuk(text: &str, start: usize, end: usize) -> Option<RawRef> {
    let tail = text.get(end..)?;
    let (after, (d, n)) = preceded(kamerstuk_prefix, dossier_nr).parse(tail).ok()?;
    Some(one_number(start, end + tail.len() - after.len(), d, n))
}

/// A reference to one motion, `dossier` and `number` printed.
fn one_number(start: usize, end: usize, dossier: String, number: &str) -> RawRef {
    RawRef {
        start,
        end,
        dossier: Some(dossier),
        numbers: vec![number.to_string()],
        ..RawRef::default()
    }
}

/// `nummer [32317-857](https://…)`, `nummer 32317-857`, where the text speaks
/// of motions (the caller checks).
fn nummer(text: &str, start: usize, end: usize) -> Option<RawRef> {
    let tail = text.get(end..)?;
    let (after, (d, n)) = preceded(char(' '), hyphen_id).parse(tail).ok()?;
    Some(one_number(start, end + tail.len() - after.len(), d, n))
}

/// `op stuk nr. 305` standing alone where the text speaks of motions (the
/// caller checks): `een motie ingediend, op stuk nr. 305, die …`, `namelijk
/// die op stuk nr. 307 van de heren Veldman en Paternotte`.
fn op_stuk(text: &str, start: usize) -> Option<RawRef> {
    let tail = text.get(start..)?;
    let (after, (d, ns)) = preceded(
        alt((tag("op stuk "), tag("op stukken "))),
        numbers_with_dossier,
    )
    .parse(tail)
    .ok()?;
    let mut r = RawRef {
        start,
        end: start + tail.len() - after.len(),
        dossier: d,
        numbers: ns.into_iter().map(str::to_string).collect(),
        ..RawRef::default()
    };
    if let Some(p) = after.strip_prefix(" van ").and_then(person) {
        r.submitter = Some(first_name(p.1));
        r.end += 5 + p.0;
    }
    Some(r)
}

/// `door het lid Van Ginneken c.s. ingediende motie`: a submitter before
/// the motion (`start` is that of `door`, `end` that of `motie`).
fn door_het_lid(text: &str, start: usize, end: usize) -> Option<RawRef> {
    let rest = text.get(start..end)?;
    let rest = rest
        .strip_prefix("door het lid ")
        .or_else(|| rest.strip_prefix("door de leden "))?;
    let skipped = end - start - rest.len();
    let n = name_len(rest)?;
    let cs = cum_suis(rest.get(n..)?);
    let after = rest.get(n + cs..)?;
    if !matches!(
        after,
        " ingediende motie" | " ingediende moties" | " voorgestelde motie"
    ) {
        return None;
    }
    Some(RawRef {
        start,
        end: start + skipped + n + cs + after.len(),
        submitter: rest.get(..n).map(first_name),
        cum_suis: cs > 0,
        ..RawRef::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_all(text: &str) -> Vec<RawRef> {
        find(text, Hints::ALL)
    }

    fn one(text: &str) -> (String, RawRef) {
        let found = find(text, Hints::ALL);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let r = found.into_iter().next().unwrap();
        (text[r.start..r.end].to_string(), r)
    }

    #[test]
    fn numbered_forms() {
        let (t, r) = one("Motie 32317-858 van Kamerleden Slootweg en Kuik werd verworpen.");
        assert_eq!(t, "Motie 32317-858 van Kamerleden Slootweg");
        assert_eq!(r.dossier.as_deref(), Some("32317"));
        assert_eq!(r.numbers, ["858"]);
        assert_eq!(r.submitter.as_deref(), Some("Slootweg"));

        let (t, r) = one("Eén motie, met het nummer [32317-858](https://x), ingediend");
        assert_eq!(t, "nummer [32317-858]");
        assert_eq!(r.numbers, ["858"]);

        let (t, r) = one("om de motie Van Ginneken c.s. (26 643, nr. 1011) alsnog");
        assert_eq!(t, "motie Van Ginneken c.s. (26 643, nr. 1011)");
        assert_eq!(r.dossier.as_deref(), Some("26643"));
        assert!(r.cum_suis);

        let (t, r) = one("zie Kamerstukken II 2022/23, 26 643, nr. 1011.");
        assert_eq!(t, "Kamerstukken II 2022/23, 26 643, nr. 1011");
        assert_eq!(r.numbers, ["1011"]);

        let (_, r) = one(
            "In stemming komt de gewijzigde motie-Wassenberg (21501-08, nr. 726, was nr. 719).",
        );
        assert_eq!(r.dossier.as_deref(), Some("21501-08"));
        assert_eq!(r.numbers, ["726"]);

        let (t, r) = one("De moties op stuk nrs. 1009 en 1010 (26643) ontraad ik.");
        assert_eq!(t, "moties op stuk nrs. 1009 en 1010 (26643)");
        assert_eq!(r.numbers, ["1009", "1010"]);

        let (t, r) = one(
            "de motie-Wassenberg over vermindering van het aantal proefdieren (21501-08, nr. 721);",
        );
        assert!(t.ends_with("nr. 721)"));
        assert_eq!(r.submitter.as_deref(), Some("Wassenberg"));
    }

    #[test]
    fn submitter_forms() {
        let found = find_all(
            "middels de motie Van Ginneken c.s., Van Raan c.s. en Van Weerdenburg c.s. tegen",
        );
        let names: Vec<_> = found
            .iter()
            .filter_map(|r| r.submitter.as_deref())
            .collect();
        assert_eq!(names, ["Van Ginneken", "Van Raan", "Van Weerdenburg"]);

        let (t, r) = one("De motie-Slootweg op stuk nr. 1009 moet ik ontraden");
        assert_eq!(t, "motie-Slootweg op stuk nr. 1009");
        assert_eq!(
            (r.submitter.as_deref(), r.dossier.as_deref()),
            (Some("Slootweg"), None)
        );

        let (t, r) = one("Dan heb ik nog een motie liggen, namelijk die op stuk nr. 307 van de heren Veldman en Paternotte.");
        assert_eq!(t, "op stuk nr. 307 van de heren Veldman");
        assert_eq!(
            (r.numbers[0].as_str(), r.submitter.as_deref()),
            ("307", Some("Veldman"))
        );
        let (t, _) = one("Het dictum van de motie van mevrouw Kathmann zou je");
        assert_eq!(t, "motie van mevrouw Kathmann");
        let (t, _) = one("de aangenomen motie van het lid Van Raan c.s. over het");
        assert_eq!(t, "motie van het lid Van Raan c.s.");
        let (t, _) = one("Aangezien de door het lid Van Ginneken c.s. ingediende motie geen");
        assert_eq!(t, "door het lid Van Ginneken c.s. ingediende motie");
        let (_, r) = one("In stemming komt de motie-Laçin/Beckerman (21501-08, nr. 722).");
        assert_eq!(r.submitter.as_deref(), Some("Laçin"));
        // The number in brackets after a debate's title is not the motion's.
        let (t, r) = one(
            "het tweeminutendebat Uitvoering motie-Van Raan c.s. over encryptie (26643, nr. 908).",
        );
        assert_eq!(t, "motie-Van Raan c.s.");
        assert!(r.numbers.is_empty());
    }

    #[test]
    fn no_reference() {
        for text in [
            "De aangenomen motie roept het kabinet op.",
            "Dat is een motie van de Kamer.",
            "een motie van GroenLinks",
            "Zij krijgt nr. 1011 (26643).",
            "Ik dien een motie in. Mijn tweede motie luidt als volgt.",
            "Emotie en promotie.",
        ] {
            assert!(find_all(text).is_empty(), "{text}: {:?}", find_all(text));
        }
    }

    #[test]
    fn ordinals() {
        let found =
            find_all("De eerste motie ontraad ik. Dan de laatste motie van de heer Slootweg.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].ordinal, Some(Ordinal::Nth(0)));
        assert_eq!(found[1].ordinal, Some(Ordinal::Last));
        assert_eq!(found[1].submitter.as_deref(), Some("Slootweg"));
    }
}
