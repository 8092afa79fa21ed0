"""Loading a long note into a shown notes pane: 1 MB and 5 MB of Markdown.

The note mixes headings, paragraphs with emphasis, code spans and links, nested
lists, check-lists, code blocks and a table every tenth section (see ``note``).
The time counted is what the window is frozen for: ``set_markdown`` (Qt's parser
plus the app's repairs) and the layout that follows it (the next pass of the
event loop), after a small note has been loaded once (a first load also pays for
fonts and the parser's set-up, ~0.5 s here, which the app pays at start).
Budgets (issue 15): 1 MB under 1 s, 5 MB under 5 s, and linear: 5 MB under 8 times
the 1 MB figure (a quadratic load would be ~25 times).
BENCH_SMOKE=1 loads 20 KB and 100 KB instead.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line

SMOKE = os.environ.get("BENCH_SMOKE") == "1"
SIZES_KB = (20, 100) if SMOKE else (1024, 5120)
BUDGETS_S = (1.0, 5.0)

PARA = (
    "A paragraph about the design with **bold**, `code` and a [link](https://example.org) "
    "and more words to fill the line. "
) * 3 + "\n\n"
LIST = (
    "- first point with `inline code`\n- second point\n  - nested point\n"
    "- [ ] a task <u>underlined</u>\n\n"
)
CODE = (
    "```sql\nSELECT id, url FROM links WHERE code = ?;\nINSERT INTO links VALUES (?, ?);\n```\n\n"
)
TABLE = (
    "| entity | key | store |\n| --- | --- | --- |\n| Link | code | KV |\n| Owner | id | SQL |\n\n"
)


def note(kb: int) -> str:
    parts, size, i = [], 0, 0
    while size < kb * 1024:
        part = f"## Section {i}\n\n" + PARA + LIST + PARA + CODE + PARA + LIST
        if i % 10 == 0:
            part += TABLE
        parts.append(part)
        size += len(part)
        i += 1
    return "".join(parts)


def main() -> int:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from sdi_desktop.ui.notes.pane import NotesPane

    app = QApplication.instance() or QApplication([])
    figures = []
    warm = NotesPane("deep_dive", QAction())  # fonts and the parser's first use, not counted
    warm.show()
    warm.edit.set_markdown(note(8))
    app.processEvents()
    warm.close()
    for kb in SIZES_KB:
        text = note(kb)
        pane = NotesPane("deep_dive", QAction())
        pane.resize(700, 900)
        pane.show()
        app.processEvents()
        start = time.perf_counter()
        pane.edit.set_markdown(text)
        app.processEvents()  # the layout the load causes
        figures.append(time.perf_counter() - start)
        pane.close()
        pane.deleteLater()
        app.processEvents()
    ok = True
    for kb, seconds, budget in zip(SIZES_KB, figures, BUDGETS_S, strict=True):
        ok &= bench_line(f"notes_load_{kb}kb", seconds, "s", budget)
    ratio = figures[1] / figures[0]
    ok &= bench_line("notes_load_growth_5x_size", ratio, "x", 8.0)  # quadratic: ~25x
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
