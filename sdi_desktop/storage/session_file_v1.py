"""Version 1 of the session exchange file (``sessions export --format json``), as pydantic
models. The board inside keeps the board file format and is checked by its own reader."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.record import STATUSES

FORMAT_NAME = "sdi-session"
VERSION = 1


# Documented limits (docs/storage.md): what the app can hold and show without a stall.
MAX_TITLE = 500
MAX_PROMPT = 20_000
MAX_NOTE = 5_000_000  # characters per notes pane
MAX_TAGS = 50
MAX_TAG = 100
MAX_HINTS = 100
MAX_SNAPSHOTS = 16


def _sane_date(value: datetime) -> datetime:
    if not 1970 <= value.year <= 2999:
        raise ValueError("a date must fall between the years 1970 and 2999")
    return value


Date = Annotated[datetime, AfterValidator(_sane_date)]
Notes = Annotated[dict[str, Annotated[str, Field(max_length=MAX_NOTE)]], Field(max_length=6)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SnapshotV1(_Strict):
    phase_index: int = Field(ge=0, lt=len(PHASES))
    taken_at: Date
    board: dict[str, Any]  # a board file (format, version, elements)
    notes: Notes = {}


class SessionFileV1(_Strict):
    format: Literal["sdi-session"]
    version: Literal[1]
    title: Annotated[str, Field(max_length=MAX_TITLE)]
    problem_id: Annotated[str, Field(max_length=60)] | None = None
    problem_title: Annotated[str, Field(max_length=MAX_TITLE)] = ""
    prompt: Annotated[str, Field(max_length=MAX_PROMPT)] = ""
    interview_format: dict[str, Any] | None = None  # InterviewFormat.to_dict()
    clock: dict[str, Any] = {}  # SessionClock.to_dict()
    checklist: dict[
        str, Annotated[list[Annotated[int, Field(ge=0, lt=100)]], Field(max_length=100)]
    ] = {}
    hints_opened: Annotated[list[dict[str, Any]], Field(max_length=MAX_HINTS)] = []
    notes: Notes = {}
    board: dict[str, Any]  # a board file (format, version, elements)
    tags: Annotated[
        list[Annotated[str, StringConstraints(min_length=1, max_length=MAX_TAG)]],
        Field(max_length=MAX_TAGS),
    ] = []
    status: Literal[STATUSES]  # type: ignore[valid-type]
    started_at: Date
    ended_at: Date | None = None
    updated_at: Date
    snapshots: Annotated[list[SnapshotV1], Field(max_length=MAX_SNAPSHOTS)] = []
