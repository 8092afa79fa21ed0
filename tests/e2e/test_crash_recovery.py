"""Killing the app (SIGKILL) at random moments loses at most the last two seconds
of edits and never corrupts the database. benchmarks/crash.py runs this 200 times."""

from __future__ import annotations

import random

import pytest

from tests.e2e.crash_harness import run_once

RUNS = 10


@pytest.mark.parametrize("seed", range(RUNS))
def test_sigkill_loses_nothing_older_than_two_seconds(tmp_path, seed):
    kill_after = random.Random(seed).uniform(2.5, 4.5)
    result = run_once(tmp_path, seed, kill_after)
    assert not result.error, result.error
    assert result.integrity == "ok"
    assert result.edits_due > 0  # the run really edited before the grace period
    assert result.lost == []
