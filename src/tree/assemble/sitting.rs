//! The opening block of a sitting as nodes: who is present, and its
//! officers.

use crate::grammar;
use crate::text::Text;
use crate::tree::{Attendance, Attendee, NodeKind, Officer, OfficerRole, Paragraph, Span};

/// The attendance list `text` (`Aanwezig zijn 112 leden der Kamer, te
/// weten: …`), if it is one.
pub(super) fn attendance<'a>(input: &'a str, text: Text<'a>) -> Option<Attendance<'a>> {
    let (count, names) = grammar::attendance(&text)?;
    let members = names.into_iter().map(|n| text.part(input, n)).collect();
    let span = text.span();
    Some(Attendance {
        count,
        members,
        others: Vec::new(),
        paragraphs: vec![text],
        span,
    })
}

/// Adds the others present in `text` (`en de heer Jansen, minister van
/// Financiën.`) to `attendance`; gives `text` back if it names none.
pub(super) fn add_others<'a>(
    input: &'a str,
    attendance: &mut Attendance<'a>,
    text: Text<'a>,
) -> Result<(), Text<'a>> {
    let Some(people) = grammar::others(&text) else {
        return Err(text);
    };
    attendance
        .others
        .extend(people.into_iter().map(|(name, function)| Attendee {
            name: text.part(input, name),
            function: function.map(|f| text.part(input, f)),
        }));
    attendance.span = attendance.span.cover(text.span());
    attendance.paragraphs.push(text);
    Ok(())
}

/// The clerk named on the line `text` (`Griffier: Lips`), if it is one.
pub(super) fn clerk<'a>(input: &'a str, text: Text<'a>) -> Result<Officer<'a>, Text<'a>> {
    let Some(name) = grammar::clerk(&text) else {
        return Err(text);
    };
    Ok(Officer {
        role: OfficerRole::Clerk,
        committee: None,
        name: text.part(input, name),
        span: text.span(),
        paragraphs: vec![text],
    })
}

/// A committee report's signatory: `node` is a paragraph `De griffier van
/// de vaste commissie voor Financiën,` and `text` the name after it
/// (`Weeber`): the paragraph becomes the officer, with both paragraphs.
/// Gives `text` back otherwise.
pub(super) fn signatory<'a>(
    input: &'a str,
    node: &mut NodeKind<'a>,
    text: Text<'a>,
) -> Result<(), Text<'a>> {
    let NodeKind::Paragraph(Paragraph {
        text: title,
        interruption: None,
        cue: None,
    }) = node
    else {
        return Err(text);
    };
    let (Some((role, committee)), Some(name)) =
        (grammar::signatory(title), grammar::name_alone(&text))
    else {
        return Err(text);
    };
    let officer = Officer {
        role,
        committee: Some(title.part(input, committee)),
        name: text.part(input, name),
        span: title.span().cover(text.span()),
        paragraphs: vec![title.clone(), text],
    };
    *node = NodeKind::Officer(officer);
    Ok(())
}

/// `T T` → `T`: a title printed twice (a running head and the title), on
/// lines with only whitespace between them, each copy printed with the
/// same words (wrapped alike or not; not across page furniture, which the
/// agenda item's span would then hold while its title left it out).
pub(super) fn dedupe_title<'t>(input: &str, text: &'t Text<'_>) -> &'t str {
    let half = text.len() / 2;
    if let (Some(a), Some(b)) = (text.get(..half), text.get(half + 1..)) {
        if a == b && text.as_bytes().get(half) == Some(&b' ') {
            let first = text.span_of(0..half);
            let second = text.span_of(half + 1..text.len());
            let words = |s: Span| input.get(s.start..s.end).unwrap_or("").split_whitespace();
            let blank = input
                .get(first.end..second.start)
                .is_some_and(|g| g.trim().is_empty());
            if blank && words(first).eq(words(second)) {
                return a;
            }
        }
    }
    text
}
