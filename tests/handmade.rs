//! Forms the corpus lacks, in hand-made fixtures (`fixtures/handmade/`):
//! labels with an office, a presiding chair, a label split across a page
//! break, motions without a number or with `c.s.` and a dossier suffix,
//! labels on the same line as the text (older volumes), and label-like text
//! inside a paragraph that is no label; the chair by name (`De voorzitter
//! (X):`, `Voorzitter X:`, `De VOORZITTER:`) and every title of the label
//! grammar, bold labels alone and before their text.

use handelingen::{parse, NodeKind, Parsed, Role};

/// The parse of a hand-made fixture; the text is leaked so that the parse,
/// which borrows it, can be returned.
fn fixture(name: &str) -> Parsed<'static> {
    let path = format!("{}/fixtures/handmade/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(text.leak())
}

fn turns(p: &Parsed) -> Vec<(Role, String, Option<String>, Option<String>)> {
    p.document
        .speeches()
        .map(|s| {
            (
                s.speaker.role(),
                s.speaker.name().to_string(),
                s.speaker.party().map(str::to_string),
                s.speaker.function().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn labels_with_an_office() {
    let p = fixture("function_labels.txt");
    let got = turns(&p);
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        got,
        [
            (Role::Chair, "voorzitter".into(), None, None),
            (Role::Minister, "Hoekstra".into(), None, s("van Financiën")),
            (
                Role::StateSecretary,
                "Van der Burg".into(),
                None,
                s("van Justitie en Veiligheid")
            ),
            (Role::MinisterPresident, "Rutte".into(), None, None),
            (
                Role::Minister,
                "Bruins Slot".into(),
                None,
                s("van Binnenlandse Zaken en Koninkrijksrelaties")
            ),
            (Role::Member, "Van der Lee".into(), s("GroenLinks"), None),
        ]
    );
}

#[test]
fn presiding_chair_and_label_split_across_a_page_break() {
    let p = fixture("presiding_and_split_label.txt");
    assert!(matches!(
        p.document.nodes.first().map(|n| &n.kind),
        Some(NodeKind::Presiding(pr)) if pr.name == "Bergkamp"
    ));
    let got = turns(&p);
    let names: Vec<_> = got.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(names, ["voorzitter", "Van Ginneken", "Van Houwelingen"]);
    let last = p.document.speeches().last().expect("three speeches");
    assert_eq!(last.speaker.label(), "De heer Van Houwelingen (FVD):");
    assert_eq!(last.speaker.party(), Some("FVD"));
    assert_eq!(
        last.paragraphs().next().unwrap().text,
        "Ik heb een vraag aan mevrouw Van Ginneken."
    );
    // The page furniture between the label's halves is kept, as nodes.
    assert_eq!(
        last.content
            .iter()
            .filter(|b| matches!(b, handelingen::Block::PageFurniture(_)))
            .count(),
        3
    );
}

#[test]
fn motions_without_number_with_cs_and_dossier_suffix() {
    let p = fixture("motions_odd.txt");
    let motions: Vec<_> = p.document.motions().collect();
    assert_eq!(motions.len(), 2);
    // No `Zij krijgt nr.` line: no number, no Kamerstuk id, never a guess.
    assert_eq!(motions[0].kamerstuk, None);
    assert_eq!(motions[0].number, None);
    assert_eq!(motions[0].submitters.len(), 1);
    assert_eq!(motions[0].submitters[0].name, "Van Raan");
    assert!(motions[0].cum_suis);
    assert!(!motions[0].seconded);
    assert_eq!(
        (motions[0].considerations.len(), motions[0].dicta.len()),
        (2, 2)
    );
    // A dictum with a list stays one dictum.
    assert!(motions[0].dicta[1].text.contains("- deze voor 1 juni"));
    assert_eq!(motions[1].kamerstuk.as_deref(), Some("kst-36800-XVI-456"));
    let number = motions[1].number.as_ref().expect("a number");
    assert_eq!(number.dossier, "36800-XVI");
    assert_eq!(
        motions[1]
            .submitters
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Van Raan", "Jasper van Dijk"]
    );
    assert!(motions[1].seconded);
    assert!(!motions[1].cum_suis);
    // `… zei: De heer Koerhuis (VVD): ja.` inside a paragraph is no label.
    assert_eq!(p.document.speeches().count(), 4);
}

#[test]
fn labels_on_the_same_line_as_the_text() {
    let p = fixture("older_volume_inline_labels.txt");
    let names: Vec<_> = turns(&p).into_iter().map(|t| (t.0, t.1)).collect();
    assert_eq!(
        names,
        [
            (Role::Chair, "voorzitter".to_string()),
            (Role::Member, "Koerhuis".to_string()),
            (Role::Minister, "Ollongren".to_string()),
        ]
    );
    let koerhuis = p.document.speeches().nth(1).expect("Koerhuis speaks");
    assert_eq!(koerhuis.speaker.label(), "De heer Koerhuis (VVD):");
    assert_eq!(koerhuis.paragraphs().count(), 1);
    let text = &koerhuis.paragraphs().next().unwrap().text;
    assert!(text.starts_with(
        "Voorzitter. Er is 125 miljoen euro steun naar woningcorporatie Humanitas gegaan."
    ));
    // Mid-paragraph label-like text stays text.
    assert!(text.contains("zei de heer Koerhuis (VVD): ja, huurders."));
    assert!(text.contains("De heer Nijboer (PvdA): dat is geen label"));
    // The paragraph starts after the label, on the same line.
    let label_end = koerhuis.speaker.label().span().end;
    assert!(koerhuis.paragraphs().next().unwrap().span().start > label_end);
}

/// `(role, prefix, name, party, function)` of a speech's speaker.
type Label = (Role, String, String, Option<String>, Option<String>);

/// The [`Label`] of every speech.
fn labels(p: &Parsed) -> Vec<Label> {
    p.document
        .speeches()
        .map(|s| {
            let sp = &s.speaker;
            (
                sp.role(),
                sp.prefix().unwrap_or_default().to_string(),
                sp.name().to_string(),
                sp.party().map(str::to_string),
                sp.function().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn the_chair_by_name_and_every_title() {
    let s = |x: &str| x.to_string();
    let o = |x: &str| Some(x.to_string());
    let p = fixture("chair_by_name.txt");
    assert_eq!(
        labels(&p),
        [
            (Role::Chair, s("De voorzitter"), s("Ouwerkerk"), None, None),
            (
                Role::Member,
                s("Mevrouw"),
                s("Brandsma-Kool"),
                o("Partij voor het Noorden"),
                None
            ),
            (Role::Chair, s("Voorzitter"), s("Ouwerkerk"), None, None),
            (
                Role::Minister,
                s("Minister"),
                s("Ter Wiel"),
                None,
                o("van Buitenlandse Zaken")
            ),
            (Role::Chair, s("De voorzitter"), s("Van Tessel"), None, None),
            (
                Role::StateSecretary,
                s("Staatssecretaris"),
                s("Dijkgraaf-Oosterom"),
                None,
                None
            ),
            (
                Role::MinisterPresident,
                s("Minister-president"),
                s("Ten Brugge"),
                None,
                None
            ),
            (Role::Member, s("Kamerlid"), s("Ait Lahcen"), o("BVN"), None),
            (Role::Chair, s("De"), s("VOORZITTER"), None, None),
            (Role::Chair, s("Voorzitter"), s("Van Tessel"), None, None),
        ]
    );
    // `Voorzitter: X` is the chair taken, twice; no label.
    let presiding = p
        .document
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Presiding(_)))
        .count();
    assert_eq!(presiding, 2);
    // The chair named in running text stays text.
    let member = p.document.speeches().nth(1).expect("the member speaks");
    assert!(member
        .paragraphs()
        .next()
        .unwrap()
        .text
        .ends_with("Voorzitter Ouwerkerk zei het gisteren al: ze moeten worden vervangen."));
    // The label on the line of its text.
    let last = p.document.speeches().last().expect("speeches");
    assert_eq!(last.speaker.label(), "Voorzitter Van Tessel:");
    assert_eq!(
        last.paragraphs().next().unwrap().text,
        "Ik sluit de vergadering."
    );
}

#[test]
fn bold_labels_alone_and_before_their_text() {
    let p = fixture("chair_by_name_markdown.txt");
    let got: Vec<_> = labels(&p)
        .into_iter()
        .map(|(role, _, name, _, _)| (role, name))
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        got,
        [
            (Role::Chair, s("Ouwerkerk")),
            (Role::Member, s("Brandsma-Kool")),
            (Role::Chair, s("Ouwerkerk")),
            (Role::Minister, s("Ter Wiel")),
            (Role::Member, s("Van der Spek")),
            (Role::Chair, s("VOORZITTER")),
        ]
    );
    let chair = p.document.speeches().nth(2).expect("the chair by name");
    // The bold label keeps its `**` as printed; the text after it is the
    // speech's first paragraph.
    assert_eq!(chair.speaker.label(), "**Voorzitter Ouwerkerk:**");
    assert_eq!(
        chair.paragraphs().next().unwrap().text,
        "Dank u wel. Het woord is aan de minister."
    );
    // A bold label inside a paragraph is no label.
    let member = p.document.speeches().nth(4).expect("the member");
    assert_eq!(member.paragraphs().count(), 2);
    assert!(member
        .paragraphs()
        .nth(1)
        .unwrap()
        .text
        .starts_with("Het antwoord staat in De heer"));
}
