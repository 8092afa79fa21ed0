"""Problem library: time to load and validate every built-in problem file.

Budget: 100 ms to read, parse and validate the whole library (median of 20 loads in
one process). The one-off cost of importing pydantic and building the models is
printed too; the app pays it once, when the New Session dialog first opens.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import bench_line, median, sized

RUNS = int(os.environ.get("BENCH_RUNS", sized("20", "2")))
BUDGET_MS = 100


def main() -> int:
    started = time.perf_counter()
    from sdi_desktop import paths
    from sdi_desktop.domain.problems import load_library

    import_ms = (time.perf_counter() - started) * 1000
    folder = paths.resource_root("problems")
    first = time.perf_counter()
    library = load_library(folder, None)
    first_ms = (time.perf_counter() - first) * 1000
    if library.errors:
        for error in library.errors:
            print(error)
        return 1
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        load_library(folder, None)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{len(library)} problems in {folder}")
    print(f"import of pydantic and the problem models (once): {import_ms:.1f} ms")
    print(f"first load: {first_ms:.1f} ms; later loads: {', '.join(f'{t:.1f}' for t in times)} ms")
    ok = bench_line("problem_library_load", median(times), "ms", BUDGET_MS)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
