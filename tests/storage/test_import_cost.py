"""Storage stays off the path to the first paint, and the sessions commands load Qt only
when they draw a board."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    full = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", full], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_storage_package_itself_imports_nothing():
    loaded = _modules_after("import sdi_desktop.storage")
    assert not {m for m in loaded if m.startswith(("sqlmodel", "sqlalchemy", "pydantic"))}


def test_the_sessions_commands_load_no_qt_until_a_board_is_drawn():
    loaded = _modules_after("import sdi_desktop.cli.sessions")
    assert "sdi_desktop.storage.store" in loaded
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))}
