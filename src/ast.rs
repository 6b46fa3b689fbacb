//! The typed document tree.
//!
//! Every node carries the [`Span`] of the original input it came from, with
//! the normalised text beside it (never instead of it). All types derive
//! `Serialize` and `Deserialize`, so the JSON written by the converter reads
//! back into the same values.
//!
//! The JSON shape is documented in the crate's `README.md`; node enums are
//! internally tagged with a `"type"` field in `snake_case`.

use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into the original input (after a UTF-8 BOM,
/// if any, was skipped by [`crate::parse_bytes`]; offsets still count from
/// the first byte of the input as given, BOM included).
///
/// Both ends always lie on `char` boundaries of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The text layout a document was written in, detected per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Layout {
    /// Markdown conversion: `## 7` / `### title` headings, bold labels
    /// (`**De voorzitter:**`, `De heer **Slootweg** (CDA):`), `---` rules and
    /// `#### Motie` headings.
    Markdown,
    /// Text extracted from the PDF of an (uncorrected) stenogram: hard-wrapped
    /// lines with trailing spaces, page footers and running heads, a leading
    /// space on the first line of a new page.
    Pdf,
    /// Plain official text: a label alone on its line, paragraphs split by
    /// blank lines.
    Official,
}

/// A parsed document: the nodes in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The layout detected for this document.
    pub layout: Layout,
    /// Whether speaker labels were found, i.e. whether this reads as a
    /// transcript at all (a blog post or a news article does not).
    pub is_transcript: bool,
    /// The whole input.
    pub span: Span,
    /// Top-level nodes in document order.
    pub nodes: Vec<Node>,
    /// What the analysis layer found on top of the tree: motion
    /// references, votes, dates, the government's advice on motions, and
    /// interruption threads. Empty parts are left out of the JSON.
    #[serde(default, skip_serializing_if = "Analysis::is_empty")]
    pub analysis: Analysis,
}

/// The analysis layer: facts that span nodes, each with its span, linked to
/// motions by id where the text allows it (never by guess).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// Motion references in running text (`Motie 32317-858`, `motie 26 643,
    /// nr. 1011`, `de motie-Van Raan c.s.`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<MotionReference>,
    /// Vote outcomes (`werd verworpen`, `met 92 stemmen voor en 56 stemmen
    /// tegen aangenomen`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<VoteOutcome>,
    /// Dates that head or date the document (`20 april 2023`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DocumentDate>,
    /// The government's advice on motions (`De motie op stuk nr. 1009
    /// ontraad ik.`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<Advice>,
    /// Speeches with their interruptions nested under them, as the VLOS XML
    /// nests `interrumpant` under `woordvoerder`; indexes refer to
    /// [`Document::speeches`] in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributions: Vec<Contribution>,
    /// The procedural events of the sitting, in document order: opening,
    /// suspensions, resumption and closing of the sitting, opening and
    /// closing of the deliberation, the chair's announcement of the votes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

impl Analysis {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.references.is_empty()
            && self.votes.is_empty()
            && self.dates.is_empty()
            && self.advice.is_empty()
            && self.contributions.is_empty()
            && self.events.is_empty()
    }
}

/// A reference to a motion in running text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotionReference {
    /// `kst-{dossier}-{number}` when both are given; `None` when the text
    /// names the motion only by its submitter.
    pub id: Option<String>,
    /// Dossier and number, when given.
    pub number: Option<MotionNumber>,
    /// The submitter named (`Van Raan` in `de motie-Van Raan c.s.`).
    pub submitter: Option<String>,
    /// The reference says `c.s.`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cum_suis: bool,
    /// The reference as printed.
    pub text: String,
    /// Where.
    pub span: Span,
}

/// How a vote went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VoteResult {
    /// `aangenomen`
    Adopted,
    /// `verworpen`
    Rejected,
}

/// The outcome of a vote on a motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteOutcome {
    /// Adopted or rejected.
    pub result: VoteResult,
    /// `92` in `met 92 stemmen voor`.
    pub votes_for: Option<u32>,
    /// `56` in `en 56 stemmen tegen`.
    pub votes_against: Option<u32>,
    /// Parties listed as voting for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties_for: Vec<String>,
    /// Parties listed as voting against (`VVD, CDA, ChristenUnie en SGP
    /// stemden tegen`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties_against: Vec<String>,
    /// Index into [`Analysis::references`] of the motion referred to in the
    /// same sentence or paragraph, if any.
    pub reference: Option<usize>,
    /// The motion's id, when that reference has one.
    pub motion_id: Option<String>,
    /// The sentence.
    pub span: Span,
}

