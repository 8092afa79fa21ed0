"""The machine's time zone with its summer time (``domain.local_time``), checked under a
zone set for the test (POSIX ``TZ`` and ``time.tzset``)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from sdi_desktop.domain.local_time import LOCAL, local_now
from sdi_desktop.domain.progress import (
    ProgressEntry,
    ProgressFilter,
    build_report,
    current_streak,
    sessions_per_week,
)

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs POSIX time.tzset")


@pytest.fixture
def new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    if time.localtime(0).tm_gmtoff != -5 * 3600:
        pytest.skip("no America/New_York rules on this machine")
    yield
    monkeypatch.undo()
    time.tzset()


def entry(i: int, when: datetime) -> ProgressEntry:
    budgets = (300.0, 1200.0, 900.0, 300.0)
    return ProgressEntry(i, f"S{i}", "chat", "Chat", when, budgets, budgets)


def test_offsets_follow_summer_time(new_york):
    summer = datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(LOCAL)
    winter = datetime(2026, 12, 1, 12, tzinfo=UTC).astimezone(LOCAL)
    assert (summer.hour, summer.utcoffset()) == (8, timedelta(hours=-4))
    assert (winter.hour, winter.utcoffset()) == (7, timedelta(hours=-5))
    assert summer.dst() == timedelta(hours=1) and winter.dst() == timedelta(0)
    assert (summer.tzname(), winter.tzname()) == ("EDT", "EST")
    assert local_now().utcoffset() in (timedelta(hours=-4), timedelta(hours=-5))


def test_the_repeated_hour_and_the_skipped_hour_follow_pep_495(new_york):
    # Summer time ended at 02:00 on 1 November 2026: 01:30 happened twice.
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC).astimezone(LOCAL)
    second = datetime(2026, 11, 1, 6, 30, tzinfo=UTC).astimezone(LOCAL)
    assert (first.hour, first.minute, first.fold) == (1, 30, 0)
    assert (second.hour, second.minute, second.fold) == (1, 30, 1)
    assert first.utcoffset() == timedelta(hours=-4) and second.utcoffset() == timedelta(hours=-5)
    for moment in (first, second):  # each reads back as the moment it came from
        assert moment.astimezone(UTC).astimezone(LOCAL) == moment
        # (== across zones is False for any time in a repeated hour, by PEP 495)
        assert moment.timestamp() == moment.astimezone(UTC).timestamp()
    assert second.timestamp() - first.timestamp() == 3600
    # It began at 02:00 on 8 March: 02:30 never happened on the clock.
    skipped = datetime(2026, 3, 8, 2, 30, tzinfo=LOCAL)
    assert skipped.utcoffset() == timedelta(hours=-5)  # fold 0: the offset before the change
    assert skipped.replace(fold=1).utcoffset() == timedelta(hours=-4)


def test_a_moment_before_1970_has_an_offset_too(new_york):
    old = datetime(1965, 7, 1, 12, tzinfo=UTC).astimezone(LOCAL)
    assert old.utcoffset() in (timedelta(hours=-4), timedelta(hours=-5))
    assert old == datetime(1965, 7, 1, 12, tzinfo=UTC)


def test_sessions_land_on_their_local_day_in_either_half_of_the_year(new_york):
    # 04:30 UTC on 1 July is 00:30 on the 1st in New York (summer time, -4); a winter
    # offset fixed on the day the dashboard opens (-5) would put it at 23:30 on 30 June.
    july = entry(1, datetime(2026, 7, 1, 4, 30, tzinfo=UTC))
    assert july.started_at.astimezone(LOCAL).date() == date(2026, 7, 1)
    report = build_report([july], ProgressFilter(since=date(2026, 7, 1)), date(2026, 7, 1), LOCAL)
    assert [e.id for e in report.entries] == [1] and report.streak == 1
    wednesday = entry(2, datetime(2026, 7, 2, 3, 0, tzinfo=UTC))  # 23:00 on the 1st
    assert current_streak([july, wednesday], date(2026, 7, 1), LOCAL) == 1
    assert sessions_per_week([july, wednesday], LOCAL) == ((date(2026, 6, 29), 2),)
