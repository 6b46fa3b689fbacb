//! The analysis layer's types: facts that span nodes, each with its id and
//! its span, linked to the tree and to each other by id.

use serde::{Deserialize, Serialize};

use super::refs::Piece;
use crate::text::Text;
use crate::tree::{
    AdviceId, AnnouncementId, ContributionId, DateId, EventId, MotionId, MotionNumber, NodeId,
    Procedure, ReferenceId, Span, VoteId,
};

/// What the analysis layer found on top of the tree: motion references,
/// votes, dates, the government's advice on motions, interruption threads
/// and procedural events. Each list is in document order and each entry's
/// `id` is its index.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Analysis<'a> {
    /// Motion references in running text (`Motie 32317-858`, `motie 26 643,
    /// nr. 1011`, `de motie-Van Raan c.s.`).
    pub references: Vec<MotionReference<'a>>,
    /// Vote outcomes (`werd verworpen`, `met 92 stemmen voor en 56 stemmen
    /// tegen aangenomen`).
    pub votes: Vec<VoteOutcome>,
    /// Dates that head or date the document (`20 april 2023`).
    pub dates: Vec<DocumentDate<'a>>,
    /// The government's advice on motions (`De motie op stuk nr. 1009
    /// ontraad ik.`).
    pub advice: Vec<Advice>,
    /// Speeches with their interruptions nested under them, as the VLOS XML
    /// nests `interrumpant` under `woordvoerder`.
    pub contributions: Vec<Contribution>,
    /// The procedural events of the sitting, in document order: opening,
    /// suspensions, resumption and closing of the sitting, opening and
    /// closing of the deliberation, the chair's announcement of the votes.
    pub events: Vec<Event<'a>>,
    /// Motions a speaker announces or considers filing (`Ik zal daar een
    /// motie over indienen.`, `Ik overweeg een motie.`): not filed, so not
    /// motions of the tree.
    pub announced_motions: Vec<AnnouncedMotion<'a>>,
}

/// Whether a motion is announced or only considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AnnouncementKind {
    /// `Ik zal daar een motie over indienen.`, `Ik kondig een motie aan.`,
    /// `In de tweede termijn dien ik een motie in.`, `Ik kom met een motie.`
    Announced,
    /// `Ik overweeg een motie.`, `Misschien dien ik een motie in.`, `Ik
    /// houd een motie achter de hand.`
    Considered,
}

/// A motion a speaker announces or considers, in the sentence that says
/// so. In JSON the sentence's text fields are the entry's own: `{"id",
/// "kind", "speech", "text", "span", "map"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct AnnouncedMotion<'a> {
    /// Its index in [`Analysis::announced_motions`].
    pub id: AnnouncementId,
    /// Announced or considered.
    pub kind: AnnouncementKind,
    /// The speech that says it.
    pub speech: NodeId,
    /// The sentence, normalised, with its span.
    #[serde(flatten)]
    pub text: Text<'a>,
}

/// A reference to a motion in running text.
///
/// A reference that prints several numbers (`de moties op stuk nrs. 1009
/// en 1010`) makes a record per number: the first holds the whole
/// reference as its `text`; each later one holds only its number as
/// printed (`1010`, with its span) and names the first as
/// [`MotionReference::part_of`], so the records of a reference printing N
/// numbers hold its text once, not N times.
///
/// 64 bytes: the submitter is a piece of the reference's own text, and the
/// Kamerstuk id with the motion it names is boxed, kept only by a
/// reference that prints a number (a paragraph may hold a reference every
/// 21 bytes). In JSON: `{"id", "kamerstuk", "number": {"dossier",
/// "number"}, "motion", "submitter", "cum_suis", "part_of", "text", "span",
/// "map"}`.
///
/// Two references are equal when every field the JSON has is: the
/// submitter is compared as the name it is, not by where in `text` it was
/// read (`Motie Motie`: JSON says only `Motie`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct MotionReference<'a> {
    /// Its index in [`Analysis::references`].
    pub id: ReferenceId,
    /// The reference says `c.s.`.
    pub cum_suis: bool,
    /// The submitter, a piece of `text` (none on a later number of a
    /// reference: see [`MotionReference::part_of`]).
    pub(crate) submitter: Piece,
    /// The Kamerstuk id and the motion it names, when the reference prints
    /// a number ([`MotionReference::kamerstuk`], [`MotionReference::motion`],
    /// [`MotionReference::part_of`]).
    pub(crate) target: Option<Box<Target>>,
    /// The reference as printed (normalised), with its span; only the
    /// number, on a later number of a reference
    /// ([`MotionReference::part_of`]).
    pub text: Text<'a>,
}

