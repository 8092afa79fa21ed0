"""The session clock: which phase is running and how long each one has taken.

Time is read from an injected ``now()`` callable (seconds, monotonic), so tests
drive the clock with a fake time source and never sleep.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable
from typing import NamedTuple

from sdi_desktop.domain.events import Event
from sdi_desktop.domain.formats import InterviewFormat
from sdi_desktop.domain.phases import PHASES

TimeSource = Callable[[], float]


class ClockState(enum.Enum):
    READY = "ready"  # not started yet
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class PhaseTime(NamedTuple):
    """A reading of one phase at one moment (seconds)."""

    index: int
    budget: float
    elapsed: float

    @property
    def remaining(self) -> float:
        """Negative once the phase runs over its budget."""
        return self.budget - self.elapsed

    @property
    def overtime(self) -> float:
        return max(0.0, self.elapsed - self.budget)

    @property
    def progress(self) -> float:
        """Elapsed as a fraction of the budget, capped at 1."""
        return min(1.0, self.elapsed / self.budget) if self.budget > 0 else 1.0


# A phase can run a long time (a clock left running over a holiday), but not forever:
# a stored time beyond this is damage, not practice.
MAX_PHASE_SECONDS = 366 * 86_400


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class SessionClock:
    """Start, pause, resume, move between phases; time is charged to the current phase.

    ``changed`` is emitted on every state change (not on the passing of time;
    the ui polls ``reading``-style accessors on its own timer).
    """

    def __init__(self, fmt: InterviewFormat, now: TimeSource = time.monotonic) -> None:
        self._format = fmt
        self._now = now
        self._spent = [0.0] * len(PHASES)
        self._current = 0
        self._state = ClockState.READY
        self._running_since: float | None = None
        self.changed = Event()

    # -- reading -------------------------------------------------------------
    @property
    def format(self) -> InterviewFormat:
        return self._format

    @property
    def state(self) -> ClockState:
        return self._state

    @property
    def current(self) -> int:
        return self._current

    @property
    def is_running(self) -> bool:
        return self._state is ClockState.RUNNING

    @property
    def phase_count(self) -> int:
        return len(self._spent)

    def elapsed(self, index: int | None = None) -> float:
        index = self._current if index is None else index
        spent = self._spent[index]
        if index == self._current and self._running_since is not None:
            spent += max(0.0, self._now() - self._running_since)
        return spent

    def budget(self, index: int | None = None) -> float:
        return self._format.budgets[self._current if index is None else index]

    def phase_time(self, index: int | None = None) -> PhaseTime:
        index = self._current if index is None else index
        return PhaseTime(index, self.budget(index), self.elapsed(index))

    def remaining(self, index: int | None = None) -> float:
        return self.phase_time(index).remaining

    def overtime(self, index: int | None = None) -> float:
        return self.phase_time(index).overtime

    def readings(self) -> list[PhaseTime]:
        return [self.phase_time(i) for i in range(self.phase_count)]

    def total_elapsed(self) -> float:
        return sum(self.elapsed(i) for i in range(self.phase_count))

    def total_budget(self) -> float:
        return sum(self._format.budgets)

    # -- control -------------------------------------------------------------
    def start(self) -> None:
        """Start (or resume) charging time to the current phase."""
        if self._state in (ClockState.RUNNING, ClockState.FINISHED):
            return
        self._running_since = self._now()
        self._state = ClockState.RUNNING
        self.changed.emit()

    resume = start

    def pause(self) -> None:
        if self._state is not ClockState.RUNNING:
            return
        self._bank()
        self._state = ClockState.PAUSED
        self.changed.emit()

    def toggle(self) -> None:
        """Start/pause, as the Space key does."""
        if self._state is ClockState.RUNNING:
            self.pause()
        else:
            self.start()

    def next_phase(self) -> bool:
        return self.jump_to(self._current + 1)

    def previous_phase(self) -> bool:
        return self.jump_to(self._current - 1)

    def jump_to(self, index: int) -> bool:
        """Make ``index`` the current phase; a running clock keeps running.

        Returns False (and changes nothing) for an index out of range, the
        current phase, or a finished session.
        """
        if not 0 <= index < self.phase_count or index == self._current:
            return False
        if self._state is ClockState.FINISHED:
            return False
        running = self._state is ClockState.RUNNING
        self._bank()
        self._current = index
        if running:
            self._running_since = self._now()
        self.changed.emit()
        return True

    def finish(self) -> None:
        if self._state is ClockState.FINISHED:
            return
        self._bank()
        self._state = ClockState.FINISHED
        self.changed.emit()

    def reopen(self) -> None:
        """Continue a finished session: it comes back paused, its times kept."""
        if self._state is ClockState.FINISHED:
            self._state = ClockState.PAUSED
            self.changed.emit()

    def _bank(self) -> None:
        """Move the running segment's time into the current phase's total."""
        if self._running_since is not None:
            self._spent[self._current] += max(0.0, self._now() - self._running_since)
            self._running_since = None

    # -- persistence -----------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain data, with any running segment banked into the totals."""
        return {
            "format": self._format.to_dict(),
            "spent": [self.elapsed(i) for i in range(self.phase_count)],
            "current": self._current,
            "state": (
                ClockState.PAUSED.value if self._state is ClockState.RUNNING else self._state.value
            ),
        }

    @classmethod
    def from_dict(cls, data: dict, now: TimeSource = time.monotonic) -> SessionClock:
        """Rebuild a clock; a clock saved while running comes back paused."""
        if not isinstance(data, dict):
            raise ValueError("a clock must be an object")
        clock = cls(InterviewFormat.from_dict(data.get("format")), now)
        spent = data.get("spent")
        if not isinstance(spent, list) or len(spent) != clock.phase_count:
            raise ValueError(f"spent: needs {clock.phase_count} phase times")
        for i, value in enumerate(spent):
            if not _is_number(value) or not 0 <= value <= MAX_PHASE_SECONDS:
                raise ValueError(
                    f"spent[{i}]: a phase time is 0 to {MAX_PHASE_SECONDS:,} seconds, "
                    f"not {value!r}"[:200]
                )
        current = data.get("current")
        if not isinstance(current, int) or isinstance(current, bool):
            raise ValueError("current: the current phase must be a whole number")
        if not 0 <= current < clock.phase_count:
            raise ValueError(f"current: the current phase is 0 to {clock.phase_count - 1}")
        try:
            state = ClockState(data.get("state"))
        except ValueError:
            states = ", ".join(s.value for s in ClockState)
            raise ValueError(f"state: must be one of {states}") from None
        clock._spent = [float(v) for v in spent]
        clock._current = current
        clock._state = state
        return clock


