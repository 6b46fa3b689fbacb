//! Converts transcripts to JSON.
//!
//! ```text
//! cargo run --release --example to_json -- [OPTIONS] PATH...
//! ```
//!
//! Each PATH is a file or a directory (searched recursively for `*.txt`, in
//! sorted order). Files are parsed in parallel; each becomes one JSON object
//! `{"file": PATH, "document": ..., "diagnostics": [...]}`, which also reads
//! back as `handelingen::Parsed`. Objects go to stdout in input order, or to
//! `DIR/<name>.json` with `-o DIR`. Diagnostics go to stderr as
//! `FILE:LINE:COL: message`, a file that cannot be converted as one
//! `FILE: error: reason` line; the exit code is 1 when any file failed, 2 on
//! a usage error.
//!
//! The summary line at the end reports the throughput of the whole
//! conversion (read, parse, serialise, write), e.g.
//! `to_json -j 1 -o /tmp/out DIR` against `-j 2`.

use std::collections::{BTreeMap, HashMap};
use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use handelingen::Parsed;
use serde::Serialize;

const USAGE_LINE: &str = "usage: to_json [OPTIONS] PATH...  (--help for more)";

const USAGE: &str = "\
usage: to_json [OPTIONS] PATH...

Parses Handelingen transcripts (files, or directories searched recursively
for *.txt) and writes one JSON object per input:
  {\"file\": PATH, \"document\": ..., \"diagnostics\": [...]}

options:
  -o, --output DIR   write DIR/<name>.json per input instead of stdout (the
                     path under a directory argument is mirrored)
      --jsonl        compact JSON, one object per line (default: pretty),
                     written by handelingen::json
      --no-analysis  leave analysis null (references, votes,
                     advice, threads, events): about a quarter faster
  -j, --threads N    parse with N threads (default: one per core)
  -q, --quiet        do not print diagnostics
  -h, --help         print this help
";

/// What is written per input; reads back as `handelingen::Parsed`.
#[derive(Serialize)]
struct Record<'a, 'i> {
    file: &'a str,
    #[serde(flatten)]
    parsed: &'a Parsed<'i>,
}

#[derive(Default)]
struct Options {
    output: Option<PathBuf>,
    jsonl: bool,
    no_analysis: bool,
    threads: Option<usize>,
    quiet: bool,
    paths: Vec<PathBuf>,
}

enum Command {
    Run(Options),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut opts = Options::default();
    let mut args = args.into_iter();
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        if only_paths {
            opts.paths.push(arg.into());
            continue;
        }
        let Some(s) = arg.to_str() else {
            // Not UTF-8, so no option of ours.
            opts.paths.push(arg.into());
            continue;
        };
        // `-jN`, `--threads=N`, `-oDIR`, `--output=DIR`.
        let (name, inline) = if let Some((n, v)) = s.split_once('=').filter(|_| s.starts_with("--"))
        {
            (n, Some(OsString::from(v)))
        } else if s.len() > 2
            && (s.starts_with("-j") || s.starts_with("-o"))
            && !s.starts_with("--")
        {
            (&s[..2], Some(OsString::from(&s[2..])))
        } else {
            (s, None)
        };
        let mut value = |what: &str| -> Result<OsString, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        if inline.is_some() && !matches!(name, "-o" | "--output" | "-j" | "--threads") {
            return Err(format!("{name} takes no value"));
        }
        match name {
            "--" => only_paths = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-q" | "--quiet" => opts.quiet = true,
            "--jsonl" => opts.jsonl = true,
            "--no-analysis" => opts.no_analysis = true,
            "-o" | "--output" => opts.output = Some(value("a directory")?.into()),
            "-j" | "--threads" => {
                let v = value("a number")?;
                let n = v
                    .to_str()
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|&n| n > 0)
                    .ok_or_else(|| {
                        format!(
                            "{name} needs a positive number, not {:?}",
                            v.to_string_lossy()
                        )
                    })?;
                opts.threads = Some(n);
            }
            _ if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => opts.paths.push(arg.into()),
        }
    }
    if opts.paths.is_empty() {
        return Err("no PATH given".into());
    }
    Ok(Command::Run(opts))
}

/// One file to convert.
struct Input {
    path: PathBuf,
    /// The path as given (joined to its directory argument).
    name: String,
    /// Where its JSON goes under `-o DIR`.
    out_rel: PathBuf,
}