/// What a reference that prints a number points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// `kst-{dossier}-{number}`.
    pub(crate) kamerstuk: Option<Box<str>>,
    /// The motion of this document with that id, if any.
    pub(crate) motion: Option<MotionId>,
    /// The first record of the reference, when this is a later number it
    /// prints.
    pub(crate) part_of: Option<ReferenceId>,
}

impl Target {
    /// `kamerstuk`, `motion` and `part_of`, boxed; none when all are.
    pub(crate) fn boxed(
        kamerstuk: Option<Box<str>>,
        motion: Option<MotionId>,
        part_of: Option<ReferenceId>,
    ) -> Option<Box<Target>> {
        match (kamerstuk, motion, part_of) {
            (None, None, None) => None,
            (kamerstuk, motion, part_of) => Some(Box::new(Target {
                kamerstuk,
                motion,
                part_of,
            })),
        }
    }
}

impl PartialEq for MotionReference<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.motion() == other.motion()
            && self.cum_suis == other.cum_suis
            && self.kamerstuk() == other.kamerstuk()
            && self.submitter() == other.submitter()
            && self.part_of() == other.part_of()
            && self.text == other.text
    }
}

impl Eq for MotionReference<'_> {}

impl MotionReference<'_> {
    /// `kst-{dossier}-{number}` when both are known; `None` when the text
    /// names the motion only by its submitter.
    pub fn kamerstuk(&self) -> Option<&str> {
        self.target.as_ref().and_then(|t| t.kamerstuk.as_deref())
    }

    /// The motion of this document with that Kamerstuk id, if any.
    pub fn motion(&self) -> Option<MotionId> {
        self.target.as_ref().and_then(|t| t.motion)
    }

    /// Dossier and number, when given (read from
    /// [`MotionReference::kamerstuk`]: the number is digits, the dossier
    /// what is between `kst-` and the number's `-`).
    pub fn number(&self) -> Option<MotionNumber> {
        self.dossier_and_number()
            .map(|(d, n)| MotionNumber::new(d, n))
    }

    /// The dossier and number of [`MotionReference::number`], borrowed.
    pub fn dossier_and_number(&self) -> Option<(&str, &str)> {
        self.kamerstuk()?.strip_prefix("kst-")?.rsplit_once('-')
    }

    /// The submitter named (`Van Raan` in `de motie-Van Raan c.s.`); on a
    /// later number of a reference, `None`: the first record has it
    /// ([`MotionReference::part_of`]).
    pub fn submitter(&self) -> Option<&str> {
        self.submitter.get(self.text.as_str(), 0)
    }

    /// The first record of the reference, when this record is a later
    /// number it prints (`1010` of `de moties op stuk nrs. 1009 en 1010`):
    /// that record's `text` is the whole reference, this one's the number.
    pub fn part_of(&self) -> Option<ReferenceId> {
        self.target.as_ref().and_then(|t| t.part_of)
    }
}

/// How a vote went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VoteResult {
    /// `aangenomen`
    Adopted,
    /// `verworpen`
    Rejected,
}

/// How the Kamer voted (`StemmingsSoort` in the Tweede Kamer's open data),
/// when the text says.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VoteMethod {
    /// By a show of hands, per party: the chair's `Ik constateer dat de
    /// leden van de fracties van … voor deze motie hebben gestemd`.
    ShowOfHands,
    /// By roll call, member by member: `Aan deze stemming hebben 147 leden
    /// deelgenomen`.
    RollCall,
    /// `zonder stemming aangenomen`
    WithoutVote,
}

/// What the chair put to the vote: `In stemming komt de motie-…`, `… de
/// gewijzigde motie-…`, `… het amendement-…`, `… het voorstel …`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VoteSubject {
    /// `de motie-…`
    Motion,
    /// `de gewijzigde motie-…`
    AmendedMotion,
    /// `het amendement-…`
    Amendment,
    /// `het voorstel …`, `het wetsvoorstel`, anything else put to the vote
    Proposal,
}

/// A side of a vote.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VoteSide {
    /// Voted for.
    For,
    /// Voted against.
    Against,
}

