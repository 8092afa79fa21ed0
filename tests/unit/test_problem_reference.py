"""The reference answer in a problem file: validated with the rest, named by file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi_desktop.domain.problems.errors import ProblemFileError
from sdi_desktop.domain.problems.loader import parse_problem_text
from sdi_desktop.domain.problems.reference import reference_board

ROOT = Path(__file__).resolve().parents[2]
URL = (ROOT / "problems" / "url-shortener.toml").read_text(encoding="utf-8")


def _error(text: str) -> str:
    with pytest.raises(ProblemFileError) as info:
        parse_problem_text(text, "x.toml")
    return info.value.line()


def test_the_url_shortener_reference_loads_with_its_board():
    problem = parse_problem_text(URL, "url-shortener.toml")
    ref = problem.reference
    assert ref is not None
    assert 3 <= len(ref.core_features) <= 4
    assert ref.qualities[0].quality == "availability"
    kinds = {getattr(e, "kind", None) for e in reference_board(problem)}
    assert {"cache", "nosql_db", "load_balancer", "stream"} <= kinds


def test_a_reference_board_with_an_unknown_kind_is_refused_by_field():
    bad = URL.replace('kind = "cache", label = "Code cache"', 'kind = "flux", label = "Code cache"')
    line = _error(bad)
    assert line.startswith("x.toml: field 'reference.board.elements[")
    assert "'flux' is not a component kind" in line


def test_a_reference_connector_to_a_missing_component_is_refused():
    bad = URL.replace('source = "api", target = "cache"', 'source = "api", target = "ghost"')
    line = _error(bad)
    assert "field 'reference.board'" in line
    assert "'ghost' is not a component on this board" in line


def test_a_pick_that_is_not_an_option_of_its_topic_is_refused():
    bad = URL.replace(
        'pick = "Global counter encoded in base62"', 'pick = "Ask the database for an id"'
    )
    line = _error(bad)
    assert "field 'reference.deep_dives[0].pick'" in line


def test_a_pick_for_a_topic_the_problem_lacks_is_refused():
    bad = URL.replace(
        'topic = "Choosing and partitioning the data store", pick',
        'topic = "Choosing a colour", pick',
    )
    assert "field 'reference.deep_dives[2].topic'" in _error(bad)


def test_an_unknown_quality_is_refused():
    bad = URL.replace('quality = "security"', 'quality = "vibes"')
    assert "reference.qualities[3].quality" in _error(bad)


def test_a_problem_without_a_reference_still_loads():
    head = URL.split("\n[reference]")[0]
    assert parse_problem_text(head, "x.toml").reference is None


def test_the_interviewers_notes_answer_each_clarifying_question():
    problem = parse_problem_text(URL, "url-shortener.toml")
    notes = problem.interviewer
    assert notes is not None
    assert len(notes.answers) == len(problem.clarifying_questions)
    assert 3 <= len(notes.hints) <= 6


def test_a_missing_answer_is_refused_by_field():
    head, tail = URL.split("[interviewer]")
    first_answer = tail.index('  "About 100 million')
    end = tail.index("\n", first_answer) + 1
    bad = head + "[interviewer]" + tail[:first_answer] + tail[end:]
    line = _error(bad)
    assert "field 'interviewer.answers'" in line
    assert "5 answer(s) for 6 clarifying question(s)" in line


def test_a_key_typed_below_the_reference_board_is_named_in_the_board():
    board_last = URL.split("\n[interviewer]")[0] + "\n"
    assert "field 'reference.board.bogus': unknown field" in _error(board_last + "bogus = 1\n")
    line = _error(board_last + 'pitfalls = ["x"]\n')
    assert "field 'reference.board.pitfalls': belongs at the top level" in line
