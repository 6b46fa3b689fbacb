//! Unit tests of [`super`]: the advice phrases, conditions and readings.

use super::*;
use regex::Regex;

/// The phrases of `s`, read as a government paragraph.
fn found(s: &str) -> Vec<(usize, usize)> {
    let owner = super::super::super::index::Owner::Speech {
        node: crate::tree::NodeId::new(0),
        role: crate::tree::Role::Minister,
    };
    let mut hits = Vec::new();
    scan::Scanner::for_owner(owner).scan(s, &mut hits);
    phrases(s, &hits).collect()
}

/// The table finds what the one regex of every phrase it replaced
/// found, leftmost first, phrases overlapping and adjacent included.
#[test]
fn phrases_as_one_regex() {
    let one = Regex::new(concat!(
        r"(?-u:\b)(?:",
        r"[Oo]ntra(?:den|ad|adt|dde|dden)",
        r"|[Oo]ordeel (?:van de )?[Kk]amer|[Oo]ordeel (?:[^ ]+ ){1,4}?aan de [Kk]amer",
        r"|[Mm]et de volgende interpretatie",
        r"|[Oo]ndersteuning van (?:het )?beleid",
        r"|[Oo]vergenomen|[Oo]vernemen|[Nn]eem (?:ik|we|wij) (?:[^ ]+ ){0,3}?over",
        r"|[Aa]anhouden|houden",
        r"|[Oo]ntijdig|[Oo]verbodig",
        r"|appreci(?:ëren|eren)|[Ss]preekt[- ]uit-?motie",
        r"|[Vv]erzoek aan het [Pp]residium",
        r")(?-u:\b)"
    ))
    .unwrap();
    let old = |text: &str| -> Vec<(usize, usize)> {
        one.find_iter(text)
            .filter_map(|m| {
                let before = |words: &str| {
                    let head = text.get(..m.start())?;
                    let tail = head.get(head.len().checked_sub(words.len())?..)?;
                    tail.eq_ignore_ascii_case(words)
                        .then(|| (m.start() - words.len(), m.end()))
                };
                match m.as_str() {
                    "houden" => before("aan te "),
                    s if s.starts_with("appreci") => before("niet te "),
                    _ => Some((m.start(), m.end())),
                }
            })
            .collect()
    };
    let pieces = [
        "Oordeel Kamer",
        "oordeel van de Kamer",
        "Oordeel van de Kamerleden",
        "oordeel x y z aan de kamer",
        "ontraden",
        "Ontraad",
        "ontraadt",
        "ontradde",
        "ontradden",
        "contract",
        "Ontradenontraden",
        "met de volgende interpretatie",
        "Met de volgende interpretaties",
        "ondersteuning van het beleid",
        "Overgenomen",
        "overnemen",
        "Neem ik graag over",
        "neem we die over",
        "Neem wij a b c d over",
        "aanhouden",
        "Aan te houden",
        "AAN TE houden",
        "rekening houden",
        "ontijdig",
        "Overbodig",
        "niet te appreciëren",
        "NIET TE appreciëren",
        "appreciëren",
        "Spreekt-uitmotie",
        "spreekt uit-motie",
        "verzoek aan het Presidium",
        "Verzoek aan het presidium",
        "é",
        "motie",
        ",",
        ".",
        " ",
        "  ",
        "_",
        "oordeelontraden",
        "neem ik ontraden over",
    ];
    let mut texts = Vec::new();
    for a in pieces {
        for b in pieces {
            texts.push(format!("{a} {b}"));
            texts.push(format!("{a}{b}"));
            for c in ["Oordeel ", "x ontraden ", "houden "] {
                texts.push(format!("{c}{a} {b} aan de Kamer"));
            }
        }
    }
    for text in &texts {
        assert_eq!(found(text), old(text), "{text:?}");
    }
}

fn first(s: &str) -> (usize, usize) {
    found(s)[0]
}

