"""The migrated schema equals the SQLModel tables; a version-1 database upgrades intact."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlmodel import SQLModel, create_engine

from sdi_desktop.storage import migrations, tables  # tables registers the models
from sdi_desktop.storage.database import make_engine, writing
from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.queries import SessionQuery
from sdi_desktop.storage.store import DB_NAME, Store


def _schema(path) -> dict:
    """Tables -> columns, foreign keys and indexes, as SQLite itself reports them."""
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not r[0].startswith(("sqlite_", tables.FTS_TABLE))
    ]
    schema = {}
    for name in names:
        columns = [
            (r[1], r[2].upper(), r[3], r[5]) for r in conn.execute(f"PRAGMA table_info({name})")
        ]
        fks = sorted(
            (r[2], r[3], r[4], r[6]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")
        )
        indexes = sorted(
            (
                r[2],
                r[3],
                tuple(c[2] for c in conn.execute(f"PRAGMA index_info({r[1]!r})")),
            )
            for r in conn.execute(f"PRAGMA index_list({name})")
        )
        schema[name] = (columns, fks, indexes)
    conn.close()
    return schema


def test_migrated_schema_matches_the_sqlmodel_tables(tmp_path):
    Store.open(tmp_path / "migrated").close()
    engine = create_engine(f"sqlite:///{tmp_path / 'models.db'}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    migrated = _schema(tmp_path / "migrated" / DB_NAME)
    assert set(migrated) == {
        "session",
        "note",
        "board",
        "snapshot",
        "tag",
        "assessment",
        "extra",
        "assessor_assessment",
    }
    assert migrated == _schema(tmp_path / "models.db")


def _first_schema_database(path):
    engine = make_engine(path)
    with writing(engine) as conn:
        assert migrations.upgrade(conn, target=1) == [1]
    engine.dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO session VALUES (7, 'Chat at scale', 'chat', 'Design a chat app', "
            "'prompt text', ?, ?, '{\"scope\": [1]}', '[]', 'finished', "
            "'2025-05-01 10:00:00.000000', '2025-05-01 10:45:00.000000', "
            "'2025-05-01 10:46:00.000000', NULL, '[300.0, 1200.0, 900.0, 300.0]', "
            "'[300.0, 1200.0, 900.0, 300.0]', 2700.0)",
            (
                json.dumps({"name": "45 min", "minutes": [5, 20, 15, 5]}),
                json.dumps({"spent": [300.0, 1200.0, 900.0, 300.0], "current": 3}),
            ),
        )
        conn.execute("INSERT INTO note VALUES (7, 'deep_dive', 'websocket gateways, fan-out')")
        conn.execute("INSERT INTO note VALUES (7, 'api', 'send(msg)')")
        board = {"format": "sdi-board", "version": 1, "elements": []}
        conn.execute("INSERT INTO board VALUES (7, ?)", (json.dumps(board),))
        conn.execute(
            "INSERT INTO snapshot VALUES (1, 7, 0, '2025-05-01 10:05:00.000000', ?, '{}')",
            (json.dumps(board),),
        )
    conn.close()


def test_first_schema_database_upgrades_with_every_row_intact(tmp_path):
    _first_schema_database(tmp_path / DB_NAME)
    with Store.open(tmp_path) as store:
        assert store.schema_version == migrations.LATEST > 1
        record = store.sessions.get(7)
        assert record.title == "Chat at scale"
        assert record.problem_id == "chat"
        assert record.format.minutes == (5, 20, 15, 5)
        assert record.checklist == {"scope": [1]}
        assert record.notes == {"deep_dive": "websocket gateways, fan-out", "api": "send(msg)"}
        assert record.started_at.isoformat() == "2025-05-01T10:00:00+00:00"
        assert [s.phase_index for s in record.snapshots] == [0]
        assert record.tags == []
        # version 2 indexed the old notes for search
        found = store.sessions.list(SessionQuery(text="fan-out"))
        assert [s.id for s in found] == [7]
        # and the new tables work for old rows
        record.tags = ["old"]
        store.sessions.save(record)
        assert store.sessions.list(SessionQuery(tag="old"))[0].id == 7


def test_a_database_from_a_newer_app_is_refused_and_left_alone(tmp_path):
    Store.open(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    with pytest.raises(StorageError, match="newer SDI Desktop"):
        Store.open(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name) == []


def test_migrations_are_numbered_in_order():
    assert [m.version for m in migrations.MIGRATIONS] == list(
        range(1, len(migrations.MIGRATIONS) + 1)
    )
