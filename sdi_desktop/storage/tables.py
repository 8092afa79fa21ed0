"""The SQLModel tables: the schema that the latest migration produces.

A test compares these definitions with a database built by ``migrations``, so a
change here needs a new migration (and the other way round). JSON columns hold
small, plain values (the clock, the checklist, phase times); the large ones
(notes, the board) live in their own tables so that listing sessions never reads
them. Times are naive UTC ``datetime``s (SQLite has no time zones); the
repository attaches UTC on the way out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class SessionRow(SQLModel, table=True):
    __tablename__ = "session"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    problem_id: str | None = Field(default=None, index=True)
    problem_title: str
    prompt: str
    format_json: str | None = None  # InterviewFormat.to_dict(), or null
    clock_json: str  # SessionClock.to_dict()
    checklist_json: str
    hints_json: str
    status: str
    started_at: datetime = Field(index=True)
    ended_at: datetime | None = None
    updated_at: datetime
    trashed_at: datetime | None = None
    # Copies of figures held in clock_json, so that the library lists without parsing it.
    phase_seconds_json: str
    budgets_json: str
    total_seconds: float


class NoteRow(SQLModel, table=True):
    """One notes pane of one session (Markdown)."""

    __tablename__ = "note"

    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE", primary_key=True)
    pane: str = Field(primary_key=True)
    body: str


class BoardRow(SQLModel, table=True):
    """The whiteboard of one session, as board file format JSON."""

    __tablename__ = "board"

    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE", primary_key=True)
    board_json: str


class SnapshotRow(SQLModel, table=True):
    """The board and notes as they stood at the end of one phase (one row per phase)."""

    __tablename__ = "snapshot"
    __table_args__ = (UniqueConstraint("session_id", "phase_index"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE")
    phase_index: int
    taken_at: datetime
    board_json: str
    notes_json: str
    # the extras of the features that ask to be snapshotted (migration 3)
    extras_json: str = Field(default="{}", sa_column_kwargs={"server_default": "{}"})


class ExtraRow(SQLModel, table=True):
    """One feature's data kept with a session (``SessionRecord.extras[key]``, JSON)."""

    __tablename__ = "extra"

    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE", primary_key=True)
    key: str = Field(primary_key=True)
    value_json: str


class TagRow(SQLModel, table=True):
    __tablename__ = "tag"

    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE", primary_key=True)
    name: str = Field(primary_key=True, index=True)


class AssessmentRow(SQLModel, table=True):
    """The user's self-assessment of a session (one per session)."""

    __tablename__ = "assessment"

    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE", primary_key=True)
    rubric_version: int
    scores_json: str
    reviewer_points_json: str
    note: str
    updated_at: datetime


FTS_TABLE = "session_fts"  # FTS5 over title and notes, rowid = session id (migration 2)


class AssessorAssessmentRow(SQLModel, table=True):
    """An assessment of a session by someone other than its candidate (migration 4):
    in a mock with a peer, the interviewer's facts, scores and a note per competency."""

    __tablename__ = "assessor_assessment"

    session_id: int = Field(foreign_key="session.id", ondelete="CASCADE", primary_key=True)
    assessor: str = Field(primary_key=True, index=True)
    rubric_version: int
    facts: str
    scores_json: str
    notes_json: str
    updated_at: datetime
