//! Words split at a line end: whether the hyphen is part of the word
//! (kept) or a typesetting hyphen (removed).

/// Whether `before` (ending in `-`) and `after` (the first word of the next
/// line) look like one word split at a line end at all: a letter or digit
/// before the hyphen (`CO2-` + `belasting`), a letter after it; and the
/// word after is not `en`, `of`, `tot` or `t/m`, which make the hyphen
/// stand for an omitted part, kept with its space (`binnen-` + `en
/// buitenland`: `binnen- en buitenland`).
pub(super) fn split_hyphen_is_candidate(before: &str, after: &str) -> bool {
    let stem = before.strip_suffix('-').unwrap_or(before);
    let omitted_part = matches!(after, "en" | "of" | "tot" | "t/m" | "&");
    !omitted_part
        && matches!(stem.chars().last(), Some(c) if c.is_alphanumeric())
        && matches!(after.chars().next(), Some(c) if c.is_alphabetic())
}

/// The Dutch words written with a hyphen, from OpenTaal's word list
/// (`data/hyphenated-nl.txt`, made by `scripts/make-wordlist`): lowercase,
/// one a line, in byte order.
static HYPHENATED_WORDS: &str = include_str!("../../data/hyphenated-nl.txt");

/// Whether the dictionary writes `word` (lowercase, with its hyphen) with
/// a hyphen, or a word that starts like it (`links-extremis…` for
/// `links-extremisme`, where it lists `links-extremistisch`): the part
/// after the hyphen must agree on its first six letters, or all of them if
/// it is shorter.
fn dictionary_hyphenates(word: &str, after_len: usize) -> bool {
    let (found, before, after) = lines_around(HYPHENATED_WORDS, word);
    if found {
        return true;
    }
    let need = word.len() - after_len + after_len.min(6);
    let agrees = |other: &str| {
        let common = word
            .bytes()
            .zip(other.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        common >= need
    };
    before.is_some_and(agrees) || after.is_some_and(agrees)
}

/// Binary search of `key` among the sorted lines of `data`, on the bytes
/// themselves (no index is built, so the list costs no heap): whether it
/// is there, and the lines just before and after where it would be.
fn lines_around<'d>(data: &'d str, key: &str) -> (bool, Option<&'d str>, Option<&'d str>) {
    let bytes = data.as_bytes();
    let line_start = |at: usize| {
        bytes
            .get(..at)
            .and_then(|b| memchr::memrchr(b'\n', b))
            .map_or(0, |i| i + 1)
    };
    let line_end = |at: usize| {
        bytes
            .get(at..)
            .and_then(|b| memchr::memchr(b'\n', b))
            .map_or(bytes.len(), |i| at + i)
    };
    let line = |start: usize| data.get(start..line_end(start)).filter(|l| !l.is_empty());
    // `lo` is always a line start; every line before it is below `key`.
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let start = line_start(lo + (hi - lo) / 2).max(lo);
        let end = line_end(start);
        match data.get(start..end) {
            Some(l) if l < key => lo = end + 1,
            Some(l) if l == key => return (true, None, None),
            _ => hi = start,
        }
    }
    let before = lo.checked_sub(1).map(line_start).and_then(line);
    (false, before, line(lo.min(bytes.len())))
}

/// First parts of Dutch compounds that are always written with a hyphen
/// (`oud-minister`, `niet-financiële`, `collega-bewindspersoon`).
const HYPHENATED_PREFIXES: &[&str] = &[
    "anti", "collega", "ex", "extra", "interim", "mede", "niet", "non", "oud", "pseudo", "quasi",
    "semi", "vice",
];

/// Vowel pairs that would read as one sound if the parts were written
/// together, so Dutch spelling puts a hyphen between them (`zee-egel`,
/// `auto-ongeluk`, `mede-indiener`).
const VOWEL_CLASHES: &[&str] = &[
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu",
];

