"""tables(): the rows of `handelingen tables`, ids that join."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import handelingen
from conftest import FIXTURES, REPO, run_command

def _links() -> list[tuple[str, str, str]]:
    """(table, column, table it points to): a column ``X_id`` that is not
    its table's own id points to the first table whose own id (first
    column) it is (``speech_id`` to ``speeches``, ``vote_id`` to ``votes``)."""
    owners: dict[str, str] = {}
    for table, columns in handelingen.TABLE_COLUMNS.items():
        owners.setdefault(columns[0], table)
    return [
        (table, column, owners[column])
        for table, columns in handelingen.TABLE_COLUMNS.items()
        for column in columns
        if column.endswith("_id") and owners[column] != table
    ]


ID_LINKS = _links()


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
    assert ("attendees", "attendance_id", "attendance") in ID_LINKS
    for table, column, target in ID_LINKS:
        documents = {row[column]: row["document_id"] for row in tabs[target]}
        for row in tabs[table]:
            if row[column] is not None:
                assert row[column] in documents, (table, column, row)
                assert documents[row[column]] == row["document_id"], (table, column, row)
    for table, columns in handelingen.TABLE_COLUMNS.items():
        key = {"vote_parties": (), "contributions": ("contribution_id", "speech_id")}
        own = key.get(table, (columns[0],))
        if own:
            values = [tuple(row[c] for c in own) for row in tabs[table]]
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


def _nodes(doc: dict, kind: str) -> list[dict]:
    return [n for n in doc["document"]["nodes"] if n["type"] == kind]


def _expected_counts(doc: dict) -> dict[str, int]:
    """The number of rows each table has for one parse result, counted in
    the result itself."""
    analysis = doc["analysis"] or {}
    lists = {
        name: len(analysis.get(name, []))
        for name in ["advice", "votes", "references", "announced_motions", "dates", "events"]
    }
    motions = [n["motion"] for n in _nodes(doc, "motion")] + [
        b["motion"]
        for s in _nodes(doc, "speech")
        for b in s["content"]
        if b["type"] == "motion"
    ]
    attendance = _nodes(doc, "attendance")
    contributions = analysis.get("contributions", [])
    votes = analysis.get("votes", [])
    return {
        "documents": 1,
        "agenda_items": len(_nodes(doc, "agenda_item")),
        "attendance": len(attendance),
        "attendees": sum(len(a["members"]) + len(a["others"]) for a in attendance),
        "officers": len(_nodes(doc, "officer")),
        "speeches": len(_nodes(doc, "speech")),
        "motions": len(motions),
        "motion_documents": len(_nodes(doc, "kamerstuk")),
        "clauses": sum(len(m["considerations"]) + len(m["dicta"]) for m in motions),
        "vote_parties": sum(len(v["parties_for"]) + len(v["parties_against"]) for v in votes),
        "contributions": sum(
            1 + len(c["continuations"]) + sum(len(i["speeches"]) for i in c["interruptions"])
            for c in contributions
        ),
        "diagnostics": len(doc["diagnostics"]),
        **lists,
    }


def test_row_counts_and_values_match_the_json() -> None:
    docs = [(p, handelingen.parse_file(p)) for p in _texts()]
    tabs = handelingen.tables(docs)
    for name in handelingen.TABLE_COLUMNS:
        assert tabs[name], f"{name}: the fixtures give no row"
    ids = [d["document_id"] for d in tabs["documents"]]
    for document_id, (path, doc) in zip(ids, docs):
        expected = _expected_counts(doc)
        assert set(expected) == set(handelingen.TABLE_COLUMNS)
        for name, count in expected.items():
            rows = [r for r in tabs[name] if r["document_id"] == document_id]
            assert len(rows) == count, (name, path)
        analysis = doc["analysis"]
        votes = [r for r in tabs["votes"] if r["document_id"] == document_id]
        for row, vote in zip(votes, analysis["votes"]):
            for key in ["result", "votes_for", "votes_against", "participants", "rest",
                        "method", "subject", "kamerstuk"]:
                assert row[key] == vote[key], (key, path)
        announced = [r for r in tabs["announced_motions"] if r["document_id"] == document_id]
        speech_node = {r["speech_id"]: r["node"] for r in tabs["speeches"]}
        for row, entry in zip(announced, analysis["announced_motions"]):
            assert (row["kind"], row["text"]) == (entry["kind"], entry["text"])
            assert speech_node[row["speech_id"]] == entry["speech"]
        attendees = [r for r in tabs["attendees"] if r["document_id"] == document_id]
        names = [
            name
            for a in _nodes(doc, "attendance")
            for name in [m["text"] for m in a["members"]] + [o["name"]["text"] for o in a["others"]]
        ]
        assert [r["name"] for r in attendees] == names


def test_dtypes_follow_the_column_kinds() -> None:
    assert handelingen.TABLE_DTYPES["motions"]["inline"] == "boolean"
    assert handelingen.TABLE_DTYPES["votes"]["participants"] == "Int64"
    assert handelingen.TABLE_DTYPES["votes"]["method"] == "string"
    for name, columns in handelingen.TABLE_COLUMNS.items():
        assert tuple(handelingen.TABLE_KINDS[name]) == columns
        for column in columns:
            if column.endswith("_id"):
                assert handelingen.TABLE_KINDS[name][column] == "integer", (name, column)


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
