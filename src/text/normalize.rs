//! The normaliser: from the lines of a paragraph to its [`Text`].
//!
//! What it does, word by word, in one pass:
//! - splits every line into words at whitespace (trailing spaces, hard
//!   wraps, tabs and runs of spaces all become one space);
//! - removes Markdown `**` in the Markdown layout, and the invisible
//!   format characters (a zero-width joiner, a directional mark, a byte
//!   order mark, a soft hyphen: [`super::chars::is_ignored_format`]);
//! - puts each word in Unicode NFC, but only a word that is not NFC already
//!   (`is_nfc_quick` is an order of magnitude faster than normalising), and
//!   before anything looks at it, so canonically equivalent input gives the
//!   same text;
//! - joins a word split at the end of a line (or page) again: a typesetting
//!   hyphen is removed (`pro-` + `minente` → `prominente`), a real hyphen is
//!   kept (`CSAM-` + `verordening` → `CSAM-verordening`, `collega-` +
//!   `bewindspersoon` → `collega-bewindspersoon`); see
//!   [`split_hyphen_is_real`]; but first, where the document writes the
//!   word elsewhere, as it does there ([`super::evidence`]). A soft hyphen
//!   (U+00AD) at a line end is a typesetting hyphen: the word goes on on
//!   the next line.
//!
//! Every change is recorded as an [`Edit`] of the text's source map, so
//! every part of the text maps back to the input exactly. Text that needs
//! no change is not copied: the [`Text`] borrows it from the input.
//!
//! Cost: linear in the fragments pushed; a word is looked at a bounded
//! number of times (the hyphen rules read only the word before the line
//! end, whose start is kept, never searched for).

use std::borrow::Cow;

use super::bytes::{
    has_odd_whitespace, has_pair, look, trim_end_pairs, words, ABOVE_U02FF, DOUBLE_SPACE, ODD_BYTE,
    STAR,
};
use super::chars::{is_ignored_format, may_hold_ignored_format};
use super::evidence::HyphenEvidence;
use super::hyphen::{split_hyphen_is_candidate, split_hyphen_is_real};
use super::nfc::{is_nfc, nfc, safe_cut_before};
use super::parts::Parts;
use super::{to_u32, Edit, EditsBuilder, Text};
use crate::Span;

/// Buffers a [`Builder`] writes into, reused from one paragraph to the
/// next so that building a text costs one allocation for the text and one
/// for its edits, and none when the text is borrowed.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    out: String,
    edits: EditsBuilder,
    /// What the document says about its split words (none by default).
    evidence: HyphenEvidence,
}

impl Scratch {
    /// A scratch whose builders join split words as `evidence` says where
    /// it says anything, by the rules elsewhere.
    pub(crate) fn with_evidence(evidence: HyphenEvidence) -> Self {
        Scratch {
            evidence,
            ..Scratch::default()
        }
    }
}

/// A text at least this long (bytes) is moved out of the scratch rather
/// than copied (the scratch then grows again for the next text: a cost a
/// text this long repays).
const MOVE_OUT: usize = 16 << 10;

/// Builds the text of a paragraph from its fragments (lines, or parts of
/// lines) in input order. The scratch passed to every call must be the
/// same, and no other builder may use it until [`Builder::finish`].
#[derive(Debug)]
pub(crate) struct Builder<'a> {
    input: &'a str,
    strip_emphasis: bool,
    /// Start of the span (the first word), once a word was pushed.
    start: Option<usize>,
    /// End of the span: the end of the last word pushed.
    end: usize,
    /// The input offset that the end of the text so far stands for.
    in_pos: usize,
    /// Length of the text so far.
    len: usize,
    /// Whether the text so far is in the scratch; otherwise it is
    /// `input[start..in_pos]`.
    copied: bool,
    /// Where the last word starts in the text.
    word_start: usize,
    /// Whether the text may not be NFC after a join of two words.
    check_nfc: bool,
    /// Where an empty fragment was pushed, for a text with no word.
    empty_at: Option<usize>,
    /// Whether the last word pushed ended in a soft hyphen (left out): a
    /// word split at the line end, which the next line's first word goes on.
    soft_hyphen: bool,
}

