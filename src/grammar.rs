//! The grammar: small nom parsers, one per rule, each with the text it
//! accepts in its doc comment.
//!
//! Line rules (labels, headings, page furniture) look at one line; paragraph
//! rules (motion clauses, suspensions, procedural lines, the chair's motion
//! information) look at the normalised text of one paragraph. None of them
//! allocates unless it matches, and none looks further than its line or
//! paragraph, so the cost of the whole grammar is linear in the input.
//!
//! nom's error type stays in this module: a rule either matches (`Some`) or
//! does not (`None`).

use std::sync::OnceLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{opt, recognize, rest};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use regex::Regex;

use crate::search::{any_in, re, Words};

use crate::ast::{
    ConsiderationKind, DictumKind, FurnitureKind, InterruptionKind, ProceduralKind, Role,
};

// ---------------------------------------------------------------------------
// Speaker labels
// ---------------------------------------------------------------------------

/// A speaker label recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    pub role: Role,
    pub prefix: &'a str,
    pub name: &'a str,
    pub party: Option<&'a str>,
    pub function: Option<&'a str>,
    /// Text after the label on the same line (older volumes:
    /// `De heer Koerhuis (VVD): Voorzitter. Er is …`), trimmed; may be empty.
    pub rest: &'a str,
}

/// Lowercase name particles (tussenvoegsels): `van`, `der`, `de`, `'t` …
const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "het", "'t", "’t", "te", "ten", "ter", "in", "op", "uit", "la",
    "le", "du", "da", "di", "dos", "del", "el", "al", "von", "zu", "vd",
];

/// Words of ministries' names, which come between a title and a name:
/// `Minister van Justitie en Veiligheid Yeşilgöz-Zegerius:`.
const OFFICE_WORDS: &[&str] = &[
    "Algemene",
    "Armoedebeleid",
    "Asiel",
    "Basis",
    "Belastingdienst",
    "Beroepsonderwijs",
    "Binnenlandse",
    "Bouwen",
    "Buitenlandse",
    "Cultuur",
    "Defensie",
    "Digitalisering",
    "Douane",
    "Economische",
    "Emancipatie",
    "Energie",
    "Europese",
    "Financiën",
    "Fiscaliteit",
    "Gezin",
    "Gezondheid",
    "Groei",
    "Groene",
    "Groningen",
    "Handel",
    "Herstel",
    "Hersteloperatie",
    "Hoger",
    "Immigratie",
    "Infrastructuur",
    "Integratie",
    "Jeugd",
    "Justitie",
    "Klimaat",
    "Koninkrijk",
    "Koninkrijksrelaties",
    "Landbouw",
    "Langdurige",
    "Media",
    "Medische",
    "Migratie",
    "Milieu",
    "Mijnbouw",
    "Natuur",
    "Onderwijs",
    "Ontwikkelingshulp",
    "Ontwikkelingssamenwerking",
    "Ordening",
    "Participatie",
    "Pensioenen",
    "Preventie",
    "Primair",
    "Rechtsbescherming",
    "Ruimte",
    "Ruimtelijke",
    "Sociale",
    "Sport",
    "Staatsdeelnemingen",
    "Toeslagen",
    "Verkeer",
    "Veiligheid",
    "Visserij",
    "Voedselkwaliteit",
    "Volksgezondheid",
    "Volkshuisvesting",
    "Voortgezet",
    "Vreemdelingenzaken",
    "Waterstaat",
    "Welzijn",
    "Werkgelegenheid",
    "Wetenschap",
    "Wonen",
    "Zaken",
    "Zorg",
];

/// Connecting words inside an office: `van`, `voor`, `en`, `zonder`.
const OFFICE_LINKS: &[&str] = &["van", "voor", "en", "zonder", "portefeuille", "de", "het"];

fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.')
}

