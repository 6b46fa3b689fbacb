//! Parses the fixtures and corpus repeatedly (a target for profilers):
//! `cargo run --release --example profile_parse -- DIR… [--mb N] [--tree]`
//! (`--tree`: without the analysis layer).
fn main() {
    let mut texts = Vec::new();
    let mut mb = 50usize;
    let mut options = handelingen::Options::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--mb" {
            mb = args.next().and_then(|n| n.parse().ok()).unwrap_or(mb);
            continue;
        }
        if a == "--tree" {
            options = options.with_analysis(false);
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
    let total: usize = texts.iter().map(String::len).sum();
    let rounds = (mb * 1_000_000).div_ceil(total.max(1));
    let start = std::time::Instant::now();
    let mut nodes = 0;
    for _ in 0..rounds {
        for t in &texts {
            nodes += handelingen::parse_with(t, &options).document.nodes.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} MB in {secs:.2}s = {:.1} MB/s ({nodes} nodes)",
        rounds * total / 1_000_000,
        (rounds * total) as f64 / secs / 1e6
    );
}
