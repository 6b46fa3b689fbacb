"""Shared helpers: the repository, its fixtures, the corpus and the
``handelingen`` command the Python results are compared with."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = sorted(p for p in (REPO / "fixtures").rglob("*") if p.is_file())


def corpus_dir() -> Path | None:
    """The corpus ``.ci/run`` names in HANDELINGEN_CORPUS, else the shared
    one beside the clone, else None."""
    named = os.environ.get("HANDELINGEN_CORPUS")
    for candidate in [named, REPO.parent / "shared" / "corpus" / "text"]:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def corpus_files() -> list[Path]:
    folder = corpus_dir()
    return sorted(folder.rglob("*.txt")) if folder else []


def command() -> list[str]:
    """How to run the ``handelingen`` command: HANDELINGEN_BIN, the binary
    ``cargo test``/``cargo build`` left in target/, or ``cargo run``."""
    named = os.environ.get("HANDELINGEN_BIN")
    if named:
        return [named]
    for profile in ["debug", "release"]:
        built = REPO / "target" / profile / "handelingen"
        if built.is_file():
            return [str(built)]
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.skip("no handelingen binary and no cargo to build one")
    return [cargo, "run", "-q", "-p", "handelingen-cli", "--"]


def run_command(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*command(), *map(str, args)], cwd=REPO, capture_output=True, check=False
    )


def command_json(path: Path, *extra: str) -> object:
    """``json.loads`` of ``handelingen json [extra] path``; None when the
    command refuses the file."""
    done = run_command("json", "-q", *extra, path)
    if done.returncode != 0 and not done.stdout:
        return None
    return json.loads(done.stdout)


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    files = corpus_files()
    if not files:
        pytest.skip("no corpus: set HANDELINGEN_CORPUS")
    return files
