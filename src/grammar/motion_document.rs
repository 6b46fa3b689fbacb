//! A Kamerstuk motion document, the form every motion is published in: its
//! head and its signers.
//!
//! ```text
//! Tweede Kamer der Staten-Generaal
//! Vergaderjaar 2023–2024
//!
//! 40 220
//! Wijziging van de Waterwet in verband met het verhogen van de dijken
//!
//! Nr. 12
//! MOTIE VAN HET LID JANSEN C.S.
//! Voorgesteld 3 oktober 2023
//!
//! De Kamer,
//! …
//! en gaat over tot de orde van de dag.
//!
//! Jansen
//! De Vries
//! El Idrissi
//! ```
//!
//! The rules read one paragraph each and return ranges of it, so they work
//! alike on the document as published (its lines, joined into paragraphs
//! by the first pass) and as extracted into one line.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::dates::iso_date;
use super::motion_text::skip_space;
use super::names::{is_particle, Context};
use crate::search::re;

/// The header: `MOTIE VAN HET LID JANSEN C.S.`, `MOTIE VAN DE LEDEN JANSEN
/// EN DE VRIES`, `GEWIJZIGDE MOTIE VAN … TER VERVANGING VAN DIE GEDRUKT
/// ONDER NR. 9`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    /// The whole header.
    pub range: Range<usize>,
    /// `GEWIJZIGDE MOTIE`.
    pub amended: bool,
    /// The names, as printed (capitals).
    pub names: Vec<Range<usize>>,
    /// The names end in `C.S.`
    pub cum_suis: bool,
    /// `TER VERVANGING VAN DIE GEDRUKT ONDER NR. 9` → `9`.
    pub replaces: Option<String>,
}

/// What one paragraph of a motion document's head holds, as ranges of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HeadParts {
    /// The dossier as printed (`40 220`, `36 800 XVI`) and as an id
    /// (`40220`, `36800-XVI`).
    pub dossier: Option<(Range<usize>, String)>,
    /// The dossier's title, after its number.
    pub title: Option<Range<usize>>,
    /// The number of `Nr. 12`.
    pub number: Option<Range<usize>>,
    /// `MOTIE VAN …`.
    pub header: Option<Header>,
    /// The date of `Voorgesteld 3 oktober 2023`, as printed and in ISO 8601.
    pub proposed: Option<(Range<usize>, String)>,
}

/// The parts of a motion document's head in the paragraph `text`.
pub(crate) fn head_parts(text: &str) -> HeadParts {
    let mut parts = HeadParts::default();
    static NR: OnceLock<Regex> = OnceLock::new();
    let nr = re(&NR, r"(?:^|\s)Nr\. ?(\d+[a-z]?)(?:\s|$)").captures(text);
    let nr_at = nr.as_ref().and_then(|c| c.get(0)).map(|m| m.start());
    parts.number = nr.and_then(|c| c.get(1)).map(|m| m.range());
    // The dossier and its title come before `Nr.`.
    let upto = nr_at.unwrap_or(text.len());
    let head = text.get(..upto).unwrap_or("");
    static DOSSIER: OnceLock<Regex> = OnceLock::new();
    if let Some(c) = re(
        &DOSSIER,
        r"(?:^|\s)(\d{2} \d{3}|\d{5})(?:(-\d{2}|-[IVXLC]+| [IVXLC]+)(?:\s|$))?",
    )
    .captures(head)
    {
        if let Some(number) = c.get(1) {
            let suffix = c.get(2);
            let printed_end = suffix.map_or(number.end(), |s| s.end());
            let mut id = number.as_str().replace(' ', "");
            if let Some(s) = suffix {
                id.push('-');
                id.push_str(s.as_str().trim_start_matches(['-', ' ']));
            }
            parts.dossier = Some((number.start()..printed_end, id));
            let title = head.get(printed_end..).unwrap_or("").trim();
            let header_at = title.find("MOTIE VAN").map(|i| {
                // `GEWIJZIGDE MOTIE VAN`.
                let t = title.get(..i).unwrap_or("");
                t.strip_suffix("GEWIJZIGDE ").map_or(i, str::len)
            });
            let title = title
                .get(..header_at.unwrap_or(title.len()))
                .unwrap_or("")
                .trim();
            if !title.is_empty() {
                let at = crate::text::offset_in(text, title);
                parts.title = Some(at..at + title.len());
            }
        }
    }
    parts.header = header(text);
    static PROPOSED: OnceLock<Regex> = OnceLock::new();
    if let Some(c) = re(
        &PROPOSED,
        r"(?i:Voorgesteld)\s+(?:(?:op|d\.d\.)\s+)?((\d{1,2}) (\p{L}+) (\d{4}))",
    )
    .captures(text)
    {
        if let (Some(all), Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3), c.get(4)) {
            if let Some(iso) = iso_date(d.as_str(), m.as_str(), y.as_str()) {
                parts.proposed = Some((all.range(), iso));
            }
        }
    }
    parts
}

