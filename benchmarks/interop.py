"""Importing a 1 MB Excalidraw drawing (issue 22: under 1 s).

The drawing is made here the way Excalidraw saves one (indented JSON, every field an
element has): rectangles with bound labels, arrows bound at both ends with some
labelled, free text laid over shapes, a few frames and pen strokes, grown until the
file is 1 MB. Two figures: a cold import in a fresh process (reading the file,
importing the modules, pydantic included, and building the board) and the median of
warm imports in one process.

    python benchmarks/interop.py          # 1 MB
    BENCH_SMOKE=1 python benchmarks/interop.py   # one batch of 50 shapes (0.14 MB), for the suite
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import bench_line

BUDGET = 1.0
SMOKE = os.environ.get("BENCH_SMOKE") == "1"
TARGET = 20_000 if SMOKE else 1_000_000
LABELS = ["API gateway", "Order service", "Postgres", "Redis cache", "Kafka", "Worker", "S3"]


def _element(kind, id_, x, y, w, h, **extra):
    data = {
        "id": id_, "type": kind, "x": x, "y": y, "width": w, "height": h, "angle": 0,
        "strokeColor": "#1e1e1e", "backgroundColor": "#a5d8ff", "fillStyle": "solid",
        "strokeWidth": 2, "strokeStyle": "solid", "roughness": 1, "opacity": 100,
        "groupIds": [], "frameId": None, "index": f"a{id_}", "roundness": {"type": 3},
        "seed": 1234567, "version": 7, "versionNonce": 7654321, "isDeleted": False,
        "boundElements": [], "updated": 1730000000000, "link": None, "locked": False,
    }  # fmt: skip
    data.update(extra)
    return data


def drawing(target_bytes: int) -> str:
    elements: list[dict] = []
    n = 0
    while True:
        for _ in range(50):
            x, y = (n % 40) * 260, (n // 40) * 180
            box, label, arrow = f"b{n}", f"t{n}", f"a{n}"
            shape = _element("rectangle", box, x, y, 160, 80)
            shape["boundElements"] = [{"type": "text", "id": label}]
            elements.append(shape)
            elements.append(
                _element("text", label, x + 10, y + 28, 140, 25, text=LABELS[n % len(LABELS)],
                         originalText=LABELS[n % len(LABELS)], fontSize=20, fontFamily=1,
                         textAlign="center", verticalAlign="middle", containerId=box,
                         autoResize=True, lineHeight=1.25)
            )  # fmt: skip
            if n % 5 == 0:  # free text laid over a shape
                elements.append(_element("text", f"f{n}", x + 20, y + 55, 90, 20,
                                         text="(primary)", originalText="(primary)",
                                         fontSize=16, containerId=None))  # fmt: skip
            if n:
                prev = f"b{n - 1}"
                elements.append(
                    _element("arrow", arrow, x - 100, y + 40, 100, 0, points=[[0, 0], [100, 0]],
                             startBinding={"elementId": prev, "focus": 0, "gap": 4},
                             endBinding={"elementId": box, "focus": 0, "gap": 4},
                             startArrowhead=None, endArrowhead="arrow", elbowed=False,
                             strokeStyle="dashed" if n % 3 else "solid")
                )  # fmt: skip
            if n % 40 == 0:
                elements.append(_element("freedraw", f"p{n}", x, y + 100, 60, 30,
                                         points=[[i, (i * 7) % 30] for i in range(0, 60, 3)],
                                         pressures=[], simulatePressure=True))  # fmt: skip
            n += 1
        doc = {"type": "excalidraw", "version": 2, "source": "https://excalidraw.com",
               "elements": elements, "appState": {"viewBackgroundColor": "#ffffff"},
               "files": {}}  # fmt: skip
        text = json.dumps(doc, indent=2)
        if len(text.encode()) >= target_bytes:
            return text


COLD = """
import sys, time
start = time.perf_counter()
from sdi_desktop.domain.interop.importer import import_file
result = import_file(sys.argv[1])
print(time.perf_counter() - start, result.report.components, result.report.connectors)
"""


def main() -> int:
    text = drawing(TARGET)
    size = len(text.encode())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.excalidraw"
        path.write_text(text, encoding="utf-8")
        root = Path(__file__).resolve().parents[1]
        out = subprocess.run(
            [sys.executable, "-c", COLD, str(path)], capture_output=True, text=True,
            cwd=root, check=True,
        )  # fmt: skip
        cold, components, connectors = out.stdout.split()
        from sdi_desktop.domain.interop.importer import import_file

        import_file(path)
        runs = []
        for _ in range(3 if SMOKE else 5):
            start = time.perf_counter()
            import_file(path)
            runs.append(time.perf_counter() - start)
    print(f"drawing: {size / 1e6:.2f} MB, {components} components, {connectors} connectors")
    ok = bench_line("interop_excalidraw_import_cold", float(cold), "s", BUDGET)
    ok &= bench_line("interop_excalidraw_import_warm", statistics.median(runs), "s", BUDGET)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
