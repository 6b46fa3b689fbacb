//! The JSON form of the findings kept compact in memory
//! ([`MotionReference`], [`VoteOutcome`]): written from a borrowed view of
//! the record, read into the record through an owned mirror that also
//! gives the schema, so the JSON (and its schema) is that of the flat
//! structs they were before.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::{
    MotionReference, Target, VoteDetails, VoteMethod, VoteOutcome, VoteResult, VoteSide,
    VoteSubject,
};
use super::refs::Piece;
use crate::text::Text;
use crate::tree::{MotionId, MotionNumber, ReferenceId, Span, VoteId};

/// A [`MotionReference`] as it is written, in the order of
/// [`ReferenceRecord`].
#[derive(Serialize)]
struct ReferenceView<'r, 'a> {
    id: ReferenceId,
    kamerstuk: Option<&'r str>,
    number: Option<NumberView<'r>>,
    motion: Option<MotionId>,
    submitter: Option<&'r str>,
    cum_suis: bool,
    part_of: Option<ReferenceId>,
    #[serde(flatten)]
    text: &'r Text<'a>,
}

/// A [`MotionNumber`] as it is written.
#[derive(Serialize)]
struct NumberView<'r> {
    dossier: &'r str,
    number: &'r str,
}

impl Serialize for MotionReference<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ReferenceView {
            id: self.id,
            kamerstuk: self.kamerstuk(),
            number: self
                .dossier_and_number()
                .map(|(dossier, number)| NumberView { dossier, number }),
            motion: self.motion(),
            submitter: self.submitter(),
            cum_suis: self.cum_suis,
            part_of: self.part_of(),
            text: &self.text,
        }
        .serialize(serializer)
    }
}

/// A reference to a motion in running text.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "MotionReference"))]
struct ReferenceRecord<'a> {
    /// Its index in `Analysis::references`.
    id: ReferenceId,
    /// `kst-{dossier}-{number}` when both are known; `None` when the text
    /// names the motion only by its submitter.
    kamerstuk: Option<String>,
    /// Dossier and number, when given.
    number: Option<MotionNumber>,
    /// The motion of this document with that Kamerstuk id, if any.
    motion: Option<MotionId>,
    /// The submitter named (`Van Raan` in `de motie-Van Raan c.s.`).
    submitter: Option<String>,
    /// The reference says `c.s.`.
    cum_suis: bool,
    /// The first record of the reference, when this is a later number it
    /// prints (`1010` of `de moties op stuk nrs. 1009 en 1010`): that
    /// record's text is the whole reference, this one's the number.
    part_of: Option<ReferenceId>,
    /// The reference as printed (normalised), with its span; only the
    /// number on a later number of a reference (`part_of`).
    #[serde(flatten)]
    text: Text<'a>,
}

impl<'de, 'a> Deserialize<'de> for MotionReference<'a> {
    /// The record; an error when its `number` is not the one its
    /// `kamerstuk` id names, its `submitter` is not in its `text` (both
    /// are read from those), or its `part_of` is not an earlier record.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let r = ReferenceRecord::deserialize(deserializer)?;
        let reference = MotionReference {
            id: r.id,
            cum_suis: r.cum_suis,
            target: Target::boxed(r.kamerstuk.map(String::into_boxed_str), r.motion, r.part_of),
            submitter: Piece::NONE,
            text: r.text,
        };
        if r.part_of.is_some_and(|first| first.index() >= r.id.index()) {
            return Err(D::Error::custom(format!(
                "reference {}: part_of {:?} is not an earlier reference",
                r.id, r.part_of
            )));
        }
        if reference.number() != r.number {
            return Err(D::Error::custom(format!(
                "reference {}: number {:?} is not that of kamerstuk {:?}",
                r.id,
                r.number,
                reference.kamerstuk()
            )));
        }
        let text = reference.text.as_str();
        let submitter = match r.submitter {
            None => Piece::NONE,
            Some(name) => {
                let part = text
                    .find(name.as_str())
                    .and_then(|i| text.get(i..i + name.len()));
                if part.is_none() {
                    return Err(D::Error::custom(format!(
                        "reference {}: submitter {name:?} is not in its text {text:?}",
                        r.id
                    )));
                }
                Piece::of(text, 0, part)
            }
        };
        Ok(MotionReference {
            submitter,
            ..reference
        })
    }
}

