//! Time tests: the parse time at size n against size 2n, in one run.
//!
//! Included by the tests that time the parser (`tests/hostile.rs`,
//! `tests/hostile_linear.rs`) with `#[path = "support/timing.rs"] mod
//! timing;`. A ratio is asserted, never an absolute limit, so the tests
//! hold on a slow or busy machine and in debug builds. The tests of a file
//! that times take the [`serial`] lock, so they run one at a time and the
//! big ones neither skew each other's timings nor need several big inputs
//! in memory at once.

#![allow(dead_code)]

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use handelingen::{parse_with, Options};

pub const MB: usize = 1 << 20;

static SERIAL: Mutex<()> = Mutex::new(());

/// The lock that runs the tests of a file one at a time.
pub fn serial() -> MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `unit` repeated as often as fits in `bytes`.
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat((bytes / unit.len()).max(1))
}

fn time_parse(text: &str, options: &Options) -> Duration {
    let start = Instant::now();
    let parsed = parse_with(text, options);
    let elapsed = start.elapsed();
    drop(std::hint::black_box(parsed));
    elapsed
}

/// The best of five parses of `small` and of `large`, alternately.
fn best_times(small: &str, large: &str, options: &Options) -> (Duration, Duration) {
    let (mut t_small, mut t_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t_small = t_small.min(time_parse(small, options));
        t_large = t_large.min(time_parse(large, options));
    }
    (t_small, t_large)
}

/// Parses `small` and `large` (twice the size) alternately, five times
/// each, and asserts that the best time for `large` is at most 2.5 times
/// the best time for `small`. The machine is shared: a measurement over the
/// limit is taken again, up to three times in all, and the test fails only
/// if every one of them is over it (a quadratic parser is, every time).
#[track_caller]
pub fn assert_linear(what: &str, small: &str, large: &str) {
    assert_linear_with(what, small, large, &Options::default());
}

/// [`assert_linear`] with the tree alone (the analysis layer off), so that
/// a quadratic tree is not hidden behind a slower analysis.
#[track_caller]
pub fn assert_linear_tree_only(what: &str, small: &str, large: &str) {
    let what = format!("{what} (analysis off)");
    assert_linear_with(
        &what,
        small,
        large,
        &Options::default().with_analysis(false),
    );
}

#[track_caller]
fn assert_linear_with(what: &str, small: &str, large: &str, options: &Options) {
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let (t_small, t_large) = best_times(small, large, options);
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-9);
        eprintln!(
            "{what}: {} bytes in {t_small:?}, {} bytes in {t_large:?}, ratio {ratio:.2}",
            small.len(),
            large.len()
        );
        // Below this the clock and the allocator say more than the parser.
        if t_large < Duration::from_millis(20) || ratio <= 2.5 {
            return;
        }
        ratios.push(format!("{ratio:.2} ({t_small:?} -> {t_large:?})"));
    }
    panic!(
        "{what}: parse time grows faster than the input: {} bytes then {} bytes, \
         ratios {} (limit 2.5) in three measurements",
        small.len(),
        large.len(),
        ratios.join(", ")
    );
}
