"""Parse the raw text of Dutch parliamentary transcripts (the *Handelingen*
of the Tweede Kamer) into dicts and tables.

A front over the Rust library ``handelingen``: the same parser, the same
JSON format (a parse result is the dict ``json.loads`` makes of the output
of ``handelingen json``), the same tables as ``handelingen tables``.

>>> import handelingen
>>> doc = handelingen.parse("De heer Slootweg (CDA):\\nDank u wel, voorzitter.\\n")
>>> speech = doc["document"]["nodes"][0]
>>> speech["speaker"]["name"]["text"], speech["speaker"]["party"]["text"]
('Slootweg', 'CDA')

Functions: :func:`parse`, :func:`parse_bytes`, :func:`parse_file`,
:func:`parse_files` (parallel, in order, the GIL released), :func:`tables`
(rows that join on ids) and :func:`to_pandas` (the tables as DataFrames;
needs pandas).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._native import (
    FORMAT_VERSION,
    TABLE_COLUMNS,
    TABLE_KINDS,
    InvalidUtf8Error,
    ParseFiles,
    parse,
    parse_bytes,
    parse_file,
    parse_files,
    tables,
)

if TYPE_CHECKING:
    import os

    import pandas

__all__ = [
    "FORMAT_VERSION",
    "TABLE_COLUMNS",
    "TABLE_DTYPES",
    "TABLE_KINDS",
    "InvalidUtf8Error",
    "ParseFiles",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_files",
    "tables",
    "to_pandas",
]

__version__ = "0.1.0"


_DTYPES = {"integer": "Int64", "boolean": "boolean", "text": "string"}

TABLE_DTYPES: dict[str, dict[str, str]] = {
    table: {column: _DTYPES[kind] for column, kind in kinds.items()}
    for table, kinds in TABLE_KINDS.items()
}
"""The pandas dtype of every column of every table (from ``TABLE_KINDS``):
nullable ``Int64``, ``boolean`` and ``string``, the same for every
document, so that frames made apart (Dask partitions) concatenate without
casts."""


def to_pandas(
    docs: Iterable[dict[str, Any] | tuple[str | os.PathLike[str], dict[str, Any]]],
    *,
    first_id: int = 0,
) -> dict[str, pandas.DataFrame]:
    """The tables of :func:`tables` as pandas DataFrames, one per table.

    Every DataFrame has the columns of ``TABLE_COLUMNS`` in order, with the
    dtypes of ``TABLE_DTYPES`` (nullable ``Int64``, ``boolean`` and
    ``string``: a missing value is ``pd.NA``), also when it has no rows.
    ``docs`` and ``first_id`` are those of :func:`tables`.

    Raises ``ImportError`` when pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pandas stays optional
        raise ImportError("handelingen.to_pandas needs pandas: pip install pandas") from e
    rows = tables(docs, first_id=first_id)
    return {
        name: pd.DataFrame(rows[name], columns=list(columns)).astype(TABLE_DTYPES[name])
        for name, columns in TABLE_COLUMNS.items()
    }
