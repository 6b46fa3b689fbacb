//! The opening block of a sitting as nodes: who is present.

use crate::grammar;
use crate::text::Text;
use crate::tree::{Attendance, Attendee};

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
