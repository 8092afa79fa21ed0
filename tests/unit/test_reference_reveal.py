"""When the reference may be seen, and an early reveal recorded like a hint."""

from __future__ import annotations

from pathlib import Path

from sdi_desktop.domain.facts import session_facts
from sdi_desktop.domain.hints import HintRecord
from sdi_desktop.domain.problems import load_library
from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.domain.reference.reveal import (
    has_reference,
    needs_confirmation,
    record_reveal,
    revealed_early,
)
from sdi_desktop.domain.session import InterviewSession
from sdi_desktop.paths import resource_root


class Time:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def session() -> tuple[InterviewSession, Time]:
    problem = load_library(resource_root("problems"), Path("/nonexistent")).get("url-shortener")
    time = Time()
    return InterviewSession("x", now=time, problem=problem), time


def test_before_finish_it_asks_and_a_reveal_is_recorded_once_with_phase_and_time():
    s, time = session()
    assert has_reference(s) and needs_confirmation(s)
    seen = []
    s.hints_changed.connect(seen.append)
    s.clock.start()
    s.clock.next_phase()
    time.now = 420.0
    record = record_reveal(s)
    assert record == HintRecord("reference", "high_level", 420.0)
    assert seen == [record] and revealed_early(s) and not needs_confirmation(s)
    assert record_reveal(s) is record and len(s.hints_opened) == 1


def test_after_finish_nothing_is_asked():
    s, _ = session()
    s.clock.start()
    s.clock.finish()
    assert not needs_confirmation(s) and s.hints_opened == []


def test_without_a_problem_there_is_no_reference():
    assert not has_reference(InterviewSession("x"))


def test_the_self_assessment_facts_name_the_reveal():
    record = SessionRecord(hints_opened=[{"key": "reference", "phase": "scope", "elapsed": 9}])
    assert session_facts(record).hints_opened == ("Reference answer (before the end)",)
