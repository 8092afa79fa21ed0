"""Build the one-folder application with PyInstaller: ``dist/sdi-desktop/sdi-desktop``.

Usage: ``python packaging/build.py [--dist DIR] [--work DIR]`` from any folder, with
PyInstaller installed (``pip install -c requirements/constraints.txt -e '.[packaging]'``;
``make bundle`` does both). Prints the bundle's folder, size and build time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "sdi_desktop.spec"
APP_ID = "sdi-desktop"


def executable(dist: Path) -> Path:
    """The bundle's program inside ``dist``."""
    name = f"{APP_ID}.exe" if sys.platform == "win32" else APP_ID
    return dist / APP_ID / name


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the bundle's program."""
    import PyInstaller.__main__

    PyInstaller.__main__.run(
        [
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
        ]
    )
    program = executable(dist)
    if not program.is_file():
        raise SystemExit(f"PyInstaller finished but {program} is missing")
    return program


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="work folder"
    )
    args = parser.parse_args(argv)
    start = time.monotonic()
    program = build(args.dist.resolve(), args.work.resolve())
    seconds = time.monotonic() - start
    size_mb = folder_size(program.parent) / 1e6
    print(f"built {program} ({size_mb:.1f} MB) in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
