//! Motions as the government and the chair speak of them (issue 13, the
//! analysis layer): the advice as it is said, with its link and the Tweede
//! Kamer's appreciation, and the votes of a Stemmingen. Asserted on the
//! hand-made fixtures (invented names) and on the 2018 sitting of the
//! corpus, whose Stemmingen holds four votes and an amended motion.

use std::io::Write as _;
use std::path::PathBuf;

use handelingen::{
    parse, AdviceKind, Analysis, Appreciation, MotionLink, Parsed, Span, VoteMethod, VoteResult,
    VoteSide, VoteSubject,
};

#[path = "support/checked.rs"]
mod checked;
#[path = "support/invariants.rs"]
mod invariants;

use checked::fixture;
#[path = "support/timing.rs"]
mod timing;

fn analysis<'p, 'a>(parsed: &'p Parsed<'a>) -> &'p Analysis<'a> {
    parsed.analysis.as_ref().expect("analysis runs by default")
}

/// The input under `span`, whitespace collapsed.
fn at(text: &str, span: Span) -> String {
    let slice = text
        .get(span.start..span.end)
        .expect("span inside the input");
    slice.split_whitespace().collect::<Vec<_>>().join(" ")
}

type Row = (
    AdviceKind,
    Appreciation,
    Option<String>,
    Option<MotionLink>,
    String,
);

fn advice(text: &str, parsed: &Parsed) -> Vec<Row> {
    analysis(parsed)
        .advice
        .iter()
        .map(|a| {
            (
                a.kind,
                a.appreciation,
                a.kamerstuk.clone(),
                a.link,
                at(text, a.span),
            )
        })
        .collect()
}

#[test]
fn advice_as_it_is_said() {
    use AdviceKind::*;
    use MotionLink::{DossierAndNumber, Number, Order};
    let (text, parsed) = fixture("analysis/advice_as_said.txt");
    let k = |n: u32| Some(format!("kst-40100-{n}"));
    let submitter = Some(MotionLink::Submitter);
    let expected: Vec<(AdviceKind, Option<String>, Option<MotionLink>, &str)> = vec![
        (MetKlemOntraden, k(11), Some(Order), "De eerste motie, van de heer Wilgenhof, moet ik met klem ontraden."),
        (GeenAppreciatie, k(12), Some(Number), "Die hoef ik niet te appreciëren, want dat is een spreekt-uitmotie."),
        // `ontraad ik haar; als …, oordeel Kamer`: one advice, never
        // oordeel Kamer.
        (OntradenTenzijGewijzigd, k(13), submitter, "Zoals de motie nu luidt, ontraad ik haar; als het dictum wordt aangepast, oordeel Kamer."),
        (VerzoekAanPresidium, k(14), Some(Number), "De motie op stuk nr. 14 is een verzoek aan het Presidium."),
        (OndersteuningVanBeleid, k(15), Some(Number), "De motie van de heer Brasem op stuk nr. 15 zie ik als ondersteuning van beleid."),
        (Ontijdig, k(16), Some(DossierAndNumber), "De motie op stuk nr. 16 (40100) is ontijdig, want de evaluatie komt pas in het najaar."),
        // `haar`: the motion of the sentence before.
        (Aanhouden, k(16), Some(DossierAndNumber), "Ik verzoek de heer Brasem haar aan te houden."),
        // `moet ik ontraden … Ik zou de motie oordeel Kamer kunnen geven
        // als …`: the offer in the next sentence qualifies the advice.
        (OntradenTenzijGewijzigd, k(17), Some(Number), "Die moet ik ontraden, want alles tegelijk kan niet."),
        (Overbodig, k(18), Some(Number), "Deze motie acht ik overbodig, want dat register is er al."),
        // Named in the sentence before (`De motie op stuk nr. 19.`).
        (OordeelKamer, k(19), Some(Number), "Ik geef de motie oordeel Kamer met de volgende interpretatie: betalen binnen de bestaande middelen."),
        (OordeelKamer, k(20), Some(Number), "Die laat ik aan het oordeel van de Kamer."),
        (Ontraden, k(20), Some(Number), "Nee, ik ontraad 'm toch."),
        // The chair's restatements.
        (Ontraden, k(20), Some(Number), "De motie op stuk nr. 20 is ontraden."),
        (OntradenTenzijGewijzigd, k(13), Some(Number), "De motie op stuk nr. 13 is ontraden tenzij gewijzigd."),
        (Overgenomen, k(15), Some(Number), "De motie op stuk nr. 15 is overgenomen."),
    ];
    let got = advice(text, &parsed);
    let got_short: Vec<_> = got
        .iter()
        .map(|(kind, _, ks, link, s)| (*kind, ks.clone(), *link, s.as_str()))
        .collect();
    assert_eq!(got_short, expected);
    for (kind, appreciation, ..) in &got {
        assert_eq!(*appreciation, kind.appreciation());
    }

    // The Kamer's own values, and the last word on each motion.
    let a = analysis(&parsed);
    let last = |n: u32| {
        a.final_advice(&format!("kst-40100-{n}"))
            .map(|a| a.appreciation)
    };
    assert_eq!(last(11), Some(Appreciation::Ontraden));
    assert_eq!(last(12), Some(Appreciation::GeenAppreciatie));
    assert_eq!(last(13), Some(Appreciation::OntradenTenzijGewijzigd));
    assert_eq!(last(14), Some(Appreciation::GeenAppreciatie));
    assert_eq!(last(15), Some(Appreciation::Overgenomen));
    assert_eq!(last(16), Some(Appreciation::VerzochtAanTeHouden));
    assert_eq!(last(17), Some(Appreciation::OntradenTenzijGewijzigd));
    assert_eq!(last(18), Some(Appreciation::Ontraden));
    assert_eq!(last(19), Some(Appreciation::OordeelKamer));
    assert_eq!(last(20), Some(Appreciation::Ontraden));
    // Every advice is linked to the motion of the document.
    for advice in &a.advice {
        let motion = advice.motion.expect("linked to a motion of the document");
        let m = parsed
            .document
            .motions()
            .nth(motion.index())
            .expect("a motion");
        assert_eq!(m.kamerstuk.as_deref(), advice.kamerstuk.as_deref());
    }
}

