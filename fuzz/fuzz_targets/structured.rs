//! Documents glued together from real transcript pieces (`pieces.rs`):
//! labels in every printed style, motion lines and whole motions, page
//! footers and running heads, headings, suspensions, words broken across
//! lines and pages, odd Unicode, lines of the seed fixtures and free text,
//! with LF, CRLF, lone CR, blank lines and stray spaces between them; or,
//! for half of the inputs, a soup of whole structural lines only
//! (`pieces::line_soup`: numbered headings, `#### Motie`, `---`, labels,
//! footers, motion lines, blank lines) in random order, which is what hits
//! the assembler's pending states (issue 14: the node-order bug). The tree
//! must satisfy every invariant of `invariants.rs`, and normalising
//! normalised text must change nothing.

#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;
#[path = "../../tests/support/pieces.rs"]
mod pieces;

#[derive(Arbitrary)]
struct Input {
    /// A leading BOM.
    bom: bool,
    /// `(kind, choice, separator, text)`, see `pieces::render`.
    pieces: Vec<(u8, u16, u8, String)>,
    /// Render only a soup of whole structural lines, one per byte of
    /// `soup` (`pieces::line_soup`), instead of the pieces.
    soup_only: bool,
    soup: Vec<u8>,
}

impl Input {
    fn render(&self) -> String {
        let body = if self.soup_only {
            pieces::line_soup(&self.soup)
        } else {
            pieces::render(&self.pieces)
        };
        if self.bom {
            format!("\u{feff}{body}")
        } else {
            body
        }
    }
}

/// Shows the rendered document first (`cargo fuzz fmt structured FILE`
/// prints it, ready for `fixtures/fuzz/`).
impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input")
            .field("document", &self.render())
            .field("pieces", &self.pieces)
            .field("soup", &self.soup)
            .finish()
    }
}

fuzz_target!(|input: Input| {
    let text = input.render();
    invariants::assert_ok(invariants::check_text(&text));
    invariants::assert_ok(invariants::check_normalize_idempotent(&text));
    for (_, _, _, piece_text) in &input.pieces {
        invariants::assert_ok(invariants::check_normalize_idempotent(piece_text));
    }
});
