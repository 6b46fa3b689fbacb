//! Sentences of normalised text, and marks within them: where a sentence
//! starts and ends (not at `nr.`, `c.s.` or an initial), the findings of a
//! sentence, and the words and punctuation detectors ask about, found once
//! per sentence and then looked up by binary search.

/// Abbreviations after which a full stop never ends a sentence (`op stuk
/// nr. 1009`, `d.d. 24/11`).
const ABBREVIATIONS: &[&str] = &[
    "nr", "nrs", "blz", "art", "mr", "dr", "drs", "ir", "ing", "prof", "bijv", "o.a", "d.d",
    "t.a.v", "m.b.t", "i.p.v", "mevr", "dhr", "ca", "vs", "jl", "a.s", "evt", "resp", "incl",
    "excl", "zgn", "z.g", "i.v.m", "m.u.v", "n.a.v", "t.o.v", "e.d", "o.b.v",
];

/// Where the sentence ends if the `.`, `?` or `!` at byte `i` ends one: a
/// sentence ends there (closing quotes and brackets after it included)
/// before a space and a character that is not a lowercase letter; not after
/// an abbreviation (`nr.`), an initial (`A. Kuik`) or, unless a capital
/// follows, `c.s.`, `enz.` or `etc.`.
pub(super) fn stop_end(text: &str, i: usize) -> Option<usize> {
    let b = *text.as_bytes().get(i)?;
    let mut end = i + 1;
    // Closing quotes and brackets belong to the sentence.
    while let Some(c) = text.get(end..).and_then(|r| r.chars().next()) {
        if matches!(c, '"' | '\'' | ')' | '”' | '’' | '»' | ']' | '*' | '_') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let next = text.get(end..)?.strip_prefix(' ')?.chars().next()?;
    if next.is_lowercase() {
        return None;
    }
    if b != b'.' {
        return Some(end);
    }
    let word_start = text
        .get(..i)
        .and_then(|r| r.rfind(' ').map(|s| s + 1))
        .unwrap_or(0);
    let word = text.get(word_start..i).unwrap_or_default();
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let is = |list: &[&str]| word.len() <= 6 && list.iter().any(|a| a.eq_ignore_ascii_case(word));
    let initial = word.len() == 1 && word.chars().all(char::is_uppercase);
    let ends = if is(ABBREVIATIONS) || initial {
        false
    } else if is(&["c.s", "enz", "etc", "e.a"]) {
        next.is_uppercase()
    } else {
        true
    };
    ends.then_some(end)
}

/// The first sentence end at or after byte `from`, or the end of the text.
pub(super) fn sentence_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut k = from;
    while let Some(f) = bytes
        .get(k..)
        .and_then(|r| memchr::memchr3(b'.', b'?', b'!', r))
    {
        let i = k + f;
        if let Some(end) = stop_end(text, i) {
            return end;
        }
        k = i + 1;
    }
    text.len()
}

/// The sentence of normalised text holding byte `p`: its byte range,
/// trimmed. Only the sentence is read (backwards to the end of the one
/// before, forwards to its own end), so finding the sentences of a few
/// positions costs no more than those sentences.
pub(super) fn sentence_at(text: &str, p: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let p = p.min(text.len());
    let mut start = 0;
    let mut j = p;
    while let Some(i) = bytes
        .get(..j)
        .and_then(|r| memchr::memrchr3(b'.', b'?', b'!', r))
    {
        if let Some(end) = stop_end(text, i).filter(|&e| e <= p) {
            start = end;
            break;
        }
        j = i;
    }
    trimmed(text, start, sentence_end(text, p))
}

/// The sentence after the one ending at byte `end`, if any.
pub(super) fn next_sentence(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..)?;
    let start = end + (rest.len() - rest.trim_start().len());
    (start < text.len()).then(|| trimmed(text, start, sentence_end(text, start)))
}

/// `[start, end)` without surrounding whitespace.
pub(super) fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(start..end).unwrap_or_default();
    let lead = s.len() - s.trim_start().len();
    (start + lead, start + lead + s.trim().len())
}

