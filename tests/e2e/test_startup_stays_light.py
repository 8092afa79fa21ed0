"""The problem library (and pydantic) load when needed, not on the way to the first paint."""

from __future__ import annotations

import os
import subprocess
import sys


def test_main_window_starts_without_pydantic_or_the_library(tmp_path):
    code = (
        "import sys\n"
        "from sdi_desktop.app import launch\n"
        f"window = launch(['--data-dir', {str(tmp_path)!r}])\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.processEvents()\n"
        "loaded = [m for m in sys.modules if m.startswith(('pydantic', 'tomllib'))]\n"
        "print('LOADED', sorted(loaded))\n"
        "window.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "LOADED []" in out.stdout


def test_main_window_starts_without_pyqtgraph(tmp_path):
    code = (
        "import sys\n"
        "from sdi_desktop.app import launch\n"
        f"window = launch(['--data-dir', {str(tmp_path)!r}])\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.processEvents()\n"
        "import time\n"
        "deadline = time.monotonic() + 30\n"
        "while window.persistence.store is None and time.monotonic() < deadline:\n"
        "    QApplication.processEvents()\n"
        "    time.sleep(0.01)\n"
        "print('LOADED', 'pyqtgraph' in sys.modules)\n"
        "window.findChild(type(window.action_new), 'actionProgress').trigger()\n"
        "dashboard = window.session_controller.reviews.dashboard\n"
        "print('OPENED', 'pyqtgraph' in sys.modules, dashboard.objectName())\n"
        "window.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "LOADED False" in out.stdout
    assert "OPENED True progressDashboard" in out.stdout
