"""Every benchmark runs, at a tiny size, in the suite: one that raises, or prints no BENCH
line, fails here instead of rotting until someone runs ``make bench`` (issue 20)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _runner():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "benchmarks" / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run_all = _runner()
SMOKE_ENV = dict(os.environ, BENCH_SMOKE="1", QT_QPA_PLATFORM="offscreen")


@pytest.mark.parametrize("script", run_all.scripts(), ids=lambda p: p.stem)
def test_each_benchmark_runs_at_its_tiny_size(script):
    rows, output = run_all.run(script, SMOKE_ENV)
    errors = [r for r in rows if r.status == "ERROR"]
    assert not errors, output[-3000:]
    assert any(r.status in ("OK", "OVER") for r in rows), output[-3000:]


def test_a_benchmark_that_raises_is_an_error_row_and_fails_the_run(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text(
        'print("BENCH half_done 1 ms budget 2 OK")\nraise RuntimeError("rotted")\n',
        encoding="utf-8",
    )
    silent = tmp_path / "silent.py"
    silent.write_text('print("nothing measured")\n', encoding="utf-8")
    rows = run_all.run(broken, SMOKE_ENV)[0] + run_all.run(silent, SMOKE_ENV)[0]
    assert [(r.script, r.status) for r in rows] == [
        ("broken", "OK"),
        ("broken", "ERROR"),
        ("silent", "ERROR"),
    ]
    assert rows[1].name == "(traceback)" and rows[2].name == "(no BENCH line)"
    table = run_all.summary(rows)
    assert "2 not OK" in table.splitlines()[-1]


def test_the_summary_lists_every_figure_with_its_verdict():
    rows = [
        run_all.Row("board", "board_1k_load", "0.1", "s", "0.5", "OK"),
        run_all.Row("board", "board_1k_load_ratio_to_floor", "4.2", "x", "3", "OVER"),
    ]
    lines = run_all.summary(rows).splitlines()
    assert lines[0].split() == ["script", "name", "value", "unit", "budget", "status"]
    assert lines[-1] == "2 figures, 1 not OK"
    assert lines[3].split()[-1] == "OVER"
