"""An assessment per assessor (migration 4): the interviewer's rubric beside the
candidate's own; a version-3 database upgrades with its self-assessment intact."""

from __future__ import annotations

import sqlite3

import pytest

from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.storage import assessors, migrations
from sdi_desktop.storage.database import make_engine, writing
from sdi_desktop.storage.errors import SessionNotFound
from sdi_desktop.storage.store import DB_NAME, Store

FEEDBACK = {
    "facts": "Asked about read/write ratio at 03:10; no cache until prompted.",
    "scores": {"scoping": 3, "deep_dive": 2},
    "notes": {"deep_dive": "One option only for the hot keys."},
}


def test_interviewer_assessment_is_stored_beside_the_self_assessment(tmp_path):
    with Store.open(tmp_path) as store:
        sid = store.sessions.create(SessionRecord(title="Mock"))
        store.sessions.save_assessment(sid, {"scores": {"scoping": 4}, "note": "fine"})
        store.sessions.save_assessor_assessment(sid, "Ada", FEEDBACK)
        store.sessions.save_assessor_assessment(sid, "Ada", {**FEEDBACK, "facts": "edited"})
    with Store.open(tmp_path) as store:  # a restart
        own = store.sessions.get_assessment(sid)
        others = store.sessions.assessments_by_others(sid)
        assert own["scores"] == {"scoping": 4}
        assert list(others) == ["Ada"]
        assert others["Ada"]["facts"] == "edited"
        assert others["Ada"]["scores"] == {"scoping": 3, "deep_dive": 2}
        assert others["Ada"]["notes"]["deep_dive"].startswith("One option")
        assert assessors.assessed_by(store.sessions._engine, "Ada") == {sid}
        with pytest.raises(SessionNotFound):
            store.sessions.save_assessor_assessment(999, "Ada", FEEDBACK)
        with pytest.raises(ValueError):
            store.sessions.save_assessor_assessment(sid, "self", FEEDBACK)


def test_a_version_3_database_upgrades_and_keeps_its_self_assessment(tmp_path):
    engine = make_engine(tmp_path / DB_NAME)
    with writing(engine) as conn:
        assert migrations.upgrade(conn, target=3) == [1, 2, 3]
    engine.dispose()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    with conn:  # a session, its self-assessment and its extras, as version 3 wrote them
        conn.execute(
            "INSERT INTO session VALUES (3, 'Old one', NULL, '', '', NULL, '{}', '{}', '[]', "
            "'finished', '2025-05-01 10:00:00.000000', NULL, '2025-05-01 10:00:00.000000', "
            "NULL, '[0, 0, 0, 0]', '[300, 1200, 900, 300]', 0.0)"
        )
        conn.execute(
            "INSERT INTO assessment VALUES (3, 1, '{\"time\": 2}', '[]', 'ok', "
            "'2025-05-01 10:50:00.000000')"
        )
        conn.execute("INSERT INTO extra VALUES (3, 'follow_ups', '{\"asked\": []}')")
    conn.close()
    with Store.open(tmp_path) as store:  # migration 4 runs here
        assert store.schema_version == 4 == migrations.LATEST
        record = store.sessions.get(3)
        assert record.title == "Old one" and record.extras == {"follow_ups": {"asked": []}}
        assert store.sessions.get_assessment(3)["scores"] == {"time": 2}
        assert store.sessions.assessments_by_others(3) == {}
        store.sessions.save_assessor_assessment(3, "Grace", FEEDBACK)
    with Store.open(tmp_path) as store:  # reopening applies nothing more
        assert store.sessions.get_assessment(3)["note"] == "ok"
        assert list(store.sessions.assessments_by_others(3)) == ["Grace"]


def test_sessions_export_md_includes_the_mock_and_both_assessments(tmp_path):
    from tests.storage.test_cli_sessions import cli

    data = tmp_path / "data"
    with Store.open(data) as store:
        record = SessionRecord(title="Mock: Ada")
        record.extras = {
            "mock": {
                "candidate": "Ada",
                "interviewer": "Grace",
                "entries": [
                    {
                        "kind": "remark",
                        "index": -1,
                        "text": "Cache came late",
                        "phase": 2,
                        "at": 1500.0,
                        "in_phase": 120.0,
                    }
                ],
            }
        }
        sid = store.sessions.create(record)
        store.sessions.save_assessment(sid, {"scores": {"scoping": 4, "deep_dive": 2}})
        store.sessions.save_assessor_assessment(sid, "Grace", FEEDBACK)
    out = tmp_path / "mock.md"
    done = cli(
        "sessions", "export", str(sid), "--format", "md", "-o", str(out), "--data-dir", str(data)
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "## Mock with a peer" in text and "Cache came late" in text
    assert "| **Scoping and requirements** (differs) | 4 | 3 |" in text
    assert "| Deep dive | 2 | 2 |" in text
    assert "**Grace, facts:** Asked about read/write ratio" in text
