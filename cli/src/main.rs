//! The `handelingen` command; see the crate's library for what it does.

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    handelingen_cli::main(std::env::args_os())
}
