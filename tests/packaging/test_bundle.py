"""The PyInstaller bundle, built from this checkout and run as a user runs it: no Python around.

Each subcommand below loads a part of the app that is imported lazily (the problem loader,
the storage layer with SQLModel and SQLAlchemy's SQLite dialect, pydantic, Qt's SVG and PDF
export, the main window), so a module the spec forgot fails here, not on a user's machine.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

import sdi_desktop
from sdi_desktop import APP_NAME, __version__, paths
from sdi_desktop.app import REPORT_FIRST_PAINT_ENV
from sdi_desktop.domain.problems import load_library
from sdi_desktop.storage.exchange import session_to_json
from tests.packaging.conftest import ROOT, SLOW, clean_env, needs_packaging_tools
from tests.storage.conftest import full_record

pytestmark = [pytest.mark.bundle, needs_packaging_tools, SLOW]

SIZE_BUDGET_MB = 160  # Linux; benchmarks/bundle.py reports the figure
QT_USED = {"QtCore", "QtGui", "QtWidgets", "QtSvg"}
# and what pyqtgraph imports, once the app imports pyqtgraph (see packaging/sdi_desktop.spec)
QT_ALLOWED = QT_USED | {"QtOpenGL", "QtOpenGLWidgets"}
UNWANTED_QT = ("WebEngine", "Quick", "Qml", "3D", "Multimedia", "Charts", "Network", "Designer")


def run(program: Path, *args: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        env=clean_env(home, **env),
        cwd=home,
        timeout=180,
    )


def internal(program: Path) -> Path:
    return program.parent / "_internal"


def test_the_bundle_reports_its_version(bundle, tmp_path):
    out = run(bundle, "--version", home=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{APP_NAME} {__version__}"


def test_the_bundle_renders_screenshots_offscreen(bundle, tmp_path):
    shots = tmp_path / "shots"
    out = run(bundle, "screenshots", str(shots), "--data-dir", str(tmp_path / "d"), home=tmp_path)
    assert out.returncode == 0, out.stderr
    written = [Path(line) for line in out.stdout.split()]
    assert len(written) >= 5
    assert sorted(shots.iterdir()) == sorted(written)
    # the same views, at the same sizes, as the app run from source draws
    source = tmp_path / "source-shots"
    # the same environment as the bundle's (home, fonts, locale), but for Python's own
    same = clean_env(tmp_path, SDI_DESKTOP_DATA_DIR=str(tmp_path / "s"))
    for name in ("PYTHONHOME", "PYTHONPATH"):
        del same[name]
    subprocess.run(
        [sys.executable, "-m", "sdi_desktop", "screenshots", str(source)],
        capture_output=True,
        env=same,
        cwd=ROOT,
        timeout=180,
        check=True,
    )
    assert sorted(p.name for p in source.iterdir()) == sorted(p.name for p in written)
    for path in written:
        image = QImage(str(path))
        assert not image.isNull(), path
        expected = QImage(str(source / path.name))
        assert image.size() == expected.size(), path.name
        # drawn as the source draws it (the same Qt and fonts: nothing should differ)
        assert _share_of_pixels_that_differ(image, expected) < 0.001, path.name
        # not one flat colour: something was drawn
        xs = range(0, image.width(), max(1, image.width() // 40))
        ys = range(0, image.height(), max(1, image.height() // 20))
        sample = {image.pixel(x, y) for x in xs for y in ys}
        assert len(sample) > 3, path.name


def _share_of_pixels_that_differ(one: QImage, other: QImage) -> float:
    one = one.convertToFormat(QImage.Format.Format_RGB32)
    other = other.convertToFormat(QImage.Format.Format_RGB32)
    import numpy  # pyqtgraph's, in the environment anyway

    a, b = (
        numpy.frombuffer(bytes(image.constBits()), numpy.uint32) & 0xFFFFFF
        for image in (one, other)
    )
    return float(numpy.count_nonzero(a != b)) / a.size


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's own hook")
def test_the_bundle_loads_its_own_qt_plugins_whatever_qt_plugin_path_says(bundle, tmp_path):
    """Another Qt's plugins (a QT_PLUGIN_PATH set for the desktop) are not even looked at."""
    foreign = tmp_path / "foreign-qt-plugins"
    (foreign / "platforms").mkdir(parents=True)
    out = run(
        bundle,
        "--data-dir",
        str(tmp_path / "data"),
        home=tmp_path,
        QT_PLUGIN_PATH=str(foreign),
        QT_DEBUG_PLUGINS="1",  # Qt names each folder it searches on stderr
        **{REPORT_FIRST_PAINT_ENV: "1"},
    )
    assert out.returncode == 0, out.stderr[-3000:]
    searched = [line for line in out.stderr.splitlines() if "checking directory path" in line]
    assert any(str(internal(bundle) / "PySide6" / "Qt" / "plugins") in line for line in searched)
    assert not [line for line in searched if str(foreign) in line]