impl<'a> Builder<'a> {
    /// A builder for text of `input`; `strip_emphasis` removes Markdown
    /// `**`. Clears `scratch`.
    pub(crate) fn new(input: &'a str, strip_emphasis: bool, scratch: &mut Scratch) -> Self {
        scratch.out.clear();
        scratch.edits.clear();
        Builder {
            input,
            strip_emphasis,
            start: None,
            end: 0,
            in_pos: 0,
            len: 0,
            copied: false,
            word_start: 0,
            check_nfc: false,
            empty_at: None,
            soft_hyphen: false,
        }
    }

    /// Adds the fragment `input[start..start + fragment.len()]`. A fragment
    /// boundary is a line boundary: a hyphen at the end of the text so far
    /// may be a split word.
    pub(crate) fn push_fragment(&mut self, s: &mut Scratch, fragment: &str, start: usize) {
        // Most fragments come trimmed already (two byte tests say so).
        let bytes = fragment.as_bytes();
        let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
        let (lead, trimmed) = if visible(bytes.first()) && visible(bytes.last()) {
            (0, fragment)
        } else {
            (
                fragment.len() - fragment.trim_start().len(),
                fragment.trim(),
            )
        };
        if trimmed.is_empty() {
            // An empty text still lies where its fragments were.
            self.empty_at.get_or_insert(start + lead);
            return;
        }
        let start = start + lead;
        // The span starts at the first word, `**` included.
        self.begin(start);
        // One pass over the bytes says what the fragment may hold; only
        // what it finds is looked at again.
        let looks = look(trimmed.as_bytes());
        let has_emphasis = self.strip_emphasis && looks & STAR != 0 && has_pair(trimmed, b'*');
        let plain = !has_emphasis
            && looks & DOUBLE_SPACE == 0
            && !(looks & ODD_BYTE != 0
                && (has_odd_whitespace(trimmed) || may_hold_ignored_format(trimmed)))
            && (looks & ABOVE_U02FF == 0 || is_nfc(trimmed));
        if plain {
            // One run of words separated by single spaces, nothing to strip
            // or compose: copy the fragment as it is.
            let first_len = memchr::memchr(b' ', trimmed.as_bytes()).unwrap_or(trimmed.len());
            let first = trimmed.get(..first_len).unwrap_or_default();
            let joined = self.join_line(s, first, start);
            match memchr::memrchr(b' ', trimmed.as_bytes()) {
                Some(i) => self.word_start = self.len + i + 1,
                // A word joined to the one before goes on being one word.
                None if joined => {}
                None => self.word_start = self.len,
            }
            self.copy(s, trimmed, start);
            self.soft_hyphen = false;
            return;
        }
        let mut first = true;
        for (offset, word) in words(trimmed) {
            let at = start + offset;
            let strip = has_emphasis && has_pair(word, b'*');
            let format = !word.is_ascii() && word.chars().any(is_ignored_format);
            if format {
                // A mark after a format char left out may compose with the
                // char before it: the whole text is checked at the end.
                self.check_nfc = true;
            }
            let mut parts = Parts::new(word, strip, format);
            let soft_hyphen = trim_end_pairs(word, "**").ends_with('\u{ad}');
            let Some((o, head)) = parts.next() else {
                // Only `**` or format chars: nothing to add, but the span
                // covers it.
                self.end = self.end.max(at + word.len());
                self.soft_hyphen = self.soft_hyphen || soft_hyphen;
                continue;
            };
            let head_at = at + o;
            let head_text = nfc(head);
            let joined = if first {
                self.join_line(s, &head_text, head_at)
            } else {
                if self.len > 0 {
                    self.space(s, head_at);
                }
                false
            };
            first = false;
            if !joined {
                self.word_start = self.len;
            }
            self.push_piece(s, head, head_text, head_at);
            for (o, part) in parts {
                self.push_piece(s, part, nfc(part), at + o);
            }
            self.end = self.end.max(at + word.len());
            self.soft_hyphen = soft_hyphen;
        }
    }

