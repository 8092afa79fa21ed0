"""``sdi-desktop sessions check ID [--json]``, run as a script would: in a subprocess."""

from __future__ import annotations

import json

from sdi_desktop.storage.store import Store
from tests.storage.conftest import full_record
from tests.storage.test_cli_sessions import cli

CLIENT_TO_DB = [
    {"type": "component", "id": "web", "kind": "client", "label": "Browser",
     "x": 0, "y": 0, "w": 132, "h": 76, "note": ""},
    {"type": "component", "id": "db", "kind": "sql_db", "label": "Orders DB",
     "x": 300, "y": 0, "w": 132, "h": 76, "note": ""},
    {"type": "connector", "id": "web-db", "source": "web", "target": "db",
     "label": "", "style": "sync", "arrows": "end"},
]  # fmt: skip


def test_check_prints_findings_and_exits_1_on_a_problem(tmp_path):
    with Store.open(tmp_path) as store:
        bad = store.sessions.create(full_record(board=CLIENT_TO_DB))
        good = store.sessions.create(full_record())
    out = cli("sessions", "check", str(bad), "--json", "--data-dir", str(tmp_path))
    assert out.returncode == 1, out.stderr
    findings = json.loads(out.stdout)
    problem = next(f for f in findings if f["rule"] == "client-to-database")
    assert problem["severity"] == "problem" and "Orders DB" in problem["message"]
    assert set(problem["elements"]) == {"web", "db", "web-db"}
    assert all({"rule", "severity", "message", "elements"} <= set(f) for f in findings)

    text = cli("--data-dir", str(tmp_path), "sessions", "check", str(bad))
    assert text.returncode == 1 and "problem  client-to-database" in text.stdout

    # the demo URL shortener: warnings and notes, no problem -> exit 0; read-heavy is known
    ok = cli("sessions", "check", str(good), "--json", "--data-dir", str(tmp_path))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert all(f["severity"] != "problem" for f in json.loads(ok.stdout))


def test_check_of_an_unknown_session_is_one_line(tmp_path):
    Store.open(tmp_path).close()
    for bad_id in ("999", "abc"):
        out = cli("sessions", "check", bad_id, "--data-dir", str(tmp_path))
        assert out.returncode == 1 and out.stdout == ""
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
