"""``sessions export --format mermaid|excalidraw|drawio`` and ``sessions import-board``,
run as the user runs them, and the Mermaid block of the Markdown write-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.storage.exchange import session_to_markdown
from sdi_desktop.storage.store import Store
from tests.storage.test_cli_sessions import _count, _one_line_error, cli

DATA = Path(__file__).resolve().parents[1] / "data" / "interop"


@pytest.fixture
def demo(tmp_path):
    data_dir = tmp_path / "data"
    board = [e.to_dict() for e in url_shortener_board()]
    with Store.open(data_dir) as store:
        session_id = store.sessions.create(SessionRecord(title="Shortener", board=board))
    return data_dir, session_id


def test_import_board_makes_a_session_and_prints_its_id_and_a_report(tmp_path):
    data_dir = tmp_path / "data"
    out = cli("--data-dir", str(data_dir), "sessions", "import-board",
              str(DATA / "drawio-pages.drawio"), "--page", "2")  # fmt: skip
    assert out.returncode == 0, out.stderr
    session_id, report = out.stdout.strip().splitlines()
    assert report == (
        "drawio-pages.drawio: 1 component, 0 connectors; 1 kind guessed (page 2 of 3: 'Search')"
    )
    with Store.open(data_dir) as store:
        record = store.sessions.get(int(session_id))
    assert record.title == "Imported: drawio-pages.drawio"
    assert [(e["kind"], e["label"]) for e in record.board] == [("search", "Search")]


def test_import_board_warnings_go_to_stderr_and_the_session_is_still_made(tmp_path):
    data_dir = tmp_path / "data"
    out = cli("--data-dir", str(data_dir), "sessions", "import-board",
              str(DATA / "excalidraw-dangling.excalidraw"))  # fmt: skip
    assert out.returncode == 0
    assert "2 warnings" in out.stdout
    assert "'missing-shape'" in out.stderr and "Traceback" not in out.stderr
    assert _count(data_dir) == 1


@pytest.mark.parametrize(
    ("name", "args", "says"),
    [
        ("bad-truncated.excalidraw", [], "bad-truncated.excalidraw: not valid JSON"),
        ("bad-not-inflating.drawio", [], "does not inflate"),
        ("drawio-pages.drawio", ["--page", "9"], "choose a page from 1 to 3"),
        ("drawio-pages.drawio", ["--page", "0"], "--page counts from 1"),
        ("no-such-file.drawio", [], "no-such-file.drawio: cannot read it"),
    ],
)
def test_a_file_that_cannot_be_imported_is_one_line_and_no_session(tmp_path, name, args, says):
    data_dir = tmp_path / "data"
    out = cli("--data-dir", str(data_dir), "sessions", "import-board", str(DATA / name), *args)
    _one_line_error(out, says)
    assert _count(data_dir) == 0


@pytest.mark.parametrize("fmt", ["excalidraw", "drawio"])
def test_export_then_import_board_gives_the_same_graph(demo, tmp_path, fmt):
    data_dir, session_id = demo
    path = tmp_path / f"board.{fmt}"
    out = cli("--data-dir", str(data_dir), "sessions", "export", str(session_id),
              "--format", fmt, "-o", str(path))  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(path)
    back = cli("--data-dir", str(data_dir), "sessions", "import-board", str(path))
    assert back.returncode == 0, back.stderr
    assert "14 components, 13 connectors, 2 zones, 1 text note; 0 kinds guessed" in back.stdout


def test_export_mermaid_to_the_terminal(demo):
    data_dir, session_id = demo
    out = cli("--data-dir", str(data_dir), "sessions", "export", str(session_id),
              "--format", "mermaid", "-o", "-")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("flowchart LR\n")
    assert 'redis[("Redis")]' in out.stdout
    assert 'redirect_service -.->|"click"| kafka_clicks' in out.stdout


def test_the_markdown_write_up_embeds_the_board_as_mermaid():
    board = [e.to_dict() for e in url_shortener_board()]
    text = session_to_markdown(SessionRecord(board=board), board_image="x-board.png")
    whiteboard = text.split("## Whiteboard", 1)[1]
    assert "![Whiteboard](x-board.png)" in whiteboard
    assert "```mermaid\nflowchart LR\n" in whiteboard
    block = whiteboard.split("```mermaid\n", 1)[1]
    assert "\n```\n" in block  # the block is closed before the next section
    assert "```mermaid" not in session_to_markdown(SessionRecord(board=[]))
