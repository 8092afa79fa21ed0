"""Helpers shared by the benchmark scripts (not part of the test run)."""

from __future__ import annotations

import os
import statistics

# BENCH_SMOKE=1: every benchmark runs once at a tiny size, so that the test suite sees
# each one run to its BENCH lines (tests/e2e/test_benchmarks_smoke.py); figures of a
# smoke run mean nothing.
SMOKE = os.environ.get("BENCH_SMOKE") == "1"


def sized(full, smoke):
    """``full`` in a real run, ``smoke`` in a smoke run."""
    return smoke if SMOKE else full


def offscreen_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def user_like_env(cache_dir, **extra: str) -> dict[str, str]:
    """Offscreen, and with a bytecode cache as a user's Python has one. A machine that sets
    PYTHONDONTWRITEBYTECODE (this one does) would otherwise compile every module of the
    app at each start, while the installed PySide6 and a PyInstaller bundle come with
    their bytecode. The cache lives in ``cache_dir``; a warm-up run fills it."""
    from pathlib import Path

    env = offscreen_env(PYTHONPYCACHEPREFIX=str(Path(cache_dir) / "pycache"), **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_line(name: str, value: float, unit: str, budget: float, higher_is_worse: bool = True):
    """Print the one-line verdict every figure ends with."""
    ok = value <= budget if higher_is_worse else value >= budget
    print(f"BENCH {name} {value:.4g} {unit} budget {budget:.4g} {'OK' if ok else 'OVER'}")
    return ok
