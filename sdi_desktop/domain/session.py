"""A practice session: its title, problem, format, clock, checklist and opened hints."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from sdi_desktop.domain.clock import SessionClock, TimeSource
from sdi_desktop.domain.events import Event
from sdi_desktop.domain.formats import InterviewFormat, standard
from sdi_desktop.domain.phases import PHASES, phase_index

if TYPE_CHECKING:  # imported when used: start-up needs neither (the model needs pydantic)
    from sdi_desktop.domain.hints import HintRecord
    from sdi_desktop.domain.problems.model import Problem

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
    """One mock interview in progress (or finished).

    ``problem`` is the library problem practised, if any; ``prompt`` is what the
    interviewer said: the problem's prompt, or the user's own text without one.
    """

    def __init__(
        self,
        title: str = DEFAULT_TITLE,
        fmt: InterviewFormat | None = None,
        now: TimeSource = time.monotonic,
        problem: Problem | None = None,
        prompt: str = "",
    ) -> None:
        self.title = title.strip() or DEFAULT_TITLE
        self.clock = SessionClock(fmt or standard(), now)
        self.checklist = Checklist()
        self.problem = problem
        self.prompt = (prompt.strip() or (problem.prompt if problem else "")).strip()
        self.hints_opened: list[HintRecord] = []
        self.hints_changed = Event()

    @property
    def format(self) -> InterviewFormat:
        return self.clock.format

    @property
    def current_phase_key(self) -> str:
        return PHASES[self.clock.current].key

    def hint_available(self, key: str) -> bool:
        """True when the session has a problem and its current phase is the hint's phase."""
        from sdi_desktop.domain.hints import hint

        return self.problem is not None and hint(key).phase == self.current_phase_key

    def hint_opened(self, key: str) -> bool:
        return any(record.key == key for record in self.hints_opened)

    def open_hint(self, key: str) -> HintRecord:
        """Reveal a hint in its phase and record it (once); ``HintNotAvailable`` otherwise."""
        from sdi_desktop.domain.hints import HintNotAvailable, HintRecord, hint

        wanted = hint(key)
        for record in self.hints_opened:
            if record.key == key:
                return record
        if self.problem is None:
            raise HintNotAvailable("this session has no library problem, so it has no hints")
        if wanted.phase != self.current_phase_key:
            raise HintNotAvailable(
                f"'{wanted.label}' can be revealed only in the "
                f"'{PHASES[phase_index(wanted.phase)].short_title}' phase"
            )
        record = HintRecord(key, wanted.phase, self.clock.total_elapsed())
        self.hints_opened.append(record)
        self.hints_changed.emit(record)
        return record
