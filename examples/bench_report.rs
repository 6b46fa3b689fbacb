//! A plain throughput and memory report, no criterion:
//!
//! ```text
//! cargo run --release --example bench_report -- [--runs N] [--large] [--layouts] [--peer] [--archive [--archive-mb N]]
//! ```
//!
//! The full report, as run for the data-model issue (`--peer` needs the
//! `to_json` example built first):
//!
//! ```text
//! cargo build --release --examples
//! cargo run --release --example bench_report -- --runs 3 --layouts --peer
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
//! - with `--layouts`, per layout (`*.official.txt`, `*.pdf.txt`,
//!   `*.markdown.txt`) and for all of them interleaved: throughput of parse,
//!   the tree alone and pulldown-cmark as one ~20 MB document and as
//!   separate files; allocation calls per KB and peak heap; the compact JSON
//!   writer's throughput (MB/s of input: `handelingen::json::write`,
//!   `json::write_to` streaming through a kept buffer, and
//!   `serde_json::to_writer` beside it as the baseline) and output size;
//! - with `--peer`: `to_json --jsonl` against the Python peer
//!   (`../shared/peer/segment.py`) on the ~20 MB pdf-layout document;
//! - with `--archive`: end-to-end conversion (read, `parse_bytes`, serialise
//!   JSON) of a temporary directory of ~100 MB of copies of the seeds and
//!   corpus files, with rayon pools of 1 and 2 threads.
//!
//! The corpus is read from `$HANDELINGEN_CORPUS`, or `../shared/corpus/text`
//! next to the crate (and, for the layouts, its sibling `../sittings`);
//! without it only the seeds are used.

#[path = "../benches/common/mod.rs"]
mod common;

#[path = "bench_report/alloc.rs"]
mod alloc;
#[path = "bench_report/archive.rs"]
mod archive;
#[path = "bench_report/layouts.rs"]
mod layouts;
#[path = "bench_report/peer.rs"]
mod peer;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: bench_report [--runs N] [--large] [--layouts] [--peer] [--archive [--archive-mb N]]

  --runs N        best of N runs per measurement (default 5)
  --large         add 100 MB to the scaling table
  --layouts       per layout (official, pdf, markdown, mixed): throughput as
                  one document and as separate files, allocations, peak
                  heap, JSON writer
  --peer          to_json --jsonl against ../shared/peer/segment.py on the
                  ~20 MB pdf-layout input (build the examples first:
                  cargo build --release --examples)
  --archive       also convert a temporary directory of ~100 MB of copies
                  end to end with 1 and 2 threads
  --archive-mb N  size of that directory in MB (default 100)
";

struct Options {
    runs: usize,
    large: bool,
    layouts: bool,
    peer: bool,
    archive: Option<usize>,
}

fn parse_args() -> Result<Option<Options>, String> {
    let mut opts = Options {
        runs: 5,
        large: false,
        layouts: false,
        peer: false,
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
            "--layouts" => opts.layouts = true,
            "--peer" => opts.peer = true,
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
    let usage = alloc::measure(|| handelingen::parse(&large));
    let kb = large.len() as f64 / 1e3;
    println!(
        "memory of parse on the large input ({:.1} MB): peak {:.1} MB = {:.2}x the input; \
         the result holds {:.1} MB = {:.2}x; {:.1} allocations and {:.1} reallocations per KB",
        mb(large.len()),
        mb(usage.peak),
        usage.peak as f64 / large.len() as f64,
        mb(usage.retained),
        usage.retained as f64 / large.len() as f64,
        usage.allocs as f64 / kb,
        usage.reallocs as f64 / kb
    );

    drop(large);

    let mut ok = true;
    if opts.layouts || opts.peer {
        let corpus = common::layouts::load();
        println!();
        println!("layouts from:");
        for line in corpus.describe() {
            println!("  {line}");
        }
        if opts.layouts {
            layouts::report(opts.runs, &corpus);
        }
        if opts.peer {
            if let Err(e) = peer::report(opts.runs, &corpus) {
                eprintln!("bench_report: peer: {e}");
                ok = false;
            }
        }
    }

    if let Some(target_mb) = opts.archive {
        if let Err(e) = archive::archive(&inputs, target_mb, opts.runs) {
            eprintln!("bench_report: archive: {e}");
            ok = false;
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
