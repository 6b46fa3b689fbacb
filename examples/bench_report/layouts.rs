//! `--layouts`: the tables per layout (official, PDF, Markdown, and the
//! three mixed): throughput as one document and as separate files,
//! allocations per KB and peak heap, and the JSON writer.

use crate::common::layouts::{Layout, Layouts, LAYOUTS};
use crate::common::{self, LARGE};
use crate::{alloc, best_of, mb, mb_per_s};

/// What is timed: parse, the tree alone, pulldown-cmark.
const WAYS: [fn(&str) -> usize; 3] = [
    common::parse_nodes,
    common::parse_tree_nodes,
    common::pulldown_events,
];

/// What the table calls `layout`.
fn label(layout: &Layout) -> &str {
    if layout.name == "mixed" {
        "mixed (all layouts interleaved)"
    } else {
        &layout.name
    }
}

/// MB/s of `way` over `pieces`, each parsed on its own, all of them
/// `passes` times per run.
fn rate(runs: usize, pieces: &[&str], passes: usize, way: fn(&str) -> usize) -> f64 {
    let bytes: usize = pieces.iter().map(|p| p.len()).sum::<usize>() * passes;
    let time = best_of(runs, || {
        let mut n = 0;
        for _ in 0..passes {
            for piece in pieces {
                n += way(piece);
            }
        }
        n
    });
    mb_per_s(bytes, time)
}

fn throughput(runs: usize, inputs: &[&Layout]) {
    println!();
    println!(
        "per layout: throughput in MB/s of input, best of {runs} runs; \"one doc\" parses the \
         files concatenated and repeated to ~20 MB in one call, \"separate\" parses each file on \
         its own, all of them repeated to ~20 MB"
    );
    println!(
        "{:<32} {:<9} {:>7} {:>7} {:>9} {:>10} {:>9} {:>15} {:>14}",
        "layout",
        "as",
        "MB",
        "calls",
        "parse",
        "tree only",
        "pulldown",
        "parse/pulldown",
        "tree/pulldown"
    );
    for layout in inputs {
        let doc = layout.document(LARGE);
        let files: Vec<&str> = layout.files.iter().map(|t| t.text.as_str()).collect();
        let passes = layout.passes(LARGE);
        let ways: [(&str, &[&str], usize); 2] = [
            ("one doc", &[doc.as_str()], 1),
            ("separate", &files, passes),
        ];
        for (how, pieces, passes) in ways {
            let [parse, tree, pulldown] = WAYS.map(|way| rate(runs, pieces, passes, way));
            let bytes: usize = pieces.iter().map(|p| p.len()).sum::<usize>() * passes;
            println!(
                "{:<32} {:<9} {:>7.1} {:>7} {:>9.1} {:>10.1} {:>9.1} {:>14.3}x {:>13.3}x",
                label(layout),
                how,
                mb(bytes),
                pieces.len() * passes,
                parse,
                tree,
                pulldown,
                parse / pulldown,
                tree / pulldown
            );
        }
    }
}

fn per_kb(count: usize, bytes: usize) -> f64 {
    count as f64 / (bytes as f64 / 1e3).max(1e-9)
}

fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b.max(1) as f64
}

fn allocations(inputs: &[&Layout]) {
    println!();
    println!(
        "per layout: heap, one call on the ~20 MB document; allocs = calls of alloc and \
         alloc_zeroed, reallocs = calls of realloc, per KB (10^3 bytes) of input; peak and \
         retained as a multiple of the input"
    );
    println!(
        "{:<32} {:>7} {:>13} {:>13} {:>14} {:>11} {:>15}",
        "layout",
        "MB",
        "parse allocs",
        "tree allocs",
        "parse reallocs",
        "parse peak",
        "parse retained"
    );
    for layout in inputs {
        let doc = layout.document(LARGE);
        let parse = alloc::measure(|| handelingen::parse(&doc));
        let options = handelingen::Options::default().with_analysis(false);
        let tree = alloc::measure(|| handelingen::parse_with(&doc, &options));
        println!(
            "{:<32} {:>7.1} {:>10.2}/KB {:>10.2}/KB {:>11.2}/KB {:>10.2}x {:>14.2}x",
            label(layout),
            mb(doc.len()),
            per_kb(parse.allocs, doc.len()),
            per_kb(tree.allocs, doc.len()),
            per_kb(parse.reallocs, doc.len()),
            ratio(parse.peak, doc.len()),
            ratio(parse.retained, doc.len())
        );
    }
}

fn json(runs: usize, inputs: &[&Layout]) {
    println!();
    println!(
        "per layout: compact JSON of the parse result into a reused Vec<u8>, MB/s of *input* \
         bytes, best of {runs} runs, on the ~20 MB document: handelingen::json::write, \
         json::write_to an io::sink through a kept buffer (stream), and serde_json::to_writer \
         (the same bytes) as the baseline"
    );
    println!(
        "{:<32} {:>7} {:>11} {:>13} {:>11} {:>8} {:>10} {:>13}",
        "layout",
        "MB",
        "json MB/s",
        "stream MB/s",
        "serde MB/s",
        "ratio",
        "output MB",
        "output/input"
    );
    let mut buf = Vec::new();
    for layout in inputs {
        let doc = layout.document(LARGE);
        let parsed = handelingen::parse(&doc);
        let mut ours = || {
            buf.clear();
            handelingen::json::write(&parsed, &mut buf).expect("a Parsed always serialises");
            buf.len()
        };
        ours(); // so the first timed run does not grow the buffer
        let time = best_of(runs, ours);
        let mut kept = Vec::new();
        let stream_time = best_of(runs, || {
            handelingen::json::write_to(&parsed, std::io::sink(), &mut kept)
                .expect("a Parsed always serialises, a sink takes it");
            kept.capacity()
        });
        let mut serde = || {
            buf.clear();
            serde_json::to_writer(&mut buf, &parsed).expect("writing to a Vec cannot fail");
            buf.len()
        };
        let serde_time = best_of(runs, &mut serde);
        let (ours, serde) = (mb_per_s(doc.len(), time), mb_per_s(doc.len(), serde_time));
        println!(
            "{:<32} {:>7.1} {:>11.1} {:>13.1} {:>11.1} {:>7.2}x {:>10.1} {:>12.2}x",
            label(layout),
            mb(doc.len()),
            ours,
            mb_per_s(doc.len(), stream_time),
            serde,
            ours / serde,
            mb(buf.len()),
            ratio(buf.len(), doc.len())
        );
    }
}

/// The three tables, for each layout that has files and, when there are
/// several, their mix.
pub fn report(runs: usize, layouts: &Layouts) {
    let mixed = layouts.mixed();
    let mut inputs: Vec<&Layout> = LAYOUTS
        .iter()
        .filter_map(|name| layouts.get(name))
        .collect();
    if inputs.is_empty() {
        println!();
        println!("per layout: no *.official.txt, *.pdf.txt or *.markdown.txt files found");
        return;
    }
    if inputs.len() > 1 {
        inputs.push(&mixed);
    }
    throughput(runs, &inputs);
    allocations(&inputs);
    json(runs, &inputs);
}
