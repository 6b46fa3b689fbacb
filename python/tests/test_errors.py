"""Bad input gives Python exceptions with messages, never a crash."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import handelingen


def test_invalid_utf8_offset() -> None:
    with pytest.raises(handelingen.InvalidUtf8Error) as info:
        handelingen.parse_bytes(b"De voorzitter:\n\xff\n")
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.offset, err.line, err.start, err.end) == (15, 2, 15, 16)
    assert err.path is None
    assert "byte 15" in str(err)


def test_invalid_utf8_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Mevrouw Gündoğan:\n".encode() + b"\xc3(\n")
    with pytest.raises(handelingen.InvalidUtf8Error) as info:
        handelingen.parse_file(bad)
    assert info.value.offset == len("Mevrouw Gündoğan:\n".encode())
    assert info.value.path == str(bad)
    assert str(bad) in str(info.value)


def test_unreadable_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as info:
        handelingen.parse_file(missing)
    assert info.value.filename == str(missing)
    with pytest.raises(IsADirectoryError):
        handelingen.parse_file(tmp_path)
    with pytest.raises(FileNotFoundError):
        list(handelingen.parse_files([missing]))


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: handelingen.parse(b"bytes"), TypeError),
        (lambda: handelingen.parse(None), TypeError),
        (lambda: handelingen.parse("\ud800"), UnicodeEncodeError),
        (lambda: handelingen.parse_bytes("text"), TypeError),
        (lambda: handelingen.parse_file(42), TypeError),
        (lambda: handelingen.parse_files([Path("a"), 3]), TypeError),
        (lambda: handelingen.parse_files(42), TypeError),
        (lambda: handelingen.parse_files([], threads=0), ValueError),
        (lambda: handelingen.parse_files([], threads=-1), ValueError),
        (lambda: handelingen.tables(handelingen.parse("")), TypeError),
        (lambda: handelingen.tables([1]), TypeError),
        (lambda: handelingen.tables([("a.txt", "b")]), TypeError),
        (lambda: handelingen.tables([(1, {})]), TypeError),
        (lambda: handelingen.tables([{}]), ValueError),
        (lambda: handelingen.tables([{"format": 2}]), ValueError),
        (lambda: handelingen.tables([handelingen.parse("")], first_id=-1), OverflowError),
        (lambda: handelingen.tables([handelingen.parse("")], first_id=2**63), ValueError),
        (lambda: handelingen.tables(42), TypeError),
    ],
)
def test_bad_arguments(call, error) -> None:
    with pytest.raises(error) as info:
        call()
    assert str(info.value)


def test_tampered_result_is_refused() -> None:
    doc = handelingen.parse("De heer Slootweg (CDA):\nDank u wel.\n")
    doc["document"]["nodes"][0]["paragraphs"][0]["map"] = [[5, 1, 0, 0]]
    with pytest.raises(ValueError, match="document 0: not a parse result"):
        handelingen.tables([doc])
    doc = handelingen.parse("De heer Slootweg (CDA):\nDank u wel.\n")
    doc["document"]["span"]["end"] = -1
    with pytest.raises(ValueError, match="document 0"):
        handelingen.tables([doc])


def test_random_bytes_never_crash() -> None:
    rng = random.Random(16)
    pieces = [
        b"De voorzitter:\n", b"De heer **Van Raan** (PvdD):\n", b"De Kamer,\n",
        b"gehoord de beraadslaging,\n", b"en gaat over tot de orde van de dag.\n",
        b"**", b"\r\n", b"\r", b"\n\n", b"-\n", b"\xef\xbb\xbf", "ğ".encode(), b"\xff",
        b"\x00", b"Zij krijgt nr. 12 (36200).\n", b"## 7\n", b"(", b")",
    ]
    for _ in range(300):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        try:
            doc = handelingen.parse_bytes(data)
        except handelingen.InvalidUtf8Error as e:
            assert 0 <= e.offset < len(data)
        else:
            handelingen.tables([doc])


def test_hostile_shapes() -> None:
    for text in [
        "*" * 100_000,
        "(" * 50_000 + ":\n",
        "De heer " * 20_000 + ":\n",
        "\n" * 200_000,
        "De Kamer,\n" * 10_000,
    ]:
        doc = handelingen.parse(text)
        assert doc["document"]["span"]["end"] == len(text.encode())
