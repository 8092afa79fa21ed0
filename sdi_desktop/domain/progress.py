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
from typing import Any

from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.rubric import COMPETENCIES

MOVING_WINDOW = 5


@dataclass(frozen=True, slots=True)
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

    @property
    def overtime(self) -> float:
        """Seconds over budget, summed over the phases that ran over."""
        return sum(max(0.0, s - b) for s, b in zip(self.phase_seconds, self.budgets, strict=False))


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
def local_date(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def filter_entries(
    entries: Iterable[ProgressEntry], flt: ProgressFilter, tz: tzinfo
) -> list[ProgressEntry]:
    """The entries that pass the filter, oldest first."""
    out = []
    for entry in entries:
        if flt.problem_id is not None and entry.problem_id != flt.problem_id:
            continue
        if flt.tag is not None and flt.tag not in entry.tags:
            continue
        if flt.since is not None or flt.until is not None:
            day = local_date(entry.started_at, tz)
            if (flt.since is not None and day < flt.since) or (
                flt.until is not None and day > flt.until
            ):
                continue
        out.append(entry)
    out.sort(key=lambda e: e.started_at)
    return out


# -- the figures ---------------------------------------------------------------------------------
def moving_average(values: Sequence[float], window: int = MOVING_WINDOW) -> tuple[float, ...]:
    """Trailing mean over the last ``window`` values (fewer at the start)."""
    out, total = [], 0.0
    for i, value in enumerate(values):
        total += value
        if i >= window:
            total -= values[i - window]
        out.append(total / min(i + 1, window))
    return tuple(out)


def _series(points: list[tuple[ProgressEntry, float]], window: int) -> Series:
    values = [v for _, v in points]
    return Series(
        ids=tuple(e.id for e, _ in points),
        times=tuple(e.started_at.timestamp() for e, _ in points),
        values=tuple(values),
        moving=moving_average(values, window),
    )


def score_series(entries: Sequence[ProgressEntry], window: int = MOVING_WINDOW) -> dict:
    """Competency key -> the scores of the sessions that have one, oldest first."""
    return {
        c.key: _series([(e, e.scores[c.key]) for e in entries if c.key in e.scores], window)
        for c in COMPETENCIES
    }


def overtime_trend(entries: Sequence[ProgressEntry], window: int = MOVING_WINDOW) -> Series:
    """Minutes over budget per session (sum of the phases that ran over)."""
    return _series([(e, e.overtime / 60.0) for e in entries], window)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def phase_time_by_week(entries: Sequence[ProgressEntry], tz: tzinfo) -> tuple[WeekPhases, ...]:
    """Per week with sessions: average seconds spent in each phase, and average budget."""
    count = len(PHASES)
    weeks: dict[date, list] = {}
    for entry in entries:
        week = week_start(local_date(entry.started_at, tz))
        slot = weeks.setdefault(week, [0, [0.0] * count, [0.0] * count])
        slot[0] += 1
        for i in range(count):
            slot[1][i] += entry.phase_seconds[i] if i < len(entry.phase_seconds) else 0.0
            slot[2][i] += entry.budgets[i] if i < len(entry.budgets) else 0.0
    return tuple(
        WeekPhases(week, n, tuple(s / n for s in spent), tuple(b / n for b in budget))
        for week, (n, spent, budget) in sorted(weeks.items())
    )


def phase_average(entries: Sequence[ProgressEntry]) -> tuple[tuple[float, float], ...]:
    """Per phase: (average seconds spent, average budget) over the entries."""
    n = len(entries)
    if not n:
        return tuple((0.0, p.default_minutes * 60.0) for p in PHASES)
    return tuple(
        (sum(e.phase_seconds[i] for e in entries) / n, sum(e.budgets[i] for e in entries) / n)
        for i in range(len(PHASES))
    )


def sessions_per_week(entries: Sequence[ProgressEntry], tz: tzinfo) -> tuple[tuple[date, int], ...]:
    """Sessions per week from the first week to the last, weeks without any included."""
    counts = Counter(week_start(local_date(e.started_at, tz)) for e in entries)
    if not counts:
        return ()
    week, last, out = min(counts), max(counts), []
    while week <= last:
        out.append((week, counts.get(week, 0)))
        week += timedelta(days=7)
    return tuple(out)


def current_streak(entries: Iterable[ProgressEntry], today: date, tz: tzinfo) -> int:
    """Days in a row with a session, ending today (or yesterday if none yet today)."""
    days = {local_date(e.started_at, tz) for e in entries}
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


def build_report(
    entries: Iterable[ProgressEntry],
    flt: ProgressFilter,
    today: date,
    tz: tzinfo,
    catalogue: dict[str, str] | None = None,
    known_tags: Iterable[str] = (),
    window: int = MOVING_WINDOW,
) -> ProgressReport:
    """Every figure of the dashboard for the entries that pass ``flt``.

    The streak counts every entry (a filter does not break a streak); the rest
    counts the filtered ones. ``catalogue`` and ``known_tags`` add the problems and
    tags never practised; with a problem or tag filter only that one shows.
    """
    everything = list(entries)
    chosen = filter_entries(everything, flt, tz)
    if flt.problem_id is not None:
        catalogue = {k: v for k, v in (catalogue or {}).items() if k == flt.problem_id}
    if flt.tag is not None:
        known_tags = [flt.tag]
    return ProgressReport(
        entries=tuple(chosen),
        scores=score_series(chosen, window),
        phase_weeks=phase_time_by_week(chosen, tz),
        phase_average=phase_average(chosen),
        overtime=overtime_trend(chosen, window),
        weeks=sessions_per_week(chosen, tz),
        streak=current_streak(everything, today, tz),
        problems=attempts_per_problem(chosen, catalogue),
        tags=attempts_per_tag(chosen, known_tags),
    )
