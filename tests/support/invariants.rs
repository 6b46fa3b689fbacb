//! Invariants every parse must satisfy, in one place.
//!
//! Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and the property
//! and hostile-input tests (`tests/*.rs`), which include this file with
//! `#[path = "…/tests/support/invariants.rs"] mod invariants;`. Every check returns
//! `Err(message)` instead of panicking, so proptest can shrink and the fuzz
//! targets can panic with a message a person can act on.
//!
//! What is checked (issue 5, "Never crash, never lose text", and the data
//! model of ids and texts):
//! - every span (document, nodes, paragraphs, content blocks, motion body
//!   and clauses, front matter fields, page furniture, diagnostics) lies
//!   inside the input, on `char` boundaries, start ≤ end;
//! - the document span is the whole input (a leading BOM may be skipped);
//! - top-level nodes are in document order (each start ≥ the previous
//!   start), and so are the children of a node and the diagnostics;
//! - siblings do not overlap (top-level nodes; a speech's label and
//!   content; a motion's body and furniture): each starts at or after the
//!   end of the one before, except page furniture that a paragraph-like
//!   sibling before it skipped (a page break inside the paragraph: its
//!   text's source map has an edit whose input holds the furniture);
//! - children lie inside their parent's span (a motion's furniture
//!   inside the motion);
//! - ids are positions: `nodes[i].id` is `i`, the `i`-th motion of
//!   `Document::motions` has id `i`, the `i`-th entry of each analysis list
//!   has id `i`;
//! - a speech's `content` refers to each of its paragraphs exactly once, in
//!   order; a motion's `kamerstuk` agrees with its `number`;
//! - every [`Text`] of the tree and of the analysis layer (paragraphs,
//!   clauses and their openings, the label and its fields, titles,
//!   headings, front matter keys and values, submitters, interruptions
//!   (and a paragraph's cue, by its span),
//!   procedural lines, furniture, references, dates, events, a motion
//!   document's head and signers): its span lies
//!   inside its parent's span, on `char` boundaries; `span_of` over the
//!   whole text agrees with `input_start` / `input_end`; a text without
//!   edits is `input[span]` byte for byte; its edits are in order, on char
//!   boundaries, inside the text and the span, `span_of` of an edit's text
//!   is the edit's input, and between the edits the text is a copy of the
//!   input, so text and edits together tile the span exactly;
//! - the analysis layer: spans as above and in order per list; every
//!   `NodeId` link names a node of the right kind (advice and
//!   contributions and announced motions a speech, events a procedural line, a presiding line or a chair's speech,
//!   with the line's kind); every `ReferenceId` and `MotionId` link in
//!   range, a linked motion has the Kamerstuk id the entry names; advice
//!   inside its speech, events inside their node; each speech in at most
//!   one contribution, after the speech that opens it;
//! - a diagnostic's `line`/`column` (and the line of `InvalidUtf8`) agree
//!   with [`expected_line_column`], and so does [`handelingen::line_column`];
//! - lossless: every non-whitespace `char` of the input lies in the span of
//!   some top-level node or some diagnostic;
//! - the JSON round trip gives back an equal value, and
//!   [`handelingen::json::write`] writes the bytes `serde_json` writes;
//! - normalising normalised text changes nothing, and the text
//!   [`handelingen::text::normalize`] gives maps back to its input as above.
//!
//! All checks are linear (or `n log n` in the number of nodes or edits) in
//! the size of the input, so they can run on the 10 MB hostile inputs.

#![allow(dead_code)]