/// One word of a name: `Slootweg`, `Dekker-Abdulaziz`, `Yeşilgöz-Zegerius`,
/// `van`, `'t`.
fn name_word(i: &str) -> IResult<&str, &str> {
    take_while1(is_name_char).parse(i)
}

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// A person's name: words separated by single spaces, each capitalised or a
/// particle, the last one capitalised.
///
/// `Slootweg`, `Van Ginneken`, `Van der Lee`, `Jasper van Dijk`,
/// `Nijkerken-de Haan`, `Bruins Slot`, `El Boujdaini`.
fn person_name(i: &str) -> IResult<&str, &str> {
    let mut end = 0;
    let mut last_ok = None;
    let mut words = 0;
    loop {
        let here = i.get(end..).unwrap_or("");
        let Ok((after, word)) = name_word(here) else {
            break;
        };
        if !(is_capitalised(word) || is_particle(word)) || word.starts_with('-') {
            break;
        }
        words += 1;
        end = i.len() - after.len();
        if is_capitalised(word) {
            last_ok = Some(end);
        }
        if words > 8 {
            break;
        }
        match after.strip_prefix(' ') {
            Some(next) if next.starts_with(|c: char| is_name_char(c)) => end += 1,
            _ => break,
        }
    }
    match last_ok {
        Some(e) => Ok((i.get(e..).unwrap_or(""), i.get(..e).unwrap_or(""))),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        ))),
    }
}

/// A party in brackets: `(CDA)`, `(GroenLinks-PvdA)`, `(50PLUS)`,
/// `(Groep Van Haga)`.
fn party(i: &str) -> IResult<&str, &str> {
    delimited(
        char('('),
        take_while1(|c: char| c != '(' && c != ')' && c != ':'),
        char(')'),
    )
    .parse(i)
    .and_then(|(rest, p)| {
        if p.len() <= 60 && !p.trim().is_empty() {
            Ok((rest, p.trim()))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )))
        }
    })
}

/// The end of a label: `:` and what follows on the line.
fn label_end(i: &str) -> IResult<&str, &str> {
    preceded((space0, char(':')), rest).parse(i)
}

/// `De voorzitter:`
fn chair_label(i: &str) -> IResult<&str, Label<'_>> {
    let (i, (prefix, _, name)) = (tag("De"), space1, tag("voorzitter")).parse(i)?;
    let (i, rest) = label_end(i)?;
    Ok((
        i,
        Label {
            role: Role::Chair,
            prefix,
            name,
            party: None,
            function: None,
            rest: rest.trim(),
        },
    ))
}

/// `De heer Slootweg (CDA):`, `Mevrouw Van Ginneken (D66):`; without a party
/// (`De heer Van Dijk:`) the role is `other`.
fn member_label(i: &str) -> IResult<&str, Label<'_>> {
    let (i, prefix) = alt((tag("De heer"), tag("Mevrouw"))).parse(i)?;
    let (i, name) = preceded(space1, person_name).parse(i)?;
    let (i, party) = opt(preceded(space0, party)).parse(i)?;
    let (i, rest) = label_end(i)?;
    Ok((
        i,
        Label {
            role: if party.is_some() {
                Role::Member
            } else {
                Role::Other
            },
            prefix,
            name,
            party,
            function: None,
            rest: rest.trim(),
        },
    ))
}

/// An office after a title: `van Financiën`, `van Justitie en Veiligheid`,
/// `voor Medische Zorg en Sport`, `zonder portefeuille`.
fn office(i: &str) -> IResult<&str, &str> {
    let (_, first) = name_word(i)?;
    if !matches!(first, "van" | "voor" | "zonder") {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    let mut end = 0;
    loop {
        let here = i.get(end..).unwrap_or("");
        let Ok((after, word)) = name_word(here) else {
            break;
        };
        let bare = word.trim_end_matches(',');
        if !(OFFICE_LINKS.contains(&bare) || OFFICE_WORDS.contains(&bare)) {
            break;
        }
        let after = after.strip_prefix(',').unwrap_or(after);
        end = i.len() - after.len();
        match after.strip_prefix(' ') {
            Some(_) => end += 1,
            None => break,
        }
    }
    let office = i.get(..end).unwrap_or("").trim_end();
    if office.is_empty() {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        )));
    }
    Ok((i.get(end..).unwrap_or(""), office))
}

