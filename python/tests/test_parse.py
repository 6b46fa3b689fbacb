"""Every fixture and every corpus file parses in Python to what the
command writes as JSON: same keys, same values, lists not tuples. The
command's JSON starts with ``file``, the path as given: ``parse_file`` and
``parse_files`` write it too, ``parse`` and ``parse_bytes`` (no file) do
not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import handelingen
from conftest import FIXTURES, REPO, command_json, run_command


def _ids(p: Path) -> str:
    return str(p.relative_to(REPO / "fixtures"))


@pytest.mark.parametrize("path", FIXTURES, ids=_ids)
def test_fixture_equals_command_json(path: Path) -> None:
    expected = command_json(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # The command refuses it; Python raises, with the same offset.
        assert expected is None
        with pytest.raises(handelingen.InvalidUtf8Error):
            handelingen.parse_file(path)
        with pytest.raises(handelingen.InvalidUtf8Error):
            handelingen.parse_bytes(data)
        return
    assert expected is not None
    from_file = handelingen.parse_file(path)
    assert from_file == expected
    # Exactly equal: the same types too (a tuple never equals a list, but
    # check the JSON text as well so that int/bool/None mix-ups show).
    assert json.dumps(from_file, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert list(from_file)[0] == "file"
    del expected["file"]
    assert handelingen.parse_bytes(data) == expected
    assert handelingen.parse_bytes(bytearray(data)) == expected
    if not text.startswith("\ufeff"):
        assert handelingen.parse(text) == expected


@pytest.mark.parametrize("path", FIXTURES[:8], ids=_ids)
def test_without_analysis_equals_command(path: Path) -> None:
    expected = command_json(path, "--no-analysis")
    got = handelingen.parse_file(path, analysis=False)
    assert got["analysis"] is None
    assert got == expected


def test_corpus_equals_command_json(corpus: list[Path]) -> None:
    done = run_command("json", "-q", "--jsonl", *corpus)
    assert done.returncode == 0, done.stderr.decode()
    expected = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(expected) == len(corpus)
    got = list(handelingen.parse_files(corpus, threads=2))
    for path, mine, theirs in zip(corpus, got, expected):
        assert mine == theirs, path


def test_result_shape() -> None:
    doc = handelingen.parse("De heer Slootweg (CDA):\nDank u wel, voorzitter.\n")
    assert doc["format"] == handelingen.FORMAT_VERSION
    assert set(doc) == {"format", "document", "analysis", "diagnostics"}
    speech = doc["document"]["nodes"][0]
    assert speech["type"] == "speech"
    assert speech["speaker"]["name"]["text"] == "Slootweg"
    assert speech["speaker"]["party"]["text"] == "CDA"
    assert isinstance(speech["paragraphs"][0]["map"], list)


def test_empty_input() -> None:
    doc = handelingen.parse("")
    assert doc["document"]["nodes"] == []
    assert doc["diagnostics"][0]["kind"] == "empty_input"


def test_docstrings_and_stub() -> None:
    package = Path(handelingen.__file__).parent
    assert (package / "py.typed").is_file()
    assert (package / "_native.pyi").is_file()
    for name in handelingen.__all__:
        assert getattr(handelingen, name).__doc__, name
    assert handelingen.parse.__text_signature__ == "(text, /, *, analysis=True)"
