//! Invariants every parse must satisfy, in one place.
//!
//! Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and the property
//! and hostile-input tests (`tests/*.rs`), which include this file with
//! `#[path = "…/tests/support/invariants.rs"] mod invariants;`. Every check returns
//! `Err(message)` instead of panicking, so proptest can shrink and the fuzz
//! targets can panic with a message a person can act on.
//!
//! What is checked (issue 5, "Never crash, never lose text"):
//! - every span (document, nodes, speech labels, paragraphs, content blocks,
//!   motion body and clauses, front matter fields, page furniture,
//!   diagnostics) lies inside the input, on `char` boundaries, start ≤ end;
//! - the document span is the whole input (a leading BOM may be skipped);
//! - top-level nodes are in document order (each start ≥ the previous
//!   start), and so are the children of a node and the diagnostics;
//! - children lie inside their parent's span;
//! - a speech's `content` refers to each of its paragraphs exactly once, in
//!   order; a motion's `id` agrees with its `number`;
//! - the analysis layer: spans as above and in order per list, indexes into
//!   references and speeches in range, advice inside its speech, each speech
//!   in at most one contribution;
//! - a diagnostic's `line`/`column` (and the line of `InvalidUtf8`) agree
//!   with [`expected_line_column`], and so does [`handelingen::line_column`];
//! - lossless: every non-whitespace `char` of the input lies in the span of
//!   some top-level node or some diagnostic;
//! - the JSON round trip gives back an equal value;
//! - normalising normalised text changes nothing.
//!
//! All checks are linear (or `n log n` in the number of nodes) in the size
//! of the input, so they can run on the 10 MB hostile inputs.

#![allow(dead_code)]

use handelingen::{Block, Error, Motion, Node, Parsed, Span, Speech};

/// The result of a check: `Err` says what is wrong and where.
pub type Check = Result<(), String>;

/// Panics with the message of a failed check (for the fuzz targets and
/// plain tests).
#[track_caller]
pub fn assert_ok(check: Check) {
    if let Err(message) = check {
        panic!("invariant violated: {message}");
    }
}

/// Parses `bytes` with [`handelingen::parse_bytes`] and checks everything:
/// on success the tree invariants, lossless coverage and the JSON round
/// trip; on failure that the error is the right `InvalidUtf8`.
pub fn check_bytes(bytes: &[u8]) -> Check {
    match (handelingen::parse_bytes(bytes), std::str::from_utf8(bytes)) {
        (Ok(parsed), Ok(text)) => {
            check_parsed(text, &parsed)?;
            check_json_roundtrip(&parsed)
        }
        (Ok(_), Err(e)) => Err(format!(
            "parse_bytes accepted invalid UTF-8 (invalid at byte {})",
            e.valid_up_to()
        )),
        (Err(err), Ok(_)) => Err(format!("parse_bytes rejected valid UTF-8: {err}")),
        (Err(err), Err(_)) => check_utf8_error(bytes, &err),
    }
}

/// Parses `text` and checks the tree invariants, lossless coverage and the
/// JSON round trip.
pub fn check_text(text: &str) -> Check {
    let parsed = handelingen::parse(text);
    check_parsed(text, &parsed)?;
    check_json_roundtrip(&parsed)
}

/// Checks that `err` is the `InvalidUtf8` error `std` would report for
/// `bytes`: same offset, 1-based line of that offset, a span of 1 to 4
/// bytes starting there.
pub fn check_utf8_error(bytes: &[u8], err: &Error) -> Check {
    let std_err = match std::str::from_utf8(bytes) {
        Ok(_) => return Err(format!("error {err:?} for valid UTF-8")),
        Err(e) => e,
    };
    let expected_offset = std_err.valid_up_to();
    let valid = std::str::from_utf8(&bytes[..expected_offset]).unwrap_or_default();
    let (expected_line, _) = expected_line_column(valid, expected_offset);
    match err {
        Error::InvalidUtf8 { offset, line, span } => {
            if *offset != expected_offset {
                return Err(format!(
                    "InvalidUtf8 offset {offset}, expected {expected_offset}"
                ));
            }
            if *line != expected_line {
                return Err(format!("InvalidUtf8 line {line}, expected {expected_line}"));
            }
            if span.start != *offset
                || span.end <= span.start
                || span.end > bytes.len()
                || span.len() > 4
            {
                return Err(format!(
                    "InvalidUtf8 span {span:?} is not the 1-4 invalid bytes at {offset} \
                     (input is {} bytes)",
                    bytes.len()
                ));
            }
            if let Some(len) = std_err.error_len() {
                if span.len() != len {
                    return Err(format!(
                        "InvalidUtf8 span {span:?} has length {}, std says {len}",
                        span.len()
                    ));
                }
            }
            if err.span() != *span {
                return Err(format!("Error::span() {:?} != {span:?}", err.span()));
            }
            let shown = err.to_string();
            if !shown.contains(&format!("byte {offset}")) {
                return Err(format!("message does not name byte {offset}: {shown}"));
            }
            Ok(())
        }
        other => Err(format!("unexpected error variant {other:?}")),
    }
}

