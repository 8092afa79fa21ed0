"""The loaded problems, the files that were skipped, and searching among them."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from sdi_desktop.domain.problems.errors import ProblemError
from sdi_desktop.domain.problems.model import DIFFICULTIES, Problem


class ProblemOrigin(NamedTuple):
    """Where a problem came from: its file, the name messages use, and whose it is."""

    path: Path
    name: str
    user: bool


class ProblemLibrary:
    """Problems in load order, by id, with their origins and the errors met on the way."""

    def __init__(self) -> None:
        self._problems: dict[str, Problem] = {}
        self._origins: dict[str, ProblemOrigin] = {}
        self.errors: list[ProblemError] = []
        self._skipped: list[ProblemOrigin | None] = []

    def add(self, problem: Problem, origin: ProblemOrigin) -> None:
        self._problems[problem.id] = problem
        self._origins[problem.id] = origin

    def add_error(self, error: ProblemError, origin: ProblemOrigin | None = None) -> None:
        """Record a skipped file; ``origin`` says where it is, when it is a file."""
        self.errors.append(error)
        self._skipped.append(origin)

    def skipped_origin(self, index: int) -> ProblemOrigin | None:
        """Where the file of ``errors[index]`` is (None if unknown)."""
        return self._skipped[index]

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems.values())

    def __len__(self) -> int:
        return len(self._problems)

    def __contains__(self, problem_id: object) -> bool:
        return problem_id in self._problems

    def get(self, problem_id: str) -> Problem | None:
        return self._problems.get(problem_id)

    def origin(self, problem_id: str) -> ProblemOrigin | None:
        return self._origins.get(problem_id)

    def is_user(self, problem_id: str) -> bool:
        origin = self._origins.get(problem_id)
        return bool(origin and origin.user)

    def tags(self) -> list[str]:
        return sorted({tag for p in self._problems.values() for tag in p.tags})

    def sorted_problems(self) -> list[Problem]:
        """By difficulty (easy first), then title."""
        order = {d: i for i, d in enumerate(DIFFICULTIES)}
        return sorted(self._problems.values(), key=lambda p: (order[p.difficulty], p.title))

    def search(self, text: str = "", tag: str = "", difficulty: str = "") -> list[Problem]:
        """Problems whose id, title, prompt or tags hold every word of ``text``.

        ``tag`` and ``difficulty`` narrow the result when given (empty means any).
        """
        words = text.lower().split()
        found = []
        for problem in self.sorted_problems():
            if tag and tag not in problem.tags:
                continue
            if difficulty and problem.difficulty != difficulty:
                continue
            haystack = problem.search_text()
            if all(word in haystack for word in words):
                found.append(problem)
        return found
