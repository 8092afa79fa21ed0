"""benchmarks/reference.py in its tiny mode (BENCH_SMOKE=1): it runs and every figure
ends with its BENCH line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_reference_benchmark_smoke_runs():
    env = dict(os.environ, BENCH_SMOKE="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "reference.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=ROOT,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("BENCH ")]
    assert [line.split()[1] for line in lines] == [
        "reference_compare_50",
        "reference_review_open_50",
        "reference_panel_own_scene_50",
        "reference_review_session_50",
    ], out.stdout + out.stderr
    assert all(line.split()[-1] in ("OK", "OVER") for line in lines)
