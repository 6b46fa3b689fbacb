//! Whole sittings (issue 12): agenda items wherever the transcript starts
//! one, the fixed items, `Aanvang`/`Sluiting` with their times, a
//! procedural line with a part left out, chair changes, today's `Kamerlid`
//! label, words split at a line end, and documents that mix layouts.

use handelingen::{parse, DiagnosticKind, NodeKind, Parsed, Procedure, Role, Speech};

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `(title, number)` of every agenda item, in order.
fn items(p: &Parsed) -> Vec<(String, Option<String>)> {
    p.document
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::AgendaItem(a) => {
                Some((a.title.to_string(), a.number.as_deref().map(str::to_owned)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_whole_sitting_has_every_agenda_item_and_its_times() {
    let text = read("fixtures/handmade/whole_sitting.txt");
    let p = parse(&text);
    let titles: Vec<String> = items(&p).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        titles,
        [
            "Opening",
            "Mededelingen",
            "Wet op de proefboerderijen",
            "Regeling van werkzaamheden",
            "Sluiting"
        ]
    );
    // No title or announcement ends up in a speech.
    for s in p.document.speeches() {
        for t in s.text() {
            assert!(
                !t.starts_with("Aan de orde") && !titles.iter().any(|x| x == t),
                "{t:?} in a speech"
            );
        }
    }
    let procedures: Vec<&Procedure> = p
        .document
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Procedural(p) => Some(&p.kind),
            _ => None,
        })
        .collect();
    assert!(procedures.contains(&&Procedure::SittingOpened {
        at: Some("10:15".into())
    }));
    assert!(procedures.contains(&&Procedure::SittingClosed {
        at: Some("17:39".into())
    }));
    assert!(procedures.contains(&&Procedure::AgendaAnnouncement));
    // The suspension with its end left out: still a suspension, with a
    // diagnostic that says what is missing.
    assert!(procedures.contains(&&Procedure::SittingSuspended {
        from: Some("11:02".into()),
        until: None
    }));
    let incomplete: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::IncompleteProcedural)
        .collect();
    assert_eq!(incomplete.len(), 1, "{:?}", p.diagnostics);
    assert!(incomplete[0].message.contains("until"));
    assert!(
        !p.diagnostics
            .iter()
            .any(|d| d.kind == DiagnosticKind::UnrecognisedText),
        "{:?}",
        p.diagnostics
    );
    // Who presides, at the start and after the change in the middle.
    let chairs: Vec<String> = p
        .analysis
        .as_ref()
        .expect("analysis")
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            Procedure::ChairTaken { name } => Some(name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(chairs, ["Van der Laan-de Wit", "Hendriks"]);
}

#[test]
fn today_s_member_label() {
    let text = read("fixtures/handmade/whole_sitting.txt");
    let p = parse(&text);
    let member: Vec<&Speech> = p
        .document
        .speeches()
        .filter(|s| s.speaker.role == Role::Member)
        .collect();
    assert_eq!(member.len(), 1);
    assert_eq!(member[0].speaker.name.as_str(), "Oosterhout");
    assert_eq!(member[0].speaker.party.as_deref(), Some("Volt"));
    assert_eq!(member[0].speaker.prefix.as_deref(), Some("Kamerlid"));
}

#[test]
fn a_label_after_the_chair_naming_the_speaker_is_its_own() {
    let text = "De voorzitter:\nMevrouw Van Eijk.\n\nMevrouw Van Eijk (VVD):\nDank u wel.\n";
    let p = parse(text);
    let speakers: Vec<(Role, &str)> = p
        .document
        .speeches()
        .map(|s| (s.speaker.role, s.speaker.name.as_str()))
        .collect();
    assert_eq!(
        speakers,
        [(Role::Chair, "voorzitter"), (Role::Member, "Van Eijk")]
    );
}

#[test]
fn words_split_at_a_line_end_follow_dutch_spelling() {
    let text = read("fixtures/handmade/split_words.txt");
    let p = parse(&text);
    let speech = p.document.speeches().next().expect("one speech");
    let t = speech.text().join(" ");
    for want in [
        "CO2-belasting",
        "75-plussers",
        "binnen- en buitenland",
        "staakt-het-vuren",
        "klip-en-klaar",
        "rechts-extremisme",
        "risicobeoordeling",
        "Kamerlid",
        "land-, tuin- of bosbouw",
    ] {
        assert!(t.contains(want), "{want:?} not in {t:?}");
    }
}

/// The speakers and text of every speech.
fn speeches(p: &Parsed) -> Vec<(Role, String, Vec<String>)> {
    p.document
        .speeches()
        .map(|s| {
            (
                s.speaker.role,
                s.speaker.name.to_string(),
                s.text().into_iter().map(str::to_owned).collect(),
            )
        })
        .collect()
}

#[test]
fn a_document_that_mixes_layouts_parses_each_part_as_alone() {
    let markdown = read("fixtures/001_8617aaadb6b14908.txt");
    let pdf = read("fixtures/003_8cbe8220fc04b1f3.txt");
    for (first, second) in [(&markdown, &pdf), (&pdf, &markdown)] {
        let mixed = format!("{first}\n\n{second}");
        let alone: Vec<_> = speeches(&parse(first))
            .into_iter()
            .chain(speeches(&parse(second)))
            .collect();
        let together = speeches(&parse(&mixed));
        assert_eq!(together.len(), alone.len());
        assert_eq!(together, alone);
    }
}
