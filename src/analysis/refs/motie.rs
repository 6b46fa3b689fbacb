//! What follows (and precedes) the anchor `motie`: a submitter, a number,
//! a title and a number, an ordinal (`De eerste motie`).

use nom::character::complete::char;
use nom::sequence::preceded;
use nom::Parser;

use super::names::{cum_suis, first_name, listed_motion, name_len, person};
use super::numbers::{bracket_dossier_nr, dossier_nr, hyphen_id, stuk_numbers};
use super::{Ordinal, RawRef};
use crate::grammar::names::opens_surname;

/// Ordinals before `motie`: `De eerste motie`, `de tweede motie`.
const ORDINALS: &[&str] = &[
    "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende",
    "tiende", "elfde", "twaalfde",
];

/// The words of a unit's text (as `split_whitespace` gives them), found
/// the first time a reference asks what stands before it: a word may be
/// long (`motie-A,motie-B,…` is one), and reading it again for every
/// reference in it would be quadratic.
pub(super) struct Words<'t> {
    text: &'t str,
    spans: std::cell::OnceCell<Vec<(usize, usize)>>,
}

impl<'t> Words<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        Words {
            text,
            spans: std::cell::OnceCell::new(),
        }
    }

    /// The last two words of the text before byte `at` (the last one cut
    /// at `at`), the last first.
    fn last_two_before(&self, at: usize) -> (&'t str, &'t str) {
        self.last_two_near(at)
            .unwrap_or_else(|| self.last_two_indexed(at))
    }

    /// [`Words::last_two_before`] from the index of the unit's words,
    /// built on first use.
    fn last_two_indexed(&self, at: usize) -> (&'t str, &'t str) {
        let text = self.text;
        let spans = self
            .spans
            .get_or_init(|| crate::analysis::runs(text, char::is_whitespace, |_| true));
        let i = spans.partition_point(|&(s, _)| s < at);
        let word = |back: usize| {
            i.checked_sub(back)
                .and_then(|k| spans.get(k))
                .and_then(|&(s, e)| text.get(s..e.min(at)))
                .unwrap_or_default()
        };
        (word(1), word(2))
    }
}

impl<'t> Words<'t> {
    /// [`Words::last_two_before`] read backwards from `at`, when both
    /// words and the spaces around them lie within 64 characters of it
    /// (nearly always): most references need no index of the unit's words.
    /// `None` when they reach further, so that a long word is never read
    /// once per reference in it.
    fn last_two_near(&self, at: usize) -> Option<(&'t str, &'t str)> {
        let text = self.text;
        let before = text.get(..at)?;
        let mut chars = before.char_indices().rev().take(64).peekable();
        // Where the run of characters that are (or are not) whitespace,
        // read backwards from `end`, starts; `None` past the budget.
        let mut run = |end: usize, space: bool| -> Option<usize> {
            let mut start = end;
            while let Some(&(i, c)) = chars.peek() {
                if c.is_whitespace() != space {
                    return Some(start);
                }
                start = i;
                chars.next();
            }
            // The run reaches the budget's end: whole only at the start.
            (start == 0).then_some(0)
        };
        let end1 = run(at, true)?;
        let start1 = run(end1, false)?;
        let end2 = run(start1, true)?;
        let start2 = run(end2, false)?;
        Some((text.get(start1..end1)?, text.get(start2..end2)?))
    }
}

