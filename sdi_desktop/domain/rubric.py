"""The self-assessment rubric and a session's assessment against it.

Six competencies, each scored 1 to 4. The level descriptions are the app's own
words, written from the interview process the project teaches. The rubric is
versioned: an assessment stores the version it was scored with, and every
version ever shipped keeps a reader, so an old assessment stays readable after
the rubric changes. Pure Python: no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

RUBRIC_VERSION = 1
LEVELS = (1, 2, 3, 4)


class Competency(NamedTuple):
    key: str
    title: str
    levels: tuple[str, str, str, str]  # what a score of 1, 2, 3 and 4 looks like


COMPETENCIES: tuple[Competency, ...] = (
    Competency(
        "scoping",
        "Scoping and requirements",
        (
            "Started drawing straight away; the requirements stayed vague or assumed.",
            "Listed some features, but no agreed core set, qualities or numbers.",
            "3-4 core features and the key qualities agreed; scale guessed roughly.",
            "Core features, the qualities that matter, rough numbers and clear priorities.",
        ),
    ),
    Competency(
        "high_level",
        "High-level design",
        (
            "No end-to-end picture: boxes without a request path, APIs or data model.",
            "A diagram exists, but APIs or the data model are missing or do not fit it.",
            "End-to-end diagram, the needed APIs and a data model that match each other.",
            "Complete and consistent, checked against the requirements before moving on.",
        ),
    ),
    Competency(
        "deep_dive",
        "Deep dive",
        (
            "No real deep dive: details added at random, no problem named.",
            "One issue discussed, with a single solution and no trade-offs.",
            "Two or three issues, most with at least two options and their costs.",
            "The top 2-3 issues, each stated sharply, weighed across options and decided.",
        ),
    ),
    Competency(
        "wrap_up",
        "Wrap-up",
        (
            "Ran out of time or stopped without a summary.",
            "A short recap of the boxes, nothing about what makes the problem special.",
            "A clear summary that names the problem's special challenges.",
            "Summary, how the design meets the special challenges, and its honest limits.",
        ),
    ),
    Competency(
        "time",
        "Time management",
        (
            "One phase ate most of the time; later phases were skipped.",
            "Several phases ran well over their budget.",
            "Phases mostly kept to budget; one ran a little over.",
            "Every phase got its share, with time left for the wrap-up.",
        ),
    ),
    Competency(
        "communication",
        "Communication",
        (
            "Worked in silence or jumped between topics; hard to follow.",
            "Explained some decisions, but rarely checked in or said why.",
            "Thought aloud, explained the reasons and checked in at each phase.",
            "Led the conversation: clear structure, asked for buy-in, adapted to feedback.",
        ),
    ),
)


def competency(key: str) -> Competency:
    """The competency with this key; ``KeyError`` if there is none."""
    for candidate in COMPETENCIES:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


class AssessmentError(ValueError):
    """Stored assessment data that cannot be read (unknown version, bad score...)."""


@dataclass
class Assessment:
    """A self-assessment of one session.

    ``scores``: competency key -> 1..4 (a competency may be left unscored);
    ``reviewer_points``: the problem's "points a reviewer would expect" that the
    user says were covered (their text); ``note``: free text.
    """

    scores: dict[str, int] = field(default_factory=dict)
    reviewer_points: list[str] = field(default_factory=list)
    note: str = ""
    rubric_version: int = RUBRIC_VERSION

    def __post_init__(self) -> None:
        for key, value in self.scores.items():
            if isinstance(value, bool) or not isinstance(value, int) or value not in LEVELS:
                raise AssessmentError(f"{key}: a score is 1 to 4, got {value!r}")

    def average(self) -> float | None:
        return sum(self.scores.values()) / len(self.scores) if self.scores else None

    def to_dict(self) -> dict[str, Any]:
        """The shape ``SessionRepository.save_assessment`` stores."""
        return {
            "rubric_version": self.rubric_version,
            "scores": dict(self.scores),
            "reviewer_points": list(self.reviewer_points),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assessment:
        """Read stored data of any known rubric version; ``AssessmentError`` otherwise."""
        version = data.get("rubric_version", 1)
        reader = _READERS.get(version) if isinstance(version, int) else None
        if reader is None:
            known = ", ".join(str(v) for v in sorted(_READERS))
            raise AssessmentError(
                f"this assessment uses rubric version {version!r}; this app reads {known}"
            )
        return reader(data)


def _read_v1(data: dict[str, Any]) -> Assessment:
    scores = data.get("scores") or {}
    points = data.get("reviewer_points") or []
    if not isinstance(scores, dict) or not isinstance(points, list):
        raise AssessmentError("scores must be a mapping and reviewer points a list")
    known = {c.key for c in COMPETENCIES}
    unknown = sorted(set(scores) - known)
    if unknown:
        raise AssessmentError(f"unknown competency in a version 1 rubric: {unknown[0]}")
    return Assessment(
        scores={str(k): v for k, v in scores.items()},
        reviewer_points=[str(p) for p in points],
        note=str(data.get("note") or ""),
        rubric_version=1,
    )


# One reader per rubric version ever shipped; a new version adds a reader that maps
# old keys onto new ones, and never removes an old reader.
_READERS: dict[int, Callable[[dict[str, Any]], Assessment]] = {1: _read_v1}
