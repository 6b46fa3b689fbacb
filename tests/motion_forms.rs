//! Motions wherever they are written (issue 13, the tree): the formula in
//! running text, split out of its paragraph with exact spans, and the
//! Kamerstuk motion document, as published and flattened; asserted on
//! the hand-made fixtures (invented names and dossiers), with the
//! recogniser's time checked linear on hostile paragraphs.

use handelingen::{
    parse, AnnouncementKind, Block, ConsiderationKind, DictumKind, DocumentKind, KamerstukHead,
    Motion, NodeKind, Parsed, Signers, Span, Speech,
};

#[path = "support/checked.rs"]
mod checked;
#[path = "support/invariants.rs"]
mod invariants;

use checked::fixture;
#[path = "support/timing.rs"]
mod timing;

/// The input under `span`, whitespace collapsed.
fn at(text: &str, span: Span) -> String {
    let slice = text
        .get(span.start..span.end)
        .expect("span inside the input");
    slice.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a speech holds, in order: `P text` for a paragraph, `M id` for a
/// motion, `F` for page furniture.
fn outline(speech: &Speech) -> Vec<String> {
    speech
        .content
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(format!("P {}", p.text)),
            Block::Motion { motion } => Some(format!("M {}", motion.id)),
            Block::PageFurniture(_) => Some("F".to_string()),
            _ => None,
        })
        .collect()
}

/// Every clause of a motion, as `(kind, opening, input under its span)`;
/// the clause's text is its input (whitespace collapsed) and its opening a
/// prefix of it.
fn clauses(text: &str, m: &Motion) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for c in &m.considerations {
        assert_eq!(c.text.as_str(), at(text, c.text.span()));
        assert!(c.text.starts_with(c.opening.as_str()));
        assert_eq!(c.opening.as_str(), at(text, c.opening.span()));
        out.push((
            format!("{:?}", c.kind),
            c.opening.to_string(),
            at(text, c.text.span()),
        ));
    }
    for d in &m.dicta {
        assert_eq!(d.text.as_str(), at(text, d.text.span()));
        assert!(d.text.starts_with(d.opening.as_str()));
        out.push((
            format!("{:?}", d.kind),
            d.opening.to_string(),
            at(text, d.text.span()),
        ));
    }
    out
}