/// Whether the text before a reference (at `at`) ends in an article (`de
/// motie`, `De aangenomen motie`): such a reference may carry its number
/// after a title (`de motie-Wassenberg over vermindering van … (21501-08,
/// nr. 721)`); a title without it (`Uitvoering motie-Van Raan c.s. over …
/// (26643, nr. 908)`) is that of another document.
fn has_article(words: &Words<'_>, at: usize) -> bool {
    let (w1, w2) = words.last_two_before(at);
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
        Some(i) => Ordinal::Nth(u8::try_from(i).unwrap_or(u8::MAX)),
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
///
/// Each reference read is given to `emit`, in order (no list per anchor).
pub(super) fn motie<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    words: &Words<'_>,
    emit: &mut impl FnMut(RawRef<'t>),
) {
    let Some(tail) = text.get(end..) else {
        return;
    };
    if !may_name(tail) {
        if let Some((ordinal, article)) = ordinal_before(text, start) {
            emit(RawRef {
                start: article,
                end,
                ordinal: Some(ordinal),
                ..RawRef::default()
            });
        }
        return;
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
            r.numbers = n;
            pos = 1 + skipped + (rest_nummer.len() - after.len());
        } else if let Ok((after, (d, n))) = dossier_nr(rest) {
            r.dossier = Some(d);
            r.numbers = n;
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
            let particle = name
                .split_once(' ')
                .is_some_and(|(first, _)| opens_surname(first));
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
    if r.submitter.is_some() {
        let cs = cum_suis(tail.get(pos..).unwrap_or_default());
        if cs > 0 {
            r.cum_suis = true;
            pos += cs;
            // `…, Van Raan c.s. en Van Weerdenburg c.s.`: one reference
            // each; a number after the list is not read.
            let mut at = end + pos;
            if let Some((len, other)) = listed_motion(text, at) {
                r.end = end + pos;
                emit(r);
                emit(other);
                at += len;
                while let Some((len, other)) = listed_motion(text, at) {
                    emit(other);
                    at += len;
                }
                return;
            }
        }
    }
    if r.numbers.is_empty() {
        let rest = tail.get(pos..).unwrap_or_default();
        if let Ok((after, (d, n))) = preceded(char(' '), bracket_dossier_nr).parse(rest) {
            r.dossier = Some(d);
            r.numbers = n;
            pos += rest.len() - after.len();
        } else if let Ok((after, (d, ns))) = stuk_numbers(rest) {
            r.dossier = d;
            r.numbers = ns;
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
    if r.numbers.is_empty() && has_article(words, r.start) {
        if let Some((len, d, n)) = titled_number(tail.get(pos..).unwrap_or_default()) {
            r.dossier = Some(d);
            r.numbers = n;
            pos += len;
        }
    }
    if r.submitter.is_none() && r.numbers.is_empty() && r.ordinal.is_none() {
        return;
    }
    r.end = end + pos;
    emit(r);
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

/// ` over vermindering van het aantal proefdieren (21501-08, nr. 721)`: a
/// title of at most 250 bytes without brackets, `;`, `?`, `!` or a full stop
/// before a capital, then the number. Returns the length, dossier and number.
fn titled_number(s: &str) -> Option<(usize, &str, &str)> {
    let rest = s.strip_prefix(" over ")?;
    let limit = crate::analysis::floor_boundary(rest, 250);
    let window = rest.get(..limit)?;
    let open = window.find('(')?;
    let title = window.get(..open)?;
    if title.contains([')', ';', '?', '!', '"']) || title.contains(". ") {
        return None;
    }
    let (after, (d, n)) = bracket_dossier_nr(rest.get(open..)?).ok()?;
    Some((s.len() - after.len(), d, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_before_a_reference() {
        // The last one cut at the reference.
        let text = "Dan de  aangenomen,motie-Wassenberg over";
        let words = Words::new(text);
        let at = text.find("motie").unwrap();
        assert_eq!(words.last_two_before(at), ("aangenomen,", "de"));
        // Read backwards, without the index.
        assert!(words.last_two_near(at).is_some() && words.spans.get().is_none());
        assert!(has_article(&words, at));
        assert_eq!(words.last_two_before(0), ("", ""));
        assert!(!has_article(&Words::new("Uitvoering motie-X"), 11));
    }

    #[test]
    fn words_read_backwards_agree_with_the_index() {
        let long = format!("de {} motie", "x".repeat(100));
        for text in [
            "Dan de  aangenomen,motie-Wassenberg over",
            "  de\u{a0}motie  é  de motie\n\nx",
            "motie",
            " ",
            long.as_str(),
        ] {
            let words = Words::new(text);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let near = words.last_two_near(at);
                assert!(
                    near.is_none_or(|n| n == words.last_two_indexed(at)),
                    "{text:?} {at}"
                );
            }
        }
    }
}