schema_of!(MotionReference<'_>, ReferenceRecord);

/// A [`VoteOutcome`] as it is written: every field, in the order of
/// [`VoteRecord`].
#[derive(Serialize)]
struct VoteView<'v> {
    id: VoteId,
    result: VoteResult,
    votes_for: Option<u32>,
    votes_against: Option<u32>,
    parties_for: &'v [String],
    parties_against: &'v [String],
    rest: Option<VoteSide>,
    participants: Option<u32>,
    method: Option<VoteMethod>,
    subject: Option<VoteSubject>,
    reference: Option<ReferenceId>,
    kamerstuk: Option<&'v str>,
    motion: Option<MotionId>,
    span: Span,
}

impl Serialize for VoteOutcome {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        VoteView {
            id: self.id,
            result: self.result,
            votes_for: self.votes_for(),
            votes_against: self.votes_against(),
            parties_for: self.parties_for(),
            parties_against: self.parties_against(),
            rest: self.rest,
            participants: self.participants(),
            method: self.method,
            subject: self.subject,
            reference: self.reference,
            kamerstuk: self.kamerstuk(),
            motion: self.motion(),
            span: self.span,
        }
        .serialize(serializer)
    }
}

/// The outcome of a vote on a motion.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "VoteOutcome"))]
struct VoteRecord {
    /// Its index in `Analysis::votes`.
    id: VoteId,
    /// Adopted or rejected.
    result: VoteResult,
    /// `92` in `met 92 stemmen voor`.
    votes_for: Option<u32>,
    /// `56` in `en 56 stemmen tegen`.
    votes_against: Option<u32>,
    /// Parties listed as voting for.
    parties_for: Vec<String>,
    /// Parties listed as voting against (`VVD, CDA, ChristenUnie en SGP
    /// stemden tegen`).
    parties_against: Vec<String>,
    /// The side of the parties not listed: the chair's `en de leden van de
    /// overige fracties ertegen` is [`VoteSide::Against`].
    rest: Option<VoteSide>,
    /// How many members took part in a roll call (`Aan deze stemming
    /// hebben 147 leden deelgenomen`).
    participants: Option<u32>,
    /// How the Kamer voted, when the text says.
    method: Option<VoteMethod>,
    /// What the chair's `In stemming komt …` put to the vote; `None` for a
    /// vote reported in prose.
    subject: Option<VoteSubject>,
    /// The reference to the motion voted on, in the same sentence or
    /// paragraph, if any.
    reference: Option<ReferenceId>,
    /// The Kamerstuk id of that reference, when it has one.
    kamerstuk: Option<String>,
    /// The motion of this document voted on, when the reference names one.
    motion: Option<MotionId>,
    /// The sentence.
    span: Span,
}

impl From<VoteRecord> for VoteOutcome {
    fn from(r: VoteRecord) -> VoteOutcome {
        let details = VoteDetails {
            votes_for: r.votes_for,
            votes_against: r.votes_against,
            participants: r.participants,
            parties_for: r.parties_for,
            parties_against: r.parties_against,
            kamerstuk: r.kamerstuk,
            motion: r.motion,
        };
        let mut vote = VoteOutcome::new(r.id, r.result, r.span);
        vote.rest = r.rest;
        vote.method = r.method;
        vote.subject = r.subject;
        vote.reference = r.reference;
        vote.details = (details != VoteDetails::default()).then(|| Box::new(details));
        vote
    }
}

impl<'de> Deserialize<'de> for VoteOutcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        VoteRecord::deserialize(deserializer).map(VoteOutcome::from)
    }
}

schema_of!(VoteOutcome, VoteRecord);
