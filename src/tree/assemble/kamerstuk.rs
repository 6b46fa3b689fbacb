//! A Kamerstuk motion document, read from the nodes of a document that is
//! no transcript: the paragraphs (or Markdown headings) before its motion
//! are its head (a [`KamerstukHead`] node), the paragraphs of names after
//! it the signers (a [`Signers`] node), and the motion gets the Kamerstuk's id, the
//! signers as submitters and the id of the motion it replaces. The rules
//! are the grammar's [`grammar::head_parts`] and [`grammar::signers`].

use crate::grammar;
use crate::text::Text;
use crate::tree::{
    KamerstukHead, Motion, MotionNumber, Node, NodeId, NodeKind, Signers, Span, Submitter,
};

/// At most this many paragraphs before the motion are read as its head.
const HEAD_PARAGRAPHS: usize = 12;

/// Reads `nodes` as a motion document, when they are one (a dossier
/// number, `Nr. …` and a `MOTIE VAN …` header before the first motion);
/// returns whether they were.
pub(super) fn motion_document<'a>(input: &'a str, nodes: &mut Vec<Node<'a>>) -> bool {
    let Some(at) = nodes
        .iter()
        .position(|n| matches!(n.kind, NodeKind::Motion { .. }))
    else {
        return false;
    };
    if at == 0 || at > HEAD_PARAGRAPHS {
        return false;
    }
    // The head's paragraphs, and its headings in a Markdown conversion
    // (`## 40 220 Wijziging …`, `### Nr. 12`, `## Motie van het lid …`).
    let mut paragraphs = Vec::with_capacity(at);
    let mut span: Option<Span> = None;
    for n in nodes.iter().take(at) {
        match &n.kind {
            NodeKind::Paragraph(p) => paragraphs.push(p.text.clone()),
            NodeKind::Heading(h) => paragraphs.push(h.text.clone()),
            _ => return false,
        }
        span = Some(span.map_or(n.span(), |s| s.cover(n.span())));
    }
    let Some(head) = span.and_then(|span| head(input, paragraphs, span)) else {
        return false;
    };
    let header_names: Vec<&str> = head.names.iter().map(|n| n.as_str()).collect();
    // The signers: the paragraphs after the motion, each a list of names
    // (one a paragraph in a Markdown conversion).
    let mut signers: Option<Signers<'a>> = None;
    let mut taken = 0;
    for n in nodes.iter().skip(at + 1) {
        let NodeKind::Paragraph(p) = &n.kind else {
            break;
        };
        let Some(more) = names(input, &p.text, &header_names) else {
            break;
        };
        taken += 1;
        match signers.as_mut() {
            Some(s) => {
                s.names.extend(more);
                s.span = s.span.cover(p.text.span());
            }
            None => {
                signers = Some(Signers {
                    names: more,
                    span: p.text.span(),
                })
            }
        }
    }
    let old = std::mem::take(nodes);
    let mut rest = old.into_iter().skip(at);
    let Some(Node {
        kind: NodeKind::Motion { mut motion },
        ..
    }) = rest.next()
    else {
        return false;
    };
    fill_motion(&mut motion, &head, signers.as_ref());
    let mut kinds = vec![
        NodeKind::Kamerstuk(Box::new(head)),
        NodeKind::Motion { motion },
    ];
    kinds.extend(signers.map(NodeKind::Signers));
    kinds.extend(rest.skip(taken).map(|n| n.kind));
    nodes.extend(kinds.into_iter().enumerate().map(|(i, kind)| Node {
        id: NodeId::new(i),
        kind,
    }));
    true
}

/// The head read from its paragraphs (and headings), which lie in `span`,
/// when they hold a dossier, a number and a header.
fn head<'a>(input: &'a str, paragraphs: Vec<Text<'a>>, span: Span) -> Option<KamerstukHead<'a>> {
    let (mut dossier, mut title, mut number, mut header, mut proposed) =
        (None, None, None, None, None);
    for t in &paragraphs {
        let parts = grammar::head_parts(t);
        if dossier.is_none() {
            if let Some((r, id)) = parts.dossier {
                dossier = Some((t.sub(input, r), id));
                title = parts.title.map(|r| t.sub(input, r));
            }
        }
        if number.is_none() {
            number = parts.number.map(|r| t.sub(input, r));
        }
        if header.is_none() {
            header = parts.header.map(|h| (t.clone(), h));
        }
        if proposed.is_none() {
            proposed = parts.proposed.map(|(r, iso)| (t.sub(input, r), iso));
        }
    }
    let ((dossier, dossier_id), number, (htext, h)) = (dossier?, number?, header?);
    let kamerstuk = MotionNumber::new(dossier_id.clone(), number.as_str()).kamerstuk();
    let (proposed, proposed_text) = match proposed {
        Some((text, iso)) => (Some(iso), Some(text)),
        None => (None, None),
    };
    Some(KamerstukHead {
        kamerstuk,
        dossier,
        title,
        number,
        header: htext.sub(input, h.range),
        amended: h.amended,
        names: h.names.into_iter().map(|r| htext.sub(input, r)).collect(),
        cum_suis: h.cum_suis,
        replaces: h
            .replaces
            .map(|r| MotionNumber::new(dossier_id, r).kamerstuk()),
        proposed,
        proposed_text,
        paragraphs,
        span,
    })
}

/// The signers in the paragraph `text`: one a line where the lines were
/// kept (an edit of the source map that joined a line break), else split
/// by [`grammar::signers`].
fn names<'a>(input: &'a str, text: &Text<'a>, header_names: &[&str]) -> Option<Vec<Text<'a>>> {
    let run_together = grammar::signers(text, header_names)?;
    let breaks: Vec<usize> = text
        .map()
        .filter(|(r, span)| {
            text.get(r.clone()) == Some(" ")
                && input
                    .get(span.start..span.end)
                    .is_some_and(|s| s.contains('\n'))
        })
        .map(|(r, _)| r.start)
        .collect();
    let names = if breaks.is_empty() {
        run_together
            .into_iter()
            .map(|r| text.sub(input, r))
            .collect()
    } else {
        let mut names = Vec::with_capacity(breaks.len() + 1);
        let mut from = 0;
        for end in breaks.into_iter().chain(std::iter::once(text.len())) {
            if let Some(line) = text.get(from..end).map(str::trim).filter(|l| !l.is_empty()) {
                names.push(text.part(input, line));
            }
            from = end + 1;
        }
        names
    };
    Some(names)
}

/// The motion of the document: the Kamerstuk's id and number, the one it
/// replaces, and as submitters the signers (or, without them, the
/// header's names).
fn fill_motion<'a>(m: &mut Motion<'a>, head: &KamerstukHead<'a>, signers: Option<&Signers<'a>>) {
    if m.number.is_none() {
        let dossier = head
            .kamerstuk
            .strip_prefix("kst-")
            .and_then(|k| k.strip_suffix(head.number.as_str()))
            .and_then(|k| k.strip_suffix('-'))
            .unwrap_or_default();
        m.number = Some(MotionNumber::new(dossier, head.number.as_str()));
        m.kamerstuk = Some(head.kamerstuk.clone());
        m.replaces.clone_from(&head.replaces);
    }
    if m.submitters.is_empty() {
        let names = signers.map_or(&head.names, |s| &s.names);
        m.submitters = names
            .iter()
            .map(|name| Submitter { name: name.clone() })
            .collect();
        m.cum_suis = head.cum_suis;
    }
}
