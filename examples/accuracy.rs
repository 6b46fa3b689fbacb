//! Prints the parser's accuracy on a corpus with ground truth (issue 7).
//!
//! ```text
//! cargo run --release --example accuracy -- ../shared/corpus/text
//! cargo run --release --example accuracy -- --details ../shared/corpus/text
//! cargo run --release --example accuracy -- ../shared/corpus/sittings
//! ```
//!
//! One line per file and layout with its figures, then a TOTAL line and any
//! notes on the truth. `--details` adds, for every file and layout that
//! misses a bar, the bars missed and the first few mismatches. The exit code
//! is 0 when every bar is met, 1 when one is missed, 2 when the corpus
//! cannot be read.

#[path = "../tests/support/accuracy.rs"]
mod accuracy;
#[path = "../tests/support/sittings.rs"]
mod sittings;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: accuracy [--details] DIR  (DIR holds NAME.LAYOUT.txt beside NAME.truth.json)";

fn main() -> ExitCode {
    let mut details = false;
    let mut dir = None;
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--details" | "-d") => details = true,
            Some("--help" | "-h") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("accuracy: more than one folder given\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("accuracy: no corpus folder given\n{USAGE}");
        return ExitCode::from(2);
    };
    if !dir.is_dir() {
        eprintln!(
            "accuracy: corpus folder {} does not exist or is not a folder",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let cases = match accuracy::discover(&dir) {
        Ok(cases) => cases,
        Err(e) => {
            eprintln!("accuracy: {e}");
            return ExitCode::from(2);
        }
    };
    if cases.is_empty() {
        eprintln!(
            "accuracy: {} holds no NAME.LAYOUT.txt with a NAME.truth.json beside it",
            dir.display()
        );
        return ExitCode::from(2);
    }

    let mut evaluations = Vec::new();
    let mut errors = Vec::new();
    for case in &cases {
        match accuracy::run_case(case) {
            Ok(e) => evaluations.push(e),
            Err(e) => errors.push(e),
        }
    }
    print!("{}", accuracy::report(&evaluations, &errors, details));
    if errors.is_empty() && evaluations.iter().all(accuracy::Evaluation::passes) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
