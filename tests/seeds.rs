//! Facts about the two transcript seeds, asserted directly (the snapshots
//! show the whole tree; these say what must be in it).

use handelingen::{
    parse, Block, ConsiderationKind, DictumKind, FurnitureKind, InterruptionKind, Layout, NodeKind,
    Parsed, Procedure, Role,
};

/// The fixture's text and its parse; the text is leaked so that the parse,
/// which borrows it, can be returned with it.
fn fixture(name: &str) -> (&'static str, Parsed<'static>) {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text: &'static str = text.leak();
    let parsed = parse(text);
    (text, parsed)
}

fn speakers(parsed: &Parsed) -> Vec<(Role, String)> {
    parsed
        .document
        .speeches()
        .map(|s| (s.speaker.role(), s.speaker.name().to_string()))
        .collect()
}

fn all_paragraph_texts(parsed: &Parsed) -> Vec<String> {
    let mut out = Vec::new();
    for node in &parsed.document.nodes {
        match &node.kind {
            NodeKind::Speech(s) => out.extend(s.text().into_iter().map(str::to_string)),
            NodeKind::Paragraph(p) | NodeKind::Text(p) => out.push(p.text.to_string()),
            _ => {}
        }
    }
    out
}

const SEED_001: &str = "001_8617aaadb6b14908.txt";
const SEED_003: &str = "003_8cbe8220fc04b1f3.txt";

#[test]
fn seed_001_agenda_item_and_layout() {
    let (_, p) = fixture(SEED_001);
    assert_eq!(p.document.layout, Layout::Markdown);
    assert!(p.document.is_transcript);
    let item = p.document.agenda_item().expect("an agenda item");
    assert_eq!(item.number.as_deref(), Some("7"));
    assert_eq!(
        item.title,
        "Uitvoering motie-Van Raan c.s. over end-to-endencryptie in stand houden"
    );
}

#[test]
fn seed_001_speaker_sequence() {
    let (_, p) = fixture(SEED_001);
    use Role::*;
    let (c, m, y) = ("voorzitter", "Minister", "Yeşilgöz-Zegerius");
    let _ = m;
    let expected: Vec<(Role, &str)> = vec![
        (Chair, c),
        (Member, "Slootweg"),
        (Chair, c),
        (Member, "Slootweg"),
        (Chair, c),
        (Member, "Slootweg"),
        (Member, "Van Ginneken"),
        (Member, "Slootweg"),
        (Chair, c),
        (Member, "Van Ginneken"),
        (Chair, c),
        (Member, "Van Ginneken"),
        (Chair, c),
        (Member, "Van Ginneken"),
        (Chair, c),
        (Chair, c),
        (Minister, y),
        (Chair, c),
        (Minister, y),
        (Chair, c),
        (Member, "Slootweg"),
        (Chair, c),
        (Minister, y),
        (Chair, c),
        (Member, "Slootweg"),
        (Minister, y),
        (Member, "Van Ginneken"),
        (Minister, y),
        (Member, "Van Ginneken"),
        (Minister, y),
        (Chair, c),
        (Chair, c),
    ];
    let got = speakers(&p);
    let got: Vec<(Role, &str)> = got.iter().map(|(r, n)| (*r, n.as_str())).collect();
    assert_eq!(got, expected);
    // Both Markdown label styles, with the party and the label as printed.
    let labels: Vec<_> = p
        .document
        .speeches()
        .map(|s| s.speaker.label().as_str())
        .collect();
    assert!(labels.contains(&"De heer **Slootweg** (CDA):"));
    assert!(labels.contains(&"**De heer Slootweg (CDA):**"));
    assert!(labels.contains(&"Mevrouw **Van Ginneken** (D66):"));
    assert!(labels.contains(&"**Minister Yeşilgöz-Zegerius:**"));
    let ginneken = p
        .document
        .speeches()
        .find(|s| s.speaker.name() == "Van Ginneken")
        .expect("Van Ginneken speaks");
    assert_eq!(ginneken.speaker.party(), Some("D66"));
    assert_eq!(ginneken.speaker.prefix(), Some("Mevrouw"));
}

