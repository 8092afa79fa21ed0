"""Only real corruption moves a database aside: a full disk, an I/O error, a lock or a
read-only file leave it where it is, another application's file is never touched, a
read-only folder can still be read, and a stray log is kept (issue 15, items 1, 2, 11, 12).

The full-disk and read-only cases run on real tmpfs mounts where the suite has root
(skipped with a message otherwise) and on injected faults always.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import subprocess
import uuid

import pytest

from sdi_desktop.storage import database
from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.store import DB_NAME, Store
from tests.storage.conftest import full_record


def _fill(store: Store, count: int = 5) -> list[int]:
    return [store.sessions.create(full_record(title=f"kept {i}")) for i in range(count)]


def _listed(data_dir) -> list[str]:
    with Store.open(data_dir, read_only=True) as store:
        return sorted(s.title for s in store.sessions.list())


def _moved_aside(data_dir) -> list[str]:
    return sorted(p.name for p in data_dir.iterdir() if ".corrupt-" in p.name)


@contextlib.contextmanager
def tmpfs(path, size: str):
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root; the injected-fault tests cover this case")
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _fill_disk(folder) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while os.write(fd, b"\0" * 4096):
                pass
    finally:
        os.close(fd)


# -- injected faults (always) ---------------------------------------------------------------
@pytest.mark.parametrize(
    "code, message",
    [
        (13, "database or disk is full"),  # SQLITE_FULL
        (10, "disk I/O error"),  # SQLITE_IOERR
        (5, "database is locked"),  # SQLITE_BUSY
        (8, "attempt to write a readonly database"),  # SQLITE_READONLY
        (14, "unable to open database file"),  # SQLITE_CANTOPEN
    ],
)
def test_an_error_that_is_not_corruption_leaves_the_file_in_place(
    tmp_path, monkeypatch, code, message
):
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        _fill(store)
    original = (data_dir / DB_NAME).read_bytes()

    def failing_connect(*_args, **_kwargs):
        exc = sqlite3.OperationalError(message)
        exc.sqlite_errorcode = code
        raise exc

    monkeypatch.setattr(database.sqlite3, "connect", failing_connect)
    with pytest.raises(StorageError) as info:
        Store.open(data_dir)
    assert message in str(info.value) and str(data_dir / DB_NAME) in str(info.value)
    assert "\n" not in str(info.value)
    monkeypatch.undo()
    assert _moved_aside(data_dir) == []
    assert (data_dir / DB_NAME).read_bytes() == original
    assert _listed(data_dir) == [f"kept {i}" for i in range(5)]


@pytest.mark.parametrize("code", [11, 26])  # SQLITE_CORRUPT, SQLITE_NOTADB
def test_corruption_still_moves_the_file_aside(tmp_path, monkeypatch, code):
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        _fill(store, 1)

    def corrupt_connect(*_args, **_kwargs):
        exc = sqlite3.DatabaseError("database disk image is malformed")
        exc.sqlite_errorcode = code
        raise exc

    monkeypatch.setattr(database.sqlite3, "connect", corrupt_connect)
    assert database.is_healthy(data_dir / DB_NAME) is False


def test_a_database_that_is_a_folder_is_named_not_a_traceback(tmp_path):
    (tmp_path / DB_NAME).mkdir()
    with pytest.raises(StorageError, match="it is a folder"):
        Store.open(tmp_path)
    with pytest.raises(StorageError, match="it is a folder"):
        Store.open(tmp_path, read_only=True)


# -- another application's SQLite file (item 11) --------------------------------------------
def test_another_apps_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE session (token TEXT)")
    conn.execute("INSERT INTO session VALUES ('theirs')")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StorageError, match="not an SDI Desktop database"):
            Store.open(tmp_path, read_only=read_only)
    assert path.read_bytes() == original  # not switched to WAL, no tables added
    assert not (tmp_path / (DB_NAME + "-wal")).exists()
    assert _moved_aside(tmp_path) == []


def test_our_database_carries_the_application_id_and_old_ones_are_adopted(tmp_path):
    with Store.open(tmp_path) as store:
        _fill(store, 1)
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == database.APPLICATION_ID
    conn.execute("PRAGMA application_id = 0")  # as an earlier version wrote it
    conn.commit()
    conn.close()
    with Store.open(tmp_path) as store:
        assert [s.title for s in store.sessions.list()] == ["kept 0"]
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == database.APPLICATION_ID
    conn.close()


# -- a log without its database (item 12) ---------------------------------------------------
def test_a_wal_left_without_its_database_is_kept_and_reported(tmp_path):
    (tmp_path / (DB_NAME + "-wal")).write_bytes(b"the last saves, maybe")
    with Store.open(tmp_path) as store:
        (notice,) = store.notices
        _fill(store, 1)
    (kept,) = [p for p in tmp_path.iterdir() if ".orphan-" in p.name]
    assert kept.read_bytes() == b"the last saves, maybe"
    assert str(kept) in notice and "without" in notice


# -- read-only folders (item 2, command line) -----------------------------------------------
def test_a_read_only_store_reads_and_never_writes(tmp_path):
    with Store.open(tmp_path) as store:
        _fill(store, 3)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with Store.open(tmp_path, read_only=True) as store:
        assert len(store.sessions.list()) == 3
        with pytest.raises(StorageError):
            store.sessions.create(full_record())
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in before}
    assert after == before


def test_reading_a_missing_database_says_so(tmp_path):
    with pytest.raises(StorageError, match="no saved sessions yet"):
        Store.open(tmp_path / "nothing", read_only=True)


# -- real mounts (root) ---------------------------------------------------------------------
def test_a_full_disk_hides_no_session_on_a_real_tmpfs(tmp_path):
    with tmpfs(tmp_path / f"mnt-{uuid.uuid4().hex[:6]}", "2m") as mount:
        data_dir = mount / "data"
        with Store.open(data_dir) as store:
            _fill(store)
        _fill_disk(mount)
        for _ in range(3):  # opening it, full, never moves it aside
            with contextlib.suppress(StorageError):
                Store.open(data_dir).close()
            assert _moved_aside(data_dir) == []
        assert _listed(data_dir) == [f"kept {i}" for i in range(5)]  # reading works, full
        (mount / "filler").unlink()
        with Store.open(data_dir) as store:
            assert len(store.sessions.list()) == 5
            store.sessions.create(full_record(title="after"))
        assert len(_listed(data_dir)) == 6


def test_a_read_only_mount_can_be_listed(tmp_path):
    with tmpfs(tmp_path / f"mnt-{uuid.uuid4().hex[:6]}", "2m") as mount:
        data_dir = mount / "data"
        with Store.open(data_dir) as store:
            _fill(store, 2)
        done = subprocess.run(["mount", "-o", "remount,ro", str(mount)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot remount the tmpfs read-only here")
        assert _listed(data_dir) == ["kept 0", "kept 1"]
        with pytest.raises(StorageError, match=re.escape(os.strerror(errno.EROFS))):
            Store.open(data_dir)
        assert _moved_aside(data_dir) == []
