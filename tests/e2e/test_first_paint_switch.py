"""SDI_DESKTOP_REPORT_FIRST_PAINT=1: how benchmarks/bundle.py times a start it cannot script."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from sdi_desktop.app import REPORT_FIRST_PAINT_ENV


def test_the_app_reports_its_first_paint_and_closes_normally(tmp_path):
    data = tmp_path / "data"
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "sdi_desktop", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **{REPORT_FIRST_PAINT_ENV: "1"}),
        timeout=120,
    )
    ended = time.time()
    assert out.returncode == 0, out.stderr
    word, value = out.stdout.strip().splitlines()[-1].split()
    assert word == "first-paint"
    assert started < float(value) < ended
    # closed the normal way: the window state was saved, a second start is not refused
    assert (data / "settings.ini").is_file()
    again = subprocess.run(
        [sys.executable, "-m", "sdi_desktop", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **{REPORT_FIRST_PAINT_ENV: "1"}),
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert "already running" not in (again.stdout + again.stderr).lower()


def test_without_the_switch_nothing_is_reported(tmp_path, monkeypatch):
    from sdi_desktop import app

    monkeypatch.delenv(REPORT_FIRST_PAINT_ENV, raising=False)
    calls = []
    monkeypatch.setattr(app, "_report_first_paint", lambda *a: calls.append(a) or True)

    class FakeApp:
        def exec(self):
            return 7

    monkeypatch.setattr(app, "launch", lambda argv: object())
    monkeypatch.setattr(app, "_application", FakeApp)
    monkeypatch.setattr(app, "_close_on_signals", lambda window: None)
    monkeypatch.setattr("sdi_desktop.qt_platform.diagnose", lambda: None)
    assert app.main(["--data-dir", str(tmp_path)]) == 7
    assert calls == []