fn is_txt(name: &OsStr) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Collects the `*.txt` files under `root/rel` (paths relative to `root`).
/// Symbolic links to directories are not followed, so there are no cycles.
fn walk(root: &Path, rel: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let dir = root.join(rel);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(format!(
                "{}: error: cannot read directory: {e}",
                dir.display()
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(format!(
                    "{}: error: cannot read directory: {e}",
                    dir.display()
                ));
                continue;
            }
        };
        let rel = rel.join(entry.file_name());
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(root, &rel, found, errors),
            _ if is_txt(&entry.file_name()) => found.push(rel),
            _ => {}
        }
    }
}

/// Expands the arguments into the files to convert, in order; problems
/// found on the way are returned as error lines.
fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<String>, Vec<String>) {
    let (mut inputs, mut errors, mut warnings) = (Vec::new(), Vec::new(), Vec::new());
    for path in paths {
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            let mut found = Vec::new();
            walk(path, Path::new(""), &mut found, &mut errors);
            found.sort();
            if found.is_empty() {
                warnings.push(format!("{}: warning: no *.txt files found", path.display()));
            }
            inputs.extend(found.into_iter().map(|rel| {
                let path = path.join(&rel);
                Input {
                    name: path.display().to_string(),
                    path,
                    out_rel: rel.with_extension("json"),
                }
            }));
        } else {
            // A missing or unreadable file is reported when it is read, in order.
            let file_name = path.file_name().unwrap_or(OsStr::new("input"));
            inputs.push(Input {
                name: path.display().to_string(),
                path: path.clone(),
                out_rel: Path::new(file_name).with_extension("json"),
            });
        }
    }
    (inputs, errors, warnings)
}

/// The result of converting one file.
#[derive(Default)]
struct Done {
    bytes: u64,
    diagnostics: usize,
    /// Lines for stderr (diagnostics or the error).
    messages: String,
    /// The JSON, when it goes to stdout.
    json: Vec<u8>,
    failed: bool,
}

/// Compact JSON (`--jsonl`) by `handelingen::json`, into `buf` (reused
/// per worker); indented JSON by serde_json.
fn write_record(
    mut w: impl Write,
    record: &Record,
    compact: bool,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    if compact {
        buf.clear();
        handelingen::json::write(record, buf).map_err(io::Error::other)?;
        w.write_all(buf)?;
    } else {
        serde_json::to_writer_pretty(&mut w, record)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

/// Converts one file; `buf` is the worker's buffer for compact JSON that
/// goes to a file.
fn convert(input: &Input, opts: &Options, buf: &mut Vec<u8>) -> Done {
    let mut done = Done::default();
    let fail = |mut done: Done, reason: String| {
        done.messages = format!("{}: error: {reason}\n", input.name);
        done.failed = true;
        done
    };
    let bytes = match fs::read(&input.path) {
        Ok(bytes) => bytes,
        Err(e) => return fail(done, format!("cannot read: {e}")),
    };
    done.bytes = bytes.len() as u64;
    let options = handelingen::Options::default().with_analysis(!opts.no_analysis);
    let parsed = match std::panic::catch_unwind(|| handelingen::parse_bytes_with(&bytes, &options))
    {
        Ok(Ok(parsed)) => parsed,
        Ok(Err(e)) => return fail(done, e.to_string()),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("unknown panic");
            return fail(done, format!("internal error: the parser panicked: {what}"));
        }
    };
    done.diagnostics = parsed.diagnostics.len();
    if !opts.quiet {
        for d in &parsed.diagnostics {
            let _ = writeln!(
                done.messages,
                "{}:{}:{}: {}",
                input.name, d.line, d.column, d.message
            );
        }
    }
    let record = Record {
        file: &input.name,
        parsed: &parsed,
    };
    match &opts.output {
        None if opts.jsonl => {
            // Straight into the output of this file, no copy in between.
            handelingen::json::write(&record, &mut done.json).expect("a Parsed always serialises");
            done.json.push(b'\n');
        }
        None => {
            write_record(&mut done.json, &record, false, buf).expect("writing to a Vec cannot fail")
        }
        Some(dir) => {
            let out = dir.join(&input.out_rel);
            let written = out
                .parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| fs::File::create(&out))
                .and_then(|file| write_record(BufWriter::new(file), &record, opts.jsonl, buf));
            if let Err(e) = written {
                let reason = format!("cannot write {}: {e}", out.display());
                let messages = std::mem::take(&mut done.messages);
                done = fail(done, reason);
                done.messages.insert_str(0, &messages);
            }
        }
    }
    done
}

#[derive(Default)]
struct Totals {
    files: usize,
    bytes: u64,
    diagnostics: usize,
    failures: usize,
}

fn mb_per_s(bytes: u64, elapsed: Duration) -> f64 {
    bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9)
}

