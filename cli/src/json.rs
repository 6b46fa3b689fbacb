//! `handelingen json`: transcripts to JSON.
//!
//! One input (a file or `-`) gives one JSON document; several (more than
//! one argument, or a directory) a JSON array; `--jsonl` one compact
//! document per line; `-o DIR` one file per input, each written to a
//! temporary name and renamed into place. Output that cannot be written
//! ends the run: a closed pipe quietly, anything else with a message; the
//! summary counts every input whose output was lost as failed.

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::args::JsonArgs;
use crate::error::{InputError, SetupError};
use crate::inputs::{self, Input, Inputs, Source};
use crate::output;
use crate::pipeline;
use crate::progress::{Reporter, Totals};

/// The result of converting one input.
struct Done {
    bytes: u64,
    diagnostics: usize,
    /// Lines for stderr: diagnostics and the error.
    messages: String,
    /// The JSON, when it goes to stdout and was not streamed there.
    json: Vec<u8>,
    /// Whether the JSON was written to stdout as it was made, and how that
    /// went.
    streamed: Option<io::Result<()>>,
    failed: bool,
}

/// How documents are framed on stdout.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Framing {
    /// One document.
    Single,
    /// A JSON array of documents.
    Array,
    /// One document per line.
    Lines,
}

/// Checks made before any input is read: no two inputs share an output, no
/// output is an input, the output directory can be written; without `-o`,
/// stdout is not an input.
fn prepare(args: &JsonArgs, inputs: &[Input]) -> Result<(), SetupError> {
    let Some(dir) = &args.output else {
        for input in inputs {
            if let Source::File(path) = &input.source {
                if output::stdout_is(path) {
                    return Err(SetupError::OutputIsInput {
                        input: input.name.clone(),
                    });
                }
            }
        }
        return Ok(());
    };
    let mut seen: HashMap<PathBuf, &str> = HashMap::new();
    for input in inputs {
        let out = dir.join(&input.out_rel);
        if let Source::File(path) = &input.source {
            if output::same_file(path, &out) {
                return Err(SetupError::OutputIsInput {
                    input: input.name.clone(),
                });
            }
        }
        if let Some(first) = seen.insert(out.clone(), &input.name) {
            return Err(SetupError::Collision {
                first: first.to_owned(),
                second: input.name.clone(),
                output: inputs::display_path(&out),
            });
        }
    }
    output::check_writable(dir).map_err(|source| SetupError::OutputDir {
        dir: inputs::display_path(dir),
        source,
    })
}

/// Converts one input; its JSON ends with a line end unless `framing` is
/// an array (whose separators carry them). With `stream`, the JSON is
/// written there as it is made instead of being kept.
fn convert(input: &Input, args: &JsonArgs, framing: Framing, stream: Option<&mut Stdout>) -> Done {
    let pretty = !args.jsonl;
    let mut messages = String::new();
    let mut streamed = None;
    let parsing = crate::parse_input(input, args.input.max_size, !args.no_analysis, |parsed| {
        if !args.input.quiet {
            messages = crate::diagnostic_lines(&input.name, &parsed.diagnostics);
        }
        if let Some(stdout) = stream {
            streamed = Some(stdout.stream(|out| {
                output::stream_json(&input.name, parsed, out, &mut Vec::new(), pretty)
            }));
            return Ok(Vec::new());
        }
        let mut json = Vec::new();
        crate::output::write_json(&input.name, parsed, &mut json, pretty)?;
        if let Some(dir) = &args.output {
            json.push(b'\n');
            let path = dir.join(&input.out_rel);
            output::write_atomically(&path, &json).map_err(|source| InputError::Write {
                path: inputs::display_path(&path),
                source,
            })?;
            json.clear();
        } else if framing != Framing::Array {
            // Here, not as a second write: stdout is line buffered, and
            // a document that ends with its line end is written as it is,
            // without a search for the last line end in it.
            json.push(b'\n');
        }
        Ok(json)
    });
    let (json, failed) = match parsing.result {
        Ok(json) => (json, false),
        Err(e) => {
            messages.push_str(&crate::error_line(&input.name, &e));
            (Vec::new(), true)
        }
    };
    Done {
        bytes: parsing.bytes,
        diagnostics: parsing.diagnostics,
        messages,
        json,
        streamed,
        failed,
    }
}

