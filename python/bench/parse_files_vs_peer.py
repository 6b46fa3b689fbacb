"""parse_files on the corpus against the pure-Python regex segmenter.

    target/py-venv/bin/python python/bench/parse_files_vs_peer.py \
        ../shared/corpus/text ../shared/peer/segment.py [ROUNDS]

One run, both in this process, on the same files, alternating round by
round so that a change in the machine's load hits both alike: the peer's
``main()`` per file (its documented use, ``segment.py FILE > /dev/null``,
minus the interpreter start-up), and ``handelingen.parse_files`` over all
files (dicts, the analysis layer on), with one thread and with one per
CPU. Prints MB/s (best round) and the ratio to the peer.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import handelingen


def load_peer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("segment", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    corpus, peer_path = Path(sys.argv[1]), Path(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    peer = load_peer(peer_path)
    cpus = os.cpu_count() or 1

    def run_peer() -> None:
        with open(os.devnull, "w", encoding="utf-8") as null, contextlib.redirect_stdout(null):
            for f in files:
                sys.argv = ["segment.py", f]
                peer.main()

    def ours(threads: int, dump: bool = False) -> Callable[[], None]:
        def run() -> None:
            with open(os.devnull, "w", encoding="utf-8") as null:
                for doc in handelingen.parse_files(files, threads):
                    if dump:
                        json.dump(doc, null, ensure_ascii=False)
        return run

    contenders = {
        "peer segment.py (regex, writes JSON)": run_peer,
        "handelingen.parse_files, 1 thread": ours(1),
        f"handelingen.parse_files, {cpus} threads": ours(cpus),
        f"handelingen.parse_files, {cpus} threads, + json.dump": ours(cpus, dump=True),
    }
    best = {name: float("inf") for name in contenders}
    for _ in range(rounds):
        for name, run in contenders.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    peer_rate = megabytes / best["peer segment.py (regex, writes JSON)"]
    print(f"{len(files)} files, {megabytes:.2f} MB, best of {rounds} rounds, {cpus} CPUs")
    for name, seconds in best.items():
        rate = megabytes / seconds
        print(f"{name:55} {seconds * 1000:8.1f} ms {rate:7.1f} MB/s  {rate / peer_rate:5.2f}x")


if __name__ == "__main__":
    main()