/// Checks the tree invariants and lossless coverage of `parsed`, the result
/// of parsing `input`.
pub fn check_parsed(input: &str, parsed: &Parsed) -> Check {
    let doc = &parsed.document;
    span_ok(input, doc.span, "document")?;
    let bom = if input.starts_with('\u{feff}') { 3 } else { 0 };
    if doc.span.end != input.len() || doc.span.start > bom {
        return Err(format!(
            "document span {:?} is not the whole input (0..{}, BOM {bom})",
            doc.span,
            input.len()
        ));
    }

    let mut previous = 0;
    for (i, node) in doc.nodes.iter().enumerate() {
        let what = format!("nodes[{i}] ({})", node_name(node));
        let span = node.span();
        span_ok(input, span, &what)?;
        inside(doc.span, span, &what, "document")?;
        if span.start < previous {
            return Err(format!(
                "{what} starts at {} before the previous node's start {previous} \
                 (top-level nodes out of order)",
                span.start
            ));
        }
        previous = span.start;
        check_node(input, node, &what)?;
    }

    check_analysis(input, parsed)?;

    let mut previous = 0;
    for (i, d) in parsed.diagnostics.iter().enumerate() {
        let what = format!("diagnostics[{i}] ({:?})", d.kind);
        span_ok(input, d.span, &what)?;
        if d.span.start < previous {
            return Err(format!(
                "{what} starts at {} before the previous diagnostic's start {previous}",
                d.span.start
            ));
        }
        previous = d.span.start;
        let (line, column) = expected_line_column(input, d.span.start);
        if (d.line, d.column) != (line, column) {
            return Err(format!(
                "{what} says line {} column {}, but byte {} is at line {line} column {column}",
                d.line, d.column, d.span.start
            ));
        }
        let public = handelingen::line_column(input, d.span.start);
        if public != (line, column) {
            return Err(format!(
                "line_column(input, {}) is {public:?}, expected ({line}, {column})",
                d.span.start
            ));
        }
        if d.message.trim().is_empty() {
            return Err(format!("{what} has an empty message"));
        }
    }

    check_lossless(input, parsed)
}

/// Where a diagnostic at byte `offset` should say it is, computed here
/// independently of the crate: lines end at `\n`, `\r\n` or a lone `\r`
/// (as the parser splits them); the column counts `char`s from the start of
/// the line, counted after a leading BOM. `offset` must be a char boundary.
pub fn expected_line_column(input: &str, offset: usize) -> (usize, usize) {
    let bytes = input.as_bytes();
    let mut line = 1;
    // A leading BOM is invisible in an editor: columns count from after it.
    let mut line_start = if input.starts_with('\u{feff}') && offset >= 3 {
        3
    } else {
        0
    };
    for (i, &b) in bytes[..offset.min(bytes.len())].iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            line_start = i + 1;
        }
    }
    let column = input
        .get(line_start..offset)
        .map_or(0, |s| s.chars().count());
    (line, column + 1)
}

