"""Writes that SQLite refuses (full disk, read-only file, a lock held too long) raise one
clear ``StorageError`` and leave the database as it was; two stores on one data
directory (two app instances) do not lose each other's writes."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event

from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.storage.database import writing
from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record


def _on_every_connection(store: Store, *pragmas: str) -> None:
    """Apply pragmas to every connection from now on (the pool is emptied first)."""
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _apply(dbapi_connection, _record) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)


def _assert_unchanged(data_dir, session_id: int, title: str) -> None:
    with Store.open(data_dir) as store:
        assert store.sessions.get(session_id).title == title
        assert len(store.sessions.list()) == 1


def test_a_full_disk_is_a_storage_error_and_nothing_half_written(tmp_path):
    with Store.open(tmp_path) as store:
        session_id = store.sessions.create(full_record())
        record = store.sessions.get(session_id)
        pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()
        # SQLite's own "disk full" (SQLITE_FULL): the file may not grow past its size.
        _on_every_connection(store, f"PRAGMA max_page_count = {pages}")
        record.title = "changed"
        record.notes = {"deep_dive": "x" * 200_000}  # needs new pages
        with pytest.raises(StorageError) as exc:
            store.sessions.save(record)
        assert "database or disk is full" in str(exc.value)
        assert "\n" not in str(exc.value) and "sdi-desktop.db" in str(exc.value)
        assert record.title == "changed"  # the caller's unsaved work is untouched
    _assert_unchanged(tmp_path, session_id, full_record().title)


def test_a_read_only_database_is_a_storage_error(tmp_path):
    with Store.open(tmp_path) as store:
        session_id = store.sessions.create(full_record())
        _on_every_connection(store, "PRAGMA query_only = ON")
        with pytest.raises(StorageError, match=r"readonly|read-only|query_only"):
            store.sessions.rename(session_id, "changed")
    _assert_unchanged(tmp_path, session_id, full_record().title)


def test_a_write_lock_held_too_long_is_a_storage_error(tmp_path):
    """Writes take the lock at BEGIN (IMMEDIATE): a second writer waits, then gives up
    with a clear error instead of failing half-way through its transaction."""
    with Store.open(tmp_path) as first, Store.open(tmp_path) as second:
        session_id = first.sessions.create(SessionRecord(title="kept"))
        _on_every_connection(second, "PRAGMA busy_timeout = 50")
        # an open write transaction that has written nothing yet holds the lock
        with writing(first.engine), pytest.raises(StorageError, match="database is locked"):
            second.sessions.rename(session_id, "lost")
        second.sessions.rename(session_id, "after the lock")  # fine once released
        assert first.sessions.get(session_id).title == "after the lock"


def test_two_instances_writing_at_once_lose_nothing(tmp_path):
    stores = [Store.open(tmp_path), Store.open(tmp_path)]
    created: list[int] = []
    errors: list[Exception] = []

    def work(store: Store, n: int) -> None:
        try:
            for i in range(25):
                session_id = store.sessions.create(SessionRecord(title=f"s{n}-{i}"))
                created.append(session_id)
                record = store.sessions.get(session_id)
                record.notes = {"api": f"from instance {n}"}
                store.sessions.save(record)
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, n)) for n, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for store in stores:
        store.close()
    assert errors == []
    with Store.open(tmp_path) as store:
        summaries = store.sessions.list()
        assert sorted(s.id for s in summaries) == sorted(created)
        assert len(created) == 50
        for s in summaries:
            n = s.title[1]
            assert store.sessions.get(s.id).notes == {"api": f"from instance {n}"}
