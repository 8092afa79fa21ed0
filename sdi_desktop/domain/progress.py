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
from datetime import date, datetime, timedelta, timezone, tzinfo
from itertools import accumulate, chain, compress, groupby, repeat
from operator import attrgetter, itemgetter, sub, truediv
from typing import Any

from sdi_desktop.domain.local_time import LocalTime, offset_at
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.rubric import COMPETENCIES

MOVING_WINDOW = 5
_PHASE_COUNT = len(PHASES)


@dataclass(slots=True)
class ProgressEntry:
    id: int
    title: str
    problem_id: str | None
    problem_title: str
    started_at: datetime  # aware
    phase_seconds: tuple[float, ...]  # one per phase (padded with 0 if fewer were stored)
    budgets: tuple[float, ...]
    tags: frozenset[str] = frozenset()  # the session's own tags and its problem's
    scores: dict[str, int] = field(default_factory=dict)
    timestamp: float = field(init=False, repr=False, compare=False)  # POSIX seconds
    overtime: float = field(init=False, repr=False, compare=False)
    """Seconds over budget, summed over the phases that ran over."""

    def __post_init__(self) -> None:
        # Computed once here: every figure reads them, on up to tens of thousands of entries.
        self.timestamp = self.started_at.timestamp()
        over = 0.0
        for spent, budget in zip(self.phase_seconds, self.budgets, strict=False):
            if spent > budget:
                over += spent - budget
        self.overtime = over
        if len(self.phase_seconds) != _PHASE_COUNT:
            self.phase_seconds = _padded(self.phase_seconds)
        if len(self.budgets) != _PHASE_COUNT:
            self.budgets = _padded(self.budgets)


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


# -- local days -------------------------------------------------------------------------------
# Days are handled as proleptic ordinals (date.toordinal()): ints are cheap to compare,
# group and count over 10,000 entries; they become dates only in the report.
_ORDINAL_1970 = date(1970, 1, 1).toordinal()


def _monday(ordinal: int) -> int:
    return ordinal - (ordinal - 1) % 7  # ordinal 1 (0001-01-01) was a Monday


