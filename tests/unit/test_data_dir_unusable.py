"""Issue 15 item 9: an unusable data directory, or a reader that goes away, is one line
(or silence), never a traceback: in the window's start and in every subcommand."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sdi_desktop import app
from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record


def _unusable(tmp_path, kind: str):
    """(the data directory to pass, the words the message must hold)"""
    if kind == "file":
        (tmp_path / "data").write_text("not a folder")
        return tmp_path / "data", "is a file, not a folder"
    if kind == "parent-is-file":
        (tmp_path / "parent").write_text("not a folder")
        return tmp_path / "parent" / "data", f"{tmp_path / 'parent'} is a file"
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    return loop, "symbolic link loop"


KINDS = ("file", "parent-is-file", "symlink-loop")
COMMANDS = ([], ["problems", "list"], ["sessions", "list"], ["stats"], ["screenshots", "OUT"])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "window")
def test_an_unusable_data_directory_is_one_line(tmp_path, capsys, kind, command):
    data_dir, words = _unusable(tmp_path, kind)
    argv = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    code = app.main(["--data-dir", str(data_dir), *argv])
    err = capsys.readouterr().err
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(data_dir) in lines[0] and words in lines[0]
    assert "Traceback" not in err and "Errno" not in err


def _run_with_reader_gone(*args: str) -> subprocess.CompletedProcess:
    """Run the CLI with its stdout a pipe whose reader is already gone (``| head -0``)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "sdi_desktop", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "command", (["sessions", "list"], ["sessions", "list", "--json"], ["problems", "list"])
)
def test_a_closed_pipe_ends_the_output_quietly(tmp_path, command):
    with Store.open(tmp_path / "data") as store:
        for n in range(3):
            store.sessions.create(full_record(title=f"Session {n}"))
    out = _run_with_reader_gone("--data-dir", str(tmp_path / "data"), *command)
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr, out.stderr
    assert out.stderr == ""
    assert out.returncode == 0


@pytest.mark.parametrize("command", (["sessions", "list"], ["stats"]))
def test_a_database_that_is_a_folder_is_one_line(tmp_path, capsys, command):
    (tmp_path / "data" / "sdi-desktop.db").mkdir(parents=True)
    code = app.main(["--data-dir", str(tmp_path / "data"), *command])
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1, err
    assert "sdi-desktop.db" in err and "folder" in err and "Traceback" not in err