use handelingen::text::Text;
use handelingen::{
    Block, Error, Motion, MotionId, Node, NodeKind, Paragraph, Parsed, Role, Span, Speech,
};

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
    let mut siblings = Siblings::default();
    for (i, node) in doc.nodes.iter().enumerate() {
        let what = format!("nodes[{i}] ({})", node_name(node));
        if node.id.index() != i {
            return Err(format!(
                "{what} has id {} (a node's id is its index in `nodes`)",
                node.id
            ));
        }
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
        let sibling = match &node.kind {
            NodeKind::PageFurniture(_) => Sibling::Furniture,
            NodeKind::Paragraph(p) | NodeKind::Text(p) => Sibling::Text(&p.text),
            NodeKind::Procedural(p) => Sibling::Text(&p.text),
            // A title read from a paragraph split by a page break.
            NodeKind::AgendaItem(a) => Sibling::Text(&a.title),
            // The list of who is present split by a page break: the
            // furniture follows the paragraph last taken in.
            NodeKind::Attendance(a) => a.paragraphs.last().map_or(Sibling::Other, Sibling::Text),
            _ => Sibling::Other,
        };
        siblings.next(span, sibling, &what)?;
        check_node(input, node, doc.span, &what)?;
    }
    for (i, motion) in doc.motions().enumerate() {
        if motion.id.index() != i {
            return Err(format!(
                "motions()[{i}] (at {:?}) has id {} (a motion's id is its index in \
                 `Document::motions`)",
                motion.span, motion.id
            ));
        }
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
    match &node.kind {
        NodeKind::FrontMatter(_) => "front_matter",
        NodeKind::Heading(_) => "heading",
        NodeKind::AgendaItem(_) => "agenda_item",
        NodeKind::Presiding(_) => "presiding",
        NodeKind::Attendance(_) => "attendance",
        NodeKind::Officer(_) => "officer",
        NodeKind::Speech(_) => "speech",
        NodeKind::Motion { .. } => "motion",
        NodeKind::Procedural(_) => "procedural",
        NodeKind::PageFurniture(_) => "page_furniture",
        NodeKind::ThematicBreak(_) => "thematic_break",
        NodeKind::Paragraph(_) => "paragraph",
        NodeKind::Text(_) => "text",
        NodeKind::Kamerstuk(_) => "kamerstuk",
        NodeKind::Signers(_) => "signers",
        _ => "unknown",
    }
}

/// Checks `id == i` (ids are positions in their list), the span, and the
/// order of the `i`-th entry of an analysis list.
fn list_entry(
    input: &str,
    id: usize,
    i: usize,
    span: Span,
    previous: &mut usize,
    w: &str,
) -> Check {
    if id != i {
        return Err(format!(
            "{w} has id {id} (an entry's id is its index in its list)"
        ));
    }
    span_ok(input, span, w)?;
    ordered(previous, span, w)
}

