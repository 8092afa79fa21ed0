"""``make bench``: run every benchmark script, even after one fails, then print a summary.

Each script in this folder (but this one and the helpers starting with ``_``) runs in
its own process. Every ``BENCH <name> <value> <unit> budget <budget> <OK|OVER>`` line
it prints becomes a row of the summary; a script that exits with an error, prints a
traceback or prints no BENCH line becomes an ERROR row (a ``SKIP ...`` line, as
``bundle.py`` prints without PyInstaller, a SKIP row). The exit status is 1 when any
row is not OK or SKIP. ``BENCH_SMOKE=1`` runs each at its tiny size (the test suite
does that); ``python benchmarks/run_all.py board startup`` runs only those.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
BENCH = re.compile(r"^BENCH (\S+) (\S+) (\S+) budget (\S+) (OK|OVER)\s*$")
TIMEOUT_S = int(os.environ.get("BENCH_TIMEOUT", "3600"))


class Row(NamedTuple):
    script: str
    name: str
    value: str
    unit: str
    budget: str
    status: str  # OK, OVER, ERROR or SKIP


def scripts(names: list[str] | None = None) -> list[Path]:
    found = sorted(
        p for p in HERE.glob("*.py") if not p.name.startswith("_") and p != Path(__file__).resolve()
    )
    if names:
        found = [p for p in found if p.stem in names]
    return found


def run(script: Path, env: dict[str, str] | None = None) -> tuple[list[Row], str]:
    """Run one script; its rows and everything it printed."""
    env = dict(env or os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT_S,
            cwd=HERE.parent,
        )
        output, code = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired as exc:
        output, code = f"{exc.stdout or ''}{exc.stderr or ''}\ntimed out after {TIMEOUT_S} s", -1
    rows = []
    for line in output.splitlines():
        match = BENCH.match(line.strip())
        if match:
            rows.append(Row(script.stem, *match.groups()))
        elif line.startswith("SKIP "):
            rows.append(Row(script.stem, line[5:].split(":")[0], "-", "", "-", "SKIP"))
    broke = "Traceback (most recent call last)" in output
    if (
        broke
        or not rows
        or (code not in (0, 1))
        or (code == 1 and all(r.status == "OK" for r in rows))
    ):
        reason = "traceback" if broke else (f"exit {code}" if rows else "no BENCH line")
        rows.append(Row(script.stem, f"({reason})", "-", "", "-", "ERROR"))
    seconds = time.monotonic() - start
    return rows, output + f"\n[{script.name}: {seconds:.1f} s, exit {code}]\n"


def summary(rows: list[Row]) -> str:
    heads = ("script", "name", "value", "unit", "budget", "status")
    table = [heads, *rows]
    widths = [max(len(str(r[i])) for r in table) for i in range(len(heads))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)) for r in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    bad = sum(r.status not in ("OK", "SKIP") for r in rows)
    lines.append(f"{len(rows)} figures, {bad} not OK")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    rows: list[Row] = []
    for script in scripts(argv or None):
        print(f"== {script.name}", flush=True)
        found, output = run(script)
        print(output, flush=True)
        rows.extend(found)
    print(summary(rows))
    return 0 if all(r.status in ("OK", "SKIP") for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
