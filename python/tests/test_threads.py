"""parse_files: parallel, in order, the GIL released."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

import handelingen
from conftest import FIXTURES


def _texts() -> list[Path]:
    return [p for p in FIXTURES if p.suffix == ".txt"]


@pytest.mark.parametrize("threads", [None, 1, 2, 7, 100])
def test_in_order_like_parse_file(threads: int | None) -> None:
    paths = _texts() * 3
    expected = [handelingen.parse_file(p) for p in paths]
    got = handelingen.parse_files(paths, threads)
    assert got.__length_hint__() == len(paths)
    assert list(got) == expected


def test_any_iterable_and_pathlike() -> None:
    paths = _texts()[:3]
    got = list(handelingen.parse_files(str(p) for p in paths))
    assert got == list(handelingen.parse_files(paths, threads=2))
    assert list(handelingen.parse_files([])) == []


def test_error_in_turn_then_resumes(tmp_path: Path) -> None:
    good = _texts()[:2]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    paths = [good[0], tmp_path / "missing.txt", bad, good[1]]
    it = handelingen.parse_files(paths, threads=2)
    assert next(it) == handelingen.parse_file(good[0])
    with pytest.raises(FileNotFoundError):
        next(it)
    with pytest.raises(handelingen.InvalidUtf8Error) as info:
        next(it)
    assert info.value.path == str(bad)
    assert next(it) == handelingen.parse_file(good[1])
    with pytest.raises(StopIteration):
        next(it)


def test_abandoned_iterator_stops() -> None:
    it = handelingen.parse_files(_texts() * 20, threads=2)
    next(it)
    del it  # the workers see the iterator go and stop


def test_without_analysis() -> None:
    paths = _texts()[:4]
    got = list(handelingen.parse_files(paths, analysis=False))
    assert got == [handelingen.parse_file(p, analysis=False) for p in paths]


class _Counter(threading.Thread):
    """Counts, giving the GIL up after every step (``time.sleep``)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.count = 0
        self.stop = False

    def run(self) -> None:
        while not self.stop:
            self.count += 1
            time.sleep(0.0001)


def _python_runs_during(call) -> int:
    """How far a Python thread counts while `call()` runs. The switch
    interval is made so long that the interpreter never takes the GIL from
    the calling thread: the counter runs only if `call` gives it up."""
    old = sys.getswitchinterval()
    counter = _Counter()
    counter.start()
    try:
        sys.setswitchinterval(30.0)
        before = counter.count
        call()
        return counter.count - before
    finally:
        sys.setswitchinterval(old)
        counter.stop = True
        counter.join()


def test_parse_releases_the_gil() -> None:
    # Long enough (~10 MB) for the other thread to be woken on a busy machine.
    text = "".join(p.read_text(encoding="utf-8") for p in _texts()) * 48
    assert _python_runs_during(lambda: handelingen.parse(text, analysis=False)) > 10


def test_parse_files_waits_without_the_gil() -> None:
    paths = _texts() * 4
    assert _python_runs_during(lambda: list(handelingen.parse_files(paths, 2))) > 10