#[test]
fn appreciation_in_json() {
    let (_, parsed) = fixture("analysis/advice_as_said.txt");
    let json = serde_json::to_value(&parsed).expect("serialises");
    let values: Vec<&str> = json["analysis"]["advice"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a["appreciation"].as_str().expect("always present"))
        .collect();
    assert_eq!(values[2], "Ontraden, tenzij gewijzigd");
    assert_eq!(values[1], "Geen (expliciete) appreciatie");
    assert_eq!(values[6], "Verzocht motie aan te houden");
    // Every kind said in the fixture, with the Kamer's value in the JSON
    // beside it.
    let pairs: std::collections::BTreeSet<(&str, &str)> = json["analysis"]["advice"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().expect("a kind"),
                a["appreciation"].as_str().expect("a value"),
            )
        })
        .collect();
    let expected: std::collections::BTreeSet<(&str, &str)> = [
        ("aanhouden", "Verzocht motie aan te houden"),
        ("geen_appreciatie", "Geen (expliciete) appreciatie"),
        ("met_klem_ontraden", "Ontraden"),
        ("ondersteuning_van_beleid", "Oordeel Kamer"),
        ("ontijdig", "Ontraden"),
        ("ontraden", "Ontraden"),
        ("ontraden_tenzij_gewijzigd", "Ontraden, tenzij gewijzigd"),
        ("oordeel_kamer", "Oordeel Kamer"),
        ("overbodig", "Ontraden"),
        ("overgenomen", "Overgenomen"),
        ("verzoek_aan_presidium", "Geen (expliciete) appreciatie"),
    ]
    .into_iter()
    .collect();
    assert_eq!(pairs, expected);
}

