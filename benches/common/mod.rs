//! Benchmark inputs, shared by `benches/parse.rs` and
//! `examples/bench_report.rs` (which includes this file with `#[path]`).
//!
//! Everything is built at run time from the seeds in `fixtures/` and, when
//! it is there, the corpus: `$HANDELINGEN_CORPUS`, or `../shared/corpus/text`
//! next to the crate. The corpus is never copied into the repository.
//! [`layouts`] groups the corpus by layout (official, PDF, Markdown).

#![allow(dead_code)]

pub mod layouts;

use std::fs;
use std::path::{Path, PathBuf};

/// Size of the large input: at least 20 MB.
pub const LARGE: usize = 20_000_000;

/// Size of the extra-large scaling step (`HANDELINGEN_BENCH_LARGE=1`,
/// `bench_report --large`).
pub const XLARGE: usize = 100_000_000;

/// A named text.
#[derive(Clone)]
pub struct Text {
    pub name: String,
    pub text: String,
}

/// The benchmark inputs.
pub struct Inputs {
    /// Each seed in `fixtures/`, sorted by name.
    pub seeds: Vec<Text>,
    /// The corpus directory, when found.
    pub corpus_dir: Option<PathBuf>,
    /// The corpus's `*.txt` files (every layout), sorted by name.
    pub corpus: Vec<Text>,
    /// Seeds 001 and 003 and every corpus file, each once, separated by a
    /// blank line: what the large inputs repeat.
    pub unit: String,
}

impl Inputs {
    /// One line on where the inputs came from.
    pub fn describe(&self) -> String {
        let corpus = match &self.corpus_dir {
            Some(dir) => format!("{} corpus files from {}", self.corpus.len(), dir.display()),
            None => format!(
                "corpus not found at {} (set HANDELINGEN_CORPUS): seeds only",
                corpus_dir().display()
            ),
        };
        format!("{} seeds; {corpus}", self.seeds.len())
    }

    /// The unit repeated to at least `min_len` bytes.
    pub fn repeated(&self, min_len: usize) -> String {
        repeat_to(&self.unit, min_len)
    }
}

/// `unit` repeated (at least once) to at least `min_len` bytes.
pub fn repeat_to(unit: &str, min_len: usize) -> String {
    let copies = min_len.div_ceil(unit.len().max(1)).max(1);
    let mut text = String::with_capacity(copies * unit.len());
    for _ in 0..copies {
        text.push_str(unit);
    }
    text
}

/// Appends `text` to `unit` followed by a blank line, so concatenated
/// transcripts stay apart.
pub fn push_with_blank_line(unit: &mut String, text: &str) {
    unit.push_str(text);
    if !text.ends_with('\n') {
        unit.push('\n');
    }
    unit.push('\n');
}

/// The crate's directory.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where the corpus is looked for.
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("HANDELINGEN_CORPUS") {
        Some(dir) => dir.into(),
        None => manifest_dir().join("../shared/corpus/text"),
    }
}

/// Whether the 100 MB scaling step is enabled (`HANDELINGEN_BENCH_LARGE=1`).
pub fn large_enabled() -> bool {
    std::env::var("HANDELINGEN_BENCH_LARGE").is_ok_and(|v| v == "1")
}

/// The `*.txt` files of `dir`, sorted, that are UTF-8.
pub fn read_texts(dir: &Path) -> std::io::Result<Vec<Text>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.is_file())
        .collect();
    paths.sort();
    let mut texts = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        match String::from_utf8(fs::read(&path)?) {
            Ok(text) => texts.push(Text { name, text }),
            Err(_) => eprintln!("note: skipping {} (not UTF-8)", path.display()),
        }
    }
    Ok(texts)
}

/// Loads the seeds and the corpus. Panics when the seeds are missing.
pub fn load() -> Inputs {
    let fixtures = manifest_dir().join("fixtures");
    let seeds = read_texts(&fixtures)
        .unwrap_or_else(|e| panic!("cannot read the seeds in {}: {e}", fixtures.display()));
    assert!(!seeds.is_empty(), "no seeds in {}", fixtures.display());
    let dir = corpus_dir();
    let corpus = read_texts(&dir).unwrap_or_default();
    let corpus_dir = (!corpus.is_empty()).then(|| fs::canonicalize(&dir).unwrap_or(dir));

    let mut unit = String::new();
    let picked: Vec<&Text> = seeds
        .iter()
        .filter(|s| s.name.starts_with("001") || s.name.starts_with("003"))
        .collect();
    let picked = if picked.is_empty() {
        seeds.iter().collect()
    } else {
        picked
    };
    for t in picked.into_iter().chain(&corpus) {
        push_with_blank_line(&mut unit, &t.text);
    }
    Inputs {
        seeds,
        corpus_dir,
        corpus,
        unit,
    }
}

/// The longest prefix of `text` of at most `len` bytes that ends at a line
/// end (or at a `char` boundary when the first line is longer).
pub fn prefix(text: &str, len: usize) -> &str {
    if len >= text.len() {
        return text;
    }
    let mut end = len;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind('\n') {
        Some(i) => &text[..=i],
        None => &text[..end],
    }
}

/// `1 KB`, `100 KB`, `10 MB`, `100 MB` (decimal units).
pub fn size_label(bytes: usize) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{} MB", b / 1_000_000),
        b if b >= 1_000 => format!("{} KB", b / 1_000),
        b => format!("{b} B"),
    }
}

/// The sizes of the scaling group.
pub fn scaling_sizes(large: bool) -> Vec<usize> {
    let mut sizes = vec![1_000, 100_000, 10_000_000];
    if large {
        sizes.push(XLARGE);
    }
    sizes
}

/// Lines counted with memchr: the floor for any line-based parser.
pub fn memchr_lines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// pulldown-cmark run to the end; the number of events.
pub fn pulldown_events(text: &str) -> usize {
    pulldown_cmark::Parser::new(text).count()
}

/// handelingen; the number of top-level nodes (so the tree is built and
/// looked at).
pub fn parse_nodes(text: &str) -> usize {
    handelingen::parse(text).document.nodes.len()
}

/// handelingen without the analysis layer (`Options::with_analysis(false)`).
pub fn parse_tree_nodes(text: &str) -> usize {
    let options = handelingen::Options::default().with_analysis(false);
    handelingen::parse_with(text, &options).document.nodes.len()
}
