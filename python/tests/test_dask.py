"""The Dask pipeline of examples/dask_tables.py on the corpus: two worker
processes of the local scheduler, the same rows as one tables() call."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import handelingen

dask = pytest.importorskip("dask")
pytest.importorskip("dask.dataframe")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_tables.py"


def _example():
    spec = importlib.util.spec_from_file_location("dask_tables", EXAMPLE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_pipeline(corpus: list[Path]) -> None:
    example = _example()
    paths = [str(p) for p in corpus]
    frames = example.table_frames(paths, partitions=4)
    with dask.config.set(scheduler="processes", num_workers=2):
        computed = dask.compute(frames)[0]
    local = handelingen.to_pandas(zip(paths, handelingen.parse_files(paths)))
    assert list(computed) == list(handelingen.TABLE_COLUMNS)
    for name, frame in computed.items():
        frame = frame.reset_index(drop=True)
        expected = local[name]
        assert list(frame.columns) == list(expected.columns), name
        assert dict(frame.dtypes.astype(str)) == dict(expected.dtypes.astype(str)), name
        assert len(frame) == len(expected), name
        # The same rows but for the ids, which count from document << 24.
        plain = [c for c in frame.columns if not c.endswith("_id")]
        assert frame[plain].equals(expected[plain]), name
    docs = computed["documents"]
    assert docs["document_id"].tolist() == [i << example.ID_BITS for i in range(len(paths))]
    speeches, motions = computed["speeches"], computed["motions"]
    assert speeches["speech_id"].is_unique
    assert motions["speech_id"].dropna().isin(speeches["speech_id"]).all()
    assert computed["clauses"]["motion_id"].isin(motions["motion_id"]).all()
    joined = motions.merge(speeches[["speech_id", "party"]], on="speech_id")
    assert len(joined) == motions["speech_id"].notna().sum()