#[test]
fn seed_001_three_motions() {
    let (_, p) = fixture(SEED_001);
    let motions: Vec<_> = p.document.motions().collect();
    let ids: Vec<_> = motions.iter().map(|m| m.kamerstuk.as_deref()).collect();
    assert_eq!(
        ids,
        [
            Some("kst-26643-1009"),
            Some("kst-26643-1010"),
            Some("kst-26643-1011")
        ]
    );
    let number = motions[2].number.as_ref().expect("a number");
    assert_eq!(
        (number.dossier.as_str(), number.number.as_str()),
        ("26643", "1011")
    );
    let submitters: Vec<Vec<&str>> = motions
        .iter()
        .map(|m| m.submitters.iter().map(|s| s.name.as_str()).collect())
        .collect();
    assert_eq!(submitters[0], ["Slootweg"]);
    assert_eq!(submitters[1], ["Slootweg", "Kuik"]);
    assert_eq!(
        submitters[2],
        [
            "Van Ginneken",
            "Dekker-Abdulaziz",
            "Van Weerdenburg",
            "Van Raan",
            "Bouchallikh",
            "Van Haga",
            "Kathmann",
            "Van Baarle",
            "Eerdmans",
            "Leijten",
            "Dassen"
        ]
    );
    let counts: Vec<_> = motions
        .iter()
        .map(|m| (m.considerations.len(), m.dicta.len()))
        .collect();
    assert_eq!(counts, [(2, 2), (3, 1), (3, 1)]);
    assert_eq!(
        motions[0].considerations[0].kind,
        ConsiderationKind::Constaterende
    );
    assert_eq!(
        motions[0].considerations[1].kind,
        ConsiderationKind::Overwegende
    );
    assert_eq!(motions[0].dicta[0].kind, DictumKind::Verzoekt);
    assert!(motions[0].dicta[1]
        .text
        .starts_with("verzoekt de regering deze bedrijven te verplichten"));
    // Each motion is read inside the speech of its first submitter.
    for (speech_name, motion_id) in [
        ("Slootweg", "kst-26643-1009"),
        ("Slootweg", "kst-26643-1010"),
        ("Van Ginneken", "kst-26643-1011"),
    ] {
        assert!(
            p.document
                .speeches()
                .any(|s| s.speaker.name() == speech_name
                    && s.motions()
                        .any(|m| m.kamerstuk.as_deref() == Some(motion_id))),
            "{motion_id} is read in a speech of {speech_name}"
        );
    }
    // The motion's text is the whole block, from `De Kamer,` to the closing line.
    let body = &motions[1].body;
    assert_eq!(body.first().map(|p| p.text.as_str()), Some("De Kamer,"));
    assert_eq!(
        body.last().map(|p| p.text.as_str()),
        Some("en gaat over tot de orde van de dag.")
    );
}