/// `ter vervanging van die gedrukt onder nr.`, before the number of the
/// motion an amended one replaces (compared ignoring ASCII case).
const REPLACING: &str = "ter vervanging van die gedrukt onder nr.";

/// The header in `text`, as published, in capitals (`MOTIE VAN HET LID
/// JANSEN C.S.`: the names run to the first word with a lowercase letter),
/// or as a Markdown conversion prints it (`## Motie van het lid Jansen
/// c.s.`: the names are capitalised words, particles and `en`, up to
/// `c.s.` or another word: `Motie van het lid Jansen over de dijken`); `TER
/// VERVANGING VAN DIE GEDRUKT ONDER NR. 9` in either case.
fn header(text: &str) -> Option<Header> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let c = re(
        &RE,
        r"(?:^|\s)(?P<amended>(?i:GEWIJZIGDE) )?(?i:MOTIE VAN (?:HET LID|DE LEDEN)) ",
    )
    .captures(text)?;
    let whole = c.get(0)?;
    let start = whole.start() + (whole.as_str().len() - whole.as_str().trim_start().len());
    let capitals = !whole.as_str().chars().any(char::is_lowercase);
    // In mixed case only where a header stands: first in its paragraph or
    // heading, or after `Nr. 12` (not `… de motie van het lid Jansen is …`).
    if !capitals && !heads(text.get(..start).unwrap_or("")) {
        return None;
    }
    let mut end = whole.end();
    // The names' words, up to `c.s.` or `ter vervanging …`.
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut cum_suis = false;
    let mut replaces = None;
    let mut spans = word_spans(text, whole.end()).peekable();
    while let Some((at, word)) = spans.next() {
        let replacing = text
            .get(at..at + REPLACING.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(REPLACING));
        if replacing {
            let from = skip_space(text, at + REPLACING.len());
            let digits = text.get(from..).unwrap_or("");
            let n = digits.bytes().take_while(u8::is_ascii_digit).count();
            if let Some(number) = digits.get(..n).filter(|d| !d.is_empty()) {
                replaces = Some(number.to_string());
                end = from + n;
            }
            break;
        }
        let name_word = if capitals {
            !word.chars().any(char::is_lowercase)
        } else {
            let kamer = word == "De" && spans.peek().is_some_and(|(_, w)| w.starts_with("Kamer"));
            let stop = kamer || word.eq_ignore_ascii_case("voorgesteld");
            !stop
                && (word.starts_with(char::is_uppercase)
                    || is_particle(word, Context::Text)
                    || word == "en")
        };
        if word.eq_ignore_ascii_case("c.s.") || word.eq_ignore_ascii_case("c.s") {
            cum_suis = true;
            end = at + word.len();
            break;
        }
        if !name_word {
            break;
        }
        words.push((at, word));
        end = at + word.len();
    }
    // A particle does not end a name (`… Jansen de`).
    while words
        .last()
        .is_some_and(|(_, w)| is_particle(&w.to_lowercase(), Context::Text))
    {
        words.pop();
    }
    if !cum_suis && replaces.is_none() {
        end = words.last().map_or(end, |(at, w)| at + w.len());
    }
    // The names: words between `,` and `en`.
    let mut names = Vec::new();
    let mut name: Option<Range<usize>> = None;
    for (at, word) in words {
        if word.eq_ignore_ascii_case("en") {
            names.extend(name.take());
            continue;
        }
        let w = word.trim_end_matches(',');
        let range = name
            .take()
            .map_or(at..at + w.len(), |n| n.start..at + w.len());
        if w.len() < word.len() {
            names.push(range);
        } else {
            name = Some(range);
        }
    }
    names.extend(name);
    (!names.is_empty()).then(|| Header {
        range: start..end,
        amended: c.name("amended").is_some(),
        names,
        cum_suis,
        replaces,
    })
}

