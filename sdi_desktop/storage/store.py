"""The storage facade: opens (or recovers) the database and holds the repositories.

    with Store.open(data_dir) as store:
        session_id = store.sessions.create(record)

One engine per store, shared by all threads (the ui saves from a worker thread);
each repository call is one short transaction.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DatabaseError

from sdi_desktop.storage import migrations
from sdi_desktop.storage.database import (
    check_writable,
    is_healthy,
    make_engine,
    move_aside,
    writing,
)
from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.sessions import SessionRepository

DB_NAME = "sdi-desktop.db"


class Store:
    def __init__(self, path: Path, recovered_from: Path | None) -> None:
        self.path = path
        #: Where a corrupt database was moved before this one was started (else None).
        self.recovered_from = recovered_from
        self.engine = make_engine(path)
        self.sessions = SessionRepository(self.engine)

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        """Open ``<data_dir>/sdi-desktop.db``, migrated to the latest schema.

        A file that is not a sound database is moved aside (never deleted) and a fresh
        one started; ``recovered_from`` says where it went. ``StorageError`` if the
        directory cannot be written or the database is newer than this app.
        """
        data_dir = Path(data_dir)
        check_writable(data_dir)
        path = data_dir / DB_NAME
        recovered = None
        if not is_healthy(path):
            recovered = move_aside(path)
        store = cls(path, recovered)
        try:
            store._migrate()
        except DatabaseError:
            # Sound pages but not ours to read (e.g. a damaged schema): start afresh too.
            store.close()
            store = cls(path, move_aside(path))
            store._migrate()
        except BaseException:
            store.close()
            raise
        return store

    def _migrate(self) -> None:
        with writing(self.engine) as conn:
            migrations.upgrade(conn)

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


__all__ = ["StorageError", "Store"]
