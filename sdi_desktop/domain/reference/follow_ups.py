"""The interviewer's follow-up questions in solo practice.

During the deep dive and the wrap-up, the problem's ``follow_up_questions`` are put to the
candidate one at a time: the first a few minutes into the deep dive, the next ones spaced
out, none in the last minute of a phase (that minute is for closing the topic), none in
overtime, none while the clock is paused. ``FollowUpScheduler.poll()`` is called on every
tick of the window's clock and reads the session clock only, so a test drives it with a
fake time source. Each question asked goes into a ``FollowUpLog`` with its time and phase;
``to_dict()`` / ``from_dict()`` store it with the session (``from_dict`` validates).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sdi_desktop.domain.phases import PHASES

if TYPE_CHECKING:
    from sdi_desktop.domain.clock import SessionClock

LOG_VERSION = 1
EXTRAS_KEY = "follow_ups"  # the key of the log in the session's per-feature data


class FollowUpLogError(ValueError):
    """A stored follow-up log that cannot be read; the message says what is wrong."""


@dataclass(frozen=True)
class FollowUpPlan:
    """When questions come (seconds of phase time)."""

    phases: tuple[str, ...] = ("deep_dive", "wrap_up")
    first_after: dict[str, float] = field(
        default_factory=lambda: {"deep_dive": 180.0, "wrap_up": 45.0}
    )
    spacing: float = 240.0  # at least this long between two questions (session time)
    quiet_end: float = 60.0  # none in the last minute of a phase's budget


@dataclass(frozen=True)
class AskedQuestion:
    index: int  # in the problem's follow_up_questions
    text: str
    phase: str  # the key of the phase it was asked in
    elapsed: float  # seconds into the session

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "text": self.text,
            "phase": self.phase,
            "elapsed": round(self.elapsed, 1),
        }


@dataclass
class FollowUpLog:
    asked: list[AskedQuestion] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"version": LOG_VERSION, "asked": [q.to_dict() for q in self.asked]}

    @classmethod
    def from_dict(cls, data: Any) -> FollowUpLog:
        if not isinstance(data, dict):
            raise FollowUpLogError("the follow-up log must be an object")
        if data.get("version") != LOG_VERSION:
            raise FollowUpLogError(
                f"follow-up log version {data.get('version')!r} is not supported "
                f"(this app reads {LOG_VERSION})"
            )
        items = data.get("asked")
        if not isinstance(items, list):
            raise FollowUpLogError("'asked' must be a list")
        phases = {p.key for p in PHASES}
        asked = []
        for i, item in enumerate(items):
            where = f"asked[{i}]"
            if not isinstance(item, dict):
                raise FollowUpLogError(f"{where} must be an object")
            index, text = item.get("index"), item.get("text")
            phase, elapsed = item.get("phase"), item.get("elapsed")
            if not isinstance(index, int) or isinstance(index, bool) or index < 0:
                raise FollowUpLogError(f"{where}.index must be a whole number from 0")
            if not isinstance(text, str) or not text.strip():
                raise FollowUpLogError(f"{where}.text must be a question")
            if phase not in phases:
                raise FollowUpLogError(f"{where}.phase {phase!r} is not a phase")
            if not isinstance(elapsed, int | float) or isinstance(elapsed, bool) or elapsed < 0:
                raise FollowUpLogError(f"{where}.elapsed must be seconds, 0 or more")
            asked.append(AskedQuestion(index, text, phase, float(elapsed)))
        return cls(asked)


class FollowUpScheduler:
    """Puts the next question when the moment is right; records it in ``log``."""

    def __init__(
        self,
        questions: list[str],
        clock: SessionClock,
        log: FollowUpLog | None = None,
        plan: FollowUpPlan | None = None,
        enabled: bool = True,
    ) -> None:
        self.questions = list(questions)
        self.clock = clock
        self.log = log if log is not None else FollowUpLog()
        self.plan = plan or FollowUpPlan()
        self.enabled = enabled

    def next_index(self) -> int | None:
        done = {q.index for q in self.log.asked}
        return next((i for i in range(len(self.questions)) if i not in done), None)

    def due(self) -> bool:
        """True when a question should be asked now."""
        clock, plan = self.clock, self.plan
        if not self.enabled or not clock.is_running or self.next_index() is None:
            return False
        phase = PHASES[clock.current].key
        if phase not in plan.phases:
            return False
        into = clock.elapsed()
        if into < plan.first_after.get(phase, 0.0):
            return False
        if clock.budget() - into <= plan.quiet_end:
            return False  # the last minute, or overtime
        last = self.log.asked[-1].elapsed if self.log.asked else None
        return last is None or clock.total_elapsed() - last >= plan.spacing

    def poll(self) -> AskedQuestion | None:
        """Ask the next question if it is due; the question asked, else None."""
        if not self.due():
            return None
        index = self.next_index()
        assert index is not None
        asked = AskedQuestion(
            index,
            self.questions[index],
            PHASES[self.clock.current].key,
            self.clock.total_elapsed(),
        )
        self.log.asked.append(asked)
        return asked


@dataclass(frozen=True)
class FollowUpReview:
    asked: AskedQuestion
    addressed: bool  # the notes seem to answer it (shared words: a guess)
    share: float


def review_follow_ups(log: FollowUpLog, notes: dict[str, str]) -> list[FollowUpReview]:
    from sdi_desktop.domain.reference.coverage import question_addressed

    reviews = []
    for asked in log.asked:
        addressed, share = question_addressed(asked.text, notes)
        reviews.append(FollowUpReview(asked, addressed, share))
    return reviews


def follow_up_lines(log: FollowUpLog, notes: dict[str, str]) -> list[str]:
    """Markdown bullets: each question asked, when, and whether the notes seem to answer it."""
    from sdi_desktop.domain.clock import format_duration
    from sdi_desktop.domain.reference.markdown import esc

    lines = []
    for review in review_follow_ups(log, notes):
        asked = review.asked
        phase = next(p.short_title for p in PHASES if p.key == asked.phase)
        verdict = (
            "your notes seem to address it"
            if review.addressed
            else "your notes do not seem to address it"
        )
        lines.append(
            f"- {esc(asked.text)} (asked at {format_duration(asked.elapsed)}, {phase}): {verdict}."
        )
    if lines:
        lines.append("- Whether the notes address a question is a guess from shared words.")
    return lines
