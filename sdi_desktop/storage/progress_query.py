"""Reading what the progress figures need, for every session at once.

One query over the ``session`` row's small columns joined with the assessment
scores, plus one pass over the tags; JSON columns parsed in one go. About the
cost of the library's listing, so the dashboard opens quickly on 10,000 sessions.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Connection

from sdi_desktop.domain.progress import ProgressEntry
from sdi_desktop.storage import codec
from sdi_desktop.storage.queries import gc_paused

_SQL = """
SELECT s.id, s.title, s.problem_id, s.problem_title, s.started_at || '+00:00',
       s.phase_seconds_json, s.budgets_json, a.scores_json
FROM session s LEFT JOIN assessment a ON a.session_id = s.id
WHERE s.trashed_at IS NULL AND s.total_seconds > 0
ORDER BY s.started_at, s.id
"""


def progress_entries(
    conn: Connection, problem_tags: dict[str, list[str]] | None = None
) -> list[ProgressEntry]:
    """One entry per started, untrashed session, oldest first."""
    problem_tags = problem_tags or {}
    with gc_paused():
        rows = conn.exec_driver_sql(_SQL).all()
        tags: dict[int, set[str]] = {}
        for session_id, name in conn.exec_driver_sql("SELECT session_id, name FROM tag"):
            tags.setdefault(session_id, set()).add(name)
        spent = json.loads("[" + ",".join(r[5] for r in rows) + "]")
        scores = json.loads("[" + ",".join(r[7] or "{}" for r in rows) + "]")
        budgets_of = {text: tuple(json.loads(text)) for text in {r[6] for r in rows}}
        started = _utc_times([r[4] for r in rows])
        extra = {pid: frozenset(t) for pid, t in problem_tags.items()}
        empty: frozenset[str] = frozenset()
        return [
            ProgressEntry(
                sid,
                title,
                problem_id,
                ptitle,
                when,
                tuple(phase),
                budgets_of[budgets],
                _tags(extra.get(problem_id, empty), tags.get(sid)),
                score,
            )
            for (sid, title, problem_id, ptitle, _, _, budgets, _), when, phase, score in zip(
                rows, started, spent, scores, strict=True
            )
        ]


def _tags(of_problem: frozenset[str], own: set[str] | None) -> frozenset[str]:
    return of_problem.union(own) if own else of_problem  # most sessions share their problem's


def _utc_times(texts: list[str]) -> list[datetime]:
    """The query's times ("<stored UTC text>+00:00") as aware datetimes; parsing the
    offset is ten times cheaper than datetime.replace(tzinfo=UTC) on each of 10,000."""
    try:
        times = list(map(datetime.fromisoformat, texts))
    except ValueError:  # a time written by hand with its own offset: one at a time
        return [codec.from_db_time(text.removesuffix("+00:00")) for text in texts]
    if any(t.tzinfo is None for t in times):  # a bare date: "+" read as the time separator
        return [codec.from_db_time(text.removesuffix("+00:00")) for text in texts]
    return times
