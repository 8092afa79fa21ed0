"""The rubric and assessments: levels, round trips, old and unknown versions."""

from __future__ import annotations

import pytest

from sdi_desktop.domain.rubric import (
    COMPETENCIES,
    RUBRIC_VERSION,
    Assessment,
    AssessmentError,
    competency,
)


def test_six_competencies_with_four_distinct_levels_each():
    assert [c.key for c in COMPETENCIES] == [
        "scoping",
        "high_level",
        "deep_dive",
        "wrap_up",
        "time",
        "communication",
    ]
    for c in COMPETENCIES:
        assert len(c.levels) == 4 and len(set(c.levels)) == 4
        assert all(level.strip() for level in c.levels)
    assert competency("deep_dive").title == "Deep dive"
    with pytest.raises(KeyError):
        competency("charisma")


def test_round_trip_keeps_everything():
    original = Assessment({"scoping": 3, "time": 1}, ["Caches the hot URLs"], "Too slow")
    data = original.to_dict()
    assert data["rubric_version"] == RUBRIC_VERSION
    assert Assessment.from_dict(data) == original
    assert original.average() == 2.0


def test_version_1_data_as_stored_reads():
    data = {"rubric_version": 1, "scores": {"wrap_up": 4}, "reviewer_points": [], "note": None}
    assessment = Assessment.from_dict(data)
    assert assessment.scores == {"wrap_up": 4} and assessment.note == ""
    assert Assessment.from_dict({"scores": {"deep_dive": 2}}).rubric_version == 1


def test_unknown_version_is_a_clear_error():
    with pytest.raises(AssessmentError, match=r"rubric version 7.*reads 1"):
        Assessment.from_dict({"rubric_version": 7, "scores": {}})


@pytest.mark.parametrize("score", [0, 5, 2.5, True, "3"])
def test_scores_outside_1_to_4_are_refused(score):
    with pytest.raises(AssessmentError):
        Assessment.from_dict({"rubric_version": 1, "scores": {"scoping": score}})


def test_unknown_competency_is_refused():
    with pytest.raises(AssessmentError, match="charisma"):
        Assessment.from_dict({"rubric_version": 1, "scores": {"charisma": 3}})
