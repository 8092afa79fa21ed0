"""Two versions of a notes pane as HTML, with their differences highlighted (difflib).

Lines only in the left text are marked as removed on the left, lines only in the
right text as added on the right; changed lines are marked on both sides. No Qt.
"""

from __future__ import annotations

import difflib
import html

LIGHT = {"removed": "#f9d0d0", "added": "#cdeccd", "text": "#1d1d1f"}
DARK = {"removed": "#5a2626", "added": "#22482a", "text": "#e6e6e6"}


def _line(text: str, mark: str | None, colours: dict[str, str]) -> str:
    body = html.escape(text) or "&nbsp;"
    if mark is None:
        return f"<div>{body}</div>"
    return f'<div class="{mark}" style="background-color:{colours[mark]}">{body}</div>'


def notes_diff_html(left: str, right: str, dark: bool = False) -> tuple[str, str]:
    """(left HTML, right HTML) of two Markdown texts, differences highlighted."""
    colours = DARK if dark else LIGHT
    a, b = left.splitlines(), right.splitlines()
    out_a, out_b = [], []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out_a += [_line(t, None, colours) for t in a[i1:i2]]
            out_b += [_line(t, None, colours) for t in b[j1:j2]]
            continue
        out_a += [_line(t, "removed", colours) for t in a[i1:i2]]
        out_b += [_line(t, "added", colours) for t in b[j1:j2]]
    style = f"font-family:monospace; white-space:pre-wrap; color:{colours['text']}"
    empty = '<div style="color:gray">(empty)</div>'
    return (
        f'<div style="{style}">{"".join(out_a) or empty}</div>',
        f'<div style="{style}">{"".join(out_b) or empty}</div>',
    )


def changed_lines(left: str, right: str) -> tuple[int, int]:
    """How many lines are only on the left, and only on the right."""
    a, b = left.splitlines(), right.splitlines()
    removed = added = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += i2 - i1
            added += j2 - j1
    return removed, added