class _Days:
    """Each entry's local day, computed once per entry and kept between reports."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self._ordinals: dict[int, int] = {}

    def ordinals(self, entries: Iterable[ProgressEntry]) -> list[int]:
        """The local day of each entry, as ordinals, in the entries' order."""
        entries = _listed(entries)
        known = self._ordinals
        missing = [e for e in entries if e.id not in known]
        if missing:
            if isinstance(self.tz, timezone):  # a fixed offset: arithmetic on timestamps
                offset = self.tz.utcoffset(None).total_seconds()
                days = [int((e.timestamp + offset) // 86400) + _ORDINAL_1970 for e in missing]
            elif isinstance(self.tz, LocalTime):  # the machine's zone: its offset at each moment
                days = [
                    int((t + offset_at(t)) // 86400) + _ORDINAL_1970
                    for t in [e.timestamp for e in missing]
                ]
            else:  # another zone with rules (summer time): let datetime apply them
                tz = self.tz
                days = [e.started_at.astimezone(tz).toordinal() for e in missing]
            known.update(zip([e.id for e in missing], days, strict=True))
        return [known[e.id] for e in entries]


def _listed(entries: Iterable[ProgressEntry]) -> Sequence[ProgressEntry]:
    """The entries as a sequence: the figures walk them more than once."""
    return entries if isinstance(entries, (list, tuple)) else list(entries)


def _day_of(tz: tzinfo, days: _Days | None) -> _Days:
    return days if days is not None and days.tz is tz else _Days(tz)


def filter_entries(
    entries: Iterable[ProgressEntry], flt: ProgressFilter, tz: tzinfo, days: _Days | None = None
) -> list[ProgressEntry]:
    """The entries that pass the filter, oldest first."""
    out = _listed(entries)
    if flt.problem_id is not None:
        out = [e for e in out if e.problem_id == flt.problem_id]
    if flt.tag is not None:
        out = [e for e in out if flt.tag in e.tags]
    if flt.since is not None or flt.until is not None:
        low = flt.since.toordinal() if flt.since is not None else 0
        high = flt.until.toordinal() if flt.until is not None else date.max.toordinal()
        ordinals = _day_of(tz, days).ordinals(out)
        out = [e for e, day in zip(out, ordinals, strict=True) if low <= day <= high]
    return sorted(out, key=_TIMESTAMP)


_TIMESTAMP = attrgetter("timestamp")


# -- the figures ---------------------------------------------------------------------------------
def moving_average(values: Sequence[float], window: int = MOVING_WINDOW) -> tuple[float, ...]:
    """Trailing mean over the last ``window`` values (fewer at the start)."""
    n = len(values)
    sums = [0.0, *accumulate(values)]  # running totals, in C
    head = [sums[i + 1] / (i + 1) for i in range(min(window, n))]
    if n <= window:
        return tuple(head)
    differences = map(sub, sums[window + 1 :], sums[1 : n + 1 - window])
    return (*head, *map(truediv, differences, repeat(window)))


def _series(ids: list[int], times: list[float], values: list[float], window: int) -> Series:
    return Series(tuple(ids), tuple(times), tuple(values), moving_average(values, window))


def score_series(entries: Iterable[ProgressEntry], window: int = MOVING_WINDOW) -> dict:
    """Competency key -> the scores of the sessions that have one, oldest first."""
    entries = _listed(entries)
    assessed = [e for e in entries if e.scores]
    ids = [e.id for e in assessed]
    times = [e.timestamp for e in assessed]
    scores = [e.scores for e in assessed]
    out = {}
    for competency in COMPETENCIES:
        key = competency.key
        values = [s.get(key) for s in scores]
        if None in values:  # some sessions were not scored on this one
            scored = [v is not None for v in values]
            out[key] = _series(
                list(compress(ids, scored)),
                list(compress(times, scored)),
                list(compress(values, scored)),
                window,
            )
        else:
            out[key] = _series(ids, times, values, window)
    return out


def overtime_trend(entries: Iterable[ProgressEntry], window: int = MOVING_WINDOW) -> Series:
    """Minutes over budget per session (sum of the phases that ran over)."""
    entries = _listed(entries)
    return _series(
        [e.id for e in entries],
        [e.timestamp for e in entries],
        [e.overtime / 60.0 for e in entries],
        window,
    )


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def phase_time_by_week(
    entries: Iterable[ProgressEntry], tz: tzinfo, days: _Days | None = None
) -> tuple[WeekPhases, ...]:
    """Per week with sessions: average seconds spent in each phase, and average budget."""
    entries = _listed(entries)
    mondays = [_monday(d) for d in _day_of(tz, days).ordinals(entries)]
    return _phase_weeks(entries, mondays)


def _phase_weeks(entries: Sequence[ProgressEntry], mondays: list[int]) -> tuple[WeekPhases, ...]:
    # Entries come oldest first, so a week is one run; runs of one week are merged all the same.
    totals: dict[int, list] = {}
    for monday, run in groupby(zip(mondays, entries, strict=True), key=itemgetter(0)):
        group = [e for _m, e in run]
        spent, budgets = _column_sums(group)
        total = totals.get(monday)
        if total is None:
            totals[monday] = [len(group), spent, budgets]
        else:
            total[0] += len(group)
            total[1] = [a + b for a, b in zip(total[1], spent, strict=True)]
            total[2] = [a + b for a, b in zip(total[2], budgets, strict=True)]
    return tuple(
        WeekPhases(
            date.fromordinal(monday),
            n,
            tuple(s / n for s in spent),
            tuple(b / n for b in budgets),
        )
        for monday, (n, spent, budgets) in sorted(totals.items())
    )


def _column_sums(group: Sequence[ProgressEntry]) -> tuple[list[float], list[float]]:
    """Per phase: the seconds spent and the budgets, summed over the group (in C)."""
    spent = [sum(column) for column in zip(*[e.phase_seconds for e in group], strict=True)]
    budgets = [sum(column) for column in zip(*[e.budgets for e in group], strict=True)]
    return spent, budgets


def _padded(values: tuple[float, ...]) -> tuple[float, ...]:
    return (*values[:_PHASE_COUNT], *(0.0,) * (_PHASE_COUNT - len(values)))


def phase_average(entries: Iterable[ProgressEntry]) -> tuple[tuple[float, float], ...]:
    """Per phase: (average seconds spent, average budget) over the entries."""
    entries = _listed(entries)
    if not entries:
        return tuple((0.0, p.default_minutes * 60.0) for p in PHASES)
    n = len(entries)
    spent, budgets = _column_sums(entries)
    return tuple((s / n, b / n) for s, b in zip(spent, budgets, strict=True))


def sessions_per_week(
    entries: Iterable[ProgressEntry], tz: tzinfo, days: _Days | None = None
) -> tuple[tuple[date, int], ...]:
    """Sessions per week from the first week to the last, weeks without any included."""
    return _week_counts([_monday(d) for d in _day_of(tz, days).ordinals(entries)])


def _week_counts(mondays: list[int]) -> tuple[tuple[date, int], ...]:
    if not mondays:
        return ()
    counts = Counter(mondays)
    return tuple(
        (date.fromordinal(monday), counts.get(monday, 0))
        for monday in range(min(counts), max(counts) + 1, 7)
    )


def current_streak(
    entries: Iterable[ProgressEntry], today: date, tz: tzinfo, cache: _Days | None = None
) -> int:
    """Days in a row with a session, ending today (or yesterday if none yet today)."""
    days = set(_day_of(tz, cache).ordinals(entries))
    day = today.toordinal()
    if day not in days:
        day -= 1
    streak = 0
    while day in days:
        streak += 1
        day -= 1
    return streak


def attempts_per_problem(
    entries: Iterable[ProgressEntry], catalogue: dict[str, str] | None = None
) -> tuple[tuple[str, str, int], ...]:
    """(problem id, title, attempts), most attempted first; sessions without a problem
    are left out, and every problem of ``catalogue`` (id -> title) shows, even at 0."""
    entries = _listed(entries)
    titles = dict(catalogue or {})
    counts = Counter([e.problem_id for e in entries])
    counts.pop(None, None)
    counts.pop("", None)
    unknown = counts.keys() - titles.keys()
    if unknown:  # practised problems no longer in the library: the title of their first session
        first = {}
        for entry in entries:
            if entry.problem_id in unknown and entry.problem_id not in first:
                first[entry.problem_id] = entry.problem_title or entry.problem_id
        titles.update(first)
    rows = [(pid, titles[pid], counts.get(pid, 0)) for pid in titles]
    rows.sort(key=lambda r: (-r[2], r[1].lower()))
    return tuple(rows)


def attempts_per_tag(
    entries: Iterable[ProgressEntry], known_tags: Iterable[str] = ()
) -> tuple[tuple[str, int], ...]:
    """(tag, attempts), most first; every tag of ``known_tags`` shows, even at 0."""
    counts: Counter[str] = Counter(dict.fromkeys(known_tags, 0))
    counts.update(chain.from_iterable([e.tags for e in entries]))
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
    problem_tags: dict[str, Iterable[str]] | None = None,
) -> ProgressReport:
    """Every figure of the dashboard for the entries that pass ``flt``.

    The streak counts every entry (a filter does not break a streak); the rest
    counts the filtered ones. ``catalogue`` and ``known_tags`` add the problems and
    tags never practised; with a problem or tag filter only that one shows, and with a
    problem filter the tags never practised are that problem's (``problem_tags``: problem
    id -> its tags in the library), not every tag of the library.
    """
    everything = _listed(entries)
    days = _day_of(tz, cache)
    chosen = filter_entries(everything, flt, tz, days)
    if flt.problem_id is not None:
        catalogue = {k: v for k, v in (catalogue or {}).items() if k == flt.problem_id}
        if problem_tags is not None:
            known_tags = list(problem_tags.get(flt.problem_id, ()))
    if flt.tag is not None:
        known_tags = [flt.tag]
    mondays = [_monday(d) for d in days.ordinals(chosen)]
    return ProgressReport(
        entries=tuple(chosen),
        scores=score_series(chosen, window),
        phase_weeks=_phase_weeks(chosen, mondays),
        phase_average=phase_average(chosen),
        overtime=overtime_trend(chosen, window),
        weeks=_week_counts(mondays),
        streak=current_streak(everything, today, tz, days),
        problems=attempts_per_problem(chosen, catalogue),
        tags=attempts_per_tag(chosen, known_tags),
    )
