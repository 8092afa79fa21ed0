"""The design-review benchmarks run end to end in their tiny mode (figures not judged
here: the machine running the tests may be busy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.mark.parametrize("script", ["design_checks.py", "design_review_typing.py"])
def test_benchmark_smoke_runs(script):
    env = dict(os.environ, BENCH_SMOKE="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, str(BENCHMARKS / script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("BENCH ")]
    assert lines, out.stdout + out.stderr
    assert out.returncode in (0, 1), out.stderr  # 1: a figure over budget, not a crash
    for line in lines:
        _name, value, unit, _word, _budget, verdict = line.split()[1:]
        assert float(value) >= 0 and unit == "ms" and verdict in ("OK", "OVER")