/// Decides whether a hyphen at the end of a line is part of the word (kept)
/// or a typesetting hyphen (removed), given the word before the line end
/// (`before`, ending in `-`) and the first word after it.
///
/// The hyphen is real when
/// - the letter before it is a capital or the part has no vowel at all
///   (an abbreviation: `CSAM-verordening`, `EU-centrum`, `ggz-cliënten`);
/// - the word after it starts with a capital (`Noord-Holland`);
/// - the word already holds a hyphen (`Dekker-Abdul-`: a compound's parts);
/// - the part before it is a prefix always written with a hyphen
///   (`collega-`, `oud-`, `niet-`);
/// - the vowels on either side would clash (`zee-egel`);
/// - the word after it holds a hyphen itself: a phrase of parts
///   (`staakt-` + `het-vuren`, `klip-` + `en-klaar`);
/// - Dutch spelling writes the word with a hyphen: OpenTaal's word list
///   has it, or a word that starts like it (`rechts-` + `extremisme`).
///
/// Otherwise it is a typesetting hyphen (`pro-` + `minente`, `persoo-` +
/// `nlijk`).
///
/// ```
/// use handelingen::text::split_hyphen_is_real;
/// assert!(split_hyphen_is_real("CSAM-", "verordening"));
/// assert!(!split_hyphen_is_real("pro-", "minente"));
/// ```
pub fn split_hyphen_is_real(before: &str, after: &str) -> bool {
    let stem = before.strip_suffix('-').unwrap_or(before);
    // Only the part after the last hyphen is read (from the end), so a
    // long run of hyphenated parts costs no more than its last part.
    let part = stem.rsplit('-').next().unwrap_or(stem);
    let compound = part.len() < stem.len();
    let part = part.trim_start_matches(|c: char| !c.is_alphanumeric());
    let (Some(last), Some(next)) = (part.chars().last(), after.chars().next()) else {
        return true;
    };
    if last.is_uppercase() || last.is_numeric() || next.is_uppercase() || next.is_numeric() {
        return true;
    }
    if !part.chars().any(is_vowel) {
        return true;
    }
    if compound || after.contains('-') {
        return true;
    }
    if part.len() <= 8 {
        let lower = part.to_lowercase();
        if HYPHENATED_PREFIXES.contains(&lower.as_str()) {
            return true;
        }
    }
    let mut clash = String::new();
    clash.extend(last.to_lowercase());
    clash.extend(next.to_lowercase());
    if VOWEL_CLASHES.contains(&clash.as_str()) {
        return true;
    }
    // The word as the dictionary would have it: the part, its hyphen, the
    // word after up to its punctuation.
    let after_word = after.trim_end_matches(|c: char| !c.is_alphanumeric());
    // Lowercased into a buffer on the stack: no allocation per hyphen.
    let mut buf = [0u8; 128];
    let Some(before_len) = lowercase_into(&mut buf, 0, part.chars().chain(['-'])) else {
        return false;
    };
    let Some(len) = lowercase_into(&mut buf, before_len, after_word.chars()) else {
        return false;
    };
    match buf.get(..len).and_then(|b| std::str::from_utf8(b).ok()) {
        Some(word) => dictionary_hyphenates(word, len - before_len),
        None => false,
    }
}

/// Writes `chars` lowercased into `buf` from byte `at`; the end, or `None`
/// when they do not fit.
fn lowercase_into(
    buf: &mut [u8],
    mut at: usize,
    chars: impl Iterator<Item = char>,
) -> Option<usize> {
    for c in chars.flat_map(char::to_lowercase) {
        let end = at + c.len_utf8();
        c.encode_utf8(buf.get_mut(at..end)?);
        at = end;
    }
    Some(at)
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
        || (!c.is_ascii()
            && c.is_alphabetic()
            && "áàâäéèêëíìîïóòôöúùûüý".contains(c.to_lowercase().next().unwrap_or(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_from_the_seeds_and_the_corpus() {
        for (a, b) in [
            ("CSAM-", "verordening"),
            ("collega-", "bewindspersoon"),
            ("EU-", "centrum"),
            ("niet-", "financiële"),
            ("oud-", "corporatiebestuurder"),
            ("ggz-", "cliënten"),
            ("zee-", "egel"),
            ("CO2-", "belasting"),
            ("75-", "plussers"),
            ("staakt-", "het-vuren"),
            ("klip-", "en-klaar"),
            ("rechts-", "extremisme"),
            ("links-", "extremisme."),
        ] {
            assert!(split_hyphen_is_real(a, b), "{a}{b} keeps its hyphen");
        }
        for (a, b) in [
            ("pro-", "minente"),
            ("persoo-", "nlijk"),
            ("uitgewe-", "rkte"),
            ("Nede-", "rlands"),
            ("risicobeoorde-", "ling"),
            ("onderva-", "ngen"),
            ("interru-", "pties"),
            ("rechts-", "staat"),
        ] {
            assert!(!split_hyphen_is_real(a, b), "{a}{b} loses its hyphen");
        }
        assert!(split_hyphen_is_candidate("CO2-", "belasting"));
        for omitted in ["en", "of", "tot", "t/m"] {
            assert!(!split_hyphen_is_candidate("binnen-", omitted), "{omitted}");
        }
    }

    #[test]
    fn the_word_list_is_sorted_lowercase_and_hyphenated() {
        let words: Vec<&str> = HYPHENATED_WORDS.lines().collect();
        assert!(words.len() > 5000, "{}", words.len());
        // The search over the bytes finds every word, and no word that
        // lies between two.
        for w in words.iter().step_by(97) {
            assert!(lines_around(HYPHENATED_WORDS, w).0, "{w}");
        }
        let (found, before, after) = lines_around(HYPHENATED_WORDS, "rechts-extremismf");
        assert!(!found);
        assert_eq!(before, Some("rechts-extremisme"));
        assert_eq!(after, Some("rechts-extremist"));
        assert_eq!(lines_around(HYPHENATED_WORDS, "").1, None);
        assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(words.iter().all(|w| w.contains('-')));
        assert!(words.contains(&"rechts-extremisme"));
    }
}
