//! Converts transcripts to JSON: `handelingen json` under its old name.
//!
//! ```text
//! cargo run --release --example to_json -- [OPTIONS] PATH...
//! ```
//!
//! The command itself is the `handelingen-cli` crate (`cli/`), installed
//! with `cargo install --path cli`; this example is a thin front over the
//! same code (`handelingen_cli::to_json_main`), kept for those who use it.
//! `--help` lists the options.

fn main() -> std::process::ExitCode {
    handelingen_cli::to_json_main(std::env::args_os())
}
