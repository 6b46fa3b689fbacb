//! People's names: one reader and one particle list for the whole crate.
//!
//! A name is read the same way wherever it stands: words separated by
//! single spaces, capitalised (`Slootweg`, `Yeşilgöz-Zegerius`) or a
//! lowercase particle (`van`, `der`), ending at its last capitalised word.
//! What differs is how sure the reader can be of where the name ends
//! ([`Context`]): in a speaker label or a signers' line the name is bounded
//! (`De heer Van der Lee (GroenLinks):`), so every particle counts and a
//! name may open with one; in running text (`de motie-Van Raan`, `de motie
//! van Kuik uit Groningen`) a name opens with a capital, and the particles
//! that are also everyday words there (`uit`, `vd`) end it.

use nom::bytes::complete::take_while1;
use nom::{IResult, Parser};

/// Where a name is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// A speaker label (`Minister Van der Wal-Zeggelink:`), `Voorzitter:
    /// Bergkamp`, a motion document's signers: the name's end is marked,
    /// by `(party):`, `:` or the line's end. Initials keep their stops
    /// (`A.J. Verhoeven`); up to nine words.
    Bounded,
    /// Running text, after `motie-`, `motie van` …: nothing marks the end,
    /// so the name opens with a capital, only [`Particle::in_text`]
    /// particles join it, a full stop ends it (`c.s.`, a sentence) and
    /// names printed together are joined by `/` (`Laçin/Beckerman`); up to
    /// six words.
    Text,
}

impl Context {
    /// The most words a name may have: where nothing marks its end, a
    /// longer name would take in the words after it (`mevrouw Dijksma van
    /// de Partij van de Arbeid`).
    fn max_words(self) -> usize {
        match self {
            Context::Bounded => 9,
            Context::Text => 6,
        }
    }

    /// Whether `c` may stand in a word of a name: a letter, `-`, `'`, `’`,
    /// and `.` (bounded) or `/` (text).
    pub(crate) fn name_char(self, c: char) -> bool {
        c.is_alphabetic()
            || matches!(c, '-' | '\'' | '’')
            || match self {
                Context::Bounded => c == '.',
                Context::Text => c == '/',
            }
    }
}

/// A lowercase name particle (tussenvoegsel).
struct Particle {
    word: &'static str,
    /// Also in running text: `uit` (`de motie van Kuik uit Groningen`) and
    /// `vd` are particles only where the name is bounded.
    in_text: bool,
    /// Capitalised, it opens a surname in running text (`Van Raan`, `De
    /// Graaf`, `Ter Horst`): `motie Van Ginneken` names a submitter.
    opens_surname: bool,
}

const fn particle(word: &'static str, in_text: bool, opens_surname: bool) -> Particle {
    Particle {
        word,
        in_text,
        opens_surname,
    }
}

/// The name particles: `van`, `der`, `de`, `'t` …
const PARTICLES: &[Particle] = &[
    particle("van", true, true),
    particle("der", true, true),
    particle("den", true, true),
    particle("de", true, true),
    particle("het", true, false),
    particle("'t", true, false),
    particle("’t", true, false),
    particle("te", true, true),
    particle("ten", true, true),
    particle("ter", true, true),
    particle("in", true, true),
    particle("op", true, true),
    particle("uit", false, false),
    particle("la", true, false),
    particle("le", true, false),
    particle("du", true, false),
    particle("da", true, false),
    particle("di", true, false),
    particle("dos", true, false),
    particle("del", true, false),
    particle("el", true, false),
    particle("al", true, false),
    particle("von", true, false),
    particle("zu", true, false),
    particle("vd", false, false),
];

/// Whether `word` (lowercase) is a name particle in `context`.
pub(crate) fn is_particle(word: &str, context: Context) -> bool {
    PARTICLES
        .iter()
        .any(|p| p.word == word && (p.in_text || context == Context::Bounded))
}

