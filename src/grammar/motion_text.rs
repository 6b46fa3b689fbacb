//! The motion's formula in running text: where a motion lies inside a
//! paragraph (PDF text without line breaks, a speech-recognition
//! transcript, a quote), and the pieces a motion's text splits into.
//!
//! `De Kamer, gehoord de beraadslaging, constaterende dat …; verzoekt de
//! regering …, en gaat over tot de orde van de dag.` splits into the pieces a
//! motion printed line by line has, one a line: `De Kamer,`, `gehoord de
//! beraadslaging,`, `constaterende dat …;`, `verzoekt de regering …,`, `en
//! gaat over tot de orde van de dag.`; each is classified by
//! [`super::clause`], the rule a motion on its own lines uses.
//!
//! What transcription does to the formula is tolerated: a misheard opening
//! or close (`De Kamer gehoord. De beraadslaging`, `gaat verder tot de orde
//! van de dag`, see [`super::motions::heard_len`] and [`super::closing_in`]), the
//! opening left out (or printed in the turn before: the paragraph starts
//! with `gehoord de beraadslaging`, or with the clauses and ends in the
//! close), and the close left out (the motion then ends with the sentence
//! of its last dictum). A motion needs a dictum, and an opening, `gehoord
//! de beraadslaging` or the close: a dictum alone (`Onze motie van vorig
//! jaar verzoekt de regering …`) is someone talking about a motion, not a
//! motion.
//!
//! Cost. [`motions_in`] searches the paragraph for three words
//! (`orde van de dag`, `eraadslaging`, `De Kamer`), each once, front to
//! back (the next occurrence of each is kept, never searched for again),
//! and looks at clause boundaries only between a start and the close it
//! takes, which the motion then consumes: linear in the paragraph.

use std::iter::Peekable;
use std::ops::Range;
use std::sync::OnceLock;

use memchr::memmem::{FindIter, Finder};

use super::motions::{clause, closing_at, heard_len, opening_len, Clause};
use crate::tree::{ConsiderationKind, DictumKind};

/// Byte offset of the first non-whitespace char of `text` at or after
/// `from` (or its length).
pub(super) fn skip_space(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start().len())
}

/// Whether the clause `c`, which follows the separator `sep`, starts a new
/// piece: a weak opening (`gelet op`, another participle, another verb)
/// only after `;` or a full stop, where a strong one may follow a comma.
fn starts_piece(c: Clause, sep: u8) -> bool {
    let strong_sep = matches!(sep, b';' | b'.' | b'?' | b'!');
    match c {
        Clause::Heard => true,
        Clause::Consideration(ConsiderationKind::GeletOp | ConsiderationKind::Other, _) => {
            strong_sep
        }
        Clause::Dictum(DictumKind::Other, _) => strong_sep,
        Clause::Consideration(..) | Clause::Dictum(..) => true,
    }
}

/// Clause boundaries of `text[from..limit]`: for each separator (`;`, `,`,
/// `.`, `:`, `?`, `!`) followed by a space, the offset of the separator and
/// of the word after the space.
fn boundaries(text: &str, from: usize, limit: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let limit = limit.min(bytes.len());
    (from..limit).filter_map(move |i| {
        let sep = *bytes.get(i)?;
        if !matches!(sep, b';' | b',' | b'.' | b':' | b'?' | b'!') {
            return None;
        }
        let next = *bytes.get(i + 1)?;
        if !next.is_ascii_whitespace() {
            return None;
        }
        let word = skip_space(text, i + 1);
        (word < limit).then_some((i, word))
    })
}

/// The pieces of the motion text `text`, in order, as ranges of it (each
/// trimmed): the opening, `gehoord de beraadslaging`, the clauses, the
/// close. A clause that runs on (a list in a dictum, `- … ;`) stays one
/// piece. Text with one clause (a motion's line) is one piece.
pub(crate) fn motion_pieces(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let close = closing_in_from(text, 0);
    let limit = close.as_ref().map_or(text.len(), |r| r.start);
    let mut pos = skip_space(text, 0);
    if let Some(n) = text.get(pos..).and_then(opening_len) {
        if pos + n < limit || close.is_none() {
            out.push(pos..pos + n);
            pos = skip_space(text, pos + n);
        }
    }
    let mut current = pos;
    for (sep_at, word) in boundaries(text, pos, limit) {
        if word <= current {
            continue;
        }
        let rest = text.get(word..limit).unwrap_or("");
        let sep = text.as_bytes().get(sep_at).copied().unwrap_or(b' ');
        if clause(rest).is_some_and(|c| starts_piece(c, sep)) {
            out.push(current..sep_at + 1);
            current = word;
        }
    }
    let end = text.get(..limit).map_or(limit, |t| t.trim_end().len());
    if current < end {
        out.push(current..end);
    }
    if let Some(r) = close {
        out.push(r);
    }
}

