//! The accuracy harness of issue 7: compares what [`handelingen::parse`]
//! makes of the corpus texts with the corpus's ground truth.
//!
//! Shared by `tests/accuracy.rs` (which asserts the bars) and
//! `examples/accuracy.rs` (which prints the figures). The corpus folder holds
//! `NAME.LAYOUT.txt` beside `NAME.truth.json`; see the corpus's `SOURCES.md`.
//!
//! What is measured, per file and layout:
//! - **turns**: the sequence of `(role, name, party)` of our speeches is
//!   aligned with the truth's turns by [`align`] (an edit-distance alignment,
//!   not a positional zip); precision = matched / ours, recall = matched /
//!   truth, and their F1.
//! - **text**: of the matched turns, the fraction whose paragraphs
//!   ([`handelingen::Speech::text`], whitespace collapsed) equal the truth's
//!   paragraphs exactly.
//! - **roles**: a second alignment on `(name, party)` alone; the fraction of
//!   truth turns whose aligned turn has the same role, so that a wrong role
//!   counts as a wrong role rather than as a missing turn.
//! - **motions**: every truth motion is looked up among ours by dossier and
//!   number and must agree on submitters, number of considerations and of
//!   dicta; motions of ours that the truth lacks are reported as extra.
//! - **item**: the agenda item's title, and its number where our parse found
//!   one (only the Markdown layout prints it, so there it must be found).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use handelingen::{Document, Motion, NodeKind, Role, Speech};
use serde::Deserialize;

/// Minimum turn F1 per file and layout.
pub const MIN_TURN_F1: f64 = 0.995;
/// Minimum role accuracy per file and layout.
pub const MIN_ROLE_ACCURACY: f64 = 0.995;
/// Minimum fraction of matched turns with exactly the truth's text.
pub const MIN_EXACT_TEXT: f64 = 0.98;

/// How many mismatches of each kind a report shows per file and layout.
const SHOWN_PER_KIND: usize = 3;
/// How many characters of each side a text mismatch shows.
const EXCERPT_CHARS: usize = 80;
/// How many characters of common text a text mismatch shows before the
/// first difference.
const EXCERPT_CONTEXT: usize = 25;

// ---------------------------------------------------------------------------
// Ground truth
// ---------------------------------------------------------------------------

/// `NAME.truth.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct Truth {
    /// The agenda item, when the source has one.
    pub item: Option<TruthItem>,
    /// Every speaker turn in order.
    pub turns: Vec<TruthTurn>,
    /// The motions, when the source records them (`null`: unknown).
    pub motions: Option<Vec<TruthMotion>>,
    /// Every agenda item of a whole sitting, in order (`sittings/` only).
    #[serde(default)]
    pub items: Option<Vec<TruthItem>>,
}

/// The truth's agenda item.
#[derive(Debug, Clone, Deserialize)]
pub struct TruthItem {
    /// The number as printed, when known.
    pub number: Option<String>,
    /// The title.
    pub title: String,
}

/// One speaker turn of the truth.
#[derive(Debug, Clone, Deserialize)]
pub struct TruthTurn {
    /// `chair`, `member`, `minister`, `state_secretary` or `other`.
    pub role: String,
    /// `De` for the chair, `De heer`, `Mevrouw`, `Minister` …
    pub prefix: Option<String>,
    /// `voorzitter` for the chair.
    pub name: String,
    /// The party, for members.
    pub party: Option<String>,
    /// The paragraphs, motion bodies included.
    pub text: Vec<String>,
    /// The index of the turn this one interrupts (VLOS sittings only).
    #[serde(default)]
    pub thread: Option<usize>,
}

/// One motion of the truth.
#[derive(Debug, Clone, Deserialize)]
pub struct TruthMotion {
    /// `M-{dossier}-{number}`.
    pub id: String,
    /// The dossier (`21501-08`); `null` in one truth file, see
    /// [`TruthMotion::key`].
    pub dossier: Option<String>,
    /// The number within the dossier.
    pub number: Option<String>,
    /// The submitters' surnames in order.
    pub submitters: Vec<String>,
    /// How many considerations.
    pub considerations: usize,
    /// How many dicta.
    pub dicta: usize,
}

