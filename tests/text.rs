//! The text type and its source map: every range of normalised text maps
//! back to an exact input span, on char boundaries, inside the input, also
//! after NFC; text that normalisation does not change is borrowed.
//!
//! The `srcmap_*` and `nfd_*` inputs of `../shared/hostile/` are read when
//! that folder is there (it is beside the project in CI); the same cases
//! are also written out here, so the test never depends on it alone.

use handelingen::text::{normalize, Text};
use proptest::prelude::*;

/// Every word of `text` (split at spaces) maps to an input span whose
/// normalised form is that word, and every char boundary of the text maps
/// inside the input on a char boundary.
fn check_map(input: &str, text: &Text<'_>) -> Result<(), String> {
    let span = text.span();
    if span.end > input.len()
        || !input.is_char_boundary(span.start)
        || !input.is_char_boundary(span.end)
    {
        return Err(format!("span {span:?} is not a char range of the input"));
    }
    for (i, _) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        for at in [text.input_start(i), text.input_end(i)] {
            if at > input.len() || !input.is_char_boundary(at) || at < span.start || at > span.end {
                return Err(format!(
                    "offset {i} maps to {at}, outside {span:?} or not on a char boundary"
                ));
            }
        }
    }
    let mut pos = 0;
    for word in text.split(' ') {
        let range = pos..pos + word.len();
        pos += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let s = text.span_of(range);
        let printed = &input[s.start..s.end];
        if normalize(printed).as_str() != word {
            return Err(format!("word {word:?} maps to {printed:?}"));
        }
    }
    if text.is_verbatim() && &input[span.start..span.end] != text.as_str() {
        return Err("a verbatim text differs from its input".into());
    }
    Ok(())
}

#[test]
fn hostile_source_map_cases() {
    let cases = [
        // `srcmap_nfd.txt`: a word after an NFD sequence maps to itself.
        "Cafe\u{301} is een woord en nog een\n",
        // `srcmap_nonboundary.txt`: no offset inside U+0301.
        "e\u{301}e\u{301} \u{eb}x\n",
        // `srcmap_pastend.txt`: U+0958 composes to two chars; nothing maps
        // past the end.
        "\u{958} x\n",
        "Cafe\u{301} rol",
    ];
    for input in cases {
        check_map(input, &normalize(input)).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
    let rol = normalize("Cafe\u{301} rol");
    let at = rol.find("rol").unwrap();
    assert_eq!(
        rol.span_of(at..at + 3).start,
        7,
        "the bug of the old source map"
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/hostile");
    let files = [
        "srcmap_nfd.txt",
        "srcmap_nonboundary.txt",
        "srcmap_pastend.txt",
    ];
    let mut read = 0;
    for name in files {
        if let Ok(input) = std::fs::read_to_string(dir.join(name)) {
            check_map(&input, &normalize(&input)).unwrap_or_else(|e| panic!("{name}: {e}"));
            read += 1;
        }
    }
    if read == 0 {
        println!(
            "hostile_source_map_cases: ../shared/hostile not found, only the written-out cases ran"
        );
    }
}

#[test]
fn canonically_equivalent_words_join_alike() {
    let nfd = "De heer Slootweg (CDA):\nEen cafe\u{301}-\nbezoek.\n";
    let nfc = "De heer Slootweg (CDA):\nEen caf\u{e9}-\nbezoek.\n";
    let text = |input: &str| {
        let parsed = handelingen::parse(input);
        let speech = parsed
            .document
            .speeches()
            .next()
            .map(|s| s.paragraphs().next().unwrap().text.to_string());
        speech.unwrap_or_default()
    };
    assert_eq!(text(nfd), "Een caf\u{e9}bezoek.");
    assert_eq!(text(nfd), text(nfc));
}

#[test]
fn reference_in_nfd_text_has_an_exact_span() {
    // `nfd_ref_span_whole_paragraph.txt`: the span covered the rest of the
    // paragraph.
    let input = "De voorzitter:\nIk noem de motie-Yes\u{327}ilgo\u{308}z en de motie-Van Raan.\n";
    let parsed = handelingen::parse(input);
    let refs = &parsed.analysis.as_ref().unwrap().references;
    assert_eq!(refs.len(), 2);
    let s = refs[0].text.span();
    assert_eq!(&input[s.start..s.end], "motie-Yes\u{327}ilgo\u{308}z");
    let s = refs[1].text.span();
    assert_eq!(&input[s.start..s.end], "motie-Van Raan");
}

#[test]
fn clean_paragraphs_are_borrowed() {
    let input = "De voorzitter:\nDank u wel.\n\nDe heer Slootweg (CDA):\nVoorzitter, een regel\nen nog een.\n";
    let parsed = handelingen::parse(input);
    let speeches: Vec<_> = parsed.document.speeches().collect();
    assert!(speeches[0].paragraphs().next().unwrap().text.is_verbatim());
    assert!(speeches[0].speaker.label().is_verbatim());
    assert!(speeches[1].speaker.name_text().is_verbatim());
    // A paragraph over two lines is rebuilt, with one edit for the line end.
    let p = &speeches[1].paragraphs().next().unwrap().text;
    assert!(!p.is_verbatim());
    assert_eq!(p.as_str(), "Voorzitter, een regel en nog een.");
    assert_eq!(p.edits().count(), 1);
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("e\u{301}".to_string()),
        Just("\u{e9}".to_string()),
        Just("o\u{308}".to_string()),
        Just("\u{958}".to_string()),
        Just("\u{212b}".to_string()),
        Just("Yes\u{327}ilgo\u{308}z".to_string()),
        Just("**".to_string()),
        Just("-\n".to_string()),
        Just(" ".to_string()),
        Just("  ".to_string()),
        Just("\n".to_string()),
        Just("\u{a0}".to_string()),
        "[a-zA-Z]{1,6}",
    ]
}

proptest! {
    #[test]
    fn mixed_nfd_and_nfc_text_maps_back(pieces in proptest::collection::vec(piece(), 0..40)) {
        let input: String = pieces.concat();
        let text = normalize(&input);
        prop_assert!(check_map(&input, &text).is_ok(), "{:?}: {:?}", input, check_map(&input, &text));
        let again = normalize(&text);
        prop_assert_eq!(again.as_str(), text.as_str());
    }
}
