//! The speaker of a speech: the label as printed, and its fields.
//!
//! A speech's speaker is most of the size of a node (a node is a speech
//! more often than anything else), so the fields are kept where they were
//! read: in the common case, where the label is a verbatim copy of the
//! input and so is each field, a field is its range in the label (four
//! bytes), not a text of its own (32). Only a speaker whose label was
//! rebuilt (a field across a line break, NFC applied, `**` inside a field)
//! keeps its fields as texts, in a box beside the label.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Role;
use crate::text::Text;
use crate::Span;

/// The speaker of a [`Speech`](super::Speech): the label as printed and
/// its fields, each a [`Text`] with its own span in the label.
///
/// In JSON `{"role", "prefix", "name", "party", "function", "label"}`,
/// each field `null` when not printed.
#[derive(Clone)]
pub struct Speaker<'a> {
    role: Role,
    label: Text<'a>,
    fields: Fields<'a>,
}

/// A field's range in the label's text, `[start, end)`; `start > end`
/// for a field not printed.
#[derive(Clone, Copy)]
struct InLabel {
    start: u16,
    end: u16,
}

const NOT_PRINTED: InLabel = InLabel {
    start: u16::MAX,
    end: 0,
};

/// The four fields: prefix, name, party, function.
#[derive(Clone)]
enum Fields<'a> {
    /// Each a range of the label (which is the input there, byte for
    /// byte).
    InLabel([InLabel; 4]),
    /// Each a text of its own.
    Own(Box<[Option<Text<'a>>; 4]>),
}

const PREFIX: usize = 0;
const NAME: usize = 1;
const PARTY: usize = 2;
const FUNCTION: usize = 3;

/// The ranges in `label` of fields read at `spans` (`None`: not printed),
/// when `label` is a verbatim copy of the input and holds each span.
fn ranges(label: &Text<'_>, spans: [Option<Span>; 4]) -> Option<[InLabel; 4]> {
    if !label.is_verbatim() {
        return None;
    }
    let l = label.span();
    let mut at = [NOT_PRINTED; 4];
    for (slot, span) in at.iter_mut().zip(spans) {
        let Some(s) = span else {
            continue;
        };
        if !l.contains(s) {
            return None;
        }
        *slot = InLabel {
            start: u16::try_from(s.start - l.start).ok()?,
            end: u16::try_from(s.end - l.start).ok()?,
        };
    }
    Some(at)
}

impl<'a> Speaker<'a> {
    /// The speaker with these fields: kept as ranges of `label` when the
    /// label and each field are verbatim copies of the input and each
    /// field lies in the label, else as texts of their own.
    pub(crate) fn new(
        role: Role,
        label: Text<'a>,
        prefix: Option<Text<'a>>,
        name: Text<'a>,
        party: Option<Text<'a>>,
        function: Option<Text<'a>>,
    ) -> Speaker<'a> {
        let fields = [prefix, Some(name), party, function];
        // A field's span when it is the label's text there (`None` when
        // it is not); `Some(None)` for a field not printed.
        let span = |f: &Option<Text<'a>>| match f {
            None => Some(None),
            Some(t) => {
                let s = t.span();
                let l = label.span();
                let own = s.start.checked_sub(l.start).zip(s.end.checked_sub(l.start));
                let in_label = own.and_then(|(a, b)| label.as_str().get(a..b));
                (t.is_verbatim() && in_label == Some(t.as_str())).then_some(Some(s))
            }
        };
        let at = match fields.each_ref().map(span) {
            [Some(a), Some(b), Some(c), Some(d)] => ranges(&label, [a, b, c, d]),
            _ => None,
        };
        let fields = match at {
            Some(at) => Fields::InLabel(at),
            None => Fields::Own(Box::new(fields)),
        };
        Speaker {
            role,
            label,
            fields,
        }
    }

    /// The speaker whose fields (prefix, name, party, function) are the
    /// input of these spans, each inside `label`, which is a verbatim copy
    /// of the input: kept as ranges of the label. The label back when it
    /// is no verbatim copy, or a span lies outside it.
    pub(crate) fn in_label(
        role: Role,
        label: Text<'a>,
        spans: [Option<Span>; 4],
    ) -> Result<Speaker<'a>, Text<'a>> {
        match ranges(&label, spans) {
            Some(at) => Ok(Speaker {
                role,
                label,
                fields: Fields::InLabel(at),
            }),
            None => Err(label),
        }
    }

    /// Field `i` as a text (cheap: a slice of the label, or a copy of the
    /// field's own text when the label was rebuilt).
    fn field(&self, i: usize) -> Option<Text<'a>> {
        match &self.fields {
            Fields::InLabel(at) => {
                let r = at.get(i)?;
                (r.start <= r.end)
                    .then(|| self.label.slice(usize::from(r.start)..usize::from(r.end)))
            }
            Fields::Own(own) => own.get(i)?.clone(),
        }
    }

    /// Field `i`'s string (no copy).
    fn field_str(&self, i: usize) -> Option<&str> {
        match &self.fields {
            Fields::InLabel(at) => {
                let r = at.get(i)?;
                let range = usize::from(r.start)..usize::from(r.end);
                self.label.as_str().get(range)
            }
            Fields::Own(own) => own.get(i)?.as_ref().map(Text::as_str),
        }
    }

    /// The speaker's role.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The title before the name as printed: `De heer`, `Mevrouw`,
    /// `Minister`, `Staatssecretaris`, `Minister-president`; `De` for the
    /// chair (whose `name` is then `voorzitter`), or, for the chair by
    /// name, the title as printed (`De voorzitter` of `De voorzitter
    /// (Bergkamp):`, `Voorzitter` of `Voorzitter Bergkamp:`).
    pub fn prefix(&self) -> Option<&str> {
        self.field_str(PREFIX)
    }

    /// The name as printed, tussenvoegsels, first names and diacritics
    /// intact (`Van der Lee`, `Jasper van Dijk`, `Yeşilgöz-Zegerius`).
    pub fn name(&self) -> &str {
        self.field_str(NAME).unwrap_or_default()
    }

    /// The party, when printed (`CDA`, `GroenLinks-PvdA`).
    pub fn party(&self) -> Option<&str> {
        self.field_str(PARTY)
    }

    /// The office, when printed with the title (`van Financiën` in
    /// `Minister van Financiën Hoekstra:`).
    pub fn function(&self) -> Option<&str> {
        self.field_str(FUNCTION)
    }

    /// [`Speaker::prefix`] as a text, with its span and source map.
    pub fn prefix_text(&self) -> Option<Text<'a>> {
        self.field(PREFIX)
    }

    /// [`Speaker::name`] as a text, with its span and source map.
    pub fn name_text(&self) -> Text<'a> {
        // Always printed (`new` takes it); an empty text should it not be.
        self.field(NAME).unwrap_or_else(|| self.label.slice(0..0))
    }

    /// [`Speaker::party`] as a text, with its span and source map.
    pub fn party_text(&self) -> Option<Text<'a>> {
        self.field(PARTY)
    }

    /// [`Speaker::function`] as a text, with its span and source map.
    pub fn function_text(&self) -> Option<Text<'a>> {
        self.field(FUNCTION)
    }

    /// The label as printed (Markdown emphasis included); its span is the
    /// label line(s).
    pub fn label(&self) -> &Text<'a> {
        &self.label
    }
}