/// Whether `before`, the text before a header in mixed case, leaves it
/// where a header stands: nothing, or `Nr. 12` at its end.
fn heads(before: &str) -> bool {
    let t = before.trim_end();
    let t = t
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(t);
    let digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    t.is_empty() || (digits.len() < t.len() && digits.trim_end().ends_with("Nr."))
}

/// The words of `text` from `from` on, with their offsets.
fn word_spans(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let rest = text.get(from..).unwrap_or("");
    rest.split(' ')
        .scan(from, |at, word| {
            let here = *at;
            *at += word.len() + 1;
            Some((here, word))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// The signers at the end of a motion document, run together on one line
/// (`Jansen De Vries El Idrissi`): split by the names of the header
/// (`header_names`, in capitals, in any order), then, for the names it does
/// not give (`C.S.`), one name per capitalised word with the particles
/// before it (`De Vries`, `El Idrissi`, `Van der Lee`). `None` when the
/// paragraph is no list of names (a word neither capitalised nor a
/// particle, or a sentence's punctuation).
pub(crate) fn signers(text: &str, header_names: &[&str]) -> Option<Vec<Range<usize>>> {
    if text.is_empty() || text.len() > 2_000 || text.contains([',', ';', ':', '?', '!']) {
        return None;
    }
    let words: Vec<(usize, &str)> = word_spans(text, 0).collect();
    let is_word = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            && (w.starts_with(char::is_uppercase) || is_particle(w, Context::Bounded))
    };
    if words.is_empty() || !words.iter().all(|(_, w)| is_word(w)) {
        return None;
    }
    let mut used = vec![false; header_names.len()];
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(&(start, _)) = words.get(k) {
        // A name of the header at this word.
        let known = header_names.iter().enumerate().find_map(|(h, name)| {
            let n = name.split(' ').count();
            let here = words.get(k..k + n)?;
            let matches = !used.get(h).copied().unwrap_or(true)
                && here
                    .iter()
                    .zip(name.split(' '))
                    .all(|((_, w), h)| w.to_uppercase() == h.to_uppercase());
            matches.then_some((h, n))
        });
        let n = match known {
            Some((h, n)) => {
                if let Some(u) = used.get_mut(h) {
                    *u = true;
                }
                n
            }
            None => {
                // Particles, then the name itself.
                let mut n = 0;
                while words
                    .get(k + n)
                    .is_some_and(|(_, w)| is_particle(&w.to_lowercase(), Context::Bounded))
                    && k + n + 1 < words.len()
                {
                    n += 1;
                }
                n + 1
            }
        };
        let last = words.get(k + n - 1).map_or(start, |(at, w)| at + w.len());
        out.push(start..last);
        k += n;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head() {
        let t = "Tweede Kamer der Staten-Generaal Vergaderjaar 2023–2024 40 220 Wijziging van de \
                 Waterwet Nr. 14 GEWIJZIGDE MOTIE VAN DE LEDEN JANSEN EN DE VRIES TER VERVANGING \
                 VAN DIE GEDRUKT ONDER NR. 9 Voorgesteld 3 oktober 2023";
        let p = head_parts(t);
        assert_eq!(p.dossier.as_ref().map(|d| d.1.as_str()), Some("40220"));
        assert_eq!(p.title.map(|r| &t[r]), Some("Wijziging van de Waterwet"));
        assert_eq!(p.number.map(|r| &t[r]), Some("14"));
        let h = p.header.expect("header");
        assert!(h.amended && !h.cum_suis);
        assert_eq!(h.replaces.as_deref(), Some("9"));
        let names: Vec<&str> = h.names.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(names, ["JANSEN", "DE VRIES"]);
        assert_eq!(p.proposed.map(|d| d.1), Some("2023-10-03".to_string()));
        let p = head_parts("36 800 XVI Vaststelling van de begroting");
        assert_eq!(p.dossier.map(|d| d.1), Some("36800-XVI".to_string()));
        let p = head_parts("MOTIE VAN HET LID EL IDRISSI C.S.");
        let h = p.header.expect("header");
        assert!(h.cum_suis);
        assert_eq!(h.names.first(), Some(&(18..28)));
    }

    /// The header as a Markdown conversion prints it, in mixed case.
    #[test]
    fn header_in_mixed_case() {
        let parts = |t: &'static str| {
            let h = header(t).expect("header");
            let names: Vec<&str> = h.names.iter().map(|r| &t[r.clone()]).collect();
            (
                &t[h.range.clone()],
                names,
                h.cum_suis,
                h.amended,
                h.replaces,
            )
        };
        assert_eq!(
            parts("Motie van het lid Bakker c.s."),
            (
                "Motie van het lid Bakker c.s.",
                vec!["Bakker"],
                true,
                false,
                None
            )
        );
        assert_eq!(
            parts(
                "Gewijzigde motie van de leden Jansen en De Vries ter vervanging van die \
                 gedrukt onder nr. 9"
            ),
            (
                "Gewijzigde motie van de leden Jansen en De Vries ter vervanging van die \
                 gedrukt onder nr. 9",
                vec!["Jansen", "De Vries"],
                false,
                true,
                Some("9".to_string())
            )
        );
        // A subject after the names, and a flattened head after them.
        assert_eq!(
            parts("Motie van het lid Van der Berg over de kades").0,
            "Motie van het lid Van der Berg"
        );
        assert_eq!(
            parts("Nr. 3 Motie van de leden Jansen, De Vries en El Idrissi Voorgesteld 3 mei 2024 De Kamer,").1,
            ["Jansen", "De Vries", "El Idrissi"]
        );
        assert_eq!(
            parts("Motie van het lid Jansen De Kamer, gehoord de beraadslaging").1,
            ["Jansen"]
        );
        // In capitals, `TER VERVANGING` is found as in mixed case.
        assert_eq!(
            parts("GEWIJZIGDE MOTIE VAN HET LID JANSEN TER VERVANGING VAN DIE GEDRUKT ONDER NR.7")
                .4,
            Some("7".to_string())
        );
        // In running text it is no header.
        assert_eq!(header("De motie van het lid Jansen is aangenomen."), None);
        assert_eq!(
            header("Nr. 12a Motie van het lid Jansen").map(|h| h.names.len()),
            Some(1)
        );
    }

    #[test]
    fn signers_run_together() {
        let t = "Jansen De Vries El Idrissi Van der Lee";
        let names: Vec<&str> = signers(t, &["JANSEN"])
            .expect("names")
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(names, ["Jansen", "De Vries", "El Idrissi", "Van der Lee"]);
        // The header's names first: `Ter Horst` is one name there.
        let t = "Ter Horst Bakker";
        let names: Vec<&str> = signers(t, &["BAKKER", "TER HORST"])
            .expect("names")
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(names, ["Ter Horst", "Bakker"]);
        assert!(signers("Dit is een zin.", &[]).is_none());
        // A name of two capitalised words, which only the header splits.
        let t = "Hoog Ravenstein Jansen";
        let split = |header: &[&str]| -> Vec<&str> {
            signers(t, header)
                .expect("names")
                .into_iter()
                .map(|r| &t[r])
                .collect()
        };
        assert_eq!(
            split(&["HOOG RAVENSTEIN", "JANSEN"]),
            ["Hoog Ravenstein", "Jansen"]
        );
        assert_eq!(split(&["Hoog Ravenstein"]), ["Hoog Ravenstein", "Jansen"]);
        assert_eq!(split(&[]), ["Hoog", "Ravenstein", "Jansen"]);
    }
}
