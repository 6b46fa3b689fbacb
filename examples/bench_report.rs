//! A plain throughput and memory report, no criterion:
//!
//! ```text
//! cargo run --release --example bench_report -- [--runs N] [--large] [--archive [--archive-mb N]]
//! ```
//!
//! - throughput of `handelingen::parse`, and of the tree alone (the analysis
//!   layer off), against counting lines with memchr
//!   (the floor) and pulldown-cmark run to the end, on the same bytes, best
//!   of N runs, for each seed and for the large input (seeds 001 and 003 and
//!   every corpus file repeated to ≥ 20 MB);
//! - scaling: 1 KB, 100 KB, 10 MB (and 100 MB with `--large`);
//! - peak heap memory of parse on the large input, as a multiple of its size,
//!   counted by a `#[global_allocator]` wrapped around the system allocator;
//! - with `--archive`: end-to-end conversion (read, `parse_bytes`, serialise
//!   JSON) of a temporary directory of ~100 MB of copies of the seeds and
//!   corpus files, with rayon pools of 1 and 2 threads.
//!
//! The corpus is read from `$HANDELINGEN_CORPUS`, or `../shared/corpus/text`
//! next to the crate; without it only the seeds are used.

#[path = "../benches/common/mod.rs"]
mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

/// Counts the bytes currently allocated and the peak since the last reset.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(by: usize) {
    CURRENT.fetch_sub(by, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only counters are
// updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, passed on as is.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const USAGE: &str = "\
usage: bench_report [--runs N] [--large] [--archive [--archive-mb N]]

  --runs N        best of N runs per measurement (default 5)
  --large         add 100 MB to the scaling table
  --archive       also convert a temporary directory of ~100 MB of copies
                  end to end with 1 and 2 threads
  --archive-mb N  size of that directory in MB (default 100)
";

struct Options {
    runs: usize,
    large: bool,
    archive: Option<usize>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut opts = Options {
        runs: 5,
        large: false,
        archive: None,
    };
    let mut archive_mb = 100;
    let mut args = std::env::args().skip(1);
    let number = |flag: &str, v: Option<String>| -> Result<usize, String> {
        v.as_deref()
            .and_then(|v| v.parse().ok())
            .filter(|&n: &usize| n > 0)
            .ok_or_else(|| format!("{flag} needs a positive number"))
    };
    let mut archive = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--large" => opts.large = true,
            "--archive" => archive = true,
            "--runs" => opts.runs = number("--runs", args.next())?,
            "--archive-mb" => archive_mb = number("--archive-mb", args.next())?,
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    opts.archive = archive.then_some(archive_mb);
    Ok(Some(opts))
}

/// The best time per call of `f` over `runs` runs; a run repeats `f` for at
/// least 20 ms so small inputs are timed reliably.
fn best_of(runs: usize, mut f: impl FnMut() -> usize) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        let mut calls = 0u32;
        let elapsed = loop {
            black_box(f());
            calls += 1;
            let elapsed = start.elapsed();
            if elapsed >= Duration::from_millis(20) {
                break elapsed;
            }
        };
        best = best.min(elapsed / calls);
    }
    best
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64().max(1e-12)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn throughput_table(runs: usize, rows: &[(&str, &str)]) {
    println!(
        "{:<16} {:>9} {:>10} {:>10} {:>10} {:>10} {:>14} {:>14} {:>12}",
        "input",
        "MB",
        "parse",
        "tree only",
        "memchr",
        "pulldown",
        "parse/pulldown",
        "tree/pulldown",
        "parse/memchr"
    );
    for (name, text) in rows {
        let parse = mb_per_s(text.len(), best_of(runs, || common::parse_nodes(text)));
        let tree = mb_per_s(text.len(), best_of(runs, || common::parse_tree_nodes(text)));
        let lines = mb_per_s(text.len(), best_of(runs, || common::memchr_lines(text)));
        let pulldown = mb_per_s(text.len(), best_of(runs, || common::pulldown_events(text)));
        println!(
            "{:<16} {:>9.3} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>13.3}x {:>13.3}x {:>11.4}x",
            name,
            mb(text.len()),
            parse,
            tree,
            lines,
            pulldown,
            parse / pulldown,
            tree / pulldown,
            parse / lines
        );
    }
}

/// Peak and retained heap of `parse(text)`, in bytes.
fn parse_memory(text: &str) -> (usize, usize) {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let parsed = handelingen::parse(text);
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let retained = CURRENT.load(Ordering::Relaxed).saturating_sub(base);
    drop(black_box(parsed));
    (peak, retained)
}

