"""The interviewer's notes shipped with the problems agree with the rest of each file.

In a mock with a peer the interviewer reads out the answers to the clarifying questions;
any figure they give must be the problem's own suggested scale (one source for each
number), the hints must each add something, and the opening must be said, not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pytest

from sdi_desktop import paths
from sdi_desktop.domain.problems import Problem, load_library

LIBRARY = load_library(paths.resource_root("problems"), None)
WITH_NOTES = [p for p in LIBRARY.problems if p.interviewer is not None]

# Problems whose notes are written; a later edit must not drop them.
EXPECTED = {
    "url-shortener",
    "ad-click-aggregation",
    "chat-system",
    "collaborative-editor",
    "content-delivery-network",
    "digital-wallet",
    "distributed-cache",
    "email-service",
    "file-sync",
    "hotel-reservation",
    "job-scheduler",
    "key-value-store",
    "leaderboard",
    "maps-navigation",
    "message-queue",
    "metrics-monitoring",
    "news-feed",
    "notification-system",
    "object-storage",
    "pastebin",
    "payment-system",
    "proximity-service",
    "rate-limiter",
    "ride-hailing",
    "search-autocomplete",
    "social-graph",
    "stock-exchange",
    "ticketing",
    "unique-id-generator",
    "video-streaming",
    "web-crawler",
}

# The longest run of words the opening may share with the written prompt.
LONGEST_SHARED_RUN = 9

_MULTIPLIERS = {
    "k": Decimal(10) ** 3,
    "thousand": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "million": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "billion": Decimal(10) ** 9,
    "t": Decimal(10) ** 12,
    "trillion": Decimal(10) ** 12,
}
_UNITS = r"[KMGTP]B|[KMGT]bit/s|bytes?|ms|%|x"
_NUMBER = re.compile(
    r"(?<![\d.,])(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*(?P<unit>" + _UNITS + r")(?![A-Za-z])"
    r"|\s+(?P<seconds>s)(?![A-Za-z])"
    r"|\s*(?P<mult>thousand|million|billion|trillion|[KMBTk])(?![A-Za-z]))?"
    r"(?P<per>\s*/\s*(?:s|day|hour|minute)\b)?"
)


@dataclass(frozen=True)
class Figure:
    """A number as said: its value (multiplier applied), its unit and its rate, if any."""

    amount: Decimal
    unit: str
    per: str

    def agrees_with(self, stated: Figure) -> bool:
        """Same amount; a unit or rate said here must be the one stated there."""
        return (
            self.amount == stated.amount
            and (not self.unit or self.unit == stated.unit)
            and (not self.per or self.per == stated.per)
        )


def figures(text: str) -> list[Figure]:
    """Every number in ``text``; "~", "≈", commas and spaces before a multiplier ignored."""
    found = []
    for match in _NUMBER.finditer(text):
        amount = Decimal(match["value"].replace(",", ""))
        if match["mult"]:
            amount *= _MULTIPLIERS[match["mult"].lower()]
        unit = (match["unit"] or match["seconds"] or "").lower()
        unit = "byte" if unit.startswith("byte") else unit
        per = re.sub(r"\s", "", match["per"] or "")
        found.append(Figure(amount.normalize(), unit, per))
    return found


def scale_text(problem: Problem) -> str:
    scale = problem.suggested_scale
    return " | ".join([scale.users, scale.requests, scale.data, *scale.notes])


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.casefold())


def longest_shared_run(a: str, b: str) -> int:
    """The length, in words, of the longest run of words that ``a`` and ``b`` share."""
    x, y = _words(a), _words(b)
    best, previous = 0, [0] * (len(y) + 1)
    for word in x:
        current = [0] * (len(y) + 1)
        for j, other in enumerate(y, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def test_the_figure_reader_normalises_as_people_write():
    assert figures("~1,200/s") == [Figure(Decimal(1200), "", "/s")]
    assert figures("100 M new links") == figures("100M new links") == figures("100 million")
    assert figures("1 MB")[0].unit == "mb" and figures("1 M users")[0].unit == ""
    assert [f.amount for f in figures("1-5 editors, 62^7")] == [1, 5, 62, 7]
    assert figures("every 10 s")[0].unit == "s" and figures("1,000s of them")[0].unit == ""
    said, stated = figures("12,000 clicks a second")[0], figures("≈ 12,000/s")[0]
    assert said.agrees_with(stated)
    assert not figures("100 ms")[0].agrees_with(figures("100 bytes")[0])
    assert not figures("100 K")[0].agrees_with(figures("100 M")[0])
    assert figures("10k")[0].amount == figures("10,000")[0].amount == 10_000


def test_the_shipped_library_has_the_expected_notes():
    assert LIBRARY.errors == []
    assert {p.id for p in WITH_NOTES} >= EXPECTED


def _ids(problem: Problem) -> str:
    return problem.id


@pytest.mark.parametrize("problem", WITH_NOTES, ids=_ids)
def test_one_answer_per_clarifying_question(problem):
    assert len(problem.interviewer.answers) == len(problem.clarifying_questions)


@pytest.mark.parametrize("problem", WITH_NOTES, ids=_ids)
def test_every_figure_in_an_answer_is_one_of_the_suggested_scale(problem):
    stated = figures(scale_text(problem))
    for answer in problem.interviewer.answers:
        for said in figures(answer):
            assert any(said.agrees_with(s) for s in stated), (
                f"{problem.id}: {said} in {answer!r} is not in the suggested scale "
                f"{scale_text(problem)!r}"
            )


@pytest.mark.parametrize("problem", WITH_NOTES, ids=_ids)
def test_hints_are_distinct_and_not_empty(problem):
    hints = [" ".join(h.split()).casefold() for h in problem.interviewer.hints]
    assert all(hints)
    assert len(set(hints)) == len(hints)


@pytest.mark.parametrize("problem", WITH_NOTES, ids=_ids)
def test_the_opening_is_said_in_other_words_than_the_prompt(problem):
    opening = problem.interviewer.opening
    assert _words(opening) != _words(problem.prompt)
    assert longest_shared_run(opening, problem.prompt) <= LONGEST_SHARED_RUN
