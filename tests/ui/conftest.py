"""Fixtures for widget tests: one fixture owns each window's cleanup."""

from __future__ import annotations

import pytest

from sdi_desktop.app import launch
from sdi_desktop.ui.main_window import MainWindow
from sdi_desktop.ui.settings.app_settings import AppSettings
from sdi_desktop.ui.theme import ThemeManager


@pytest.fixture(autouse=True)
def close_without_asking(monkeypatch):
    """Closing with unsaved work asks (a modal dialog nobody answers offscreen): tests
    close without a copy unless they answer themselves (session_faults/test_close_asks)."""
    monkeypatch.setattr("sdi_desktop.ui.session.close_guard.ask", lambda window, reason: "discard")


@pytest.fixture
def make_window(qtbot, qapp, tmp_path, fake_time):
    """Build a MainWindow on a temporary data dir with the fake clock; closes it after."""
    windows: list[MainWindow] = []

    def factory(data_dir=None, sound=False) -> MainWindow:
        directory = data_dir or tmp_path
        settings = AppSettings(directory)
        settings.sound_cue = sound
        themes = ThemeManager(qapp)
        themes.apply(settings.theme)
        window = MainWindow(settings, themes, directory, now=fake_time)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def open_app(qtbot, tmp_path):
    windows = []

    def factory(data_dir=None, *extra, wait=True):
        window = launch(["--data-dir", str(data_dir or tmp_path / "data"), *extra])
        qtbot.addWidget(window)
        windows.append(window)
        if wait:
            qtbot.waitUntil(
                lambda: (
                    window.persistence.store is not None
                    or window.persistence.last_warning is not None
                ),
                timeout=10_000,
            )
        return window

    yield factory
    for window in windows:
        window.close()
