"""What happened in a mock with a peer, as kept with the session (``extras["mock"]``).

Every entry is tied to the phase and the session clock (seconds of session time):
the items the interviewer revealed to the candidate (a clarifying question's answer,
a scale figure), the hints given from the ladder, the interviewer's remarks, and the
interviewer's feedback on the rubric (facts first, then a score and a note per
competency). ``candidate`` names whose session it is; ``partner_session`` links the
session of the same pair with the roles swapped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.rubric import COMPETENCIES, LEVELS

EXTRAS_KEY = "mock"
MAX_TEXT = 4000
KINDS = ("answer", "scale")


class MockLogError(ValueError):
    """Stored mock data that cannot be read."""


@dataclass(frozen=True)
class Entry:
    """One timed line: ``kind`` (answer, scale, hint or remark), ``index`` within its
    source (-1 for remarks), ``text``, ``phase`` (0-3), ``at`` (session seconds) and
    ``in_phase`` (seconds into that phase, where its marker sits on the timeline)."""

    kind: str
    index: int
    text: str
    phase: int
    at: float
    in_phase: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "index": self.index,
            "text": self.text,
            "phase": self.phase,
            "at": round(self.at, 3),
            "in_phase": round(self.in_phase, 3),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Entry:
        if not isinstance(data, dict):
            raise MockLogError("an entry must be an object")
        kind, index, text = data.get("kind"), data.get("index", -1), data.get("text")
        phase, at = data.get("phase"), data.get("at")
        if kind not in (*KINDS, "hint", "remark"):
            raise MockLogError(f"unknown entry kind {kind!r}")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
            raise MockLogError(f"a {kind} needs a text of 1-{MAX_TEXT} characters")
        if not isinstance(phase, int) or not 0 <= phase < len(PHASES):
            raise MockLogError(f"a {kind} has no valid phase: {phase!r}")
        if isinstance(at, bool) or not isinstance(at, int | float) or at < 0:
            raise MockLogError(f"a {kind} has no valid time: {at!r}")
        if isinstance(index, bool) or not isinstance(index, int):
            raise MockLogError(f"a {kind} has no valid index: {index!r}")
        in_phase = data.get("in_phase", 0.0)
        if isinstance(in_phase, bool) or not isinstance(in_phase, int | float) or in_phase < 0:
            raise MockLogError(f"a {kind} has no valid time in its phase: {in_phase!r}")
        return cls(kind, index, text, phase, float(at), float(in_phase))


@dataclass
class Feedback:
    """The interviewer's rubric: observed facts first, then scores and a note each."""

    facts: str = ""
    scores: dict[str, int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not (self.facts.strip() or self.scores or any(self.notes.values()))

    def to_dict(self) -> dict[str, Any]:
        return {"facts": self.facts, "scores": dict(self.scores), "notes": dict(self.notes)}

    @classmethod
    def from_dict(cls, data: Any) -> Feedback:
        if not isinstance(data, dict):
            raise MockLogError("the feedback must be an object")
        facts = data.get("facts", "")
        scores = data.get("scores") or {}
        notes = data.get("notes") or {}
        known = {c.key for c in COMPETENCIES}
        if not isinstance(facts, str) or not isinstance(scores, dict):
            raise MockLogError("the feedback's facts must be text and its scores a mapping")
        if not isinstance(notes, dict):
            raise MockLogError("the feedback's notes must be a mapping")
        for key, value in scores.items():
            if key not in known:
                raise MockLogError(f"unknown competency in the feedback: {key}")
            if isinstance(value, bool) or value not in LEVELS:
                raise MockLogError(f"{key}: a score is 1 to 4, got {value!r}")
        return cls(facts, dict(scores), {str(k): str(v) for k, v in notes.items() if k in known})


@dataclass
class MockLog:
    candidate: str = ""
    interviewer: str = ""
    partner_session: int | None = None
    entries: list[Entry] = field(default_factory=list)
    feedback: Feedback = field(default_factory=Feedback)

    # -- what happened --------------------------------------------------------------
    def add(
        self, kind: str, index: int, text: str, phase: int, at: float, in_phase: float = 0.0
    ) -> Entry:
        entry = Entry(kind, index, text.strip(), phase, max(0.0, at), max(0.0, in_phase))
        Entry.from_dict(entry.to_dict())  # the same rules as a stored one
        self.entries.append(entry)
        return entry

    def revealed(self, kind: str, index: int) -> bool:
        return any(e.kind == kind and e.index == index for e in self.entries)

    def revealed_text(self, text: str) -> bool:
        """Was this text handed over (a revealed answer or figure, a hint given)?"""
        return any(e.text == text.strip() for e in self.entries if e.kind != "remark")

    def of_kind(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries if e.kind in kinds]

    @property
    def remarks(self) -> list[Entry]:
        return self.of_kind("remark")

    @property
    def hints(self) -> list[Entry]:
        return self.of_kind("hint")

    def next_hint(self) -> int:
        """The ladder's next rung (hints are given in order)."""
        return len(self.hints)

    def is_empty(self) -> bool:
        return not (self.entries or self.candidate or self.interviewer) and (
            self.feedback.is_empty() and self.partner_session is None
        )

    # -- stored form ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate,
            "interviewer": self.interviewer,
            "partner_session": self.partner_session,
            "entries": [e.to_dict() for e in self.entries],
            "feedback": self.feedback.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Any) -> MockLog:
        if not isinstance(data, dict):
            raise MockLogError("the mock log must be an object")
        partner = data.get("partner_session")
        if partner is not None and (isinstance(partner, bool) or not isinstance(partner, int)):
            raise MockLogError(f"the partner's session must be an id, got {partner!r}")
        entries = data.get("entries") or []
        if not isinstance(entries, list):
            raise MockLogError("the mock's entries must be a list")
        return cls(
            candidate=str(data.get("candidate") or ""),
            interviewer=str(data.get("interviewer") or ""),
            partner_session=partner,
            entries=[Entry.from_dict(e) for e in entries],
            feedback=Feedback.from_dict(data.get("feedback") or {}),
        )


def differences(self_scores: dict[str, int], other: dict[str, int]) -> dict[str, int]:
    """Competency -> interviewer's score minus the candidate's, where both scored and
    they differ."""
    return {
        key: other[key] - self_scores[key]
        for key in (c.key for c in COMPETENCIES)
        if key in self_scores and key in other and other[key] != self_scores[key]
    }
