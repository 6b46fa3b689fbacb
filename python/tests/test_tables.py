"""tables(): the rows of `handelingen tables`, ids that join."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import handelingen
from conftest import FIXTURES, REPO, run_command

ID_LINKS = [
    # (table, column, table it points to, its id column)
    ("agenda_items", "document_id", "documents", "document_id"),
    ("speeches", "document_id", "documents", "document_id"),
    ("speeches", "agenda_item_id", "agenda_items", "agenda_item_id"),
    ("motions", "speech_id", "speeches", "speech_id"),
    ("motions", "agenda_item_id", "agenda_items", "agenda_item_id"),
    ("clauses", "motion_id", "motions", "motion_id"),
    ("advice", "motion_id", "motions", "motion_id"),
    ("advice", "speech_id", "speeches", "speech_id"),
    ("votes", "motion_id", "motions", "motion_id"),
    ("votes", "reference_id", "references", "reference_id"),
    ("vote_parties", "vote_id", "votes", "vote_id"),
    ("references", "motion_id", "motions", "motion_id"),
    ("events", "speech_id", "speeches", "speech_id"),
    ("diagnostics", "document_id", "documents", "document_id"),
]


def _texts() -> list[Path]:
    return [p for p in FIXTURES if p.suffix == ".txt"]


def _csv_value(value: object) -> str:
    """A value as the command's CSV writes it."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _check_links(tabs: dict[str, list[dict]]) -> None:
    for table, column, target, id_column in ID_LINKS:
        ids = {row[id_column] for row in tabs[target]}
        for row in tabs[table]:
            assert row[column] is None or row[column] in ids, (table, column, row)
    for table, columns in handelingen.TABLE_COLUMNS.items():
        own = columns[0]
        if own.endswith("_id") and table != "vote_parties":
            values = [row[own] for row in tabs[table]]
            assert len(values) == len(set(values)), table


def test_same_as_command(tmp_path: Path) -> None:
    paths = [str(p.relative_to(REPO)) for p in _texts()]
    done = run_command("tables", "-q", tmp_path, *paths)
    assert done.returncode == 0, done.stderr.decode()
    docs = [(p, handelingen.parse_file(REPO / p)) for p in paths]
    tabs = handelingen.tables(docs)
    assert list(tabs) == list(handelingen.TABLE_COLUMNS)
    for name, columns in handelingen.TABLE_COLUMNS.items():
        with open(tmp_path / f"{name}.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert tuple(rows[0]) == columns
        mine = [[_csv_value(row[c]) for c in columns] for row in tabs[name]]
        assert [list(map(lambda v: v, r)) for r in rows[1:]] == mine, name
        for row in tabs[name]:
            assert tuple(row) == columns


def test_joins() -> None:
    docs = [(p, handelingen.parse_file(p)) for p in _texts()]
    tabs = handelingen.tables(docs)
    assert len(tabs["documents"]) == len(docs)
    assert tabs["speeches"] and tabs["motions"] and tabs["clauses"] and tabs["advice"]
    _check_links(tabs)


def test_corpus_joins(corpus: list[Path]) -> None:
    tabs = handelingen.tables(zip(corpus, handelingen.parse_files(corpus)))
    assert [d["file"] for d in tabs["documents"]] == [str(p) for p in corpus]
    assert tabs["votes"] and tabs["vote_parties"] and tabs["references"]
    _check_links(tabs)


def test_first_id_parts_join() -> None:
    paths = _texts()
    half = len(paths) // 2
    whole = handelingen.tables((p, handelingen.parse_file(p)) for p in paths)
    a = handelingen.tables([(p, handelingen.parse_file(p)) for p in paths[:half]])
    b = handelingen.tables(
        [(p, handelingen.parse_file(p)) for p in paths[half:]], first_id=1 << 32
    )
    joined = {name: a[name] + b[name] for name in a}
    _check_links(joined)
    for name in whole:
        assert len(joined[name]) == len(whole[name])
    assert b["documents"][0]["document_id"] == 1 << 32


def test_bare_results_have_no_file() -> None:
    tabs = handelingen.tables([handelingen.parse("De voorzitter:\nDank u.\n")] * 2)
    assert [d["file"] for d in tabs["documents"]] == ["", ""]
    assert [d["document_id"] for d in tabs["documents"]] == [0, 1]


def test_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    docs = [(p, handelingen.parse_file(p)) for p in _texts()]
    frames = handelingen.to_pandas(docs)
    assert list(frames) == list(handelingen.TABLE_COLUMNS)
    for name, frame in frames.items():
        assert isinstance(frame, pd.DataFrame)
        assert tuple(frame.columns) == handelingen.TABLE_COLUMNS[name]
    empty = handelingen.to_pandas([])
    assert len(empty["votes"]) == 0
    assert tuple(empty["votes"].columns) == handelingen.TABLE_COLUMNS["votes"]
    per_speech = frames["motions"].merge(frames["speeches"], on="speech_id")
    assert len(per_speech) == frames["motions"]["speech_id"].notna().sum()
