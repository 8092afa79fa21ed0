"""A bad database file is moved aside and a fresh one started; an unwritable folder is
reported in one clear line."""

from __future__ import annotations

import errno
import os
import re

import pytest

from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.store import DB_NAME, Store
from tests.storage.conftest import full_record


def _check_recovered(data_dir, original: bytes):
    with Store.open(data_dir) as store:
        moved = store.recovered_from
        assert moved is not None
        assert moved.parent == data_dir
        assert re.fullmatch(r"sdi-desktop\.db\.corrupt-\d{8}-\d{6}", moved.name)
        assert moved.read_bytes() == original  # nothing lost: the bad file is kept as it was
        session_id = store.sessions.create(full_record())  # the fresh store works
        assert store.sessions.get(session_id).title == full_record().title
        assert [s.id for s in store.sessions.list()] == [session_id]
    with Store.open(data_dir) as store:
        assert store.recovered_from is None  # the fresh one is healthy


def test_random_bytes_are_moved_aside(tmp_path):
    junk = os.urandom(64 * 1024)
    (tmp_path / DB_NAME).write_bytes(junk)
    (tmp_path / (DB_NAME + "-wal")).write_bytes(b"stale log")
    _check_recovered(tmp_path, junk)
    (moved_log,) = [p for p in tmp_path.iterdir() if re.search(r"\.corrupt-[\d-]+-wal$", p.name)]
    assert moved_log.read_bytes() == b"stale log"  # the log went with it, untouched


def test_a_truncated_database_is_moved_aside(tmp_path):
    with Store.open(tmp_path) as store:
        for i in range(40):
            store.sessions.create(full_record(title=f"session {i}"))
    path = tmp_path / DB_NAME
    data = path.read_bytes()
    assert len(data) > 100_000
    truncated = data[: len(data) // 2]
    path.write_bytes(truncated)
    _check_recovered(tmp_path, truncated)


def test_a_healthy_database_is_not_touched(tmp_path):
    with Store.open(tmp_path) as store:
        session_id = store.sessions.create(full_record())
    with Store.open(tmp_path) as store:
        assert store.recovered_from is None
        assert store.sessions.get(session_id).title == full_record().title
    assert not [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]


def test_unwritable_data_directory_gives_one_clear_line(tmp_path):
    # The suite runs as root here, and chmod does not stop root. A path under a regular
    # FILE can never be created or written, by anyone, so it is an honest stand-in for a
    # read-only folder: the open fails at the operating system, not by a mock.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    data_dir = blocker / "data"
    with pytest.raises(StorageError) as exc:
        Store.open(data_dir)
    message = str(exc.value)
    assert "\n" not in message
    assert str(data_dir) in message
    assert os.strerror(errno.ENOTDIR) in message  # in the user's language (LANG=de_DE...)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod 0o500")
def test_read_only_directory_by_permissions(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="Permission denied"):
            Store.open(tmp_path)
    finally:
        tmp_path.chmod(0o700)
