//! The progress bar: drawn when stderr is a terminal (here a
//! pseudo-terminal), never when it is a pipe or a file; the summary line
//! ends the run either way.

mod common;

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::process::Stdio;
use std::time::Duration;

use common::*;
use rustix::pty::{grantpt, openpt, ptsname, unlockpt, OpenptFlags};

/// A pseudo-terminal: its controlling side, and the terminal a child writes
/// to.
fn pty() -> (File, File) {
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).expect("a pseudo-terminal");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("its name");
    let name = name.to_str().expect("a UTF-8 name").to_owned();
    let terminal = OpenOptions::new()
        .read(true)
        .write(true)
        .open(name)
        .expect("the terminal side opens");
    (File::from(master), terminal)
}

/// Runs `json -` with stderr on a terminal, holding stdin open for a while
/// before the document comes, so the bar is drawn while the run waits;
/// returns what the terminal showed.
fn run_on_a_terminal() -> String {
    let (mut master, terminal) = pty();
    let mut child = bin()
        .args(["json", "-"])
        .env("TERM", "xterm")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::from(terminal))
        .spawn()
        .expect("runs");
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        // Linux reports EIO once the last writer has gone: the end.
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&seen).into_owned()
    });
    let mut stdin = child.stdin.take().expect("stdin");
    std::thread::sleep(Duration::from_millis(700));
    stdin.write_all(&fixture(SEED)).expect("write stdin");
    drop(stdin);
    let status = child.wait().expect("ends");
    assert!(status.success());
    reader.join().expect("the reader ends")
}

#[test]
fn the_bar_is_drawn_on_a_terminal_and_cleared_before_the_summary() {
    let shown = run_on_a_terminal();
    assert!(shown.contains("0/1 files"), "no bar drawn: {shown:?}");
    assert!(shown.contains("ETA"), "no bar drawn: {shown:?}");
    let summary = shown
        .rfind("handelingen: 1 files,")
        .expect("the summary line");
    let last_bar = shown.rfind("ETA").expect("a bar");
    assert!(
        last_bar < summary,
        "the summary comes after the bar: {shown:?}"
    );
}

#[test]
fn no_bar_when_stderr_is_a_pipe() {
    let (out, _, stderr) = run(&["json".as_ref(), fixture_path(SEED).as_os_str()]);
    assert!(out.status.success());
    assert!(!stderr.contains("ETA"), "{stderr:?}");
    assert!(!stderr.contains('\x1b'), "no escape codes: {stderr:?}");
    assert!(summary(&stderr).starts_with("handelingen: 1 files,"));
}
