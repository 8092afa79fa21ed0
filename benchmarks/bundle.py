"""The PyInstaller bundle: its size, and its start to first paint beside `python -m sdi_desktop`.

Budgets: the one-folder bundle is under 160 MB on Linux, and it paints its main window no
later than the app started from source (`python -m sdi_desktop`) does.

The bundle cannot run a measuring script of its own, so both are started as a user starts
them, with the hidden switch SDI_DESKTOP_REPORT_FIRST_PAINT=1: the app prints
`first-paint <time.time()>` once its main window has painted, then closes. Start to first
paint is that time less the time just before the process was started. Both runs are "cold"
in the sense of a new process each time; the page cache is warm (one warm-up run each), as
dropping it needs the whole machine. Median of 9 interleaved runs each (BENCH_RUNS).

Builds the bundle first (`packaging/build.py`, into dist/) and reports the build time;
`--no-build` measures the bundle already in dist/ instead. Needs PyInstaller to build
(`make bundle` installs it); without it and without a bundle it says so and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SMOKE, bench_line, median, offscreen_env, user_like_env

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "1" if SMOKE else "9"))
SIZE_BUDGET_MB = 160.0
SWITCH = "SDI_DESKTOP_REPORT_FIRST_PAINT"
PROGRAM = ROOT / "dist" / "sdi-desktop" / ("sdi-desktop.exe" if os.name == "nt" else "sdi-desktop")


def build() -> float:
    """Build the bundle into dist/; return the seconds it took."""
    start = time.monotonic()
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True)
    return time.monotonic() - start


def size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def first_paint_seconds(command: list[str], data_dir: str) -> float:
    """Seconds from just before starting ``command`` to its main window's first paint
    (the source run with a bytecode cache, as the bundle has its bytecode)."""
    env = user_like_env(data_dir, **{SWITCH: "1"})
    start = time.time()
    out = subprocess.run(
        [*command, "--data-dir", data_dir],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("first-paint ")]
    if not lines:
        raise RuntimeError(f"{command[0]} reported no first paint: {out.stderr.strip()}")
    return float(lines[-1].split()[1]) - start


def run_seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, env=offscreen_env(), timeout=60, check=True)
    return time.perf_counter() - start


def smoke() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        source = first_paint_seconds([sys.executable, "-m", "sdi_desktop"], tmp)
    bench_line("source_first_paint", source, "s", 10.0)
    target = PROGRAM.parent if PROGRAM.is_file() else ROOT / "sdi_desktop"
    bench_line("bundle_smoke_folder_size", size_mb(target), "MB", SIZE_BUDGET_MB)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="measure the bundle in dist/")
    args = parser.parse_args(argv)
    if SMOKE:  # no build: the measuring code on what is here (the source, a bundle if built)
        return smoke()
    if not args.no_build:
        if importlib.util.find_spec("PyInstaller") is None:
            if not PROGRAM.is_file():
                print(
                    "SKIP bundle: PyInstaller is not installed and dist/ holds no bundle "
                    "(`make bundle` installs it and builds one)"
                )
                return 0
            print("PyInstaller is not installed: measuring the bundle already in dist/")
        else:
            seconds = build()
            print(f"bundle built in {seconds:.0f} s")
    if not PROGRAM.is_file():
        print(f"no bundle to measure: {PROGRAM} does not exist (`make bundle` builds it)")
        return 1
    size = size_mb(PROGRAM.parent)
    source = [sys.executable, "-m", "sdi_desktop"]
    bundle = [str(PROGRAM)]
    with tempfile.TemporaryDirectory() as tmp:
        dirs = {name: str(Path(tmp) / name) for name in ("source", "bundle")}
        first_paint_seconds(source, dirs["source"])  # warm-ups: libraries into the page cache
        first_paint_seconds(bundle, dirs["bundle"])
        from_source, from_bundle = [], []
        for _ in range(RUNS):  # interleaved, so that a busy moment hits both alike
            from_source.append(first_paint_seconds(source, dirs["source"]))
            from_bundle.append(first_paint_seconds(bundle, dirs["bundle"]))
    print(f"bundle: {PROGRAM.parent.relative_to(ROOT)} ({size:.1f} MB)")
    print(f"python -m sdi_desktop, first paint: {', '.join(f'{v:.3f}' for v in from_source)} s")
    print(f"bundle, first paint: {', '.join(f'{v:.3f}' for v in from_bundle)} s")
    ok = bench_line("bundle_size", size, "MB", SIZE_BUDGET_MB)
    source_median, bundle_median = median(from_source), median(from_bundle)
    bench_line("source_first_paint", source_median, "s", source_median)
    ok &= bench_line("bundle_first_paint", bundle_median, "s", source_median)
    print(f"bundle / source, first paint: {bundle_median / source_median:.3f}x")
    # Not budgeted: the quick paths. PyInstaller's PySide6 run-time hook imports QtCore
    # before main() runs, so every bundle command pays for loading Qt (~0.1 s here).
    version = [
        median([run_seconds([*c, "--version"]) for _ in range(RUNS)]) for c in (source, bundle)
    ]
    print(f"--version, whole process: python -m {version[0]:.3f} s, bundle {version[1]:.3f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