impl TruthMotion {
    /// The `(dossier, number)` of the motion, and whether it had to be
    /// derived from the id because the truth leaves dossier or number `null`
    /// (as it does for the amended motion in `h-tk-20172018-70-6`, whose text
    /// says `Zij krijgt nr. 726, was nr. 719 (21501-08).`).
    pub fn key(&self) -> (Option<(String, String)>, bool) {
        match (&self.dossier, &self.number) {
            (Some(d), Some(n)) => (Some((d.clone(), n.clone())), false),
            _ => (split_motion_id(&self.id), true),
        }
    }
}

/// Splits a truth id `M-{dossier}-{number}` into dossier and number; the
/// dossier may hold a hyphen itself (`M-21501-08-726`), the number is what
/// follows the last one.
pub fn split_motion_id(id: &str) -> Option<(String, String)> {
    let rest = id.strip_prefix("M-")?;
    let (dossier, number) = rest.rsplit_once('-')?;
    if dossier.is_empty() || number.is_empty() {
        return None;
    }
    Some((dossier.to_owned(), number.to_owned()))
}

// ---------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------

/// One text of the corpus with its truth.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Case {
    /// `h-tk-20172018-70-10`.
    pub name: String,
    /// `official`, `pdf` or `markdown`, from the file name.
    pub layout: String,
    /// `NAME.LAYOUT.txt`.
    pub text_path: PathBuf,
    /// `NAME.truth.json`.
    pub truth_path: PathBuf,
}

/// Every `NAME.LAYOUT.txt` in `dir` that has a `NAME.truth.json` beside it,
/// sorted by name and layout. Fails when `dir` cannot be read; an empty list
/// means the folder holds no pairs.
pub fn discover(dir: &Path) -> Result<Vec<Case>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read corpus folder {}: {e}", dir.display()))?;
    let mut cases = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|e| format!("cannot read corpus folder {}: {e}", dir.display()))?;
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some((name, layout)) = file_name
            .strip_suffix(".txt")
            .and_then(|stem| stem.rsplit_once('.'))
        else {
            continue;
        };
        if name.is_empty() || layout.is_empty() {
            continue;
        }
        let truth_path = dir.join(format!("{name}.truth.json"));
        if truth_path.is_file() {
            cases.push(Case {
                name: name.to_owned(),
                layout: layout.to_owned(),
                text_path: entry.path(),
                truth_path,
            });
        }
    }
    cases.sort();
    Ok(cases)
}

/// Reads, parses and scores one case.
pub fn run_case(case: &Case) -> Result<Evaluation, String> {
    let text = std::fs::read_to_string(&case.text_path)
        .map_err(|e| format!("cannot read {}: {e}", case.text_path.display()))?;
    let truth_json = std::fs::read_to_string(&case.truth_path)
        .map_err(|e| format!("cannot read {}: {e}", case.truth_path.display()))?;
    let truth: Truth = serde_json::from_str(&truth_json)
        .map_err(|e| format!("cannot read {}: {e}", case.truth_path.display()))?;
    let parsed = handelingen::parse(&text);
    let mut e = evaluate(&case.name, &case.layout, &parsed.document, &truth);
    e.threads =
        crate::sittings::threads(&parsed.document, parsed.analysis.as_ref(), &truth, &e.pairs);
    Ok(e)
}

// ---------------------------------------------------------------------------
// Alignment
// ---------------------------------------------------------------------------

/// One step of an [`align`]ment of `ours` with `truth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// `ours[.0]` equals `truth[.1]`.
    Match(usize, usize),
    /// `ours[.0]` stands where `truth[.1]` should (a substitution).
    Substitute(usize, usize),
    /// `ours[.0]` is not in the truth (a spurious turn).
    Extra(usize),
    /// `truth[.0]` is not in ours (a missed turn).
    Missing(usize),
}

