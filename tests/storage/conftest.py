"""Storage fixtures: a fresh store on a temporary directory and a fully filled record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sdi_desktop.domain.board.demo import url_shortener_board
from sdi_desktop.domain.formats import scaled
from sdi_desktop.domain.record import SessionRecord, Snapshot
from sdi_desktop.storage.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data") as store:
        yield store


def full_record(**changes) -> SessionRecord:
    """A session with every field set to something other than its default."""
    fmt = scaled(60)
    board = [e.to_dict() for e in url_shortener_board()]
    started = datetime(2026, 3, 14, 9, 30, 5, 250000, tzinfo=UTC)
    values = dict(
        title="URL shortener, second go",
        problem_id="url-shortener",
        problem_title="Design a URL shortener",
        prompt="Design a service like bit.ly: **shorten** and redirect.",
        format=fmt,
        clock={
            "format": fmt.to_dict(),
            "spent": [400.5, 1500.0, 1000.25, 0.0],
            "current": 3,
            "state": "paused",
        },
        checklist={"scope": [0, 2], "high_level": [1]},
        hints_opened=[{"key": "suggested_scale", "phase": "scope", "elapsed": 120.5}],
        notes={
            "requirements": "- shorten a URL\n- redirect in < 50 ms",
            "estimates": "100M URLs/day → 1,160 writes/s",
            "api": "`POST /urls` → 201",
            "data_model": "| code | url |\n|---|---|",
            "deep_dive": "Base62 of a counter range per node; Redis cache for hot codes.",
            "wrap_up": "",
        },
        board=board,
        tags=["mock", "caching"],
        status="finished",
        started_at=started,
        ended_at=datetime(2026, 3, 14, 10, 30, tzinfo=UTC),
        updated_at=datetime(2026, 3, 14, 10, 31, tzinfo=UTC),
        snapshots=[
            Snapshot(0, datetime(2026, 3, 14, 9, 37, tzinfo=UTC), board[:3], {"api": "v0"}),
            Snapshot(1, datetime(2026, 3, 14, 10, 2, tzinfo=UTC), board, {"api": "v1"}),
        ],
    )
    values.update(changes)
    return SessionRecord(**values)


@pytest.fixture
def record() -> SessionRecord:
    return full_record()
