"""What the checks read besides the board: the notes, the problem, optional figures.

Figures (rates derived from the estimation panel, or a reference answer's numbers)
are optional: a rule that needs one it does not get simply does not fire.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from sdi_desktop.domain.checks.board_view import BoardView


@dataclass(frozen=True)
class ProblemInfo:
    id: str | None = None
    title: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class DesignFigures:
    """Derived estimation figures, per second; ``None`` where not known."""

    avg_read_per_s: float | None = None
    avg_write_per_s: float | None = None
    peak_read_per_s: float | None = None
    peak_write_per_s: float | None = None
    read_write_ratio: float | None = None  # reads per write

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DesignFigures:
        """The fields found in ``data`` (finite, non-negative numbers); the rest ignored."""
        values: dict[str, float] = {}
        for f in fields(cls):
            value = data.get(f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            if math.isfinite(value) and value >= 0:
                values[f.name] = float(value)
        return cls(**values)

    @property
    def reads_per_write(self) -> float | None:
        if self.read_write_ratio is not None:
            return self.read_write_ratio
        for reads, writes in (
            (self.peak_read_per_s, self.peak_write_per_s),
            (self.avg_read_per_s, self.avg_write_per_s),
        ):
            if reads is not None and writes:
                return reads / writes
        return None

    @property
    def write_per_s(self) -> float | None:
        return self.peak_write_per_s if self.peak_write_per_s is not None else self.avg_write_per_s


@dataclass(frozen=True)
class CheckInput:
    board: BoardView
    notes: Mapping[str, str] = field(default_factory=dict)  # pane key -> Markdown
    problem: ProblemInfo | None = None
    figures: DesignFigures | None = None

    def pane(self, key: str) -> str:
        text = self.notes.get(key, "")
        return text if isinstance(text, str) else ""