/// Aligns two sequences by edit distance (Levenshtein: insertion, deletion
/// and substitution each cost 1; a pair is a match, at cost 0, only when the
/// items are equal). Among the alignments of least cost it takes one with
/// the most matches, so that `[X, A]` against `[A, Y]` matches the `A`s
/// (delete `X`, insert `Y`) rather than substituting twice.
///
/// The steps cover every index of both sequences once, in order. Time and
/// memory are `O(ours.len() * truth.len())`.
pub fn align<T: PartialEq>(ours: &[T], truth: &[T]) -> Vec<Step> {
    let (n, m) = (ours.len(), truth.len());
    let width = m + 1;
    // cell (i, j): best (cost, -matches) aligning ours[..i] with truth[..j].
    let mut table = vec![(0u32, 0i64); (n + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (u32::MAX, 0i64);
            if i > 0 && j > 0 {
                let (c, k) = table[at(i - 1, j - 1)];
                best = if ours[i - 1] == truth[j - 1] {
                    (c, k - 1)
                } else {
                    (c + 1, k)
                };
            }
            if i > 0 {
                let (c, k) = table[at(i - 1, j)];
                best = best.min((c + 1, k));
            }
            if j > 0 {
                let (c, k) = table[at(i, j - 1)];
                best = best.min((c + 1, k));
            }
            table[at(i, j)] = best;
        }
    }
    // Walk back from the end, taking a step whose predecessor explains the
    // cell's value.
    let mut steps = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = table[at(i, j)];
        if i > 0 && j > 0 {
            let (c, k) = table[at(i - 1, j - 1)];
            if ours[i - 1] == truth[j - 1] && here == (c, k - 1) {
                steps.push(Step::Match(i - 1, j - 1));
                i -= 1;
                j -= 1;
                continue;
            }
            if ours[i - 1] != truth[j - 1] && here == (c + 1, k) {
                steps.push(Step::Substitute(i - 1, j - 1));
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if i > 0 {
            let (c, k) = table[at(i - 1, j)];
            if here == (c + 1, k) {
                steps.push(Step::Extra(i - 1));
                i -= 1;
                continue;
            }
        }
        // Only an insertion is left to explain the cell.
        steps.push(Step::Missing(j - 1));
        j -= 1;
    }
    steps.reverse();
    steps
}

/// The matched pairs `(ours, truth)` of an alignment, in order.
pub fn matches(steps: &[Step]) -> impl Iterator<Item = (usize, usize)> + '_ {
    steps.iter().filter_map(|s| match *s {
        Step::Match(i, j) => Some((i, j)),
        _ => None,
    })
}

// ---------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------

/// `part / whole`, where an empty whole scores `if_empty`.
fn ratio(part: usize, whole: usize, if_empty: f64) -> f64 {
    if whole == 0 {
        if_empty
    } else {
        part as f64 / whole as f64
    }
}

/// Whitespace collapsed to single spaces, ends trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The snake_case name of a role, as the truth spells it.
pub fn role_name(role: Role) -> String {
    match serde_json::to_value(role) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{role:?}"),
    }
}

/// The speaker of a turn, ours or the truth's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnKey {
    /// The role's snake_case name.
    pub role: String,
    /// The title before the name (`De` for the chair); shown, not compared.
    pub prefix: Option<String>,
    /// The name (`voorzitter` for the chair).
    pub name: String,
    /// The party.
    pub party: Option<String>,
}

impl TurnKey {
    /// The speaker of our speech `s`.
    pub fn of_speech(s: &Speech) -> Self {
        TurnKey {
            role: role_name(s.speaker.role()),
            prefix: s.speaker.prefix().map(str::to_owned),
            name: s.speaker.name().to_string(),
            party: s.speaker.party().map(str::to_owned),
        }
    }

    /// The speaker of the truth's turn `t`.
    pub fn of_truth(t: &TruthTurn) -> Self {
        TurnKey {
            role: t.role.clone(),
            prefix: t.prefix.clone(),
            name: t.name.clone(),
            party: t.party.clone(),
        }
    }

    /// What the turn alignment compares: `(role, name, party)`.
    fn turn(&self) -> (&str, &str, Option<&str>) {
        (&self.role, &self.name, self.party.as_deref())
    }

    /// What the role alignment compares: `(name, party)`.
    pub fn person(&self) -> (&str, Option<&str>) {
        (&self.name, self.party.as_deref())
    }
}

impl std::fmt::Display for TurnKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: ", self.role)?;
        if let Some(prefix) = &self.prefix {
            write!(f, "{prefix} ")?;
        }
        write!(f, "{}", self.name)?;
        if let Some(party) = &self.party {
            write!(f, " ({party})")?;
        }
        Ok(())
    }
}

/// Turn counts of one file and layout.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Turns {
    /// Our speeches.
    pub ours: usize,
    /// The truth's turns.
    pub truth: usize,
    /// Aligned pairs with equal `(role, name, party)`.
    pub matched: usize,
}

impl Turns {
    /// matched / ours (1 when both are empty).
    pub fn precision(&self) -> f64 {
        ratio(
            self.matched,
            self.ours,
            if self.truth == 0 { 1.0 } else { 0.0 },
        )
    }

