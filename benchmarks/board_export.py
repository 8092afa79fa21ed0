"""Board export from the command line: PNG and Markdown of a 10,000+10,000 board (issue 15).

Each export runs ``sdi-desktop sessions export`` in a fresh process, as a user would, and
reports its wall time and its peak resident memory.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line, offscreen_env, sized

ROOT = Path(__file__).resolve().parents[1]


def _big_board(n: int) -> list[dict]:
    spec = importlib.util.spec_from_file_location(
        "lib_bench", ROOT / "benchmarks" / "library_storage.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.big_board(n)


def _export(data_dir: Path, session_id: int, fmt: str, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one export, in its own process."""
    command = [sys.executable, "-m", "sdi_desktop", "sessions", "export", str(session_id)]
    command += ["--format", fmt, "--output", str(out), "--data-dir", str(data_dir)]
    t0 = time.perf_counter()
    done = subprocess.run(command, env=offscreen_env(), capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"export {fmt} failed: {done.stderr.strip()}")
    print(done.stdout.strip())
    # ru_maxrss of the children is the largest of any child so far; run the heavier last.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=sized(10_000, 20))
    n = parser.parse_args().n

    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.storage.store import Store

    ok = True
    with tempfile.TemporaryDirectory(prefix="sdi-bench-export-") as tmp:
        data_dir = Path(tmp)
        with Store.open(data_dir) as store:
            record = SessionRecord(title="A large board", problem_id="", board=_big_board(n))
            session_id = store.sessions.create(record)
        png_s, png_mb = _export(data_dir, session_id, "png", data_dir / "board.png")
        md_s, md_mb = _export(data_dir, session_id, "md", data_dir / "board.md")
        print(f"board of {n} components and {n - 1} connectors")
        ok &= bench_line("board_export_png_10k", png_s, "s", 5)
        ok &= bench_line("board_export_md_10k", md_s, "s", 5)
        ok &= bench_line("board_export_peak_rss", max(png_mb, md_mb), "MB", 600)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
