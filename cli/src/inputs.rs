//! The inputs of a run: arguments expanded into files (directories
//! searched recursively for `*.txt`, in sorted order), their names as a
//! person can read them, and reading each one safely: a FIFO, a device or
//! anything else that is not a regular file is never opened, and a file
//! over the size limit is never read whole.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::InputError;

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (the argument `-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

/// One input to convert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where it comes from.
    pub source: Source,
    /// Its name in messages and in the output's `file`: the path as given
    /// (joined to its directory argument), escaped where it is not UTF-8.
    pub name: String,
    /// Where its output goes under an output directory.
    pub out_rel: PathBuf,
    /// Its size when the inputs were collected (0 when unknown), for the
    /// progress bar.
    pub size: u64,
}

/// The expanded arguments.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The files, in order.
    pub inputs: Vec<Input>,
    /// Error lines for what could not be searched (each counts as failed).
    pub errors: Vec<String>,
    /// Warning lines (a directory without `*.txt`).
    pub warnings: Vec<String>,
    /// Whether the arguments name several inputs (more than one argument,
    /// or a directory): then the JSON output is an array.
    pub many: bool,
}

/// A path as a person reads it: UTF-8 as it is, every other byte (and
/// every control character, so that a message stays one line) escaped as
/// `\xNN`.
///
/// ```
/// use std::path::Path;
/// assert_eq!(handelingen_cli::inputs::display_path(Path::new("a/b.txt")), "a/b.txt");
/// assert_eq!(handelingen_cli::inputs::display_path(Path::new("a\nb")), "a\\x0ab");
/// ```
pub fn display_path(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

fn is_txt(name: &OsStr) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Collects the `*.txt` entries under `root/rel` (paths relative to
/// `root`). Links to directories are not followed, so there are no cycles;
/// a link named `*.txt` is an input (and is checked when it is read).
fn walk(root: &Path, rel: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<String>) {
    let dir = root.join(rel);
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(format!(
                "{}: error: cannot read directory: {e}",
                display_path(&dir)
            ));
            return;
        }
    };
    for entry in entries {
        match entry {
            Ok(entry) => {
                let rel = rel.join(entry.file_name());
                match entry.file_type() {
                    Ok(t) if t.is_dir() => walk(root, &rel, found, errors),
                    _ if is_txt(&entry.file_name()) => found.push(rel),
                    _ => {}
                }
            }
            Err(e) => {
                errors.push(format!(
                    "{}: error: cannot read directory: {e}",
                    display_path(&dir)
                ));
            }
        }
    }
}

/// The size of a regular file behind `path` (links followed), else 0.
fn size_of(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| if m.is_file() { m.len() } else { 0 })
}

/// Expands the arguments into the inputs, in order.
pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut out = Inputs {
        many: paths.len() > 1,
        ..Inputs::default()
    };
    for path in paths {
        if path.as_os_str() == "-" {
            out.inputs.push(Input {
                source: Source::Stdin,
                name: "-".into(),
                out_rel: PathBuf::from("stdin.json"),
                size: 0,
            });
        } else if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            out.many = true;
            let mut found = Vec::new();
            walk(path, Path::new(""), &mut found, &mut out.errors);
            found.sort();
            if found.is_empty() {
                out.warnings.push(format!(
                    "{}: warning: no *.txt files found",
                    display_path(path)
                ));
            }
            out.inputs.extend(found.into_iter().map(|rel| {
                let path = path.join(&rel);
                Input {
                    name: display_path(&path),
                    size: size_of(&path),
                    source: Source::File(path),
                    out_rel: rel.with_extension("json"),
                }
            }));
        } else {
            // A missing or unreadable file is reported when it is read, in order.
            let file_name = path.file_name().unwrap_or(OsStr::new("input"));
            out.inputs.push(Input {
                name: display_path(path),
                size: size_of(path),
                source: Source::File(path.clone()),
                out_rel: Path::new(file_name).with_extension("json"),
            });
        }
    }
    out
}

/// What a file that is not a regular file is.
fn kind_of(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// Reads at most `limit` bytes; more is [`InputError::TooLarge`].
fn read_limited(reader: impl Read, limit: u64, hint: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::with_capacity(usize::try_from(hint.min(limit)).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(InputError::Read)?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limit {
        return Err(InputError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// Reads an input whole. A path that is not a regular file (after links)
/// is refused before it is opened, so a FIFO is never waited on and
/// `/dev/zero` never read; a file over `limit` bytes is refused from its
/// size, or after `limit` bytes when it grows while read.
pub fn read(input: &Input, limit: u64) -> Result<Vec<u8>, InputError> {
    let path = match &input.source {
        Source::Stdin => return read_limited(io::stdin().lock(), limit, 0),
        Source::File(path) => path,
    };
    let meta = fs::metadata(path).map_err(InputError::Read)?;
    if !meta.is_file() {
        return Err(InputError::NotRegular {
            kind: kind_of(meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = fs::File::open(path).map_err(InputError::Read)?;
    // It could have been replaced between the two looks.
    let meta = file.metadata().map_err(InputError::Read)?;
    if !meta.is_file() {
        return Err(InputError::NotRegular {
            kind: kind_of(meta.file_type()),
        });
    }
    read_limited(file, limit, meta.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_escaped_not_replaced() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(OsStr::from_bytes(b"dir/Yesilg\xf6z.txt"));
        assert_eq!(display_path(path), "dir/Yesilg\\xf6z.txt");
    }

    #[test]
    fn a_reader_past_the_limit_is_refused() {
        let err = read_limited(&b"0123456789"[..], 4, 0).unwrap_err();
        assert!(
            matches!(err, InputError::TooLarge { size: 5, limit: 4 }),
            "{err}"
        );
        assert_eq!(read_limited(&b"0123"[..], 4, 0).unwrap(), b"0123");
    }
}