/// The analysis layer: ids are positions; spans inside the input and in
/// order per list; texts as in [`check_text_map`]; links to references,
/// motions and nodes in range and of the right kind; advice inside the
/// speech giving it; each speech in at most one contribution, after the
/// speech that opens it; events inside the node they name.
fn check_analysis(input: &str, parsed: &Parsed) -> Check {
    let Some(analysis) = &parsed.analysis else {
        return Ok(());
    };
    let doc = &parsed.document;
    let motions: Vec<&Motion> = doc.motions().collect();
    // A `MotionId` link: in range, and the motion has the Kamerstuk id
    // the entry names.
    let motion_link = |motion: Option<MotionId>, kamerstuk: Option<&str>, w: &str| -> Check {
        let Some(id) = motion else {
            return Ok(());
        };
        let Some(m) = motions.get(id.index()) else {
            return Err(format!("{w} links motion {id} of {}", motions.len()));
        };
        if kamerstuk.is_none() || m.kamerstuk.as_deref() != kamerstuk {
            return Err(format!(
                "{w} names Kamerstuk {kamerstuk:?} but links motion {id}, which is {:?}",
                m.kamerstuk
            ));
        }
        Ok(())
    };

    let mut previous = 0;
    for (i, r) in analysis.references.iter().enumerate() {
        let w = format!("analysis.references[{i}]");
        list_entry(input, r.id.index(), i, r.text.span(), &mut previous, &w)?;
        check_text_map(input, &r.text, doc.span, &w, "document")?;
        // The number is read from the id: written back, it gives the id.
        let expected = r.number().map(|n| n.kamerstuk());
        if r.kamerstuk() != expected.as_deref() {
            return Err(format!(
                "{w}: kamerstuk {:?} does not match number {:?}",
                r.kamerstuk(),
                r.number()
            ));
        }
        motion_link(r.motion(), r.kamerstuk(), &w)?;
    }

    let mut previous = 0;
    for (i, v) in analysis.votes.iter().enumerate() {
        let w = format!("analysis.votes[{i}]");
        list_entry(input, v.id.index(), i, v.span, &mut previous, &w)?;
        inside(doc.span, v.span, &w, "document")?;
        match v.reference {
            Some(r) => {
                let Some(reference) = analysis.references.get(r.index()) else {
                    return Err(format!(
                        "{w} refers to reference {r} of {}",
                        analysis.references.len()
                    ));
                };
                if v.kamerstuk() != reference.kamerstuk() || v.motion() != reference.motion() {
                    return Err(format!(
                        "{w}: kamerstuk {:?} and motion {:?}, but its reference {r} has \
                         kamerstuk {:?} and motion {:?}",
                        v.kamerstuk(),
                        v.motion(),
                        reference.kamerstuk(),
                        reference.motion()
                    ));
                }
            }
            None => {
                if v.kamerstuk().is_some() || v.motion().is_some() {
                    return Err(format!(
                        "{w}: no reference, but kamerstuk {:?} and motion {:?}",
                        v.kamerstuk(),
                        v.motion()
                    ));
                }
            }
        }
        motion_link(v.motion(), v.kamerstuk(), &w)?;
    }

    let mut previous = 0;
    for (i, d) in analysis.dates.iter().enumerate() {
        let w = format!("analysis.dates[{i}]");
        list_entry(input, d.id.index(), i, d.text.span(), &mut previous, &w)?;
        check_text_map(input, &d.text, doc.span, &w, "document")?;
    }

    let mut previous = 0;
    for (i, a) in analysis.advice.iter().enumerate() {
        let w = format!("analysis.advice[{i}]");
        list_entry(input, a.id.index(), i, a.span, &mut previous, &w)?;
        let Some(speech) = doc.speech(a.speech) else {
            return Err(format!(
                "{w} names node {} as its speech, which is {} (of {} nodes)",
                a.speech,
                doc.node(a.speech).map_or("no node", node_name),
                doc.nodes.len()
            ));
        };
        inside(
            speech.span,
            a.span,
            &w,
            &format!("speech (node {})", a.speech),
        )?;
        motion_link(a.motion, a.kamerstuk.as_deref(), &w)?;
    }

    let mut previous = 0;
    for (i, e) in analysis.events.iter().enumerate() {
        let w = format!("analysis.events[{i}]");
        list_entry(input, e.id.index(), i, e.text.span(), &mut previous, &w)?;
        let Some(node) = doc.node(e.node) else {
            return Err(format!(
                "{w} refers to node {} of {}",
                e.node,
                doc.nodes.len()
            ));
        };
        match &node.kind {
            NodeKind::Procedural(p) if p.kind == e.kind => {}
            NodeKind::Procedural(p) => {
                return Err(format!(
                    "{w} is {:?}, but its procedural line (node {}) is {:?}",
                    e.kind, e.node, p.kind
                ))
            }
            NodeKind::Speech(s) if s.speaker.role() == Role::Chair => {}
            NodeKind::Presiding(p) => match &e.kind {
                handelingen::Procedure::ChairTaken { name } if *name == *p.name => {}
                other => {
                    return Err(format!(
                        "{w} is {other:?} of a presiding line (node {}) that names {:?}",
                        e.node,
                        p.name.as_str()
                    ))
                }
            },
            _ => {
                return Err(format!(
                    "{w} names node {}, a {} (not a procedural line, a presiding line or a chair's speech)",
                    e.node,
                    node_name(node)
                ))
            }
        }
        check_text_map(input, &e.text, node.span(), &w, &format!("node {}", e.node))?;
    }

    let mut previous = 0;
    for (i, a) in analysis.announced_motions.iter().enumerate() {
        let w = format!("analysis.announced_motions[{i}]");
        list_entry(input, a.id.index(), i, a.text.span(), &mut previous, &w)?;
        let Some(speech) = doc.speech(a.speech) else {
            return Err(format!(
                "{w} names node {} as its speech, which is {}",
                a.speech,
                doc.node(a.speech).map_or("no node", node_name)
            ));
        };
        check_text_map(
            input,
            &a.text,
            speech.span,
            &w,
            &format!("speech (node {})", a.speech),
        )?;
    }

    let mut seen = vec![false; doc.nodes.len()];
    let mut previous = None;
    for (i, c) in analysis.contributions.iter().enumerate() {
        let w = format!("analysis.contributions[{i}]");
        if c.id.index() != i {
            return Err(format!("{w} has id {} (an entry's id is its index)", c.id));
        }
        if previous.is_some_and(|p| c.speech <= p) {
            return Err(format!("{w}: speech {} out of order", c.speech));
        }
        previous = Some(c.speech);
        for id in c.speeches() {
            if doc.speech(id).is_none() {
                return Err(format!(
                    "{w} names node {id} as a speech, which is {} (of {} nodes)",
                    doc.node(id).map_or("no node", node_name),
                    doc.nodes.len()
                ));
            }
            match seen.get_mut(id.index()) {
                Some(true) => return Err(format!("{w}: speech {id} is in two places")),
                Some(seen) => *seen = true,
                None => unreachable!("doc.speech({id}) found it"),
            }
            if id < c.speech {
                return Err(format!(
                    "{w}: speech {id} comes before the contribution's speech {}",
                    c.speech
                ));
            }
        }
    }
    Ok(())
}

