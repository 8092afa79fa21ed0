"""Between a ``SessionRecord`` and row values: JSON columns and UTC times."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sdi_desktop.domain.board.file_format import FORMAT_NAME, version_for
from sdi_desktop.domain.formats import InterviewFormat
from sdi_desktop.domain.record import SessionRecord, Snapshot


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_db_time(value: datetime | None) -> datetime | None:
    """An aware time for a DATETIME column (a naive one is taken as UTC already).

    SQLModel's column type stores it as UTC text and returns it aware.
    """
    if value is None or value.utcoffset() is not None:
        return value
    return value.replace(tzinfo=UTC)


def from_db_time(value: datetime | str | None) -> datetime | None:
    """UTC-aware, also for the raw text an aggregate such as max() returns."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is None or value.utcoffset() is not None:
        return value
    return value.replace(tzinfo=UTC)


def board_to_json(elements: list[dict[str, Any]]) -> str:
    """Board elements as a board file (format name and version), as stored."""
    return dumps({"format": FORMAT_NAME, "version": version_for(elements), "elements": elements})


def board_from_json(text: str) -> list[dict[str, Any]]:
    return json.loads(text)["elements"]


def session_values(record: SessionRecord) -> dict[str, Any]:
    """The ``session`` row of a record (everything but id, notes, board, tags, snapshots)."""
    return {
        "title": record.title,
        "problem_id": record.problem_id,
        "problem_title": record.problem_title,
        "prompt": record.prompt,
        "format_json": None if record.format is None else dumps(record.format.to_dict()),
        "clock_json": dumps(record.clock),
        "checklist_json": dumps(record.checklist),
        "hints_json": dumps(record.hints_opened),
        "status": record.status,
        "started_at": to_db_time(record.started_at),
        "ended_at": to_db_time(record.ended_at),
        "updated_at": to_db_time(record.updated_at),
        # the library's copy, to the millisecond (clock_json keeps the exact figures)
        "phase_seconds_json": dumps([round(s, 3) for s in record.phase_seconds]),
        "budgets_json": dumps(list(record.budgets)),
        "total_seconds": record.total_seconds,
    }


def record_from_row(row: Any) -> SessionRecord:
    """A record from a ``session`` row (notes, board, tags, snapshots added by the caller)."""
    return SessionRecord(
        id=row.id,
        title=row.title,
        problem_id=row.problem_id,
        problem_title=row.problem_title,
        prompt=row.prompt,
        format=None
        if row.format_json is None
        else InterviewFormat.from_dict(json.loads(row.format_json)),
        clock=json.loads(row.clock_json),
        checklist=json.loads(row.checklist_json),
        hints_opened=json.loads(row.hints_json),
        status=row.status,
        started_at=from_db_time(row.started_at),
        ended_at=from_db_time(row.ended_at),
        updated_at=from_db_time(row.updated_at),
    )


def snapshot_values(session_id: int, snapshot: Snapshot) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "phase_index": snapshot.phase_index,
        "taken_at": to_db_time(snapshot.taken_at),
        "board_json": board_to_json(snapshot.board),
        "notes_json": dumps(snapshot.notes),
    }


def snapshot_from_row(row: Any) -> Snapshot:
    return Snapshot(
        phase_index=row.phase_index,
        taken_at=from_db_time(row.taken_at),
        board=board_from_json(row.board_json),
        notes=json.loads(row.notes_json),
    )