def test_the_bundle_lists_the_whole_problem_library_from_inside_itself(bundle, tmp_path):
    out = run(
        bundle, "problems", "list", "--json", "--data-dir", str(tmp_path / "d"), home=tmp_path
    )
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    expected = load_library(paths.resource_root("problems"), None).sorted_problems()
    assert [row["id"] for row in rows] == [problem.id for problem in expected]
    assert len(rows) >= 30
    for row in rows:
        assert row["source"] == "built-in"
        assert Path(row["file"]).is_relative_to(internal(bundle) / "sdi_desktop" / "problems")
    checked = run(bundle, "problems", "check", str(ROOT / "problems"), home=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_the_bundle_keeps_imports_and_exports_sessions(bundle, tmp_path):
    data = tmp_path / "data"
    empty = run(bundle, "sessions", "list", "--data-dir", str(data), home=tmp_path)
    assert empty.returncode == 0, empty.stderr
    assert "No saved sessions" in empty.stdout
    record = full_record()
    (tmp_path / "in.json").write_text(session_to_json(record), encoding="utf-8")
    imported = run(
        bundle,
        "sessions",
        "import",
        str(tmp_path / "in.json"),
        "--data-dir",
        str(data),
        home=tmp_path,
    )
    assert imported.returncode == 0, imported.stderr
    session_id = imported.stdout.strip()
    listed = run(bundle, "sessions", "list", "--json", "--data-dir", str(data), home=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert [row["title"] for row in json.loads(listed.stdout)] == [record.title]
    starts = {"md": b"# ", "json": b"{", "png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}
    for fmt, start in starts.items():
        target = tmp_path / f"out.{fmt}"
        out = run(
            bundle,
            "sessions",
            "export",
            session_id,
            "--format",
            fmt,
            "-o",
            str(target),
            "--data-dir",
            str(data),
            home=tmp_path,
        )
        assert out.returncode == 0, f"{fmt}: {out.stderr}"
        assert target.read_bytes().startswith(start), fmt
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["title"] == record.title


def test_the_bundle_opens_its_window(bundle, tmp_path):
    data = tmp_path / "data"
    out = run(bundle, "--data-dir", str(data), home=tmp_path, **{REPORT_FIRST_PAINT_ENV: "1"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1].startswith("first-paint ")
    assert (data / "settings.ini").is_file()


def test_the_bundle_holds_the_app_its_data_and_no_more_qt_than_it_uses(bundle):
    inside = internal(bundle)
    for kind in ("resources", "problems"):
        source = sorted(p.relative_to(ROOT / kind) for p in (ROOT / kind).rglob("*") if p.is_file())
        bundled = inside / "sdi_desktop" / kind
        assert sorted(p.relative_to(bundled) for p in bundled.rglob("*") if p.is_file()) == source
    qt_modules = {p.name.split(".")[0] for p in (inside / "PySide6").glob("Qt*") if p.is_file()}
    assert QT_USED <= qt_modules <= QT_ALLOWED
    names = [p.name for p in inside.rglob("*")]
    assert not [n for n in names if any(word in n for word in UNWANTED_QT)]
    assert not (inside / "PySide6" / "Qt" / "translations").exists()
    assert not [n for n in names if n.startswith(("libgtk", "libcairo", "libpango"))]


def modules_as_files(program: Path) -> set[str]:
    """The modules the bundle holds as plain .pyc files beside the archive."""
    inside = internal(program)
    names = set()
    for path in inside.rglob("*.pyc"):
        parts = list(path.relative_to(inside).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.add(".".join(parts))
    return names


def test_the_bundle_has_every_app_module_and_no_test_tools(bundle):
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle)).open_embedded_archive("PYZ.pyz")
    as_files = modules_as_files(bundle)
    # What the first paint imports is stored uncompressed, so that no start inflates it;
    # the rest stays in the compressed archive (PYZ).
    for name in ("sdi_desktop.app", "sdi_desktop.ui.main_window", "PySide6", "typing"):
        assert name in as_files and name not in archive.toc, name
    assert "sqlalchemy.orm" in archive.toc and "sqlalchemy.orm" not in as_files
    modules = set(archive.toc) | as_files
    # No run-time hook imports multiprocessing, pkgutil, inspect or (on Linux) QtCore at
    # each start (see the spec); pyqtgraph's (a few lines, no import) stays.
    scripts = {name for name, entry in CArchiveReader(str(bundle)).toc.items() if entry[-1] == "s"}
    assert "pyi_rth_pyqtgraph_multiprocess" in scripts
    assert not scripts & {"pyi_rth_multiprocessing", "pyi_rth_pkgutil", "pyi_rth_inspect"}
    if sys.platform.startswith("linux"):
        assert "pyi_rth_sdi_qt_plugins" in scripts and "pyi_rth_pyside6" not in scripts
    ours = {
        name for _finder, name, _pkg in pkgutil.walk_packages(sdi_desktop.__path__, "sdi_desktop.")
    }
    assert ours - modules == set()
    for package in ("sqlmodel", "sqlalchemy.dialects.sqlite.pysqlite", "pydantic", "tomllib"):
        assert package in modules, package
    unwanted = ("pytest", "_pytest", "pytestqt", "hypothesis", "tests", "PyInstaller", "rich")
    assert not [m for m in modules if m.split(".")[0] in unwanted]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the size budget is Linux's")
def test_the_bundle_fits_its_size_budget(bundle):
    folder = bundle.parent
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert size / 1e6 < SIZE_BUDGET_MB