fn check_node(input: &str, node: &Node, parent: Span, what: &str) -> Check {
    match &node.kind {
        NodeKind::Speech(speech) => check_speech(input, speech, what),
        NodeKind::Motion { motion } => check_motion(input, motion, what),
        NodeKind::FrontMatter(fm) => {
            let mut previous = fm.span.start;
            for (i, field) in fm.fields.iter().enumerate() {
                let w = format!("{what}.fields[{i}]");
                span_ok(input, field.span, &w)?;
                inside(fm.span, field.span, &w, what)?;
                ordered(&mut previous, field.span, &w)?;
                check_text_map(input, &field.key, field.span, &format!("{w}.key"), &w)?;
                check_text_map(input, &field.value, field.span, &format!("{w}.value"), &w)?;
            }
            Ok(())
        }
        NodeKind::Heading(h) => {
            check_text_map(input, &h.text, h.span, &format!("{what}.text"), what)
        }
        NodeKind::AgendaItem(a) => {
            if let Some(number) = &a.number {
                check_text_map(input, number, a.span, &format!("{what}.number"), what)?;
            }
            check_text_map(input, &a.title, a.span, &format!("{what}.title"), what)
        }
        NodeKind::Presiding(p) => {
            check_text_map(input, &p.name, p.span, &format!("{what}.name"), what)
        }
        NodeKind::Attendance(a) => {
            for (i, p) in a.paragraphs.iter().enumerate() {
                check_text_map(input, p, a.span, &format!("{what}.paragraphs[{i}]"), what)?;
            }
            for (i, m) in a.members.iter().enumerate() {
                check_text_map(input, m, a.span, &format!("{what}.members[{i}]"), what)?;
            }
            for (i, o) in a.others.iter().enumerate() {
                check_text_map(
                    input,
                    &o.name,
                    a.span,
                    &format!("{what}.others[{i}].name"),
                    what,
                )?;
                if let Some(f) = &o.function {
                    check_text_map(
                        input,
                        f,
                        a.span,
                        &format!("{what}.others[{i}].function"),
                        what,
                    )?;
                }
            }
            Ok(())
        }
        NodeKind::Officer(o) => {
            let texts = o
                .paragraphs
                .iter()
                .map(|t| ("paragraphs[]", t))
                .chain(o.committee.iter().map(|t| ("committee", t)))
                .chain([("name", &o.name)]);
            for (name, text) in texts {
                check_text_map(input, text, o.span, &format!("{what}.{name}"), what)?;
            }
            Ok(())
        }
        NodeKind::Kamerstuk(k) => {
            let mut texts = vec![
                ("dossier", &k.dossier),
                ("number", &k.number),
                ("header", &k.header),
            ];
            texts.extend(k.title.iter().map(|t| ("title", t)));
            texts.extend(k.proposed_text.iter().map(|t| ("proposed_text", t)));
            texts.extend(k.names.iter().map(|t| ("names[]", t)));
            texts.extend(k.paragraphs.iter().map(|t| ("paragraphs[]", t)));
            for (name, text) in texts {
                check_text_map(input, text, k.span, &format!("{what}.{name}"), what)?;
            }
            for (i, n) in k.names.iter().enumerate() {
                inside(
                    k.header.span(),
                    n.span(),
                    &format!("{what}.names[{i}]"),
                    "its header",
                )?;
            }
            Ok(())
        }
        NodeKind::Signers(s) => {
            let mut previous = s.span.start;
            for (i, n) in s.names.iter().enumerate() {
                let w = format!("{what}.names[{i}]");
                check_text_map(input, n, s.span, &w, what)?;
                ordered(&mut previous, n.span(), &w)?;
            }
            Ok(())
        }
        NodeKind::Procedural(p) => check_text_map(input, &p.text, parent, what, "document"),
        NodeKind::PageFurniture(f) => check_text_map(input, &f.text, parent, what, "document"),
        NodeKind::Paragraph(p) | NodeKind::Text(p) => {
            check_paragraph(input, p, parent, what, "document")
        }
        _ => Ok(()),
    }
}

