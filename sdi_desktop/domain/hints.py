"""Hints a problem offers during a session, and the phase each one belongs to.

Each hint can be revealed only in its own phase; the session records which were
opened, when, and in which phase. No pydantic here: the main window imports it.
"""

from __future__ import annotations

from typing import NamedTuple


class Hint(NamedTuple):
    key: str
    label: str
    phase: str  # the key of the phase it may be revealed in


CLARIFYING_QUESTIONS = Hint("clarifying_questions", "Clarifying questions", "scope")
SUGGESTED_SCALE = Hint("suggested_scale", "Suggested scale", "scope")
DEEP_DIVE_TOPICS = Hint("deep_dive_topics", "Deep-dive topics", "deep_dive")

HINTS: tuple[Hint, ...] = (CLARIFYING_QUESTIONS, SUGGESTED_SCALE, DEEP_DIVE_TOPICS)
# Not offered by the hints panel: the reference answer seen before the end of the attempt
# (see domain/reference/reveal.py); recorded in the same list.
REFERENCE_ANSWER = Hint("reference", "Reference answer (before the end)", "any")


def hint(key: str) -> Hint:
    """The hint with this key; ``KeyError`` if there is none."""
    for candidate in HINTS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


class HintNotAvailable(Exception):
    """Raised when a hint is asked for outside its phase, or without a problem."""


class HintRecord(NamedTuple):
    """One revealed hint: which, in which phase, and how far into the session (seconds)."""

    key: str
    phase: str
    elapsed: float

    def to_dict(self) -> dict[str, object]:
        return {"key": self.key, "phase": self.phase, "elapsed": round(self.elapsed, 1)}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> HintRecord:
        """A stored record, checked: a known hint, a known phase, a finite time."""
        from sdi_desktop.domain.phases import PHASES

        if not isinstance(data, dict):
            raise ValueError("a hint record must be an object")
        key, phase, elapsed = data.get("key"), data.get("phase"), data.get("elapsed")
        # not "in" a set alone: a list or an object in the file is unhashable
        if not isinstance(key, str) or key not in {h.key for h in (*HINTS, REFERENCE_ANSWER)}:
            raise ValueError(f"key: {str(key)[:60]!r} is not a hint this app knows")
        if not isinstance(phase, str) or phase not in {p.key for p in PHASES}:
            raise ValueError(f"phase: {str(phase)[:60]!r} is not a phase")
        if (
            not isinstance(elapsed, int | float)
            or isinstance(elapsed, bool)
            or not 0 <= elapsed <= 10**9
        ):
            raise ValueError("elapsed: must be a number of seconds, 0 or more")
        return cls(key, phase, float(elapsed))
