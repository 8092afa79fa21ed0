"""The calculator, the panel and the numbers card load on first use, not before the first paint."""

from __future__ import annotations

import os
import subprocess
import sys


def test_estimation_loads_only_when_opened(tmp_path):
    code = (
        "import sys\n"
        "from sdi_desktop.app import launch\n"
        f"window = launch(['--data-dir', {str(tmp_path)!r}])\n"
        "from PySide6.QtWidgets import QApplication\n"
        "QApplication.processEvents()\n"
        "heavy = ('sdi_desktop.domain.estimation', 'sdi_desktop.ui.estimation.panel',\n"
        "         'sdi_desktop.ui.estimation.numbers_card')\n"
        "print('BEFORE', [m for m in heavy if m in sys.modules])\n"
        "window.findChild(type(window.action_new), 'actionEstimation').trigger()\n"
        "window.findChild(type(window.action_new), 'actionNumbersCard').trigger()\n"
        "print('AFTER', [m for m in heavy if m in sys.modules])\n"
        "hooks = window.estimation\n"
        "print('NAMES', hooks.panel.objectName(), hooks.card.objectName())\n"
        "window.close()\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert "BEFORE []" in out.stdout
    assert (
        "AFTER ['sdi_desktop.domain.estimation', 'sdi_desktop.ui.estimation.panel', " in out.stdout
    )
    assert "NAMES estimationPanel numbersCard" in out.stdout