/// Splits normalised text into sentences (byte ranges, trimmed), by the
/// rule of [`stop_end`].
///
/// ```text
/// "Ja. En de motie op stuk nr. 1010 is ontraden." → "Ja." | "En de motie op stuk nr. 1010 is ontraden."
/// ```
#[cfg(test)]
pub(super) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((a, b)) = next_sentence(text, at) {
        if a < b {
            out.push((a, b));
        }
        if b <= at {
            break;
        }
        at = b;
    }
    out
}

/// The items of `list` (in order by start) that start in `[a, b)` (and end
/// by `b`), from `*next` on; moves `*next` past them.
pub(super) fn take_within<'l, T>(
    list: &'l [T],
    next: &mut usize,
    a: usize,
    b: usize,
    range: impl Fn(&T) -> (usize, usize),
) -> &'l [T] {
    while list.get(*next).is_some_and(|x| range(x).0 < a) {
        *next += 1;
    }
    let first = *next;
    while list.get(*next).is_some_and(|x| range(x).0 < b) {
        *next += 1;
    }
    let items = list.get(first..*next).unwrap_or_default();
    // A phrase running over the end of the sentence belongs to none.
    match items.last() {
        Some(x) if range(x).1 > b => items.get(..items.len() - 1).unwrap_or_default(),
        _ => items,
    }
}

// Marks in a sentence. A sentence may hold any number of findings (a
// paragraph without a full stop is one sentence), so the detectors find the
// words and punctuation they ask about once per sentence, in order, and
// answer each finding with a binary search instead of reading the sentence
// again.

/// The start of every occurrence of `needle` in `hay`, overlapping ones
/// included (` die die ` holds ` die ` twice), in order.
pub(super) fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let finder = memchr::memmem::Finder::new(needle);
    let bytes = hay.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
        out.push(from + i);
        from += i + 1;
    }
    out
}

/// The runs of `text` between separators (the chars for which `sep`
/// holds) that `keep` accepts: their start and end, in order.
pub(super) fn runs(
    text: &str,
    sep: impl Fn(char) -> bool,
    keep: impl Fn(&str) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |s: usize, e: usize| {
        if text.get(s..e).is_some_and(&keep) {
            out.push((s, e));
        }
    };
    for (i, c) in text.char_indices() {
        match (sep(c), start) {
            (true, Some(s)) => {
                push(s, i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

/// The last position of `list` (in order) below `at`.
pub(super) fn last_below(list: &[usize], at: usize) -> Option<usize> {
    let i = list.partition_point(|&p| p < at);
    i.checked_sub(1).and_then(|k| list.get(k)).copied()
}

/// Whether one of `spans` (in order, their ends in order too) lies within
/// `[from, to)`.
pub(super) fn any_within(spans: &[(usize, usize)], from: usize, to: usize) -> bool {
    let i = spans.partition_point(|&(_, e)| e <= to);
    i.checked_sub(1)
        .and_then(|k| spans.get(k))
        .is_some_and(|&(s, _)| s >= from)
}

/// The occurrences of `needle` in `hay` as spans, for [`any_within`].
pub(super) fn occurrence_spans(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    occurrences(hay, needle)
        .into_iter()
        .map(|s| (s, s + needle.len()))
        .collect()
}

/// The largest char boundary of `s` at or before `i`.
pub(super) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn sentences_split_at_stops_not_abbreviations() {
        assert_eq!(
            split("Ja. En de motie op stuk nr. 1010 is ontraden, met klem. Dank u."),
            [
                "Ja.",
                "En de motie op stuk nr. 1010 is ontraden, met klem.",
                "Dank u."
            ]
        );
        assert_eq!(
            split("de motie Van Ginneken c.s. (26 643, nr. 1011) alsnog. Klopt dat? Ja!"),
            [
                "de motie Van Ginneken c.s. (26 643, nr. 1011) alsnog.",
                "Klopt dat?",
                "Ja!"
            ]
        );
        assert_eq!(
            split("Zij zegt: \"Het moet.\" Dan ontraad ik."),
            ["Zij zegt: \"Het moet.\"", "Dan ontraad ik."]
        );
        assert_eq!(
            split("door A. Kuik en mr. Jansen."),
            ["door A. Kuik en mr. Jansen."]
        );
        assert!(split("").is_empty());
    }
}
