#!/bin/sh
# Fills fuzz/corpus/<target>/ from the fixtures (seeds, handmade/, analysis/), so the fuzzer starts
# from real documents: every fixture whole, every fixture cut into chunks of
# 40 lines (small inputs mutate faster), and every saved regression input
# from fixtures/fuzz/. Safe to run again: files are named by content.
#
#   ./seed_corpus.sh            # all targets
#   ./seed_corpus.sh structured # one target
set -eu

here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../fixtures"
targets=${*:-"parse_bytes structured json_roundtrip"}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in "$fixtures"/*.txt "$fixtures"/handmade/*.txt "$fixtures"/analysis/*.txt; do
    cp "$f" "$tmp/"
    split -l 40 -d -a 3 "$f" "$tmp/$(basename "$f" .txt).chunk"
done
if [ -d "$fixtures/fuzz" ]; then
    for f in "$fixtures"/fuzz/*; do
        [ -f "$f" ] && cp "$f" "$tmp/regression.$(basename "$f")"
    done
fi

for target in $targets; do
    dir="$here/corpus/$target"
    mkdir -p "$dir"
    for f in "$tmp"/*; do
        sum=$(sha1sum "$f" | cut -c1-40)
        cp "$f" "$dir/$sum"
    done
    echo "$dir: $(ls "$dir" | wc -l) inputs"
done