    /// Appends `piece` (at `at` in the input) as `text`, its NFC form.
    fn push_piece(&mut self, s: &mut Scratch, piece: &str, text: Cow<'_, str>, at: usize) {
        match text {
            Cow::Borrowed(_) => self.copy(s, piece, at),
            Cow::Owned(_) => self.push_composed(s, piece, at),
        }
    }

    /// Appends `piece` (at `at` in the input) in NFC, composed segment by
    /// segment, so that what NFC leaves alone keeps its own input: `X:é`
    /// from `X:e\u{301}` copies `X:` and replaces only `e\u{301}` (a label
    /// ends at the colon, and the text after it starts after it). A segment
    /// starts at every char before which a cut is safe ([`safe_cut_before`]),
    /// so NFC of the whole is NFC of the segments.
    fn push_composed(&mut self, s: &mut Scratch, piece: &str, at: usize) {
        let mut start = 0;
        let mut cuts = piece
            .char_indices()
            .skip(1)
            .filter(|(_, c)| safe_cut_before(*c))
            .map(|(i, _)| i)
            .chain(std::iter::once(piece.len()));
        while start < piece.len() {
            let end = cuts.next().unwrap_or(piece.len()).max(start + 1);
            let segment = piece.get(start..end).unwrap_or_default();
            match nfc(segment) {
                Cow::Borrowed(_) => self.copy(s, segment, at + start),
                Cow::Owned(t) => {
                    // An ASCII char NFC kept as it is (`:` before marks it
                    // reorders or splits, U+0344 to U+0308 U+0301) is
                    // copied: only the marks are replaced.
                    let kept = segment.as_bytes().first().filter(|b| b.is_ascii()).copied();
                    match (kept, t.as_bytes().first()) {
                        (Some(b), Some(&f)) if b == f => {
                            self.copy(s, segment.get(..1).unwrap_or_default(), at + start);
                            self.replace(
                                s,
                                t.get(1..).unwrap_or_default(),
                                at + start + 1,
                                at + end,
                            );
                        }
                        _ => self.replace(s, &t, at + start, at + end),
                    }
                }
            }
            start = end;
        }
    }

    /// The text so far.
    fn current<'s>(&'s self, s: &'s Scratch) -> &'s str {
        if self.copied {
            &s.out
        } else {
            let start = self.start.unwrap_or(0);
            self.input.get(start..self.in_pos).unwrap_or_default()
        }
    }

    /// Moves the text so far into the scratch (it was borrowed).
    fn materialise(&mut self, s: &mut Scratch) {
        if !self.copied {
            let start = self.start.unwrap_or(0);
            s.out
                .push_str(self.input.get(start..self.in_pos).unwrap_or_default());
            self.copied = true;
        }
    }

    fn begin(&mut self, at: usize) {
        if self.start.is_none() {
            self.start = Some(at);
            self.in_pos = at;
        }
    }

    /// Records an edit at the end of the text; a deletion right after a
    /// deletion is merged into it (two replacements are kept apart, so that
    /// each word still maps to its own input).
    fn edit(&mut self, s: &mut Scratch, text_len: usize, input_start: usize, input_end: usize) {
        let base = self.start.unwrap_or(0);
        let e = Edit {
            text_start: to_u32(self.len),
            text_end: to_u32(self.len + text_len),
            input_start: to_u32(input_start - base),
            input_end: to_u32(input_end - base),
        };
        match s.edits.last_mut() {
            Some(last)
                if last.text_start == last.text_end
                    && e.text_start == e.text_end
                    && last.text_end == e.text_start
                    && last.input_end == e.input_start =>
            {
                last.text_end = e.text_end;
                last.input_end = e.input_end;
            }
            _ => s.edits.push(e),
        }
    }