/// Writes copies of the seeds and corpus files to `dir` until `target`
/// bytes are written; returns the files.
fn make_archive(dir: &Path, inputs: &common::Inputs, target: usize) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut files = Vec::new();
    let mut written = 0;
    'copies: for copy in 0.. {
        for t in inputs.seeds.iter().chain(&inputs.corpus) {
            let path = dir.join(format!("{copy:04}_{}", t.name));
            std::fs::write(&path, &t.text)?;
            files.push(path);
            written += t.text.len();
            if written >= target {
                break 'copies;
            }
        }
    }
    Ok(files)
}

/// Reads, parses and serialises every file (to a sink) with `threads`
/// threads; returns the bytes read and the time taken.
fn convert_all(files: &[PathBuf], threads: usize) -> Result<(usize, Duration), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    let bytes = pool.install(|| {
        files
            .par_iter()
            .map(|path| -> Result<usize, String> {
                let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let parsed = handelingen::parse_bytes(&bytes)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let mut sink = BufWriter::new(io::sink());
                serde_json::to_writer(&mut sink, &parsed).map_err(|e| e.to_string())?;
                sink.flush().map_err(|e| e.to_string())?;
                Ok(bytes.len())
            })
            .try_reduce(|| 0, |a, b| Ok(a + b))
    })?;
    Ok((bytes, start.elapsed()))
}

fn archive(inputs: &common::Inputs, target_mb: usize, runs: usize) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("handelingen-archive-{}", std::process::id()));
    println!();
    println!("end-to-end conversion (read + parse_bytes + JSON to a sink), best of {runs} runs");
    let files = make_archive(&dir, inputs, target_mb * 1_000_000)
        .map_err(|e| format!("cannot write {}: {e}", dir.display()));
    let result = files.and_then(|files| {
        println!("archive: {} files in {}", files.len(), dir.display());
        let mut one = None;
        for threads in [1, 2] {
            let mut best: Option<(usize, Duration)> = None;
            for _ in 0..runs.min(3) {
                let run = convert_all(&files, threads)?;
                best = Some(match best {
                    Some(b) if b.1 <= run.1 => b,
                    _ => run,
                });
            }
            let (bytes, time) = best.expect("at least one run");
            let rate = mb_per_s(bytes, time);
            let speedup = one.map_or(String::new(), |r: f64| format!("  ({:.2}x)", rate / r));
            one.get_or_insert(rate);
            println!(
                "{threads} thread{}: {:.1} MB in {:.2} s, {:.1} MB/s{speedup}",
                if threads == 1 { " " } else { "s" },
                mb(bytes),
                time.as_secs_f64(),
                rate
            );
        }
        Ok(())
    });
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(opts)) => opts,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprint!("bench_report: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if cfg!(debug_assertions) {
        println!("WARNING: debug build; the numbers mean little. Use --release.\n");
    }
    let inputs = common::load();
    println!("inputs: {}", inputs.describe());
    let large = inputs.repeated(common::LARGE);
    println!(
        "large input: {:.1} MB ({} copies of {:.3} MB)",
        mb(large.len()),
        large.len() / inputs.unit.len().max(1),
        mb(inputs.unit.len())
    );

    println!();
    println!(
        "throughput in MB/s (10^6 bytes/s), best of {} runs; ratios are parse's speed over the baseline's",
        opts.runs
    );
    let mut rows: Vec<(&str, &str)> = inputs
        .seeds
        .iter()
        .map(|s| (s.name.split('_').next().unwrap_or(&s.name), s.text.as_str()))
        .collect();
    rows.push(("large", &large));
    throughput_table(opts.runs, &rows);

    println!();
    println!("scaling (parse)");
    println!(
        "{:<8} {:>12} {:>12} {:>10}",
        "size", "bytes", "time", "MB/s"
    );
    let xlarge = opts.large.then(|| inputs.repeated(common::XLARGE));
    for size in common::scaling_sizes(opts.large) {
        let source = xlarge
            .as_deref()
            .filter(|_| size > large.len())
            .unwrap_or(&large);
        let text = common::prefix(source, size);
        let runs = if text.len() > common::LARGE {
            opts.runs.min(3)
        } else {
            opts.runs
        };
        let time = best_of(runs, || common::parse_nodes(text));
        println!(
            "{:<8} {:>12} {:>10.3}ms {:>10.1}",
            common::size_label(size),
            text.len(),
            time.as_secs_f64() * 1e3,
            mb_per_s(text.len(), time)
        );
    }
    drop(xlarge);

    println!();
    let (peak, retained) = parse_memory(&large);
    println!(
        "memory of parse on the large input ({:.1} MB): peak {:.1} MB = {:.2}x the input; \
         the result holds {:.1} MB = {:.2}x",
        mb(large.len()),
        mb(peak),
        peak as f64 / large.len() as f64,
        mb(retained),
        retained as f64 / large.len() as f64
    );

    if let Some(target_mb) = opts.archive {
        drop(large);
        if let Err(e) = archive(&inputs, target_mb, opts.runs) {
            eprintln!("bench_report: archive: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