/// A date that heads or dates a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentDate {
    /// ISO 8601: `2023-04-20`, or `--07-04` when the year is not printed.
    pub date: String,
    /// As printed (`20 april 2023`, `dinsdag 4 juli`).
    pub text: String,
    /// Where.
    pub span: Span,
}

/// The government's advice on a motion; the values the Tweede Kamer's own
/// data uses for a motion's appreciation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AdviceKind {
    /// `oordeel Kamer`, `laat ik aan het oordeel van de Kamer`
    OordeelKamer,
    /// `ontraden`, `ontraad ik`
    Ontraden,
    /// `met klem ontraden`
    MetKlemOntraden,
    /// `ontraden tenzij gewijzigd`
    OntradenTenzijGewijzigd,
    /// `overgenomen`, `neem ik over`
    Overgenomen,
    /// `verzoek de motie aan te houden`
    Aanhouden,
}

/// How an advice names its motion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
pub struct Advice {
    /// The advice.
    pub kind: AdviceKind,
    /// The id of the motion it concerns, when it could be linked.
    pub motion_id: Option<String>,
    /// How the motion was named, when it was linked.
    pub link: Option<MotionLink>,
    /// Index into [`Document::speeches`] of the speech giving the advice.
    pub speech: usize,
    /// The sentence.
    pub span: Span,
}

/// A procedural event of the sitting.
///
/// Taken from the procedural lines of the tree ([`Node::Procedural`],
/// [`Node::Suspension`]) and from what the chair says in a speech (`Ik
/// heropen de vergadering.`, `Ik stel voor aanstaande dinsdag over de
/// moties te stemmen.`). In JSON the kind and its fields are flattened into
/// the event: `{"kind": "sitting_suspended", "from": "11:20", "until":
/// "11:23", "text": …, "span": …, "node": 14}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What happened, with its times.
    #[serde(flatten)]
    pub kind: EventKind,
    /// The line or the chair's sentence, normalised.
    pub text: String,
    /// The line or sentence in the input.
    pub span: Span,
    /// Index into [`Document::nodes`] of the procedural line, suspension or
    /// chair's speech it was read from.
    pub node: usize,
}

/// What a procedural [`Event`] records. Times are `HH:MM`, as printed
/// (`11.20 uur` gives `11:20`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// `De vergadering wordt om 10.15 uur geopend.`, `Ik open de
    /// vergadering.`
    SittingOpened {
        /// `10:15`, when printed.
        at: Option<String>,
    },
    /// `De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.`,
    /// `De vergadering wordt enkele ogenblikken geschorst.` (the chair's
    /// own `Ik schors …` is not recorded: the line that follows it is).
    SittingSuspended {
        /// `11:20` from `van 11.20 uur`.
        from: Option<String>,
        /// `11:23` from `tot 11.23 uur`.
        until: Option<String>,
    },
    /// `De vergadering wordt heropend.`, `Ik heropen de vergadering.`,
    /// `We hervatten.`
    SittingResumed {
        /// The time, when printed.
        at: Option<String>,
    },
    /// `De vergadering wordt om 23.10 uur gesloten.`, `Ik sluit de
    /// vergadering.`
    SittingClosed {
        /// The time, when printed.
        at: Option<String>,
    },
    /// `De (algemene) beraadslaging wordt geopend.`
    DeliberationOpened,
    /// `De (algemene) beraadslaging wordt gesloten.`
    DeliberationClosed,
    /// The chair announces when the Kamer votes: `Ik stel voor aanstaande
    /// dinsdag over de moties te stemmen.`, `Dinsdag stemmen wij over de
    /// moties.`, `Stemmingen over de ingediende moties vinden volgende week
    /// dinsdag plaats.`
    VotesAnnounced {
        /// When, as printed: `aanstaande dinsdag`, `volgende week
        /// dinsdag`, `de dinsdag na het reces`.
        when: Option<String>,
    },
}

