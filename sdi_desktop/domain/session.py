"""A practice session: its title, format, clock and checklist progress."""

from __future__ import annotations

import time

from sdi_desktop.domain.clock import SessionClock, TimeSource
from sdi_desktop.domain.events import Event
from sdi_desktop.domain.formats import InterviewFormat, standard
from sdi_desktop.domain.phases import PHASES

DEFAULT_TITLE = "Practice session"


class Checklist:
    """Which checklist items are ticked, per phase key."""

    def __init__(self) -> None:
        self.checked: dict[str, set[int]] = {p.key: set() for p in PHASES}
        self.changed = Event()

    def is_checked(self, phase_key: str, item: int) -> bool:
        return item in self.checked.get(phase_key, set())

    def set_checked(self, phase_key: str, item: int, value: bool) -> None:
        items = self.checked.setdefault(phase_key, set())
        if (item in items) == value:
            return
        if value:
            items.add(item)
        else:
            items.discard(item)
        self.changed.emit(phase_key, item, value)

    def done_count(self, phase_key: str) -> int:
        return len(self.checked.get(phase_key, set()))

    def unchecked(self) -> list[tuple[str, int]]:
        """Every (phase key, item index) not ticked yet, in phase order."""
        return [
            (p.key, i)
            for p in PHASES
            for i in range(len(p.checklist))
            if not self.is_checked(p.key, i)
        ]

    def to_dict(self) -> dict[str, list[int]]:
        return {key: sorted(items) for key, items in self.checked.items()}

    @classmethod
    def from_dict(cls, data: dict[str, list[int]]) -> Checklist:
        checklist = cls()
        for key, items in data.items():
            checklist.checked[key] = {int(i) for i in items}
        return checklist


class InterviewSession:
    """One mock interview in progress (or finished)."""

    def __init__(
        self,
        title: str = DEFAULT_TITLE,
        fmt: InterviewFormat | None = None,
        now: TimeSource = time.monotonic,
    ) -> None:
        self.title = title.strip() or DEFAULT_TITLE
        self.clock = SessionClock(fmt or standard(), now)
        self.checklist = Checklist()

    @property
    def format(self) -> InterviewFormat:
        return self.clock.format
