"""The figures behind each chart, on hand-made entries (time zone and "today" injected)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from sdi_desktop.domain.progress import (
    ProgressEntry,
    ProgressFilter,
    attempts_per_problem,
    attempts_per_tag,
    build_report,
    current_streak,
    filter_entries,
    moving_average,
    overtime_trend,
    phase_time_by_week,
    score_series,
    sessions_per_week,
)

BUDGETS = (300.0, 1200.0, 900.0, 300.0)
TOKYO = timezone(timedelta(hours=9))


def entry(i, when, spent=BUDGETS, problem="chat", tags=(), scores=None, budgets=BUDGETS):
    return ProgressEntry(
        id=i,
        title=f"Session {i}",
        problem_id=problem,
        problem_title=(problem or "").title(),
        started_at=when,
        phase_seconds=tuple(spent),
        budgets=tuple(budgets),
        tags=frozenset(tags),
        scores=scores or {},
    )


def at(day, hour=12):
    return datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def test_moving_average_is_trailing():
    assert moving_average([1, 2, 3, 4, 5, 6], 3) == (1, 1.5, 2, 3, 4, 5)
    assert moving_average([], 3) == ()


def test_scores_per_competency_oldest_first_with_moving_average():
    entries = [
        entry(2, at(3), scores={"scoping": 3, "time": 1}),
        entry(1, at(1), scores={"scoping": 1}),
        entry(3, at(5)),  # not assessed
        entry(4, at(7), scores={"scoping": 4}),
    ]
    series = score_series(filter_entries(entries, ProgressFilter(), UTC), window=2)
    assert series["scoping"].ids == (1, 2, 4)
    assert series["scoping"].values == (1, 3, 4)
    assert series["scoping"].moving == (1, 2, 3.5)
    assert series["scoping"].times[0] == at(1).timestamp()
    assert series["time"].ids == (2,)
    assert series["deep_dive"].ids == ()


def test_phase_time_per_week_averages_spent_and_budget():
    entries = [
        entry(1, at(2), spent=(600, 1200, 900, 0)),  # Monday 2 Nov
        entry(2, at(4), spent=(0, 1800, 900, 600), budgets=(600, 1200, 900, 300)),
        entry(3, at(9), spent=(300, 300, 300, 300)),  # next Monday
    ]
    weeks = phase_time_by_week(entries, UTC)
    assert [w.week for w in weeks] == [date(2026, 11, 2), date(2026, 11, 9)]
    assert weeks[0].sessions == 2
    assert weeks[0].spent == (300, 1500, 900, 300)
    assert weeks[0].budgets == (450, 1200, 900, 300)
    assert weeks[1].spent == (300, 300, 300, 300)


def test_overtime_trend_in_minutes():
    entries = [
        entry(1, at(1), spent=(360, 1200, 900, 300)),  # 1 minute over
        entry(2, at(2), spent=(600, 1500, 1200, 600)),  # 5 + 5 + 5 + 5
        entry(3, at(3), spent=(0, 0, 0, 0)),
    ]
    trend = overtime_trend(entries, window=2)
    assert trend.values == (1, 20, 0)
    assert trend.moving == (1, 10.5, 10)


def test_sessions_per_week_include_empty_weeks():
    entries = [entry(1, at(2)), entry(2, at(3)), entry(3, at(20))]
    assert sessions_per_week(entries, UTC) == (
        (date(2026, 11, 2), 2),
        (date(2026, 11, 9), 0),
        (date(2026, 11, 16), 1),
    )
    assert sessions_per_week([], UTC) == ()


def test_streak_counts_days_in_a_row_ending_today_or_yesterday():
    entries = [entry(i, at(d)) for i, d in enumerate((10, 12, 13, 13, 14))]
    assert current_streak(entries, date(2026, 11, 14), UTC) == 3
    assert current_streak(entries, date(2026, 11, 15), UTC) == 3  # not broken yet
    assert current_streak(entries, date(2026, 11, 16), UTC) == 0
    assert current_streak([], date(2026, 11, 16), UTC) == 0


def test_streak_and_weeks_use_the_time_zone():
    # 20:00 UTC on the 12th is the 13th in Tokyo
    entries = [entry(1, at(12, 20)), entry(2, at(14, 1))]
    assert current_streak(entries, date(2026, 11, 14), UTC) == 1
    assert current_streak(entries, date(2026, 11, 14), TOKYO) == 2
    sunday_night = datetime(2026, 11, 8, 20, 0, tzinfo=UTC)  # Monday 9th in Tokyo
    assert sessions_per_week([entry(1, sunday_night)], TOKYO)[0][0] == date(2026, 11, 9)
    assert sessions_per_week([entry(1, sunday_night)], UTC)[0][0] == date(2026, 11, 2)


def test_a_zone_with_summer_time_puts_each_session_on_its_own_local_day():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        new_york = zoneinfo.ZoneInfo("America/New_York")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone data on this machine")
    # Summer time ended on 1 November 2026: 04:30 UTC on the 2nd is 23:30 on the 1st
    # there (a fixed summer offset would say 00:30 on the 2nd).
    after = datetime(2026, 11, 2, 4, 30, tzinfo=UTC)
    summer = datetime(2026, 10, 30, 3, 30, tzinfo=UTC)  # 23:30 on the 29th, summer time
    entries = [entry(1, summer), entry(2, after)]
    only = ProgressFilter(since=date(2026, 11, 1), until=date(2026, 11, 1))
    assert [e.id for e in filter_entries(entries, only, new_york)] == [2]
    assert current_streak(entries, date(2026, 11, 1), new_york) == 1
    weeks = sessions_per_week(entries, new_york)
    assert weeks == ((date(2026, 10, 26), 2),)  # Thursday 29th and Sunday 1st: one week


def test_entries_pad_missing_phases_and_count_overtime_once():
    short = entry(1, at(3), spent=(400.0, 1300.0), budgets=(300.0, 1200.0, 900.0))
    assert short.phase_seconds == (400.0, 1300.0, 0.0, 0.0)
    assert short.budgets == (300.0, 1200.0, 900.0, 0.0)
    assert short.overtime == 200.0
    assert entry(2, at(3)).overtime == 0.0


def test_attempts_per_problem_and_tag_show_what_is_avoided():
    entries = [
        entry(1, at(1), problem="chat", tags=("realtime", "mock")),
        entry(2, at(2), problem="chat", tags=("realtime",)),
        entry(3, at(3), problem="feed", tags=("fan-out",)),
        entry(4, at(4), problem=None),
    ]
    catalogue = {"chat": "Chat", "feed": "Feed", "wallet": "Wallet"}
    assert attempts_per_problem(entries, catalogue) == (
        ("chat", "Chat", 2),
        ("feed", "Feed", 1),
        ("wallet", "Wallet", 0),
    )
    assert attempts_per_tag(entries, ["payments"]) == (
        ("realtime", 2),
        ("fan-out", 1),
        ("mock", 1),
        ("payments", 0),
    )


def test_filters_by_date_problem_and_tag():
    entries = [
        entry(1, at(1), problem="chat", tags=("mock",)),
        entry(2, at(5), problem="feed"),
        entry(3, at(9), problem="chat"),
        entry(4, at(12, 23), problem="chat"),  # the 13th in Tokyo
    ]

    def ids(flt, tz=UTC):
        return [e.id for e in filter_entries(entries, flt, tz)]

    assert ids(ProgressFilter()) == [1, 2, 3, 4]
    assert ids(ProgressFilter(problem_id="chat")) == [1, 3, 4]
    assert ids(ProgressFilter(tag="mock")) == [1]
    assert ids(ProgressFilter(since=date(2026, 11, 5), until=date(2026, 11, 12))) == [2, 3, 4]
    assert ids(ProgressFilter(since=date(2026, 11, 5), until=date(2026, 11, 12)), TOKYO) == [2, 3]


def test_report_filters_everything_but_the_streak():
    entries = [
        entry(1, at(13), problem="chat", scores={"scoping": 2}),
        entry(2, at(14), problem="feed", scores={"scoping": 4}),
    ]
    report = build_report(
        entries,
        ProgressFilter(problem_id="feed"),
        date(2026, 11, 14),
        UTC,
        catalogue={"chat": "Chat", "feed": "Feed"},
        known_tags=["x"],
    )
    assert [e.id for e in report.entries] == [2]
    assert report.streak == 2
    assert report.scores["scoping"].values == (4,)
    assert report.problems == (("feed", "Feed", 1),)
    assert report.entry(2).title == "Session 2" and report.entry(1) is None
    data = report.to_dict()
    assert data["sessions"] == 1 and data["streak_days"] == 2
    assert data["scores"]["scoping"]["points"] == [{"session": 2, "score": 4}]
    assert data["phases"][1] == {
        "phase": "high_level",
        "average_minutes": 20.0,
        "budget_minutes": 20.0,
    }


def test_an_empty_report_is_well_formed():
    report = build_report([], ProgressFilter(), date(2026, 11, 14), UTC)
    data = report.to_dict()
    assert data["sessions"] == 0 and data["streak_days"] == 0
    assert data["overtime_minutes"] == {"average": 0.0, "moving_average": 0.0}
    assert data["phases"][0]["budget_minutes"] == pytest.approx(5.0)


def test_every_figure_takes_a_one_shot_iterator_as_well_as_a_list():
    entries = [entry(1, at(13)), entry(2, at(14), problem="kv", tags=("storage",))]
    today = date(2026, 11, 14)
    assert current_streak(iter(entries), today, UTC) == current_streak(entries, today, UTC) == 2
    assert sessions_per_week(iter(entries), UTC) == sessions_per_week(entries, UTC)
    assert phase_time_by_week(iter(entries), UTC) == phase_time_by_week(entries, UTC)
    assert attempts_per_problem(iter(entries)) == attempts_per_problem(entries)
    assert attempts_per_problem(entries) == (("chat", "Chat", 1), ("kv", "Kv", 1))
    assert attempts_per_tag(iter(entries)) == (("storage", 1),)
    assert score_series(iter(entries)) == score_series(entries)
    assert overtime_trend(iter(entries)) == overtime_trend(entries)
    flt = ProgressFilter(since=date(2026, 11, 14))
    assert filter_entries(iter(entries), flt, UTC) == [entries[1]]
    assert build_report(iter(entries), ProgressFilter(), today, UTC) == build_report(
        entries, ProgressFilter(), today, UTC
    )


def test_a_problem_filter_lists_that_problems_tags_not_every_tag():
    entries = [entry(1, at(13), problem="chat", tags=("realtime", "mine"))]
    tags = {"chat": ["realtime", "websockets"], "feed": ["ranking"]}
    report = build_report(
        entries,
        ProgressFilter(problem_id="chat"),
        date(2026, 11, 14),
        UTC,
        known_tags=["ranking", "realtime", "websockets"],
        problem_tags=tags,
    )
    assert dict(report.tags) == {"realtime": 1, "mine": 1, "websockets": 0}  # no "ranking"
    today = date(2026, 11, 14)
    everything = build_report(
        entries, ProgressFilter(), today, UTC, known_tags=["ranking"], problem_tags=tags
    )
    assert dict(everything.tags)["ranking"] == 0  # without a problem filter, every tag