#[test]
fn conditions() {
    let cond = |s: &str, nth: usize| {
        let (a, b) = found(s)[nth];
        Sentence::new(s).conditional(a, b)
    };
    assert!(cond(
        "Als ik haar kan verleiden, dan kan ik de motie oordeel Kamer geven.",
        0
    ));
    assert!(cond(
        "Blijft zij zeggen \"nee\", dan moet ik de motie ontraden.",
        0
    ));
    assert!(cond(
        "Ik denk dat ik deze toch ga ontraden als deze luidt zoals zij zegt.",
        0
    ));
    assert!(!cond("Dan is de motie op stuk nr. 1009 dus ontraden.", 0));
    assert!(!cond(
        "De motie op stuk nr. 5: ontraden tenzij gewijzigd.",
        0
    ));
    let s =
        "Zoals de motie nu luidt, ontraad ik haar; als het dictum wordt aangepast, oordeel Kamer.";
    assert!(!cond(s, 0));
    assert!(cond(s, 1));
    assert!(cond(
        "Ik zou de motie oordeel Kamer kunnen geven als er iets anders staat.",
        0
    ));
    assert!(!cond(
        "Ik geef de motie oordeel Kamer, want dat is goed beleid als het ware.",
        0
    ));
    assert!(question("Oordeel Kamer, neem ik aan?"));
    // A reading is no condition: the advice with its interpretation.
    assert!(!cond(
        "De motie op stuk nr. 13 kan ik ook oordeel Kamer geven als ik die zo mag lezen \
         dat het binnen de middelen blijft.",
        0
    ));
    assert!(!cond(
        "Als ik de motie zo mag interpreteren dat het om een verkenning gaat, dan oordeel \
         Kamer.",
        0
    ));
    assert!(cond(
        "Als de indiener de motie zo wil aanpassen dat ik haar kan lezen, oordeel Kamer.",
        0
    ));
    assert!(!cond(
        "Als ik in de zomer met een brief mag komen, laat ik het oordeel aan de Kamer.",
        0
    ));
}

#[test]
fn kinds() {
    let k = |s: &str| {
        let (a, b) = first(s);
        Sentence::new(s).kind(&s[a..b])
    };
    use AdviceKind::*;
    for (s, kind) in [
        (
            "krijgt om die reden: met klem ontraden, met klem.",
            MetKlemOntraden,
        ),
        ("Ontraden tenzij gewijzigd.", OntradenTenzijGewijzigd),
        ("Die laat ik aan het oordeel van de Kamer.", OordeelKamer),
        ("Die neem ik graag over.", Overgenomen),
        (
            "Om die reden laat ik het oordeel erover aan de Kamer.",
            OordeelKamer,
        ),
        ("Ik verzoek de motie aan te houden.", Aanhouden),
        ("De motie op stuk nr. 1009 ontraad ik.", Ontraden),
        ("De motie is ontijdig.", Ontijdig),
        ("Deze motie acht ik overbodig.", Overbodig),
        (
            "Die zie ik als ondersteuning van beleid.",
            OndersteuningVanBeleid,
        ),
        ("Die hoef ik niet te appreciëren.", GeenAppreciatie),
        ("Dat is een spreekt-uitmotie.", GeenAppreciatie),
        ("Dit is een verzoek aan het Presidium.", VerzoekAanPresidium),
        (
            "Ik geef haar met de volgende interpretatie mee: dit.",
            OordeelKamer,
        ),
    ] {
        assert_eq!(k(s), kind, "{s}");
    }
    assert_eq!(found("Ik verzoek de motie aan te houden."), [(20, 33)]);
    assert_eq!(
        found("Die hoef ik niet te appreciëren."),
        [(12, "Die hoef ik niet te appreciëren".len())]
    );
    assert!(found("We moeten er rekening mee houden.").is_empty());
    assert!(found("Ik wil het beleid appreciëren.").is_empty());
}

#[test]
fn motion_word() {
    assert_eq!(
        first_motion_word("De emotie en de moties; de motie-Jansen"),
        Some(27)
    );
    assert_eq!(first_motion_word("Motie"), Some(0));
    assert_eq!(first_motion_word("promotie, moties"), None);
}

#[test]
fn pronouns() {
    assert!(pronoun("nee, ik ontraad 'm toch."));
    assert!(pronoun(
        "die moet ik ontraden, want alles tegelijk kan niet."
    ));
    assert!(!pronoun("dat lijkt me overbodig."));
}

#[test]
fn many_phrases_in_one_sentence() {
    let s = format!("De motie {}.", "ontraden ".repeat(100));
    let f = Sentence::new(&s);
    let all = found(&s);
    assert_eq!(all.len(), 100);
    assert!(all
        .iter()
        .all(|&(a, b)| f.kind(&s[a..b]) == AdviceKind::Ontraden));
    assert!(!all.iter().any(|&(a, b)| f.conditional(a, b)));
}
