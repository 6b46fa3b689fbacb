//! Words split at a line end: whether the hyphen is part of the word
//! (kept) or a typesetting hyphen (removed).

/// Whether `before` (ending in `-`) and `after` look like one word split at a
/// line end at all: a letter before the hyphen, a letter after it.
pub(super) fn split_hyphen_is_candidate(before: &str, after: &str) -> bool {
    let stem = before.strip_suffix('-').unwrap_or(before);
    matches!(stem.chars().last(), Some(c) if c.is_alphabetic())
        && matches!(after.chars().next(), Some(c) if c.is_alphabetic())
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
/// - the vowels on either side would clash (`zee-egel`).
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
    if compound {
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
    VOWEL_CLASHES.contains(&clash.as_str())
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
        ] {
            assert!(split_hyphen_is_real(a, b), "{a}{b} keeps its hyphen");
        }
        for (a, b) in [
            ("pro-", "minente"),
            ("persoo-", "nlijk"),
            ("uitgewe-", "rkte"),
            ("Nede-", "rlands"),
            ("risicobeoorde-", "ling"),
        ] {
            assert!(!split_hyphen_is_real(a, b), "{a}{b} loses its hyphen");
        }
    }
}