/// A speech with the interruptions it drew, nested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    /// Index into [`Document::speeches`] of the speaker's first speech.
    pub speech: usize,
    /// The speaker's later speeches in the same contribution (answers to
    /// interruptions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continuations: Vec<usize>,
    /// The interruptions, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interruptions: Vec<InterruptionThread>,
}

/// One interruption of a contribution: the interrupting member's speeches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterruptionThread {
    /// Indexes into [`Document::speeches`] of the interrupter's speeches.
    pub speeches: Vec<usize>,
}

/// A top-level node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Node {
    /// YAML-style front matter between `---` lines at the very start.
    FrontMatter(FrontMatter),
    /// A Markdown heading that is not part of an agenda item heading.
    Heading(Heading),
    /// An agenda item: `## 7` + `### Title` in Markdown, or the title line
    /// that opens a transcript in the other layouts.
    AgendaItem(AgendaItem),
    /// `Voorzitter: Bergkamp` at the top of a stenogram: who presides.
    Presiding(Presiding),
    /// A speaker's turn.
    Speech(Speech),
    /// A motion outside any speech.
    Motion(Box<Motion>),
    /// A procedural line: `De beraadslaging wordt gesloten.`, `Aan de orde is …`.
    Procedural(Procedural),
    /// `De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.`
    Suspension(Suspension),
    /// Footers, running heads and page references of a PDF page.
    PageFurniture(PageFurniture),
    /// A Markdown rule `---` that belongs to no motion.
    ThematicBreak(ThematicBreak),
    /// Prose outside any speech that is expected there: the introduction of
    /// an agenda item, or the body of a document that is no transcript.
    Paragraph(Paragraph),
    /// Text the grammar did not recognise where a transcript expects
    /// structure; a [`Diagnostic`](crate::Diagnostic) points at it too.
    Text(Paragraph),
}

impl Node {
    /// The span of the original input this node came from.
    pub fn span(&self) -> Span {
        match self {
            Node::FrontMatter(n) => n.span,
            Node::Heading(n) => n.span,
            Node::AgendaItem(n) => n.span,
            Node::Presiding(n) => n.span,
            Node::Speech(n) => n.span,
            Node::Motion(n) => n.span,
            Node::Procedural(n) => n.span,
            Node::Suspension(n) => n.span,
            Node::PageFurniture(n) => n.span,
            Node::ThematicBreak(n) => n.span,
            Node::Paragraph(n) | Node::Text(n) => n.span,
        }
    }
}

/// One `key: value` line of front matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatterField {
    /// The key, as printed.
    pub key: String,
    /// The value with surrounding quotes removed; empty when the key opens a
    /// nested block.
    pub value: String,
    /// The line in the input.
    pub span: Span,
}

/// Front matter between `---` lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatter {
    /// Top-level `key: value` fields in order (nested lines are skipped but
    /// lie inside `span`).
    pub fields: Vec<FrontMatterField>,
    /// From the opening `---` to the closing `---`, inclusive.
    pub span: Span,
}

/// A Markdown heading (`# nota`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// 1 for `#`, up to 6.
    pub level: u8,
    /// The heading text, normalised, emphasis markers removed.
    pub text: String,
    /// The heading line.
    pub span: Span,
}

/// An agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// The item's number as printed (`"7"`), when the layout prints it.
    pub number: Option<String>,
    /// The title, normalised.
    pub title: String,
    /// The heading lines and the title line(s).
    pub span: Span,
}

/// Who presides, from a `Voorzitter: Bergkamp` line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presiding {
    /// The name as printed.
    pub name: String,
    /// The line.
    pub span: Span,
}

/// The role of a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// `De voorzitter:`
    Chair,
    /// `De heer Slootweg (CDA):`, `Mevrouw Van Ginneken (D66):`
    Member,
    /// `Minister Yeşilgöz-Zegerius:`, `Minister van Financiën Hoekstra:`
    Minister,
    /// `Staatssecretaris Rutte:`
    StateSecretary,
    /// `Minister-president Rutte:`
    MinisterPresident,
    /// Anyone else (`De heer Van Dijk:` without a party, a commissioner …).
    Other,
}

