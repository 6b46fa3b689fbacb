//! The `handelingen` command, as a library: the binary (`src/main.rs`) and
//! the example `to_json` are thin fronts over [`main`] and [`to_json_main`].
//!
//! - [`json`]: transcripts to JSON (one document, an array, JSON Lines, or
//!   one file per input).
//! - [`tables`]: CSV tables that join on ids
//!   ([`handelingen::tables`] builds the rows).
//! - [`check`]: only the diagnostics, for a pipeline that gates bad
//!   extractions.
//!
//! Every subcommand reads its inputs the same way ([`inputs`]: a FIFO or a
//! device is never opened, a file over the size limit never read), works
//! on them in parallel with a bounded window of results ([`pipeline`]),
//! writes files through a temporary name renamed into place ([`output`]),
//! and ends with a one-line summary on stderr ([`progress`]). Exit status:
//! 0 when everything was converted and written, 1 when an input failed or
//! output was lost, 2 for a usage error.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod args;
pub mod check;
pub mod error;
pub mod inputs;
pub mod json;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod tables;

use std::ffi::OsString;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use clap::Parser;
use handelingen::{Diagnostic, Parsed};

use crate::error::InputError;
use crate::inputs::Input;

/// Runs the `handelingen` command on `args` (the program name first).
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match &cli.command {
        args::Command::Json(a) => json::run("handelingen", a),
        args::Command::Tables(a) => tables::run("handelingen", a),
        args::Command::Check(a) => check::run("handelingen", a),
    }
}

/// Runs the example `to_json` on `args`: `handelingen json` under another
/// name.
pub fn to_json_main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    match args::ToJson::try_parse_from(args) {
        Ok(cli) => json::run("to_json", &cli.args),
        Err(e) => clap_exit(&e),
    }
}

/// Prints clap's message (help, version or a usage error) and gives its
/// exit status (0 or 2).
fn clap_exit(e: &clap::Error) -> ExitCode {
    let _ = e.print();
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// What reading and parsing one input gave.
pub(crate) struct Parsing<R> {
    /// Bytes read.
    pub bytes: u64,
    /// Number of diagnostics.
    pub diagnostics: usize,
    /// What `use_it` made of the parse, or why there is none.
    pub result: Result<R, InputError>,
}

/// Reads `input` (at most `limit` bytes), parses it and hands the result to
/// `use_it`; a panic in the parser is caught and becomes an error of this
/// input only.
pub(crate) fn parse_input<R>(
    input: &Input,
    limit: u64,
    analysis: bool,
    use_it: impl FnOnce(&Parsed<'_>) -> Result<R, InputError>,
) -> Parsing<R> {
    let bytes = match inputs::read(input, limit) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Parsing {
                bytes: 0,
                diagnostics: 0,
                result: Err(e),
            }
        }
    };
    let options = handelingen::Options::default().with_analysis(analysis);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let parsed = handelingen::parse_bytes_with(&bytes, &options)?;
        Ok((parsed.diagnostics.len(), use_it(&parsed)))
    }));
    let (diagnostics, result) = match outcome {
        Ok(Ok((n, result))) => (n, result),
        Ok(Err(e)) => (0, Err(InputError::Parse(e))),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".into());
            (0, Err(InputError::Panic(what)))
        }
    };
    Parsing {
        bytes: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        diagnostics,
        result,
    }
}

/// The diagnostics as lines `NAME:LINE:COL: kind: message`.
pub(crate) fn diagnostic_lines(name: &str, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(
            out,
            "{name}:{}:{}: {}: {}",
            d.line,
            d.column,
            d.kind.as_str(),
            d.message
        );
    }
    out
}

/// The line that reports a failed input: `NAME: error: reason`.
pub(crate) fn error_line(name: &str, e: &InputError) -> String {
    format!("{name}: error: {e}\n")
}
