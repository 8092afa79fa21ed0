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
from urllib.parse import quote

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


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """An SQLite URI that opens ``path`` for reading only; ``immutable`` also skips the
    -shm file that WAL readers need, for a folder or disk where it cannot be made."""
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def make_engine(path: Path, read_only: bool = False, immutable: bool = False) -> Engine:
    """The engine of one database file; ``read_only`` never writes to it."""
    args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    if read_only:
        immutable = immutable or not os.access(path.parent, os.W_OK) or _on_read_only_mount(path)
        url = f"sqlite:///{read_only_uri(path, immutable)}&uri=true"
        pragmas = PRAGMAS[1:]  # not journal_mode: that would write the header
    else:
        url, pragmas = f"sqlite:///{path}", PRAGMAS
    engine = create_engine(url, connect_args=args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(_BEGIN_OPTION, '')}")

    return engine


def _on_read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


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


# ``PRAGMA application_id`` of an SDI Desktop database ("SDID"): the file is ours.
APPLICATION_ID = 0x53444944
# SQLite's result codes that mean the file itself is damaged or not a database. Every
# other error (full disk, I/O error, a lock, a read-only file) says nothing about the
# file's health: it must never make a sound database look corrupt and be moved aside.
CORRUPTION_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corruption(exc: BaseException) -> bool:
    """True when an sqlite3 (or SQLAlchemy-wrapped) error says the file is damaged."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in CORRUPTION_CODES
    text = str(orig).lower()
    return "malformed" in text or "not a database" in text


def describe_error(path: Path, exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    return f"cannot use {path}: {orig} (the file was left as it is)"


def is_healthy(path: Path) -> bool:
    """False only if ``path`` is not an SQLite database or fails ``PRAGMA quick_check``.

    Any other failure to check it (a full disk, an I/O error, a lock, a read-only
    file or folder) raises ``StorageError``: that is no reason to move a file aside.
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return True
        # Check the header before SQLite opens the file: opening a non-database makes
        # SQLite discard its -wal, and that file must be kept as found.
        with path.open("rb") as f:
            if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
    except IsADirectoryError:
        raise StorageError(f"cannot use {path}: it is a folder, not a database file") from None
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return False
        raise StorageError(describe_error(path, exc)) from None
    return rows == [("ok",)]


def _header(uri: str) -> tuple[int, int, set[str]]:
    conn = sqlite3.connect(uri, uri=True)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    return app_id, version, tables


def ownership(path: Path) -> str:
    """'ours', 'new' (empty or missing: ours to set up) or 'foreign' (another app's).

    Read with a read-only connection that changes nothing (no WAL switch): a
    database of another application must be left exactly as it was found.
    """
    if not path.exists() or path.stat().st_size == 0:
        return "new"
    try:
        try:
            app_id, version, tables = _header(read_only_uri(path))
        except sqlite3.OperationalError as exc:
            if is_corruption(exc):
                raise
            # A full disk or a read-only folder: no -shm can be made; read the file as is.
            app_id, version, tables = _header(read_only_uri(path, immutable=True))
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return "ours"  # damaged: the health check decides what to do with it
        raise StorageError(describe_error(path, exc)) from None
    if app_id == APPLICATION_ID:
        return "ours"
    if app_id == 0 and not tables:
        return "new"
    if app_id == 0 and version > 0 and "session" in tables and "board" in tables:
        return "ours"  # written by an earlier SDI Desktop, before the id was set
    return "foreign"


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
