"""Assessments per assessor (migration 4): the interviewer's feedback on a session,
stored beside the candidate's self-assessment (the ``assessment`` table, assessor
``"self"``)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.exc import IntegrityError

from sdi_desktop.domain.record import utcnow
from sdi_desktop.storage import codec
from sdi_desktop.storage.database import reading, writing
from sdi_desktop.storage.errors import SessionNotFound
from sdi_desktop.storage.tables import AssessorAssessmentRow

TABLE = AssessorAssessmentRow.__table__
SELF = "self"  # the candidate's own assessment (kept in the older ``assessment`` table)


def save(engine: Engine, session_id: int, assessor: str, data: dict[str, Any]) -> None:
    """``data``: facts (str), scores (competency -> 1..4), notes (competency -> str)."""
    assessor = assessor.strip()
    if not assessor or assessor == SELF:
        raise ValueError(f"an assessor other than {SELF!r} is needed, got {assessor!r}")
    values = {
        "session_id": session_id,
        "assessor": assessor,
        "rubric_version": int(data.get("rubric_version", 1)),
        "facts": str(data.get("facts", "")),
        "scores_json": codec.dumps(dict(data.get("scores", {}))),
        "notes_json": codec.dumps(dict(data.get("notes", {}))),
        "updated_at": codec.to_db_time(utcnow()),
    }
    try:
        with writing(engine) as conn:
            conn.execute(
                upsert(TABLE)
                .values(values)
                .on_conflict_do_update(
                    index_elements=[TABLE.c.session_id, TABLE.c.assessor],
                    set_={k: v for k, v in values.items() if k not in ("session_id", "assessor")},
                )
            )
    except IntegrityError:
        raise SessionNotFound(session_id) from None


def of_session(engine: Engine, session_id: int) -> dict[str, dict[str, Any]]:
    """Assessor -> their assessment of the session (the self-assessment not included)."""
    with reading(engine) as conn:
        rows = conn.execute(
            select(TABLE).where(TABLE.c.session_id == session_id).order_by(TABLE.c.assessor)
        ).all()
    return {
        row.assessor: {
            "rubric_version": row.rubric_version,
            "facts": row.facts,
            "scores": json.loads(row.scores_json),
            "notes": json.loads(row.notes_json),
            "updated_at": codec.from_db_time(row.updated_at),
        }
        for row in rows
    }


def assessed_by(engine: Engine, assessor: str) -> set[int]:
    """The ids of the sessions this assessor assessed."""
    with reading(engine) as conn:
        ids = conn.execute(select(TABLE.c.session_id).where(TABLE.c.assessor == assessor))
        return {int(i) for i in ids.scalars()}


def scores_by_assessor(engine: Engine) -> dict[str, dict[int, dict[str, int]]]:
    """Assessor -> session id -> their scores (for the dashboard's "assessed by")."""
    with reading(engine) as conn:
        rows = conn.execute(select(TABLE.c.assessor, TABLE.c.session_id, TABLE.c.scores_json))
        result: dict[str, dict[int, dict[str, int]]] = {}
        for assessor, session_id, scores in rows:
            result.setdefault(assessor, {})[int(session_id)] = json.loads(scores)
    return result