fn node_name(node: &Node) -> &'static str {
    match node {
        Node::FrontMatter(_) => "front_matter",
        Node::Heading(_) => "heading",
        Node::AgendaItem(_) => "agenda_item",
        Node::Presiding(_) => "presiding",
        Node::Speech(_) => "speech",
        Node::Motion(_) => "motion",
        Node::Procedural(_) => "procedural",
        Node::Suspension(_) => "suspension",
        Node::PageFurniture(_) => "page_furniture",
        Node::ThematicBreak(_) => "thematic_break",
        Node::Paragraph(_) => "paragraph",
        Node::Text(_) => "text",
        _ => "unknown",
    }
}

/// The analysis layer: spans inside the input and in order per list;
/// indexes into `references` and into the speeches in range; advice inside
/// the speech giving it; each speech in at most one contribution, after the
/// speech that opens it; events inside the node they name.
fn check_analysis(input: &str, parsed: &Parsed) -> Check {
    let analysis = &parsed.document.analysis;
    let speeches: Vec<&Speech> = parsed.document.speeches().collect();
    let lists = [
        (
            "references",
            analysis
                .references
                .iter()
                .map(|r| r.span)
                .collect::<Vec<_>>(),
        ),
        ("votes", analysis.votes.iter().map(|v| v.span).collect()),
        ("dates", analysis.dates.iter().map(|d| d.span).collect()),
        ("advice", analysis.advice.iter().map(|a| a.span).collect()),
        ("events", analysis.events.iter().map(|e| e.span).collect()),
    ];
    for (name, spans) in lists {
        let mut previous = 0;
        for (i, span) in spans.into_iter().enumerate() {
            let w = format!("analysis.{name}[{i}]");
            span_ok(input, span, &w)?;
            ordered(&mut previous, span, &w)?;
        }
    }
    for (i, r) in analysis.references.iter().enumerate() {
        if r.number.is_some() && r.id != r.number.as_ref().map(|n| n.id()) {
            return Err(format!(
                "analysis.references[{i}]: id {:?} does not match number {:?}",
                r.id, r.number
            ));
        }
    }
    for (i, v) in analysis.votes.iter().enumerate() {
        if let Some(r) = v.reference {
            let Some(reference) = analysis.references.get(r) else {
                return Err(format!(
                    "analysis.votes[{i}] refers to reference {r} of {}",
                    analysis.references.len()
                ));
            };
            if v.motion_id != reference.id {
                return Err(format!(
                    "analysis.votes[{i}]: motion_id {:?}, but its reference has id {:?}",
                    v.motion_id, reference.id
                ));
            }
        }
    }
    for (i, a) in analysis.advice.iter().enumerate() {
        let w = format!("analysis.advice[{i}]");
        let Some(speech) = speeches.get(a.speech) else {
            return Err(format!(
                "{w} refers to speech {} of {}",
                a.speech,
                speeches.len()
            ));
        };
        inside(speech.span, a.span, &w, &format!("speech {}", a.speech))?;
    }
    for (i, e) in analysis.events.iter().enumerate() {
        let w = format!("analysis.events[{i}]");
        let Some(node) = parsed.document.nodes.get(e.node) else {
            return Err(format!(
                "{w} refers to node {} of {}",
                e.node,
                parsed.document.nodes.len()
            ));
        };
        inside(node.span(), e.span, &w, &format!("node {}", e.node))?;
    }
    let mut seen = vec![false; speeches.len()];
    let mut previous = None;
    for (i, c) in analysis.contributions.iter().enumerate() {
        let w = format!("analysis.contributions[{i}]");
        if previous.is_some_and(|p| c.speech <= p) {
            return Err(format!("{w}: speech {} out of order", c.speech));
        }
        previous = Some(c.speech);
        let all = c.speeches();
        for index in all {
            match seen.get_mut(index) {
                None => {
                    return Err(format!(
                        "{w} refers to speech {index} of {}",
                        speeches.len()
                    ))
                }
                Some(true) => return Err(format!("{w}: speech {index} is in two places")),
                Some(seen) => *seen = true,
            }
            if index < c.speech {
                return Err(format!(
                    "{w}: speech {index} comes before the contribution's speech {}",
                    c.speech
                ));
            }
        }
    }
    Ok(())
}

