//! Issue 14's converter faults, each run on the built binary: inputs that
//! are not regular files, too large, output that cannot be written, a
//! closed pipe, concurrent runs into one directory, an input given as its
//! own output, names that are not UTF-8, an absurd `-j`.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Waits for `child` at most `limit`; kills it and fails if it hangs.
fn wait_at_most(mut child: Child, limit: Duration) -> Output {
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("the command hung for {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_and_a_device_behind_a_txt_link_are_skipped_unread() {
    let dir = scratch("fifo");
    std::fs::write(dir.join("a.txt"), fixture(SEED)).expect("write");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.txt"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).expect("symlink");
    // Opening the FIFO for reading would block until a writer comes (none
    // does); reading /dev/zero would never end.
    let child = bin()
        .args(["json", "--jsonl"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let out = wait_at_most(child, Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let pipe = format!(
        "{}: error: not a regular file (a FIFO)",
        dir.join("pipe.txt").display()
    );
    let zero = format!(
        "{}: error: not a regular file (a character device)",
        dir.join("zero.txt").display()
    );
    assert!(stderr.lines().any(|l| l.starts_with(&pipe)), "{stderr}");
    assert!(stderr.lines().any(|l| l.starts_with(&zero)), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "a.txt is converted"
    );
    assert_eq!(failed(&stderr), 2);
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = scratch("size");
    let seed = dir.join("a.txt");
    std::fs::write(&seed, fixture(SEED)).expect("write");
    let (out, stdout, stderr) = run(&[
        "json".as_ref(),
        "--max-size".as_ref(),
        "1KB".as_ref(),
        seed.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("more than the limit of 1000 bytes") && stderr.contains("--max-size"),
        "{stderr}"
    );
    let (out, _, _) = run(&[
        "json".as_ref(),
        "--max-size".as_ref(),
        "1MB".as_ref(),
        seed.as_os_str(),
    ]);
    assert!(out.status.success());
}

#[test]
fn a_closed_pipe_ends_quietly_and_counts_the_lost_output_as_failed() {
    let dir = scratch("pipe");
    for i in 0..40 {
        std::fs::write(dir.join(format!("{i:02}.txt")), fixture(SEED)).expect("write");
    }
    // As `handelingen json --jsonl DIR | head -1`.
    let mut child = bin()
        .args(["json", "--jsonl", "-j", "2"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    // The reader is dropped: the pipe is closed.
    let out = wait_at_most(child, Duration::from_secs(60));
    let _: serde_json::Value = serde_json::from_str(&first).expect("the line read is whole");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        !stderr.to_lowercase().contains("broken pipe"),
        "not quiet: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "only the summary: {stderr}");
    let lost = failed(&stderr);
    assert!((1..=39).contains(&lost), "{stderr}");
    assert!(
        summary(&stderr).starts_with("handelingen: 40 files,"),
        "{stderr}"
    );
}

#[test]
fn stdout_closed_before_the_first_write_is_a_failure() {
    let dir = scratch("closed");
    let seed = dir.join("a.txt");
    std::fs::write(&seed, fixture(SEED)).expect("write");
    let mut child = bin()
        .arg("json")
        .arg(&seed)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // The document (92 KB of JSON) is larger than a pipe's buffer, so the
    // write cannot complete before the reader is gone.
    drop(child.stdout.take());
    let out = wait_at_most(child, Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(failed(&stderr), 1, "never 0 failed after output was lost");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_failure_with_a_message() {
    let dir = scratch("full");
    let seed = dir.join("a.txt");
    std::fs::write(&seed, fixture(SEED)).expect("write");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = bin()
        .args(["json", "--jsonl"])
        .arg(&seed)
        .arg(&seed)
        .stdout(full)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write to stdout: No space left on device"),
        "{stderr}"
    );
    assert_eq!(failed(&stderr), 2, "{stderr}");
}

#[test]
fn an_input_given_as_its_own_output_is_refused_before_any_work() {
    let dir = scratch("self");
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    let input = out_dir.join("a.json");
    std::fs::write(&input, fixture(SEED)).expect("write");
    let (out, _, stderr) = run(&[
        "json".as_ref(),
        "-o".as_ref(),
        out_dir.as_os_str(),
        input.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("would be overwritten by its own output"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&input).expect("still there"),
        fixture(SEED),
        "the input is untouched"
    );

    // And as a table.
    let table = dir.join("speeches.csv");
    std::fs::write(&table, fixture(SEED)).expect("write");
    let (out, _, stderr) = run(&["tables".as_ref(), dir.as_os_str(), table.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(std::fs::read(&table).expect("still there"), fixture(SEED));
}

#[test]
fn an_output_directory_that_cannot_be_written_fails_before_any_work() {
    let dir = scratch("unwritable");
    let seed = dir.join("a.txt");
    std::fs::write(&seed, fixture(SEED)).expect("write");
    // A directory below a regular file can never be made (even by root).
    let out_dir = seed.join("out");
    let (out, stdout, stderr) = run(&[
        "json".as_ref(),
        "-o".as_ref(),
        out_dir.as_os_str(),
        seed.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("cannot write to") && stderr.contains("choose a directory"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("files,"),
        "no input was converted: {stderr}"
    );
    let (out, _, stderr) = run(&["tables".as_ref(), out_dir.as_os_str(), seed.as_os_str()]);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("files,"), "{stderr}");
}

#[test]
fn two_concurrent_runs_into_one_directory_leave_whole_files() {
    let dir = scratch("concurrent");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("mkdir");
    for i in 0..20 {
        std::fs::write(inputs.join(format!("{i:02}.txt")), fixture(SEED)).expect("write");
    }
    let out_dir = dir.join("out");
    let spawn = || {
        bin()
            .args(["json", "-q", "-j", "2", "-o"])
            .arg(&out_dir)
            .arg(&inputs)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs")
    };
    let (a, b) = (spawn(), spawn());
    for out in [
        wait_at_most(a, Duration::from_secs(120)),
        wait_at_most(b, Duration::from_secs(120)),
    ] {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("listed")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 20, "no temporary file is left: {names:?}");
    for name in names {
        let text = std::fs::read_to_string(out_dir.join(&name)).expect("UTF-8");
        assert!(!text.contains('\0'), "{name} is NUL-padded");
        let _: handelingen::Parsed =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_is_reported_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("names");
    let name = std::ffi::OsStr::from_bytes(b"Yesilg\xf6z.txt");
    std::fs::write(dir.join(name), fixture(SEED)).expect("write");
    std::fs::write(dir.join("broken.txt"), b"\xff").expect("write");
    let (out, stdout, stderr) = run(&["json".as_ref(), "--jsonl".as_ref(), dir.as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "broken.txt is not UTF-8: {stderr}"
    );
    let value: serde_json::Value =
        serde_json::from_str(stdout.lines().next().expect("a line")).expect("JSON");
    let file = value["file"].as_str().expect("file");
    assert!(file.ends_with("Yesilg\\xf6z.txt"), "{file}");
    assert!(!file.contains('\u{fffd}'), "not lossy: {file}");
}

#[test]
fn an_absurd_thread_count_is_clamped() {
    let dir = scratch("threads");
    let seed = dir.join("a.txt");
    std::fs::write(&seed, fixture(SEED)).expect("write");
    let child = bin()
        .args(["json", "-j", "5000"])
        .arg(&seed)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // 5000 threads for one file took 36 s; one thread takes well under a
    // second even in a debug build.
    let out = wait_at_most(child, Duration::from_secs(20));
    assert!(out.status.success());
}
