//! `cargo bench --bench parse`
//!
//! Throughput of `handelingen::parse` (and of the tree alone, without the
//! analysis layer) against two baselines on the same bytes
//! in the same run: counting lines with memchr (the floor) and running
//! pulldown-cmark to the end.
//!
//! Groups:
//! - `seed`: each seed in `fixtures/` alone;
//! - `large`: seeds 001 and 003 and every corpus file, repeated to ≥ 20 MB;
//! - `scaling`: parse of 1 KB, 100 KB and 10 MB of that input (and 100 MB
//!   with `HANDELINGEN_BENCH_LARGE=1`);
//! - `layout`: each layout's files (official, pdf, markdown, from the corpus
//!   text and sittings folders) concatenated once, about 1 MB each, and all
//!   of them interleaved (`mixed`). `bench_report --layouts` gives the same
//!   at ~20 MB, and as separate files.
//!
//! The corpus is read from `$HANDELINGEN_CORPUS`, or `../shared/corpus/text`
//! next to the crate; without it only the seeds are used. Sample sizes are
//! small so the whole run takes a few minutes on two cores.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode,
    Throughput,
};

/// parse (with and without the analysis layer), memchr and pulldown-cmark
/// on `text`.
fn three_ways(group: &mut BenchmarkGroup<'_, WallTime>, id: &str, text: &str) {
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("handelingen", id), text, |b, t| {
        b.iter(|| common::parse_nodes(black_box(t)))
    });
    group.bench_with_input(
        BenchmarkId::new("handelingen_tree_only", id),
        text,
        |b, t| b.iter(|| common::parse_tree_nodes(black_box(t))),
    );
    group.bench_with_input(BenchmarkId::new("memchr_lines", id), text, |b, t| {
        b.iter(|| common::memchr_lines(black_box(t)))
    });
    group.bench_with_input(BenchmarkId::new("pulldown_cmark", id), text, |b, t| {
        b.iter(|| common::pulldown_events(black_box(t)))
    });
}

fn benches(c: &mut Criterion) {
    let inputs = common::load();
    eprintln!("inputs: {}", inputs.describe());

    let mut group = c.benchmark_group("seed");
    for seed in &inputs.seeds {
        let id = seed.name.split('_').next().unwrap_or(&seed.name);
        three_ways(&mut group, id, &seed.text);
    }
    group.finish();

    let large = inputs.repeated(common::LARGE);
    eprintln!("large input: {:.1} MB", large.len() as f64 / 1e6);
    let mut group = c.benchmark_group("large");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    three_ways(&mut group, &common::size_label(large.len()), &large);
    group.finish();

    let xlarge = common::large_enabled().then(|| inputs.repeated(common::XLARGE));
    let mut group = c.benchmark_group("scaling");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    for size in common::scaling_sizes(xlarge.is_some()) {
        let source = if size > large.len() {
            xlarge.as_deref().unwrap_or(&large)
        } else {
            &large
        };
        let text = common::prefix(source, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("handelingen", common::size_label(size)),
            text,
            |b, t| b.iter(|| common::parse_nodes(black_box(t))),
        );
    }
    group.finish();
    drop(xlarge);

    let layouts = common::layouts::load();
    let mixed = layouts.mixed();
    let mut group = c.benchmark_group("layout");
    for layout in common::layouts::LAYOUTS
        .iter()
        .filter_map(|name| layouts.get(name))
        .chain((!mixed.files.is_empty()).then_some(&mixed))
    {
        three_ways(&mut group, &layout.name, &layout.document(0));
    }
    group.finish();
}

criterion_group! {
    name = parse;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(parse);
