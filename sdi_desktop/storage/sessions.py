"""The sessions repository: every read and write of saved sessions, one transaction each."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.exc import IntegrityError

from sdi_desktop.domain.progress import ProgressEntry
from sdi_desktop.domain.record import SessionRecord, Snapshot, utcnow
from sdi_desktop.storage import codec, fts_index, progress_query, queries
from sdi_desktop.storage.database import reading, writing
from sdi_desktop.storage.errors import SessionNotFound, StorageError
from sdi_desktop.storage.queries import SessionQuery, SessionSummary
from sdi_desktop.storage.tables import (
    AssessmentRow,
    BoardRow,
    ExtraRow,
    NoteRow,
    SessionRow,
    SnapshotRow,
    TagRow,
)

SESSION = SessionRow.__table__
NOTE = NoteRow.__table__
BOARD = BoardRow.__table__
SNAPSHOT = SnapshotRow.__table__
TAG = TagRow.__table__
ASSESSMENT = AssessmentRow.__table__
EXTRA = ExtraRow.__table__


class SessionRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # -- writing a whole session ----------------------------------------------------------
    def create(self, record: SessionRecord) -> int:
        """Store a new session (snapshots included); sets and returns ``record.id``."""
        with writing(self._engine) as conn:
            session_id = conn.execute(
                insert(SESSION).values(codec.session_values(record))
            ).inserted_primary_key[0]
            self._write_parts(conn, session_id, record)
            for snapshot in record.snapshots:
                self._put_snapshot(conn, session_id, snapshot)
        record.id = session_id
        return session_id

    def save(self, record: SessionRecord) -> None:
        """Write everything but the snapshots (a record without an id is created)."""
        if record.id is None:
            self.create(record)
            return
        with writing(self._engine) as conn:
            done = conn.execute(
                update(SESSION)
                .where(SESSION.c.id == record.id)
                .values(codec.session_values(record))
            )
            if done.rowcount == 0:
                raise SessionNotFound(record.id)
            self._write_parts(conn, record.id, record)

    def _write_parts(self, conn: Connection, session_id: int, record: SessionRecord) -> None:
        conn.execute(delete(NOTE).where(NOTE.c.session_id == session_id))
        notes = [{"session_id": session_id, "pane": k, "body": v} for k, v in record.notes.items()]
        if notes:
            conn.execute(insert(NOTE), notes)
        board = {"session_id": session_id, "board_json": codec.board_to_json(record.board)}
        conn.execute(
            upsert(BOARD)
            .values(board)
            .on_conflict_do_update(
                index_elements=[BOARD.c.session_id], set_={"board_json": board["board_json"]}
            )
        )
        conn.execute(delete(TAG).where(TAG.c.session_id == session_id))
        tags = [{"session_id": session_id, "name": t} for t in dict.fromkeys(record.tags)]
        if tags:
            conn.execute(insert(TAG), tags)
        conn.execute(delete(EXTRA).where(EXTRA.c.session_id == session_id))
        extras = codec.extras_rows(session_id, record.extras)
        if extras:
            conn.execute(insert(EXTRA), extras)
        fts_index.reindex(conn, session_id)

    def set_extra(self, session_id: int, key: str, value: Any) -> None:
        """Write one feature's data of a session (its other data untouched), e.g. the
        link a swapped mock adds to its partner session."""
        (row,) = codec.extras_rows(session_id, {key: value})
        try:
            with writing(self._engine) as conn:
                conn.execute(
                    upsert(EXTRA)
                    .values(row)
                    .on_conflict_do_update(
                        index_elements=[EXTRA.c.session_id, EXTRA.c.key],
                        set_={"value_json": row["value_json"]},
                    )
                )
        except IntegrityError:
            raise SessionNotFound(session_id) from None

    def add_snapshot(self, session_id: int, snapshot: Snapshot) -> None:
        """Keep the board and notes at the end of a phase (replaces that phase's last one)."""
        try:
            with writing(self._engine) as conn:
                self._put_snapshot(conn, session_id, snapshot)
        except IntegrityError:
            raise SessionNotFound(session_id) from None

    @staticmethod
    def _put_snapshot(conn: Connection, session_id: int, snapshot: Snapshot) -> None:
        values = codec.snapshot_values(session_id, snapshot)
        conn.execute(
            upsert(SNAPSHOT)
            .values(values)
            .on_conflict_do_update(
                index_elements=[SNAPSHOT.c.session_id, SNAPSHOT.c.phase_index],
                set_={
                    k: values[k] for k in ("taken_at", "board_json", "notes_json", "extras_json")
                },
            )
        )

    # -- reading ----------------------------------------------------------------------------
    def get(self, session_id: int) -> SessionRecord:
        """The whole session, snapshots in phase order; ``SessionNotFound`` if unknown, a
        ``StorageError`` naming the part if its board (or extras) cannot be read."""
        with reading(self._engine) as conn:
            row = conn.execute(select(SESSION).where(SESSION.c.id == session_id)).first()
            if row is None:
                raise SessionNotFound(session_id)
            record = codec.record_from_row(row)
            record.notes = dict(
                conn.execute(
                    select(NOTE.c.pane, NOTE.c.body).where(NOTE.c.session_id == session_id)
                ).all()
            )
            board = conn.execute(
                select(BOARD.c.board_json).where(BOARD.c.session_id == session_id)
            ).scalar()
            record.tags = list(
                conn.execute(
                    select(TAG.c.name).where(TAG.c.session_id == session_id).order_by(text("rowid"))
                ).scalars()
            )
            snapshots = conn.execute(
                select(SNAPSHOT)
                .where(SNAPSHOT.c.session_id == session_id)
                .order_by(SNAPSHOT.c.phase_index)
            ).all()
            extras = conn.execute(
                select(EXTRA.c.key, EXTRA.c.value_json)
                .where(EXTRA.c.session_id == session_id)
                .order_by(EXTRA.c.key)
            ).all()
        part = "board"
        try:
            record.board = [] if board is None else codec.board_from_json(board)
            for snapshot in snapshots:
                part = f"board at the end of phase {snapshot.phase_index + 1}"
                record.snapshots.append(codec.snapshot_from_row(snapshot))
            part = "feature data (extras)"
            record.extras = codec.extras_from_rows(extras)
        except ValueError as exc:  # BoardFormatError, ExtrasError
            raise StorageError(
                f"saved session {session_id} ({record.title}) cannot be opened: "
                f"its {part} cannot be read: {exc}"
            ) from None
        return record

    def list(self, query: SessionQuery | None = None) -> list[SessionSummary]:
        with reading(self._engine) as conn:
            return queries.run(conn, query or SessionQuery())

    def trashed(self) -> list[SessionSummary]:
        with reading(self._engine) as conn:
            return queries.run(conn, SessionQuery(), trashed_only=True)

    def practice_history(self) -> dict[str, tuple[int, datetime]]:
        """Problem id -> (times practised, last started), trashed sessions left out."""
        stmt = (
            select(SESSION.c.problem_id, func.count(), func.max(SESSION.c.started_at))
            .where(SESSION.c.problem_id.is_not(None), SESSION.c.trashed_at.is_(None))
            .group_by(SESSION.c.problem_id)
        )
        with reading(self._engine) as conn:
            rows = conn.execute(stmt).all()
        # max() over a DATETIME column comes back as text; from_db_time parses it.
        return {pid: (count, codec.from_db_time(last)) for pid, count, last in rows}

    # -- library operations ------------------------------------------------------------------
    def rename(self, session_id: int, title: str) -> None:
        with writing(self._engine) as conn:
            self._update(conn, session_id, title=title, updated_at=codec.to_db_time(utcnow()))
            fts_index.reindex(conn, session_id)

    def duplicate(self, session_id: int) -> int:
        """Practise this again: same problem, prompt and format; a fresh start."""
        original = self.get(session_id)
        again = SessionRecord(
            title=f"{original.title} (again)",
            problem_id=original.problem_id,
            problem_title=original.problem_title,
            prompt=original.prompt,
            format=original.format,
        )
        if original.format is not None:
            again.clock = {
                "format": original.format.to_dict(),
                "spent": [0.0] * len(original.phase_seconds),
                "current": 0,
                "state": "ready",
            }
        return self.create(again)

    def trash(self, session_id: int) -> None:
        with writing(self._engine) as conn:
            self._update(conn, session_id, trashed_at=codec.to_db_time(utcnow()))

    def restore(self, session_id: int) -> None:
        with writing(self._engine) as conn:
            self._update(conn, session_id, trashed_at=None)

    def purge(self, session_id: int) -> None:
        """Delete for good: the session, its notes, board, tags, snapshots, assessment."""
        with writing(self._engine) as conn:
            done = conn.execute(delete(SESSION).where(SESSION.c.id == session_id))
            if done.rowcount == 0:
                raise SessionNotFound(session_id)
            fts_index.drop(conn, session_id)

    @staticmethod
    def _update(conn: Connection, session_id: int, **values: Any) -> None:
        done = conn.execute(update(SESSION).where(SESSION.c.id == session_id).values(**values))
        if done.rowcount == 0:
            raise SessionNotFound(session_id)

    # -- self-assessment -----------------------------------------------------------------------
    def save_assessment(self, session_id: int, assessment: dict[str, Any]) -> None:
        """Keys: rubric_version (int), scores (dict), reviewer_points (list), note (str)."""
        values = {
            "session_id": session_id,
            "rubric_version": int(assessment.get("rubric_version", 1)),
            "scores_json": codec.dumps(assessment.get("scores", {})),
            "reviewer_points_json": codec.dumps(assessment.get("reviewer_points", [])),
            "note": str(assessment.get("note", "")),
            "updated_at": codec.to_db_time(utcnow()),
        }
        try:
            with writing(self._engine) as conn:
                conn.execute(
                    upsert(ASSESSMENT)
                    .values(values)
                    .on_conflict_do_update(
                        index_elements=[ASSESSMENT.c.session_id],
                        set_={k: v for k, v in values.items() if k != "session_id"},
                    )
                )
        except IntegrityError:
            raise SessionNotFound(session_id) from None

    def progress_entries(
        self, problem_tags: dict[str, list[str]] | None = None
    ) -> list[ProgressEntry]:
        """One entry per started, untrashed session (oldest first) for the progress
        figures; ``problem_tags`` (problem id -> tags) adds each problem's tags to
        its sessions' own."""
        with reading(self._engine) as conn:
            return progress_query.progress_entries(conn, problem_tags)

    def save_assessor_assessment(self, session_id: int, assessor: str, data: dict) -> None:
        """Another assessor's rubric of the session (the interviewer's): see assessors.py."""
        from sdi_desktop.storage import assessors

        assessors.save(self._engine, session_id, assessor, data)

    def assessments_by_others(self, session_id: int) -> dict[str, dict[str, Any]]:
        from sdi_desktop.storage import assessors

        return assessors.of_session(self._engine, session_id)

    def scores_by_assessor(self) -> dict[str, dict[int, dict[str, int]]]:
        from sdi_desktop.storage import assessors

        return assessors.scores_by_assessor(self._engine)

    def get_assessment(self, session_id: int) -> dict[str, Any] | None:
        with reading(self._engine) as conn:
            row = conn.execute(
                select(ASSESSMENT).where(ASSESSMENT.c.session_id == session_id)
            ).first()
        if row is None:
            return None
        return {
            "rubric_version": row.rubric_version,
            "scores": json.loads(row.scores_json),
            "reviewer_points": json.loads(row.reviewer_points_json),
            "note": row.note,
            "updated_at": codec.from_db_time(row.updated_at),
        }