fn body<'m>(m: &'m Motion<'_>) -> Vec<&'m str> {
    m.body.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn the_formula_in_running_text() {
    let (text, parsed) = fixture("handmade/motions_inline.txt");
    let motions: Vec<&Motion> = parsed.document.motions().collect();
    assert_eq!(motions.len(), 5);
    assert!(motions.iter().all(|m| m.inline));
    let speeches: Vec<&Speech> = parsed.document.speeches().collect();

    // Text before, the motion, text after (with the motion info, which
    // attaches to it).
    assert_eq!(
        outline(speeches[1]),
        [
            "P Voorzitter. Ik heb één motie.",
            "M 0",
            "P Deze motie is voorgesteld door de leden Jansen en De Vries. Zij krijgt nr. 12 \
             (40210). Dank u wel."
        ]
    );
    let m = motions[0];
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40210-12"));
    let names: Vec<&str> = m.submitters.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Jansen", "De Vries"]);
    assert_eq!(
        body(m),
        [
            "De Kamer,",
            "gehoord de beraadslaging,",
            "constaterende dat de dijken op veel plaatsen te laag zijn;",
            "overwegende dat het water stijgt;",
            "verzoekt de regering: - de dijken te verhogen; - de Kamer voor de zomer te \
             informeren,",
            "en gaat over tot de orde van de dag.",
        ]
    );
    assert!(at(text, m.span).starts_with("De Kamer, gehoord"));
    assert!(at(text, m.span).ends_with("orde van de dag."));
    let kinds: Vec<(String, String)> = clauses(text, m)
        .into_iter()
        .map(|(k, o, _)| (k, o))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Constaterende".into(), "constaterende".into()),
            ("Overwegende".into(), "overwegende".into()),
            ("Verzoekt".into(), "verzoekt".into()),
        ]
    );

    // Speech recognition: a misheard opening and close, capitalised clauses.
    let m = motions[1];
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40210-13"));
    assert_eq!(
        body(m),
        [
            "De Kamer",
            "gehoord. De beraadslaging.",
            "Constaterende dat de gemalen verouderd zijn.",
            "Van mening dat het onderhoud niet kan wachten.",
            "Verzoekt de regering om een onderhoudsplan op te stellen.",
            "En gaat verder tot de orde van de dag.",
        ]
    );
    assert_eq!(
        m.considerations.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [
            ConsiderationKind::Constaterende,
            ConsiderationKind::VanMening
        ]
    );
    assert_eq!(m.dicta[0].kind, DictumKind::Verzoekt);
    assert_eq!(
        outline(speeches[3]).last().map(String::as_str),
        Some("P Dat was het.")
    );

    // The opening in the turn before: it stays there; the motion starts at
    // `gehoord de beraadslaging`.
    assert_eq!(
        outline(speeches[5]),
        ["P Ik dien ook een motie in. De Kamer,"]
    );
    let m = motions[2];
    assert_eq!(outline(speeches[7]), ["M 2"]);
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40210-14"));
    assert_eq!(body(m)[0], "gehoord de beraadslaging,");
    assert_eq!((m.considerations.len(), m.dicta.len()), (1, 1));

    // No close: the motion ends with its dictum's sentence.
    let m = motions[3];
    assert_eq!(
        outline(speeches[9]),
        [
            "P Voorzitter. Ik heb een motie zonder einde.",
            "M 3",
            "P Dank u, voorzitter."
        ]
    );
    assert_eq!(
        body(m).last().copied(),
        Some("verzoekt de regering de uiterwaarden te vergroten.")
    );

    // No opening: the run of clauses before the close.
    let m = motions[4];
    assert_eq!(
        body(m),
        [
            "Constaterende dat de sluizen traag zijn;",
            "spreekt uit dat de sluizen sneller moeten,",
            "en gaat over tot de orde van de dag.",
        ]
    );
    assert_eq!(m.dicta[0].kind, DictumKind::SpreektUit);

    // A dictum alone is talk about a motion.
    let last = speeches.last().expect("speeches");
    assert_eq!(last.motions().count(), 0);
    assert_eq!(last.paragraphs().count(), 1);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn a_motion_quoted_in_an_article() {
    let (text, parsed) = fixture("handmade/motion_quoted_in_article.txt");
    assert!(!parsed.document.is_transcript);
    let kinds: Vec<&str> = parsed
        .document
        .nodes
        .iter()
        .map(|n| match &n.kind {
            NodeKind::Paragraph(_) => "paragraph",
            NodeKind::Motion { .. } => "motion",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["paragraph", "paragraph", "motion", "paragraph", "paragraph"]
    );
    let m = parsed.document.motions().next().expect("one motion");
    assert!(m.inline);
    // Across the hard wraps of the quote: the span is the input's, the
    // text normalised.
    assert_eq!(
        m.dicta[0].text.as_str(),
        "verzoekt de regering de dijken voor 2030 te verhogen,"
    );
    assert_eq!(at(text, m.dicta[0].text.span()), m.dicta[0].text.as_str());
    assert_eq!(
        &text[m.considerations[0].text.span().start..m.considerations[0].text.span().end],
        "constaterende dat de dijken te\nlaag zijn;"
    );
    // `Een eerdere motie verzoekt de regering …`: no motion.
    assert_eq!(parsed.document.motions().count(), 1);
    // The quote marks are the motion's: inside its span, in no clause and
    // in neither paragraph around it.
    let paragraphs: Vec<&str> = parsed
        .document
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Paragraph(p) => Some(p.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        paragraphs[1],
        "De Tweede Kamer heeft dinsdag een motie aangenomen over de dijken. De tekst luidde:"
    );
    assert_eq!(paragraphs[2], "De minister zegt de motie uit te voeren.");
    let quoted = at(text, m.span);
    assert!(quoted.starts_with("\"De Kamer, gehoord") && quoted.ends_with("van de dag.\""));
    assert_eq!(body(m).first().copied(), Some("De Kamer,"));
    assert_eq!(
        body(m).last().copied(),
        Some("en gaat over tot de orde van de dag.")
    );
}

/// Quote marks of every kind around a quoted motion, with and without its
/// close, and a quote that runs on after the motion.
#[test]
fn quote_marks_around_a_quoted_motion() {
    let (text, parsed) = fixture("handmade/motion_quoted_forms.txt");
    let mut paragraphs = Vec::new();
    let mut motions = Vec::new();
    for n in &parsed.document.nodes {
        match &n.kind {
            NodeKind::Paragraph(p) => {
                // Each part is its input exactly.
                assert_eq!(
                    &text[p.text.span().start..p.text.span().end],
                    p.text.as_str()
                );
                paragraphs.push(p.text.as_str());
            }
            NodeKind::Motion { motion } => motions.push((at(text, motion.span), body(motion))),
            _ => {}
        }
    }
    assert_eq!(
        paragraphs,
        [
            "Wat de Kamer vroeg",
            "In de motie stond:",
            "Het kabinet voert haar uit.",
            "Een tweede motie was korter:",
            "Ook die werd aangenomen.",
            "De derde eindigde zo:",
            "Daarna was het stil.",
            // The quote runs on past the motion: its marks are not the
            // motion's.
            "Een vierde werd half geciteerd: \"",
            "Dat was alles,\" zei de indiener.",
        ]
    );
    let ends: Vec<(char, char)> = motions
        .iter()
        .map(|(span, _)| {
            (
                span.chars().next().unwrap_or(' '),
                span.chars().last().unwrap_or(' '),
            )
        })
        .collect();
    assert_eq!(ends, [('„', '”'), ('"', '"'), ('\'', '.'), ('D', '.')]);
    let lasts: Vec<&str> = motions
        .iter()
        .filter_map(|(_, b)| b.last().copied())
        .collect();
    assert_eq!(
        lasts,
        [
            "en gaat over tot de orde van de dag.",
            // No close: the dictum's sentence ends at its full stop.
            "verzoekt de regering de gemalen te vervangen.",
            "en gaat over tot de orde van de dag",
            "en gaat over tot de orde van de dag.",
        ]
    );
    for (_, b) in &motions {
        assert_eq!(b.first().copied(), Some("De Kamer,"));
        assert!(
            b.iter().all(|p| !p.contains(['"', '„', '”', '\''])),
            "{b:?}"
        );
    }
    let m = parsed.document.motions().nth(1).expect("the second motion");
    assert_eq!(
        m.dicta[0].text.as_str(),
        "verzoekt de regering de gemalen te vervangen."
    );
}

/// A motion run into the text of a speech whose formula a page break
/// splits (footer, running head and page number in the middle of `orde
/// van de dag`), and one whose paragraph is split before and after it.
#[test]
fn a_motion_split_by_a_page_break() {
    let (text, parsed) = fixture("handmade/motion_inline_page_break.txt");
    let speeches: Vec<&Speech> = parsed.document.speeches().collect();
    let motions: Vec<&Motion> = parsed.document.motions().collect();
    assert_eq!(motions.len(), 2);
    assert_eq!(
        outline(speeches[1]),
        [
            "P Voorzitter. Ik heb één motie.",
            "M 0",
            "P Deze motie is voorgesteld door het lid Jansen. Zij krijgt nr. 12 (40230). Dank u \
             wel."
        ]
    );
    let m = motions[0];
    assert!(m.inline);
    assert_eq!(
        body(m),
        [
            "De Kamer,",
            "gehoord de beraadslaging,",
            "constaterende dat de kades op veel plaatsen te laag zijn;",
            "verzoekt de regering de kades te verhogen,",
            "en gaat over tot de orde van de dag.",
        ]
    );
    // The footer, running head and page number lie in the motion's close
    // and are the motion's furniture.
    let close = m.body.last().expect("a close").text.span();
    assert_eq!(m.furniture.len(), 3);
    for f in &m.furniture {
        assert!(close.contains(f.text.span()), "{f:?}");
    }
    assert_eq!(at(text, m.dicta[0].text.span()), m.dicta[0].text.as_str());
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40230-12"));
    let names: Vec<&str> = m.submitters.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Jansen"]);

    // The page breaks before the motion and in the motion info after it:
    // the furniture between the parts, in order.
    assert_eq!(
        outline(speeches[3]),
        [
            "P Voorzitter. Mijn motie gaat over de gemalen, die ik in de eerste termijn al noemde.",
            "F",
            "F",
            "F",
            "M 1",
            "P Deze motie is voorgesteld door het lid Visser. Zij krijgt nr. 13 (40230). Dat was \
             het.",
            "F",
            "F",
            "F",
        ]
    );
    let m = motions[1];
    assert!(m.furniture.is_empty());
    assert_eq!((m.considerations.len(), m.dicta.len()), (1, 1));
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40230-13"));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

/// What the normaliser leaves out beside a motion in running text (`**`,
/// a soft hyphen, a zero-width space) stays inside a part: outside a
/// speech, where the parts are nodes of their own, no byte is lost.
#[test]
fn nothing_lost_beside_a_motion_in_running_text() {
    let motion = "De Kamer, gehoord de beraadslaging, verzoekt de regering x, en gaat over \
                  tot de orde van de dag.";
    for text in [
        format!("Een kop\n\n**Let op:** {motion}** Dank\u{ad} u.\u{200b}\n"),
        format!("Een kop\n\n\u{ad}\t#x\n{motion}\n"),
        format!("Een kop\n\nDag. \u{ad} ** {motion} \u{200b} Dank u.\n"),
        format!("De heer Jansen (LOP):\nDag.\n\n ## 1\n \u{ad}\t#x\n{motion}\n"),
    ] {
        let parsed = parse(&text);
        invariants::assert_ok(invariants::check_parsed(&text, &parsed));
        invariants::assert_ok(invariants::check_lossless(&text, &parsed));
        assert_eq!(parsed.document.motions().count(), 1, "{text:?}");
    }
    // The parts' texts are as before: only their spans take the marks in.
    let text = format!("Een kop\n\n**Let op:** {motion}** Dank u.\n");
    let parsed = parse(&text);
    let paragraphs: Vec<(&str, &str)> = parsed
        .document
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Paragraph(p) => {
                let s = p.text.span();
                Some((p.text.as_str(), &text[s.start..s.end]))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        paragraphs,
        [
            ("Een kop", "Een kop"),
            ("Let op:", "**Let op:**"),
            ("Dank u.", "Dank u.")
        ]
    );
    let m = parsed.document.motions().next().expect("a motion");
    assert!(text[m.span.start..m.span.end].ends_with("dag.**"));
}

/// A motion on its own lines and the same motion run together give the
/// same clauses.
#[test]
fn run_together_as_on_lines() {
    let lines = "De heer Jansen (Partij voor het Water):\nIk dien een motie in.\n\nDe Kamer,\n\n\
                 gehoord de beraadslaging,\n\nconstaterende dat x;\n\noverwegende dat y;\n\n\
                 verzoekt de regering z,\n\nen gaat over tot de orde van de dag.\n";
    let flat = "De heer Jansen (Partij voor het Water):\nIk dien een motie in.\n\nDe Kamer, \
                gehoord de beraadslaging, constaterende dat x; overwegende dat y; verzoekt de \
                regering z, en gaat over tot de orde van de dag.\n";
    let a = parse(lines);
    let b = parse(flat);
    for (text, p) in [(lines, &a), (flat, &b)] {
        invariants::assert_ok(invariants::check_parsed(text, p));
    }
    let (ma, mb) = (
        a.document.motions().next().expect("motion on lines"),
        b.document.motions().next().expect("motion run together"),
    );
    assert_eq!(body(ma), body(mb));
    assert_eq!((ma.inline, mb.inline), (false, true));
    let kinds = |m: &Motion| {
        (
            m.considerations
                .iter()
                .map(|c| (c.kind, c.text.to_string()))
                .collect::<Vec<_>>(),
            m.dicta
                .iter()
                .map(|d| (d.kind, d.text.to_string()))
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(kinds(ma), kinds(mb));
}

/// The recogniser never rescans a paragraph: many starts, closes or whole
/// motions in one paragraph parse in linear time, and each motion is found.
#[test]
fn linear_in_one_paragraph() {
    let _serial = timing::serial();
    let label = "De heer Jansen (Partij voor het Water):\nVoorzitter. ";
    let units: [(&str, usize); 5] = [
        // Whole motions, one after the other.
        (
            "De Kamer, gehoord de beraadslaging, constaterende dat x; verzoekt de regering y, \
             en gaat over tot de orde van de dag. ",
            1,
        ),
        // Openings that never reach a dictum.
        ("De Kamer, gehoord de beraadslaging, en verder niets. ", 0),
        // Closes without an opening or a clause.
        ("Het kabinet gaat over tot de orde van de dag. ", 0),
        // `De Kamer` that opens nothing.
        (
            "De Kamer heeft gehoord dat het regent, en gaat naar huis. ",
            0,
        ),
        // Motions without a close.
        (
            "De Kamer gehoord. De beraadslaging, verzoekt de regering y. Dank u. ",
            1,
        ),
    ];
    for (unit, per_unit) in units {
        let n = 2_000;
        let small = format!("{label}{}\n", unit.repeat(n));
        let large = format!("{label}{}\n", unit.repeat(2 * n));
        let p = parse(&small);
        invariants::assert_ok(invariants::check_parsed(&small, &p));
        assert_eq!(p.document.motions().count(), per_unit * n, "{unit}");
        timing::assert_linear(unit, &small, &large);
    }
    // One motion of many clauses.
    let clauses = |n: usize| {
        format!(
            "{label}De Kamer, gehoord de beraadslaging, {}verzoekt de regering y, en gaat over \
             tot de orde van de dag.\n",
            "constaterende dat x; ".repeat(n)
        )
    };
    let (small, large) = (clauses(5_000), clauses(10_000));
    let p = parse(&small);
    let m = p.document.motions().next().expect("one motion");
    assert_eq!((m.considerations.len(), m.dicta.len()), (5_000, 1));
    timing::assert_linear("clauses", &small, &large);
}

/// The motion document's three nodes: head, motion, signers.
fn motion_document<'p, 'a>(
    parsed: &'p Parsed<'a>,
) -> (&'p KamerstukHead<'a>, &'p Motion<'a>, &'p Signers<'a>) {
    assert_eq!(parsed.document.kind, DocumentKind::MotionDocument);
    assert!(!parsed.document.is_transcript);
    match &parsed.document.nodes[..] {
        [head, motion, signers] => match (&head.kind, &motion.kind, &signers.kind) {
            (NodeKind::Kamerstuk(h), NodeKind::Motion { motion }, NodeKind::Signers(s)) => {
                (h, motion, s)
            }
            other => panic!("not head, motion, signers: {other:?}"),
        },
        other => panic!("{} nodes, not three", other.len()),
    }
}

fn names<'t>(texts: impl IntoIterator<Item = &'t handelingen::text::Text<'t>>) -> Vec<&'t str> {
    texts.into_iter().map(|t| t.as_str()).collect()
}

#[test]
fn a_kamerstuk_motion_document() {
    let title =
        "Wijziging van de Waterwet in verband met het verhogen van de primaire waterkeringen";
    // As published: its lines, signers one a line.
    let (text, parsed) = fixture("handmade/motion_document.txt");
    let (head, m, signers) = motion_document(&parsed);
    assert_eq!(head.kamerstuk, "kst-40220-12");
    assert_eq!(
        (head.dossier.as_str(), head.number.as_str()),
        ("40 220", "12")
    );
    assert_eq!(head.title.as_deref(), Some(title));
    assert_eq!(head.header.as_str(), "MOTIE VAN HET LID JANSEN C.S.");
    assert!(!head.amended && head.cum_suis);
    assert_eq!(names(&head.names), ["JANSEN"]);
    assert_eq!(head.replaces, None);
    assert_eq!(head.proposed.as_deref(), Some("2023-10-03"));
    assert_eq!(head.proposed_text.as_deref(), Some("3 oktober 2023"));
    assert_eq!(at(text, head.title.as_ref().expect("title").span()), title);
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40220-12"));
    assert!(!m.inline);
    assert_eq!((m.considerations.len(), m.dicta.len()), (2, 1));
    assert_eq!(names(&signers.names), ["Jansen", "De Vries", "El Idrissi"]);
    let submitters: Vec<&str> = m.submitters.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(submitters, ["Jansen", "De Vries", "El Idrissi"]);
    assert!(m.cum_suis);
    // A motion document is no transcript by nature: no diagnostic.
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);

    // Flattened to one line: the signers run together, split by the
    // header's name and the particles.
    let (text, parsed) = fixture("handmade/motion_document_flat.txt");
    let (head, m, signers) = motion_document(&parsed);
    assert_eq!(head.kamerstuk, "kst-40220-13");
    assert_eq!(head.title.as_deref(), Some(title));
    assert_eq!(head.header.as_str(), "MOTIE VAN HET LID VISSER C.S.");
    assert!(m.inline);
    assert_eq!(m.body[0].text.as_str(), "De Kamer,");
    assert_eq!(at(text, m.dicta[0].text.span()), m.dicta[0].text.as_str());
    assert_eq!(
        names(&signers.names),
        ["Visser", "Van der Berg", "Ter Horst"]
    );
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40220-13"));

    // Amended: `GEWIJZIGDE MOTIE … TER VERVANGING VAN DIE GEDRUKT ONDER NR.
    // 9`, two members named, the signers on one line.
    let (_, parsed) = fixture("handmade/motion_document_amended.txt");
    let (head, m, signers) = motion_document(&parsed);
    assert_eq!(head.kamerstuk, "kst-40220-14");
    assert!(head.amended && !head.cum_suis);
    assert_eq!(names(&head.names), ["JANSEN", "DE VRIES"]);
    assert_eq!(head.replaces.as_deref(), Some("kst-40220-9"));
    assert_eq!(head.proposed.as_deref(), Some("2023-10-05"));
    assert_eq!(m.replaces.as_deref(), Some("kst-40220-9"));
    assert_eq!(names(&signers.names), ["Jansen", "De Vries"]);
}

/// `MOTIE VAN DE LEDEN A, B EN C` and the signers run together on one
/// line: the header's names split them (`Hoog Ravenstein` is one name,
/// which no particle marks); the id of dossier `36 410`; `kind:
/// motion_document` in the JSON.
#[test]
fn a_motion_document_of_several_members() {
    let (_, parsed) = fixture("handmade/motion_document_leden.txt");
    let (head, m, signers) = motion_document(&parsed);
    assert_eq!(head.kamerstuk, "kst-36410-12");
    assert_eq!(head.dossier.as_str(), "36 410");
    assert_eq!(
        head.title.as_deref(),
        Some("Wijziging van de Wet op de waterkeringen in verband met het onderhoud van kades")
    );
    assert_eq!(
        head.header.as_str(),
        "MOTIE VAN DE LEDEN HOOG RAVENSTEIN, JANSEN EN EL IDRISSI"
    );
    assert!(!head.amended && !head.cum_suis);
    assert_eq!(
        names(&head.names),
        ["HOOG RAVENSTEIN", "JANSEN", "EL IDRISSI"]
    );
    assert_eq!(
        names(&signers.names),
        ["Hoog Ravenstein", "Jansen", "El Idrissi"]
    );
    let submitters: Vec<&str> = m.submitters.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(submitters, ["Hoog Ravenstein", "Jansen", "El Idrissi"]);
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-36410-12"));
    let json = serde_json::to_value(&parsed).expect("serialises");
    assert_eq!(json["document"]["kind"], "motion_document");
    assert_eq!(json["document"]["nodes"][0]["kamerstuk"], "kst-36410-12");
    assert_eq!(json["document"]["nodes"][0]["proposed"], "2023-10-03");
}

/// A motion document as a Markdown conversion prints it: headings for the
/// dossier, the number and the header (in mixed case), `# Motie` before
/// it, emphasis around the date, a signer a paragraph.
#[test]
fn a_markdown_motion_document() {
    let (text, parsed) = fixture("handmade/motion_document_markdown.txt");
    let (head, m, signers) = motion_document(&parsed);
    assert_eq!(head.kamerstuk, "kst-40220-15");
    assert_eq!(
        (head.dossier.as_str(), head.number.as_str()),
        ("40 220", "15")
    );
    assert_eq!(
        head.title.as_deref(),
        Some("Wijziging van de Waterwet in verband met het verhogen van de primaire waterkeringen")
    );
    assert_eq!(head.header.as_str(), "Motie van het lid Bakker c.s.");
    assert!(head.cum_suis && !head.amended);
    assert_eq!(names(&head.names), ["Bakker"]);
    assert_eq!(head.proposed.as_deref(), Some("2023-10-04"));
    // The head starts at the first heading's `#`: nothing is lost.
    assert_eq!(head.span.start, 0);
    assert_eq!(head.paragraphs.len(), 7);
    assert_eq!(
        names(&signers.names),
        ["Bakker", "Van der Berg", "Ter Horst"]
    );
    assert_eq!(signers.span.end, text.trim_end().len());
    assert_eq!(m.kamerstuk.as_deref(), Some("kst-40220-15"));
    assert!(m.cum_suis);
    assert_eq!((m.considerations.len(), m.dicta.len()), (1, 1));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

/// A document that only looks like one (no `Nr.`, no header) stays text.
#[test]
fn not_a_motion_document() {
    let text = "40 220 Wijziging van de Waterwet\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n\
                verzoekt de regering x,\n\nen gaat over tot de orde van de dag.\n\nJansen\n";
    let parsed = parse(text);
    invariants::assert_ok(invariants::check_parsed(text, &parsed));
    assert_eq!(parsed.document.kind, DocumentKind::Text);
    assert_eq!(parsed.document.motions().count(), 1);
}

/// Motions announced or considered are typed as such, and are no motions.
#[test]
fn announced_and_considered_motions() {
    let (text, parsed) = fixture("analysis/announced_motions.txt");
    let analysis = parsed.analysis.as_ref().expect("analysis");
    let got: Vec<(AnnouncementKind, usize, String)> = analysis
        .announced_motions
        .iter()
        .map(|a| (a.kind, a.speech.index(), at(text, a.text.span())))
        .collect();
    use AnnouncementKind::{Announced, Considered};
    let expected = [
        (
            Announced,
            2,
            "Ik zal daar in de tweede termijn een motie over indienen.",
        ),
        (Announced, 2, "Ik kondig ook een motie aan over de gemalen."),
        (Considered, 4, "Ik overweeg een motie over de uiterwaarden."),
        // `…, maar ik zal geen motie indienen over de polders.`: denied.
        (
            Considered,
            4,
            "Misschien dien ik ook een motie in over de sluizen",
        ),
    ];
    let expected: Vec<(AnnouncementKind, usize, String)> = expected
        .into_iter()
        .map(|(k, s, t)| (k, s, t.to_string()))
        .collect();
    assert_eq!(got, expected);
    for a in &analysis.announced_motions {
        assert_eq!(a.text.as_str(), at(text, a.text.span()));
    }
    // The motion filed after `Ik dien de volgende motie in.` is the one
    // motion of the tree.
    assert_eq!(parsed.document.motions().count(), 1);
}

/// Announcements are found in one pass: many in one paragraph, or one
/// sentence of many parts, parse in linear time.
#[test]
fn announcements_linear() {
    let _serial = timing::serial();
    let label = "De heer Jansen (Partij voor het Water):\nVoorzitter. ";
    for (unit, per_unit) in [
        ("Ik zal daar een motie over indienen. ", 1),
        ("ik overweeg geen motie, maar een motie; ", 0),
    ] {
        let n = 2_000;
        let small = format!("{label}{}\n", unit.repeat(n));
        let large = format!("{label}{}\n", unit.repeat(2 * n));
        let p = parse(&small);
        invariants::assert_ok(invariants::check_parsed(&small, &p));
        let found = p.analysis.as_ref().map_or(0, |a| a.announced_motions.len());
        assert_eq!(found, per_unit * n, "{unit}");
        timing::assert_linear(unit, &small, &large);
    }
}
