//! Typed ids: one newtype per kind of thing, used for every link.
//!
//! An id is the position of its thing in the list that holds it, counted
//! from 0 in document order: a [`NodeId`] indexes [`crate::Document::nodes`],
//! a [`MotionId`] the motions in [`crate::Document::motions`] order, the
//! ids of the analysis layer its lists. In JSON an id is a number.

use serde::{Deserialize, Serialize};

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(u32);

        impl $name {
            /// The id of the thing at `index` of its list.
            pub fn new(index: usize) -> Self {
                $name(u32::try_from(index).unwrap_or(u32::MAX))
            }

            /// The position of the thing in its list.
            pub fn index(self) -> usize {
                usize::try_from(self.0).unwrap_or(usize::MAX)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id!(
    /// A top-level node: its index in [`crate::Document::nodes`]. A speech
    /// is a node, so speeches are linked by their `NodeId`.
    NodeId
);
id!(
    /// A motion: its index among the motions of the document, in the order
    /// of [`crate::Document::motions`] (read in a speech or standing alone).
    MotionId
);
id!(
    /// A motion reference: its index in [`crate::Analysis::references`].
    ReferenceId
);
id!(
    /// An advice: its index in [`crate::Analysis::advice`].
    AdviceId
);
id!(
    /// A vote: its index in [`crate::Analysis::votes`].
    VoteId
);
id!(
    /// A procedural event: its index in [`crate::Analysis::events`].
    EventId
);
id!(
    /// A date: its index in [`crate::Analysis::dates`].
    DateId
);
id!(
    /// A contribution: its index in [`crate::Analysis::contributions`].
    ContributionId
);
id!(
    /// A motion announced or considered: its index in
    /// [`crate::Analysis::announced_motions`].
    AnnouncementId
);