/// The first closing formula of `text` at or after `from`.
fn closing_in_from(text: &str, from: usize) -> Option<Range<usize>> {
    let rest = text.get(from..)?;
    super::closing_in(rest).map(|r| r.start + from..r.end + from)
}

fn finder(
    cell: &'static OnceLock<Finder<'static>>,
    word: &'static str,
) -> &'static Finder<'static> {
    cell.get_or_init(|| Finder::new(word))
}

/// A kind of start of a motion found in running text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Start {
    /// Where the motion starts.
    at: usize,
    /// Where its first clause after the opening words starts: the next
    /// motion cannot start before it.
    body: usize,
}

/// The three words a motion in running text needs one of (a start: `De
/// Kamer`, `gehoord de beraadslaging`; or the close), as [`Scan`] searches
/// for them.
const SCAN_WORDS: [&str; 3] = ["De Kamer", "eraadslaging", "orde van de dag"];

/// Whether `text` holds one of [`SCAN_WORDS`]: one search for the three
/// (packed, as the analysis layer's scanner), where [`Scan`] makes three,
/// so that a paragraph with none (nearly all) is read once. Where no packed
/// searcher can be built (a CPU without SIMD) the scan decides alone.
fn may_hold_motion(text: &str) -> bool {
    use aho_corasick::packed::{Config, MatchKind, Searcher};
    static WORDS: OnceLock<Option<Searcher>> = OnceLock::new();
    let searcher = WORDS.get_or_init(|| {
        Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .builder()
            .extend(SCAN_WORDS)
            .build()
    });
    match searcher {
        Some(s) => s.find(text).is_some(),
        None => true,
    }
}

/// The occurrences of the three words, each found once, in order.
struct Scan<'t> {
    text: &'t str,
    kamer: Peekable<FindIter<'t, 'static>>,
    heard: Peekable<FindIter<'t, 'static>>,
    close: Peekable<FindIter<'t, 'static>>,
}

impl<'t> Scan<'t> {
    fn new(text: &'t str) -> Self {
        static KAMER: OnceLock<Finder<'static>> = OnceLock::new();
        static HEARD: OnceLock<Finder<'static>> = OnceLock::new();
        static CLOSE: OnceLock<Finder<'static>> = OnceLock::new();
        let bytes = text.as_bytes();
        let [kamer, heard, close] = SCAN_WORDS;
        Scan {
            text,
            kamer: finder(&KAMER, kamer).find_iter(bytes).peekable(),
            heard: finder(&HEARD, heard).find_iter(bytes).peekable(),
            close: finder(&CLOSE, close).find_iter(bytes).peekable(),
        }
    }

    /// The first start at or after `from`: `De Kamer` followed by
    /// `gehoord` or a clause, or `gehoord de beraadslaging` at the start
    /// of a sentence or clause.
    fn start(&mut self, from: usize) -> Option<Start> {
        let text = self.text;
        let kamer = loop {
            let Some(&at) = self.kamer.peek() else {
                break None;
            };
            if at < from {
                self.kamer.next();
                continue;
            }
            let Some(n) = text.get(at..).and_then(opening_len) else {
                self.kamer.next();
                continue;
            };
            let body = skip_space(text, at + n);
            let rest = text.get(body..).unwrap_or("");
            // `… 3 oktober 2023 De Kamer, gehoord de beraadslaging`: with
            // `gehoord` after it, `De Kamer` needs no boundary before it.
            let heard = heard_len(rest).is_some();
            if (heard || at_boundary(text, at))
                && clause(rest).is_some_and(|c| starts_piece(c, b','))
            {
                // `gehoord de beraadslaging` belongs to this start.
                let body = body + heard_len(rest).unwrap_or(0);
                break Some(Start { at, body });
            }
            self.kamer.next();
        };
        let heard = loop {
            let Some(&at) = self.heard.peek() else {
                break None;
            };
            let start = heard_start(text, at);
            match start {
                Some(s) if s >= from => {
                    let body = skip_space(text, at + "eraadslaging".len());
                    break Some(Start { at: s, body });
                }
                _ => {
                    self.heard.next();
                }
            }
        };
        match (kamer, heard) {
            (Some(k), Some(h)) if h.at < k.at => Some(h),
            (Some(k), _) => Some(k),
            (None, h) => h,
        }
    }

