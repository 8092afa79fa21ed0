"""benchmarks/interop.py runs in its tiny mode and prints its two figures."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_interop_benchmark_smoke_runs():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "interop.py")],
        capture_output=True, text=True, timeout=120, env=dict(os.environ, BENCH_SMOKE="1"),
    )  # fmt: skip
    assert out.returncode in (0, 1), out.stderr  # 1 only means over budget on a loaded machine
    lines = re.findall(r"^BENCH (\S+) (\S+) s budget 1 (OK|OVER)$", out.stdout, re.MULTILINE)
    assert [name for name, _v, _ok in lines] == [
        "interop_excalidraw_import_cold",
        "interop_excalidraw_import_warm",
    ]
    assert "50 components, 49 connectors" in out.stdout
