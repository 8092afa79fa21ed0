"""The whole app as a user or a script starts it."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from sdi_desktop.app import launch


def _env(data_dir: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", SDI_DESKTOP_DATA_DIR=str(data_dir))


def test_launch_returns_the_shown_main_window(qapp, tmp_path):
    window = launch(["--data-dir", str(tmp_path / "data")])
    try:
        assert window.objectName() == "mainWindow"
        assert window.isVisible()
        assert (tmp_path / "data").is_dir()
        assert window.data_dir == tmp_path / "data"
    finally:
        window.close()
    # closing stored the window state in the data directory, nowhere else
    assert (tmp_path / "data" / "settings.ini").is_file()


def test_the_first_frame_is_the_top_bar_and_launch_returns_with_every_column(
    qapp, tmp_path, monkeypatch
):
    """The first paint waits on the menus, the toolbar, the title, the timeline and the
    timer only; the guidance column (with the scope phase's checklist and estimation
    tools), the whiteboard and the notes are all on screen when launch() returns."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    from sdi_desktop.ui.main_window import MainWindow

    at_first_paint = {}
    build = MainWindow.build_workspace

    def recording(self):
        if not at_first_paint:  # the first call; attach_sessions() calls it again
            at_first_paint.update(
                painted=self.first_paint_at is not None,
                top_bar=self.timeline.isVisible() and self.timer_display.isVisible(),
                toolbar=self.toolbar.isVisible(),
                guidance=self.phase_panel,
            )
        build(self)

    monkeypatch.setattr(MainWindow, "build_workspace", recording)
    window = launch(["--data-dir", str(tmp_path / "data")])
    try:
        expected = {"painted": True, "top_bar": True, "toolbar": True, "guidance": None}
        assert at_first_paint == expected
        panel = window.phase_panel
        assert panel.isVisible() and panel.phase_index == 0
        assert panel.boxes and all(box.isVisible() for box in panel.boxes)
        assert window.findChild(QWidget, "scopeEstimationTools").isVisible()
        assert window.estimation.action_estimation in window.actions()
        assert window.statusBar().objectName() == "statusBar" and window.statusBar().isVisible()
        # the guidance column is where it always was: left of the whiteboard
        left = panel.mapTo(window, QPoint(0, 0)).x()
        assert left < window.board.mapTo(window, QPoint(0, 0)).x()
    finally:
        window.close()


def test_a_guidance_column_the_user_hid_is_not_in_the_first_frame_either(
    qapp, tmp_path, monkeypatch
):
    from sdi_desktop.ui.main_window import MainWindow
    from sdi_desktop.ui.settings.app_settings import AppSettings

    settings = AppSettings(tmp_path / "data")
    settings.guidance_visible = False  # View > Guidance Panel, unticked last time
    settings.sync()
    at_first_paint = []
    build = MainWindow.build_workspace

    def recording(self):
        if not at_first_paint:
            at_first_paint.append(self.side_splitter.isVisible())
        build(self)

    monkeypatch.setattr(MainWindow, "build_workspace", recording)
    window = launch(["--data-dir", str(tmp_path / "data")])
    try:
        assert at_first_paint == [False]  # no empty column that vanishes a moment later
        assert not window.side_splitter.isVisible()
        window.panels.guidance.trigger()  # and it comes back, filled
        assert window.side_splitter.isVisible() and window.phase_panel.isVisible()
    finally:
        window.close()


def test_the_start_pauses_the_collector_and_turns_it_back_on(qapp, tmp_path, monkeypatch):
    from sdi_desktop.ui.main_window import MainWindow

    seen = []
    build = MainWindow.build_workspace

    def recording(self):
        seen.append(gc.isenabled())
        build(self)

    monkeypatch.setattr(MainWindow, "build_workspace", recording)
    window = launch(["--data-dir", str(tmp_path / "data")])
    window.close()
    assert seen and not any(seen)  # the workspace was built with the collector paused
    assert gc.isenabled()

    def broken(self, open_id=None):
        raise RuntimeError("the store could not open")

    monkeypatch.setattr(MainWindow, "attach_sessions", broken)
    with pytest.raises(RuntimeError):
        launch(["--data-dir", str(tmp_path / "data")])
    assert gc.isenabled()
    for widget in qapp.topLevelWidgets():
        widget.close()


def test_screenshots_command_writes_legible_pngs(tmp_path):
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "sdi_desktop", "screenshots", str(out)],
        capture_output=True,
        text=True,
        env=_env(tmp_path / "data"),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    sizes = {}
    for name in ("main-1280x800.png", "main-1920x1080.png", "main-1280x800-dark.png"):
        image = QImage(str(out / name))
        assert not image.isNull(), name
        sizes[name] = (image.width(), image.height())
    assert sizes["main-1280x800.png"] == (1280, 800)
    assert sizes["main-1920x1080.png"] == (1920, 1080)
    # the light and dark shots really differ in tone
    light = QImage(str(out / "main-1280x800.png")).pixelColor(640, 790).lightness()
    dark = QImage(str(out / "main-1280x800-dark.png")).pixelColor(640, 790).lightness()
    assert light > 150 > dark
    # the demo never wrote to the user's data directory
    assert not (tmp_path / "data" / "settings.ini").exists()


def test_the_app_keeps_running_without_a_traceback(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "sdi_desktop", "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path / "other"),
    )
    try:
        # wait (not a fixed time) until the window is up and its store is open
        database = tmp_path / "data" / "sdi-desktop.db"
        deadline = time.monotonic() + 60
        while not database.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, proc.stderr.read()
        assert database.exists(), "the app did not open its database within a minute"
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    assert "Traceback" not in err
    assert proc.returncode == 0  # SIGTERM closes the window the normal way...
    assert (tmp_path / "data" / "settings.ini").is_file()  # ...which saves its state
    assert not (tmp_path / "other").exists()