/// Speakers are equal when their role and every field are (however the
/// fields are kept).
impl PartialEq for Speaker<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.role == other.role
            && self.label == other.label
            && (PREFIX..=FUNCTION).all(|i| self.field(i) == other.field(i))
    }
}

impl Eq for Speaker<'_> {}

impl fmt::Debug for Speaker<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Speaker")
            .field("role", &self.role)
            .field("prefix", &self.prefix_text())
            .field("name", &self.name_text())
            .field("party", &self.party_text())
            .field("function", &self.function_text())
            .field("label", &self.label)
            .finish()
    }
}

/// The speaker of a speech: the fields of the label, each a text with its
/// own span in the label.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Speaker"))]
#[serde(rename = "Speaker")]
struct SpeakerRecord<'a> {
    /// The speaker's role.
    role: Role,
    /// The title before the name as printed: `De heer`, `Mevrouw`,
    /// `Minister`, `Staatssecretaris`, `Minister-president`; `De` for the
    /// chair (whose `name` is then `voorzitter`), or, for the chair by
    /// name, the title as printed (`De voorzitter` of `De voorzitter
    /// (Bergkamp):`, `Voorzitter` of `Voorzitter Bergkamp:`).
    prefix: Option<Text<'a>>,
    /// The name as printed, tussenvoegsels, first names and diacritics
    /// intact (`Van der Lee`, `Jasper van Dijk`, `Yeşilgöz-Zegerius`).
    name: Text<'a>,
    /// The party, when printed (`CDA`, `GroenLinks-PvdA`).
    party: Option<Text<'a>>,
    /// The office, when printed with the title (`van Financiën` in
    /// `Minister van Financiën Hoekstra:`).
    function: Option<Text<'a>>,
    /// The label as printed (Markdown emphasis included); its span is the
    /// label line(s).
    label: Text<'a>,
}

/// A [`Speaker`] as it is written, in the order of [`SpeakerRecord`].
#[derive(Serialize)]
#[serde(rename = "Speaker")]
struct SpeakerView<'s, 'a> {
    role: Role,
    prefix: Option<Text<'a>>,
    name: Text<'a>,
    party: Option<Text<'a>>,
    function: Option<Text<'a>>,
    label: &'s Text<'a>,
}

impl Serialize for Speaker<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SpeakerView {
            role: self.role,
            prefix: self.prefix_text(),
            name: self.name_text(),
            party: self.party_text(),
            function: self.function_text(),
            label: &self.label,
        }
        .serialize(serializer)
    }
}

