"""What the person playing the interviewer holds in a mock with a peer.

It is part of the problem file (the optional ``[interviewer]`` table, see
``docs/problem-format.md``) and never shown to the candidate unless the interviewer
hands it over: the answer to each clarifying question (in the order of
``clarifying_questions``), a hint ladder from a gentle nudge to a direct pointer,
and how the interviewer may open. The scale figures to hand out come from the
problem's estimation inputs, so each figure has one source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class InterviewerNotes(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    # The prompt as the interviewer says it aloud (often a little vaguer than written).
    opening: Text
    # One answer per clarifying question, in the same order.
    answers: Annotated[list[Text], Field(min_length=1, max_length=20)]
    # Hints from gentle to direct; the interviewer gives them one at a time.
    hints: Annotated[list[Text], Field(min_length=3, max_length=6)]


def interviewer_errors(problem: Problem) -> list[tuple[str, str]]:
    """What is wrong with the interviewer's notes beyond their schema: ``(field, message)``."""
    notes = problem.interviewer
    if notes is None:
        return []
    asked, answered = len(problem.clarifying_questions), len(notes.answers)
    if asked != answered:
        return [
            (
                "interviewer.answers",
                f"has {answered} answer(s) for {asked} clarifying question(s); "
                "give one answer per question, in the same order",
            )
        ]
    return []
