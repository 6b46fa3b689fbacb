//! Pieces of real transcripts, glued together by a generator.
//!
//! Shared by the `structured` fuzz target (which draws the choices with
//! `arbitrary`) and `tests/properties.rs` (which draws them with proptest).
//! A document is a list of `(kind, pick, separator, text)` choices; each
//! choice renders one piece — a speaker label in one of the printed styles,
//! a motion line, page furniture, a heading, a suspension, a word broken
//! across a line or page, odd Unicode, a line of a seed fixture or free
//! text — followed by a line end (LF, CRLF, lone CR, blank line, trailing or
//! leading spaces, or nothing at all).

#![allow(dead_code)]

/// Seed transcripts whose lines are reused as pieces.
pub const SEED_TRANSCRIPTS: [&str; 2] = [
    include_str!("../../fixtures/001_8617aaadb6b14908.txt"),
    include_str!("../../fixtures/003_8cbe8220fc04b1f3.txt"),
];

/// Names as printed, tussenvoegsels and diacritics included.
pub const NAMES: &[&str] = &[
    "Slootweg",
    "Van Ginneken",
    "Yeşilgöz-Zegerius",
    "Van der Lee",
    "Gündoğan",
    "Dekker-Abdulaziz",
    "Jasper van Dijk",
    "Michon-Derkzen",
    "Van Houwelingen",
    "Kathmann",
    "Rutte",
    "Hoekstra",
    "X",
];

/// Parties as printed.
pub const PARTIES: &[&str] = &[
    "CDA",
    "D66",
    "GroenLinks-PvdA",
    "FVD",
    "VVD",
    "PVV",
    "SP",
    "ChristenUnie",
    "Y",
    "",
];

/// Offices printed with a title.
pub const FUNCTIONS: &[&str] = &[
    "van Financiën",
    "van Justitie en Veiligheid",
    "voor Rechtsbescherming",
    "van Binnenlandse Zaken en Koninkrijksrelaties",
];

/// Page footers of an uncorrected stenogram.
pub const FOOTERS: &[&str] = &[
    "Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.",
    "Uit ongecorrigeerde verslagen mag niet letterlijk worden geciteerd.",
];

/// Procedural lines, announcements and other lines of the chair.
pub const PROCEDURAL: &[&str] = &[
    "De beraadslaging wordt gesloten.",
    "De algemene beraadslaging wordt geopend.",
    "De vergadering wordt geopend.",
    "De vergadering wordt gesloten.",
    "Aan de orde is het tweeminutendebat Uitvoering motie-Van Raan c.s. over end-to-endencryptie in stand houden (26643, nr. 908).",
    "Aan de orde is het **tweeminutendebat EU-Verordening** ter bestrijding van online ",
    "Er is een interruptie van mevrouw Michon-Derkzen.",
    "Er is een vraag van mevrouw Van Eijs.",
    "Er is een vraag over uw motie van mevrouw Voortman.",
    "Er is een interruptie van mevrouw Straatman, CDA.",
    "Voorzitter: Bergkamp",
    "(Zie vergadering van 3 april 2018.)",
    "Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.",
    "Ik schors de vergadering.",
];

/// Characters and sequences that trip up byte offsets and normalisation.
pub const ODD_UNICODE: &[&str] = &[
    "e\u{301}", // combining acute: NFC composes it
    "\u{301}",  // a combining mark with nothing to combine with
    "ş",
    "ğ",
    "Ş\u{327}",
    "👍🏽",
    "👨‍👩‍👧",
    "\0",
    "\u{1}\u{7}\u{1b}[0m",
    "\u{7f}",
    "\u{85}",   // NEL
    "\u{2028}", // line separator
    "\u{2029}",
    "\u{a0}",                   // no-break space
    "\u{200b}",                 // zero-width space
    "\u{feff}",                 // BOM in the middle
    "\u{ad}",                   // soft hyphen
    "\u{2010}",                 // hyphen
    "\u{2011}",                 // non-breaking hyphen
    "\u{212b}",                 // Angstrom sign: NFC changes it to Å
    "\u{344}",                  // NFC expands it to two chars
    "\u{1100}\u{1161}\u{11a8}", // conjoining jamo: NFC composes to one
    "ﬁ",
    "\t",
    "\u{3000}",
    "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30a}",
    "\u{10ffff}",
    "\u{fffd}",
    "**",
    "_",
    "#",
    ">",
    "(",
    ")",
    ":",
];

fn pick<'a>(table: &[&'a str], n: u16) -> &'a str {
    table[usize::from(n) % table.len()]
}

fn or_default<'a>(text: &'a str, default: &'a str) -> &'a str {
    if text.is_empty() {
        default
    } else {
        text
    }
}

