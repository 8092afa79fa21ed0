"""Versioned schema changes, run at start-up: ``PRAGMA user_version`` + ordered steps.

Each migration is a frozen list of SQL statements (never edited once released;
a change is a new migration). ``upgrade`` runs the missing ones in order inside
one write transaction, so a database is either fully at the new version or left
as it was. docs/storage.md explains why this and not Alembic.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection

from sdi_desktop.storage.errors import StorageError


class Migration(NamedTuple):
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = Migration(
    1,
    "sessions with notes, board and phase snapshots",
    (
        """CREATE TABLE session (
            id INTEGER NOT NULL,
            title VARCHAR NOT NULL,
            problem_id VARCHAR,
            problem_title VARCHAR NOT NULL,
            prompt VARCHAR NOT NULL,
            format_json VARCHAR,
            clock_json VARCHAR NOT NULL,
            checklist_json VARCHAR NOT NULL,
            hints_json VARCHAR NOT NULL,
            status VARCHAR NOT NULL,
            started_at DATETIME NOT NULL,
            ended_at DATETIME,
            updated_at DATETIME NOT NULL,
            trashed_at DATETIME,
            phase_seconds_json VARCHAR NOT NULL,
            budgets_json VARCHAR NOT NULL,
            total_seconds FLOAT NOT NULL,
            PRIMARY KEY (id)
        )""",
        "CREATE INDEX ix_session_started_at ON session (started_at)",
        "CREATE INDEX ix_session_problem_id ON session (problem_id)",
        """CREATE TABLE note (
            session_id INTEGER NOT NULL,
            pane VARCHAR NOT NULL,
            body VARCHAR NOT NULL,
            PRIMARY KEY (session_id, pane),
            FOREIGN KEY(session_id) REFERENCES session (id) ON DELETE CASCADE
        )""",
        """CREATE TABLE board (
            session_id INTEGER NOT NULL,
            board_json VARCHAR NOT NULL,
            PRIMARY KEY (session_id),
            FOREIGN KEY(session_id) REFERENCES session (id) ON DELETE CASCADE
        )""",
        """CREATE TABLE snapshot (
            id INTEGER NOT NULL,
            session_id INTEGER NOT NULL,
            phase_index INTEGER NOT NULL,
            taken_at DATETIME NOT NULL,
            board_json VARCHAR NOT NULL,
            notes_json VARCHAR NOT NULL,
            PRIMARY KEY (id),
            UNIQUE (session_id, phase_index),
            FOREIGN KEY(session_id) REFERENCES session (id) ON DELETE CASCADE
        )""",
    ),
)

_V2 = Migration(
    2,
    "tags, self-assessment, full-text index over titles and notes",
    (
        """CREATE TABLE tag (
            session_id INTEGER NOT NULL,
            name VARCHAR NOT NULL,
            PRIMARY KEY (session_id, name),
            FOREIGN KEY(session_id) REFERENCES session (id) ON DELETE CASCADE
        )""",
        "CREATE INDEX ix_tag_name ON tag (name)",
        """CREATE TABLE assessment (
            session_id INTEGER NOT NULL,
            rubric_version INTEGER NOT NULL,
            scores_json VARCHAR NOT NULL,
            reviewer_points_json VARCHAR NOT NULL,
            note VARCHAR NOT NULL,
            updated_at DATETIME NOT NULL,
            PRIMARY KEY (session_id),
            FOREIGN KEY(session_id) REFERENCES session (id) ON DELETE CASCADE
        )""",
        # rowid = session id; maintained by the repository (fts_index.py).
        """CREATE VIRTUAL TABLE session_fts USING fts5(
            title, notes, tokenize = 'unicode61 remove_diacritics 2'
        )""",
        # Index the sessions that version 1 stored.
        """INSERT INTO session_fts (rowid, title, notes)
           SELECT s.id, s.title,
                  coalesce((SELECT group_concat(n.body, char(10)) FROM note n
                            WHERE n.session_id = s.id), '')
           FROM session s""",
    ),
)

_V3 = Migration(
    3,
    "per-feature session data (SessionRecord.extras), also in phase snapshots",
    (
        """CREATE TABLE extra (
            session_id INTEGER NOT NULL,
            "key" VARCHAR NOT NULL,
            value_json VARCHAR NOT NULL,
            PRIMARY KEY (session_id, "key"),
            FOREIGN KEY(session_id) REFERENCES session (id) ON DELETE CASCADE
        )""",
        "ALTER TABLE snapshot ADD COLUMN extras_json VARCHAR NOT NULL DEFAULT '{}'",
    ),
)

_V4 = Migration(
    4,
    "an assessment per assessor (the interviewer's feedback beside the self-assessment)",
    (
        """CREATE TABLE assessor_assessment (
            session_id INTEGER NOT NULL,
            assessor VARCHAR NOT NULL,
            rubric_version INTEGER NOT NULL,
            facts VARCHAR NOT NULL,
            scores_json VARCHAR NOT NULL,
            notes_json VARCHAR NOT NULL,
            updated_at DATETIME NOT NULL,
            PRIMARY KEY (session_id, assessor),
            FOREIGN KEY(session_id) REFERENCES session (id) ON DELETE CASCADE
        )""",
        "CREATE INDEX ix_assessor_assessment_assessor ON assessor_assessment (assessor)",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2, _V3, _V4)
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())


def upgrade(conn: Connection, target: int = LATEST) -> list[int]:
    """Bring the database to ``target``; returns the versions applied.

    Call inside a write transaction: on any failure nothing is applied.
    """
    version = current_version(conn)
    if version > LATEST:
        raise StorageError(
            f"the database has schema version {version}, newer than this app "
            f"understands ({LATEST}); a newer SDI Desktop wrote it"
        )
    applied = []
    for migration in MIGRATIONS:
        if version < migration.version <= target:
            for statement in migration.statements:
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql(f"PRAGMA user_version = {migration.version:d}")
            applied.append(migration.version)
    return applied
