"""A practice session as stored: plain data that storage saves and the ui restores.

The live objects (clock, checklist, board document, notes panes) turn into a
``SessionRecord`` for every save, and a record turns back into them on open.
Times are UTC ``datetime``s; ``None`` while unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sdi_desktop.domain.formats import InterviewFormat
from sdi_desktop.domain.panes import PANE_KEYS  # noqa: F401 (re-exported: the stored keys)
from sdi_desktop.domain.phases import PHASES

STATUSES = ("active", "finished")


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Snapshot:
    """The board (and notes) as they stood when a phase ended."""

    phase_index: int
    taken_at: datetime
    board: list[dict[str, Any]]  # board elements, as in the board file format
    notes: dict[str, str] = field(default_factory=dict)
    # feature name -> JSON-able data, for the features that ask to be snapshotted
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class SessionRecord:
    id: int | None = None
    title: str = "Practice session"
    problem_id: str | None = None
    problem_title: str = ""
    prompt: str = ""
    format: InterviewFormat | None = None
    clock: dict[str, Any] = field(default_factory=dict)  # SessionClock.to_dict()
    checklist: dict[str, list[int]] = field(default_factory=dict)
    hints_opened: list[dict[str, Any]] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # pane key -> Markdown
    board: list[dict[str, Any]] = field(default_factory=list)  # board elements
    tags: list[str] = field(default_factory=list)
    status: str = "active"
    started_at: datetime = field(default_factory=utcnow)
    ended_at: datetime | None = None
    updated_at: datetime = field(default_factory=utcnow)
    snapshots: list[Snapshot] = field(default_factory=list)
    # Per-feature data kept with the session: feature name (1-40 characters, e.g.
    # "estimation", "design_review", "follow_ups") -> JSON-able value. Keys this version
    # does not know are kept and written back untouched (see domain/extras.py).
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def phase_seconds(self) -> list[float]:
        """Time actually spent per phase (seconds)."""
        spent = self.clock.get("spent") or []
        return [float(s) for s in spent] + [0.0] * (len(PHASES) - len(spent))

    @property
    def total_seconds(self) -> float:
        return sum(self.phase_seconds)

    @property
    def budgets(self) -> tuple[float, ...]:
        fmt = self.format
        return fmt.budgets if fmt is not None else tuple(p.default_minutes * 60.0 for p in PHASES)
