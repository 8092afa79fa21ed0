"""The benchmark's ``seed_sessions`` (reused by the library benchmarks) makes sessions the
repository reads back whole, searchable and listed."""

from __future__ import annotations

import sys
from pathlib import Path

from sdi_desktop.storage.queries import SessionQuery

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from library_storage import seed_sessions


def test_seeded_sessions_are_complete(store):
    ids = seed_sessions(store, 60)
    assert len(ids) == 60
    summaries = store.sessions.list()
    assert sorted(s.id for s in summaries) == ids
    record = store.sessions.get(ids[5])
    assert record.problem_id and record.format is not None and record.board
    assert set(record.notes) == {
        "requirements",
        "estimates",
        "api",
        "data_model",
        "deep_dive",
        "wrap_up",
    }
    word = record.notes["api"].split()[1]
    assert ids[5] in [s.id for s in store.sessions.list(SessionQuery(text=word))]
    assert seed_sessions(store, 3) == [ids[-1] + 1, ids[-1] + 2, ids[-1] + 3]
