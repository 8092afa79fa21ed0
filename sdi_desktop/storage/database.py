"""The SQLite file: one engine, the connection pragmas, transactions, health checks.

Every connection runs in WAL mode with foreign keys on; ``synchronous=NORMAL`` is
safe in WAL (a crash never corrupts, a power cut may drop the last commit) and
keeps a save to one write of the log. The pysqlite driver's own transaction
handling is switched off so that SQLAlchemy's ``begin`` decides: writes take the
write lock up front (``BEGIN IMMEDIATE``), so two processes wait for each other
(``busy_timeout``) instead of failing half-way through a save.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from sdi_desktop.storage.errors import StorageError

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
SIDE_FILES = ("-wal", "-shm")
SQLITE_HEADER = b"SQLite format 3\x00"
_BEGIN_OPTION = "sdi_begin"


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself
        cursor = dbapi_connection.cursor()
        for pragma in PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(_BEGIN_OPTION, '')}")

    return engine


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot, never blocks writers (WAL)."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction, committed on exit, rolled back on an exception."""
    try:
        with engine.connect() as conn:
            conn.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
            with conn.begin():
                yield conn
    except OperationalError as exc:  # disk full, read-only file, locked too long...
        raise StorageError(f"could not write {engine.url.database}: {exc.orig}") from exc


def check_writable(directory: Path) -> None:
    """Create the directory if needed and prove a file can be made in it."""
    probe = directory / f".sdi-write-probe-{os.getpid()}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        cause = exc.strerror or exc.__class__.__name__
        raise StorageError(f"cannot save sessions in {directory}: {cause}") from None


def is_healthy(path: Path) -> bool:
    """False if ``path`` is not an SQLite database or fails ``PRAGMA quick_check``."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    # Check the header before SQLite opens the file: opening a non-database makes
    # SQLite discard its -wal, and that file must be kept as found.
    with path.open("rb") as f:
        if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return False
    try:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename a bad database (and its -wal/-shm) to ``<name>.corrupt-<stamp>``; never delete."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target