/// A paragraph's text, its cue's span (inside the paragraph, on char
/// boundaries), and the texts of the interruption it announces (inside the
/// paragraph; the name inside the person named).
fn check_paragraph(
    input: &str,
    p: &Paragraph,
    parent: Span,
    what: &str,
    parent_name: &str,
) -> Check {
    check_text_map(input, &p.text, parent, what, parent_name)?;
    if let Some(cue) = &p.cue {
        let w = format!("{what}.cue");
        span_ok(input, cue.span, &w)?;
        inside(p.span(), cue.span, &w, what)?;
    }
    let Some(interruption) = &p.interruption else {
        return Ok(());
    };
    let span = p.span();
    let w = format!("{what}.interruption.person");
    check_text_map(input, &interruption.person, span, &w, what)?;
    check_text_map(
        input,
        &interruption.name,
        interruption.person.span(),
        &format!("{what}.interruption.name"),
        &w,
    )?;
    if let Some(party) = &interruption.party {
        check_text_map(
            input,
            party,
            span,
            &format!("{what}.interruption.party"),
            what,
        )?;
    }
    Ok(())
}

fn check_speech(input: &str, speech: &Speech, what: &str) -> Check {
    let speaker = &speech.speaker;
    let lw = format!("{what}.speaker.label");
    check_text_map(input, speaker.label(), speech.span, &lw, what)?;
    let label = speaker.label().span();
    let fields = [
        ("prefix", speaker.prefix_text()),
        ("name", Some(speaker.name_text())),
        ("party", speaker.party_text()),
        ("function", speaker.function_text()),
    ];
    for (name, field) in fields {
        if let Some(text) = field {
            check_text_map(input, &text, label, &format!("{what}.speaker.{name}"), &lw)?;
        }
    }

    let mut previous = label.start;
    let mut siblings = Siblings::default();
    siblings.next(label, Sibling::Text(speaker.label()), &lw)?;
    for (i, block) in speech.content.iter().enumerate() {
        let w = format!("{what}.content[{i}]");
        let (span, sibling) = match block {
            Block::Paragraph(p) => {
                check_paragraph(input, p, speech.span, &w, what)?;
                (p.span(), Sibling::Text(&p.text))
            }
            Block::Motion { motion } => {
                check_motion(input, motion, &format!("{w} (motion)"))?;
                (motion.span, Sibling::Other)
            }
            Block::PageFurniture(f) => {
                check_text_map(input, &f.text, speech.span, &w, what)?;
                (f.text.span(), Sibling::Furniture)
            }
            _ => continue,
        };
        span_ok(input, span, &w)?;
        inside(speech.span, span, &w, what)?;
        ordered(&mut previous, span, &w)?;
        siblings.next(span, sibling, &w)?;
    }
    Ok(())
}