/// `(result, subject, method, parties for, parties against, rest, counts,
/// Kamerstuk id, motion's Kamerstuk id)` of every vote.
type VoteRow = (
    VoteResult,
    Option<VoteSubject>,
    Option<VoteMethod>,
    Vec<String>,
    Vec<String>,
    Option<VoteSide>,
    (Option<u32>, Option<u32>, Option<u32>),
    Option<String>,
    Option<String>,
);

fn votes(parsed: &Parsed) -> Vec<VoteRow> {
    let motions: Vec<_> = parsed.document.motions().collect();
    analysis(parsed)
        .votes
        .iter()
        .map(|v| {
            (
                v.result,
                v.subject,
                v.method,
                v.parties_for().to_vec(),
                v.parties_against().to_vec(),
                v.rest,
                (v.votes_for(), v.votes_against(), v.participants()),
                v.kamerstuk().map(str::to_owned),
                v.motion()
                    .and_then(|m| motions.get(m.index()))
                    .and_then(|m| m.kamerstuk.clone()),
            )
        })
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn votes_of_a_stemmingen() {
    use VoteResult::*;
    let (text, parsed) = fixture("analysis/stemmingen.txt");
    let k = |n: u32| Some(format!("kst-40100-{n}"));
    let none = (None, None, None);
    let show = Some(VoteMethod::ShowOfHands);
    assert_eq!(
        votes(&parsed),
        vec![
            (
                Rejected,
                Some(VoteSubject::Motion),
                show,
                strings(&["LOP", "NDV", "Groen Vooruit"]),
                vec![],
                Some(VoteSide::Against),
                none,
                k(11),
                None
            ),
            // The amended motion is in the document: linked by id.
            (
                Adopted,
                Some(VoteSubject::AmendedMotion),
                show,
                vec![],
                strings(&["PvdB", "50MIN"]),
                Some(VoteSide::For),
                none,
                k(21),
                k(21)
            ),
            (
                Adopted,
                Some(VoteSubject::Motion),
                Some(VoteMethod::WithoutVote),
                vec![],
                vec![],
                None,
                none,
                k(15),
                None
            ),
            // The roll call's counts said before the result.
            (
                Adopted,
                Some(VoteSubject::Motion),
                Some(VoteMethod::RollCall),
                vec![],
                vec![],
                None,
                (Some(75), Some(72), Some(147)),
                k(17),
                None
            ),
            (
                Rejected,
                Some(VoteSubject::Proposal),
                show,
                strings(&["LOP", "PvdB"]),
                vec![],
                Some(VoteSide::Against),
                none,
                None,
                None
            ),
        ]
    );
    let spans: Vec<String> = analysis(&parsed)
        .votes
        .iter()
        .map(|v| at(text, v.span))
        .collect();
    assert!(spans[2] == "Ik constateer dat deze motie zonder stemming is aangenomen.");
    assert!(spans.iter().all(|s| s.starts_with("Ik constateer dat")));
    // The amended motion: number 21, replacing 13.
    let amended = parsed.document.motions().next().expect("a motion");
    assert_eq!(amended.kamerstuk.as_deref(), Some("kst-40100-21"));
    assert_eq!(amended.replaces.as_deref(), Some("kst-40100-13"));
}

/// The sittings folder of the corpus: `../sittings` beside the folder in
/// `HANDELINGEN_CORPUS`; `None` (with a line saying so) when absent.
fn sittings() -> Option<PathBuf> {
    let Some(text) = std::env::var_os("HANDELINGEN_CORPUS").map(PathBuf::from) else {
        let _ = writeln!(
            std::io::stderr(),
            "motions: corpus test not run: HANDELINGEN_CORPUS is not set"
        );
        return None;
    };
    let dir = text.join("..").join("sittings");
    if !dir.is_dir() {
        let _ = writeln!(
            std::io::stderr(),
            "motions: corpus test not run: no folder {}",
            dir.display()
        );
        return None;
    }
    Some(dir)
}

#[test]
fn votes_of_the_2018_sitting() {
    let Some(dir) = sittings() else {
        return;
    };
    let left = ["SP", "PvdA", "GroenLinks", "PvdD", "DENK", "50PLUS"];
    let with = |more: &[&str]| strings(&[&left[..], more].concat());
    let k = |n: u32| Some(format!("kst-21501-08-{n}"));
    let show = Some(VoteMethod::ShowOfHands);
    let against = Some(VoteSide::Against);
    let none = (None, None, None);
    let motion = Some(VoteSubject::Motion);
    for layout in ["official", "pdf", "markdown"] {
        let path = dir.join(format!("h-tk-20172018-70.{layout}.txt"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let parsed = parse(&text);
        assert_eq!(
            votes(&parsed),
            vec![
                (
                    VoteResult::Rejected,
                    Some(VoteSubject::AmendedMotion),
                    show,
                    strings(&left),
                    vec![],
                    against,
                    none,
                    k(726),
                    k(726)
                ),
                (
                    VoteResult::Adopted,
                    motion,
                    show,
                    with(&["D66", "VVD", "SGP", "CDA", "ChristenUnie"]),
                    vec![],
                    against,
                    none,
                    k(721),
                    None
                ),
                (
                    VoteResult::Adopted,
                    motion,
                    show,
                    with(&["D66", "SGP", "CDA", "ChristenUnie"]),
                    vec![],
                    against,
                    none,
                    k(722),
                    None
                ),
                (
                    VoteResult::Adopted,
                    motion,
                    show,
                    with(&["D66", "SGP", "CDA", "ChristenUnie"]),
                    vec![],
                    against,
                    none,
                    k(724),
                    None
                ),
            ],
            "{layout}"
        );
        // The amended motion: 726, replacing 719 of the same dossier.
        let amended = parsed
            .document
            .motions()
            .find(|m| m.kamerstuk.as_deref() == Some("kst-21501-08-726"))
            .unwrap_or_else(|| panic!("{layout}: no motion 726"));
        assert_eq!(
            amended.replaces.as_deref(),
            Some("kst-21501-08-719"),
            "{layout}"
        );
        for v in &analysis(&parsed).votes {
            assert!(
                at(&text, v.span).starts_with("Ik constateer dat de leden van de fracties van"),
                "{layout}"
            );
        }
    }
}

/// Many clauses, conditional offers and new words of advice in one
/// sentence: each phrase reads no further than its clause and four words,
/// each offer qualifies the advice before it in constant time.
#[test]
fn advice_clauses_in_one_sentence_linear() {
    let _serial = timing::serial();
    let text = |n: usize| {
        format!(
            "Minister Ouwerkerk:\nDe motie {}.\n",
            "ontraad ik; als het kan, oordeel Kamer; is ontijdig;;, hoef ik niet te appreciëren "
                .repeat(n)
        )
    };
    let small = text(4_000);
    let parsed = parse(&small);
    let kinds: Vec<AdviceKind> = analysis(&parsed).advice.iter().map(|a| a.kind).collect();
    // One record per kind said on the one (unnamed) motion: the offer
    // made the first `ontraden` conditional.
    assert_eq!(
        kinds,
        [
            AdviceKind::OntradenTenzijGewijzigd,
            AdviceKind::Ontijdig,
            AdviceKind::GeenAppreciatie,
        ]
    );
    timing::assert_linear("advice clauses in one sentence", &small, &text(8_000));
}

/// A Stemmingen of many votes, each announced in one speech and decided in
/// the next; and a vote left open, after which the chair's paragraphs are
/// read for its result.
#[test]
fn many_votes_of_a_stemmingen_linear() {
    let _serial = timing::serial();
    let vote = "De voorzitter:\nIn stemming komt het voorstel van het Presidium.\n\n\
                De voorzitter:\nAan deze stemming hebben 150 leden deelgenomen.\n\n\
                Ik constateer dat de leden van de fracties van de LOP voor dit voorstel \
                hebben gestemd en de leden van de overige fracties ertegen, zodat het is verworpen.\n\n";
    let open = "De voorzitter:\nIn stemming komt het voorstel.\n\n";
    let text = |n: usize| {
        format!(
            "{}{}{}",
            vote.repeat(n),
            open,
            "De voorzitter:\nDank u.\n\n".repeat(n)
        )
    };
    let small = text(2_000);
    let parsed = parse(&small);
    let votes = &analysis(&parsed).votes;
    assert_eq!(votes.len(), 2_000);
    assert!(votes.iter().all(|v| v.participants() == Some(150)
        && v.rest == Some(VoteSide::Against)
        && v.subject == Some(VoteSubject::Proposal)));
    timing::assert_linear("many votes of a Stemmingen", &small, &text(4_000));
}

/// The motion's submitters and number printed inside the speaker's own turn
/// (no `De voorzitter:` label before them, as ParlaMint-NL prints them)
/// belong to the motion just read, as after a chair label.
#[test]
fn motion_info_in_the_speaker_s_own_turn() {
    let (_, parsed) = fixture("handmade/motion_info_in_own_turn.txt");
    let motion = parsed.document.motions().next().expect("a motion");
    assert_eq!(motion.kamerstuk.as_deref(), Some("kst-40200-12"));
    let submitters: Vec<&str> = motion.submitters.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(submitters, ["Verhoeven", "Bakker"]);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

/// The motion named in the paragraph before the advice (`Dan de motie op
/// stuk nr. 33.` / `Ik ontraad 'm.`), in the sentence before (`… gaat over
/// de pompen. Deze motie krijgt oordeel Kamer.`) or earlier in the
/// paragraph (`… Om die reden zou ik het oordeel aan de Kamer willen
/// laten.`), `die motie`, the minister's own `ontraden tenzij gewijzigd`,
/// advice with a reading (`oordeel Kamer geven als ik haar zo mag lezen
/// dat …`), and the chair's restatements as the last word.
#[test]
fn advice_linked_back_to_the_motion_named_before() {
    use AdviceKind::*;
    let (text, parsed) = fixture("analysis/advice_linked_back.txt");
    let got: Vec<_> = advice(text, &parsed)
        .into_iter()
        .map(|(kind, _, ks, link, s)| (kind, ks, link, s))
        .collect();
    let expected: Vec<(AdviceKind, u32, &str)> = vec![
        (Ontraden, 31, "Die motie ontraad ik, want het geld is er niet."),
        (OordeelKamer, 32, "Deze motie krijgt oordeel Kamer."),
        (Ontraden, 33, "Ik ontraad 'm."),
        (OntradenTenzijGewijzigd, 34, "De motie op stuk nr. 34: ontraden tenzij gewijzigd."),
        // Named two sentences before, in the same paragraph.
        (OordeelKamer, 35, "Om die reden zou ik het oordeel aan de Kamer willen laten."),
        // `als ik haar zo mag lezen`: a reading, not a condition.
        (OordeelKamer, 36, "De motie op stuk nr. 36 kan ik oordeel Kamer geven als ik haar zo mag lezen dat het keuren binnen de begroting blijft."),
        (Ontraden, 31, "De motie op stuk nr. 31 is ontraden."),
        (OordeelKamer, 32, "De motie op stuk nr. 32 heeft oordeel Kamer."),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(kind, n, s)| {
            let id = Some(format!("kst-40300-{n}"));
            (kind, id, Some(MotionLink::Number), s.to_string())
        })
        .collect();
    assert_eq!(got, expected);
    // The last word on 31 and 32 is the chair's.
    let a = analysis(&parsed);
    for n in [31, 32] {
        let last = a.final_advice(&format!("kst-40300-{n}")).expect("advice");
        let speech = parsed.document.speech(last.speech).expect("a speech");
        assert_eq!(speech.speaker.role(), handelingen::Role::Chair, "{n}");
    }
    assert_eq!(
        a.final_advice("kst-40300-33").map(|a| a.appreciation),
        Some(Appreciation::Ontraden)
    );
}
