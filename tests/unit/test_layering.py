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


# --- Every module is in a layer, and import-linter sees every folder --------------------------

PACKAGE = ROOT / "sdi_desktop"


def _layer_roots(pyproject: Path) -> list[str]:
    import tomllib

    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in layers["layers"] for name in layer.split("|")]


def _layering_gaps(package: Path, pyproject: Path) -> list[str]:
    """What import-linter would not see: a folder without __init__.py, a module in no layer."""
    gaps = []
    roots = _layer_roots(pyproject)
    for folder in sorted(p for p in package.rglob("*") if p.is_dir()):
        if folder.name == "__pycache__" or not any(folder.rglob("*.py")):
            continue
        if not (folder / "__init__.py").is_file():
            gaps.append(f"{folder.relative_to(package.parent)} has no __init__.py")
    for module in sorted(package.rglob("*.py")):
        parts = module.relative_to(package.parent).with_suffix("").parts
        dotted = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if dotted == package.name:
            continue
        if not any(dotted == r or dotted.startswith(r + ".") for r in roots):
            gaps.append(f"{dotted} is in no layer")
    return gaps


def test_every_module_is_in_a_layer_and_every_folder_is_a_package():
    assert _layering_gaps(PACKAGE, ROOT / "pyproject.toml") == []


def _copy_of_the_package(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(PACKAGE, tmp_path / "sdi_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_a_folder_without_init_or_a_module_outside_the_layers_is_reported(tmp_path):
    copy = _copy_of_the_package(tmp_path)
    (copy / "sdi_desktop" / "ui" / "board" / "__init__.py").unlink()
    (copy / "sdi_desktop" / "stray.py").write_text("")
    gaps = _layering_gaps(copy / "sdi_desktop", copy / "pyproject.toml")
    assert gaps == ["sdi_desktop/ui/board has no __init__.py", "sdi_desktop.stray is in no layer"]


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    import os

    exe = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(exe), "--no-cache"], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_the_whiteboard_importing_the_app_breaks_the_layers(tmp_path):
    copy = _copy_of_the_package(tmp_path)
    clean = _lint_imports(copy)
    assert clean.returncode == 0, clean.stdout + clean.stderr  # the copy itself is checked
    scene = copy / "sdi_desktop" / "ui" / "board" / "scene.py"
    scene.write_text(scene.read_text(encoding="utf-8") + "\nimport sdi_desktop.app  # noqa\n")
    broken = _lint_imports(copy)
    assert broken.returncode != 0
    assert "sdi_desktop.ui.board.scene -> sdi_desktop.app" in broken.stdout


def test_the_command_line_package_loads_no_qt_until_a_command_draws():
    code = (
        "import sdi_desktop.cli, sdi_desktop.cli.arguments, sdi_desktop.cli.problems\n"
        "import sdi_desktop.cli.sessions, sdi_desktop.cli.stats\n"
    )
    loaded = _modules_after(code)
    assert "sdi_desktop.cli.sessions" in loaded
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6", "pyqtgraph"))}
    import sdi_desktop.cli

    assert "loads no Qt" in sdi_desktop.cli.__doc__  # what the package says is what it does
