"""The tables of a folder of transcripts as Dask DataFrames.

    python python/examples/dask_tables.py ../shared/corpus/text [WORKERS]

A ``dask.bag`` over the file paths, ``map(handelingen.parse_file)`` on the
local scheduler's worker processes, each document's rows made where it was
parsed (``handelingen.tables``) and flattened into one Dask DataFrame per
table. Ids stay unique across the run without any worker talking to
another: document ``i`` counts its ids from ``i << 24`` (``first_id``), so
``document_id`` is ``i << 24`` and every link between tables still joins.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import dask
import dask.bag as db
import dask.dataframe as dd

import handelingen

#: Room for this many rows of one kind in one document.
ID_BITS = 24


def _rows(numbered: tuple[int, str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    index, path, doc = numbered
    return handelingen.tables([(path, doc)], first_id=index << ID_BITS)


def table_frames(paths: list[str], partitions: int = 4) -> dict[str, dd.DataFrame]:
    """One lazy Dask DataFrame per table of ``handelingen.tables``."""
    files = db.from_sequence(paths, npartitions=partitions)
    numbers = db.from_sequence(range(len(paths)), npartitions=partitions)
    docs = files.map(handelingen.parse_file)
    rows = db.zip(numbers, files, docs).map(_rows)
    empty = handelingen.to_pandas([])  # the columns and dtypes: the meta
    return {
        name: rows.pluck(name).flatten().to_dataframe(meta=empty[name])
        for name in handelingen.TABLE_COLUMNS
    }


def main() -> None:
    folder = Path(sys.argv[1])
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    paths = sorted(str(p) for p in folder.rglob("*.txt"))
    frames = table_frames(paths)
    # Speeches per party, and how many motions each party's members moved.
    speeches = frames["speeches"]
    motions = frames["motions"].merge(
        speeches[["speech_id", "party"]], on="speech_id", how="left"
    )
    with dask.config.set(scheduler="processes", num_workers=workers):
        per_party, moved = dask.compute(
            speeches.groupby("party").size(), motions.groupby("party").size()
        )
    print(f"{len(paths)} files")
    print("speeches per party:", per_party.sort_values(ascending=False).head(8).to_dict())
    print("motions per party:", moved.sort_values(ascending=False).head(8).to_dict())


if __name__ == "__main__":
    main()