fn check_node(input: &str, node: &Node, what: &str) -> Check {
    match node {
        Node::Speech(speech) => check_speech(input, speech, what),
        Node::Motion(motion) => check_motion(input, motion, what),
        Node::FrontMatter(fm) => {
            let mut previous = fm.span.start;
            for (i, field) in fm.fields.iter().enumerate() {
                let w = format!("{what}.fields[{i}]");
                span_ok(input, field.span, &w)?;
                inside(fm.span, field.span, &w, what)?;
                ordered(&mut previous, field.span, &w)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn check_speech(input: &str, speech: &Speech, what: &str) -> Check {
    let w = format!("{what}.label_span");
    span_ok(input, speech.label_span, &w)?;
    inside(speech.span, speech.label_span, &w, what)?;

    let mut previous = speech.label_span.start;
    for (i, p) in speech.paragraphs.iter().enumerate() {
        let w = format!("{what}.paragraphs[{i}]");
        span_ok(input, p.span, &w)?;
        inside(speech.span, p.span, &w, what)?;
        ordered(&mut previous, p.span, &w)?;
    }

    let mut previous = speech.label_span.start;
    let mut next_paragraph = 0;
    for (i, block) in speech.content.iter().enumerate() {
        let w = format!("{what}.content[{i}]");
        let span = match block {
            Block::Paragraph { index } => {
                if *index != next_paragraph {
                    return Err(format!(
                        "{w} refers to paragraph {index}, expected {next_paragraph} \
                         (each paragraph once, in order; {} paragraphs)",
                        speech.paragraphs.len()
                    ));
                }
                next_paragraph += 1;
                match speech.paragraphs.get(*index) {
                    Some(p) => p.span,
                    None => {
                        return Err(format!(
                            "{w} refers to paragraph {index} of {}",
                            speech.paragraphs.len()
                        ))
                    }
                }
            }
            Block::Motion(m) => {
                check_motion(input, m, &format!("{w} (motion)"))?;
                m.span
            }
            Block::PageFurniture(f) => f.span,
            _ => continue,
        };
        span_ok(input, span, &w)?;
        inside(speech.span, span, &w, what)?;
        ordered(&mut previous, span, &w)?;
    }
    if next_paragraph != speech.paragraphs.len() {
        return Err(format!(
            "{what}: content refers to {next_paragraph} of {} paragraphs",
            speech.paragraphs.len()
        ));
    }
    Ok(())
}

fn check_motion(input: &str, motion: &Motion, what: &str) -> Check {
    let parts = [
        (
            "body",
            motion.body.iter().map(|p| p.span).collect::<Vec<_>>(),
        ),
        (
            "considerations",
            motion.considerations.iter().map(|c| c.span).collect(),
        ),
        ("dicta", motion.dicta.iter().map(|d| d.span).collect()),
    ];
    for (name, spans) in parts {
        let mut previous = motion.span.start;
        for (i, span) in spans.into_iter().enumerate() {
            let w = format!("{what}.{name}[{i}]");
            span_ok(input, span, &w)?;
            inside(motion.span, span, &w, what)?;
            ordered(&mut previous, span, &w)?;
        }
    }
    let expected = motion.number.as_ref().map(|n| n.id());
    if motion.number.is_some() && motion.id != expected {
        return Err(format!(
            "{what}: id {:?} does not match number {:?}",
            motion.id, motion.number
        ));
    }
    Ok(())
}

fn span_ok(input: &str, span: Span, what: &str) -> Check {
    if span.start > span.end {
        return Err(format!("{what}: span {span:?} has start > end"));
    }
    if span.end > input.len() {
        return Err(format!(
            "{what}: span {span:?} ends past the input ({} bytes)",
            input.len()
        ));
    }
    for at in [span.start, span.end] {
        if !input.is_char_boundary(at) {
            let (line, column) = handelingen::line_column(input, at);
            return Err(format!(
                "{what}: span {span:?} has an end inside a char at byte {at} \
                 (line {line}, column {column})"
            ));
        }
    }
    Ok(())
}

fn inside(parent: Span, child: Span, what: &str, parent_name: &str) -> Check {
    if parent.contains(child) {
        Ok(())
    } else {
        Err(format!(
            "{what}: span {child:?} is not inside {parent_name}'s span {parent:?}"
        ))
    }
}

fn ordered(previous: &mut usize, span: Span, what: &str) -> Check {
    if span.start < *previous {
        return Err(format!(
            "{what}: starts at {} before its predecessor's start {} (out of order)",
            span.start, previous
        ));
    }
    *previous = span.start;
    Ok(())
}

/// Lossless: every non-whitespace `char` of `input` lies in the span of some
/// top-level node or some diagnostic. A BOM at the very start may be left
/// out.
pub fn check_lossless(input: &str, parsed: &Parsed) -> Check {
    let mut spans: Vec<Span> = parsed
        .document
        .nodes
        .iter()
        .map(|n| n.span())
        .chain(parsed.diagnostics.iter().map(|d| d.span))
        .collect();
    spans.sort_unstable_by_key(|s| s.start);
    let mut next = 0;
    let mut covered_until = 0;
    for (at, c) in input.char_indices() {
        if c.is_whitespace() || (at == 0 && c == '\u{feff}') {
            continue;
        }
        while next < spans.len() && spans[next].start <= at {
            covered_until = covered_until.max(spans[next].end);
            next += 1;
        }
        if at >= covered_until {
            let (line, column) = expected_line_column(input, at);
            let snippet: String = input[at..].chars().take(60).collect();
            return Err(format!(
                "text lost: byte {at} (line {line}, column {column}) lies in no node \
                 and no diagnostic: {snippet:?}"
            ));
        }
    }
    Ok(())
}

/// `parse → serde_json::to_string → from_str::<Parsed>` gives back an equal
/// value.
pub fn check_json_roundtrip(parsed: &Parsed) -> Check {
    let json = serde_json::to_string(parsed).map_err(|e| format!("to_string failed: {e}"))?;
    let back: Parsed = serde_json::from_str(&json).map_err(|e| format!("from_str failed: {e}"))?;
    if &back == parsed {
        return Ok(());
    }
    let again = serde_json::to_string(&back).unwrap_or_default();
    let at = json
        .bytes()
        .zip(again.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(json.len().min(again.len()));
    let from = at.saturating_sub(80);
    Err(format!(
        "JSON round trip changed the value; first difference near JSON byte {at}: \
         {:?} vs {:?}",
        json.get(from..(at + 80).min(json.len())).unwrap_or(""),
        again.get(from..(at + 80).min(again.len())).unwrap_or("")
    ))
}

/// Normalising normalised text changes nothing.
pub fn check_normalize_idempotent(text: &str) -> Check {
    let once = handelingen::normalize::normalize(text).text;
    let twice = handelingen::normalize::normalize(&once).text;
    if once == twice {
        Ok(())
    } else {
        Err(format!(
            "normalize is not idempotent on {text:?}: once {once:?}, twice {twice:?}"
        ))
    }
}

/// The normalised texts of the tree, in document order: paragraphs of
/// speeches and motions, text and paragraph nodes, clauses, headings,
/// titles, procedural lines and suspensions. For tests that check that a
/// phrase of the input survives.
pub fn texts(parsed: &Parsed) -> Vec<String> {
    fn motion(out: &mut Vec<String>, m: &Motion) {
        out.extend(m.body.iter().map(|p| p.text.clone()));
        out.extend(m.considerations.iter().map(|c| c.text.clone()));
        out.extend(m.dicta.iter().map(|d| d.text.clone()));
    }
    let mut out = Vec::new();
    for node in &parsed.document.nodes {
        match node {
            Node::Speech(s) => {
                out.push(s.speaker.label.clone());
                out.extend(s.paragraphs.iter().map(|p| p.text.clone()));
                for block in &s.content {
                    match block {
                        Block::Motion(m) => motion(&mut out, m),
                        Block::PageFurniture(f) => out.push(f.text.clone()),
                        _ => {}
                    }
                }
            }
            Node::Motion(m) => motion(&mut out, m),
            Node::Paragraph(p) | Node::Text(p) => out.push(p.text.clone()),
            Node::Heading(h) => out.push(h.text.clone()),
            Node::AgendaItem(a) => out.push(a.title.clone()),
            Node::Presiding(p) => out.push(p.name.clone()),
            Node::Procedural(p) => out.push(p.text.clone()),
            Node::Suspension(s) => out.push(s.text.clone()),
            Node::PageFurniture(f) => out.push(f.text.clone()),
            _ => {}
        }
    }
    out
}