    /// The first closing formula starting at or after `from`.
    fn close(&mut self, from: usize) -> Option<Range<usize>> {
        loop {
            let at = *self.close.peek()?;
            match closing_at(self.text, at) {
                Some(r) if r.start >= from => return Some(r),
                _ => {
                    self.close.next();
                }
            }
        }
    }
}

/// Whether a clause or motion may start at `at`: the start of the text, or
/// after a separator and a space.
fn at_boundary(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let trimmed = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '„' | '\'' | '‘'));
    trimmed.is_empty()
        || (trimmed.len() < before.len() && trimmed.ends_with([';', ',', '.', ':', '?', '!', '(']))
}

/// The start of `gehoord de beraadslaging` whose `eraadslaging` is at
/// `at`, when it stands at a boundary.
fn heard_start(text: &str, at: usize) -> Option<usize> {
    // `gehoord. De b` is the longest form before `eraadslaging`.
    let lookback = "gehoord. De b".len();
    let from = at.checked_sub(lookback)?;
    (from..=at.saturating_sub("gehoord de b".len()))
        .filter(|&s| text.is_char_boundary(s))
        .find(|&s| {
            text.get(s..)
                .and_then(heard_len)
                .is_some_and(|n| s + n == at + "eraadslaging".len())
        })
        .filter(|&s| at_boundary(text, s))
}

/// Whether the pieces of `text[range]` hold a dictum.
fn has_dictum(text: &str, range: Range<usize>, pieces: &mut Vec<Range<usize>>) -> bool {
    let Some(motion) = text.get(range) else {
        return false;
    };
    motion_pieces(motion, pieces);
    pieces.iter().any(|r| {
        motion
            .get(r.clone())
            .and_then(clause)
            .is_some_and(|c| matches!(c, Clause::Dictum(..)))
    })
}

/// The end of a motion that has no close: the end of the sentence of its
/// last piece (`… verzoekt de regering dit te doen. Dank u wel.` ends after
/// `doen.`; a quote mark after the full stop is not the motion's: `… te
/// doen." Dat …`), or of `limit`, less the space and the quote marks that
/// open the motion there (`… verzoekt "De Kamer, …`).
fn open_end(text: &str, start: usize, limit: usize, pieces: &[Range<usize>]) -> usize {
    let Some(last) = pieces.last() else {
        return limit;
    };
    let from = start + last.start;
    let bytes = text.as_bytes();
    for i in from..limit {
        if matches!(bytes.get(i), Some(b'.' | b'?' | b'!')) {
            let after = text.get(i + 1..limit).unwrap_or("");
            let after = after.strip_prefix(CLOSING_QUOTES).unwrap_or(after);
            let next = after.trim_start();
            let space = after.starts_with(char::is_whitespace);
            if next.is_empty() || (space && next.starts_with(char::is_uppercase)) {
                return i + 1;
            }
        }
    }
    text.get(..limit).map_or(limit, |t| {
        t.trim_end_matches(|c: char| c.is_whitespace() || OPENING_QUOTES.contains(&c))
            .len()
    })
}

/// The quote marks that may open a quoted motion (`luidde: "De Kamer, …`).
const OPENING_QUOTES: [char; 6] = ['"', '“', '„', '\'', '‘', '«'];
/// The quote marks that may close it (`… orde van de dag."`).
const CLOSING_QUOTES: [char; 6] = ['"', '”', '“', '\'', '’', '»'];

/// The extent of the motion `r` with the quote marks around it, when it is
/// quoted (`"De Kamer, … orde van de dag."`, and `… van de dag".`, whose
/// full stop after the quote mark ends the motion's sentence); else `r`.
fn quoted(text: &str, r: Range<usize>) -> Range<usize> {
    let before = text.get(..r.start).unwrap_or("");
    let after = text.get(r.end..).unwrap_or("");
    let open = before
        .chars()
        .next_back()
        .filter(|c| OPENING_QUOTES.contains(c));
    let close = after.chars().next().filter(|c| CLOSING_QUOTES.contains(c));
    let (Some(open), Some(close)) = (open, close) else {
        return r;
    };
    let mut end = r.end + close.len_utf8();
    let stop = text
        .get(r.clone())
        .is_some_and(|m| m.ends_with(['.', '?', '!']));
    if !stop && text.get(end..).is_some_and(|t| t.starts_with('.')) {
        end += 1;
    }
    r.start - open.len_utf8()..end
}

