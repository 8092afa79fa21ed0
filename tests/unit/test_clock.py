import pytest

from sdi_desktop.domain.clock import (
    ClockState,
    OvertimeMonitor,
    SessionClock,
    format_duration,
)
from sdi_desktop.domain.formats import custom, scaled, standard
from tests.conftest import FakeTime


@pytest.fixture
def t():
    return FakeTime()


@pytest.fixture
def clock(t):
    return SessionClock(standard(), now=t)


def test_a_new_clock_is_ready_and_charges_nothing(clock, t):
    assert clock.state is ClockState.READY
    t.advance(100)
    assert clock.elapsed() == 0
    assert clock.remaining() == 300
    assert clock.total_elapsed() == 0
    assert clock.total_budget() == 45 * 60


def test_running_time_is_charged_to_the_current_phase(clock, t):
    clock.start()
    t.advance(90)
    assert clock.elapsed() == 90
    assert clock.remaining() == 210
    assert clock.overtime() == 0


def test_pause_stops_the_clock_and_resume_continues(clock, t):
    clock.start()
    t.advance(60)
    clock.pause()
    assert clock.state is ClockState.PAUSED
    t.advance(500)
    assert clock.elapsed() == 60
    clock.resume()
    t.advance(30)
    assert clock.elapsed() == 90
    clock.toggle()
    assert clock.state is ClockState.PAUSED
    clock.toggle()
    assert clock.state is ClockState.RUNNING


def test_overtime_counts_past_the_budget(clock, t):
    clock.start()
    t.advance(300 + 75)
    assert clock.remaining() == -75
    assert clock.overtime() == 75
    assert clock.phase_time().progress == 1.0


def test_walk_through_all_four_phases(clock, t):
    clock.start()
    spent = [280, 1260, 800, 310]
    for index, seconds in enumerate(spent):
        assert clock.current == index
        t.advance(seconds)
        if index < 3:
            assert clock.next_phase()
    assert not clock.next_phase()  # no fifth phase
    clock.finish()
    assert clock.state is ClockState.FINISHED
    assert [clock.elapsed(i) for i in range(4)] == spent
    assert [clock.overtime(i) for i in range(4)] == [0, 60, 0, 10]
    assert clock.total_elapsed() == sum(spent)
    t.advance(1000)
    assert clock.total_elapsed() == sum(spent)  # finished clocks stand still
    clock.start()
    assert clock.state is ClockState.FINISHED
    assert not clock.jump_to(0)


def test_previous_phase_resumes_charging_the_earlier_phase(clock, t):
    clock.start()
    t.advance(100)
    clock.next_phase()
    t.advance(50)
    assert clock.previous_phase()
    t.advance(20)
    assert clock.elapsed(0) == 120
    assert clock.elapsed(1) == 50
    assert not clock.previous_phase()  # already the first


def test_jump_while_paused_stays_paused(clock, t):
    clock.start()
    t.advance(10)
    clock.pause()
    assert clock.jump_to(2)
    t.advance(100)
    assert clock.state is ClockState.PAUSED
    assert clock.elapsed(2) == 0
    assert not clock.jump_to(9)
    assert not clock.jump_to(2)


def test_changed_event_fires_on_state_changes_only(clock, t):
    calls = []
    clock.changed.connect(lambda: calls.append(clock.state))
    clock.start()
    t.advance(5)
    clock.pause()
    clock.pause()  # no-op, no event
    clock.next_phase()
    assert calls == [ClockState.RUNNING, ClockState.PAUSED, ClockState.PAUSED]


def test_custom_and_scaled_budgets_drive_the_clock(t):
    clock = SessionClock(custom([2, 3, 4, 1]), now=t)
    assert [r.budget for r in clock.readings()] == [120, 180, 240, 60]
    clock.start()
    t.advance(150)
    assert clock.overtime() == 30
    assert SessionClock(scaled(35), now=t).total_budget() == 35 * 60
    assert SessionClock(scaled(60), now=t).total_budget() == 60 * 60


def test_round_trip_to_plain_data_banks_the_running_segment(clock, t):
    clock.start()
    t.advance(42)
    clock.next_phase()
    t.advance(8)
    data = clock.to_dict()
    again = SessionClock.from_dict(data, now=t)
    assert again.state is ClockState.PAUSED
    assert again.current == 1
    assert again.elapsed(0) == 42 and again.elapsed(1) == 8
    t.advance(100)
    assert again.elapsed(1) == 8


def test_overtime_monitor_reports_each_phase_once(clock, t):
    monitor = OvertimeMonitor()
    assert monitor.poll(clock) is None
    clock.start()
    t.advance(299)
    assert monitor.poll(clock) is None
    t.advance(2)
    assert monitor.poll(clock) == 0
    t.advance(60)
    assert monitor.poll(clock) is None
    clock.next_phase()
    clock.previous_phase()
    assert monitor.poll(clock) is None  # back to the same phase: no second cue
    clock.jump_to(3)
    t.advance(301)
    assert monitor.poll(clock) == 3
    assert monitor.cued == {0, 3}


@pytest.mark.parametrize(
    ("seconds", "signed", "text"),
    [
        (300, False, "05:00"),
        (299.2, False, "04:59"),
        (0, False, "00:00"),
        (-0.3, False, "-00:01"),
        (-75, False, "-01:15"),
        (41, True, "+00:41"),
        (3725, False, "1:02:05"),
    ],
)
def test_format_duration(seconds, signed, text):
    assert format_duration(seconds, signed=signed) == text


def test_a_finished_clock_reopens_paused_with_its_times(clock, t):
    clock.start()
    t.advance(100)
    clock.finish()
    clock.reopen()
    assert clock.state is ClockState.PAUSED and clock.elapsed(0) == 100
    clock.start()
    t.advance(5)
    assert clock.elapsed(0) == 105


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(300, "05:00"), (298.6, "04:59"), (0.2, "00:01"), (0, "00:00"), (-0.3, "00:00")],
)
def test_countdown_rounds_up_while_time_is_left(seconds, text):
    from sdi_desktop.domain.clock import format_countdown

    assert format_countdown(seconds) == text
