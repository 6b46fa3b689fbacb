//! `handelingen tables DIR_OUT FILE|DIR …`: CSV tables that join on ids.
//!
//! The rows come from [`handelingen::tables`]; here they are written with
//! the `csv` crate (UTF-8, a header row, RFC 4180 quoting), one file per
//! table, each to a temporary name renamed into place when the run ends,
//! so a table is never left half written.

use std::fs::File;
use std::ops::ControlFlow;
use std::process::ExitCode;

use handelingen::tables::{Table, Tables, Visitor, TABLES};
use serde::Serialize;

use crate::args::TablesArgs;
use crate::error::SetupError;
use crate::inputs::{self, Inputs, Source};
use crate::output::{self, Staged};
use crate::pipeline;
use crate::progress::{Reporter, Totals};

/// The file a table is written to: `speeches.csv`.
pub fn file_name(table: &Table) -> String {
    format!("{}.csv", table.name)
}

/// One table being written.
struct Sink {
    staged: Staged,
    writer: csv::Writer<File>,
}

/// Writes each table's rows to its sink, in [`TABLES`] order.
struct Writer<'s>(std::slice::IterMut<'s, Sink>);

impl Visitor for Writer<'_> {
    type Error = csv::Error;
    fn table<R: Serialize>(&mut self, _: &'static Table, rows: &[R]) -> csv::Result<()> {
        match self.0.next() {
            Some(sink) => rows.iter().try_for_each(|r| sink.writer.serialize(r)),
            None => Ok(()),
        }
    }
}

/// Writes every row of `t`, table by table, in [`TABLES`] order.
fn write_rows(sinks: &mut [Sink], t: &Tables) -> csv::Result<()> {
    t.visit(&mut Writer(sinks.iter_mut()))
}

/// Creates the temporary file of every table, its header written.
fn open_sinks(args: &TablesArgs) -> Result<Vec<Sink>, String> {
    TABLES
        .iter()
        .map(|table| {
            let target = args.out_dir.join(file_name(table));
            let shown = inputs::display_path(&target);
            let (staged, file) =
                Staged::create(&target).map_err(|e| format!("cannot write {shown}: {e}"))?;
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(file);
            writer
                .write_record(table.columns.iter().map(|c| c.name))
                .map_err(|e| format!("cannot write {shown}: {e}"))?;
            Ok(Sink { staged, writer })
        })
        .collect()
}

/// Flushes every table and renames it into place.
fn close_sinks(sinks: Vec<Sink>) -> Result<(), String> {
    for sink in sinks {
        let shown = inputs::display_path(sink.staged.target());
        sink.writer
            .into_inner()
            .map_err(|e| format!("cannot write {shown}: {}", e.error()))?;
        sink.staged
            .commit()
            .map_err(|e| format!("cannot write {shown}: {e}"))?;
    }
    Ok(())
}

/// Checks made before any input is read.
fn prepare(args: &TablesArgs, inputs: &[inputs::Input]) -> Result<(), SetupError> {
    for input in inputs {
        let Source::File(path) = &input.source else {
            continue;
        };
        if TABLES
            .iter()
            .any(|table| output::same_file(path, &args.out_dir.join(file_name(table))))
        {
            return Err(SetupError::OutputIsInput {
                input: input.name.clone(),
            });
        }
    }
    output::check_writable(&args.out_dir).map_err(|source| SetupError::OutputDir {
        dir: inputs::display_path(&args.out_dir),
        source,
    })
}

/// Runs `handelingen tables`.
pub fn run(program: &str, args: &TablesArgs) -> ExitCode {
    let (Inputs { inputs, errors, .. }, reporter) = Reporter::start(program, &args.input.paths);
    if let Err(e) = prepare(args, &inputs) {
        reporter.error(&e.to_string());
        return ExitCode::from(e.exit_code());
    }
    let mut sinks = match open_sinks(args) {
        Ok(sinks) => sinks,
        Err(e) => {
            reporter.error(&e);
            return ExitCode::FAILURE;
        }
    };
    let mut totals = Totals {
        failed: errors.len(),
        ..Totals::default()
    };
    let mut tables = Tables::default();
    let mut lost = None;
    let quiet = args.input.quiet;
    let threads = pipeline::thread_count(args.input.threads, inputs.len());
    let work = |input: &inputs::Input| {
        let mut messages = String::new();
        let parsing = crate::parse_input(input, args.input.max_size, true, |parsed| {
            if !quiet {
                messages = crate::diagnostic_lines(&input.name, &parsed.diagnostics);
            }
            Ok(Tables::from_parsed(&input.name, parsed))
        });
        (messages, parsing)
    };
    pipeline::run_ordered(&inputs, threads, work, |i, (mut messages, parsing)| {
        totals.files += 1;
        totals.bytes += parsing.bytes;
        totals.diagnostics += parsing.diagnostics;
        match parsing.result {
            Ok(part) => {
                tables.append(part);
                if let Err(e) = write_rows(&mut sinks, &tables) {
                    lost = Some(format!(
                        "cannot write the tables in {}: {e}",
                        inputs::display_path(&args.out_dir)
                    ));
                    totals.failed += 1;
                    return ControlFlow::Break(());
                }
                tables.clear();
            }
            Err(e) => {
                totals.failed += 1;
                if let Some(input) = inputs.get(i) {
                    messages.push_str(&crate::error_line(&input.name, &e));
                }
            }
        }
        reporter.print(&messages);
        reporter.advance(&totals);
        ControlFlow::Continue(())
    });
    let closed = match lost {
        Some(e) => Err(e),
        None => close_sinks(sinks),
    };
    if let Err(e) = closed {
        reporter.error(&format!("{e}; no table was written"));
        totals.failed += inputs.len() - totals.files;
        totals.files = inputs.len();
        totals.failed = totals.failed.max(1);
    }
    reporter.finish(&totals);
    if totals.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header written for each table is the one serde writes for its
    /// rows (with a row of every table: every fixture, and an empty file).
    #[test]
    fn columns_are_the_serde_field_names() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../fixtures");
        let mut t = Tables::default();
        for dir in ["", "handmade", "analysis"] {
            let mut paths: Vec<_> = std::fs::read_dir(std::path::Path::new(fixtures).join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(&path).unwrap();
                t.add(&path.display().to_string(), &handelingen::parse(&text));
            }
        }
        t.add("empty.txt", &handelingen::parse(""));
        struct Headers(Vec<(&'static str, Option<String>)>);
        impl Visitor for Headers {
            type Error = ();
            fn table<R: Serialize>(&mut self, table: &'static Table, rows: &[R]) -> Result<(), ()> {
                let header = rows.first().and_then(|row| {
                    let mut w = csv::Writer::from_writer(Vec::new());
                    w.serialize(row).ok()?;
                    let bytes = w.into_inner().ok()?;
                    Some(String::from_utf8(bytes).ok()?.lines().next()?.to_owned())
                });
                self.0.push((table.name, header));
                Ok(())
            }
        }
        let mut headers = Headers(Vec::new());
        t.visit(&mut headers).unwrap();
        assert_eq!(headers.0.len(), TABLES.len());
        for (table, (name, header)) in TABLES.iter().zip(headers.0) {
            assert_eq!(table.name, name);
            let header = header.unwrap_or_else(|| panic!("{name}: no row to compare"));
            let columns: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
            assert_eq!(header, columns.join(","), "{name}");
        }
    }
}