/// A motion before the close `close` that has no opening: the last run of
/// clauses before it, from a clause at the start of a sentence (`…
/// indienen. Constaterende dat …; verzoekt …, en gaat over tot de orde van
/// de dag.`).
fn headless(text: &str, from: usize, close: &Range<usize>) -> Option<usize> {
    let mut start = None;
    let first = skip_space(text, from);
    if text
        .get(first..close.start)
        .and_then(clause)
        .is_some_and(|c| starts_piece(c, b'.'))
        && at_boundary(text, first)
    {
        start = Some(first);
    }
    for (sep_at, word) in boundaries(text, first, close.start) {
        let sep = text.as_bytes().get(sep_at).copied().unwrap_or(b' ');
        let rest = text.get(word..close.start).unwrap_or("");
        let starts = clause(rest).is_some_and(|c| starts_piece(c, sep));
        let sentence = matches!(sep, b'.' | b'?' | b'!');
        match (start, starts) {
            (None, true) if sentence || sep == b':' => start = Some(word),
            // A new sentence that starts no clause ends the run (`o.a. de`
            // is no new sentence).
            (Some(_), false) if sentence && rest.starts_with(char::is_uppercase) => start = None,
            _ => {}
        }
    }
    start
}

/// A motion printed inside a paragraph, as ranges of the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InlineMotion {
    /// Its text: from the opening (or the first clause) to the close (or
    /// the end of the last dictum's sentence).
    pub text: Range<usize>,
    /// Its text with the quote marks around it, when it is quoted (see
    /// [`quoted`]); else the same as `text`.
    pub extent: Range<usize>,
}

