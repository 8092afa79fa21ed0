"""What a problem file holds, as pydantic models (validated when a file is loaded).

The fields follow the interview: the prompt and what to ask in the scope phase,
what a design usually contains, the deep dives with their options, and what a
reviewer expects to hear. See ``docs/problem-format.md``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sdi_desktop.domain.problems.interviewer import InterviewerNotes
from sdi_desktop.domain.problems.reference import Reference

FORMAT_VERSION = 1
DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ProblemId = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=60)
]
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=40)]
TextList = Annotated[list[Text], Field(min_length=1)]


class _Strict(BaseModel):
    # strict: a number is not quietly turned into text; forbid: a misspelt key is an error
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Scale(_Strict):
    """Round figures to design for when the interviewer leaves the numbers to you."""

    users: Text
    requests: Text
    data: Text
    notes: list[Text] = []


class EstimationRow(_Strict):
    """A named figure computed from the others, like the estimation panel's own rows."""

    name: Text
    formula: Text


class Estimation(_Strict):
    """Scale inputs as numbers with units, read by the estimation panel (all optional).

    Each value is text as a person types it (``"100 M"``, ``"500 B"``, ``"10 years"``);
    the loader checks that each one reads with the right unit and that the rows compute
    (``sdi_desktop.domain.estimation.problem_figures.check_table``).
    """

    dau: Text | None = None
    mau: Text | None = None
    dau_share: Text | None = None
    writes_per_user: Text | None = None
    reads_per_user: Text | None = None
    read_write_ratio: Text | None = None
    total_writes: Text | None = None
    total_reads: Text | None = None
    peak_factor: Text | None = None
    write_size: Text | None = None
    read_size: Text | None = None
    retention: Text | None = None
    replication: Text | None = None
    hot_share: Text | None = None
    server_capacity: Text | None = None
    rows: list[EstimationRow] = []

    def figures(self) -> dict[str, str]:
        """The inputs given, by name."""
        return {k: v for k, v in self if k != "rows" and v is not None}


class Option(_Strict):
    """One way to solve a deep-dive concern, with what it costs."""

    name: Text
    trade_offs: Text


class DeepDive(_Strict):
    """A concern worth going deep on: the problem and at least two ways to solve it."""

    topic: Text
    concern: Text
    options: Annotated[list[Option], Field(min_length=2, max_length=5)]


class Problem(_Strict):
    """One system design problem and the guidance that comes with it."""

    format: Literal[1] = FORMAT_VERSION
    id: ProblemId
    title: Text
    difficulty: Literal["easy", "medium", "hard"]
    tags: Annotated[list[Tag], Field(min_length=1)]
    prompt: Text
    clarifying_questions: TextList
    suggested_scale: Scale
    estimation: Estimation | None = None
    functional_requirements: TextList
    non_functional_requirements: TextList
    components: TextList
    deep_dives: Annotated[list[DeepDive], Field(min_length=3, max_length=5)]
    follow_up_questions: TextList
    pitfalls: TextList
    reviewer_points: TextList
    reference: Reference | None = None  # what a strong answer looks like (optional)
    interviewer: InterviewerNotes | None = None  # for a mock with a peer (optional)

    def search_text(self) -> str:
        """What a free-text search looks in (lower case)."""
        return " ".join((self.id, self.title, self.prompt, " ".join(self.tags))).lower()
