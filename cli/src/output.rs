//! Where output goes: the one function that writes a document's JSON,
//! files written to a temporary name and renamed into place, and the checks
//! made before a run (the output directory can be written, no output is an
//! input).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use handelingen::Parsed;
use serde::Serialize;

/// What is written per input: the input's name, then the fields of
/// [`Parsed`] (so it reads back as one).
#[derive(Serialize)]
struct Record<'a, 'i> {
    file: &'a str,
    #[serde(flatten)]
    parsed: &'a Parsed<'i>,
}

/// Appends the JSON of one document to `out`: `{"file", "format",
/// "document", "analysis", "diagnostics"}`, pretty or on one line, without
/// a line end. Every JSON the command writes goes through here.
///
/// # Errors
/// Only if a value cannot be serialised, which the library's types never
/// do; `out` may then hold part of the document.
pub fn write_json(
    file: &str,
    parsed: &Parsed<'_>,
    out: &mut Vec<u8>,
    pretty: bool,
) -> Result<(), serde_json::Error> {
    let record = Record { file, parsed };
    if pretty {
        serde_json::to_writer_pretty(out, &record)
    } else {
        // The library's compact writer: serde_json's bytes, faster.
        handelingen::json::write(&record, out)
            .map_err(|e| <serde_json::Error as serde::ser::Error>::custom(e.message()))
    }
}

/// Writes the JSON of one document to `out` as [`write_json`] makes it,
/// in pieces of about [`handelingen::json::STREAM_CHUNK`] bytes collected
/// in `buf` (compact: the library's streaming writer; pretty: serde_json's
/// through a buffer of that size), so the document is never held whole.
///
/// # Errors
/// The first error of `out`; a value that cannot be serialised (which the
/// library's types never are) as [`io::ErrorKind::Other`]. Part of the
/// document may have been written.
pub fn stream_json(
    file: &str,
    parsed: &Parsed<'_>,
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    pretty: bool,
) -> io::Result<()> {
    let record = Record { file, parsed };
    if pretty {
        let mut out = io::BufWriter::with_capacity(handelingen::json::STREAM_CHUNK, out);
        serde_json::to_writer_pretty(&mut out, &record)?;
        return out.flush();
    }
    handelingen::json::write_to(&record, out, buf).map_err(|e| match e.io_kind() {
        Some(kind) => io::Error::new(kind, e.message().to_owned()),
        None => io::Error::other(e),
    })
}

/// Standard output without the line buffering of [`io::stdout`]: its file
/// descriptor, duplicated, for a writer that hands over large pieces
/// itself. Flush [`io::stdout`] first. Fails where there is no such
/// descriptor to duplicate (and off Unix).
#[cfg(unix)]
pub fn unbuffered_stdout() -> io::Result<fs::File> {
    use std::os::fd::AsFd;
    Ok(fs::File::from(io::stdout().as_fd().try_clone_to_owned()?))
}

/// Standard output without line buffering: not available here.
#[cfg(not(unix))]
pub fn unbuffered_stdout() -> io::Result<fs::File> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// A name in `dir` no other writer uses: the process id and a counter.
fn temporary_path(target: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// renamed into place, so a reader (or a second run writing the same file)
/// sees the old file or the new one, never a part of one. Creates missing
/// parent directories.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let temp = temporary_path(path);
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.flush()
        })
        .and_then(|()| fs::rename(&temp, path));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// A file in `dir` that is renamed into place by [`Staged::commit`] and
/// removed if dropped before.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staged {
    /// Creates the temporary file for `target`.
    pub fn create(target: &Path) -> io::Result<(Staged, fs::File)> {
        let temp = temporary_path(target);
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        let staged = Staged {
            temp,
            target: target.to_path_buf(),
            committed: false,
        };
        Ok((staged, file))
    }

    /// Where the file goes.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Renames the file into place.
    pub fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Creates `dir` if needed and makes sure a file can be created in it,
/// before any work is done.
pub fn check_writable(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let probe = temporary_path(&dir.join("probe"));
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)?;
    fs::remove_file(&probe)
}

/// Whether two paths are the same file (hard links and symbolic links
/// included); false when either does not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => same_metadata(&a, &b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_metadata(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_metadata(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// Whether standard output is the file at `path` (`handelingen json a.txt
/// >> a.txt`).
#[cfg(unix)]
pub fn stdout_is(path: &Path) -> bool {
    use std::os::fd::AsFd;
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    let stdout = fs::File::from(fd);
    match (stdout.metadata(), fs::metadata(path)) {
        (Ok(out), Ok(input)) => out.is_file() && same_metadata(&out, &input),
        _ => false,
    }
}

/// Whether standard output is the file at `path` (never known here).
#[cfg(not(unix))]
pub fn stdout_is(_: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_leaves_no_temporary_file() {
        let dir =
            std::env::temp_dir().join(format!("handelingen-cli-atomic-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let target = dir.join("a/b.json");
        write_atomically(&target, b"{}").unwrap();
        write_atomically(&target, b"[]").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"[]");
        let names: Vec<_> = fs::read_dir(dir.join("a"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["b.json"]);
        assert!(same_file(&target, &dir.join("a/../a/b.json")));
        assert!(!same_file(&target, &dir.join("a/missing.json")));
        let (staged, _) = Staged::create(&dir.join("c.csv")).unwrap();
        drop(staged);
        assert!(!dir.join("c.csv").exists());
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            1,
            "the dropped temp file is gone"
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