/// A speaker label in one of the printed styles.
pub fn label(style: u16, name: &str, party: &str, function: &str) -> String {
    match style % 16 {
        0 => "De voorzitter:".to_string(),
        1 => "**De voorzitter:**".to_string(),
        2 => format!("De heer {name} ({party}):"),
        3 => format!("Mevrouw {name} ({party}):"),
        4 => format!("De heer **{name}** ({party}):"),
        5 => format!("Mevrouw **{name}** ({party}):"),
        6 => format!("**De heer {name} ({party}):**"),
        7 => format!("**Minister {name}:**"),
        8 => format!("Minister {name}:"),
        9 => format!("Staatssecretaris {name}:"),
        10 => format!("Minister {function} {name}:"),
        11 => format!("Minister-president {name}:"),
        12 => format!("De heer {name}:"),
        13 => format!("**Staatssecretaris {function} {name}:**"),
        14 => format!(" De heer {name} ({party}):"),
        _ => format!("De heer {name} ({party}): Dank u wel, voorzitter."),
    }
}

/// A line of a motion, or the chair's lines about one.
pub fn motion_line(kind: u16, text: &str) -> String {
    let t = or_default(text, "het kabinet iets moet doen");
    match kind % 24 {
        0 => "De Kamer,".to_string(),
        1 => "gehoord de beraadslaging,".to_string(),
        2 => format!("constaterende dat {t};"),
        3 => format!("overwegende dat {t};"),
        4 => format!("van mening dat {t};"),
        5 => format!("voorts constaterende dat {t};"),
        6 => format!("gelet op {t};"),
        7 => format!("concluderende dat {t};"),
        8 => format!("verzoekt de regering {t},"),
        9 => format!("spreekt uit dat {t},"),
        10 => format!("roept de regering op {t},"),
        11 => format!("draagt het Presidium op {t},"),
        12 => format!("nodigt de regering uit {t},"),
        13 => "en gaat over tot de orde van de dag.".to_string(),
        14 => "Deze motie is voorgesteld door de leden Van Ginneken, Dekker-Abdulaziz en Kathmann."
            .to_string(),
        15 => format!("Deze motie is voorgesteld door de leden {t}, B en C."),
        16 => "Deze motie is voorgesteld door het lid Van Houwelingen.".to_string(),
        17 => "Zij krijgt nr. 1011 (26643).".to_string(),
        18 => "Zij krijgt nr. 726, was nr. 719 (21501-08).".to_string(),
        19 => "Zij krijgt nr. 12 (36800-XVI).".to_string(),
        20 => "#### Motie".to_string(),
        21 => "---".to_string(),
        22 => format!("Zij krijgt nr. {t} ({t})."),
        _ => "Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.".to_string(),
    }
}

/// A whole motion, Markdown or plain, complete or cut short.
pub fn motion(kind: u16, text: &str) -> String {
    let t = or_default(text, "de regering iets doet");
    let body = format!(
        "De Kamer,\n\ngehoord de beraadslaging,\n\nconstaterende dat {t};\n\n\
         overwegende dat {t};\n\nverzoekt de regering {t},\n\n"
    );
    let end = "en gaat over tot de orde van de dag.\n\n";
    let chair = "De voorzitter:\nDeze motie is voorgesteld door de leden Slootweg en Kuik.\n\n\
                 Zij krijgt nr. 1011 (26643).\n";
    match kind % 5 {
        0 => format!("{body}{end}{chair}"),
        1 => format!("---\n\n#### Motie\n\n{body}{end}---\n\n{chair}"),
        2 => body,
        3 => format!("---\n\n#### Motie\n\n{body}"),
        _ => format!(
            "De Kamer,\ngehoord de beraadslaging,\nconstaterende dat {t} en dat het \n\
             Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.\n \
             pro-\nminente punt;\nverzoekt de regering {t},\nen gaat over tot de orde van de dag.\n"
        ),
    }
}

