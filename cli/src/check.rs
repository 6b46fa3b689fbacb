//! `handelingen check FILE …`: only the diagnostics, one per line on
//! stdout as `FILE:LINE:COL: kind: message`. The exit status is 1 when any
//! file has a diagnostic of a kind that loses structure
//! ([`handelingen::DiagnosticKind::loses_structure`]: unrecognised text, a
//! motion without its close …) or could not be read, so a pipeline can
//! gate bad extractions; `-q` prints no lines, only the summary.

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::process::ExitCode;

use crate::args::CheckArgs;
use crate::inputs::{self, Inputs};
use crate::pipeline;
use crate::progress::{Reporter, Totals};

/// What checking one input found.
struct Found {
    /// Diagnostic lines, for stdout.
    lines: String,
    /// Whether one of them loses structure.
    loses_structure: bool,
}

/// Runs `handelingen check`.
pub fn run(program: &str, args: &CheckArgs) -> ExitCode {
    let (Inputs { inputs, errors, .. }, reporter) = Reporter::start(program, &args.input.paths);
    let mut totals = Totals {
        failed: errors.len(),
        ..Totals::default()
    };
    let mut losing = 0;
    let stdout = io::stdout();
    let mut lost = false;
    let threads = pipeline::thread_count(args.input.threads, inputs.len());
    let work = |input: &inputs::Input| {
        crate::parse_input(input, args.input.max_size, false, |parsed| {
            Ok(Found {
                lines: crate::diagnostic_lines(&input.name, &parsed.diagnostics),
                loses_structure: parsed.diagnostics.iter().any(|d| d.kind.loses_structure()),
            })
        })
    };
    pipeline::run_ordered(&inputs, threads, work, |i, parsing| {
        totals.files += 1;
        totals.bytes += parsing.bytes;
        totals.diagnostics += parsing.diagnostics;
        match parsing.result {
            Ok(found) => {
                losing += usize::from(found.loses_structure);
                if !args.input.quiet && !found.lines.is_empty() {
                    let mut out = stdout.lock();
                    let written = out
                        .write_all(found.lines.as_bytes())
                        .and_then(|()| out.flush());
                    if let Err(e) = written {
                        if e.kind() != io::ErrorKind::BrokenPipe {
                            reporter.error(&format!("cannot write to stdout: {e}"));
                        }
                        lost = true;
                        return ControlFlow::Break(());
                    }
                }
            }
            Err(e) => {
                totals.failed += 1;
                if let Some(input) = inputs.get(i) {
                    reporter.print(&crate::error_line(&input.name, &e));
                }
            }
        }
        reporter.advance(&totals);
        ControlFlow::Continue(())
    });
    if lost {
        totals.failed += inputs.len() - totals.files;
        totals.files = inputs.len();
    }
    reporter.finish(&totals);
    if losing > 0 {
        reporter.error(&format!(
            "{losing} of {} files have a diagnostic that loses structure",
            inputs.len()
        ));
    }
    if losing > 0 || totals.failed > 0 || lost {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
