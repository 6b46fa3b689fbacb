//! `handelingen tables DIR_OUT FILE|DIR …`: CSV tables that join on ids.
//!
//! The rows come from [`handelingen::tables`]; here they are written with
//! the `csv` crate (UTF-8, a header row, RFC 4180 quoting), one file per
//! table, each to a temporary name renamed into place when the run ends,
//! so a table is never left half written.

use std::fs::File;
use std::ops::ControlFlow;
use std::process::ExitCode;

use handelingen::tables::{
    AdviceRow, AgendaItemRow, ClauseRow, DiagnosticRow, DocumentRow, EventRow, MotionRow,
    ReferenceRow, SpeechRow, Tables, VotePartyRow, VoteRow,
};
use serde::Serialize;

use crate::args::TablesArgs;
use crate::error::SetupError;
use crate::inputs::{self, Inputs, Source};
use crate::output::{self, Staged};
use crate::pipeline;
use crate::progress::{Reporter, Totals};

/// The tables in the order they are written: file name and header.
pub const TABLES: [(&str, &[&str]); 11] = [
    ("documents.csv", DocumentRow::COLUMNS),
    ("agenda_items.csv", AgendaItemRow::COLUMNS),
    ("speeches.csv", SpeechRow::COLUMNS),
    ("motions.csv", MotionRow::COLUMNS),
    ("clauses.csv", ClauseRow::COLUMNS),
    ("advice.csv", AdviceRow::COLUMNS),
    ("votes.csv", VoteRow::COLUMNS),
    ("vote_parties.csv", VotePartyRow::COLUMNS),
    ("references.csv", ReferenceRow::COLUMNS),
    ("events.csv", EventRow::COLUMNS),
    ("diagnostics.csv", DiagnosticRow::COLUMNS),
];

/// One table being written.
struct Sink {
    staged: Staged,
    writer: csv::Writer<File>,
}

fn rows<R: Serialize>(sink: &mut Sink, rows: &[R]) -> csv::Result<()> {
    rows.iter().try_for_each(|r| sink.writer.serialize(r))
}

/// Writes every row of `t`, table by table, in [`TABLES`] order.
fn write_rows(sinks: &mut [Sink], t: &Tables) -> csv::Result<()> {
    let [documents, agenda_items, speeches, motions, clauses, advice, votes, vote_parties, references, events, diagnostics] =
        sinks
    else {
        return Ok(());
    };
    rows(documents, &t.documents)?;
    rows(agenda_items, &t.agenda_items)?;
    rows(speeches, &t.speeches)?;
    rows(motions, &t.motions)?;
    rows(clauses, &t.clauses)?;
    rows(advice, &t.advice)?;
    rows(votes, &t.votes)?;
    rows(vote_parties, &t.vote_parties)?;
    rows(references, &t.references)?;
    rows(events, &t.events)?;
    rows(diagnostics, &t.diagnostics)
}

/// Creates the temporary file of every table, its header written.
fn open_sinks(args: &TablesArgs) -> Result<Vec<Sink>, String> {
    TABLES
        .iter()
        .map(|(name, columns)| {
            let target = args.out_dir.join(name);
            let shown = inputs::display_path(&target);
            let (staged, file) =
                Staged::create(&target).map_err(|e| format!("cannot write {shown}: {e}"))?;
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(file);
            writer
                .write_record(*columns)
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
            .any(|(name, _)| output::same_file(path, &args.out_dir.join(name)))
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

    /// The header written for an empty table is the one serde writes.
    #[test]
    fn columns_are_the_serde_field_names() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../fixtures/001_8617aaadb6b14908.txt"
        ))
        .unwrap();
        let mut t = Tables::from_parsed("001.txt", &handelingen::parse(&text));
        // A row of every table: seed 001 has no vote, an empty file a diagnostic.
        t.append(Tables::from_parsed(
            "x.txt",
            &handelingen::parse(
                "De voorzitter:\nDe motie 26 643, nr. 1011 werd met 70 stemmen voor en 80 \
                 stemmen tegen verworpen. Voor stemden: D66, GroenLinks en SP.\n\nvreemd\n",
            ),
        ));
        t.append(Tables::from_parsed("empty.txt", &handelingen::parse("")));
        fn header<R: Serialize>(rows: &[R]) -> Option<String> {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.serialize(rows.first()?).ok()?;
            let bytes = w.into_inner().ok()?;
            Some(String::from_utf8(bytes).ok()?.lines().next()?.to_owned())
        }
        let headers = [
            header(&t.documents),
            header(&t.agenda_items),
            header(&t.speeches),
            header(&t.motions),
            header(&t.clauses),
            header(&t.advice),
            header(&t.votes),
            header(&t.vote_parties),
            header(&t.references),
            header(&t.events),
            header(&t.diagnostics),
        ];
        for ((name, columns), header) in TABLES.iter().zip(headers) {
            let header = header.unwrap_or_else(|| panic!("{name}: no row to compare"));
            assert_eq!(header, columns.join(","), "{name}");
        }
    }
}