/// One piece of a transcript, without its line end.
pub fn piece(kind: u8, choice: u16, text: &str) -> String {
    let hi = choice >> 4;
    match kind % 17 {
        0 | 1 => {
            let name = if hi % 7 == 6 && !text.is_empty() {
                text
            } else {
                pick(NAMES, hi)
            };
            label(choice, name, pick(PARTIES, hi >> 4), pick(FUNCTIONS, hi >> 8))
        }
        2 | 3 => motion_line(choice, text),
        4 => motion(choice, text),
        5 => match choice % 4 {
            0 | 1 => pick(FOOTERS, choice).to_string(),
            2 => format!(
                "Tweede Kamer {}",
                or_default(text, "EU-Verordening ter bestrijding van online")
            ),
            _ => format!("TK {} {}-{}-{}", hi % 100, hi % 100, hi % 20, choice % 7),
        },
        6 => match choice % 8 {
            0 => format!("## {}", hi % 20),
            1 => format!("### {}", or_default(text, "Titel")),
            2 => "#### Motie".to_string(),
            3 => "---".to_string(),
            4 => "# nota".to_string(),
            5 => "#".repeat(usize::from(hi % 9)),
            6 => "***".to_string(),
            _ => "---\ntitle: \"x\"\nmenu:\n  docs:\n    parent: \n---".to_string(),
        },
        7 => match choice % 4 {
            0 => format!(
                "De vergadering wordt van {}.{:02} uur tot {}.{:02} uur geschorst.",
                hi % 25,
                hi % 61,
                (hi >> 3) % 25,
                (hi >> 2) % 61
            ),
            1 => "De vergadering wordt enkele ogenblikken geschorst.".to_string(),
            2 => "De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.".to_string(),
            _ => "De vergadering wordt van 11.20 uur tot \n11.23 uur geschorst.".to_string(),
        },
        8 => match choice % 7 {
            0 => "pro-\nminente".to_string(),
            1 => "CSAM-\nverordening".to_string(),
            2 => "end-to-\nendencryptie".to_string(),
            3 => "pro- \n\nAan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.\n minente"
                .to_string(),
            4 => "CSAM-\r\nverordening".to_string(),
            5 => format!("{}-\n{}", or_default(text, "a"), or_default(text, "b")),
            _ => "-\n-\n-".to_string(),
        },
        9 => pick(PROCEDURAL, choice).to_string(),
        10 => match choice % 4 {
            0 => String::new(),
            1 => " ".repeat(usize::from(hi % 12)),
            2 => "\n".repeat(usize::from(hi % 5)),
            _ => format!("  {}  ", or_default(text, "tekst")),
        },
        11 | 12 => {
            let mut s = String::new();
            for i in 0..=(hi % 4) {
                s.push_str(pick(ODD_UNICODE, choice.wrapping_add(i.wrapping_mul(7))));
            }
            s.push_str(text);
            s
        }
        13 | 14 => text.to_string(),
        _ => {
            let seed = SEED_TRANSCRIPTS[usize::from(choice & 1)];
            let lines: Vec<&str> = seed.split_inclusive('\n').collect();
            let start = usize::from(hi) % lines.len();
            let count = 1 + usize::from(kind / 17) % 8;
            lines[start..(start + count).min(lines.len())].concat()
        }
    }
}

/// The line end after a piece.
pub fn separator(sep: u8) -> &'static str {
    match sep % 12 {
        0..=3 => "\n",
        4 => "\n\n",
        5 => "\r\n",
        6 => "\r\n\r\n",
        7 => "\r",
        8 => " \n",
        9 => "",
        10 => "\n ",
        _ => "  \n",
    }
}

/// Renders a document from its choices.
pub fn render<S: AsRef<str>>(pieces: &[(u8, u16, u8, S)]) -> String {
    let mut out = String::new();
    for (kind, choice, sep, text) in pieces {
        out.push_str(&piece(*kind, *choice, text.as_ref()));
        out.push_str(separator(*sep));
    }
    out
}

/// Whole structural lines, for [`line_soup`]: headings with numbers and
/// titles, `#### Motie` and `Motie`, rules, labels, page footers, running
/// heads and page references, motion lines, procedural lines, a short
/// line of text and blank lines. Glued in random order they hit the
/// assembler's pending states (an agenda number waiting for its title, a
/// `Motie` heading or rule waiting for `De Kamer,`, furniture inside a
/// motion) far more often than pieces with free text in between.
pub const SOUP_LINES: &[&str] = &[
    "## 1",
    "## 12",
    "## 3.",
    "### Titel van het debat",
    "### Motie",
    "#### Motie",
    "#### Motie",
    "Motie",
    "---",
    "---",
    "***",
    "De voorzitter:",
    "**De voorzitter:**",
    "De heer Slootweg (CDA):",
    "Mevrouw **Van Ginneken** (D66):",
    "Minister Yeşilgöz-Zegerius:",
    "De heer Koerhuis (VVD): Voorzitter.",
    "Voorzitter: Bergkamp",
    "Aan ongecorrigeerde verslagen kan geen enkel recht worden ontleend.",
    "Uit ongecorrigeerde verslagen mag niet letterlijk worden geciteerd.",
    "Tweede Kamer Uitvoering motie-Van Raan",
    "TK 70 70-10-3",
    "De Kamer,",
    "De Kamer,",
    "gehoord de beraadslaging,",
    "constaterende dat x;",
    "overwegende dat y;",
    "verzoekt de regering z,",
    "en gaat over tot de orde van de dag.",
    "en gaat over tot de orde van de dag.",
    "Deze motie is voorgesteld door het lid Slootweg.",
    "Zij krijgt nr. 1011 (26643).",
    "Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.",
    "De beraadslaging wordt gesloten.",
    "De vergadering wordt van 11.20 uur tot 11.23 uur geschorst.",
    "Aan de orde is het debat over x.",
    "(Zie vergadering van 3 april 2018.)",
    "Ja.",
    "Titel Van Een Agendapunt",
    "pro-",
    "",
    "",
    "",
];

/// A document of whole structural lines ([`SOUP_LINES`]), one per byte of
/// `choices`, each ended by `\n`.
pub fn line_soup(choices: &[u8]) -> String {
    let mut out = String::new();
    for &c in choices {
        out.push_str(SOUP_LINES[usize::from(c) % SOUP_LINES.len()]);
        out.push('\n');
    }
    out
}