fn check_motion(input: &str, motion: &Motion, what: &str) -> Check {
    span_ok(input, motion.span, what)?;
    let mut previous = motion.span.start;
    for (i, p) in motion.body.iter().enumerate() {
        let w = format!("{what}.body[{i}]");
        check_paragraph(input, p, motion.span, &w, what)?;
        ordered(&mut previous, p.span(), &w)?;
    }
    let mut previous = motion.span.start;
    for (i, f) in motion.furniture.iter().enumerate() {
        let w = format!("{what}.furniture[{i}]");
        check_text_map(input, &f.text, motion.span, &w, what)?;
        ordered(&mut previous, f.text.span(), &w)?;
    }
    // The body and the furniture together: in order, apart.
    let mut children: Vec<(Span, Sibling, String)> = motion
        .body
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                p.span(),
                Sibling::Text(&p.text),
                format!("{what}.body[{i}]"),
            )
        })
        .chain(motion.furniture.iter().enumerate().map(|(i, f)| {
            (
                f.text.span(),
                Sibling::Furniture,
                format!("{what}.furniture[{i}]"),
            )
        }))
        .collect();
    children.sort_by_key(|(span, _, _)| (span.start, span.end));
    let mut siblings = Siblings::default();
    for (span, sibling, w) in children {
        siblings.next(span, sibling, &w)?;
    }
    let mut previous = motion.span.start;
    for (i, c) in motion.considerations.iter().enumerate() {
        let w = format!("{what}.considerations[{i}]");
        check_text_map(input, &c.text, motion.span, &w, what)?;
        ordered(&mut previous, c.text.span(), &w)?;
        check_text_map(
            input,
            &c.opening,
            c.text.span(),
            &format!("{w}.opening"),
            &w,
        )?;
    }
    let mut previous = motion.span.start;
    for (i, d) in motion.dicta.iter().enumerate() {
        let w = format!("{what}.dicta[{i}]");
        check_text_map(input, &d.text, motion.span, &w, what)?;
        ordered(&mut previous, d.text.span(), &w)?;
        check_text_map(
            input,
            &d.opening,
            d.text.span(),
            &format!("{w}.opening"),
            &w,
        )?;
    }
    // The submitters are named by the chair after the motion: anywhere in
    // the input, in order.
    let whole = Span::new(0, input.len());
    let mut previous = 0;
    for (i, s) in motion.submitters.iter().enumerate() {
        let w = format!("{what}.submitters[{i}].name");
        check_text_map(input, &s.name, whole, &w, "input")?;
        ordered(&mut previous, s.name.span(), &w)?;
    }
    let expected = motion.number.as_ref().map(|n| n.kamerstuk());
    if motion.kamerstuk != expected {
        return Err(format!(
            "{what}: kamerstuk {:?} does not match number {:?}",
            motion.kamerstuk, motion.number
        ));
    }
    Ok(())
}

/// The source map of `text` as `[text_start, text_end, input_start,
/// input_end]` entries, input offsets absolute: read from its JSON form,
/// the only place an edit's input range is public.
fn source_map(text: &Text, _what: &str) -> Result<Vec<[usize; 4]>, String> {
    // `Text::map` is what the JSON `map` writes (the round trip checks that
    // the two agree).
    Ok(text
        .map()
        .map(|(r, s)| [r.start, r.end, s.start, s.end])
        .collect())
}

/// `text[t0..t1]` is a byte-for-byte copy of `input[i0..i1]`.
fn copied(
    input: &str,
    text: &Text,
    (t0, t1): (usize, usize),
    (i0, i1): (usize, usize),
    what: &str,
) -> Check {
    let ours = text.get(t0..t1);
    if t1 >= t0 && i1 >= i0 && t1 - t0 == i1 - i0 && ours.is_some() && ours == input.get(i0..i1) {
        return Ok(());
    }
    Err(format!(
        "{what}: between edits, text {t0}..{t1} ({:?}) is no copy of input {i0}..{i1} ({:?}) \
         (text {:?})",
        ours.map(excerpt),
        input.get(i0..i1).map(excerpt),
        text
    ))
}

fn excerpt(s: &str) -> String {
    s.chars().take(60).collect()
}

