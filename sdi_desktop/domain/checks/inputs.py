"""What the checks read besides the board: the notes, the problem, optional figures.

Figures are the rates of the session's own estimate (the estimation calculator's
results, stored as ``extras["estimation"]``; ``DesignFigures.from_estimate``). They are
optional: a rule that needs one it does not get simply does not fire.
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
    def from_estimate(cls, figures: Mapping[str, float]) -> DesignFigures | None:
        """The rates among an estimate's derived figures (``EstimationState.figures()``:
        per second, base units); ``None`` when it gives none (nothing estimated yet)."""
        rates = {mine: figures[theirs] for mine, theirs in _ESTIMATED.items() if theirs in figures}
        return cls.from_dict(rates) if rates else None

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


# DesignFigures field -> the estimation calculator's result row (domain/estimation)
_ESTIMATED = {
    "avg_read_per_s": "read_rate",
    "avg_write_per_s": "write_rate",
    "peak_read_per_s": "peak_read_rate",
    "peak_write_per_s": "peak_write_rate",
}


@dataclass(frozen=True)
class CheckInput:
    board: BoardView
    notes: Mapping[str, str] = field(default_factory=dict)  # pane key -> Markdown
    problem: ProblemInfo | None = None
    figures: DesignFigures | None = None

    def pane(self, key: str) -> str:
        text = self.notes.get(key, "")
        return text if isinstance(text, str) else ""