/// The motions printed inside the paragraph `text`, in order; usually none
/// (and then found out by three substring searches).
pub(crate) fn motions_in(text: &str) -> Vec<InlineMotion> {
    let mut out = Vec::new();
    if !may_hold_motion(text) {
        return out;
    }
    let mut scan = Scan::new(text);
    let mut pieces = Vec::new();
    let mut cursor = 0;
    while cursor < text.len() {
        let start = scan.start(cursor);
        let close = scan.close(cursor);
        let found = match (start, close) {
            (None, None) => break,
            (start, Some(c)) if start.is_none_or(|s| c.start < s.at) => {
                // A close before any opening.
                let motion = headless(text, cursor, &c)
                    .map(|s| s..c.end)
                    .filter(|r| has_dictum(text, r.clone(), &mut pieces));
                cursor = c.end;
                motion
            }
            (Some(s), close) => {
                let next = scan.start(s.body.max(s.at + 1));
                let closed = close.filter(|c| next.is_none_or(|n| c.start < n.at));
                let limit = next.map_or(text.len(), |n| n.at);
                match closed {
                    Some(c) => {
                        cursor = c.end;
                        Some(s.at..c.end).filter(|r| has_dictum(text, r.clone(), &mut pieces))
                    }
                    None if has_dictum(text, s.at..limit, &mut pieces) => {
                        let end = open_end(text, s.at, limit, &pieces);
                        cursor = end.max(s.at + 1);
                        Some(s.at..end)
                    }
                    None => {
                        cursor = s.body.max(s.at + 1);
                        None
                    }
                }
            }
            (None, Some(_)) => break,
        };
        if let Some(r) = found {
            // A quote mark the motion before holds is not this one's too.
            let before = out.last().map_or(0, |m: &InlineMotion| m.extent.end);
            let extent = quoted(text, r.clone());
            let extent = extent.start.max(before).min(r.start)..extent.end;
            out.push(InlineMotion { text: r, extent });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces_of(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        motion_pieces(text, &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    fn found(text: &str) -> Vec<&str> {
        motions_in(text)
            .into_iter()
            .map(|m| &text[m.text])
            .collect()
    }

    #[test]
    fn pieces() {
        assert_eq!(
            pieces_of(
                "De Kamer, gehoord de beraadslaging, constaterende dat het regent; \
                 verzoekt de regering: - paraplu's te kopen; - ze uit te delen, \
                 en gaat over tot de orde van de dag."
            ),
            [
                "De Kamer,",
                "gehoord de beraadslaging,",
                "constaterende dat het regent;",
                "verzoekt de regering: - paraplu's te kopen; - ze uit te delen,",
                "en gaat over tot de orde van de dag."
            ]
        );
        assert_eq!(
            pieces_of("De Kamer gehoord. De beraadslaging. Constaterende dat x. Verzoekt de regering y. En gaat verder tot de orde van de dag"),
            [
                "De Kamer",
                "gehoord. De beraadslaging.",
                "Constaterende dat x.",
                "Verzoekt de regering y.",
                "En gaat verder tot de orde van de dag"
            ]
        );
        // A line of a motion is one piece; `gelet op` after a comma stays in it.
        assert_eq!(
            pieces_of("constaterende dat de kosten, gelet op de inflatie, stijgen;"),
            ["constaterende dat de kosten, gelet op de inflatie, stijgen;"]
        );
        assert_eq!(pieces_of("De Kamer,"), ["De Kamer,"]);
    }

    #[test]
    fn in_running_text() {
        let text = "Ik dien daarom de volgende motie in. De Kamer, gehoord de beraadslaging, \
                    constaterende dat x; verzoekt de regering y, en gaat over tot de orde van \
                    de dag. Dank u wel.";
        assert_eq!(
            found(text),
            ["De Kamer, gehoord de beraadslaging, constaterende dat x; verzoekt de regering y, en gaat over tot de orde van de dag."]
        );
        // No close: the motion ends with its dictum's sentence.
        assert_eq!(
            found("Voorzitter. De Kamer gehoord. De beraadslaging, overwegende dat x, verzoekt de regering y. Dank u wel."),
            ["De Kamer gehoord. De beraadslaging, overwegende dat x, verzoekt de regering y."]
        );
        // No opening: the run of clauses before the close.
        assert_eq!(
            found("Dan mijn motie. Constaterende dat x; verzoekt de regering y, en gaat over tot de orde van de dag."),
            ["Constaterende dat x; verzoekt de regering y, en gaat over tot de orde van de dag."]
        );
        // The opening in the turn before.
        assert_eq!(
            found("gehoord de beraadslaging, constaterende dat x; verzoekt de regering y, en gaat over tot de orde van de dag."),
            ["gehoord de beraadslaging, constaterende dat x; verzoekt de regering y, en gaat over tot de orde van de dag."]
        );
        // A dictum alone is talk about a motion.
        assert!(
            found("Onze motie van vorig jaar verzoekt de regering om te investeren.").is_empty()
        );
        assert!(found("De Kamer heeft gehoord dat de beraadslaging is gesloten.").is_empty());
        assert!(found("De Kamer, gehoord de beraadslaging, constaterende dat x.").is_empty());
        // Two in one paragraph.
        let two = "De Kamer, gehoord de beraadslaging, verzoekt de regering x, en gaat over tot de orde van de dag. \
                   De Kamer, gehoord de beraadslaging, verzoekt de regering y, en gaat over tot de orde van de dag.";
        assert_eq!(found(two).len(), 2);
    }

    /// Two motions never hold the same quote mark (`parse_bytes` found
    /// one that ran to the next one's opening `"`, which both held).
    #[test]
    fn quote_marks_are_one_motion_s() {
        let extents = |text: &str| -> Vec<Range<usize>> {
            motions_in(text).into_iter().map(|m| m.extent).collect()
        };
        let text = "d, gehoord de beraadslagingn; verzoekt d \"De Kamer, gehoord de beraadslaging, verzoekt xn.\" Oa.";
        let e = extents(text);
        assert_eq!(e.len(), 2);
        assert_eq!(&text[e[0].clone()], "gehoord de beraadslagingn; verzoekt d");
        assert!(text[e[1].clone()].starts_with("\"De Kamer"));
        // A close and an opening that share a quote mark.
        let text = "\"De Kamer, gehoord de beraadslaging, verzoekt de regering x, en gaat over tot de orde van de dag.\"\
                    De Kamer, gehoord de beraadslaging, verzoekt de regering y, en gaat over tot de orde van de dag.\"";
        let e = extents(text);
        assert_eq!(e.len(), 2);
        assert!(e[0].end <= e[1].start, "{e:?}");
    }
}