/// The speaker of a [`Speech`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker's role.
    pub role: Role,
    /// The title before the name as printed: `De heer`, `Mevrouw`,
    /// `Minister`, `Staatssecretaris`, `Minister-president`; `De` for the
    /// chair (whose `name` is then `voorzitter`).
    pub prefix: Option<String>,
    /// The name as printed, tussenvoegsels, first names and diacritics
    /// intact (`Van der Lee`, `Jasper van Dijk`, `Yeşilgöz-Zegerius`).
    pub name: String,
    /// The party, when printed (`CDA`, `GroenLinks-PvdA`).
    pub party: Option<String>,
    /// The office, when printed with the title (`van Financiën` in
    /// `Minister van Financiën Hoekstra:`).
    pub function: Option<String>,
    /// The label exactly as printed, Markdown emphasis included.
    pub label: String,
}

/// A speaker's turn: the label and everything said until the next label or
/// procedural line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speech {
    /// Who speaks.
    pub speaker: Speaker,
    /// The label line(s).
    pub label_span: Span,
    /// The prose paragraphs in order (motions read in the speech are in
    /// `content`, not here).
    pub paragraphs: Vec<Paragraph>,
    /// Everything in the speech in document order: references to
    /// `paragraphs`, the motions read, page furniture in between.
    pub content: Vec<Block>,
    /// From the label to the end of the last block.
    pub span: Span,
}

impl Speech {
    /// The motions read in this speech, in order.
    pub fn motions(&self) -> impl Iterator<Item = &Motion> {
        self.content.iter().filter_map(|b| match b {
            Block::Motion(m) => Some(&**m),
            _ => None,
        })
    }

    /// The speech's text as a person reads it: its paragraphs with the
    /// paragraphs of every motion read in it, in document order (the
    /// `Motie` heading and page furniture left out).
    pub fn text(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for block in &self.content {
            match block {
                Block::Paragraph { index } => {
                    if let Some(p) = self.paragraphs.get(*index) {
                        out.push(p.text.as_str());
                    }
                }
                Block::Motion(m) => out.extend(m.body.iter().map(|p| p.text.as_str())),
                _ => {}
            }
        }
        out
    }
}

/// One item of a speech's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Block {
    /// The paragraph `paragraphs[index]` of the speech.
    Paragraph {
        /// Index into [`Speech::paragraphs`].
        index: usize,
    },
    /// A motion read in the speech.
    Motion(Box<Motion>),
    /// Page furniture that fell inside the speech (its text is never part
    /// of a paragraph).
    PageFurniture(PageFurniture),
}

/// A paragraph: normalised text and the span it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Normalised text: NFC, whitespace collapsed, hard wraps and words split
    /// across lines or pages joined, page furniture left out, Markdown
    /// emphasis markers removed.
    pub text: String,
    /// From the first to the last byte of the paragraph in the input; page
    /// furniture inside it is covered too (and is a node of its own).
    pub span: Span,
    /// Set when the paragraph announces an interruption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interruption: Option<Box<Interruption>>,
}

/// What kind of interruption the chair announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InterruptionKind {
    /// `Er is een interruptie van mevrouw Michon-Derkzen.`
    Interruption,
    /// `Er is een vraag van mevrouw Van Eijs.`
    Question,
    /// `Er is een vraag over uw motie van mevrouw Voortman.`
    QuestionAboutMotion,
}

/// An interruption announced by the chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interruption {
    /// The kind of announcement.
    pub kind: InterruptionKind,
    /// The person named, as printed, with its title (`mevrouw Michon-Derkzen`).
    pub person: String,
    /// The person's name without the title (`Michon-Derkzen`).
    pub name: String,
    /// The party, when the chair names it (`mevrouw Straatman, CDA`).
    pub party: Option<String>,
}

/// Dossier and number of a Kamerstuk: `Zij krijgt nr. 1011 (26643).`
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MotionNumber {
    /// The dossier, suffix included (`26643`, `21501-08`, `36800-XVI`).
    pub dossier: String,
    /// The number within the dossier (`1011`).
    pub number: String,
}

impl MotionNumber {
    /// The identifier `kst-{dossier}-{number}`.
    pub fn id(&self) -> String {
        format!("kst-{}-{}", self.dossier, self.number)
    }
}

/// A submitter of a motion, from `Deze motie is voorgesteld door …`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitter {
    /// The name as printed (`Van Ginneken`, `Dekker-Abdulaziz`).
    pub name: String,
}

