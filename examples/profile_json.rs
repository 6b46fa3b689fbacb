//! Serialises the parse result of the corpus repeatedly (a target for
//! profilers): `cargo run --release --example profile_json -- DIR… [--mb N] [--serde]`
//! (`--serde`: `serde_json::to_writer` instead of `handelingen::json::write`;
//! `--stream`: `handelingen::json::write_to` an `io::sink()`, through a
//! buffer kept between calls).
//! Prints MB/s of input by the clock and by the thread's CPU time.
fn main() {
    let mut texts = Vec::new();
    let mut mb = 200usize;
    let mut serde = false;
    let mut stream = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--mb" {
            mb = args.next().and_then(|n| n.parse().ok()).unwrap_or(mb);
            continue;
        }
        if a == "--serde" {
            serde = true;
            continue;
        }
        if a == "--stream" {
            stream = true;
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&a) else {
            continue;
        };
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    let parsed: Vec<_> = texts.iter().map(|t| handelingen::parse(t)).collect();
    let total: usize = texts.iter().map(String::len).sum();
    let rounds = (mb * 1_000_000).div_ceil(total.max(1));
    let mut buf = Vec::new();
    let mut out = 0;
    let cpu_start = cpu_ns();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for p in &parsed {
            buf.clear();
            if serde {
                serde_json::to_writer(&mut buf, p).expect("a Vec cannot fail");
            } else if stream {
                let mut sink = Counted(std::io::sink(), 0);
                handelingen::json::write_to(p, &mut sink, &mut buf).expect("a sink cannot fail");
                out += sink.1;
            } else {
                handelingen::json::write(p, &mut buf).expect("a Parsed always serialises");
            }
            out += buf.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_ns()
        .zip(cpu_start)
        .map(|(end, start)| end.saturating_sub(start) as f64 / 1e9);
    println!(
        "{} MB of input in {secs:.2}s = {:.1} MB/s of input ({} MB out){}",
        rounds * total / 1_000_000,
        (rounds * total) as f64 / secs / 1e6,
        out / 1_000_000,
        cpu.map(|cpu| format!(
            "; on the CPU {cpu:.2}s = {:.1} MB/s",
            (rounds * total) as f64 / cpu / 1e6
        ))
        .unwrap_or_default()
    );
}

/// A writer that counts what it is given.
struct Counted<W>(W, usize);

impl<W: std::io::Write> std::io::Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.0.write(buf)?;
        self.1 += n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// The time this thread has run on a CPU, in ns (Linux: the first field
/// of /proc/thread-self/schedstat), so a busy machine skews less.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}
