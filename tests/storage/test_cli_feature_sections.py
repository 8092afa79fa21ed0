"""The Markdown write-up carries what the features stored with the session: the
estimation panel's figures (issue 19) and the design review (issue 18)."""

from __future__ import annotations

from sdi_desktop.domain.record import SessionRecord
from sdi_desktop.storage.store import Store
from tests.storage.test_cli_sessions import cli

CLIENT_TO_DB = [
    {"type": "component", "id": "c", "kind": "client", "label": "App", "x": 0, "y": 0,
     "w": 132, "h": 76, "note": "", "instances": 1},
    {"type": "component", "id": "d", "kind": "sql_db", "label": "Orders", "x": 300, "y": 0,
     "w": 132, "h": 76, "note": "", "instances": 1},
    {"type": "connector", "id": "k", "source": "c", "target": "d", "label": "SELECT",
     "style": "sync", "arrows": "end"},
]  # fmt: skip


def test_the_write_up_has_the_estimates_and_the_design_review(tmp_path):
    data_dir = tmp_path / "data"
    estimation = {
        "version": 1,
        "inputs": {"dau": "100M", "writes_per_user": "1"},
        "last_good": {},
        "rows": [],
    }
    with Store.open(data_dir) as store:
        session_id = store.sessions.create(
            SessionRecord(title="Orders", board=CLIENT_TO_DB, extras={"estimation": estimation})
        )
    out_file = tmp_path / "orders.md"
    done = cli("sessions", "export", str(session_id), "--format", "md", "-o", str(out_file),
               "--data-dir", str(data_dir))  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out_file.read_text(encoding="utf-8")
    assert "## Estimation panel" in text
    assert "100M" in text or "100 M" in text
    assert "## Design review" in text
    assert "client" in text.lower() and "database" in text.lower()
