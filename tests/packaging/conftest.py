"""The packaging tests: they build the PyInstaller bundle and a wheel, so they are slow.

They run only where PyInstaller is installed (the `packaging` extra): `make test` skips them
in a plain development environment, `make test-packaging` installs it and runs them, and
CI (.ci/run) runs them after `make test`.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HAVE_PYINSTALLER = importlib.util.find_spec("PyInstaller") is not None
needs_packaging_tools = pytest.mark.skipif(
    not HAVE_PYINSTALLER,
    reason="PyInstaller is not installed (`make test-packaging` installs it and runs these)",
)
# Building the bundle takes about 40 s here and a wheel plus a fresh venv about as much;
# leave room for a slow CI machine.
SLOW = pytest.mark.timeout(1200)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment with no Python in it: no interpreter on PATH, no PYTHON* variables."""
    empty_bin = home / "empty-bin"
    empty_bin.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": str(empty_bin),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        # would point a Python that honours them at the wrong place; the bundle must not care
        "PYTHONHOME": str(home / "no-such-python"),
        "PYTHONPATH": str(home / "no-such-path"),
    }
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """The bundle's program, built from this checkout by packaging/build.py (once a run)."""
    work = tmp_path_factory.mktemp("bundle")
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(work / "dist"),
            "--work",
            str(work / "build"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-6000:]
    print(out.stdout.strip().splitlines()[-1])  # "built ... (N MB) in N s", shown with -s
    name = "sdi-desktop.exe" if sys.platform == "win32" else "sdi-desktop"
    program = work / "dist" / "sdi-desktop" / name
    assert program.is_file()
    return program
