"""``sdi-desktop sessions list|export|import``, run as the user runs them: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sdi_desktop.storage.exchange import session_to_json
from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record


def cli(*args: str, env_changes: dict[str, str | None] | None = None):
    env = dict(os.environ)
    for key, value in (env_changes or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "sdi_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path):
    """A data directory holding two sessions; yields (dir, {name: id})."""
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        ids = {
            "url": store.sessions.create(full_record()),
            "chat": store.sessions.create(
                full_record(title="Chat", problem_id="chat", problem_title="Design a chat app")
            ),
        }
    return data_dir, ids


def _count(data_dir) -> int:
    with Store.open(data_dir) as store:
        return len(store.sessions.list(None))


def _one_line_error(out, *fragments: str) -> None:
    assert out.returncode != 0
    assert out.stdout == ""
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_list_prints_a_table(data):
    data_dir, _ = data
    out = cli("sessions", "list", "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "PROBLEM", "STARTED", "TOTAL"]
    assert len(lines) == 3
    assert "URL shortener, second go" in out.stdout and "Design a chat app" in out.stdout
    assert "48:20" in out.stdout  # total time


def test_list_json(data):
    data_dir, ids = data
    out = cli("--data-dir", str(data_dir), "sessions", "list", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert {r["id"] for r in rows} == set(ids.values())
    url = next(r for r in rows if r["id"] == ids["url"])
    assert url["title"] == "URL shortener, second go"
    assert url["problem_id"] == "url-shortener"
    assert url["started_at"] == "2026-03-14T09:30:05.250000+00:00"
    assert url["status"] == "finished"
    assert url["phase_seconds"] == [400.5, 1500.0, 1000.25, 0.0]
    assert url["total_seconds"] == pytest.approx(2900.75)


def test_list_of_an_empty_library(tmp_path):
    out = cli("sessions", "list", "--data-dir", str(tmp_path))
    assert out.returncode == 0 and out.stdout.strip() == "No saved sessions."
    assert json.loads(cli("sessions", "list", "--json", "--data-dir", str(tmp_path)).stdout) == []


def test_export_markdown_writes_the_board_image_beside_it(data, tmp_path):
    from PySide6.QtGui import QImage

    data_dir, ids = data
    target = tmp_path / "out" / "url.md"
    target.parent.mkdir()
    out = cli(
        "sessions",
        "export",
        str(ids["url"]),
        "--format",
        "md",
        "-o",
        str(target),
        "--data-dir",
        str(data_dir),
    )
    assert out.returncode == 0, out.stderr
    md = target.read_text(encoding="utf-8")
    assert md.startswith("# URL shortener, second go")
    assert "### Deep dive" in md and "Redis cache for hot codes" in md
    assert "![Whiteboard](url-board.png)" in md
    # the comparison with the problem's reference answer comes last
    comparison = md.index("## Compared with the reference answer")
    assert comparison > md.index("![Whiteboard](url-board.png)")
    assert "### Board" in md[comparison:] and "Reference path missing from yours" in md
    image = QImage(str(tmp_path / "out" / "url-board.png"))
    assert not image.isNull() and image.width() > 300


def test_export_png_and_svg_without_a_display(data, tmp_path):
    """No QT_QPA_PLATFORM and no DISPLAY: the command must go offscreen by itself."""
    from PySide6.QtGui import QImage

    data_dir, ids = data
    no_display = {"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}
    png, svg = tmp_path / "board.png", tmp_path / "board.svg"
    for fmt, path in (("png", png), ("svg", svg)):
        out = cli(
            "sessions",
            "export",
            str(ids["url"]),
            "--format",
            fmt,
            "-o",
            str(path),
            "--data-dir",
            str(data_dir),
            env_changes=no_display,
        )
        assert out.returncode == 0, out.stderr
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 300 and image.height() > 200
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    for label in ("Redis", "URL store", "Load balancer"):
        assert label in text


def test_export_json_then_import_makes_an_equal_session(data, tmp_path):
    data_dir, ids = data
    path = tmp_path / "url.json"
    out = cli(
        "sessions",
        "export",
        str(ids["url"]),
        "--format",
        "json",
        "-o",
        str(path),
        "--data-dir",
        str(data_dir),
    )
    assert out.returncode == 0, out.stderr
    out = cli("sessions", "import", str(path), "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stderr
    new_id = int(out.stdout.strip())
    assert new_id not in ids.values()
    with Store.open(data_dir) as store:
        imported = store.sessions.get(new_id)
        original = store.sessions.get(ids["url"])
    imported.id = original.id
    assert imported == original


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("not json at all", "not valid JSON"),
        (json.dumps({"format": "sdi-board", "version": 1}), "format: must be 'sdi-session'"),
        (None, "board: elements[0] (zone zone-write).w"),
    ],
)
def test_a_malformed_file_is_refused_and_changes_nothing(data, tmp_path, content, fragment):
    data_dir, _ = data
    if content is None:
        broken = json.loads(session_to_json(full_record()))
        broken["board"]["elements"][0]["w"] = -5
        content = json.dumps(broken)
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    before = _count(data_dir)
    out = cli("sessions", "import", str(path), "--data-dir", str(data_dir))
    _one_line_error(out, str(path), fragment)
    assert _count(data_dir) == before


def test_importing_a_missing_file(data, tmp_path):
    out = cli("sessions", "import", str(tmp_path / "nope.json"), "--data-dir", str(data[0]))
    _one_line_error(out, "nope.json", "No such file")


@pytest.mark.parametrize("session_id", ["999", "abc"])
def test_unknown_id(data, tmp_path, session_id):
    out = cli(
        "sessions",
        "export",
        session_id,
        "--format",
        "json",
        "-o",
        str(tmp_path / "x.json"),
        "--data-dir",
        str(data[0]),
    )
    _one_line_error(out, f"no saved session has id {session_id}".replace("abc", "'abc'"))
    assert not (tmp_path / "x.json").exists()


def test_unknown_format(data, tmp_path):
    out = cli(
        "sessions",
        "export",
        str(data[1]["url"]),
        "--format",
        "docx",
        "-o",
        str(tmp_path / "x.docx"),
        "--data-dir",
        str(data[0]),
    )
    _one_line_error(out, "unknown export format 'docx'", "md, json, png, svg")


def test_unwritable_data_directory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    out = cli("sessions", "list", "--data-dir", str(blocker / "data"))
    _one_line_error(out, str(blocker), "is a file, not a folder")


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "/x", "sessions", "list"],
        ["sessions", "--data-dir", "/x", "list", "--json"],
        ["sessions", "export", "3", "--format", "md", "-o", "f.md", "--data-dir", "/x"],
        ["sessions", "import", "f.json", "--data-dir=/x"],
    ],
)
def test_data_dir_is_accepted_anywhere(argv):
    from sdi_desktop.cli.arguments import parse_args

    args = parse_args(argv)
    assert (args.command, args.data_dir) == ("sessions", "/x")


def test_a_png_export_over_the_size_limit_is_scaled_down_with_a_note(tmp_path):
    from PySide6.QtGui import QImage

    from sdi_desktop.domain.board.elements import Component
    from sdi_desktop.domain.record import SessionRecord

    data_dir = tmp_path / "data"
    wide = [
        Component(id="a", kind="service", label="West", x=0, y=0).to_dict(),
        Component(id="b", kind="service", label="East", x=60_000, y=0).to_dict(),
    ]
    with Store.open(data_dir) as store:
        session_id = store.sessions.create(SessionRecord(title="Wide", board=wide))
    png = tmp_path / "wide.png"
    out = cli(
        "sessions", "export", str(session_id), "--format", "png", "-o", str(png),
        "--data-dir", str(data_dir),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    image = QImage(str(png))
    assert 0 < image.width() <= 16_384 and image.height() <= 16_384
    notes = out.stderr.strip().splitlines()
    assert len(notes) == 1 and "scaled down" in notes[0]