    /// matched / truth (1 when the truth has no turns).
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.truth, 1.0)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// A count of right answers out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Right answers.
    pub right: usize,
    /// Questions.
    pub total: usize,
}

impl Tally {
    /// right / total, `if_empty` when there was nothing to get right.
    pub fn fraction(&self, if_empty: f64) -> f64 {
        ratio(self.right, self.total, if_empty)
    }

    fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.total += other.total;
    }
}

/// How the agenda item fared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    /// `None` when the truth has no item (nothing to compare).
    pub title_ok: Option<bool>,
    /// `None` when the number is not compared (no number in our parse and
    /// none required of this layout, or no truth item).
    pub number_ok: Option<bool>,
    /// What went wrong, for the report.
    pub problem: Option<String>,
}

impl ItemResult {
    /// Whether nothing about the item is wrong.
    pub fn ok(&self) -> bool {
        self.title_ok != Some(false) && self.number_ok != Some(false)
    }

    /// `item ok nr=10`, `item MISS nr=n/a`, `item n/a`.
    fn label(&self) -> String {
        let Some(title_ok) = self.title_ok else {
            return "item n/a".to_owned();
        };
        let number = match self.number_ok {
            None => "n/a",
            Some(true) => "ok",
            Some(false) => "MISS",
        };
        let title = if title_ok { "ok" } else { "MISS" };
        format!("item {title} nr={number}")
    }
}

/// The figures of one file in one layout.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The file's name without layout and extension.
    pub name: String,
    /// The layout from the file name.
    pub layout: String,
    /// Turn alignment counts.
    pub turns: Turns,
    /// Truth turns whose (name, party)-aligned turn has the right role.
    pub roles: Tally,
    /// Matched turns whose text is exactly the truth's.
    pub text: Tally,
    /// Truth motions found and exactly right; `None` when the truth does
    /// not record motions.
    pub motions: Option<Tally>,
    /// Our motions the truth lacks (unnumbered ones included), described.
    pub extra_motions: Vec<String>,
    /// The agenda item.
    pub item: ItemResult,
    /// Every agenda item of a whole sitting, when the truth lists them.
    pub items: Option<crate::sittings::Items>,
    /// Interruptions in the right thread, when the truth places them (set
    /// by [`run_case`], which has the analysis layer).
    pub threads: Option<crate::sittings::Threads>,
    /// The matched turns: (index of our speech, index of the truth's turn).
    pub pairs: Vec<(usize, usize)>,
    /// Turn alignment errors, described (all of them; reports show a few).
    pub turn_mismatches: Vec<String>,
    /// Matched turns with the wrong text, described.
    pub text_mismatches: Vec<String>,
    /// Role mistakes, described.
    pub role_mismatches: Vec<String>,
    /// Motions missing or wrong, described.
    pub motion_mismatches: Vec<String>,
    /// Remarks that are not failures (oddities of the truth, a layout
    /// detected differently from the file name).
    pub notes: Vec<String>,
}

/// For each top-level speech, the text of the procedural lines
/// (suspensions included) that follow it before the next speech.
/// A change of chair (`Voorzitter: Arib`) between items is kept the same way.
/// A new agenda item ends what the truth puts under the turn before it.
fn trailing_procedural_text(doc: &Document) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut open = false;
    for node in &doc.nodes {
        let text = match &node.kind {
            NodeKind::Speech(_) => {
                out.push(Vec::new());
                open = true;
                continue;
            }
            NodeKind::AgendaItem(_) => {
                open = false;
                continue;
            }
            NodeKind::Procedural(p) => p.text.to_string(),
            NodeKind::Presiding(p) => format!("Voorzitter: {}", p.name),
            _ => continue,
        };
        if let Some(v) = out.last_mut().filter(|_| open) {
            v.push(text);
        }
    }
    out
}

