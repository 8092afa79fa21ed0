"""The design review on large boards: every rule, board view included, per check.

Boards of 1,000 and 10,000 components built from a realistic cell (client, CDN,
load balancer, gateway, three services, cache, database, queue, worker) repeated,
with services calling into neighbouring cells and random cross links (seeded), about
1.5 connectors per component, with notes in every pane. Budgets (issue 18): a check
of the 1,000-component board under 10 ms, of the 10,000-component one under 100 ms
(median of several runs).

    python benchmarks/design_checks.py
    BENCH_SMOKE=1 python benchmarks/design_checks.py   # tiny boards, for the test suite
"""

from __future__ import annotations

import gc
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import bench_line, median

BUDGETS_MS = {1000: 10.0, 10000: 100.0}
SMOKE = os.environ.get("BENCH_SMOKE") == "1"
CELL = (
    ("client", "Browser"),
    ("cdn", "CDN"),
    ("load_balancer", "LB"),
    ("api_gateway", "Gateway"),
    ("service", "Orders"),
    ("service", "Users"),
    ("service", "Search"),
    ("cache", "Redis"),
    ("sql_db", "Postgres"),
    ("queue", "Jobs"),
)
WIRING = ((0, 1), (1, 2), (2, 3), (3, 4), (3, 5), (4, 6), (4, 7), (5, 8), (6, 8), (4, 9), (7, 8))
NOTES = {
    "requirements": "## Functional\n\n1. Order\n2. Pay\n3. Track\n\n## Non-functional\n\n"
    "1. Low latency\n2. Available\n" * 3,
    "estimates": "| Writes | 100 M / 86,400 s | ~1,160 /s |\n" * 20,
    "api": "| `POST` | `/api/v1/orders` |\n| `GET` | `/api/v1/track/{id}` |\n" * 10,
    "deep_dive": "## Latency of orders\n\n### Option A\n\n### Option B\n\n### Trade-offs\n\ncosts\n"
    * 5,
    "wrap_up": "## Limits\n\n- one region only\n",
}


def make_board(n: int, seed: int = 18):
    from sdi_desktop.domain.board.elements import Component, Connector

    rng = random.Random(seed)
    comps, links = [], []
    cells = max(1, n // len(CELL))
    for c in range(cells):
        base = c * len(CELL)
        for i, (kind, label) in enumerate(CELL):
            comps.append(Component(id=f"n{base + i}", kind=kind, label=f"{label} {c}"))
        for a, b in WIRING:
            links.append(
                Connector(id=f"l{len(links)}", source=f"n{base + a}", target=f"n{base + b}")
            )
        worker = Component(id=f"w{c}", kind="worker", label=f"Worker {c}")
        comps.append(worker)
        links.append(
            Connector(id=f"l{len(links)}", source=f"n{base + 9}", target=worker.id, style="async")
        )
        if c:  # services call the previous cell's services
            links.append(
                Connector(id=f"l{len(links)}", source=f"n{base + 5}", target=f"n{base - 10 + 4}")
            )
    while len(comps) < n:
        comps.append(Component(id=f"x{len(comps)}", kind="box"))
    ids = [c.id for c in comps]
    for _ in range(n // 4):
        a, b = rng.sample(ids, 2)
        links.append(
            Connector(id=f"l{len(links)}", source=a, target=b, arrows=rng.choice(["end", "both"]))
        )
    return comps + links


def time_checks(elements, runs: int) -> float:
    from sdi_desktop.domain.checks.board_view import BoardView
    from sdi_desktop.domain.checks.inputs import CheckInput, ProblemInfo
    from sdi_desktop.domain.checks.registry import run_checks

    problem = ProblemInfo("p", "P", ("read-heavy",))
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        findings = run_checks(CheckInput(BoardView.from_elements(elements), NOTES, problem))
        times.append((time.perf_counter() - start) * 1000)
    assert findings is not None
    return median(times)


def main() -> int:
    ok = True
    sizes = {20: 10.0, 200: 100.0} if SMOKE else BUDGETS_MS
    for size, budget in sizes.items():
        elements = make_board(size)
        ms = time_checks(elements, 3 if SMOKE else (15 if size <= 1000 else 7))
        label = "smoke_" if SMOKE else ""
        ok &= bench_line(f"design_checks_{label}{size}_components", ms, "ms", budget)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
