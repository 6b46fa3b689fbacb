"""Type stubs of the Rust core, ``handelingen._native``."""

import os
from collections.abc import Iterable, Iterator
from typing import Any, Final, final

__all__ = [
    "FORMAT_VERSION",
    "InvalidUtf8Error",
    "ParseFiles",
    "TABLE_COLUMNS",
    "TABLE_KINDS",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_files",
    "tables",
]

FORMAT_VERSION: Final[int]
"""The ``format`` of every parse result (the version of the JSON format)."""

TABLE_COLUMNS: Final[dict[str, tuple[str, ...]]]
"""The tables of :func:`tables`, in the order of ``handelingen tables``, and
their columns in order."""

TABLE_KINDS: Final[dict[str, dict[str, str]]]
"""The kind of every column of every table: ``"integer"``, ``"boolean"``
or ``"text"``, in the order of ``TABLE_COLUMNS``."""

_Document = dict[str, Any]
"""A parse result: keys ``format``, ``document``, ``analysis``,
``diagnostics``, and ``file`` first from ``parse_file`` and ``parse_files``
(schema/handelingen.schema.json)."""

_StrPath = str | os.PathLike[str]

class InvalidUtf8Error(ValueError):
    """The input is not UTF-8 text."""

    offset: int
    """Byte offset of the first invalid byte."""
    line: int
    """1-based line of that byte."""
    start: int
    """Start of the invalid byte sequence."""
    end: int
    """End of the invalid byte sequence."""
    path: str | None
    """The file, or ``None`` for :func:`parse_bytes`."""

@final
class ParseFiles(Iterator[_Document]):
    """The iterator :func:`parse_files` returns: one result per path, in order.

    A file that cannot be read or is not UTF-8 raises its exception when its
    turn comes; the iterator can be resumed after it."""

    def __iter__(self) -> ParseFiles: ...
    def __next__(self) -> _Document: ...
    def __length_hint__(self) -> int: ...

def parse(text: str, /, *, analysis: bool = True) -> _Document:
    """Parses transcript text into the dict of the JSON format. Never fails
    on text; ``analysis=False`` builds the tree only (``analysis`` is
    ``None``)."""

def parse_bytes(data: bytes | bytearray, /, *, analysis: bool = True) -> _Document:
    """Parses UTF-8 bytes; raises :class:`InvalidUtf8Error` with the byte
    ``offset`` when they are not UTF-8."""

def parse_file(path: _StrPath, /, *, analysis: bool = True) -> _Document:
    """Reads and parses one file; the result has ``file`` (the path as
    given) first. Raises ``OSError`` or :class:`InvalidUtf8Error`, naming
    the file."""

def parse_files(
    paths: Iterable[_StrPath], /, threads: int | None = None, *, analysis: bool = True
) -> ParseFiles:
    """Parses files on ``threads`` worker threads (default: one per CPU)
    with the GIL released, yielding the results in the order of ``paths``."""

def tables(
    docs: Iterable[_Document | tuple[_StrPath, _Document]], /, *, first_id: int = 0
) -> dict[str, list[dict[str, Any]]]:
    """The rows of the tables of ``handelingen tables``, ids unique across
    the call and counted from ``first_id`` (at most 2**62)."""
