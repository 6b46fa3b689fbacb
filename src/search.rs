//! Searches built once and shared by the grammar, the normaliser and the
//! analysis layer: compiled regexes and prebuilt substring finders.
//!
//! `str::contains` and `memchr::memmem::find` build a searcher on every
//! call, which costs more than the search itself on a line or paragraph;
//! these are built on first use and kept in a `static`.

use std::sync::OnceLock;

use regex::Regex;

/// The regex in `cell`, compiled from `pattern` on first use. The patterns
/// are literals of this crate, covered by its tests: a bad one is a bug
/// here, never a consequence of the input.
pub(crate) fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap_or_else(|e| panic!("bad built-in regex: {e}")))
}

/// Prebuilt finders for a list of words.
pub(crate) struct Words(Vec<memchr::memmem::Finder<'static>>);

impl Words {
    pub(crate) fn new(words: &[&'static str]) -> Self {
        Words(
            words
                .iter()
                .map(|w| memchr::memmem::Finder::new(*w))
                .collect(),
        )
    }

    /// Whether `text` holds any of the words.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        self.0.iter().any(|f| f.find(text.as_bytes()).is_some())
    }
}

/// Whether `text` holds any of `words`, with the finders in `cell` built on
/// first use: `static CELL: OnceLock<Words>` beside each call site.
pub(crate) fn any_in(cell: &'static OnceLock<Words>, words: &[&'static str], text: &str) -> bool {
    cell.get_or_init(|| Words::new(words)).any_in(text)
}
