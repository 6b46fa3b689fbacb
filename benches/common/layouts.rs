//! The corpus grouped by layout: `*.official.txt` (the official text),
//! `*.pdf.txt` (text taken from the PDF) and `*.markdown.txt`, from the text
//! folder (`$HANDELINGEN_CORPUS`, or `../shared/corpus/text`) and its
//! sibling `../sittings` (whole sittings).
//!
//! A layout is measured two ways: as one document (its files concatenated
//! with a blank line between, repeated to the wanted size) and as separate
//! files (each parsed on its own, the whole set repeated until as many
//! bytes have been parsed).

use std::path::PathBuf;

use super::{corpus_dir, push_with_blank_line, read_texts, repeat_to, Text};

/// The layouts, in report order, by the name their files end in
/// (`NAME.official.txt`).
pub const LAYOUTS: [&str; 3] = ["official", "pdf", "markdown"];

/// A folder the layouts are read from.
pub struct Folder {
    pub dir: PathBuf,
    /// How many files of each layout it holds (as [`LAYOUTS`]); `None` when
    /// the folder cannot be read.
    pub counts: Option<[usize; 3]>,
}

/// The files of one layout (or of several, interleaved).
pub struct Layout {
    pub name: String,
    /// Text folder first, then sittings, each sorted by name.
    pub files: Vec<Text>,
}

impl Layout {
    /// The bytes of all files together (without the blank lines).
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|t| t.text.len()).sum()
    }

    /// The files as one document of at least `min_len` bytes: concatenated
    /// with a blank line between, repeated.
    pub fn document(&self, min_len: usize) -> String {
        let mut unit = String::with_capacity(self.bytes() + 2 * self.files.len());
        for t in &self.files {
            push_with_blank_line(&mut unit, &t.text);
        }
        repeat_to(&unit, min_len)
    }

    /// How many passes over the separate files parse at least `min_len`
    /// bytes.
    pub fn passes(&self, min_len: usize) -> usize {
        min_len.div_ceil(self.bytes().max(1)).max(1)
    }
}

/// The corpus by layout.
pub struct Layouts {
    /// The text folder, then the sittings folder.
    pub folders: Vec<Folder>,
    /// One entry per name in [`LAYOUTS`], possibly without files.
    pub layouts: Vec<Layout>,
}

impl Layouts {
    /// One line per folder: where it is and what it holds, or that it is
    /// missing.
    pub fn describe(&self) -> Vec<String> {
        self.folders
            .iter()
            .map(|f| match f.counts {
                Some(counts) => {
                    let each: Vec<String> = LAYOUTS
                        .iter()
                        .zip(counts)
                        .map(|(name, n)| format!("{name} {n}"))
                        .collect();
                    format!("{}: {}", f.dir.display(), each.join(", "))
                }
                None => format!("{}: missing (set HANDELINGEN_CORPUS)", f.dir.display()),
            })
            .collect()
    }

    /// The layout called `name`, when it has files.
    pub fn get(&self, name: &str) -> Option<&Layout> {
        self.layouts
            .iter()
            .find(|l| l.name == name && !l.files.is_empty())
    }

    /// Every layout's files interleaved (one of each layout in turn), so a
    /// document switches layout every file.
    pub fn mixed(&self) -> Layout {
        let longest = self.layouts.iter().map(|l| l.files.len()).max();
        let files = (0..longest.unwrap_or(0))
            .flat_map(|i| self.layouts.iter().filter_map(move |l| l.files.get(i)))
            .cloned()
            .collect();
        Layout {
            name: "mixed".into(),
            files,
        }
    }
}

/// Where whole sittings are looked for: `../sittings` beside the text
/// folder.
pub fn sittings_dir() -> PathBuf {
    corpus_dir().join("../sittings")
}

/// The layout a file name says (`x.pdf.txt` is `pdf`), as an index into
/// [`LAYOUTS`].
fn layout_of(name: &str) -> Option<usize> {
    let (_, layout) = name.strip_suffix(".txt")?.rsplit_once('.')?;
    LAYOUTS.iter().position(|&l| l == layout)
}

/// Reads both folders; a missing one is recorded, not an error.
pub fn load() -> Layouts {
    let mut layouts: Vec<Layout> = LAYOUTS
        .iter()
        .map(|name| Layout {
            name: (*name).into(),
            files: Vec::new(),
        })
        .collect();
    let mut folders = Vec::new();
    for dir in [corpus_dir(), sittings_dir()] {
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        let counts = read_texts(&dir).ok().map(|texts| {
            let mut counts = [0; 3];
            for t in texts {
                if let Some(i) = layout_of(&t.name) {
                    counts[i] += 1;
                    layouts[i].files.push(t);
                }
            }
            counts
        });
        folders.push(Folder { dir, counts });
    }
    Layouts { folders, layouts }
}
