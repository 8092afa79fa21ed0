"""The figures behind the progress dashboard and ``sdi-desktop stats``.

Input is one ``ProgressEntry`` per saved session (storage builds them); every
function here is pure and takes "today" and the time zone as arguments, so the
figures are the same in tests, on the command line and in the charts.

- score per competency over time, with a trailing moving average;
- time per phase against budget, averaged per week (the stacked bars);
- overtime per session over time, with a moving average;
- sessions per week and the current streak;
- attempts per problem and per tag, zeros included (what the user avoids).

Weeks start on Monday, in the given time zone. The streak counts consecutive
days with at least one session, ending today, or yesterday when there is no
session yet today (a streak is broken only once a whole day passes without one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from itertools import accumulate
from typing import Any

from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.rubric import COMPETENCIES

MOVING_WINDOW = 5


@dataclass(slots=True)
class ProgressEntry:
    id: int
    title: str
    problem_id: str | None
    problem_title: str
    started_at: datetime  # aware
    phase_seconds: tuple[float, ...]
    budgets: tuple[float, ...]
    tags: frozenset[str] = frozenset()  # the session's own tags and its problem's
    scores: dict[str, int] = field(default_factory=dict)
    timestamp: float = field(init=False, repr=False, compare=False)  # POSIX seconds

    def __post_init__(self) -> None:
        self.timestamp = self.started_at.timestamp()

    @property
    def overtime(self) -> float:
        """Seconds over budget, summed over the phases that ran over."""
        over = 0.0
        for spent, budget in zip(self.phase_seconds, self.budgets, strict=False):
            if spent > budget:
                over += spent - budget
        return over


@dataclass(frozen=True)
class ProgressFilter:
    since: date | None = None  # local dates, both inclusive
    until: date | None = None
    problem_id: str | None = None
    tag: str | None = None


@dataclass(frozen=True)
class Series:
    """Points in time (one per session) with their values and moving average."""

    ids: tuple[int, ...]
    times: tuple[float, ...]  # POSIX seconds, for a time axis
    values: tuple[float, ...]
    moving: tuple[float, ...]


@dataclass(frozen=True)
class WeekPhases:
    week: date  # the Monday
    sessions: int
    spent: tuple[float, ...]  # average seconds per phase
    budgets: tuple[float, ...]  # average budget per phase


@dataclass(frozen=True)
class ProgressReport:
    entries: tuple[ProgressEntry, ...]  # filtered, oldest first
    scores: dict[str, Series]  # competency key -> series (assessed sessions only)
    phase_weeks: tuple[WeekPhases, ...]
    phase_average: tuple[tuple[float, float], ...]  # per phase: (average spent, budget)
    overtime: Series  # minutes over budget per session
    weeks: tuple[tuple[date, int], ...]  # sessions per week, empty weeks included
    streak: int
    problems: tuple[tuple[str, str, int], ...]  # (id, title, attempts), most first
    tags: tuple[tuple[str, int], ...]  # (tag, attempts), most first

    def entry(self, session_id: int) -> ProgressEntry | None:
        for entry in self.entries:
            if entry.id == session_id:
                return entry
        return None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``sdi-desktop stats --json``)."""
        titles = {c.key: c.title for c in COMPETENCIES}
        return {
            "sessions": len(self.entries),
            "streak_days": self.streak,
            "scores": {
                key: {
                    "title": titles[key],
                    "assessed": len(series.values),
                    "latest": series.values[-1] if series.values else None,
                    "moving_average": round(series.moving[-1], 2) if series.moving else None,
                    "points": [
                        {"session": i, "score": v}
                        for i, v in zip(series.ids, series.values, strict=True)
                    ],
                }
                for key, series in self.scores.items()
            },
            "phases": [
                {
                    "phase": phase.key,
                    "average_minutes": round(spent / 60, 2),
                    "budget_minutes": round(budget / 60, 2),
                }
                for phase, (spent, budget) in zip(PHASES, self.phase_average, strict=True)
            ],
            "overtime_minutes": {
                "average": round(sum(self.overtime.values) / len(self.overtime.values), 2)
                if self.overtime.values
                else 0.0,
                "moving_average": round(self.overtime.moving[-1], 2)
                if self.overtime.moving
                else 0.0,
            },
            "sessions_per_week": [{"week": w.isoformat(), "sessions": n} for w, n in self.weeks],
            "problems": [{"id": i, "title": t, "attempts": n} for i, t, n in self.problems],
            "tags": [{"tag": t, "attempts": n} for t, n in self.tags],
        }