#[test]
fn seed_001_suspensions_and_procedure() {
    let (_, p) = fixture(SEED_001);
    let suspensions: Vec<_> = p
        .document
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Procedural(pr) => match &pr.kind {
                Procedure::SittingSuspended { from, until } => {
                    Some((from.as_deref(), until.as_deref()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(suspensions, [(Some("11:20"), Some("11:23")), (None, None)]);
    assert!(p.document.nodes.iter().any(|n| matches!(
        &n.kind,
        NodeKind::Procedural(pr) if pr.kind == Procedure::DeliberationClosed
    )));
}

#[test]
fn seed_001_words_and_paragraphs_joined_across_page_breaks() {
    let (_, p) = fixture(SEED_001);
    let texts = all_paragraph_texts(&p);
    let joined = texts.join("\n");
    assert!(
        joined.contains("zo'n prominente rol speelt"),
        "pro- + minente"
    );
    assert!(!joined.contains("pro-"));
    // `In Brussel bejiver ik` + blank lines + `een verordening`: one paragraph.
    assert!(texts
        .iter()
        .any(|t| t.contains("In Brussel bejiver ik een verordening die voldoet")));
    assert!(!texts.iter().any(|t| t.starts_with("een verordening")));
    // Markdown emphasis does not leak into the text.
    assert!(!joined.contains("**"));
}

#[test]
fn seed_003_layout_title_and_speakers() {
    let (_, p) = fixture(SEED_003);
    assert_eq!(p.document.layout, Layout::Pdf);
    let item = p.document.agenda_item().expect("an agenda item");
    assert_eq!(item.number, None);
    assert_eq!(
        item.title,
        "EU-Verordening ter bestrijding van online seksueel kindermisbruik"
    );
    let got = speakers(&p);
    assert_eq!(got.len(), 54);
    assert_eq!(got[0], (Role::Chair, "voorzitter".to_string()));
    assert_eq!(got[1], (Role::Member, "Van Houwelingen".to_string()));
    assert_eq!(got[5], (Role::Member, "Kathmann".to_string()));
    assert_eq!(got[7], (Role::Member, "Michon-Derkzen".to_string()));
    // ` De voorzitter:` after a page break, with its leading space.
    assert_eq!(got[2], (Role::Chair, "voorzitter".to_string()));
    let rutte = p
        .document
        .speeches()
        .find(|s| s.speaker.name() == "Rutte")
        .expect("the state secretary speaks");
    assert_eq!(rutte.speaker.role(), Role::StateSecretary);
    assert_eq!(rutte.speaker.prefix(), Some("Staatssecretaris"));
    let kathmann = p
        .document
        .speeches()
        .find(|s| s.speaker.name() == "Kathmann")
        .expect("Kathmann speaks");
    assert_eq!(kathmann.speaker.party(), Some("GroenLinks-PvdA"));
}

#[test]
fn seed_003_two_motions_inside_speeches() {
    let (_, p) = fixture(SEED_003);
    let motions: Vec<_> = p.document.motions().collect();
    let ids: Vec<_> = motions.iter().map(|m| m.kamerstuk.as_deref()).collect();
    assert_eq!(ids, [Some("kst-32317-980"), Some("kst-32317-981")]);
    assert_eq!(
        motions[0]
            .submitters
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Van Houwelingen"]
    );
    assert_eq!(
        motions[1]
            .submitters
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Kathmann", "El Boujdaini", "Dassen", "Teunissen"]
    );
    let counts: Vec<_> = motions
        .iter()
        .map(|m| (m.considerations.len(), m.dicta.len()))
        .collect();
    assert_eq!(counts, [(0, 1), (1, 2)]);
    let van_houwelingen = p
        .document
        .speeches()
        .find(|s| s.motions().count() == 1 && s.speaker.name() == "Van Houwelingen");
    assert!(van_houwelingen.is_some(), "980 is read in his speech");
    let kathmann = p
        .document
        .speeches()
        .find(|s| s.speaker.name() == "Kathmann" && s.motions().count() == 1)
        .expect("981 is read in Kathmann's speech");
    // She says `Voorzitter.` and then reads the motion.
    assert_eq!(kathmann.paragraphs().next().unwrap().text, "Voorzitter.");
    assert!(matches!(kathmann.content[1], Block::Motion { .. }));
}

#[test]
fn seed_003_suspension_and_interruptions() {
    let (_, p) = fixture(SEED_003);
    let timed: Vec<_> = p
        .document
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Procedural(pr) => match &pr.kind {
                Procedure::SittingSuspended { from, until } => Some((from.clone(), until.clone())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert_eq!(timed[0], (Some("16:14".into()), Some("16:24".into())));
    let interruptions: Vec<_> = p
        .document
        .speeches()
        .flat_map(|s| s.paragraphs())
        .filter_map(|p| p.interruption.as_ref())
        .map(|i| (i.kind, i.name.as_str()))
        .collect();
    assert_eq!(
        interruptions,
        [
            (InterruptionKind::Interruption, "Michon-Derkzen"),
            (InterruptionKind::Interruption, "Straatman"),
            // `U heeft een interruptie van de heer Van Houwelingen.`
            (InterruptionKind::Interruption, "Van Houwelingen"),
            // `Meneer Van Houwelingen heeft nog één interruptie.`
            (InterruptionKind::Interruption, "Van Houwelingen"),
        ]
    );
}

#[test]
fn seed_003_hyphens_and_footers() {
    let (text, p) = fixture(SEED_003);
    let joined = all_paragraph_texts(&p).join("\n");
    for kept in [
        "CSAM-verordening geen goed",
        "collega-bewindspersoon",
        "EU-centrum voor",
    ] {
        assert!(joined.contains(kept), "{kept} keeps its hyphen");
    }
    assert!(
        !joined.contains("ongecorrigeerde verslagen"),
        "no footer in any paragraph"
    );
    // The footers are nodes of their own, pointing at the input.
    let mut footers = Vec::new();
    for node in &p.document.nodes {
        match &node.kind {
            NodeKind::PageFurniture(f) => footers.push(f.clone()),
            NodeKind::Speech(s) => footers.extend(s.content.iter().filter_map(|b| match b {
                Block::PageFurniture(f) => Some(f.clone()),
                _ => None,
            })),
            _ => {}
        }
    }
    assert_eq!(footers.len(), 5);
    for f in &footers {
        assert_eq!(f.kind, FurnitureKind::Footer);
        let span = f.text.span();
        assert_eq!(&text[span.start..span.end], f.text);
    }
    // No paragraph joins two pages' words with the furniture's words.
    assert!(!joined.contains("ontleend. De voorzitter"));
}
