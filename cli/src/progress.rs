//! Messages on stderr, and the progress bar (files, MB, MB/s, ETA) when
//! stderr is a terminal; messages are printed above the bar.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Counts of a run, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Inputs handled (converted or failed).
    pub files: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Diagnostics found.
    pub diagnostics: usize,
    /// Inputs not converted, or whose output was lost.
    pub failed: usize,
}

/// Writes messages to stderr and draws the bar.
pub struct Reporter {
    program: String,
    bar: Option<ProgressBar>,
    files: usize,
    start: Instant,
}

impl Reporter {
    /// The start of every subcommand: the inputs under `paths` collected,
    /// a reporter for them, and the warnings and errors of the collection
    /// printed.
    pub fn start(program: &str, paths: &[std::path::PathBuf]) -> (crate::inputs::Inputs, Reporter) {
        let found = crate::inputs::collect(paths);
        let bytes = found.inputs.iter().map(|i| i.size).sum();
        let reporter = Reporter::new(program, found.inputs.len(), bytes);
        for line in found.warnings.iter().chain(&found.errors) {
            reporter.print(&format!("{line}\n"));
        }
        (found, reporter)
    }

    /// A reporter for `files` inputs of `bytes` bytes in all; the bar is
    /// drawn only when stderr is a terminal.
    pub fn new(program: &str, files: usize, bytes: u64) -> Reporter {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{msg} {wide_bar} {decimal_bytes}/{decimal_total_bytes} \
                 {decimal_bytes_per_sec} ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(format!("0/{files} files"));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Reporter {
            program: program.to_owned(),
            bar,
            files,
            start: Instant::now(),
        }
    }

    /// The program's name, as messages start with it.
    pub fn program(&self) -> &str {
        &self.program
    }

    /// Prints `text` (whole lines) on stderr, above the bar.
    pub fn print(&self, text: &str) {
        if text.is_empty() {
            return;
        }
        let write = || {
            let mut err = io::stderr().lock();
            let _ = err.write_all(text.as_bytes());
            let _ = err.flush();
        };
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// Prints `PROGRAM: message` on stderr.
    pub fn error(&self, message: &str) {
        self.print(&format!("{}: {message}\n", self.program));
    }

    /// Moves the bar on after an input.
    pub fn advance(&self, totals: &Totals) {
        if let Some(bar) = &self.bar {
            bar.set_position(totals.bytes.min(bar.length().unwrap_or(u64::MAX)));
            bar.set_message(format!("{}/{} files", totals.files, self.files));
        }
    }

    /// Removes the bar and prints the summary line: `PROGRAM: N files, X
    /// MB, D diagnostics, F failed, S s, R MB/s`.
    pub fn finish(&self, totals: &Totals) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        let elapsed = self.start.elapsed().as_secs_f64();
        let mb = totals.bytes as f64 / 1e6;
        self.print(&format!(
            "{}: {} files, {mb:.1} MB, {} diagnostics, {} failed, {elapsed:.2} s, {:.1} MB/s\n",
            self.program,
            totals.files,
            totals.diagnostics,
            totals.failed,
            mb / elapsed.max(1e-9),
        ));
    }
}