# -- filtering ---------------------------------------------------------------------------------
class _Days:
    """Each entry's local date, computed once per report (10,000 conversions add up)."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self._days: dict[int, date] = {}

        self._weeks: dict[int, date] = {}

    def __call__(self, entry: ProgressEntry) -> date:
        day = self._days.get(entry.id)
        if day is None:
            day = self._days[entry.id] = entry.started_at.astimezone(self.tz).date()
        return day

    def week(self, entry: ProgressEntry) -> date:
        """The Monday of the entry's week."""
        week = self._weeks.get(entry.id)
        if week is None:
            week = self._weeks[entry.id] = week_start(self(entry))
        return week


def _day_of(tz: tzinfo, days: _Days | None) -> _Days:
    return days if days is not None and days.tz is tz else _Days(tz)


def filter_entries(
    entries: Iterable[ProgressEntry], flt: ProgressFilter, tz: tzinfo, days: _Days | None = None
) -> list[ProgressEntry]:
    """The entries that pass the filter, oldest first."""
    day_of = _day_of(tz, days)
    out = []
    for entry in entries:
        if flt.problem_id is not None and entry.problem_id != flt.problem_id:
            continue
        if flt.tag is not None and flt.tag not in entry.tags:
            continue
        if flt.since is not None or flt.until is not None:
            day = day_of(entry)
            if (flt.since is not None and day < flt.since) or (
                flt.until is not None and day > flt.until
            ):
                continue
        out.append(entry)
    out.sort(key=lambda e: e.timestamp)
    return out


# -- the figures ---------------------------------------------------------------------------------
def moving_average(values: Sequence[float], window: int = MOVING_WINDOW) -> tuple[float, ...]:
    """Trailing mean over the last ``window`` values (fewer at the start)."""
    sums = [0.0, *accumulate(values)]  # running totals, in C
    n = len(values)
    head = [sums[i + 1] / (i + 1) for i in range(min(window, n))]
    return (*head, *[(sums[i + 1] - sums[i + 1 - window]) / window for i in range(window, n)])


def _series(ids: list[int], times: list[float], values: list[float], window: int) -> Series:
    return Series(tuple(ids), tuple(times), tuple(values), moving_average(values, window))


def score_series(entries: Sequence[ProgressEntry], window: int = MOVING_WINDOW) -> dict:
    """Competency key -> the scores of the sessions that have one, oldest first."""
    keys = [c.key for c in COMPETENCIES]
    found: dict[str, tuple[list, list, list]] = {k: ([], [], []) for k in keys}
    for entry in entries:  # one pass: 10,000 sessions x 6 competencies adds up
        for key, score in entry.scores.items():
            lists = found.get(key)
            if lists is not None:
                lists[0].append(entry.id)
                lists[1].append(entry.timestamp)
                lists[2].append(score)
    return {k: _series(*found[k], window) for k in keys}


def overtime_trend(entries: Sequence[ProgressEntry], window: int = MOVING_WINDOW) -> Series:
    """Minutes over budget per session (sum of the phases that ran over)."""
    return _series(
        [e.id for e in entries],
        [e.timestamp for e in entries],
        [e.overtime / 60.0 for e in entries],
        window,
    )


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def phase_time_by_week(
    entries: Sequence[ProgressEntry], tz: tzinfo, days: _Days | None = None
) -> tuple[WeekPhases, ...]:
    """Per week with sessions: average seconds spent in each phase, and average budget."""
    day_of = _day_of(tz, days)
    groups: dict[date, list[ProgressEntry]] = {}
    for entry in entries:
        groups.setdefault(day_of.week(entry), []).append(entry)
    out = []
    for week, group in sorted(groups.items()):
        spent, budgets = _phase_means(group)
        out.append(WeekPhases(week, len(group), spent, budgets))
    return tuple(out)


