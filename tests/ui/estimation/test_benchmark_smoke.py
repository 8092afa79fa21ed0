"""benchmarks/estimation.py in its tiny mode: it runs and measures what it says."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))


def test_the_keystroke_benchmark_runs_in_smoke_mode(qapp, monkeypatch):
    import estimation

    monkeypatch.setattr(estimation, "KEYSTROKES", 6)
    times = estimation.keystroke_times()
    assert len(times) == 9 and all(t > 0 for t in times)
