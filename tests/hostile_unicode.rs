//! Issue 14, canonically equivalent input gives the same output: labels,
//! headings and procedural lines are read on the line as normalised (NFC,
//! Unicode spaces as one space, invisible format characters left out,
//! Unicode line ends as line ends, a full-width colon as the colon of a
//! label); where a character is read otherwise than as a letter, a
//! diagnostic says so. The inputs of `../shared/hostile/`
//! (`nfd_label_merged_into_chair.txt`, `nbsp_label_merged_into_chair.txt`,
//! `nfd_hyphen_join.txt`) are written out here, with the variants its
//! README names, and read from the folder when it is there.

use handelingen::{parse, DiagnosticKind, Parsed, Role};

#[path = "support/checked.rs"]
mod checked;
#[path = "support/invariants.rs"]
mod invariants;

use checked::parse_checked;

/// The speeches as `(role, name, party, paragraphs)`.
fn speeches(parsed: &Parsed) -> Vec<(Role, String, Option<String>, Vec<String>)> {
    parsed
        .document
        .speeches()
        .map(|s| {
            (
                s.speaker.role(),
                s.speaker.name().to_string(),
                s.speaker.party().map(str::to_string),
                s.paragraphs().map(|p| p.text.to_string()).collect(),
            )
        })
        .collect()
}

fn unusual(parsed: &Parsed) -> usize {
    parsed
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::UnusualCharacter)
        .count()
}

const PLAIN: &str = "De voorzitter:\nJa.\n\nDe heer Slootweg (CDA):\nDank u wel.\n";

/// `PLAIN` with its member label written otherwise: the same speeches,
/// every name and party mapping to the input exactly, and a diagnostic
/// exactly when `diagnostic`.
#[track_caller]
fn same_as_plain(variant: &str, diagnostic: bool) {
    let want = speeches(&parse(PLAIN));
    assert_eq!(want.len(), 2);
    let parsed = parse_checked(variant);
    assert_eq!(speeches(&parsed), want, "{variant:?}");
    let member = parsed.document.speeches().nth(1).expect("two speeches");
    let name = member.speaker.name_text().span();
    assert_eq!(
        handelingen::text::normalize(&variant[name.start..name.end]).as_str(),
        "Slootweg",
        "{variant:?}: the name maps to its input"
    );
    assert_eq!(
        unusual(&parsed) > 0,
        diagnostic,
        "{variant:?}: {:?}",
        parsed.diagnostics
    );
}

#[test]
fn no_break_space_in_a_label() {
    // `nbsp_label_merged_into_chair.txt`.
    same_as_plain(
        "De voorzitter:\nJa.\n\nDe\u{a0}heer Slootweg (CDA):\nDank u wel.\n",
        false,
    );
    same_as_plain(
        "De voorzitter:\nJa.\n\nDe heer Slootweg (CDA)\u{a0}:\nDank u wel.\n",
        false,
    );
    same_as_plain(
        "De voorzitter:\nJa.\n\nDe heer\u{202f}Slootweg\u{3000}(CDA):\nDank u wel.\n",
        false,
    );
}

#[test]
fn format_characters_in_a_label() {
    same_as_plain(
        "De voorzitter:\nJa.\n\nDe heer Sloot\u{200d}weg (CDA):\nDank u wel.\n",
        true,
    );
    same_as_plain(
        "De voorzitter:\nJa.\n\nDe heer Slootweg\u{200f} (CDA):\nDank u wel.\n",
        true,
    );
    same_as_plain(
        "De voorzitter:\nJa.\n\nDe heer Slootweg (CDA)\u{200e}:\nDank u wel.\n",
        true,
    );
}

#[test]
fn byte_order_mark_in_mid_file() {
    same_as_plain(
        "De voorzitter:\nJa.\n\n\u{feff}De heer Slootweg (CDA):\nDank u wel.\n",
        true,
    );
}

#[test]
fn unicode_line_ends() {
    for end in ["\u{2028}", "\u{2029}", "\u{85}"] {
        same_as_plain(&PLAIN.replace('\n', end), true);
        // Only the line after the label.
        same_as_plain(&PLAIN.replace("(CDA):\n", &format!("(CDA):{end}")), true);
    }
}

#[test]
fn full_width_colon_ends_a_label() {
    same_as_plain(
        "De voorzitter:\nJa.\n\nDe heer Slootweg (CDA)\u{ff1a}\nDank u wel.\n",
        true,
    );
}