/// A [`Text`]: its span inside the input, on char boundaries, inside
/// `parent`; `span_of` the whole text agrees with `input_start(0)` and
/// `input_end(len)` (which are the ends of the span unless the text starts
/// or ends with a deletion); a text without edits is `input[span]`; the
/// edits are in order, on char boundaries, inside the text and the span,
/// `span_of` maps an edit's text to its input, and between the edits the
/// text is a copy of the input, so that text and edits tile the span.
/// Linear in the text (`n log n` in its edits).
pub fn check_text_map(
    input: &str,
    text: &Text,
    parent: Span,
    what: &str,
    parent_name: &str,
) -> Check {
    let span = text.span();
    span_ok(input, span, what)?;
    inside(parent, span, what, parent_name)?;
    let len = text.len();
    let whole = text.span_of(0..len);
    let (start, end) = (text.input_start(0), text.input_end(len));
    if whole != Span::new(start, end.max(start)) {
        return Err(format!(
            "{what}: span_of(0..{len}) is {whole:?}, but input_start(0) is {start} and \
             input_end({len}) is {end}"
        ));
    }
    let w = format!("{what}: span_of(0..{len})");
    span_ok(input, whole, &w)?;
    inside(span, whole, &w, "its text")?;

    let edits = text.edits().count();
    if edits == 0 {
        if !text.is_verbatim() || input.get(span.start..span.end) != Some(text.as_str()) {
            return Err(format!(
                "{what}: text {:?} has no edits, but is not the input under its span {span:?}: \
                 {:?}",
                excerpt(text),
                input.get(span.start..span.end).map(excerpt)
            ));
        }
        return Ok(());
    }
    if text.is_verbatim() {
        return Err(format!("{what}: verbatim, but with {edits} edits"));
    }
    let map = source_map(text, what)?;
    if map.len() != edits {
        return Err(format!(
            "{what}: {edits} edits, but {} entries in the JSON map",
            map.len()
        ));
    }
    let (mut t, mut i) = (0, span.start);
    for (k, (edit, &[ts, te, is, ie])) in text.edits().zip(&map).enumerate() {
        let w = || format!("{what}: edit {k} [{ts}, {te}, {is}, {ie}]");
        if edit.text_range() != (ts..te) {
            return Err(format!("{}: text_range() is {:?}", w(), edit.text_range()));
        }
        if ts < t || te < ts || te > len || is < i || ie < is || ie > span.end {
            return Err(format!(
                "{}: out of order, or outside the text ({len} bytes) or the span {span:?} \
                 (previous edit ended at text {t}, input {i})",
                w()
            ));
        }
        if !text.is_char_boundary(ts) || !text.is_char_boundary(te) {
            return Err(format!("{}: an end inside a char of the text", w()));
        }
        if !input.is_char_boundary(is) || !input.is_char_boundary(ie) {
            return Err(format!("{}: an end inside a char of the input", w()));
        }
        copied(input, text, (t, ts), (i, is), what)?;
        if ts < te && text.span_of(ts..te) != Span::new(is, ie) {
            return Err(format!(
                "{}: span_of({ts}..{te}) is {:?}",
                w(),
                text.span_of(ts..te)
            ));
        }
        (t, i) = (te, ie);
    }
    copied(input, text, (t, len), (i, span.end), what)?;
    let leading_deletion = map.first().is_some_and(|e| e[1] == 0);
    let trailing_deletion = map.last().is_some_and(|e| e[0] == len);
    if !leading_deletion && start != span.start {
        return Err(format!(
            "{what}: input_start(0) is {start}, not the start of its span {span:?}"
        ));
    }
    if !trailing_deletion && end != span.end {
        return Err(format!(
            "{what}: input_end({len}) is {end}, not the end of its span {span:?}"
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

/// What a sibling is, for [`Siblings`].
#[derive(Clone, Copy)]
enum Sibling<'t, 'a> {
    /// Page furniture: it may lie in a text sibling that skipped it.
    Furniture,
    /// A paragraph, procedural line or label: its text.
    Text(&'t Text<'a>),
    Other,
}

/// Siblings in order and apart: each starts at or after the end of the
/// ones before it. The one exception is page furniture inside a text
/// sibling before it whose source map skips it (an edit of the text
/// stands for input that holds the furniture's span): a page break inside
/// a paragraph, whose span covers the furniture while its text leaves it
/// out.
#[derive(Default)]
struct Siblings<'t, 'a> {
    /// The end of the siblings so far, and the sibling that ends there.
    end: usize,
    last: Option<(Span, Sibling<'t, 'a>)>,
}

impl<'t, 'a> Siblings<'t, 'a> {
    fn next(&mut self, span: Span, sibling: Sibling<'t, 'a>, what: &str) -> Check {
        if span.start >= self.end {
            self.end = span.end;
            self.last = Some((span, sibling));
            return Ok(());
        }
        if let (Sibling::Furniture, Some((outer, Sibling::Text(text)))) = (sibling, self.last) {
            let skipped = outer.contains(span)
                && text
                    .map()
                    .any(|(_, input)| input.start <= span.start && span.end <= input.end);
            if skipped {
                return Ok(());
            }
        }
        let before = self
            .last
            .map_or_else(|| "its predecessor".to_string(), |(s, _)| format!("{s:?}"));
        Err(format!(
            "{what}: span {span:?} overlaps the sibling before it ({before}, siblings end at {})",
            self.end
        ))
    }
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
    check_json_writer(parsed, json.as_bytes())?;
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

/// [`handelingen::json::write`] gives `serde_json`'s bytes (`expected`),
/// also when it appends to a buffer that already holds something, and
/// leaves that something alone.
pub fn check_json_writer(parsed: &Parsed, expected: &[u8]) -> Check {
    let mut buf = b"[0,".to_vec();
    handelingen::json::write(parsed, &mut buf)
        .map_err(|e| format!("handelingen::json::write failed: {e}"))?;
    let ours = buf.get(3..).unwrap_or_default();
    if buf.starts_with(b"[0,") && ours == expected {
        return Ok(());
    }
    let at = ours
        .iter()
        .zip(expected)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(expected.len()));
    let from = at.saturating_sub(80);
    let near = |b: &[u8]| {
        String::from_utf8_lossy(b.get(from..(at + 80).min(b.len())).unwrap_or_default())
            .into_owned()
    };
    Err(format!(
        "handelingen::json::write differs from serde_json (lengths {} and {}); first \
         difference at JSON byte {at}: {:?} vs {:?}",
        ours.len(),
        expected.len(),
        near(ours),
        near(expected)
    ))
}

/// Normalising normalised text changes nothing, and the text
/// [`handelingen::text::normalize`] gives maps back to its input (see
/// [`check_text_map`]).
pub fn check_normalize_idempotent(text: &str) -> Check {
    let whole = Span::new(0, text.len());
    let once = handelingen::text::normalize(text);
    check_text_map(text, &once, whole, "normalize(text)", "the input")?;
    let twice = handelingen::text::normalize(once.as_str());
    check_text_map(
        once.as_str(),
        &twice,
        Span::new(0, once.len()),
        "normalize(normalize(text))",
        "normalize(text)",
    )?;
    if once.as_str() == twice.as_str() {
        Ok(())
    } else {
        Err(format!(
            "normalize is not idempotent on {text:?}: once {:?}, twice {:?}",
            once.as_str(),
            twice.as_str()
        ))
    }
}

/// The normalised texts of the tree, in document order: speaker labels,
/// paragraphs of speeches and motions, text and paragraph nodes, clauses,
/// headings, titles, the presiding chair, the opening block's attendance
/// and officers, procedural lines (suspensions included) and page
/// furniture. For tests that check that a phrase of the
/// input survives.
pub fn texts<'p>(parsed: &'p Parsed<'_>) -> Vec<&'p str> {
    fn motion<'p>(out: &mut Vec<&'p str>, m: &'p Motion<'_>) {
        out.extend(m.body.iter().map(|p| p.text.as_str()));
        out.extend(m.considerations.iter().map(|c| c.text.as_str()));
        out.extend(m.dicta.iter().map(|d| d.text.as_str()));
    }
    let mut out = Vec::new();
    for node in &parsed.document.nodes {
        match &node.kind {
            NodeKind::Speech(s) => {
                out.push(s.speaker.label().as_str());
                out.extend(s.paragraphs().map(|p| p.text.as_str()));
                for block in &s.content {
                    match block {
                        Block::Motion { motion: m } => motion(&mut out, m),
                        Block::PageFurniture(f) => out.push(f.text.as_str()),
                        _ => {}
                    }
                }
            }
            NodeKind::Motion { motion: m } => motion(&mut out, m),
            NodeKind::Paragraph(p) | NodeKind::Text(p) => out.push(p.text.as_str()),
            NodeKind::Heading(h) => out.push(h.text.as_str()),
            NodeKind::AgendaItem(a) => out.push(a.title.as_str()),
            NodeKind::Presiding(p) => out.push(p.name.as_str()),
            NodeKind::Attendance(a) => out.extend(a.paragraphs.iter().map(|p| p.as_str())),
            NodeKind::Officer(o) => out.extend(o.paragraphs.iter().map(|p| p.as_str())),
            NodeKind::Procedural(p) => out.push(p.text.as_str()),
            NodeKind::PageFurniture(f) => out.push(f.text.as_str()),
            _ => {}
        }
    }
    out
}
