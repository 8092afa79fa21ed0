"""One board codec: a corrupt or newer stored board is one clear message everywhere."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sdi_desktop.domain.board import file_format
from sdi_desktop.storage.errors import StorageError
from sdi_desktop.storage.store import DB_NAME, Store
from tests.storage.conftest import full_record
from tests.storage.test_cli_sessions import cli

NEWER = json.dumps({"format": "sdi-board", "version": 99, "elements": []})
CORRUPT = '{"format": "sdi-board", "version": 1, "elements": [{"type": "component"'
BAD_ELEMENT = json.dumps(
    {"format": "sdi-board", "version": 1, "elements": [{"type": "component", "id": "a"}]}
)


def spoil(data_dir, session_id: int, board_json: str, table: str = "board") -> None:
    conn = sqlite3.connect(data_dir / DB_NAME)
    with conn:
        conn.execute(
            f"UPDATE {table} SET board_json = ? WHERE session_id = ?", (board_json, session_id)
        )
    conn.close()


def stored_session(data_dir) -> int:
    with Store.open(data_dir) as store:
        return store.sessions.create(full_record())


@pytest.mark.parametrize(
    ("board_json", "message"),
    [
        (NEWER, "board format version 99 is not supported"),
        (CORRUPT, "not valid JSON"),
        (BAD_ELEMENT, "elements[0] (component a)"),
    ],
    ids=["newer", "corrupt", "invalid"],
)
def test_storage_names_the_session_and_the_problem(tmp_path, board_json, message):
    session_id = stored_session(tmp_path)
    spoil(tmp_path, session_id, board_json)
    with Store.open(tmp_path) as store, pytest.raises(StorageError) as caught:
        store.sessions.get(session_id)
    text = str(caught.value)
    assert f"saved session {session_id}" in text and "its board cannot be read" in text
    assert message in text and "\n" not in text


def test_a_corrupt_snapshot_board_is_named_too(tmp_path):
    session_id = stored_session(tmp_path)
    spoil(tmp_path, session_id, NEWER, table="snapshot")
    with Store.open(tmp_path) as store, pytest.raises(StorageError, match="end of phase 1"):
        store.sessions.get(session_id)


def test_the_command_line_exits_with_one_line(tmp_path):
    data_dir = tmp_path / "data"
    session_id = stored_session(data_dir)
    spoil(data_dir, session_id, NEWER)
    for fmt in ("json", "md", "png"):
        out = tmp_path / f"out.{fmt}"
        done = cli(
            "sessions",
            "export",
            str(session_id),
            "--format",
            fmt,
            "-o",
            str(out),
            "--data-dir",
            str(data_dir),
        )
        assert done.returncode != 0
        assert "board format version 99 is not supported" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Traceback" not in done.stderr and not out.exists()


def test_a_record_board_is_built_through_the_codec_and_errors_are_not_key_errors():
    plain = [e.to_dict() for e in file_format.loads(file_format.dumps([]))]
    assert file_format.from_plain(plain) == []
    with pytest.raises(file_format.BoardFormatError, match="malformed"):
        file_format.from_plain([{"type": "nonsense", "id": "x"}])
    assert file_format.read_plain(file_format.wrap_plain(full_record().board)) == (
        full_record().board
    )


def test_a_component_kind_from_a_newer_app_is_kept_through_open_and_save(tmp_path):
    record = full_record()
    index = next(i for i, e in enumerate(record.board) if e["type"] == "component")
    record.board[index] = dict(record.board[index], kind="quantum_cache")  # unknown here
    with Store.open(tmp_path) as store:
        session_id = store.sessions.create(record)
        loaded = store.sessions.get(session_id)
        assert loaded.board[index]["kind"] == "quantum_cache"
        store.sessions.save(loaded)
        assert store.sessions.get(session_id).board == record.board
