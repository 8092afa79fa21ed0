"""Sessions as files: versioned JSON (export and import) and a Markdown write-up.

Pure text in, text out: no database and no Qt. Reading parses the JSON, checks the
file's format name and version, validates it with the pydantic model of that version
and the board reader, and only then builds a ``SessionRecord``; every failure is a
``SessionFormatError`` whose one-line message names the field at fault.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sdi_desktop.domain.board.file_format import BoardFormatError, from_data
from sdi_desktop.domain.clock import SessionClock, format_duration
from sdi_desktop.domain.formats import FormatError, InterviewFormat
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.record import PANE_KEYS, SessionRecord, Snapshot
from sdi_desktop.storage.codec import board_to_json

FORMAT_NAME = "sdi-session"
CURRENT_VERSION = 1
PANE_TITLES = dict(
    zip(
        PANE_KEYS,
        ("Requirements", "Estimates", "API", "Data model", "Deep dive", "Wrap-up"),
        strict=True,
    )
)


class SessionFormatError(ValueError):
    """A session file that cannot be imported; the message names the field at fault."""


# -- JSON --------------------------------------------------------------------------------
def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def session_to_json(record: SessionRecord, indent: int | None = 2) -> str:
    data = {
        "format": FORMAT_NAME,
        "version": CURRENT_VERSION,
        "title": record.title,
        "problem_id": record.problem_id,
        "problem_title": record.problem_title,
        "prompt": record.prompt,
        "interview_format": None if record.format is None else record.format.to_dict(),
        "clock": record.clock,
        "checklist": record.checklist,
        "hints_opened": record.hints_opened,
        "notes": record.notes,
        "board": json.loads(board_to_json(record.board)),
        "tags": record.tags,
        "status": record.status,
        "started_at": _time(record.started_at),
        "ended_at": _time(record.ended_at),
        "updated_at": _time(record.updated_at),
        "snapshots": [
            {
                "phase_index": s.phase_index,
                "taken_at": _time(s.taken_at),
                "board": json.loads(board_to_json(s.board)),
                "notes": s.notes,
            }
            for s in record.snapshots
        ],
    }
    return json.dumps(data, indent=indent, ensure_ascii=False)


def session_from_json(text: str | bytes) -> SessionRecord:
    """A new record (no id) from an exported session; ``SessionFormatError`` if invalid."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SessionFormatError(f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise SessionFormatError("a session file must be a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise SessionFormatError(
            f"format: must be {FORMAT_NAME!r}, found {data.get('format')!r} "
            "(is this a file from 'sessions export --format json'?)"
        )
    if data.get("version") != CURRENT_VERSION:
        raise SessionFormatError(
            f"version: session file version {data.get('version')!r} is not supported "
            f"(this app reads {CURRENT_VERSION}); a newer SDI Desktop may have written it"
        )
    return _read_v1(data)


def _read_v1(data: dict[str, Any]) -> SessionRecord:
    from pydantic import ValidationError

    from sdi_desktop.storage.session_file_v1 import SessionFileV1

    try:
        file = SessionFileV1.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SessionFormatError(f"{_where(first['loc'])}: {first['msg']}") from None
    fmt = None
    if file.interview_format is not None:
        try:
            fmt = InterviewFormat.from_dict(file.interview_format)
        except FormatError as exc:
            raise SessionFormatError(f"interview_format: {exc}") from None
    if file.clock:
        try:
            SessionClock.from_dict(file.clock)
        except (KeyError, TypeError, ValueError) as exc:
            raise SessionFormatError(f"clock: not a valid clock ({exc})") from None
    return SessionRecord(
        title=file.title,
        problem_id=file.problem_id,
        problem_title=file.problem_title,
        prompt=file.prompt,
        format=fmt,
        clock=file.clock,
        checklist=file.checklist,
        hints_opened=file.hints_opened,
        notes=file.notes,
        board=_board("board", file.board),
        tags=file.tags,
        status=file.status,
        started_at=_utc(file.started_at),
        ended_at=None if file.ended_at is None else _utc(file.ended_at),
        updated_at=_utc(file.updated_at),
        snapshots=[
            Snapshot(
                phase_index=s.phase_index,
                taken_at=_utc(s.taken_at),
                board=_board(f"snapshots[{i}].board", s.board),
                notes=s.notes,
            )
            for i, s in enumerate(file.snapshots)
        ],
    )


def _board(where: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        elements = from_data(data)
    except BoardFormatError as exc:
        raise SessionFormatError(f"{where}: {exc}") from None
    return [e.to_dict() for e in elements]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)


def _where(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "session"


# -- Markdown ------------------------------------------------------------------------------
def session_to_markdown(record: SessionRecord, board_image: str | None = None) -> str:
    """The whole session as a write-up: problem, phase times, every pane, the board."""
    lines = [f"# {record.title}", ""]
    problem = record.problem_title or "(no problem chosen)"
    if record.problem_id:
        problem += f" (`{record.problem_id}`)"
    facts = [
        f"- **Problem:** {problem}",
        f"- **Date:** {record.started_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC",
    ]
    if record.format is not None:
        minutes = " / ".join(str(m) for m in record.format.minutes)
        facts.append(f"- **Format:** {record.format.name} ({minutes} min)")
    facts.append(f"- **Status:** {record.status}")
    if record.tags:
        facts.append(f"- **Tags:** {', '.join(record.tags)}")
    lines += [*facts, ""]
    if record.prompt.strip():
        lines += ["## Prompt", "", *(f"> {line}" for line in record.prompt.splitlines()), ""]
    lines += ["## Phase times", "", *_phase_table(record), ""]
    lines += ["## Notes", ""]
    for key in PANE_KEYS:
        body = record.notes.get(key, "").strip()
        lines += [f"### {PANE_TITLES[key]}", "", body or "(empty)", ""]
    mermaid = _board_as_mermaid(record.board)
    if board_image is not None or mermaid:
        lines += ["## Whiteboard", ""]
        if board_image is not None:
            lines += [f"![Whiteboard]({board_image})", ""]
        lines += mermaid
    return "\n".join(lines)


def _board_as_mermaid(board: list[dict[str, Any]]) -> list[str]:
    """The board's components and connectors as a Mermaid block (none for an empty board)."""
    from sdi_desktop.domain.interop.mermaid_export import to_mermaid

    elements = from_data(json.loads(board_to_json(board)))
    if not any(e.TYPE == "component" for e in elements):
        return []
    return ["```mermaid", to_mermaid(elements).rstrip("\n"), "```", ""]


def _phase_table(record: SessionRecord) -> list[str]:
    rows = ["| Phase | Spent | Budget | Over budget |", "| --- | ---: | ---: | ---: |"]
    spent, budgets = record.phase_seconds, record.budgets
    for phase, used, budget in zip(PHASES, spent, budgets, strict=False):
        over = f"**{format_duration(used - budget, signed=True)}**" if used > budget else ""
        rows.append(
            f"| {phase.short_title} | {format_duration(used)} | {format_duration(budget)} "
            f"| {over} |"
        )
    total, total_budget = sum(spent), sum(budgets)
    over = (
        f"**{format_duration(total - total_budget, signed=True)}**" if total > total_budget else ""
    )
    rows.append(
        f"| **Total** | {format_duration(total)} | {format_duration(total_budget)} | {over} |"
    )
    return rows
