"""Create, save, reopen: every field comes back; snapshots, assessment, errors."""

from __future__ import annotations

import dataclasses
import threading
from datetime import UTC, datetime

import pytest

from sdi_desktop.domain.record import SessionRecord, Snapshot
from sdi_desktop.storage.errors import SessionNotFound
from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record


def test_create_and_reopen_finds_every_field(tmp_path, record):
    with Store.open(tmp_path) as store:
        session_id = store.sessions.create(record)
    assert record.id == session_id
    with Store.open(tmp_path) as store:
        loaded = store.sessions.get(session_id)
    assert loaded == record
    # every field is really set (a field left at its default would prove little)
    for f in dataclasses.fields(SessionRecord):
        if f.name not in ("id",):
            assert getattr(record, f.name) != getattr(SessionRecord(), f.name), f.name


def test_save_overwrites_everything_but_snapshots(store, record):
    store.sessions.create(record)
    record.title = "Renamed by save"
    record.notes = {"api": "GET /{code} → 301"}
    record.board = record.board[:2]
    record.tags = ["redo"]
    record.clock = dict(record.clock, spent=[1.0, 2.0, 3.0, 4.0])
    record.status = "active"
    record.ended_at = None
    record.snapshots = []  # not written by save()
    store.sessions.save(record)
    loaded = store.sessions.get(record.id)
    assert loaded.title == "Renamed by save"
    assert loaded.notes == {"api": "GET /{code} → 301"}
    assert loaded.board == record.board
    assert loaded.tags == ["redo"]
    assert loaded.phase_seconds == [1.0, 2.0, 3.0, 4.0]
    assert loaded.ended_at is None
    assert [s.phase_index for s in loaded.snapshots] == [0, 1]


def test_save_without_id_creates(store):
    record = SessionRecord(title="New")
    store.sessions.save(record)
    assert record.id is not None
    assert store.sessions.get(record.id).title == "New"


def test_snapshot_replaced_per_phase_and_returned_in_phase_order(store):
    session_id = store.sessions.create(SessionRecord())
    at = datetime(2026, 1, 1, tzinfo=UTC)
    store.sessions.add_snapshot(session_id, Snapshot(2, at, [], {"api": "two"}))
    store.sessions.add_snapshot(session_id, Snapshot(0, at, [], {"api": "zero"}))
    store.sessions.add_snapshot(session_id, Snapshot(2, at, [], {"api": "two again"}))
    snapshots = store.sessions.get(session_id).snapshots
    assert [(s.phase_index, s.notes["api"]) for s in snapshots] == [(0, "zero"), (2, "two again")]


def test_unknown_ids_raise_session_not_found(store):
    with pytest.raises(SessionNotFound, match="no saved session has id 42"):
        store.sessions.get(42)
    with pytest.raises(KeyError):  # KeyError-like on purpose
        store.sessions.rename(42, "x")
    with pytest.raises(SessionNotFound):
        store.sessions.save(SessionRecord(id=42))
    with pytest.raises(SessionNotFound):
        store.sessions.add_snapshot(42, Snapshot(0, datetime.now(UTC), []))
    with pytest.raises(SessionNotFound):
        store.sessions.purge(42)
    with pytest.raises(SessionNotFound):
        store.sessions.save_assessment(42, {})


def test_assessment_round_trip_and_purge_cascades(store, record):
    session_id = store.sessions.create(record)
    assert store.sessions.get_assessment(session_id) is None
    store.sessions.save_assessment(
        session_id,
        {"rubric_version": 2, "scores": {"scope": 3}, "reviewer_points": ["cache"], "note": "ok"},
    )
    store.sessions.save_assessment(session_id, {"rubric_version": 2, "scores": {"scope": 4}})
    got = store.sessions.get_assessment(session_id)
    assert (got["rubric_version"], got["scores"], got["reviewer_points"], got["note"]) == (
        2,
        {"scope": 4},
        [],
        "",
    )
    assert got["updated_at"].tzinfo is not None
    store.sessions.purge(session_id)
    with store.engine.connect() as conn:
        for table in ("note", "board", "snapshot", "tag", "assessment", "session_fts"):
            column = "rowid" if table == "session_fts" else "session_id"
            sql = f"SELECT count(*) FROM {table} WHERE {column} = ?"
            assert conn.exec_driver_sql(sql, (session_id,)).scalar() == 0, table


def test_saves_from_worker_threads(store):
    ids = [store.sessions.create(full_record(title=f"t{i}")) for i in range(4)]
    errors = []

    def work(session_id: int) -> None:
        try:
            for n in range(10):
                record = store.sessions.get(session_id)
                record.notes = {"api": f"edit {n}"}
                store.sessions.save(record)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(store.sessions.get(i).notes == {"api": "edit 9"} for i in ids)


def test_connection_pragmas(store):
    with store.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("busy_timeout") == 5000
    assert store.path.name == "sdi-desktop.db"