/// `Minister Yeşilgöz-Zegerius:`, `Minister van Financiën Hoekstra:`,
/// `Staatssecretaris Rutte:`, `Minister-president Rutte:`.
fn government_label(i: &str) -> IResult<&str, Label<'_>> {
    let (i, prefix) = alt((
        tag("Minister-president"),
        tag("Minister-President"),
        tag("Minister"),
        tag("Staatssecretaris"),
    ))
    .parse(i)?;
    let role = match prefix {
        "Minister" => Role::Minister,
        "Staatssecretaris" => Role::StateSecretary,
        _ => Role::MinisterPresident,
    };
    let (i, _) = space1(i)?;
    let (i, function) = opt(terminated(office, space0)).parse(i)?;
    let (i, name) = person_name(i)?;
    let (i, rest) = label_end(i)?;
    Ok((
        i,
        Label {
            role,
            prefix,
            name,
            party: None,
            function,
            rest: rest.trim(),
        },
    ))
}

/// Recognises a speaker label at the start of a (trimmed) line, in any
/// layout: `De voorzitter:`, `De heer Slootweg (CDA):`,
/// `Mevrouw **Van Ginneken** (D66):`, `**De heer Slootweg (CDA):**`,
/// `**Minister Yeşilgöz-Zegerius:**`.
///
/// Markdown emphasis is only accepted when the label is alone on its line;
/// the label of older volumes, followed by text on the same line, is
/// returned with that text in `rest`.
pub(crate) fn label(line: &str) -> Option<Label<'_>> {
    if line.len() > 400 {
        return None;
    }
    alt((chair_label, member_label, government_label))
        .parse(line)
        .ok()
        .map(|(_, l)| l)
}

/// The owned form of [`label`] for a line with Markdown emphasis, which is
/// stripped first: the label must then take the whole line.
pub(crate) fn markdown_label(line: &str) -> Option<OwnedLabel> {
    if !line.contains("**") || line.len() > 400 {
        return None;
    }
    let plain = line.replace("**", "");
    let l = label(plain.trim())?;
    if !l.rest.is_empty() {
        return None;
    }
    Some(OwnedLabel::from(&l))
}

/// A [`Label`] that owns its strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OwnedLabel {
    pub role: Role,
    pub prefix: String,
    pub name: String,
    pub party: Option<String>,
    pub function: Option<String>,
}

impl From<&Label<'_>> for OwnedLabel {
    fn from(l: &Label<'_>) -> Self {
        OwnedLabel {
            role: l.role,
            prefix: l.prefix.to_string(),
            name: l.name.to_string(),
            party: l.party.map(str::to_string),
            function: l.function.map(str::to_string),
        }
    }
}