/// Scores `doc`, parsed from the `layout` text of file `name`, against
/// `truth`.
pub fn evaluate(name: &str, layout: &str, doc: &Document, truth: &Truth) -> Evaluation {
    let speeches: Vec<&Speech> = doc.speeches().collect();
    let ours: Vec<TurnKey> = speeches.iter().map(|s| TurnKey::of_speech(s)).collect();
    let theirs: Vec<TurnKey> = truth.turns.iter().map(TurnKey::of_truth).collect();
    let mut notes = Vec::new();

    let detected = serde_json::to_value(doc.layout)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned));
    if let Some(detected) = detected {
        if ["official", "pdf", "markdown"].contains(&layout) && detected != layout {
            notes.push(format!(
                "{name} {layout}: layout detected as {detected}, the file name says {layout}"
            ));
        }
    }

    // Turns.
    let our_turns: Vec<_> = ours.iter().map(TurnKey::turn).collect();
    let their_turns: Vec<_> = theirs.iter().map(TurnKey::turn).collect();
    let steps = align(&our_turns, &their_turns);
    let turns = Turns {
        ours: ours.len(),
        truth: theirs.len(),
        matched: matches(&steps).count(),
    };
    let turn_mismatches = steps
        .iter()
        .filter_map(|step| match *step {
            Step::Match(..) => None,
            Step::Substitute(i, j) => Some(format!(
                "ours #{i} {} where truth #{j} is {}",
                ours[i], theirs[j]
            )),
            Step::Extra(i) => Some(format!("ours #{i} {} is not in the truth", ours[i])),
            Step::Missing(j) => Some(format!("truth #{j} {} is missing", theirs[j])),
        })
        .collect();

    // Text of the matched turns. Procedural lines between turns
    // (`De vergadering wordt … geschorst.`, `De beraadslaging wordt
    // gesloten.`) belong to no turn: in the official XML they are `<tekst>`
    // outside any `<spreekbeurt>`, and ParlaMint has them as `<note>`. The
    // official truth appends them to the turn before, ParlaMint's leaves them
    // out; the parser keeps them as nodes of their own, and both readings of
    // the truth are accepted here.
    let trailing = trailing_procedural_text(doc);
    let mut text = Tally::default();
    let mut text_mismatches = Vec::new();
    for (i, j) in matches(&steps) {
        text.total += 1;
        let got: Vec<String> = speeches[i].text().into_iter().map(collapse).collect();
        let want: Vec<String> = truth.turns[j].text.iter().map(|p| collapse(p)).collect();
        let with_procedural = || {
            let extra = trailing.get(i).into_iter().flatten().map(|t| collapse(t));
            got.iter().cloned().chain(extra).collect::<Vec<_>>()
        };
        match first_difference(&got, &want) {
            None => text.right += 1,
            Some(_) if first_difference(&with_procedural(), &want).is_none() => text.right += 1,
            Some(d) => text_mismatches.push(format!("truth #{j} {}: {d}", theirs[j])),
        }
    }

    // Roles, by a separate alignment on (name, party).
    let our_people: Vec<_> = ours.iter().map(TurnKey::person).collect();
    let their_people: Vec<_> = theirs.iter().map(TurnKey::person).collect();
    let mut roles = Tally {
        right: 0,
        total: theirs.len(),
    };
    let mut role_mismatches = Vec::new();
    for (i, j) in matches(&align(&our_people, &their_people)) {
        if ours[i].role == theirs[j].role {
            roles.right += 1;
        } else {
            role_mismatches.push(format!(
                "truth #{j} {}: ours says {}",
                theirs[j], ours[i].role
            ));
        }
    }

    // Motions.
    let our_motions: Vec<&Motion> = doc.motions().collect();
    let mut claimed = vec![false; our_motions.len()];
    let mut motion_mismatches = Vec::new();
    let motions = truth.motions.as_ref().map(|truth_motions| {
        let mut tally = Tally {
            right: 0,
            total: truth_motions.len(),
        };
        for t in truth_motions {
            let (key, derived) = t.key();
            let Some((dossier, number)) = key else {
                motion_mismatches.push(format!(
                    "truth motion {} has no dossier or number and its id does not give them",
                    t.id
                ));
                continue;
            };
            if derived {
                notes.push(format!(
                    "{name}: truth motion {} has dossier/number null (submitters {:?}); \
                     compared as dossier {dossier}, number {number}, taken from its id",
                    t.id, t.submitters
                ));
            }
            let found = our_motions.iter().enumerate().position(|(k, m)| {
                !claimed[k]
                    && m.number
                        .as_ref()
                        .is_some_and(|n| n.dossier == dossier && n.number == number)
            });
            let Some(k) = found else {
                motion_mismatches.push(format!("{} ({dossier}, nr. {number}) not found", t.id));
                continue;
            };
            claimed[k] = true;
            let problems = motion_problems(our_motions[k], t);
            if problems.is_empty() {
                tally.right += 1;
            } else {
                motion_mismatches.push(format!("{}: {}", t.id, problems.join("; ")));
            }
        }
        tally
    });
    let extra_motions = if motions.is_some() {
        our_motions
            .iter()
            .zip(&claimed)
            .filter(|(_, &c)| !c)
            .map(|(m, _)| describe_motion(m))
            .collect()
    } else {
        Vec::new()
    };

    let item = compare_item(layout, doc, truth);
    let items = crate::sittings::items(layout, doc, truth);
    let pairs = matches(&steps).collect();

    Evaluation {
        name: name.to_owned(),
        layout: layout.to_owned(),
        turns,
        roles,
        text,
        motions,
        extra_motions,
        item,
        items,
        threads: None,
        pairs,
        turn_mismatches,
        text_mismatches,
        role_mismatches,
        motion_mismatches,
        notes,
    }
}

