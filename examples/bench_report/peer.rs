//! `--peer`: end to end against the Python peer on the same file. The ~20 MB
//! PDF-layout document is written to a temporary file, then
//! `python3 ../shared/peer/segment.py FILE > /dev/null` and
//! `to_json --jsonl FILE > /dev/null` (the example binary next to this one;
//! its stderr, the diagnostics, is read and dropped) are timed, best of 3.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::layouts::Layouts;
use crate::common::{self, LARGE};
use crate::{mb, mb_per_s};

/// The to_json example built beside this one, or why it is not usable.
fn to_json() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let dir = exe.parent().unwrap_or(Path::new("."));
    let path = dir.join(format!("to_json{}", std::env::consts::EXE_SUFFIX));
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "{} is not there: build it first with `cargo build --release --examples`",
            path.display()
        ))
    }
}

/// The best wall time of `runs` runs of `command` with stdout to /dev/null,
/// and the last line of its stderr; fails, with the end of its stderr, when
/// a run fails.
fn time(runs: usize, mut command: Command) -> Result<(Duration, String), String> {
    command.stdout(Stdio::null()).stderr(Stdio::piped());
    let mut best = Duration::MAX;
    let mut last = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let out = command
            .output()
            .map_err(|e| format!("cannot run {command:?}: {e}"))?;
        let elapsed = start.elapsed();
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "{command:?} failed ({}):\n{}",
                out.status,
                tail.join("\n")
            ));
        }
        best = best.min(elapsed);
        let stderr = String::from_utf8_lossy(&out.stderr);
        last = stderr.lines().last().unwrap_or_default().to_owned();
    }
    Ok((best, last))
}

fn row(what: &str, bytes: usize, time: Duration) {
    println!(
        "{:<58} {:>8.3} s {:>9.1} MB/s",
        what,
        time.as_secs_f64(),
        mb_per_s(bytes, time)
    );
}

/// Times both on `file`, which holds `bytes` bytes.
fn compare(runs: usize, file: &Path, bytes: usize) -> Result<(), String> {
    let script = common::manifest_dir().join("../shared/peer/segment.py");
    let script = std::fs::canonicalize(&script)
        .map_err(|e| format!("the peer {} is not there: {e}", script.display()))?;
    let to_json = to_json();
    let mut python = Command::new("python3");
    python.arg(&script).arg(file);
    let (peer, _) = time(runs, python)?;
    row(
        "python3 ../shared/peer/segment.py FILE > /dev/null",
        bytes,
        peer,
    );
    let mut to_json = Command::new(to_json?);
    to_json.arg("--jsonl").arg(file);
    let (ours, summary) = time(runs, to_json)?;
    row("to_json --jsonl FILE > /dev/null", bytes, ours);
    println!("  (to_json's own summary line: {summary})");
    println!(
        "peer/to_json: {:.2}x (the peer's time over to_json's)",
        peer.as_secs_f64() / ours.as_secs_f64().max(1e-9)
    );
    Ok(())
}

/// The end-to-end comparison on the PDF layout.
pub fn report(runs: usize, layouts: &Layouts) -> Result<(), String> {
    let runs = runs.min(3);
    println!();
    let Some(pdf) = layouts.get("pdf") else {
        println!("end to end vs the Python peer: no *.pdf.txt files found; skipped");
        return Ok(());
    };
    let doc = pdf.document(LARGE);
    let file =
        std::env::temp_dir().join(format!("handelingen-peer-{}.pdf.txt", std::process::id()));
    std::fs::write(&file, &doc).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    println!(
        "end to end vs the Python peer on the pdf layout ({:.1} MB in {}), wall time, best of \
         {runs} runs",
        mb(doc.len()),
        file.display()
    );
    let result = compare(runs, &file, doc.len());
    let _ = std::fs::remove_file(&file);
    result
}
