"""Version 1 of the session exchange file (``sessions export --format json``), as pydantic
models. The board inside keeps the board file format and is checked by its own reader."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.record import STATUSES

FORMAT_NAME = "sdi-session"
VERSION = 1


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SnapshotV1(_Strict):
    phase_index: int = Field(ge=0, lt=len(PHASES))
    taken_at: datetime
    board: dict[str, Any]  # a board file (format, version, elements)
    notes: dict[str, str] = {}
    extras: dict[str, Any] = {}  # checked by domain/extras.py


class SessionFileV1(_Strict):
    format: Literal["sdi-session"]
    version: Literal[1]
    title: str
    problem_id: str | None = None
    problem_title: str = ""
    prompt: str = ""
    interview_format: dict[str, Any] | None = None  # InterviewFormat.to_dict()
    clock: dict[str, Any] = {}  # SessionClock.to_dict()
    checklist: dict[str, list[int]] = {}
    hints_opened: list[dict[str, Any]] = []
    notes: dict[str, str] = {}
    board: dict[str, Any]  # a board file (format, version, elements)
    tags: list[str] = []
    status: Literal[STATUSES]  # type: ignore[valid-type]
    started_at: datetime
    ended_at: datetime | None = None
    updated_at: datetime
    snapshots: list[SnapshotV1] = []
    # per-feature data (feature name -> JSON value), written only when there is some,
    # so a file without it reads in older versions too; checked by domain/extras.py
    extras: dict[str, Any] = {}