/// What is wrong with our motion `m` given the truth's `t` (dossier and
/// number agree already: that is how `m` was found).
fn motion_problems(m: &Motion, t: &TruthMotion) -> Vec<String> {
    let mut problems = Vec::new();
    // An empty truth list matches only an empty list of ours: the one truth
    // motion without submitters is one whose text names none.
    let submitters: Vec<&str> = m.submitters.iter().map(|s| s.name.as_str()).collect();
    if submitters != t.submitters {
        problems.push(format!(
            "submitters {submitters:?}, truth {:?}",
            t.submitters
        ));
    }
    if m.considerations.len() != t.considerations {
        problems.push(format!(
            "{} considerations, truth {}",
            m.considerations.len(),
            t.considerations
        ));
    }
    if m.dicta.len() != t.dicta {
        problems.push(format!("{} dicta, truth {}", m.dicta.len(), t.dicta));
    }
    problems
}

/// `kst-29453-469` or `unnumbered motion at bytes 100..200 ("De Kamer, …")`.
fn describe_motion(m: &Motion) -> String {
    match &m.number {
        Some(n) => n.kamerstuk(),
        None => format!(
            "unnumbered motion at bytes {}..{} ({:?})",
            m.span.start,
            m.span.end,
            excerpt(m.body.first().map_or("", |p| p.text.as_str()), 0)
        ),
    }
}

/// Compares the agenda item. The title is compared whenever the truth has
/// an item; the number only when our parse found one, except in the
/// Markdown layout (the only one that prints it), where it must be found.
fn compare_item(layout: &str, doc: &Document, truth: &Truth) -> ItemResult {
    let Some(want) = &truth.item else {
        return ItemResult {
            title_ok: None,
            number_ok: None,
            problem: None,
        };
    };
    let got = doc.agenda_item();
    let mut problems = Vec::new();
    let want_title = collapse(&want.title);
    let title_ok = match got {
        None => {
            problems.push("no agenda item found".to_owned());
            false
        }
        Some(a) if collapse(&a.title) == want_title => true,
        Some(a) => {
            problems.push(format!(
                "title {:?}, truth {want_title:?}",
                collapse(&a.title)
            ));
            false
        }
    };
    let our_number = got.and_then(|a| a.number.as_deref());
    let number_ok = match (our_number, want.number.as_deref()) {
        (Some(ours), want_number) => {
            let ok = Some(ours) == want_number;
            if !ok {
                problems.push(format!("number {ours:?}, truth {want_number:?}"));
            }
            Some(ok)
        }
        (None, Some(want_number)) if layout == "markdown" => {
            problems.push(format!("no number, truth {want_number:?}"));
            Some(false)
        }
        (None, _) => None,
    };
    ItemResult {
        title_ok: Some(title_ok),
        number_ok,
        problem: (!problems.is_empty()).then(|| problems.join("; ")),
    }
}

/// Where two paragraph lists first differ, described with both sides
/// truncated; `None` when they are equal.
pub fn first_difference(ours: &[String], truth: &[String]) -> Option<String> {
    let k = ours
        .iter()
        .zip(truth)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(truth.len()));
    if k == ours.len() && k == truth.len() {
        return None;
    }
    let counts = format!("{} paragraphs, truth {}", ours.len(), truth.len());
    Some(match (ours.get(k), truth.get(k)) {
        (Some(a), Some(b)) => {
            let common = a
                .char_indices()
                .zip(b.chars())
                .find(|((_, x), y)| x != y)
                .map_or(a.len().min(b.len()), |((i, _), _)| i);
            let common = a[..common].chars().count();
            let from = common.saturating_sub(EXCERPT_CONTEXT);
            format!(
                "paragraph {k} differs at char {common} ({counts}): ours {:?} truth {:?}",
                excerpt(a, from),
                excerpt(b, from)
            )
        }
        (Some(a), None) => format!(
            "paragraph {k} is extra ({counts}): ours {:?}",
            excerpt(a, 0)
        ),
        (None, Some(b)) => format!(
            "paragraph {k} is missing ({counts}): truth {:?}",
            excerpt(b, 0)
        ),
        (None, None) => counts,
    })
}