/// Stdout, written one whole document at a time and flushed after each,
/// so a write error belongs to the document that met it. A document comes
/// with its line end, except in an array.
struct Stdout {
    out: io::Stdout,
    framing: Framing,
    written: usize,
}

impl Stdout {
    fn document(&mut self, json: &[u8]) -> io::Result<()> {
        let mut out = self.out.lock();
        if self.framing == Framing::Array {
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        out.write_all(json)?;
        self.written += 1;
        out.flush()
    }

    /// One document written by `write` as it is made, framed as
    /// [`Stdout::document`] frames it. The pieces go to the file descriptor
    /// itself: `write` hands over large ones, and line buffering would
    /// search each for its last line end.
    fn stream(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        self.out.flush()?;
        let mut raw = output::unbuffered_stdout();
        let mut locked;
        let out: &mut dyn Write = match &mut raw {
            Ok(file) => file,
            Err(_) => {
                locked = self.out.lock();
                &mut locked
            }
        };
        if self.framing == Framing::Array {
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        }
        write(&mut *out)?;
        if self.framing != Framing::Array {
            out.write_all(b"\n")?;
        }
        self.written += 1;
        out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        let mut out = self.out.lock();
        if self.framing == Framing::Array {
            out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        out.flush()
    }
}

/// Reports a write error on stdout; a closed pipe is not reported (the
/// reader is gone on purpose, as with `| head`).
fn stdout_error(reporter: &Reporter, e: &io::Error) {
    if e.kind() != io::ErrorKind::BrokenPipe {
        reporter.error(&format!("cannot write to stdout: {e}"));
    }
}

/// Runs `handelingen json` (or the example `to_json`, named `program`).
pub fn run(program: &str, args: &JsonArgs) -> ExitCode {
    let (
        Inputs {
            inputs,
            errors,
            many,
            ..
        },
        reporter,
    ) = Reporter::start(program, &args.input.paths);
    if let Err(e) = prepare(args, &inputs) {
        reporter.error(&e.to_string());
        return ExitCode::from(e.exit_code());
    }
    let framing = match (args.jsonl, many) {
        (true, _) => Framing::Lines,
        (false, true) => Framing::Array,
        (false, false) => Framing::Single,
    };
    let mut stdout = Stdout {
        out: io::stdout(),
        framing,
        written: 0,
    };
    let to_stdout = args.output.is_none();
    let mut totals = Totals {
        failed: errors.len(),
        ..Totals::default()
    };
    let mut lost = false;
    let threads = pipeline::thread_count(args.input.threads, inputs.len());
    let mut consume = |stdout: &mut Stdout, done: Done| {
        totals.files += 1;
        totals.bytes += done.bytes;
        totals.diagnostics += done.diagnostics;
        totals.failed += usize::from(done.failed);
        reporter.print(&done.messages);
        if to_stdout && !done.failed {
            let written = done.streamed.unwrap_or_else(|| stdout.document(&done.json));
            if let Err(e) = written {
                stdout_error(&reporter, &e);
                totals.failed += 1;
                lost = true;
                return ControlFlow::Break(());
            }
        }
        reporter.advance(&totals);
        ControlFlow::Continue(())
    };
    match inputs.as_slice() {
        // One input to stdout: streamed, never held whole in memory.
        [input] if to_stdout => {
            let done = convert(input, args, framing, Some(&mut stdout));
            let _ = consume(&mut stdout, done);
        }
        _ => pipeline::run_ordered(
            &inputs,
            threads,
            |input| convert(input, args, framing, None),
            |_, done| consume(&mut stdout, done),
        ),
    }
    if lost {
        // The inputs never converted lost their output too.
        totals.failed += inputs.len() - totals.files;
        totals.files = inputs.len();
    } else if to_stdout {
        if let Err(e) = stdout.finish() {
            stdout_error(&reporter, &e);
            lost = true;
            totals.failed = totals.failed.max(1);
        }
    }
    reporter.finish(&totals);
    if totals.failed > 0 || lost {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
