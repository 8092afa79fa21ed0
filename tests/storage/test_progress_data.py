"""Progress data from the store, the demo seeding command and ``sdi-desktop stats``."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sdi_desktop.demo.sessions import demo_records
from sdi_desktop.demo.sessions import main as demo_main
from sdi_desktop.domain.rubric import Assessment
from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record
from tests.storage.test_cli_sessions import cli


def test_progress_entries_carry_scores_and_problem_tags(store):
    assessed = store.sessions.create(full_record())
    plain = store.sessions.create(full_record(title="Chat", problem_id="chat", tags=["mock"]))
    store.sessions.create(full_record(title="Not started", clock={}))
    store.sessions.save_assessment(assessed, Assessment({"scoping": 3}, note="ok").to_dict())
    entries = {e.id: e for e in store.sessions.progress_entries({"chat": ["realtime"]})}
    assert set(entries) == {assessed, plain}
    assert entries[assessed].scores == {"scoping": 3}
    assert entries[plain].scores == {}
    assert entries[plain].tags == {"mock", "realtime"}
    assert entries[assessed].phase_seconds == (400.5, 1500.0, 1000.25, 0.0)
    assert entries[assessed].started_at.tzinfo is not None
    store.sessions.trash(plain)
    assert [e.id for e in store.sessions.progress_entries()] == [assessed]


def test_progress_entries_read_times_written_with_an_offset(store):
    """A start time stored by hand with its own offset still reads as the same moment."""
    from sqlalchemy import text

    from sdi_desktop.storage.database import writing

    first = store.sessions.create(full_record())
    written = {
        "2026-03-01 10:00:00+02:00": datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
        "2026-03-01T10:00:00Z": datetime(2026, 3, 1, 10, 0, tzinfo=UTC),
        "2026-03-01": datetime(2026, 3, 1, 0, 0, tzinfo=UTC),  # a bare date: midnight UTC
    }
    for stored, moment in written.items():  # one at a time, each beside a usual one
        session_id = store.sessions.create(full_record(title=stored))
        with writing(store.engine) as conn:
            conn.execute(
                text("UPDATE session SET started_at = :t WHERE id = :id"),
                {"t": stored, "id": session_id},
            )
        entries = {e.id: e for e in store.sessions.progress_entries()}
        assert entries[session_id].started_at.utcoffset() is not None, stored
        assert entries[session_id].started_at == moment, stored
        assert entries[first].started_at == full_record().started_at
        store.sessions.trash(session_id)


def test_assessment_round_trips_through_the_store(store):
    session_id = store.sessions.create(full_record())
    original = Assessment({"deep_dive": 2, "time": 4}, ["Explains the cache"], "Rushed")
    store.sessions.save_assessment(session_id, original.to_dict())
    assert Assessment.from_dict(store.sessions.get_assessment(session_id)) == original


def test_demo_records_are_finished_and_assessed_oldest_first():
    end = datetime(2026, 11, 24, 18, tzinfo=UTC)
    records = demo_records(30, end)
    starts = [r.started_at for r, _ in records]
    assert starts == sorted(starts) and starts[-1] < end
    for record, assessment in records:
        assert record.status == "finished" and len(record.snapshots) == 4
        assert Assessment.from_dict(assessment).scores
    assert demo_records(30, end)[5][0].title == records[5][0].title  # same seed, same data


def test_demo_command_needs_a_data_dir_and_fills_it(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit):
        demo_main(["--sessions", "3"])
    assert demo_main(["--data-dir", str(tmp_path / "demo"), "--sessions", "4"]) == 0
    with Store.open(tmp_path / "demo") as store:
        assert len(store.sessions.list()) == 4


def test_stats_command_prints_text_and_json(tmp_path):
    data_dir = tmp_path / "demo"
    assert demo_main(["--data-dir", str(data_dir), "--sessions", "12"]) == 0
    text = cli("stats", "--data-dir", str(data_dir))
    assert text.returncode == 0, text.stderr
    assert "Sessions: 12" in text.stdout
    assert "Scoping and requirements" in text.stdout and "Attempts per tag" in text.stdout
    as_json = cli("stats", "--json", "--data-dir", str(data_dir))
    data = json.loads(as_json.stdout)
    assert data["sessions"] == 12
    assert data["scores"]["scoping"]["assessed"] == 12
    assert len(data["phases"]) == 4
    assert sum(w["sessions"] for w in data["sessions_per_week"]) == 12
    assert sum(p["attempts"] for p in data["problems"]) == 12
    one = data["problems"][0]["id"]
    filtered = json.loads(
        cli("stats", "--json", "--problem", one, "--data-dir", str(data_dir)).stdout
    )
    assert filtered["sessions"] == data["problems"][0]["attempts"]


def test_stats_on_an_empty_database(tmp_path):
    result = cli("stats", "--json", "--data-dir", str(tmp_path / "empty"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sessions"] == 0


def test_stats_opens_no_qt(tmp_path):
    code = (
        "import sys\n"
        "from sdi_desktop.app import main\n"
        f"code = main(['stats', '--data-dir', {str(tmp_path / 'd')!r}])\n"
        "print('QT', any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules), code)\n"
    )
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "QT False 0" in out.stdout
