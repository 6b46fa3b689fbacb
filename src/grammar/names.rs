//! People's names: one reader and one particle list for the whole crate.

use nom::bytes::complete::take_while1;
use nom::{IResult, Parser};

/// Lowercase name particles (tussenvoegsels): `van`, `der`, `de`, `'t` …
pub(crate) const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "het", "'t", "’t", "te", "ten", "ter", "in", "op", "uit", "la",
    "le", "du", "da", "di", "dos", "del", "el", "al", "von", "zu", "vd",
];

pub(crate) fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')
}

/// One word of a name: `Slootweg`, `Dekker-Abdulaziz`, `Yeşilgöz-Zegerius`,
/// `van`, `'t`.
pub(crate) fn name_word(i: &str) -> IResult<&str, &str> {
    take_while1(is_name_char).parse(i)
}

pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// A person's name: words separated by single spaces, each capitalised or a
/// particle, the last one capitalised.
///
/// `Slootweg`, `Van Ginneken`, `Van der Lee`, `Jasper van Dijk`,
/// `Nijkerken-de Haan`, `Bruins Slot`, `El Boujdaini`.
pub(crate) fn person_name(i: &str) -> IResult<&str, &str> {
    let mut end = 0;
    let mut last_ok = None;
    let mut words = 0;
    loop {
        let here = i.get(end..).unwrap_or("");
        let Ok((after, word)) = name_word(here) else {
            break;
        };
        if !(is_capitalised(word) || is_particle(word)) || word.starts_with('-') {
            break;
        }
        words += 1;
        end = i.len() - after.len();
        if is_capitalised(word) {
            last_ok = Some(end);
        }
        if words > 8 {
            break;
        }
        match after.strip_prefix(' ') {
            Some(next) if next.starts_with(|c: char| is_name_char(c)) => end += 1,
            _ => break,
        }
    }
    match last_ok {
        Some(e) => Ok((i.get(e..).unwrap_or(""), i.get(..e).unwrap_or(""))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        ))),
    }
}
