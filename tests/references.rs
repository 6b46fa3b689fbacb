//! A reference printing several numbers (`de moties op stuk nrs. 1009 en
//! 1010`) makes a record per number, and holds its text once: the first
//! record the whole reference, each later one only its number, naming the
//! first as `part_of` (format 4). Before, each record carried the whole
//! reference, so the JSON of a reference printing N numbers grew as N²: a
//! 133 KB paragraph gave 2.1 GB of JSON Lines.

use handelingen::{json, parse, Parsed, ReferenceId};

/// `text` as a chair's paragraph of one sitting.
fn chair(text: &str) -> String {
    format!("De voorzitter:\n{text}\n")
}

fn references<'p, 'a>(parsed: &'p Parsed<'a>) -> &'p [handelingen::MotionReference<'a>] {
    &parsed
        .analysis
        .as_ref()
        .expect("the analysis layer runs by default")
        .references
}

#[test]
fn a_later_number_holds_only_itself_and_names_the_first() {
    let input = chair("De moties-Van Raan op stuk nrs. 1009 en 1010 (36200) zijn aangehouden.");
    let parsed = parse(&input);
    let refs = references(&parsed);
    assert_eq!(refs.len(), 2);
    let (first, later) = (&refs[0], &refs[1]);
    assert_eq!(
        first.text.as_str(),
        "moties-Van Raan op stuk nrs. 1009 en 1010 (36200)"
    );
    assert_eq!(first.part_of(), None);
    assert_eq!(first.submitter(), Some("Van Raan"));
    assert_eq!(first.kamerstuk(), Some("kst-36200-1009"));
    assert_eq!(later.text.as_str(), "1010");
    assert_eq!(
        &input[later.text.span().start..later.text.span().end],
        "1010"
    );
    assert_eq!(later.part_of(), Some(ReferenceId::new(0)));
    assert_eq!(later.submitter(), None);
    assert_eq!(later.kamerstuk(), Some("kst-36200-1010"));
    // The later number lies inside the first record's span.
    let (outer, inner) = (first.text.span(), later.text.span());
    assert!(outer.start <= inner.start && inner.end <= outer.end);
}

/// A reference whose text was rebuilt (`**` removed): each later number's
/// span is its own, read through the source map.
#[test]
fn a_later_number_of_rebuilt_text_has_its_own_span() {
    let input = chair("Ik ontraad de **moties** op stuk nrs. 1009, 1010 en 1011.");
    let parsed = parse(&input);
    let refs = references(&parsed);
    let texts: Vec<_> = refs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        ["moties op stuk nrs. 1009, 1010 en 1011", "1010", "1011"]
    );
    for r in &refs[1..] {
        let span = r.text.span();
        assert_eq!(&input[span.start..span.end], r.text.as_str());
        assert_eq!(r.part_of(), Some(ReferenceId::new(0)));
    }
}

/// `De moties op stuk nrs. 1 en 2 en … en n (36200).`
fn many_numbers(n: usize) -> String {
    let mut text = String::from("De moties op stuk nrs. 1");
    for i in 2..=n {
        text.push_str(&format!(" en {i}"));
    }
    text.push_str(" (36200) zijn aangehouden.");
    chair(&text)
}

/// Twice the numbers, about twice the JSON (it was four times), and every
/// number still makes its record.
#[test]
fn the_json_of_a_reference_grows_linearly_with_its_numbers() {
    let size = |n: usize| {
        let input = many_numbers(n);
        let parsed = parse(&input);
        let refs = references(&parsed);
        assert_eq!(refs.len(), n);
        assert_eq!(
            refs[n - 1].kamerstuk(),
            Some(format!("kst-36200-{n}").as_str())
        );
        assert!(refs[1..]
            .iter()
            .all(|r| r.part_of() == Some(ReferenceId::new(0))));
        let mut out = Vec::new();
        json::write(&parsed, &mut out).expect("a parse serialises");
        (input.len(), out.len())
    };
    let (small_in, small) = size(2_000);
    let (large_in, large) = size(4_000);
    let growth = large as f64 / small as f64;
    let input_growth = large_in as f64 / small_in as f64;
    assert!(
        growth < 1.2 * input_growth,
        "JSON grew {growth:.2}x for {input_growth:.2}x the input ({small} -> {large} bytes)"
    );
}

#[test]
fn the_records_read_back_and_an_impossible_part_of_is_refused() {
    let input = many_numbers(3);
    let parsed = parse(&input);
    let text = serde_json::to_string(&parsed).expect("a parse serialises");
    let back: Parsed = serde_json::from_str(&text).expect("its own JSON reads back");
    assert_eq!(back, parsed);

    let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["analysis"]["references"][1]["part_of"] = 1.into();
    let err = serde_json::from_value::<Parsed>(value)
        .expect_err("a record cannot be part of itself")
        .to_string();
    assert!(
        err.contains("part_of") && err.contains("not an earlier reference"),
        "{err}"
    );
}
