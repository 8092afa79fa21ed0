"""Interview formats: how many minutes each of the four phases gets."""

from __future__ import annotations

import math
from typing import NamedTuple

from sdi_desktop.domain.phases import PHASES

STANDARD_MINUTES = 45
PRESET_MINUTES: tuple[int, ...] = (35, 45, 60)
MAX_PHASE_MINUTES = 180


class FormatError(ValueError):
    """A format that cannot be run (wrong number of phases, non-positive budget...)."""


class _FormatFields(NamedTuple):
    name: str
    minutes: tuple[int, ...]


class InterviewFormat(_FormatFields):
    """Per-phase budgets in whole minutes, in phase order (validated, immutable)."""

    __slots__ = ()

    def __new__(cls, name: str, minutes: tuple[int, ...]) -> InterviewFormat:
        minutes = tuple(minutes)
        cls._validate(minutes)
        return super().__new__(cls, name, minutes)

    @staticmethod
    def _validate(minutes: tuple[int, ...]) -> None:
        if len(minutes) != len(PHASES):
            raise FormatError(f"a format needs {len(PHASES)} phase budgets, got {len(minutes)}")
        for phase, value in zip(PHASES, minutes, strict=True):
            if not isinstance(value, int) or isinstance(value, bool):
                raise FormatError(f"{phase.short_title}: budget must be whole minutes")
            if not 1 <= value <= MAX_PHASE_MINUTES:
                raise FormatError(
                    f"{phase.short_title}: budget must be 1 to {MAX_PHASE_MINUTES} minutes, "
                    f"got {value}"
                )

    @property
    def budgets(self) -> tuple[float, ...]:
        """Budgets in seconds, the unit the clock counts in."""
        return tuple(m * 60.0 for m in self.minutes)

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes)

    @property
    def is_custom(self) -> bool:
        return self.name == "custom"

    def to_dict(self) -> dict:
        return {"name": self.name, "minutes": list(self.minutes)}

    @classmethod
    def from_dict(cls, data: dict) -> InterviewFormat:
        if not isinstance(data, dict) or not isinstance(data.get("minutes"), list | tuple):
            raise FormatError("not a valid format: needs a name and a list of minutes")
        name = data.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 40:
            raise FormatError("not a valid format: its name must be text of 1 to 40 characters")
        # whole minutes only: 1e999, NaN or 5.5 are refused, not rounded
        return cls(name, tuple(data["minutes"]))


def standard() -> InterviewFormat:
    """The classic 45-minute interview: 5 / 20 / 15 / 5."""
    return scaled(STANDARD_MINUTES)


def scaled(total_minutes: int) -> InterviewFormat:
    """The standard split scaled to ``total_minutes`` in whole minutes.

    Uses the largest-remainder method so the phases add up to exactly the total;
    ties go to the longer phase (the design phases absorb rounding first).
    """
    if total_minutes < len(PHASES):
        raise FormatError(f"an interview needs at least {len(PHASES)} minutes")
    base = [p.default_minutes for p in PHASES]
    exact = [b * total_minutes / STANDARD_MINUTES for b in base]
    result = [max(1, math.floor(x)) for x in exact]
    order = sorted(range(len(base)), key=lambda i: (-(exact[i] - math.floor(exact[i])), -base[i]))
    i = 0
    while sum(result) < total_minutes:
        result[order[i % len(order)]] += 1
        i += 1
    return InterviewFormat(f"{total_minutes} min", tuple(result))


def custom(minutes: list[int] | tuple[int, ...]) -> InterviewFormat:
    return InterviewFormat("custom", tuple(minutes))


def presets() -> list[InterviewFormat]:
    return [scaled(m) for m in PRESET_MINUTES]
