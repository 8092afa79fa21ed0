"""The layers hold by machine: domain imports no Qt, storage no widgets."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _import_all(package: str) -> str:
    # Import every module of the package, not just its __init__.
    return (
        f"import importlib, pkgutil, {package} as p\n"
        f"for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        f"    importlib.import_module(m.name)\n"
    )


def _modules_after(code: str) -> set[str]:
    full = code + "import sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", full], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_domain_loads_no_qt():
    loaded = _modules_after(_import_all("sdi_desktop.domain"))
    assert "sdi_desktop.domain.clock" in loaded  # the walk really imported the modules
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))}


def test_storage_loads_no_widgets():
    loaded = _modules_after(_import_all("sdi_desktop.storage"))
    assert "PySide6.QtWidgets" not in loaded
    assert not {m for m in loaded if m.startswith("pyqtgraph")}


def test_command_line_parsing_loads_no_qt():
    loaded = _modules_after("import sdi_desktop.app\n")
    assert not {m for m in loaded if m.startswith("PySide6")}


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(exe)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout
