"""The Linux menu entry: packaging/sdi-desktop.desktop starts the app with its icon."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from sdi_desktop import APP_ID, APP_NAME, paths

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "sdi-desktop.desktop"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_entry_runs_the_installed_command_with_the_app_icon():
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"] == APP_ID == entry["TryExec"]
    assert entry["Terminal"] == "false"
    # the icon theme name the README installs the PNGs under
    assert entry["Icon"] == APP_ID
    assert paths.resource("icons", "app", f"{APP_ID}-256.png").is_file()
    # the window's WM_CLASS instance is the program's name (seen with xprop under Xvfb);
    # on Wayland Qt reports the desktop file name set in app._application()
    assert entry["StartupWMClass"] == APP_ID == ENTRY.stem


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_accepts_it():
    out = subprocess.run(["desktop-file-validate", str(ENTRY)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr
