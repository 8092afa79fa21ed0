"""Follow-up questions in solo practice: when they are asked (an injected clock), how they
are recorded, stored and reviewed."""

from __future__ import annotations

import pytest

from sdi_desktop.domain.clock import SessionClock
from sdi_desktop.domain.formats import standard
from sdi_desktop.domain.reference.follow_ups import (
    FollowUpLog,
    FollowUpLogError,
    FollowUpScheduler,
    follow_up_lines,
    review_follow_ups,
)

QUESTIONS = [
    "What happens if the counter service goes down?",
    "How do you keep links working during a region outage?",
    "How would you support a custom domain per customer?",
    "How would you add click analytics without slowing redirects?",
]


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run(minutes: float, scheduler: FollowUpScheduler, time: FakeTime, step: float = 5.0):
    """Advance the clock in ticks, polling as the window does; the questions asked."""
    asked = []
    end = time.now + minutes * 60
    while time.now < end:
        time.now += step
        question = scheduler.poll()
        if question is not None:
            asked.append(question)
    return asked


@pytest.fixture
def setup():
    time = FakeTime()
    clock = SessionClock(standard(), time)  # 5 / 20 / 15 / 5 minutes
    return time, clock, FollowUpScheduler(QUESTIONS, clock)


def test_questions_come_in_the_deep_dive_and_wrap_up_spaced_and_never_in_the_last_minute(setup):
    time, clock, scheduler = setup
    clock.start()
    assert run(5, scheduler, time) == []  # scope
    clock.next_phase()
    assert run(20, scheduler, time) == []  # high-level design
    clock.next_phase()
    asked = run(15, scheduler, time)  # deep dive: at 3, 7 and 11 minutes, not at 15
    assert [q.phase for q in asked] == ["deep_dive"] * 3
    assert [round(q.elapsed / 60 - 25) for q in asked] == [3, 7, 11]
    assert [q.index for q in asked] == [0, 1, 2]
    clock.next_phase()
    asked = run(5, scheduler, time)  # wrap-up: 4 minutes after the last one, before its end
    assert [(q.index, q.phase) for q in asked] == [(3, "wrap_up")]
    assert run(10, scheduler, time) == []  # every question asked, and overtime anyway
    assert len(scheduler.log.asked) == 4


def test_a_paused_clock_and_the_setting_off_ask_nothing(setup):
    time, clock, scheduler = setup
    clock.jump_to(2)
    clock.start()
    clock.pause()
    assert run(10, scheduler, time) == []
    scheduler.enabled = False
    clock.start()
    assert run(10, scheduler, time) == []
    scheduler.enabled = True
    assert scheduler.poll() is not None


def test_overtime_in_the_deep_dive_asks_nothing_more(setup):
    time, clock, scheduler = setup
    clock.jump_to(2)
    clock.start()
    time.now += 16 * 60  # straight into overtime
    assert scheduler.poll() is None


def test_the_log_round_trips_and_refuses_what_it_cannot_read(setup):
    time, clock, scheduler = setup
    clock.jump_to(2)
    clock.start()
    run(8, scheduler, time)
    data = scheduler.log.to_dict()
    assert data["version"] == 1 and len(data["asked"]) == 2
    assert FollowUpLog.from_dict(data) == scheduler.log
    bad = {"version": 1, "asked": [{"index": 0, "text": "Q?", "phase": "lunch", "elapsed": 3}]}
    with pytest.raises(FollowUpLogError, match=r"asked\[0\]\.phase 'lunch' is not a phase"):
        FollowUpLog.from_dict(bad)
    with pytest.raises(FollowUpLogError, match="version 9"):
        FollowUpLog.from_dict({"version": 9, "asked": []})
    with pytest.raises(FollowUpLogError, match="elapsed"):
        FollowUpLog.from_dict(
            {"version": 1, "asked": [{"index": 0, "text": "Q?", "phase": "scope", "elapsed": -1}]}
        )


def test_a_resumed_log_does_not_ask_the_same_question_again(setup):
    time, clock, scheduler = setup
    clock.jump_to(2)
    clock.start()
    run(4, scheduler, time)
    resumed = FollowUpScheduler(QUESTIONS, clock, FollowUpLog.from_dict(scheduler.log.to_dict()))
    assert resumed.next_index() == 1


def test_review_says_which_questions_the_notes_seem_to_address(setup):
    time, clock, scheduler = setup
    clock.jump_to(2)
    clock.start()
    run(8, scheduler, time)
    notes = {"deep_dive": "If the counter service goes down, servers keep their leased range."}
    reviews = review_follow_ups(scheduler.log, notes)
    assert [r.addressed for r in reviews] == [True, False]
    lines = follow_up_lines(scheduler.log, notes)
    assert lines[0].startswith("- What happens if the counter service goes down? (asked at 03:00")
    assert lines[0].endswith("your notes seem to address it.")
    assert lines[1].endswith("your notes do not seem to address it.")
    assert "a guess" in lines[-1]
