"""The mock's log: its stored form, its checks, the write-up of a mock."""

from __future__ import annotations

import pytest

from sdi_desktop.domain.mock import material
from sdi_desktop.domain.mock.log import Feedback, MockLog, MockLogError, differences
from sdi_desktop.domain.mock.markdown import mock_markdown
from sdi_desktop.domain.problems.loader import load_library
from sdi_desktop.paths import resource_root


def _log() -> MockLog:
    log = MockLog(candidate="Ada", interviewer="Grace", partner_session=4)
    log.add("scale", 1, "Requests: 100 per second", 0, 40.0, 40.0)
    log.add("hint", 0, "Think about reads", 1, 400.5, 100.0)
    log.add("remark", -1, "No cache | yet", 1, 420.0, 120.0)
    log.feedback = Feedback("03:10 asked the ratio", {"scoping": 3}, {"scoping": "asked"})
    return log


def test_the_log_round_trips_and_answers_what_happened():
    log = _log()
    again = MockLog.from_dict(log.to_dict())
    assert again == log
    assert again.revealed("scale", 1) and not again.revealed("scale", 0)
    assert again.next_hint() == 1 and [r.in_phase for r in again.remarks] == [120.0]
    assert again.revealed_text("Think about reads") and not again.revealed_text("No cache | yet")
    assert MockLog().is_empty() and not log.is_empty()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"entries": [{"kind": "joke", "text": "x", "phase": 0, "at": 1}]}, "unknown entry"),
        ({"entries": [{"kind": "remark", "text": " ", "phase": 0, "at": 1}]}, "text"),
        ({"entries": [{"kind": "remark", "text": "x", "phase": 9, "at": 1}]}, "phase"),
        ({"entries": [{"kind": "remark", "text": "x", "phase": 0, "at": -1}]}, "time"),
        ({"partner_session": "7"}, "partner"),
        ({"feedback": {"scores": {"scoping": 5}}}, "1 to 4"),
        ({"feedback": {"scores": {"charm": 2}}}, "unknown competency"),
    ],
)
def test_a_damaged_log_is_one_clear_error(change, message):
    with pytest.raises(MockLogError, match=message):
        MockLog.from_dict({**_log().to_dict(), **change})


def test_differences_are_the_competencies_scored_apart():
    assert differences({"scoping": 4, "time": 2}, {"scoping": 3, "time": 2, "wrap_up": 1}) == {
        "scoping": -1
    }


def test_the_write_up_lists_the_mock_and_both_assessments():
    own = {"scores": {"scoping": 4}}
    others = {"Grace": {"scores": {"scoping": 3}, "facts": "asked late", "notes": {}}}
    text = mock_markdown({"mock": _log().to_dict()}, own, others)
    assert "## Mock with a peer" in text and "**Candidate:** Ada" in text
    assert "| 07:00 | High-level design | Remark | No cache \\| yet |" in text
    assert "| **Scoping and requirements** (differs) | 4 | 3 |" in text
    assert "**Grace, facts:** asked late" in text
    assert mock_markdown({}) == "" and mock_markdown({}, own) == ""


def test_every_problem_has_material_for_the_interviewer():
    library = load_library(resource_root("problems"), None)
    assert len(library) >= 30
    for problem in library.problems:
        assert material.scale_figures(problem), problem.id
        assert len(material.answers(problem)) == len(problem.clarifying_questions), problem.id
        assert len(material.hint_ladder(problem)) >= 3, problem.id
        cards = material.follow_ups_by_phase(problem)
        assert sum(map(len, cards.values())) == len(problem.follow_up_questions), problem.id