    /// Appends `piece`, which is `input[at..at + piece.len()]`.
    fn copy(&mut self, s: &mut Scratch, piece: &str, at: usize) {
        self.begin(at);
        if at != self.in_pos {
            // Something in between is left out (`**`, a hyphen, page
            // furniture): a deletion.
            self.materialise(s);
            self.edit(s, 0, self.in_pos, at.max(self.in_pos));
        }
        if self.copied {
            s.out.push_str(piece);
        }
        self.len += piece.len();
        self.in_pos = at.max(self.in_pos) + piece.len();
        self.end = self.end.max(self.in_pos);
    }

    /// Appends `text`, which stands for `input[from..to]` (and for
    /// whatever lies between the end of the text so far and `from`).
    fn replace(&mut self, s: &mut Scratch, text: &str, from: usize, to: usize) {
        self.begin(from);
        self.materialise(s);
        self.edit(s, text.len(), self.in_pos, to.max(self.in_pos));
        s.out.push_str(text);
        self.len += text.len();
        self.in_pos = to.max(self.in_pos);
        self.end = self.end.max(self.in_pos);
    }

    /// The space before a word at `next_at` on the same line: copied when
    /// the input has one plain space there, else an edit.
    fn space(&mut self, s: &mut Scratch, next_at: usize) {
        if next_at == self.in_pos + 1 && self.input.as_bytes().get(self.in_pos) == Some(&b' ') {
            self.copy(s, " ", self.in_pos);
        } else {
            self.replace(s, " ", self.in_pos, next_at);
        }
    }

    /// Starts a new line whose first word is `next` at `next_at`: a space,
    /// or the join of a word split at the end of the line before (then
    /// `true`: the word goes on).
    fn join_line(&mut self, s: &mut Scratch, next: &str, next_at: usize) -> bool {
        if self.len == 0 {
            return false;
        }
        if std::mem::take(&mut self.soft_hyphen) {
            // `pro\u{ad}` + `minente`: the soft hyphen was left out; the
            // word goes on (the next word's copy deletes the line end).
            if !next.is_ascii() {
                self.check_nfc = true;
            }
            return true;
        }
        let text = self.current(s);
        if text.ends_with('-') {
            let prev = text.get(self.word_start..).unwrap_or_default();
            if split_hyphen_is_candidate(prev, next) {
                // The document first, then the rules.
                let real = s
                    .evidence
                    .decides(prev, next)
                    .unwrap_or_else(|| split_hyphen_is_real(prev, next));
                if !next.is_ascii() {
                    self.check_nfc = true;
                }
                if !real {
                    self.drop_hyphen(s);
                }
                // The next word's copy deletes the line end in between.
                return true;
            }
        }
        self.replace(s, " ", self.in_pos, next_at);
        false
    }

    /// Removes the `-` that ends the text so far.
    fn drop_hyphen(&mut self, s: &mut Scratch) {
        self.len -= 1;
        if !self.copied {
            self.in_pos -= 1;
            return;
        }
        s.out.pop();
        match s.edits.last_mut() {
            // The hyphen came from an edit: the edit now stands for it.
            Some(last)
                if last.text_start < last.text_end
                    && usize::try_from(last.text_end).ok() == Some(self.len + 1) =>
            {
                last.text_end -= 1;
            }
            _ => self.in_pos -= 1,
        }
    }

    /// The text.
    pub(crate) fn finish(self, s: &mut Scratch) -> Text<'a> {
        let Some(start) = self.start else {
            let at = self.empty_at.unwrap_or(0);
            return Text::borrowed(self.input, Span::new(at, at));
        };
        let span = Span::new(start, self.end.max(self.in_pos));
        let mut this = self;
        if this.in_pos < span.end {
            // Trailing `**` after the last word.
            this.materialise(s);
            this.edit(s, 0, this.in_pos, span.end);
        }
        if this.copied && this.check_nfc {
            if let Cow::Owned(text) = nfc(&s.out) {
                // Two words joined into one that composes across the join
                // (rare: Hangul jamo): the whole text is one edit.
                return Text::composed(text, span);
            }
        }
        if !this.copied && s.edits.is_empty() {
            return Text::borrowed(this.input, span);
        }
        if !this.copied {
            // (Edits are made on a copy only, so this is not reached.)
            let text = this.input.get(start..this.in_pos).unwrap_or_default();
            return Text::copied(text, span, &mut s.edits);
        }
        if s.out.len() >= MOVE_OUT {
            // A long text is moved out of the scratch, not copied: its
            // copy beside the scratch would double its cost at the peak.
            return Text::owned(std::mem::take(&mut s.out), span, &mut s.edits);
        }
        // One allocation for the text and its edits.
        Text::copied(&s.out, span, &mut s.edits)
    }
}