def _phase_means(group: Sequence[ProgressEntry]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    count, n = len(PHASES), len(group)
    spent = [0.0] * count
    budgets = [0.0] * count
    for i, column in enumerate(zip(*(_padded(e.phase_seconds) for e in group), strict=True)):
        spent[i] = sum(column) / n
    for i, column in enumerate(zip(*(_padded(e.budgets) for e in group), strict=True)):
        budgets[i] = sum(column) / n
    return tuple(spent), tuple(budgets)


def _padded(values: tuple[float, ...]) -> tuple[float, ...]:
    count = len(PHASES)
    if len(values) == count:
        return values
    return (*values[:count], *(0.0,) * (count - len(values)))


def phase_average(entries: Sequence[ProgressEntry]) -> tuple[tuple[float, float], ...]:
    """Per phase: (average seconds spent, average budget) over the entries."""
    if not entries:
        return tuple((0.0, p.default_minutes * 60.0) for p in PHASES)
    spent, budgets = _phase_means(entries)
    return tuple(zip(spent, budgets, strict=True))


def sessions_per_week(
    entries: Sequence[ProgressEntry], tz: tzinfo, days: _Days | None = None
) -> tuple[tuple[date, int], ...]:
    """Sessions per week from the first week to the last, weeks without any included."""
    day_of = _day_of(tz, days)
    counts = Counter(day_of.week(e) for e in entries)
    if not counts:
        return ()
    week, last, out = min(counts), max(counts), []
    while week <= last:
        out.append((week, counts.get(week, 0)))
        week += timedelta(days=7)
    return tuple(out)


def current_streak(
    entries: Iterable[ProgressEntry], today: date, tz: tzinfo, cache: _Days | None = None
) -> int:
    """Days in a row with a session, ending today (or yesterday if none yet today)."""
    day_of = _day_of(tz, cache)
    days = {day_of(e) for e in entries}
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def attempts_per_problem(
    entries: Iterable[ProgressEntry], catalogue: dict[str, str] | None = None
) -> tuple[tuple[str, str, int], ...]:
    """(problem id, title, attempts), most attempted first; sessions without a problem
    are left out, and every problem of ``catalogue`` (id -> title) shows, even at 0."""
    titles = dict(catalogue or {})
    counts: Counter[str] = Counter()
    for entry in entries:
        if entry.problem_id:
            counts[entry.problem_id] += 1
            titles.setdefault(entry.problem_id, entry.problem_title or entry.problem_id)
    rows = [(pid, titles[pid], counts.get(pid, 0)) for pid in titles]
    rows.sort(key=lambda r: (-r[2], r[1].lower()))
    return tuple(rows)


def attempts_per_tag(
    entries: Iterable[ProgressEntry], known_tags: Iterable[str] = ()
) -> tuple[tuple[str, int], ...]:
    """(tag, attempts), most first; every tag of ``known_tags`` shows, even at 0."""
    counts: Counter[str] = Counter(dict.fromkeys(known_tags, 0))
    for entry in entries:
        counts.update(entry.tags)
    return tuple(sorted(counts.items(), key=lambda r: (-r[1], r[0])))


def date_cache(tz: tzinfo) -> _Days:
    """Local dates to keep between reports on the same entries (re-filtering)."""
    return _Days(tz)


def build_report(
    entries: Iterable[ProgressEntry],
    flt: ProgressFilter,
    today: date,
    tz: tzinfo,
    catalogue: dict[str, str] | None = None,
    known_tags: Iterable[str] = (),
    window: int = MOVING_WINDOW,
    cache: _Days | None = None,
) -> ProgressReport:
    """Every figure of the dashboard for the entries that pass ``flt``.

    The streak counts every entry (a filter does not break a streak); the rest
    counts the filtered ones. ``catalogue`` and ``known_tags`` add the problems and
    tags never practised; with a problem or tag filter only that one shows.
    """
    everything = entries if isinstance(entries, list) else list(entries)
    days = _Days(tz) if cache is None or cache.tz is not tz else cache
    chosen = filter_entries(everything, flt, tz, days)
    if flt.problem_id is not None:
        catalogue = {k: v for k, v in (catalogue or {}).items() if k == flt.problem_id}
    if flt.tag is not None:
        known_tags = [flt.tag]
    return ProgressReport(
        entries=tuple(chosen),
        scores=score_series(chosen, window),
        phase_weeks=phase_time_by_week(chosen, tz, days),
        phase_average=phase_average(chosen),
        overtime=overtime_trend(chosen, window),
        weeks=sessions_per_week(chosen, tz, days),
        streak=current_streak(everything, today, tz, days),
        problems=attempts_per_problem(chosen, catalogue),
        tags=attempts_per_tag(chosen, known_tags),
    )