struct Progress {
    enabled: bool,
    drawn: bool,
    last: Option<Instant>,
}

impl Progress {
    fn clear(&mut self, err: &mut impl Write) {
        if self.drawn {
            let _ = write!(err, "\r\x1b[K");
            self.drawn = false;
        }
    }

    fn draw(&mut self, err: &mut impl Write, totals: &Totals, total: usize, start: Instant) {
        let now = Instant::now();
        if !self.enabled
            || self
                .last
                .is_some_and(|t| now - t < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(now);
        let _ = write!(
            err,
            "\r\x1b[K{}/{} files, {:.1} MB, {:.1} MB/s",
            totals.files,
            total,
            totals.bytes as f64 / 1e6,
            mb_per_s(totals.bytes, start.elapsed()),
        );
        self.drawn = true;
    }
}

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Run(opts)) => opts,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("to_json: {e}\n{USAGE_LINE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let (inputs, walk_errors, warnings) = collect_inputs(&opts.paths);
    let mut err = BufWriter::new(io::stderr());
    for line in warnings.iter().chain(&walk_errors) {
        let _ = writeln!(err, "{line}");
    }
    let _ = err.flush();

    if let Some(dir) = &opts.output {
        // Two inputs must never overwrite each other's output.
        let mut seen: HashMap<PathBuf, &str> = HashMap::new();
        for input in &inputs {
            if let Some(other) = seen.insert(dir.join(&input.out_rel), &input.name) {
                eprintln!(
                    "to_json: {other} and {} would both be written to {}; \
                     convert them in separate runs",
                    input.name,
                    dir.join(&input.out_rel).display()
                );
                return ExitCode::from(2);
            }
        }
    }

    if let Some(dir) = &opts.output {
        if let Err(e) = fs::create_dir_all(dir) {
            eprintln!("to_json: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }

    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n);
    }
    let pool = match builder.build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("to_json: cannot start threads: {e}");
            return ExitCode::FAILURE;
        }
    };

    let mut totals = Totals {
        failures: walk_errors.len(),
        ..Totals::default()
    };
    let mut progress = Progress {
        enabled: io::stderr().is_terminal(),
        drawn: false,
        last: None,
    };
    let mut stdout_failed = false;
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Done)>();
    std::thread::scope(|s| {
        let (next, inputs, opts, pool) = (&next, &inputs, &opts, &pool);
        s.spawn(move || {
            // Every worker takes the next file in order, so results arrive
            // nearly in order and little waits in `pending` below.
            pool.scope(|scope| {
                for _ in 0..pool.current_num_threads() {
                    let tx = tx.clone();
                    scope.spawn(move |_| {
                        let mut buf = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(input) = inputs.get(i) else { break };
                            if tx.send((i, convert(input, opts, &mut buf))).is_err() {
                                break; // the writer stopped
                            }
                        }
                    });
                }
            });
        });

        let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
        let mut pending = BTreeMap::new();
        let mut want = 0;
        'receive: for (i, done) in rx {
            pending.insert(i, done);
            while let Some(done) = pending.remove(&want) {
                want += 1;
                totals.files += 1;
                totals.bytes += done.bytes;
                totals.diagnostics += done.diagnostics;
                totals.failures += usize::from(done.failed);
                if !done.messages.is_empty() {
                    progress.clear(&mut err);
                    let _ = err.write_all(done.messages.as_bytes());
                }
                if let Err(e) = out.write_all(&done.json) {
                    if e.kind() != io::ErrorKind::BrokenPipe {
                        progress.clear(&mut err);
                        let _ = writeln!(err, "to_json: cannot write to stdout: {e}");
                    }
                    stdout_failed = true;
                    // Dropping the receiver stops the workers.
                    break 'receive;
                }
                progress.draw(&mut err, &totals, inputs.len(), start);
                let _ = err.flush();
            }
        }
        if let Err(e) = out.flush() {
            if !stdout_failed && e.kind() != io::ErrorKind::BrokenPipe {
                let _ = writeln!(err, "to_json: cannot write to stdout: {e}");
            }
            stdout_failed = true;
        }
    });

    let elapsed = start.elapsed();
    progress.clear(&mut err);
    let _ = writeln!(
        err,
        "to_json: {} files, {:.1} MB, {} diagnostics, {} failed, {:.2} s, {:.1} MB/s",
        totals.files,
        totals.bytes as f64 / 1e6,
        totals.diagnostics,
        totals.failures,
        elapsed.as_secs_f64(),
        mb_per_s(totals.bytes, elapsed),
    );
    let _ = err.flush();
    if totals.failures > 0 || stdout_failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
