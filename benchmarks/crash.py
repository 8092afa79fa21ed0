"""Crash safety: SIGKILL the app at a random moment, 200 times; count the runs that
lost an edit made more than two seconds before the kill or failed the integrity check.

Budget: 0 runs with a loss. About 4-5 s a run (set CRASH_RUNS for fewer).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line, sized  # noqa: E402

from tests.e2e.crash_harness import run_once  # noqa: E402

RUNS = int(os.environ.get("CRASH_RUNS", sized("200", "1")))


def main() -> int:
    rng = random.Random(20261124)
    bad, edits = 0, 0
    for n in range(RUNS):
        with tempfile.TemporaryDirectory(prefix="sdi-crash-") as tmp:
            result = run_once(Path(tmp), n, rng.uniform(0.5, 5.0))
        edits += result.edits_due
        if result.error or result.integrity != "ok" or result.lost:
            bad += 1
            print(
                f"run {n}: integrity={result.integrity!r} lost={result.lost} {result.error[:200]}"
            )
    print(f"{RUNS} runs, {edits} edits that were due, {bad} runs lost something")
    ok = bench_line("crash_runs_with_loss", bad, "runs", 0)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