impl<'de, 'a> Deserialize<'de> for Speaker<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let r = SpeakerRecord::deserialize(deserializer)?;
        Ok(Speaker::new(
            r.role, r.label, r.prefix, r.name, r.party, r.function,
        ))
    }
}

schema_of!(Speaker<'_>, SpeakerRecord);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn part<'a>(input: &'a str, s: &str) -> Text<'a> {
        let at = input.find(s).expect("the part is in the input");
        Text::borrowed(input, Span::new(at, at + s.len()))
    }

    /// A node is a speech more often than anything else: its speaker's
    /// size, and its content's, decide a node's (the pdf layout's peak
    /// heap). The content keeps one block inline (`Blocks`: 64 bytes, a
    /// `Vec` took 24 and an allocation of 64 for the one block most
    /// speeches hold).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_speaker_is_64_bytes_and_a_node_152() {
        assert_eq!(std::mem::size_of::<Speaker<'_>>(), 64);
        assert_eq!(std::mem::size_of::<crate::Blocks<'_>>(), 64);
        assert_eq!(std::mem::size_of::<crate::Node<'_>>(), 152);
    }

    #[test]
    fn verbatim_fields_are_kept_as_ranges_of_the_label() {
        let input = "xx De heer Van Dijk (SP):\n";
        let label = part(input, "De heer Van Dijk (SP):");
        let (prefix, name, party) = (
            part(input, "De heer"),
            part(input, "Van Dijk"),
            part(input, "SP"),
        );
        let s = Speaker::new(
            Role::Member,
            label,
            Some(prefix.clone()),
            name.clone(),
            Some(party.clone()),
            None,
        );
        assert!(matches!(s.fields, Fields::InLabel(_)));
        assert_eq!(s.prefix_text(), Some(prefix));
        assert_eq!(s.name_text(), name);
        assert_eq!(s.name_text().span(), Span::new(11, 19));
        assert_eq!((s.name(), s.party()), ("Van Dijk", Some("SP")));
        assert_eq!(s.party_text(), Some(party));
        assert_eq!(s.function_text(), None);
    }

    #[test]
    fn spans_are_kept_only_inside_a_verbatim_label() {
        let input = "De heer Van Dijk (SP):";
        let label = part(input, input);
        let spans = [
            Some(Span::new(0, 7)),
            Some(Span::new(8, 16)),
            Some(Span::new(18, 20)),
            None,
        ];
        let kept = Speaker::in_label(Role::Member, label.clone(), spans).ok();
        assert_eq!(
            kept.as_ref().map(|s| (s.prefix(), s.name(), s.party())),
            Some((Some("De heer"), "Van Dijk", Some("SP")))
        );
        let outside = [None, Some(Span::new(8, 30)), None, None];
        assert!(Speaker::in_label(Role::Member, label, outside).is_err());
        let rebuilt = normalize("De heer Van\nDijk:");
        assert!(Speaker::in_label(Role::Member, rebuilt, [None; 4]).is_err());
    }

    #[test]
    fn a_field_that_is_not_the_label_there_keeps_its_own_text() {
        // As JSON may say: a verbatim text whose span the label holds,
        // but another text.
        let input = "Minister Hoekstra:";
        let label = part(input, input);
        let other = Text::borrowed("Minister Kaag en co", Span::new(9, 17));
        assert_eq!((other.as_str(), other.is_verbatim()), ("Kaag en ", true));
        let s = Speaker::new(Role::Minister, label, None, other.clone(), None, None);
        assert!(matches!(s.fields, Fields::Own(_)));
        assert_eq!(s.name_text(), other);
    }

    #[test]
    fn a_rebuilt_field_keeps_its_own_text() {
        let input = "De heer Van\nDijk (SP):";
        let label = part(input, input);
        // The name as the label reader gives it: the line break a space.
        let name = normalize("Van\nDijk");
        let s = Speaker::new(Role::Member, label, None, name.clone(), None, None);
        assert!(matches!(s.fields, Fields::Own(_)));
        assert_eq!(s.name_text(), name);
        assert_eq!(s.name(), "Van Dijk");
        assert_eq!(s.prefix(), None);
    }

    #[test]
    fn equal_however_kept() {
        let input = "Minister Hoekstra:";
        let label = part(input, input);
        let (prefix, name) = (part(input, "Minister"), part(input, "Hoekstra"));
        let kept = Speaker::new(
            Role::Minister,
            label.clone(),
            Some(prefix.clone()),
            name.clone(),
            None,
            None,
        );
        let own = Speaker {
            fields: Fields::Own(Box::new([Some(prefix), Some(name.clone()), None, None])),
            ..kept.clone()
        };
        assert!(matches!(kept.fields, Fields::InLabel(_)));
        assert_eq!(kept, own);
        let other = Speaker::new(Role::Minister, label, None, name, None, None);
        assert_ne!(kept, other);
    }
}
