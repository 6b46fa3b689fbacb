//! The command's errors: an input that is not converted, and a run that
//! cannot start. Each message says what to do about it.

use std::io;

/// Why one input was not converted (the others still are).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Read(#[source] io::Error),
    /// A FIFO, a device, a socket or a directory: never opened.
    #[error("not a regular file ({kind}): skipped; give the path of a file holding a transcript")]
    NotRegular {
        /// What it is instead (`a FIFO`, `a character device` …).
        kind: &'static str,
    },
    /// Larger than `--max-size`.
    #[error(
        "{size} bytes, more than the limit of {limit} bytes: skipped; raise the limit with \
         --max-size if this really is one transcript"
    )]
    TooLarge {
        /// The size, or the bytes read before the limit was passed.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not UTF-8.
    #[error(transparent)]
    Parse(#[from] handelingen::Error),
    /// A bug in the parser; the run goes on with the next file.
    #[error("internal error: the parser panicked ({0}); please report it with this file")]
    Panic(String),
    /// Its output could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// Where it was to go.
        path: String,
        /// Why it could not.
        #[source]
        source: io::Error,
    },
    /// The JSON writer failed (never expected: every type serialises).
    #[error("cannot serialise the result: {0}")]
    Serialise(#[from] serde_json::Error),
}

/// Why a run does not start: reported before any input is read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SetupError {
    /// The output directory cannot be created or written.
    #[error("cannot write to {dir}: {source}: choose a directory you can write to")]
    OutputDir {
        /// The directory.
        dir: String,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// An output file is one of the inputs.
    #[error("{input} would be overwritten by its own output: write the output to another place")]
    OutputIsInput {
        /// The input.
        input: String,
    },
    /// Two inputs would be written to the same file.
    #[error(
        "{first} and {second} would both be written to {output}: convert them in separate runs"
    )]
    Collision {
        /// The first input.
        first: String,
        /// The second input.
        second: String,
        /// The output they share.
        output: String,
    },
    /// The worker threads could not be started.
    #[error("cannot start threads: {0}")]
    Threads(#[source] io::Error),
}

impl SetupError {
    /// The exit status: 2 for arguments that contradict each other, 1 for
    /// a directory that cannot be written or threads that cannot start.
    pub fn exit_code(&self) -> u8 {
        match self {
            SetupError::OutputIsInput { .. } | SetupError::Collision { .. } => 2,
            _ => 1,
        }
    }
}