/// The opening of a consideration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConsiderationKind {
    /// `constaterende dat …`
    Constaterende,
    /// `overwegende dat …`
    Overwegende,
    /// `van mening dat …`, `van oordeel dat …`
    VanMening,
    /// `voorts constaterende …`, `voorts overwegende …`
    Voorts,
    /// `gelet op …`, `gezien …`
    GeletOp,
    /// Any other participle (`concluderende`, `erkennende`, `wijzend op` …).
    Other,
}

/// The operative verb of a dictum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DictumKind {
    /// `verzoekt de regering …`
    Verzoekt,
    /// `spreekt uit …`
    SpreektUit,
    /// `roept de regering op …`
    RoeptOp,
    /// `draagt het Presidium op …`
    DraagtOp,
    /// `besluit …`
    Besluit,
    /// Any other finite verb (`nodigt … uit`, `dringt aan` …).
    Other,
}

/// A consideration of a motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consideration {
    /// Classified by the opening word(s).
    pub kind: ConsiderationKind,
    /// The opening word(s) as printed (`voorts constaterende`).
    pub opening: String,
    /// The whole clause, normalised, opening included.
    pub text: String,
    /// The clause in the input.
    pub span: Span,
}

/// A dictum of a motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictum {
    /// Classified by the verb.
    pub kind: DictumKind,
    /// The opening word(s) as printed (`verzoekt`, `spreekt uit`).
    pub opening: String,
    /// The whole clause, normalised, opening included.
    pub text: String,
    /// The clause in the input.
    pub span: Span,
}

/// A motion: from `De Kamer,` to `en gaat over tot de orde van de dag.`,
/// with what the chair said of it afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Motion {
    /// `kst-{dossier}-{number}`, when the number is known.
    pub id: Option<String>,
    /// From `Zij krijgt nr. 1011 (26643).`
    pub number: Option<MotionNumber>,
    /// The number it replaces (`Zij krijgt nr. 726, was nr. 719 (21501-08).`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// From `Deze motie is voorgesteld door het lid / de leden …`.
    pub submitters: Vec<Submitter>,
    /// The submitter list ends in `c.s.` (*cum suis*: and others, unnamed).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cum_suis: bool,
    /// `Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.`
    pub seconded: bool,
    /// The considerations in order.
    pub considerations: Vec<Consideration>,
    /// The dicta in order.
    pub dicta: Vec<Dictum>,
    /// Every paragraph of the motion from `De Kamer,` to `en gaat over tot
    /// de orde van de dag.` in order, normalised.
    pub body: Vec<Paragraph>,
    /// The motion's lines, with its `Motie` heading and rules when present.
    pub span: Span,
}

/// What a procedural line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProceduralKind {
    /// `Aan de orde is het debat over …`
    AgendaAnnouncement,
    /// `De (algemene) beraadslaging wordt geopend.`
    DeliberationOpened,
    /// `De (algemene) beraadslaging wordt gesloten.`
    DeliberationClosed,
    /// `De vergadering wordt geopend.` / `… heropend.`
    SittingOpened,
    /// `De vergadering wordt gesloten.`
    SittingClosed,
    /// `(Zie vergadering van 3 april 2018.)` and other bracketed notes.
    Note,
}

/// A procedural line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedural {
    /// What it records.
    pub kind: ProceduralKind,
    /// The line, normalised.
    pub text: String,
    /// The line(s) in the input.
    pub span: Span,
}

/// A suspension of the sitting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    /// `11:20` from `van 11.20 uur`; `None` for `enkele ogenblikken`.
    pub from: Option<String>,
    /// `11:23` from `tot 11.23 uur`.
    pub until: Option<String>,
    /// The line, normalised.
    pub text: String,
    /// The line(s) in the input.
    pub span: Span,
}

/// What kind of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FurnitureKind {
    /// `Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.`,
    /// `Uit ongecorrigeerde verslagen mag niet letterlijk worden geciteerd.`
    Footer,
    /// `Tweede Kamer` followed by the debate's title.
    RunningHead,
    /// `TK 70 70-10-3`
    PageReference,
}

/// Page furniture: kept as a node, never part of speech text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageFurniture {
    /// What kind.
    pub kind: FurnitureKind,
    /// The line, trimmed.
    pub text: String,
    /// The line in the input.
    pub span: Span,
}

/// A Markdown rule `---`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThematicBreak {
    /// The line.
    pub span: Span,
}
