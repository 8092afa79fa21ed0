"""Screenshots of the estimation panel and the numbers card (``sdi-desktop screenshots``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication


def _grab(widget, path: Path) -> Path:
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def render(window, out: Path, suffix: str) -> list[Path]:
    """The panel filled with the demo problem's figures, a row of one's own and one
    message beside a mistyped field; then the numbers card."""
    hooks = window.estimation
    panel = hooks.ensure_panel()
    panel.use_problem_figures()
    panel.add_row("cache_nodes", "ceil(cache_memory / 64 GB)")
    panel.fields["retention"].setText("10 yeers")
    panel._input_edited("retention", "10 yeers")
    panel.status.setText("")
    panel.resize(1180, 700)
    panel.show()
    written = [_grab(panel, out / f"estimation-panel{suffix}.png")]
    panel.hide()
    hooks.restore(None)
    hooks.open_card()
    hooks.card.resize(1000, 700)
    written.append(_grab(hooks.card, out / f"numbers-card{suffix}.png"))
    hooks.card.hide()
    return written
