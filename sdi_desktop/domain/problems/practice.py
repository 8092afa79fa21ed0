"""Practice history as the picker uses it, and "surprise me".

Storage fills the history later; until then it is an empty mapping.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import NamedTuple

from sdi_desktop.domain.problems.model import Problem


class PracticeRecord(NamedTuple):
    """How often a problem was practised and when last."""

    count: int = 0
    last: datetime | None = None


PracticeHistory = Mapping[str, PracticeRecord]


def pick_surprise(
    problems: Sequence[Problem],
    history: PracticeHistory | None = None,
    rng: random.Random | None = None,
) -> Problem | None:
    """A random problem never practised; if all were, the one practised least recently."""
    if not problems:
        return None
    history = history or {}
    rng = rng or random.Random()
    fresh = [p for p in problems if history.get(p.id, PracticeRecord()).count == 0]
    if fresh:
        return rng.choice(fresh)

    def last(problem: Problem) -> datetime:
        return history[problem.id].last or datetime.min

    oldest = min(last(p) for p in problems)
    return rng.choice([p for p in problems if last(p) == oldest])