/// Whether `word` is a particle that, capitalised, opens a surname in
/// running text: `Van`, `De`, `Den`, `Der`, `Ter`, `Ten`, `Te`, `Op`, `In`.
pub(crate) fn opens_surname(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(|c| c.is_uppercase()) else {
        return false;
    };
    PARTICLES.iter().any(|p| {
        p.opens_surname && {
            let mut lower = p.word.chars();
            lower.next().is_some_and(|l| first.to_lowercase().eq([l]))
                && lower.as_str() == chars.as_str()
        }
    })
}

pub(crate) fn is_name_char(c: char) -> bool {
    Context::Bounded.name_char(c)
}

/// One word of a name: `Slootweg`, `Dekker-Abdulaziz`, `Yeşilgöz-Zegerius`,
/// `van`, `'t`.
pub(crate) fn name_word(i: &str) -> IResult<&str, &str> {
    take_while1(is_name_char).parse(i)
}

/// Whether `word` is capitalised: its first letter is a capital (`'t`
/// is not, `’S-Hertogenbosch` is).
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// The length of the person's name at the start of `s` in `context`:
/// words separated by single spaces, each capitalised or a particle (a
/// word opening with `-` or `/` is neither), ending at the last
/// capitalised one; in running text the first word is capitalised too.
///
/// ```text
/// "Van Ginneken c.s. (26643"        → "Van Ginneken"
/// "van der Staaij (SGP):" (bounded) → "van der Staaij"; in text: none
/// "Kuik uit Groningen" (bounded)    → "Kuik uit Groningen"; in text: "Kuik"
/// ```
pub(crate) fn name_len(s: &str, context: Context) -> Option<usize> {
    let mut end = 0;
    let mut pos = 0;
    for _ in 0..context.max_words() {
        let rest = s.get(pos..)?;
        let len = rest
            .find(|c: char| !context.name_char(c))
            .unwrap_or(rest.len());
        let word = rest.get(..len)?;
        if word.is_empty() || word.starts_with(['-', '/']) {
            break;
        }
        if is_capitalised(word) {
            end = pos + len;
        } else if !is_particle(word, context) || (end == 0 && context == Context::Text) {
            break;
        }
        match rest.get(len..).and_then(|r| r.strip_prefix(' ')) {
            Some(_) => pos += len + 1,
            None => break,
        }
    }
    (end > 0).then_some(end)
}

/// What a title printed before a name in running text says of the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Title {
    /// `de heer`, `mevrouw`, `meneer`: how a person is addressed.
    Address,
    /// `minister`, `staatssecretaris`: a member of the government called by
    /// office.
    Office,
    /// `het lid`, `de leden`, `Kamerlid`, `collega` …: a member named as
    /// one.
    Member,
}

/// The titles printed before a name in running text, in lower case (each
/// may open with a capital: at the start of a sentence, `Kamerlid`).
const TITLES: &[(&str, Title)] = &[
    ("de heer", Title::Address),
    ("mevrouw", Title::Address),
    ("meneer", Title::Address),
    ("minister", Title::Office),
    ("staatssecretaris", Title::Office),
    ("het lid", Title::Member),
    ("de leden", Title::Member),
    ("de heren", Title::Member),
    ("de dames", Title::Member),
    ("kamerlid", Title::Member),
    ("kamerleden", Title::Member),
    ("mijn collega", Title::Member),
    ("de collega", Title::Member),
    ("collega", Title::Member),
];

/// The length of the title of one of `kinds` that `s` opens with, its
/// first letter in either case, and the space after it (`De heer Koops` →
/// 8).
pub(crate) fn title_len(s: &str, kinds: &[Title]) -> Option<usize> {
    TITLES
        .iter()
        .filter(|(_, kind)| kinds.contains(kind))
        .find_map(|(title, _)| {
            let head = s.get(..title.len())?;
            let same = head.get(..1)?.eq_ignore_ascii_case(title.get(..1)?)
                && head.get(1..) == title.get(1..);
            (same && s.as_bytes().get(title.len()) == Some(&b' ')).then_some(title.len() + 1)
        })
}

