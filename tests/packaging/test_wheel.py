"""`pip install .` from a clean checkout: the wheel carries the app's data and runs on its own.

The wheel is built from a `git clone` of this repository (so from the committed files
only), installed into a fresh virtual environment with the pinned dependencies, and run
from a folder outside the checkout, so nothing can come from the source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from sdi_desktop import APP_NAME, __version__, paths
from sdi_desktop.domain.problems import load_library
from tests.packaging.conftest import ROOT, SLOW, needs_packaging_tools

pytestmark = [pytest.mark.wheel, needs_packaging_tools, SLOW]


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()


def _pip_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The `sdi-desktop` script of a fresh venv holding the wheel built from a clean clone."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    work = tmp_path_factory.mktemp("wheel")
    clone = work / "clone"
    _git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone))
    assert _git("rev-parse", "HEAD", cwd=clone) == _git("rev-parse", "HEAD")
    wheels = work / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), "."],
        cwd=clone,
        env=_pip_env(),
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("sdi_desktop-*.whl")
    assert wheel.name.startswith(f"sdi_desktop-{__version__}-")
    _check_wheel_contents(wheel)
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [
            str(bin_dir / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "-c",
            str(ROOT / "requirements" / "constraints.txt"),
            str(wheel),
        ],
        env=_pip_env(),
        check=True,
        timeout=900,
    )
    return bin_dir / ("sdi-desktop.exe" if sys.platform == "win32" else "sdi-desktop")


def _check_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("resources", "problems"):
        source = {p.relative_to(ROOT).as_posix() for p in (ROOT / kind).rglob("*") if p.is_file()}
        assert {f"sdi_desktop/{name}" for name in source} <= names, kind
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "packaging/"))]


def _run(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=180
    )


def test_the_installed_app_lists_the_whole_library_from_the_wheel(installed, tmp_path):
    out = _run(installed, "problems", "list", "--json", "--data-dir", str(tmp_path), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    expected = load_library(paths.resource_root("problems"), None).sorted_problems()
    assert [row["id"] for row in rows] == [problem.id for problem in expected]
    assert len(rows) >= 30
    site = installed.parents[1]  # the venv: problems come from its copy, not this checkout
    for row in rows:
        assert row["source"] == "built-in"
        assert Path(row["file"]).resolve().is_relative_to(site.resolve()), row["file"]
    text = _run(installed, "problems", "list", "--data-dir", str(tmp_path), cwd=tmp_path)
    assert text.stdout.strip().splitlines()[-1].startswith(f"{len(rows)} problems")


def test_the_installed_app_reports_its_version_and_opens_its_store(installed, tmp_path):
    version = _run(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"{APP_NAME} {__version__}"
    sessions = _run(installed, "sessions", "list", "--data-dir", str(tmp_path / "d"), cwd=tmp_path)
    assert sessions.returncode == 0, sessions.stderr
    assert (tmp_path / "d" / "sdi-desktop.db").is_file()
