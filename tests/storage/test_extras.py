"""Per-feature session data (``SessionRecord.extras``): stored, migrated, exported, checked."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sdi_desktop.domain.extras import MAX_EXTRAS_BYTES, ExtrasError, check_extras
from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.storage import migrations
from sdi_desktop.storage.database import make_engine, writing
from sdi_desktop.storage.exchange import SessionFormatError, session_from_json, session_to_json
from sdi_desktop.storage.store import DB_NAME, Store
from tests.storage.conftest import full_record


def test_extras_and_snapshot_extras_round_trip_through_the_store(store):
    record = full_record()
    session_id = store.sessions.create(record)
    loaded = store.sessions.get(session_id)
    assert loaded.extras == record.extras
    assert loaded.snapshots[1].extras == {"estimation": {"dau": 100_000_000}}
    assert loaded.snapshots[0].extras == {}
    loaded.extras = {"estimation": {"dau": 5}}  # a feature dropped its other keys
    store.sessions.save(loaded)
    assert store.sessions.get(session_id).extras == {"estimation": {"dau": 5}}


def test_a_version_2_database_migrates_and_its_sessions_have_no_extras(tmp_path):
    engine = make_engine(tmp_path / DB_NAME)
    with writing(engine) as conn:
        assert migrations.upgrade(conn, target=2) == [1, 2]
    engine.dispose()
    board = json.dumps({"format": "sdi-board", "version": 1, "elements": []})
    conn = sqlite3.connect(tmp_path / DB_NAME)
    with conn:
        conn.execute(
            "INSERT INTO session VALUES (3, 'Old one', NULL, '', '', NULL, '{}', '{}', '[]', "
            "'active', '2025-05-01 10:00:00.000000', NULL, '2025-05-01 10:00:00.000000', "
            "NULL, '[0, 0, 0, 0]', '[300, 1200, 900, 300]', 0.0)"
        )
        conn.execute("INSERT INTO board VALUES (3, ?)", (board,))
        conn.execute(
            "INSERT INTO snapshot VALUES (1, 3, 0, '2025-05-01 10:05:00.000000', ?, '{}')",
            (board,),
        )
    conn.close()
    with Store.open(tmp_path) as store:
        assert store.schema_version >= 3  # later migrations run too
        record = store.sessions.get(3)
        assert record.title == "Old one"
        assert record.extras == {} and record.snapshots[0].extras == {}
        record.extras = {"design_review": {"dismissed": ["spof"]}}
        store.sessions.save(record)
        assert store.sessions.get(3).extras == {"design_review": {"dismissed": ["spof"]}}


def test_export_and_import_keep_extras_and_omit_them_when_empty():
    record = full_record()
    again = session_from_json(session_to_json(record))
    assert again.extras == record.extras
    assert again.snapshots[1].extras == record.snapshots[1].extras
    plain = json.loads(session_to_json(SessionRecord()))
    assert "extras" not in plain  # what older versions wrote, and can read


@pytest.mark.parametrize(
    ("extras", "message"),
    [
        ([1, 2], "extras: Input should be a valid dictionary"),
        ({"": 1}, "1-40 characters"),
        ({"k" * 41: 1}, "1-40 characters"),
        ({"big": "x" * MAX_EXTRAS_BYTES}, "at most 1,000,000 are allowed"),
    ],
)
def test_malformed_extras_in_a_session_file_name_the_problem(extras, message):
    data = json.loads(session_to_json(SessionRecord()))
    data["extras"] = extras
    with pytest.raises(SessionFormatError, match="extras") as caught:
        session_from_json(json.dumps(data))
    assert message in str(caught.value)


def test_extras_hold_json_values_only():
    with pytest.raises(ExtrasError, match="JSON values"):
        check_extras({"estimation": {1, 2}})
    with pytest.raises(ExtrasError, match="JSON values"):
        check_extras({"estimation": float("nan")})
