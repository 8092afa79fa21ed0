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

from sdi_desktop.domain.board import file_format
from sdi_desktop.domain.clock import SessionClock, format_duration
from sdi_desktop.domain.extras import ExtrasError, check_extras
from sdi_desktop.domain.formats import FormatError, InterviewFormat
from sdi_desktop.domain.hints import HintRecord
from sdi_desktop.domain.panes import PANE_KEYS, PANE_TITLES
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.record import SessionRecord, Snapshot

FORMAT_NAME = "sdi-session"
CURRENT_VERSION = 1


MAX_FILE_BYTES = 64_000_000
MAX_DEPTH = 40  # a session file nests about 8 levels deep
MAX_TEXT = 10_000  # characters in one board label, note, text or zone title
MAX_INT = 2**63


class SessionFormatError(ValueError):
    """A session file that cannot be imported; the message names the field at fault."""


def _refuse_constant(name: str) -> None:
    raise SessionFormatError(f"{name} is not a number a session can hold")


def _check_plain(value: Any, where: str, depth: int) -> None:
    """What no schema says: bounded nesting, text that can be stored, numbers in range."""
    if depth > MAX_DEPTH:
        raise SessionFormatError(f"{where}: nested too deeply to be a session file")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, where)
            _check_plain(item, f"{where}.{key}" if depth else key, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_plain(item, f"{where}[{i}]", depth + 1)
    elif isinstance(value, str):
        _check_text(value, where)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_INT:
        raise SessionFormatError(f"{where}: the number is too large")


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise SessionFormatError(
            f"{where}: the text holds a lone surrogate (\\ud800-\\udfff), which is not a character"
        ) from None


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
        "board": file_format.wrap_plain(record.board),
        "tags": record.tags,
        "status": record.status,
        "started_at": _time(record.started_at),
        "ended_at": _time(record.ended_at),
        "updated_at": _time(record.updated_at),
        "snapshots": [
            {
                "phase_index": s.phase_index,
                "taken_at": _time(s.taken_at),
                "board": file_format.wrap_plain(s.board),
                "notes": s.notes,
            }
            for s in record.snapshots
        ],
    }
    # Extras only when there are some: a file without them is what older versions wrote.
    for snapshot, written in zip(record.snapshots, data["snapshots"], strict=True):
        if snapshot.extras:
            written["extras"] = snapshot.extras
    if record.extras:
        data["extras"] = record.extras
    return json.dumps(data, indent=indent, ensure_ascii=False)


def session_from_json(text: str | bytes) -> SessionRecord:
    """A new record (no id) from an exported session; ``SessionFormatError`` if invalid."""
    if len(text) > MAX_FILE_BYTES:
        raise SessionFormatError(
            f"the file holds {len(text) / 1e6:.0f} MB; a session file is at most "
            f"{MAX_FILE_BYTES // 1_000_000} MB"
        )
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise SessionFormatError("the JSON is nested too deeply to be a session file") from None
    except ValueError as exc:  # bad JSON or UTF-8, an integer of thousands of digits
        raise SessionFormatError(f"not valid JSON: {str(exc)[:200]}") from None
    _check_plain(data, "session", 0)
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
    _extras("extras", file.extras)
    for i, s in enumerate(file.snapshots):
        _extras(f"snapshots[{i}].extras", s.extras)
    if file.clock:
        try:
            SessionClock.from_dict(file.clock)
        except (KeyError, TypeError, ValueError) as exc:
            raise SessionFormatError(f"clock: not a valid clock ({exc})") from None
    for i, hint in enumerate(file.hints_opened):
        try:
            HintRecord.from_dict(hint)
        except ValueError as exc:
            raise SessionFormatError(f"hints_opened[{i}].{exc}") from None
    phase_keys = {p.key for p in PHASES}
    for key in file.checklist:
        if key not in phase_keys:
            raise SessionFormatError(f"checklist.{key[:40]}: not a phase")
    for where, notes in [("notes", file.notes)] + [
        (f"snapshots[{i}].notes", s.notes) for i, s in enumerate(file.snapshots)
    ]:
        for key in notes:
            if key not in PANE_KEYS:
                raise SessionFormatError(f"{where}.{key[:40]}: not a notes pane")
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
                extras=s.extras,
            )
            for i, s in enumerate(file.snapshots)
        ],
        extras=file.extras,
    )


def _extras(where: str, extras: dict[str, Any]) -> None:
    try:
        check_extras(extras)
    except ExtrasError as exc:
        raise SessionFormatError(f"{where}: {exc}") from None


def _board(where: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        plain = file_format.read_plain(data)
    except file_format.BoardFormatError as exc:
        raise SessionFormatError(f"{where}: {exc}") from None
    for i, item in enumerate(plain):
        for field in ("label", "note", "text", "title"):
            if len(item.get(field, "")) > MAX_TEXT:
                raise SessionFormatError(
                    f"{where}.elements[{i}].{field}: longer than {MAX_TEXT:,} characters"
                )
    return plain


def _utc(value: datetime) -> datetime:
    try:
        return value.replace(tzinfo=UTC) if value.utcoffset() is None else value.astimezone(UTC)
    except OverflowError:
        raise SessionFormatError(f"{value.isoformat()}: not a date this app can hold") from None


def _where(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "session"


# -- Markdown ------------------------------------------------------------------------------
def session_to_markdown(
    record: SessionRecord,
    board_image: str | None = None,
    appendix: str = "",
    assessment: dict | None = None,
) -> str:
    """The whole session as a write-up: problem, phase times, every pane (its headings
    under the pane's own), the board, the self-assessment (``assessment``: the stored
    form, as ``SessionRepository.get_assessment`` returns it) and ``appendix`` (Markdown,
    e.g. the comparison with the reference answer) at the end."""
    from sdi_desktop.domain.facts import describe, session_facts
    from sdi_desktop.domain.rubric import Assessment, AssessmentError
    from sdi_desktop.domain.writeup import assessment_markdown, demote_headings

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
        body = demote_headings(record.notes.get(key, "").strip(), under=3)
        lines += [f"### {PANE_TITLES[key]}", "", body or "(empty)", ""]
    mermaid = _board_as_mermaid(record.board)
    if board_image is not None or mermaid:
        lines += ["## Whiteboard", ""]
        if board_image is not None:
            lines += [f"![Whiteboard]({board_image})", ""]
        lines += mermaid
    try:
        scored = Assessment.from_dict(assessment) if assessment else None
    except AssessmentError:
        scored = None
    lines += assessment_markdown(scored, describe(session_facts(record)))
    if appendix.strip():
        lines += [appendix.strip(), ""]
    return "\n".join(lines)


def _board_as_mermaid(board: list[dict[str, Any]]) -> list[str]:
    """The board's components and connectors as a Mermaid block (none for an empty board)."""
    from sdi_desktop.domain.interop.mermaid_export import to_mermaid

    elements = file_format.from_plain(board)
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