#[test]
fn label_in_nfd() {
    // `nfd_label_merged_into_chair.txt`.
    let nfd = "De voorzitter:\nHet woord is aan de minister.\n\n\
               Minister Yes\u{327}ilgo\u{308}z-Zegerius:\nDank u wel.\n";
    let nfc = "De voorzitter:\nHet woord is aan de minister.\n\n\
               Minister Ye\u{15f}ilg\u{f6}z-Zegerius:\nDank u wel.\n";
    let parsed = parse_checked(nfd);
    assert_eq!(speeches(&parsed), speeches(&parse(nfc)));
    assert_eq!(speeches(&parsed).len(), 2);
    let minister = parsed.document.speeches().nth(1).expect("two speeches");
    let span = minister.speaker.name_text().span();
    assert_eq!(
        &nfd[span.start..span.end],
        "Yes\u{327}ilgo\u{308}z-Zegerius"
    );
    assert_eq!(
        unusual(&parsed),
        0,
        "NFD is read as intended: no diagnostic"
    );
}

#[test]
fn inline_label_followed_by_a_mark_keeps_label_and_text_apart() {
    // Found by the proptest of the invariants: the label's colon and the
    // text after it were one edit of NFC.
    for input in [
        "Minister X:e\u{301}\n",
        "Minister Rutte:\u{344}\u{fffd}:\n",
        "Minister Jasper van Dijk:\u{212b}\u{10ffff}\n",
    ] {
        let parsed = parse_checked(input);
        assert_eq!(parsed.document.speeches().count(), 1, "{input:?}");
    }
}

#[test]
fn headings_and_procedural_lines_in_nfd_and_with_odd_spaces() {
    let input = "## 1\n\n###\u{a0}Caf\u{65}\u{301}s in de\u{200b} stad\n\n\
                 De voorzitter:\nJa.\n\nDe\u{a0}beraadslaging wordt gesloten.\n";
    let parsed = parse_checked(input);
    let json = serde_json::to_value(&parsed.document.nodes).expect("nodes serialise");
    assert_eq!(json[0]["type"], "agenda_item");
    assert_eq!(json[0]["title"]["text"], "Caf\u{e9}s in de stad");
    let last = parsed.document.nodes.last().expect("nodes");
    let last = serde_json::to_value(last).expect("a node serialises");
    assert_eq!(last["kind"], "deliberation_closed", "{last}");
}

#[test]
fn soft_hyphen_at_a_line_end_is_a_typesetting_hyphen() {
    let parsed = parse_checked(
        "De heer Slootweg (CDA):\nEen pro\u{ad}\nminente rol en een soft\u{ad}ware.\n",
    );
    let speech = parsed.document.speeches().next().expect("a speech");
    assert_eq!(
        speech.paragraphs().next().unwrap().text.as_str(),
        "Een prominente rol en een software."
    );
    assert_eq!(unusual(&parsed), 0);
}

#[test]
fn nfd_and_nfc_hyphen_joins_agree() {
    // `nfd_hyphen_join.txt`.
    let text = |input: &str| speeches(&parse_checked(input));
    assert_eq!(
        text("De heer Slootweg (CDA):\nEen cafe\u{301}-\nbezoek.\n"),
        text("De heer Slootweg (CDA):\nEen caf\u{e9}-\nbezoek.\n")
    );
}

/// The files themselves, when `../shared/hostile/` is there.
#[test]
fn shared_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/hostile");
    for (name, want) in [
        ("nfd_label_merged_into_chair.txt", "Yeşilgöz-Zegerius"),
        ("nbsp_label_merged_into_chair.txt", "Slootweg"),
    ] {
        let Ok(input) = std::fs::read_to_string(dir.join(name)) else {
            println!("hostile_unicode: {name} not found, only the written-out cases ran");
            continue;
        };
        let parsed = parse_checked(&input);
        let names: Vec<String> = parsed
            .document
            .speeches()
            .map(|s| s.speaker.name().to_string())
            .collect();
        assert_eq!(names, ["voorzitter", want], "{name}");
    }
    if let Ok(input) = std::fs::read_to_string(dir.join("nfd_hyphen_join.txt")) {
        let parsed = parse_checked(&input);
        let speech = parsed.document.speeches().next().expect("a speech");
        assert_eq!(
            speech.paragraphs().next().unwrap().text.as_str(),
            "Een caf\u{e9}bezoek."
        );
    }
}