class OvertimeMonitor:
    """Reports each phase the first time it runs over its budget, and never again."""

    def __init__(self) -> None:
        self._cued: set[int] = set()

    def poll(self, clock: SessionClock) -> int | None:
        index = clock.current
        if index in self._cued or clock.state is ClockState.READY:
            return None
        if clock.elapsed(index) > clock.budget(index):
            self._cued.add(index)
            return index
        return None

    @property
    def cued(self) -> frozenset[int]:
        return frozenset(self._cued)


def format_countdown(seconds: float) -> str:
    """Time left, as a countdown shows it: 04:59 until a full second has gone by, so
    that time left plus time spent always make the budget. Past zero it shows the whole
    seconds of overtime, as the timeline's "+mm:ss over" does: 00:00 for the first
    second, then -00:01, -00:02..."""
    if seconds > 0:
        return format_duration(float(math.ceil(seconds - 1e-9)))
    over = int(-seconds + 1e-9)
    return f"-{format_duration(over)}" if over else format_duration(0)


def format_duration(seconds: float, signed: bool = False) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour); a minus sign for negative values.

    With ``signed`` a positive value gets a ``+`` (used for overtime).
    """
    sign = "-" if seconds < 0 else ("+" if signed and seconds > 0 else "")
    total = int(abs(seconds) + (0 if seconds >= 0 else 0.999))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"
