//! `--archive`: end-to-end conversion (read, `parse_bytes`, serialise JSON)
//! of a temporary directory of copies of the seeds and corpus files, with
//! rayon pools of 1 and 2 threads.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::common;
use crate::{mb, mb_per_s};

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

pub fn archive(inputs: &common::Inputs, target_mb: usize, runs: usize) -> Result<(), String> {
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
