"""The full-text index (FTS5, ``session_fts``): one row per session, rowid = session id.

Rebuilt from the tables for one session whenever its title or notes change, by
the same statement migration 2 used to fill it, so the index never holds
anything the tables do not.
"""

from __future__ import annotations

from sqlalchemy import Connection

from sdi_desktop.storage.tables import FTS_TABLE

_DELETE = f"DELETE FROM {FTS_TABLE} WHERE rowid = ?"
_INSERT = f"""INSERT INTO {FTS_TABLE} (rowid, title, notes)
    SELECT s.id, s.title,
           coalesce((SELECT group_concat(n.body, char(10)) FROM note n
                     WHERE n.session_id = s.id), '')
    FROM session s WHERE s.id = ?"""


def reindex(conn: Connection, session_id: int) -> None:
    conn.exec_driver_sql(_DELETE, (session_id,))
    conn.exec_driver_sql(_INSERT, (session_id,))


def drop(conn: Connection, session_id: int) -> None:
    conn.exec_driver_sql(_DELETE, (session_id,))
