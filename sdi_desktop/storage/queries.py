"""Listing sessions for the library: the query, the summary rows, full-text matching.

A listing reads only the ``session`` row's small columns (never notes or boards)
plus one pass over the tags, so 10,000 sessions list in a few tens of milliseconds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection, Select, select, text

from sdi_desktop.storage.codec import from_db_time, to_db_time
from sdi_desktop.storage.tables import FTS_TABLE, SessionRow, TagRow

Sort = Literal["started", "title", "problem", "total"]

S = SessionRow.__table__.c
T = TagRow.__table__.c


@dataclass(frozen=True)
class SessionQuery:
    text: str = ""  # words to find in titles and notes (prefixes match)
    problem_id: str | None = None
    tag: str | None = None
    since: datetime | None = None  # started at or after
    until: datetime | None = None  # started before
    include_trashed: bool = False
    sort: Sort = "started"
    descending: bool = True
    limit: int | None = None


@dataclass(frozen=True)
class SessionSummary:
    id: int
    title: str
    problem_id: str | None
    problem_title: str
    started_at: datetime
    ended_at: datetime | None
    status: str
    phase_seconds: list[float]
    budgets: tuple[float, ...]
    total_seconds: float
    tags: list[str] = field(default_factory=list)
    trashed: bool = False


_WORD = re.compile(r"\w", re.UNICODE)


def fts_match(user_text: str) -> str | None:
    """An FTS5 query from what the user typed: every word must appear, as a prefix.

    Each word becomes a quoted string (quotes doubled), so operators (AND, OR,
    NEAR, -, *, :, parentheses) and stray quotes are taken literally. Returns
    None when nothing searchable is left.
    """
    terms = []
    for word in user_text.split():
        if _WORD.search(word):
            terms.append('"' + word.replace('"', '""') + '"*')
    return " ".join(terms) or None


_ORDER = {
    "started": (S.started_at,),
    "title": (S.title.collate("NOCASE"),),
    "problem": (S.problem_title.collate("NOCASE"), S.started_at),
    "total": (S.total_seconds,),
}

_COLUMNS = (
    S.id,
    S.title,
    S.problem_id,
    S.problem_title,
    S.started_at,
    S.ended_at,
    S.status,
    S.phase_seconds_json,
    S.budgets_json,
    S.total_seconds,
    S.trashed_at,
)


def build(query: SessionQuery, trashed_only: bool = False) -> Select:
    stmt = select(*_COLUMNS)
    if trashed_only:
        stmt = stmt.where(S.trashed_at.is_not(None))
    elif not query.include_trashed:
        stmt = stmt.where(S.trashed_at.is_(None))
    match = fts_match(query.text)
    if match is not None:
        stmt = stmt.where(
            S.id.in_(
                select(text("rowid"))
                .select_from(text(FTS_TABLE))
                .where(text(f"{FTS_TABLE} MATCH :match").bindparams(match=match))
            )
        )
    if query.problem_id is not None:
        stmt = stmt.where(S.problem_id == query.problem_id)
    if query.tag is not None:
        stmt = stmt.where(S.id.in_(select(T.session_id).where(T.name == query.tag)))
    if query.since is not None:
        stmt = stmt.where(S.started_at >= to_db_time(query.since))
    if query.until is not None:
        stmt = stmt.where(S.started_at < to_db_time(query.until))
    keys = _ORDER[query.sort]
    stmt = stmt.order_by(*(k.desc() if query.descending else k.asc() for k in keys), S.id.desc())
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return stmt


def run(conn: Connection, query: SessionQuery, trashed_only: bool = False) -> list[SessionSummary]:
    rows = conn.execute(build(query, trashed_only)).all()
    tags = _tags(conn, len(rows))
    loads = json.loads
    return [
        SessionSummary(
            id=r.id,
            title=r.title,
            problem_id=r.problem_id,
            problem_title=r.problem_title,
            started_at=from_db_time(r.started_at),
            ended_at=from_db_time(r.ended_at),
            status=r.status,
            phase_seconds=loads(r.phase_seconds_json),
            budgets=tuple(loads(r.budgets_json)),
            total_seconds=r.total_seconds,
            tags=tags.get(r.id, []),
            trashed=r.trashed_at is not None,
        )
        for r in rows
    ]


def _tags(conn: Connection, count: int) -> dict[int, list[str]]:
    if not count:
        return {}
    result: dict[int, list[str]] = {}
    for session_id, name in conn.execute(select(T.session_id, T.name).order_by(text("rowid"))):
        result.setdefault(session_id, []).append(name)
    return result