/// Up to [`EXCERPT_CHARS`] chars of `text` from char `from`, with `…` where
/// cut.
fn excerpt(text: &str, from: usize) -> String {
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut chars = text.chars().skip(from);
    out.extend(chars.by_ref().take(EXCERPT_CHARS));
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

// ---------------------------------------------------------------------------
// Bars and reports
// ---------------------------------------------------------------------------

impl Evaluation {
    /// Fraction of matched turns with exact text (0 when nothing matched but
    /// the truth has turns).
    pub fn text_fraction(&self) -> f64 {
        self.text
            .fraction(if self.turns.truth == 0 { 1.0 } else { 0.0 })
    }

    /// Role accuracy over the truth's turns.
    pub fn role_fraction(&self) -> f64 {
        self.roles.fraction(1.0)
    }

    /// The bars this file and layout misses; empty when it passes.
    pub fn missed_bars(&self) -> Vec<String> {
        let mut missed = Vec::new();
        if self.turns.f1() < MIN_TURN_F1 {
            missed.push(format!("turn F1 {:.3} < {MIN_TURN_F1}", self.turns.f1()));
        }
        if self.role_fraction() < MIN_ROLE_ACCURACY {
            missed.push(format!(
                "role accuracy {:.3} < {MIN_ROLE_ACCURACY}",
                self.role_fraction()
            ));
        }
        if self.text_fraction() < MIN_EXACT_TEXT {
            missed.push(format!(
                "exact text {:.3} < {MIN_EXACT_TEXT}",
                self.text_fraction()
            ));
        }
        if let Some(m) = self.motions {
            if m.right < m.total {
                missed.push(format!("motions {}/{} exact", m.right, m.total));
            }
        }
        if !self.item.ok() {
            missed.push(format!(
                "agenda item: {}",
                self.item.problem.as_deref().unwrap_or("wrong")
            ));
        }
        if let Some(items) = self.items.as_ref().filter(|i| !i.ok()) {
            missed.push(format!(
                "agenda items {}/{} right, {} extra",
                items.right, items.total, items.extra
            ));
        }
        if let Some(threads) = self.threads.as_ref().filter(|t| !t.ok()) {
            missed.push(format!(
                "threads {:.3} < {}",
                threads.tally.fraction(1.0),
                crate::sittings::MIN_THREADS
            ));
        }
        missed
    }

    /// Whether every bar is met.
    pub fn passes(&self) -> bool {
        self.missed_bars().is_empty()
    }

    /// The figures on one line; `name_width` pads the name column.
    pub fn line(&self, name_width: usize) -> String {
        let t = &self.turns;
        let motions = match self.motions {
            Some(m) => format!("motions {}/{}", m.right, m.total),
            None => "motions n/a".to_owned(),
        };
        let extra = if self.extra_motions.is_empty() {
            String::new()
        } else {
            format!(" +{} extra", self.extra_motions.len())
        };
        let verdict = if self.passes() { "" } else { "  MISS" };
        let mut sitting = String::new();
        if let Some(i) = &self.items {
            let _ = write!(sitting, " items {}/{}", i.right, i.total);
            if i.extra > 0 {
                let _ = write!(sitting, " +{}", i.extra);
            }
        }
        if let Some(t) = &self.threads {
            let _ = write!(sitting, " threads {}/{}", t.tally.right, t.tally.total);
        }
        format!(
            "{:<name_width$}  {:<9} turns {}/{} P={:.3} R={:.3} F1={:.3} roles={:.3} text={:.3} {motions}{extra} {}{sitting}{verdict}",
            self.name,
            self.layout,
            t.matched,
            t.truth,
            t.precision(),
            t.recall(),
            t.f1(),
            self.role_fraction(),
            self.text_fraction(),
            self.item.label(),
        )
    }

    /// The bars missed on one line, then the first few mismatches of each
    /// kind, indented.
    pub fn details(&self) -> String {
        let mut out = String::new();
        let missed = self.missed_bars();
        if !missed.is_empty() {
            let _ = writeln!(
                out,
                "{} {} missed: {}",
                self.name,
                self.layout,
                missed.join("; ")
            );
        }
        let no_items = Vec::new();
        let no_threads = Vec::new();
        let kinds: [(&str, &[String]); 7] = [
            ("turn", &self.turn_mismatches),
            ("role", &self.role_mismatches),
            ("text", &self.text_mismatches),
            ("motion", &self.motion_mismatches),
            ("extra motion", &self.extra_motions),
            (
                "items",
                self.items.as_ref().map_or(&no_items, |i| &i.mismatches),
            ),
            (
                "thread",
                self.threads.as_ref().map_or(&no_threads, |t| &t.mismatches),
            ),
        ];
        for (kind, list) in kinds {
            for m in list.iter().take(SHOWN_PER_KIND) {
                let _ = writeln!(out, "    {kind}: {m}");
            }
            if list.len() > SHOWN_PER_KIND {
                let _ = writeln!(
                    out,
                    "    {kind}: … and {} more",
                    list.len() - SHOWN_PER_KIND
                );
            }
        }
        out
    }
}

/// Figures summed over every file and layout.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    /// Cases scored.
    pub cases: usize,
    /// Cases that met every bar.
    pub passed: usize,
    /// Summed turn counts.
    pub turns: Turns,
    /// Summed role tallies.
    pub roles: Tally,
    /// Summed text tallies.
    pub text: Tally,
    /// Summed motion tallies.
    pub motions: Tally,
    /// Our motions the truth lacks.
    pub extra_motions: usize,
    /// Agenda items compared and right.
    pub items: Tally,
}

