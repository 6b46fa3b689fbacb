"""The tables of a folder of transcripts as Spark DataFrames.

    python python/examples/spark_recipe.py ../shared/corpus/text [PARTITIONS]

An RDD of numbered file paths, ``mapPartitions`` parsing each partition's
files with ``handelingen.parse_files`` (Rust threads, the GIL released) and
turning each document into rows where it was parsed
(``handelingen.tables``), one DataFrame per table with a schema made from
``handelingen.TABLE_KINDS`` (so no column's type is guessed from its first
rows). As in the Dask example, document ``i`` counts its ids from
``i << 24``, so ids are unique with no executor talking to another and
every link between tables joins.

Needs ``pyspark`` (and Java) beside the package; the executors need
``handelingen`` installed too (``pip install ./python`` on each, or the
wheel of ``maturin build --release -m python/Cargo.toml``). Run here on
the local master; it is not a CI test (pyspark is large).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import handelingen

#: Room for this many rows of one kind in one document.
ID_BITS = 24


def _schema(table: str) -> Any:
    from pyspark.sql.types import BooleanType, LongType, StringType, StructField, StructType

    types = {"integer": LongType(), "boolean": BooleanType(), "text": StringType()}
    kinds = handelingen.TABLE_KINDS[table]
    return StructType([StructField(column, types[kind], True) for column, kind in kinds.items()])


def _rows(part: Iterable[tuple[int, str]]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Every row of every table of one partition's files, as (table, row)."""
    part = list(part)
    docs = handelingen.parse_files([path for _, path in part])
    for (index, path), doc in zip(part, docs):
        tables = handelingen.tables([(path, doc)], first_id=index << ID_BITS)
        for name, columns in handelingen.TABLE_COLUMNS.items():
            for row in tables[name]:
                yield name, tuple(row[c] for c in columns)


def table_frames(spark: Any, paths: list[str], partitions: int = 4) -> dict[str, Any]:
    """One Spark DataFrame per table of ``handelingen.tables``."""
    numbered = list(enumerate(paths))
    slices = max(1, min(partitions, len(numbered)))
    rows = spark.sparkContext.parallelize(numbered, numSlices=slices).mapPartitions(_rows)
    rows.cache()
    return {
        name: spark.createDataFrame(
            rows.filter(lambda r, name=name: r[0] == name).map(lambda r: r[1]), _schema(name)
        )
        for name in handelingen.TABLE_COLUMNS
    }


def main() -> None:
    # The workers run this interpreter, which has handelingen installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    folder = Path(sys.argv[1])
    partitions = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    paths = sorted(str(p) for p in folder.rglob("*.txt"))
    spark = SparkSession.builder.master("local[2]").appName("handelingen").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    frames = table_frames(spark, paths, partitions)
    for name, frame in frames.items():
        frame.createOrReplaceTempView(name)
    counts = {name: frame.count() for name, frame in frames.items()}
    local = handelingen.tables(zip(paths, handelingen.parse_files(paths)))
    print(f"{len(paths)} files, {partitions} partitions")
    print("rows:", counts)
    print("the row counts of one local tables() call:", counts == {n: len(r) for n, r in local.items()})
    speech_ids = frames["speeches"].select("speech_id")
    unjoined = frames["motions"].where("speech_id IS NOT NULL").join(
        speech_ids, "speech_id", "left_anti"
    )
    print("motions whose speech_id joins no speech:", unjoined.count())
    print("speeches per party:")
    spark.sql(
        "SELECT party, count(*) AS speeches FROM speeches WHERE role = 'member' "
        "GROUP BY party ORDER BY speeches DESC, party LIMIT 8"
    ).show()
    print("advice with the motion it concerns:")
    spark.sql(
        "SELECT a.kind AS advice, m.kamerstuk, m.submitters, m.vote_result "
        "FROM advice a JOIN motions m USING (motion_id) ORDER BY m.motion_id LIMIT 5"
    ).show(truncate=False)
    spark.stop()


if __name__ == "__main__":
    main()
