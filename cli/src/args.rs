//! The command line (`clap` derive): `handelingen json`, `tables`, `check`,
//! and the example `to_json`, which takes the options of `json`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The most threads `-j` starts, whatever it asks for: parsing is bound by
/// the CPU, and more threads than this only cost memory and start-up time.
pub const MAX_THREADS: usize = 64;

/// The default `--max-size`: 1 GiB.
pub const DEFAULT_MAX_SIZE: u64 = 1 << 30;

/// `handelingen`: the command.
#[derive(Debug, Parser)]
#[command(
    name = "handelingen",
    version,
    about = "Parse Handelingen (Dutch parliamentary transcripts) into JSON, CSV tables or diagnostics"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert transcripts to JSON: one input gives one document, several a
    /// JSON array (or JSON Lines with --jsonl), -o DIR one file per input.
    Json(JsonArgs),
    /// Write CSV tables that join on ids (documents, agenda_items, speeches,
    /// motions, clauses, advice, votes, vote_parties, references, events,
    /// diagnostics) into DIR_OUT.
    Tables(TablesArgs),
    /// Print only the diagnostics, as FILE:LINE:COL: kind: message; exit
    /// status 1 when a file has one that loses structure.
    Check(CheckArgs),
}

/// What every subcommand reads, and how.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files, directories (searched recursively for *.txt, in sorted order)
    /// or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub paths: Vec<PathBuf>,
    /// Parse with N threads (default: one per core; at most 64, and never
    /// more than there are files).
    #[arg(short = 'j', long = "threads", visible_alias = "jobs", value_name = "N",
          value_parser = parse_threads)]
    pub threads: Option<usize>,
    /// Refuse files larger than SIZE (bytes, or with a unit: 500MB, 2GiB).
    #[arg(long, value_name = "SIZE", default_value = "1GiB", value_parser = parse_size)]
    pub max_size: u64,
    /// Do not print diagnostics on stderr (errors and the summary still show).
    #[arg(short, long)]
    pub quiet: bool,
}

/// `handelingen json`.
#[derive(Debug, Clone, Args)]
pub struct JsonArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Write DIR/NAME.json per input (the tree under a directory argument
    /// is mirrored) instead of stdout.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// JSON Lines: one compact document per line (default: pretty JSON, an
    /// array when there are several inputs).
    #[arg(long)]
    pub jsonl: bool,
    /// Leave the analysis layer out ("analysis": null): about a quarter
    /// faster.
    #[arg(long)]
    pub no_analysis: bool,
}

/// `handelingen tables`.
#[derive(Debug, Clone, Args)]
pub struct TablesArgs {
    /// The directory to write the *.csv files into (created if missing).
    #[arg(value_name = "DIR_OUT")]
    pub out_dir: PathBuf,
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `handelingen check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// The example `to_json`: the options of `handelingen json`.
#[derive(Debug, Parser)]
#[command(
    name = "to_json",
    about = "Convert transcripts to JSON (the same as `handelingen json`)"
)]
pub struct ToJson {
    /// The options.
    #[command(flatten)]
    pub args: JsonArgs,
}

fn parse_threads(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("needs a positive number of threads, not {s:?}")),
    }
}

/// A size in bytes: a number, optionally followed by a unit (`B`, `KB`,
/// `MB`, `GB` in powers of 1000; `KiB`, `MiB`, `GiB` in powers of 1024; `K`,
/// `M`, `G` as the binary units).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        _ => 0,
    };
    number
        .parse::<u64>()
        .ok()
        .filter(|_| factor > 0)
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("needs a size such as 1000000, 500MB or 2GiB, not {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("500MB"), Ok(500_000_000));
        assert_eq!(parse_size("12"), Ok(12));
        assert_eq!(parse_size("3 k"), Ok(3072));
        assert!(parse_size("MB").is_err());
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("99999999999999999999GB").is_err());
    }

    #[test]
    fn threads() {
        assert_eq!(parse_threads("4"), Ok(4));
        assert!(parse_threads("0").unwrap_err().contains("positive number"));
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
        ToJson::command().debug_assert();
    }
}
