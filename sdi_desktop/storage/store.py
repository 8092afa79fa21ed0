"""The storage facade: opens (or recovers) the database and holds the repositories.

    with Store.open(data_dir) as store:
        session_id = store.sessions.create(record)

One engine per store, shared by all threads (the ui saves from a worker thread);
each repository call is one short transaction.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from sdi_desktop.storage import migrations
from sdi_desktop.storage.database import (
    APPLICATION_ID,
    SIDE_FILES,
    check_writable,
    describe_error,
    is_corruption,
    is_healthy,
    make_engine,
    move_aside,
    ownership,
    writing,
)
from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.sessions import SessionRepository

DB_NAME = "sdi-desktop.db"


class Store:
    def __init__(
        self,
        path: Path,
        recovered_from: Path | None,
        read_only: bool = False,
        immutable: bool = False,
    ) -> None:
        self.path = path
        #: Where a corrupt database was moved before this one was started (else None).
        self.recovered_from = recovered_from
        #: Other things found and set right while opening, one line each, for the user.
        self.notices: list[str] = []
        self.read_only = read_only
        self.engine = make_engine(path, read_only=read_only, immutable=immutable)
        self.sessions = SessionRepository(self.engine)

    @classmethod
    def open(cls, data_dir: Path, read_only: bool = False) -> Store:
        """Open ``<data_dir>/sdi-desktop.db``, migrated to the latest schema.

        A file that is not a sound database is moved aside (never deleted) and a fresh
        one started; ``recovered_from`` says where it went. Nothing else moves a file:
        a full disk, a lock or an I/O error raise ``StorageError`` and leave it as it
        is, and so does another application's database. ``StorageError`` too if the
        directory cannot be written or the database is newer than this app.

        ``read_only`` opens for reading only (``sessions list``, ``export``, ``stats``):
        it works in a read-only folder and never changes the file.
        """
        data_dir = Path(data_dir)
        path = data_dir / DB_NAME
        if read_only:
            return cls._open_read_only(path)
        check_writable(data_dir)
        if path.is_dir():
            raise StorageError(f"cannot use {path}: it is a folder, not a database file")
        notices = _set_aside_orphans(path)
        if ownership(path) == "foreign":
            raise StorageError(
                f"{path} is not an SDI Desktop database (another application's SQLite "
                "file); it was left untouched: move it away or choose another data folder"
            )
        recovered = None
        if not is_healthy(path):
            recovered = move_aside(path)
        store = cls(path, recovered)
        store.notices = notices
        try:
            store._migrate()
        except DatabaseError as exc:
            store.close()
            if not is_corruption(exc):
                raise StorageError(describe_error(path, exc)) from None
            # Sound pages but not ours to read (e.g. a damaged schema): start afresh too.
            store = cls(path, move_aside(path))
            store.notices = notices
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, path: Path) -> Store:
        if path.is_dir():
            raise StorageError(f"cannot use {path}: it is a folder, not a database file")
        if not path.exists():
            raise StorageError(f"no saved sessions yet: {path} does not exist")
        if ownership(path) == "foreign":
            raise StorageError(f"{path} is not an SDI Desktop database")
        store = cls(path, None, read_only=True)
        try:
            version = store.schema_version
        except DatabaseError as exc:
            store.close()
            if is_corruption(exc):
                raise StorageError(describe_error(path, exc)) from None
            # A full disk: a WAL reader cannot make its -shm; read the file as it is.
            store = cls(path, None, read_only=True, immutable=True)
            try:
                version = store.schema_version
            except DatabaseError as exc2:
                store.close()
                raise StorageError(describe_error(path, exc2)) from None
        if version != migrations.LATEST:
            store.close()
            newer = version > migrations.LATEST
            raise StorageError(
                f"{path} has schema version {version}; this app reads {migrations.LATEST}"
                + (
                    " (a newer SDI Desktop wrote it)"
                    if newer
                    else " (open it once in the app, with write access, to upgrade it)"
                )
            )
        return store

    def _migrate(self) -> None:
        with writing(self.engine) as conn:
            migrations.upgrade(conn)
            if conn.exec_driver_sql("PRAGMA application_id").scalar_one() != APPLICATION_ID:
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return migrations.current_version(conn)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def _set_aside_orphans(path: Path) -> list[str]:
    """A -wal or -shm left without its database is kept (renamed), never dropped.

    SQLite would delete a stray -wal when it creates a new database of that name; the
    log may hold the last saves of a database that was moved or lost, so it is set
    aside for the user instead, and they are told.
    """
    if path.exists():
        return []
    notices = []
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_size > 0:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = side.with_name(f"{path.name}.orphan-{stamp}{suffix}")
            os.replace(side, target)
            notices.append(
                f"{side.name} was found without {path.name} and kept as {target} "
                "(it may hold saves of a database that was moved away)"
            )
        elif side.exists():
            side.unlink()  # an empty leftover holds nothing
    return notices


__all__ = ["StorageError", "Store"]