/// `Voorzitter: Bergkamp` at the top of a stenogram: who presides.
pub(crate) fn presiding(line: &str) -> Option<&str> {
    let parsed: IResult<&str, &str> =
        preceded((tag("Voorzitter"), space0, char(':'), space0), person_name).parse(line);
    match parsed {
        Ok((rest, name)) if rest.trim().is_empty() => Some(name),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Other line rules
// ---------------------------------------------------------------------------

/// A Markdown heading: `## 7`, `### Uitvoering motie-Van Raan c.s. …`,
/// `#### Motie`. Returns the level and the text.
pub(crate) fn heading(line: &str) -> Option<(u8, &str)> {
    let parsed: IResult<&str, &str> = terminated(take_while1(|c| c == '#'), space1).parse(line);
    let (text, hashes) = parsed.ok()?;
    let level = u8::try_from(hashes.len()).ok().filter(|l| *l <= 6)?;
    let text = text.trim().trim_end_matches('#').trim();
    Some((level, text))
}

/// A Markdown rule: `---`, `***`, `___` (three or more, spaces allowed).
pub(crate) fn thematic_break(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_')
        && line.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && chars.all(|c| c == first)
}

/// Page furniture recognisable on its own line: the two footers of an
/// uncorrected transcript, and page references `TK 70 70-10-3`.
pub(crate) fn furniture(line: &str) -> Option<FurnitureKind> {
    const FOOTERS: &[&str] = &[
        "Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.",
        "Uit ongecorrigeerde verslagen mag niet letterlijk worden geciteerd.",
    ];
    if FOOTERS.contains(&line) {
        return Some(FurnitureKind::Footer);
    }
    let page_ref: IResult<&str, &str> = recognize((
        tag("TK"),
        space1,
        digit1,
        space1,
        take_while1(|c: char| c.is_ascii_digit() || c == '-'),
    ))
    .parse(line);
    match page_ref {
        Ok((rest, _)) if rest.trim().is_empty() => Some(FurnitureKind::PageReference),
        _ => None,
    }
}

/// The running head of a page: `Tweede Kamer` and the debate's title. Only a
/// candidate: the assembler accepts it next to a page reference or footer.
pub(crate) fn running_head(line: &str) -> bool {
    line.starts_with("Tweede Kamer") && line.len() < 200
}

// ---------------------------------------------------------------------------
// Paragraph rules
// ---------------------------------------------------------------------------

/// A printed time (`9.05 uur`: hour `9`, minute `05`) as `HH:MM` (`09:05`),
/// the form every time in the tree and the analysis layer takes.
pub(crate) fn clock(hour: &str, minute: &str) -> String {
    format!("{hour:0>2}:{minute}")
}

/// `De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.` →
/// `(Some("11:20"), Some("11:23"))`; `… wordt enkele ogenblikken geschorst.`
/// → `(None, None)`; `… wordt tot 18.30 uur geschorst.` → `(None, Some(…))`.
pub(crate) fn suspension(text: &str) -> Option<(Option<String>, Option<String>)> {
    // The regex is anchored there; most paragraphs fail here, before a
    // `captures` call (which allocates).
    if !text.starts_with("De vergadering wordt ") {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"^De vergadering wordt (?:(?:om|van) (\d{1,2})[.:](\d{2}) uur )?(?:tot (\d{1,2})[.:](\d{2}) uur )?(?:enkele ogenblikken |kort |voor \S+ minuten )?geschorst(?: tot (\d{1,2})[.:](\d{2}) uur)?\.$",
    );
    let c = re.captures(text)?;
    let time = |h: usize, m: usize| Some(clock(c.get(h)?.as_str(), c.get(m)?.as_str()));
    Some((time(1, 2), time(3, 4).or_else(|| time(5, 6))))
}

/// Procedural lines that are no one's speech:
/// `De beraadslaging wordt gesloten.`, `De algemene beraadslaging wordt
/// geopend.`, `De vergadering wordt om 10.15 uur geopend.`,
/// `(Zie vergadering van 3 april 2018.)`.
pub(crate) fn procedural(text: &str) -> Option<ProceduralKind> {
    // The longest line the regex takes is under 80 bytes.
    if text.len() > 100 && !text.starts_with('(') {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"^De (?:(?:algemene |voortgezette algemene )?beraadslaging|vergadering) wordt (?:om \d{1,2}[.:]\d{2} uur )?(geopend|heropend|hervat|gesloten)\.$",
    );
    if let Some(c) = re.captures(text) {
        let sitting = text.starts_with("De vergadering");
        return Some(match (sitting, c.get(1).map(|m| m.as_str())) {
            (false, Some("gesloten")) => ProceduralKind::DeliberationClosed,
            (false, _) => ProceduralKind::DeliberationOpened,
            (true, Some("gesloten")) => ProceduralKind::SittingClosed,
            (true, _) => ProceduralKind::SittingOpened,
        });
    }
    if text.starts_with('(') && text.ends_with(')') && text.len() < 300 {
        return Some(ProceduralKind::Note);
    }
    None
}

/// `Aan de orde is het debat over …`, `Aan de orde zijn de stemmingen …`.
pub(crate) fn agenda_announcement(text: &str) -> bool {
    text.starts_with("Aan de orde is ") || text.starts_with("Aan de orde zijn ")
}

/// The first line of a motion: `De Kamer,`.
pub(crate) fn motion_opening(text: &str) -> bool {
    text == "De Kamer," || text.starts_with("De Kamer, gehoord de beraadslaging")
}

/// The last line of a motion: `en gaat over tot de orde van de dag.`
pub(crate) fn motion_closing(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("gaat over tot de orde van de dag.")
        || t.ends_with("gaat over tot de orde van de dag")
}

/// `Motie`, `Motie (gewijzigd)`, `Gewijzigde motie`: a heading before `De
/// Kamer,` (Markdown: `#### Motie`, or `Motie` between rules).
pub(crate) fn motion_heading(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    matches!(
        t,
        "Motie" | "Motie (gewijzigd)" | "Gewijzigde motie" | "Amendement"
    )
}

/// A clause of a motion, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clause {
    /// `gehoord de beraadslaging,`
    Heard,
    /// A consideration, with the byte length of its opening words.
    Consideration(ConsiderationKind, usize),
    /// A dictum, with the byte length of its opening words.
    Dictum(DictumKind, usize),
}

/// Classifies a clause of a motion by its opening words.
///
/// Considerations: `constaterende dat …`, `overwegende dat …`, `van mening
/// dat …`, `voorts constaterende …`, `gelet op …`, any participle in
/// `-ende` (`concluderende`, `erkennende`). Dicta: `verzoekt de regering …`,
/// `spreekt uit …`, `roept … op`, `draagt … op`, `besluit …`, `nodigt … uit`.
pub(crate) fn clause(text: &str) -> Option<Clause> {
    let lower_first = text.split_whitespace().next().unwrap_or("");
    if text.starts_with("gehoord de beraadslaging") {
        return Some(Clause::Heard);
    }
    let words: Vec<&str> = text.split_whitespace().take(3).collect();
    let w = |n: usize| words.get(n).copied().unwrap_or("");
    let len_of = |n: usize| -> usize {
        // Byte length of the first n words as printed, separators included.
        let mut end = 0;
        for word in text.split_whitespace().take(n) {
            if let Some(pos) = text.get(end..).and_then(|r| r.find(word)) {
                end += pos + word.len();
            }
        }
        end
    };
    let first = lower_first.trim_end_matches(',');
    let (skip, head) = match first {
        "voorts" | "tevens" | "mede" | "en" | "alsmede" | "ook" => (1, w(1).trim_end_matches(',')),
        _ => (0, first),
    };
    let consideration = |kind: ConsiderationKind, n: usize| {
        let kind = if first == "voorts" {
            ConsiderationKind::Voorts
        } else {
            kind
        };
        Some(Clause::Consideration(kind, len_of(skip + n)))
    };
    match head {
        "constaterende" => return consideration(ConsiderationKind::Constaterende, 1),
        "overwegende" => return consideration(ConsiderationKind::Overwegende, 1),
        "van" if matches!(w(skip + 1), "mening" | "oordeel" | "mening," | "oordeel,") => {
            return consideration(ConsiderationKind::VanMening, 2)
        }
        "gelet" | "gezien" => {
            let n = if w(skip + 1) == "op" { 2 } else { 1 };
            return consideration(ConsiderationKind::GeletOp, n);
        }
        _ => {}
    }
    let dictum = |kind: DictumKind, n: usize| Some(Clause::Dictum(kind, len_of(skip + n)));
    match head {
        "verzoekt" => return dictum(DictumKind::Verzoekt, 1),
        "spreekt" => return dictum(DictumKind::SpreektUit, 1),
        "roept" => return dictum(DictumKind::RoeptOp, 1),
        "draagt" => return dictum(DictumKind::DraagtOp, 1),
        "besluit" => return dictum(DictumKind::Besluit, 1),
        "nodigt" | "dringt" | "vraagt" | "geeft" | "wijst" | "stelt" | "verklaart" | "keurt"
        | "betreurt" | "veroordeelt" | "steunt" | "onderschrijft" | "uit" | "beveelt" => {
            return dictum(DictumKind::Other, 1)
        }
        _ => {}
    }
    if head.len() > 4 && head.chars().all(|c| c.is_lowercase()) && head.ends_with("ende") {
        return consideration(ConsiderationKind::Other, 1);
    }
    None
}

/// `Deze motie is voorgesteld door het lid Slootweg.` / `… door de leden
/// Slootweg en Kuik.` → the submitters, in order, and whether the list ends
/// in `c.s.` (*cum suis*: and others, unnamed).
pub(crate) fn submitters(text: &str) -> Option<(Vec<String>, bool)> {
    let parsed: IResult<&str, &str> = preceded(
        (
            alt((
                tag("Deze motie is voorgesteld door"),
                tag("Dit amendement is voorgesteld door"),
            )),
            space1,
            alt((tag("het lid"), tag("de leden"))),
            space1,
        ),
        rest,
    )
    .parse(text);
    let (_, list) = parsed.ok()?;
    let list = list.split(". ").next().unwrap_or(list);
    let list = list.strip_suffix('.').unwrap_or(list);
    let (list, cum_suis) = match list.strip_suffix(" c.s") {
        Some(l) => (l, true),
        None => (list, false),
    };
    let mut names = Vec::new();
    for part in list.split(", ") {
        for name in part.split(" en ") {
            let name = name.trim();
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
    }
    (!names.is_empty()).then_some((names, cum_suis))
}

/// `Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.`
pub(crate) fn seconded(text: &str) -> bool {
    text.contains("wordt de indiening ervan voldoende ondersteund")
}

/// `Zij krijgt nr. 1011 (26643).`, `Zij krijgt nr. 726, was nr. 719
/// (21501-08).`, `Zij krijgt nr. 456 (36800-XVI).` → (number, dossier,
/// replaced number).
pub(crate) fn motion_number(text: &str) -> Option<(String, String, Option<String>)> {
    // Most of the chair's paragraphs do not hold it: one search before the
    // regex's `captures` (which allocates).
    static KRIJGT: OnceLock<Words> = OnceLock::new();
    if !any_in(&KRIJGT, &[" krijgt nr"], text) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &RE,
        r"(?:^|\. )(?:Zij|Het|Hij) krijgt nr\. ?(\d+[A-Za-z]?)(?:, was nr\. ?(\d+[A-Za-z]?))? \((\d+(?:[- ][0-9A-Z]+)*)\)\.",
    );
    let c = re.captures(text)?;
    Some((
        c.get(1)?.as_str().to_string(),
        c.get(3)?.as_str().replace(' ', "-"),
        c.get(2).map(|m| m.as_str().to_string()),
    ))
}

/// `Er is een interruptie van mevrouw Michon-Derkzen.`, `Er is een vraag
/// over uw motie van mevrouw Voortman.`, `Dan is er een interruptie van
/// mevrouw Straatman, CDA.`, `Meneer Van Houwelingen heeft nog één
/// interruptie.` → kind, person as printed, name, party.
pub(crate) fn interruption(
    text: &str,
) -> Option<(InterruptionKind, String, String, Option<String>)> {
    // Every form names an `interruptie` or a `vraag`: one search before
    // the regexes' `captures` (which allocate).
    static WORDS: OnceLock<Words> = OnceLock::new();
    if !any_in(&WORDS, &["interruptie", "vraag"], text) {
        return None;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    static HAS: OnceLock<Regex> = OnceLock::new();
    let has = re(
        &HAS,
        r"(?:^|[.!?] )((?:De heer|Mevrouw|Meneer) ([^,.]+?)) heeft nog (?:één|een) (interruptie|vraag)\.",
    );
    if let Some(c) = has.captures(text) {
        let kind = match c.get(3)?.as_str() {
            "interruptie" => InterruptionKind::Interruption,
            _ => InterruptionKind::Question,
        };
        return Some((
            kind,
            c.get(1)?.as_str().to_string(),
            c.get(2)?.as_str().to_string(),
            None,
        ));
    }
    let re = re(
        &RE,
        r"(?:^|[.!?] )(?:Er is|Dan is er|U heeft|Er komt|Er is nog) (?:nog )?een (interruptie|vraag over uw motie|vraag) van ((?:de heer|mevrouw|meneer) ([^,.]+?))(?:, ([^,.]+?))?\.",
    );
    let c = re.captures(text)?;
    let kind = match c.get(1)?.as_str() {
        "interruptie" => InterruptionKind::Interruption,
        "vraag" => InterruptionKind::Question,
        _ => InterruptionKind::QuestionAboutMotion,
    };
    Some((
        kind,
        c.get(2)?.as_str().to_string(),
        c.get(3)?.as_str().to_string(),
        c.get(4).map(|m| m.as_str().to_string()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let l = label("De heer Slootweg (CDA):").unwrap();
        assert_eq!(
            (l.role, l.name, l.party),
            (Role::Member, "Slootweg", Some("CDA"))
        );
        let l = label("Mevrouw Nijkerken-de Haan (VVD):").unwrap();
        assert_eq!(l.name, "Nijkerken-de Haan");
        let l = label("De heer Jasper van Dijk (SP):").unwrap();
        assert_eq!(l.name, "Jasper van Dijk");
        let l = label("Mevrouw Kathmann (GroenLinks-PvdA):").unwrap();
        assert_eq!(l.party, Some("GroenLinks-PvdA"));
        let l = label("Minister Yeşilgöz-Zegerius:").unwrap();
        assert_eq!((l.role, l.name), (Role::Minister, "Yeşilgöz-Zegerius"));
        let l = label("Minister van Financiën Hoekstra:").unwrap();
        assert_eq!((l.function, l.name), (Some("van Financiën"), "Hoekstra"));
        let l =
            label("Minister van Binnenlandse Zaken en Koninkrijksrelaties Bruins Slot:").unwrap();
        assert_eq!(l.name, "Bruins Slot");
        let l = label("Minister Van Ark:").unwrap();
        assert_eq!((l.function, l.name), (None, "Van Ark"));
        let l = label("Staatssecretaris Rutte:").unwrap();
        assert_eq!(l.role, Role::StateSecretary);
        let l = label("Minister-president Rutte:").unwrap();
        assert_eq!(l.role, Role::MinisterPresident);
        let l = label("De voorzitter:").unwrap();
        assert_eq!(
            (l.role, l.prefix, l.name),
            (Role::Chair, "De", "voorzitter")
        );
        let l = label("De heer Koerhuis (VVD): Voorzitter. Er is …").unwrap();
        assert_eq!(l.rest, "Voorzitter. Er is …");
        assert!(label(
            "De motie-Wassenberg (21501-08, nr. 719) is in die zin gewijzigd dat zij thans luidt:"
        )
        .is_none());
        assert!(label("Ik stel voor toe te voegen aan de agenda:").is_none());
        assert!(label("de heer Koerhuis (VVD): ja.").is_none());
        let m = markdown_label("Mevrouw **Van Ginneken** (D66):").unwrap();
        assert_eq!(m.name, "Van Ginneken");
        let m = markdown_label("**Minister Yeşilgöz-Zegerius:**").unwrap();
        assert_eq!(m.role, Role::Minister);
        assert_eq!(presiding("Voorzitter: Bergkamp"), Some("Bergkamp"));
    }

    #[test]
    fn paragraph_rules() {
        assert_eq!(
            suspension("De vergadering wordt van 11.20 uur tot 11.23 uur geschorst."),
            Some((Some("11:20".into()), Some("11:23".into())))
        );
        assert_eq!(
            suspension("De vergadering wordt enkele ogenblikken geschorst."),
            Some((None, None))
        );
        assert_eq!(
            procedural("De beraadslaging wordt gesloten."),
            Some(ProceduralKind::DeliberationClosed)
        );
        assert_eq!(
            motion_number("Zij krijgt nr. 726, was nr. 719 (21501-08)."),
            Some(("726".into(), "21501-08".into(), Some("719".into())))
        );
        assert_eq!(
            motion_number("Zij krijgt nr. 456 (36800-XVI)."),
            Some(("456".into(), "36800-XVI".into(), None))
        );
        assert_eq!(
            submitters("Deze motie is voorgesteld door de leden Kathmann, El Boujdaini, Dassen en Teunissen."),
            Some((vec!["Kathmann".into(), "El Boujdaini".into(), "Dassen".into(), "Teunissen".into()], false))
        );
        assert_eq!(
            submitters("Deze motie is voorgesteld door het lid Van Raan c.s."),
            Some((vec!["Van Raan".into()], true))
        );
        let i = interruption("Dan is er een interruptie van mevrouw Straatman, CDA.").unwrap();
        assert_eq!((i.2.as_str(), i.3.as_deref()), ("Straatman", Some("CDA")));
        let i = interruption("Helder. Meneer Van Houwelingen heeft nog één interruptie.").unwrap();
        assert_eq!(
            (i.0, i.1.as_str(), i.2.as_str()),
            (
                InterruptionKind::Interruption,
                "Meneer Van Houwelingen",
                "Van Houwelingen"
            )
        );
        // A question to the floor is no announcement.
        assert_eq!(
            interruption("U heeft nog een vraag, meneer Koerhuis?"),
            None
        );
        assert!(matches!(
            clause("voorts constaterende dat x;"),
            Some(Clause::Consideration(ConsiderationKind::Voorts, 20))
        ));
        assert!(matches!(
            clause("verzoekt de regering x,"),
            Some(Clause::Dictum(DictumKind::Verzoekt, 8))
        ));
    }
}