/// The outcome of a vote on a motion.
///
/// 40 bytes: what most votes in prose say (a result and a sentence) is
/// kept in the record; the counts, the parties, the Kamerstuk id and the
/// motion, in one allocation when one of them is known, read with
/// [`VoteOutcome::votes_for`] … [`VoteOutcome::motion`]. In JSON every
/// field is the entry's own: `{"id", "result", "votes_for",
/// "votes_against", "parties_for", "parties_against", "rest",
/// "participants", "method", "subject", "reference", "kamerstuk",
/// "motion", "span"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VoteOutcome {
    /// Its index in [`Analysis::votes`].
    pub id: VoteId,
    /// Adopted or rejected.
    pub result: VoteResult,
    /// The side of the parties not listed: the chair's `en de leden van de
    /// overige fracties ertegen` is [`VoteSide::Against`].
    pub rest: Option<VoteSide>,
    /// How the Kamer voted, when the text says.
    pub method: Option<VoteMethod>,
    /// What the chair's `In stemming komt …` put to the vote; `None` for a
    /// vote reported in prose.
    pub subject: Option<VoteSubject>,
    /// The reference to the motion voted on, in the same sentence or
    /// paragraph, if any.
    pub reference: Option<ReferenceId>,
    /// The sentence.
    pub span: Span,
    /// Counts, parties, Kamerstuk id and motion; `None` when none is known.
    pub(crate) details: Option<Box<VoteDetails>>,
}

/// The rarer facts of a [`VoteOutcome`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct VoteDetails {
    pub votes_for: Option<u32>,
    pub votes_against: Option<u32>,
    pub participants: Option<u32>,
    pub parties_for: Vec<String>,
    pub parties_against: Vec<String>,
    pub kamerstuk: Option<String>,
    pub motion: Option<MotionId>,
}

impl VoteOutcome {
    /// A vote with `result` in the sentence `span`, nothing else known.
    pub(crate) fn new(id: VoteId, result: VoteResult, span: Span) -> VoteOutcome {
        VoteOutcome {
            id,
            result,
            rest: None,
            method: None,
            subject: None,
            reference: None,
            span,
            details: None,
        }
    }

    fn details(&self) -> Option<&VoteDetails> {
        self.details.as_deref()
    }

    /// The details, allocated when first written.
    pub(crate) fn details_mut(&mut self) -> &mut VoteDetails {
        self.details.get_or_insert_with(Box::default)
    }

    /// Takes the counts given where the vote has none yet.
    pub(crate) fn add_counts(&mut self, yes: Option<u32>, no: Option<u32>, took_part: Option<u32>) {
        if yes.is_none() && no.is_none() && took_part.is_none() {
            return;
        }
        let d = self.details_mut();
        d.votes_for = d.votes_for.or(yes);
        d.votes_against = d.votes_against.or(no);
        d.participants = d.participants.or(took_part);
    }

    /// Adds `parties` to those listed as voting on `side`.
    pub(crate) fn add_parties(&mut self, side: VoteSide, parties: Vec<String>) {
        if parties.is_empty() {
            return;
        }
        let d = self.details_mut();
        match side {
            VoteSide::For => d.parties_for.extend(parties),
            VoteSide::Against => d.parties_against.extend(parties),
        }
    }

    /// The Kamerstuk id and motion of the reference voted on.
    pub(crate) fn link(&mut self, kamerstuk: Option<String>, motion: Option<MotionId>) {
        if kamerstuk.is_none() && motion.is_none() {
            return;
        }
        let d = self.details_mut();
        d.kamerstuk = kamerstuk;
        d.motion = motion;
    }

    /// `92` in `met 92 stemmen voor`.
    pub fn votes_for(&self) -> Option<u32> {
        self.details().and_then(|d| d.votes_for)
    }

    /// `56` in `en 56 stemmen tegen`.
    pub fn votes_against(&self) -> Option<u32> {
        self.details().and_then(|d| d.votes_against)
    }

    /// How many members took part in a roll call (`Aan deze stemming
    /// hebben 147 leden deelgenomen`).
    pub fn participants(&self) -> Option<u32> {
        self.details().and_then(|d| d.participants)
    }

    /// Parties listed as voting for.
    pub fn parties_for(&self) -> &[String] {
        self.details().map_or(&[], |d| &d.parties_for)
    }

    /// Parties listed as voting against (`VVD, CDA, ChristenUnie en SGP
    /// stemden tegen`).
    pub fn parties_against(&self) -> &[String] {
        self.details().map_or(&[], |d| &d.parties_against)
    }

    /// The Kamerstuk id of the reference voted on, when it has one.
    pub fn kamerstuk(&self) -> Option<&str> {
        self.details().and_then(|d| d.kamerstuk.as_deref())
    }

    /// The motion of this document voted on, when the reference names one.
    pub fn motion(&self) -> Option<MotionId> {
        self.details().and_then(|d| d.motion)
    }
}

/// A date that heads or dates a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DocumentDate<'a> {
    /// Its index in [`Analysis::dates`].
    pub id: DateId,
    /// ISO 8601: `2023-04-20`, or `--07-04` when the year is not printed.
    pub date: String,
    /// As printed (`20 april 2023`, `dinsdag 4 juli`), with its span.
    #[serde(flatten)]
    pub text: Text<'a>,
}

