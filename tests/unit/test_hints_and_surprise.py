"""Hints open only in their phase and are recorded; "surprise me" prefers the unpractised."""

from __future__ import annotations

import random
from datetime import datetime

import pytest

from sdi_desktop import paths
from sdi_desktop.domain.hints import HINTS, HintNotAvailable, HintRecord
from sdi_desktop.domain.problems import PracticeRecord, load_library, pick_surprise
from sdi_desktop.domain.session import InterviewSession

LIBRARY = load_library(paths.resource_root("problems"), None)


def test_hint_opens_in_its_phase_once_and_is_recorded(fake_time):
    problem = LIBRARY.get("rate-limiter")
    session = InterviewSession(problem.title, now=fake_time, problem=problem)
    assert session.prompt == problem.prompt.strip()
    seen = []
    session.hints_changed.connect(seen.append)
    session.clock.start()
    fake_time.advance(42)
    assert session.hint_available("clarifying_questions")
    assert not session.hint_available("deep_dive_topics")
    with pytest.raises(HintNotAvailable, match="only in the 'Deep dive' phase"):
        session.open_hint("deep_dive_topics")
    record = session.open_hint("clarifying_questions")
    assert record == HintRecord("clarifying_questions", "scope", 42.0)
    assert session.open_hint("clarifying_questions") is record  # no second record
    assert session.hints_opened == [record]
    assert seen == [record]

    session.clock.next_phase()
    with pytest.raises(HintNotAvailable):
        session.open_hint("suggested_scale")
    session.clock.next_phase()
    fake_time.advance(8)
    deep = session.open_hint("deep_dive_topics")
    assert (deep.phase, deep.elapsed) == ("deep_dive", 50.0)
    assert [r.key for r in session.hints_opened] == ["clarifying_questions", "deep_dive_topics"]
    assert HintRecord.from_dict(deep.to_dict()) == deep


def test_custom_prompt_session_has_no_hints(fake_time):
    session = InterviewSession("My own", now=fake_time, prompt="  Design a toaster fleet.  ")
    assert session.prompt == "Design a toaster fleet."
    assert session.problem is None
    assert not any(session.hint_available(h.key) for h in HINTS)
    with pytest.raises(HintNotAvailable):
        session.open_hint("clarifying_questions")


def test_surprise_picks_an_unpractised_problem():
    problems = LIBRARY.problems
    history = {p.id: PracticeRecord(1, datetime(2026, 1, 1)) for p in problems[1:]}
    for seed in range(5):
        assert pick_surprise(problems, history, random.Random(seed)) is problems[0]


def test_surprise_falls_back_to_the_least_recently_practised():
    problems = LIBRARY.problems[:4]
    history = {
        p.id: PracticeRecord(3, datetime(2026, 5, day))
        for p, day in zip(problems, (9, 2, 7, 4), strict=True)
    }
    assert pick_surprise(problems, history) is problems[1]
    assert pick_surprise([], history) is None
    assert pick_surprise(problems, {}, random.Random(1)) in problems


def test_a_stored_hint_with_a_list_for_its_key_or_phase_is_refused_in_one_line():
    # found by the import fuzz test: an unhashable value was a TypeError, not a message
    import pytest

    from sdi_desktop.domain.hints import HintRecord

    for bad in ({"key": [], "phase": "scope", "elapsed": 1}, {"key": "x", "phase": {}}):
        with pytest.raises(ValueError, match=r"^(key|phase): "):
            HintRecord.from_dict(bad)
