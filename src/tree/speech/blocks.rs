//! A speech's content: a list of blocks that keeps a single block inline.
//!
//! Two speeches in three hold one block (a question, an answer, the
//! chair's line): kept in the speech itself, such a speech costs no
//! allocation for its content; a longer one keeps a `Vec` of its exact
//! length, as before.

use std::fmt;
use std::ops::{Deref, DerefMut};

use super::Block;

/// The blocks of a [`Speech`](super::Speech), in document order: its
/// paragraphs, the motions read, page furniture in between.
///
/// Dereferences to `[Block]` (index it, iterate it, `first`, `last`,
/// `len` …); built from an iterator or a `Vec`, and grown with
/// [`Blocks::push`]. A list of one block is kept inline, without an
/// allocation. Two lists are equal when they hold equal blocks.
#[derive(Clone)]
pub struct Blocks<'a>(Repr<'a>);

#[derive(Clone)]
enum Repr<'a> {
    One(Block<'a>),
    Many(Vec<Block<'a>>),
}

impl<'a> Blocks<'a> {
    /// No blocks (no allocation).
    pub const fn new() -> Self {
        Blocks(Repr::Many(Vec::new()))
    }

    /// Appends a block.
    pub fn push(&mut self, block: Block<'a>) {
        match &mut self.0 {
            Repr::Many(v) if !v.is_empty() => v.push(block),
            Repr::Many(_) => self.0 = Repr::One(block),
            Repr::One(_) => {
                let Repr::One(first) = std::mem::replace(&mut self.0, Repr::Many(Vec::new()))
                else {
                    return;
                };
                self.0 = Repr::Many(vec![first, block]);
            }
        }
    }

    /// The blocks, as a `Vec`.
    pub fn into_vec(self) -> Vec<Block<'a>> {
        match self.0 {
            Repr::One(b) => vec![b],
            Repr::Many(v) => v,
        }
    }
}

impl Default for Blocks<'_> {
    fn default() -> Self {
        Blocks::new()
    }
}

impl<'a> Deref for Blocks<'a> {
    type Target = [Block<'a>];

    fn deref(&self) -> &[Block<'a>] {
        match &self.0 {
            Repr::One(b) => std::slice::from_ref(b),
            Repr::Many(v) => v,
        }
    }
}

impl DerefMut for Blocks<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match &mut self.0 {
            Repr::One(b) => std::slice::from_mut(b),
            Repr::Many(v) => v,
        }
    }
}

impl<'a> From<Vec<Block<'a>>> for Blocks<'a> {
    /// The blocks of `v` (a single one moved inline).
    fn from(mut v: Vec<Block<'a>>) -> Self {
        if v.len() == 1 {
            if let Some(b) = v.pop() {
                return Blocks(Repr::One(b));
            }
        }
        Blocks(Repr::Many(v))
    }
}

impl<'a> FromIterator<Block<'a>> for Blocks<'a> {
    /// The blocks in order: none or one without an allocation, more in a
    /// `Vec` sized by the iterator's lower bound.
    fn from_iter<I: IntoIterator<Item = Block<'a>>>(iter: I) -> Self {
        let mut iter = iter.into_iter();
        let Some(first) = iter.next() else {
            return Blocks::new();
        };
        let Some(second) = iter.next() else {
            return Blocks(Repr::One(first));
        };
        let mut v = Vec::with_capacity(iter.size_hint().0.saturating_add(2));
        v.push(first);
        v.push(second);
        v.extend(iter);
        Blocks(Repr::Many(v))
    }
}

impl<'a> Extend<Block<'a>> for Blocks<'a> {
    fn extend<I: IntoIterator<Item = Block<'a>>>(&mut self, iter: I) {
        for block in iter {
            self.push(block);
        }
    }
}

impl<'s, 'a> IntoIterator for &'s Blocks<'a> {
    type Item = &'s Block<'a>;
    type IntoIter = std::slice::Iter<'s, Block<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'s, 'a> IntoIterator for &'s mut Blocks<'a> {
    type Item = &'s mut Block<'a>;
    type IntoIter = std::slice::IterMut<'s, Block<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<'a> IntoIterator for Blocks<'a> {
    type Item = Block<'a>;
    type IntoIter = std::vec::IntoIter<Block<'a>>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_vec().into_iter()
    }
}

impl PartialEq for Blocks<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Blocks<'_> {}

impl<'a> PartialEq<[Block<'a>]> for Blocks<'a> {
    fn eq(&self, other: &[Block<'a>]) -> bool {
        **self == *other
    }
}

impl<'a> PartialEq<Vec<Block<'a>>> for Blocks<'a> {
    fn eq(&self, other: &Vec<Block<'a>>) -> bool {
        **self == **other
    }
}

impl fmt::Debug for Blocks<'_> {
    /// As a list, as a `Vec` of the blocks would be.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;
    use crate::tree::Paragraph;

    fn block(s: &str) -> Block<'static> {
        Block::Paragraph(Paragraph::new(normalize(s).into_owned()))
    }

    fn texts(b: &Blocks<'_>) -> Vec<String> {
        b.iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.to_string(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn pushes_and_collects_keep_order_and_compare_as_lists() {
        let mut pushed = Blocks::new();
        assert!(pushed.is_empty());
        for (n, s) in ["a", "b", "c"].into_iter().enumerate() {
            pushed.push(block(s));
            assert_eq!(pushed.len(), n + 1);
        }
        let collected: Blocks<'_> = ["a", "b", "c"].into_iter().map(block).collect();
        assert_eq!(texts(&pushed), ["a", "b", "c"]);
        assert_eq!(pushed, collected);
        assert_eq!(Blocks::from(pushed.clone().into_vec()), collected);
        let one: Blocks<'_> = std::iter::once(block("a")).collect();
        assert_eq!(one, Blocks::from(vec![block("a")]));
        assert_eq!(one, vec![block("a")]);
        assert_ne!(one, collected);
        assert_eq!(format!("{one:?}"), format!("{:?}", vec![block("a")]));
        assert_eq!(Blocks::from(Vec::new()), Blocks::default());
    }

    #[test]
    fn one_block_is_kept_inline_and_can_be_changed_there() {
        let mut one: Blocks<'_> = std::iter::once(block("a")).collect();
        assert!(matches!(one.0, Repr::One(_)));
        assert!(matches!(Blocks::from(vec![block("a")]).0, Repr::One(_)));
        if let Some(b) = one.first_mut() {
            *b = block("z");
        }
        assert_eq!(texts(&one), ["z"]);
        one.extend([block("y")]);
        assert!(matches!(one.0, Repr::Many(ref v) if v.len() == 2));
        assert_eq!(texts(&one), ["z", "y"]);
        let owned: Vec<_> = one.into_iter().collect();
        assert_eq!(owned.len(), 2);
    }
}