impl Totals {
    /// Sums `evaluations`.
    pub fn of(evaluations: &[Evaluation]) -> Self {
        let mut t = Totals::default();
        for e in evaluations {
            t.cases += 1;
            t.passed += usize::from(e.passes());
            t.turns.ours += e.turns.ours;
            t.turns.truth += e.turns.truth;
            t.turns.matched += e.turns.matched;
            t.roles.add(e.roles);
            t.text.add(e.text);
            if let Some(m) = e.motions {
                t.motions.add(m);
            }
            t.extra_motions += e.extra_motions.len();
            if e.item.title_ok.is_some() {
                t.items.add(Tally {
                    right: usize::from(e.item.ok()),
                    total: 1,
                });
            }
        }
        t
    }

    /// The TOTAL line; `name_width` pads the name column.
    pub fn line(&self, name_width: usize) -> String {
        let t = &self.turns;
        let text_if_empty = if t.truth == 0 { 1.0 } else { 0.0 };
        format!(
            "{:<name_width$}  {:<9} turns {}/{} P={:.3} R={:.3} F1={:.3} roles={:.3} text={:.3} motions {}/{} +{} extra items {}/{}  passed {}/{}",
            "TOTAL",
            "",
            t.matched,
            t.truth,
            t.precision(),
            t.recall(),
            t.f1(),
            self.roles.fraction(1.0),
            self.text.fraction(text_if_empty),
            self.motions.right,
            self.motions.total,
            self.extra_motions,
            self.items.right,
            self.items.total,
            self.passed,
            self.cases,
        )
    }
}

/// The width of the name column for `evaluations`.
pub fn name_width(evaluations: &[Evaluation]) -> usize {
    evaluations
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("TOTAL".len())
}

/// The figures of every case, the TOTAL line and the notes (each once);
/// with `details`, the misses and first mismatches of every failing case.
pub fn report(evaluations: &[Evaluation], errors: &[String], details: bool) -> String {
    let width = name_width(evaluations);
    let mut out = String::new();
    for e in evaluations {
        let _ = writeln!(out, "{}", e.line(width));
    }
    let _ = writeln!(out, "{}", Totals::of(evaluations).line(width));
    for error in errors {
        let _ = writeln!(out, "error: {error}");
    }
    let notes: BTreeSet<&String> = evaluations.iter().flat_map(|e| &e.notes).collect();
    for note in notes {
        let _ = writeln!(out, "note: {note}");
    }
    if details {
        for e in evaluations
            .iter()
            .filter(|e| !e.passes() || std::env::var_os("ACC_ALL").is_some())
        {
            out.push_str(&e.details());
        }
    }
    out
}