/// Normalises `text` as one paragraph: whitespace collapsed, lines joined,
/// words split at a line end joined again, NFC. The span is that of the
/// first to the last word of `text`.
///
/// ```
/// use handelingen::text::normalize;
/// assert_eq!(normalize("over de CSAM-\nverordening "), "over de CSAM-verordening");
/// assert_eq!(normalize("een pro-\n\nminente rol"), "een prominente rol");
/// assert_eq!(normalize("Cafe\u{301}"), "Caf\u{e9}");
/// let rol = normalize("Cafe\u{301} rol");
/// let at = rol.find("rol").unwrap();
/// assert_eq!(rol.span_of(at..at + 3).start, 7);
/// ```
pub fn normalize(text: &str) -> Text<'_> {
    let mut scratch = Scratch::default();
    let mut b = Builder::new(text, false, &mut scratch);
    let mut start = 0;
    for line in text.split(['\n', '\r']) {
        b.push_fragment(&mut scratch, line, start);
        start += line.len() + 1;
    }
    b.finish(&mut scratch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_is_idempotent_on_examples() {
        for s in [
            "a  b\n c-\nd",
            "x-\n-y",
            "Cafe\u{301} -\n  ",
            "—\n—",
            "a- \nb",
        ] {
            let once = normalize(s);
            assert_eq!(normalize(&once), *once, "{s:?}");
        }
    }

    #[test]
    fn maps_back_to_the_input() {
        let input = "Yeşilgöz  zegt\n  dat";
        let n = normalize(input);
        assert_eq!(n, "Yeşilgöz zegt dat");
        let z = n.find("zegt").unwrap();
        assert_eq!(&input[n.input_start(z)..][..4], "zegt");
    }

    #[test]
    fn nfd_joins_as_nfc_does() {
        assert_eq!(normalize("cafe\u{301}-\nbezoek"), "caf\u{e9}bezoek");
        assert_eq!(normalize("caf\u{e9}-\nbezoek"), "caf\u{e9}bezoek");
        // The word after an NFD sequence maps to itself.
        let input = "Cafe\u{301} rol";
        let n = normalize(input);
        let at = n.find("rol").unwrap();
        let s = n.span_of(at..at + 3);
        assert_eq!(&input[s.start..s.end], "rol");
        // Where NFC changed a word: only the part it changed (from the
        // ASCII char before it), on char boundaries.
        let s = n.span_of(3..5);
        assert_eq!(&input[s.start..s.end], "e\u{301}");
        let s = n.span_of(0..3);
        assert_eq!(&input[s.start..s.end], "Caf");
    }

    #[test]
    fn borrowed_when_nothing_changes() {
        let n = normalize("Dank u wel, voorzitter.");
        assert!(n.is_verbatim());
        assert!(matches!(n.repr, super::super::Repr::Borrowed(_)));
        let n = normalize("  Dank u wel.  ");
        assert!(n.is_verbatim());
        assert_eq!(n.span(), Span::new(2, 13));
    }

    #[test]
    fn long_hyphen_runs_are_linear() {
        // `x-` lines: every join keeps the hyphen; the word before the line
        // end is never searched for.
        let input = "x-\n".repeat(20_000);
        let n = normalize(&input);
        assert_eq!(n.len(), 2 * 20_000);
        assert!(n.starts_with("x-x-x-"));
    }
}