/// The government's advice on a motion, as it is said. The Tweede Kamer
/// records fewer values; [`AdviceKind::appreciation`] gives its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AdviceKind {
    /// `oordeel Kamer`, `laat ik aan het oordeel van de Kamer`, `met de
    /// volgende interpretatie`
    OordeelKamer,
    /// `ontraden`, `ontraad ik`
    Ontraden,
    /// `met klem ontraden`
    MetKlemOntraden,
    /// `ontraden tenzij gewijzigd`, and `ontraden` followed by a
    /// conditional `oordeel Kamer` (`ontraad ik haar; als het dictum wordt
    /// aangepast, oordeel Kamer`)
    OntradenTenzijGewijzigd,
    /// `overgenomen`, `neem ik over`
    Overgenomen,
    /// `verzoek de motie aan te houden`
    Aanhouden,
    /// `zie ik als ondersteuning van beleid`
    OndersteuningVanBeleid,
    /// `is ontijdig`
    Ontijdig,
    /// `acht ik overbodig`
    Overbodig,
    /// `hoef ik niet te appreciëren, want dat is een spreekt-uitmotie`
    GeenAppreciatie,
    /// `is een verzoek aan het Presidium`: not the government's to judge
    VerzoekAanPresidium,
}

/// The Tweede Kamer's own values for the government's appreciation of a
/// motion (`Kabinetsappreciatie` in its open data), as it writes them; the
/// JSON holds the strings (`"Ontraden, tenzij gewijzigd"`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Appreciation {
    /// `Overgenomen`
    #[serde(rename = "Overgenomen")]
    Overgenomen,
    /// `Ontraden`
    #[serde(rename = "Ontraden")]
    Ontraden,
    /// `Ontraden, tenzij gewijzigd`
    #[serde(rename = "Ontraden, tenzij gewijzigd")]
    OntradenTenzijGewijzigd,
    /// `Oordeel Kamer`
    #[serde(rename = "Oordeel Kamer")]
    OordeelKamer,
    /// `Verzocht motie aan te houden`
    #[serde(rename = "Verzocht motie aan te houden")]
    VerzochtAanTeHouden,
    /// `Geen (expliciete) appreciatie`
    #[serde(rename = "Geen (expliciete) appreciatie")]
    GeenAppreciatie,
}

/// How an advice names its motion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MotionLink {
    /// `de motie op stuk nr. 1009`
    Number,
    /// `de motie op stuk nr. 1009 (26643)`
    DossierAndNumber,
    /// `de motie van de heer Slootweg`, `de motie-Slootweg`
    Submitter,
    /// `De eerste motie …`
    Order,
}

/// The government's advice on a motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Advice {
    /// Its index in [`Analysis::advice`].
    pub id: AdviceId,
    /// The advice, as it is said.
    pub kind: AdviceKind,
    /// The advice as the Tweede Kamer records it ([`AdviceKind::appreciation`]
    /// of `kind`).
    pub appreciation: Appreciation,
    /// The Kamerstuk id of the motion it concerns, when it could be linked.
    pub kamerstuk: Option<String>,
    /// The motion of this document it concerns, when it could be linked.
    pub motion: Option<MotionId>,
    /// How the motion was named, when it was linked.
    pub link: Option<MotionLink>,
    /// The speech giving the advice.
    pub speech: NodeId,
    /// The sentence.
    pub span: Span,
}

/// A procedural event of the sitting.
///
/// Taken from the procedural lines of the tree and from what the chair says
/// in a speech (`Ik heropen de vergadering.`, `Ik stel voor aanstaande
/// dinsdag over de moties te stemmen.`). In JSON the kind and its fields
/// are flattened into the event: `{"id": 0, "kind": "sitting_suspended",
/// "from": "11:20", "until": "11:23", "node": 14, "text": …, "span": …,
/// "map": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Event<'a> {
    /// Its index in [`Analysis::events`].
    pub id: EventId,
    /// What happened, with its times.
    #[serde(flatten)]
    pub kind: Procedure,
    /// The procedural line, suspension or chair's speech it was read from.
    pub node: NodeId,
    /// The line or the chair's sentence, normalised, with its span.
    #[serde(flatten)]
    pub text: Text<'a>,
}

/// A speech with the interruptions it drew, nested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Contribution {
    /// Its index in [`Analysis::contributions`].
    pub id: ContributionId,
    /// The speaker's first speech.
    pub speech: NodeId,
    /// The speaker's later speeches in the same contribution (answers to
    /// interruptions).
    pub continuations: Vec<NodeId>,
    /// The interruptions, in order.
    pub interruptions: Vec<InterruptionThread>,
}

/// One interruption of a contribution: the interrupting member's speeches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct InterruptionThread {
    /// The interrupter's speeches.
    pub speeches: Vec<NodeId>,
}
