//! Numbers of motions, read with nom: dossiers (`26 643`, `21501-08`),
//! `nr. 1011`, `nrs. 1009 en 1010`, `32317-858`, and the references that
//! are numbers only (`Kamerstuk 26643, nr. 1011`, `nummer [32317-857]`,
//! `op stuk nr. 305`).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, space0};
use nom::combinator::{opt, recognize};
use nom::multi::many0;
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::names::{first_name, person};
use super::RawRef;

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
fn dossier_core(s: &str) -> Res<'_, &str> {
    recognize((digits(2, 2), opt(char(' ')), digits(3, 3))).parse(s)
}

/// A dossier suffix part: `08` in `21501-08`, `XVI` in `36800-XVI`.
fn suffix(s: &str) -> Res<'_, &str> {
    alt((
        digits(1, 3),
        take_while_m_n(1, 6, |c: char| c.is_ascii_uppercase()),
    ))
    .parse(s)
}

/// A dossier as printed: `26 643`, `21501-08`, `36800-XVI` ([`normal`]
/// gives `26643`).
fn dossier(s: &str) -> Res<'_, &str> {
    recognize((dossier_core, many0(preceded(char('-'), suffix)))).parse(s)
}

/// A dossier as printed, without the thousands space: `26 643-08` →
/// `26643-08`.
pub(in crate::analysis) fn normal(printed: &str) -> std::borrow::Cow<'_, str> {
    match (printed.get(..2), printed.get(2..)) {
        (Some(head), Some(tail)) if tail.starts_with(' ') => {
            std::borrow::Cow::Owned(format!("{head}{}", tail.get(1..).unwrap_or_default()))
        }
        _ => std::borrow::Cow::Borrowed(printed),
    }
}

/// `nr. 1011`, `nr.1011`, `nummer 1011`.
fn nr(s: &str) -> Res<'_, &str> {
    preceded(alt((tag("nr. "), tag("nr."), tag("nummer "))), number).parse(s)
}

/// Numbers after `nrs.`, as printed: `1009`, `1009 en 1010`, `1009, 1010
/// en 1011` (the numbers are its runs of digits: [`super::RawRef::numbers`]).
fn number_list(s: &str) -> Res<'_, &str> {
    recognize((
        number,
        many0(preceded(
            alt((tag(", "), tag(" en "), tag(" t/m "))),
            number,
        )),
    ))
    .parse(s)
}

/// `26 643, nr. 1011`, `21501-08, nr. 726, was nr. 719`, `26643 nr. 1011`.
pub(super) fn dossier_nr(s: &str) -> Res<'_, (&str, &str)> {
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
pub(super) fn bracket_dossier_nr(s: &str) -> Res<'_, (&str, &str)> {
    delimited(char('('), dossier_nr, char(')')).parse(s)
}

/// `nr. 1009`, `nrs. 1009 en 1010`, optionally with the dossier: ` (26643)`.
fn numbers_with_dossier(s: &str) -> Res<'_, (Option<&str>, &str)> {
    let single = nr;
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
pub(super) fn stuk_numbers(s: &str) -> Res<'_, (Option<&str>, &str)> {
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
pub(super) fn hyphen_id(s: &str) -> Res<'_, (&str, &str)> {
    // The last part is the number: up to five digits (`26643-1011`), and
    // it must end there (a sixth digit or a letter glued on is no id).
    let part = |s| {
        alt((
            digits(1, 5),
            take_while_m_n(1, 6, |c: char| c.is_ascii_uppercase()),
        ))
        .parse(s)
    };
    let (id, open) = opt(char('[')).parse(s)?;
    let (rest, (_, parts)) = (dossier_core, many0(preceded(char('-'), part))).parse(id)?;
    // The id as printed, without the brackets.
    let printed = id.get(..id.len() - rest.len()).unwrap_or_default();
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            s,
            nom::error::ErrorKind::Digit,
        )));
    }
    let Some(last) = parts.last() else {
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
    // The dossier: the id without `-` and its last part.
    let d = printed
        .get(..printed.len().saturating_sub(last.len() + 1))
        .unwrap_or_default();
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

/// `Kamerstuk 26643, nr. 1011`, `Kamerstukken II 2022/23, 26 643, nr. 1011`.
pub(super) fn kamerstuk(text: &str, start: usize, end: usize) -> Option<RawRef<'_>> {
    let tail = text.get(end..)?;
    let (after, (d, n)) = preceded(kamerstuk_prefix, dossier_nr).parse(tail).ok()?;
    Some(one_number(start, end + tail.len() - after.len(), d, n))
}

/// A reference to one motion, `dossier` and `number` printed.
fn one_number<'t>(start: usize, end: usize, dossier: &'t str, number: &'t str) -> RawRef<'t> {
    RawRef {
        start,
        end,
        dossier: Some(dossier),
        numbers: number,
        ..RawRef::default()
    }
}

/// `nummer [32317-857](https://…)`, `nummer 32317-857`, where the text speaks
/// of motions (the caller checks).
pub(super) fn nummer(text: &str, start: usize, end: usize) -> Option<RawRef<'_>> {
    let tail = text.get(end..)?;
    let (after, (d, n)) = preceded(char(' '), hyphen_id).parse(tail).ok()?;
    Some(one_number(start, end + tail.len() - after.len(), d, n))
}

/// `op stuk nr. 305` standing alone where the text speaks of motions (the
/// caller checks): `een motie ingediend, op stuk nr. 305, die …`, `namelijk
/// die op stuk nr. 307 van de heren Veldman en Paternotte`.
pub(super) fn op_stuk(text: &str, start: usize) -> Option<RawRef<'_>> {
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
        numbers: ns,
        ..RawRef::default()
    };
    if let Some(p) = after.strip_prefix(" van ").and_then(person) {
        r.submitter = Some(first_name(p.1));
        r.end += 5 + p.0;
    }
    Some(r)
}
