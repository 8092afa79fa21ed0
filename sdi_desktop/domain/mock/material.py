"""What the interviewer holds for a problem, in one list per kind.

The scale figures come from a source that can be swapped: for now the problem's
``suggested_scale`` lines; a source that returns None hands over to the next one
(the estimation inputs of a problem will take the first place once problems have
them: ``SCALE_SOURCES.insert(0, estimation_figures)``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem


def suggested_scale_lines(problem: Problem) -> list[str] | None:
    scale = problem.suggested_scale
    return [
        f"Users: {scale.users}",
        f"Requests: {scale.requests}",
        f"Data: {scale.data}",
        *scale.notes,
    ]


SCALE_SOURCES: list[Callable[[Problem], list[str] | None]] = [suggested_scale_lines]


def scale_figures(problem: Problem) -> list[str]:
    for source in SCALE_SOURCES:
        figures = source(problem)
        if figures is not None:
            return list(figures)
    return []


def answers(problem: Problem) -> list[tuple[str, str]]:
    """(clarifying question, the interviewer's answer) pairs; [] without notes."""
    notes = problem.interviewer
    if notes is None:
        return []
    return list(zip(problem.clarifying_questions, notes.answers, strict=False))


def hint_ladder(problem: Problem) -> list[str]:
    return list(problem.interviewer.hints) if problem.interviewer else []


def opening(problem: Problem) -> str:
    return problem.interviewer.opening if problem.interviewer else problem.prompt


def follow_ups_by_phase(problem: Problem) -> dict[str, list[str]]:
    """The problem's follow-up questions as cards, by the phase they are asked in: they
    come once a design is on the board, the first half in Deep dive, the rest in
    Wrap-up (Scope and High-level have none)."""
    questions = list(problem.follow_up_questions)
    cards: dict[str, list[str]] = {"scope": [], "high_level": [], "deep_dive": [], "wrap_up": []}
    half = (len(questions) + 1) // 2
    for i, question in enumerate(questions):
        cards["deep_dive" if i < half else "wrap_up"].append(question)
    return cards


def text_of(item) -> str:
    """The item's own text (for the leak test and the log)."""
    return item if isinstance(item, str) else " ".join(item)


def secret_texts(problem: Problem) -> list[str]:
    """Every piece of interviewer material a candidate must not see unless handed over."""
    texts = [a for _q, a in answers(problem)] + hint_ladder(problem)
    texts += scale_figures(problem)
    return [t for t in texts if t]