/// The length of the name after a title at the start of `rest`: up to
/// three lowercase particles (`de heer van Dijk`, `mevrouw van der Plas`:
/// after a title a name may open with one), then the name as `name` reads
/// it.
pub(crate) fn name_after_title(rest: &str, name: impl Fn(&str) -> Option<usize>) -> Option<usize> {
    let mut skip = 0;
    for _ in 0..3 {
        let r = rest.get(skip..)?;
        let len = r.find(' ').unwrap_or(r.len());
        match r.get(..len) {
            Some(word) if is_particle(word, Context::Text) => skip += len + 1,
            _ => break,
        }
    }
    Some(skip + name(rest.get(skip..)?)?)
}

/// A person's name in a label or another bounded place ([`name_len`]).
///
/// `Slootweg`, `Van Ginneken`, `Van der Lee`, `Jasper van Dijk`,
/// `Nijkerken-de Haan`, `Bruins Slot`, `El Boujdaini`.
pub(crate) fn person_name(i: &str) -> IResult<&str, &str> {
    match name_len(i, Context::Bounded).and_then(|e| Some((i.get(e..)?, i.get(..e)?))) {
        Some(found) => Ok(found),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str, context: Context) -> Option<&str> {
        name_len(s, context).map(|n| &s[..n])
    }

    #[test]
    fn bounded_and_running_text() {
        use Context::*;
        assert_eq!(name("Van Ginneken c.s. (26643", Text), Some("Van Ginneken"));
        assert_eq!(
            name("van der Staaij (SGP):", Bounded),
            Some("van der Staaij")
        );
        assert_eq!(name("van der Staaij (SGP):", Text), None);
        assert_eq!(
            name("Kuik uit Groningen", Bounded),
            Some("Kuik uit Groningen")
        );
        assert_eq!(name("Kuik uit Groningen", Text), Some("Kuik"));
        assert_eq!(
            name("A.J. Verhoeven (D66):", Bounded),
            Some("A.J. Verhoeven")
        );
        assert_eq!(
            name("Laçin/Beckerman (21501", Text),
            Some("Laçin/Beckerman")
        );
        assert_eq!(name("Slootweg en Kuik", Text), Some("Slootweg"));
        assert_eq!(name("’t Hart (PVV):", Bounded), Some("’t Hart"));
        assert_eq!(name("-Van Raan", Text), None);
        assert_eq!(
            name("A B C D E F G H I J K", Bounded),
            Some("A B C D E F G H I")
        );
        assert_eq!(name("A B C D E F G H I J K", Text), Some("A B C D E F"));
        assert!(is_particle("uit", Bounded) && !is_particle("uit", Text));
        assert!(opens_surname("Van") && opens_surname("Ter") && !opens_surname("El"));
        assert!(!opens_surname("van") && !opens_surname("Uit"));
    }

    #[test]
    fn titles_and_the_names_after_them() {
        use Title::*;
        assert_eq!(title_len("De heer Koops", &[Address]), Some(8));
        assert_eq!(title_len("de heer Koops", &[Address]), Some(8));
        assert_eq!(title_len("Kamerlid Van Raan", &[Member]), Some(9));
        assert_eq!(title_len("Kamerleden Van Raan", &[Member]), Some(11));
        assert_eq!(title_len("minister Van Hijum", &[Address]), None);
        assert_eq!(title_len("Minister Van Hijum", &[Office]), Some(9));
        // A title is a whole word: `heerlijk` is none, nor a title at the end.
        assert_eq!(title_len("de heerlijk", &[Address]), None);
        assert_eq!(title_len("mevrouw", &[Address]), None);
        fn text(s: &str) -> Option<usize> {
            name_len(s, Context::Text)
        }
        fn after(s: &str) -> Option<&str> {
            name_after_title(s, text).and_then(|n| s.get(..n))
        }
        assert_eq!(after("van Dijk heeft"), Some("van Dijk"));
        assert_eq!(after("van der Plas."), Some("van der Plas"));
        assert_eq!(after("Van Eijk, nog"), Some("Van Eijk"));
        assert_eq!(after("van de minister"), None);
        assert_eq!(after("van"), None);
    }
}
