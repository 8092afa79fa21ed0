"""Where an imported diagram goes on a board that already has things on it.

The imported elements get fresh ids (so they can never clash with the board's) and
are moved as one block: to the point asked for (a drop) when that area is free,
otherwise to the right of everything on the board, top-aligned with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sdi_desktop.domain.board.elements import Connector, Element, Stroke, new_id
from sdi_desktop.domain.interop.geometry import Box

GAP = 120.0


def extent(elements: Iterable[Element]) -> Box | None:
    """The box around every element with a place (connectors follow their ends)."""
    xs: list[float] = []
    ys: list[float] = []
    for e in elements:
        if isinstance(e, Stroke):
            xs.extend(p[0] for p in e.points)
            ys.extend(p[1] for p in e.points)
        elif not isinstance(e, Connector):
            w, h = getattr(e, "w", 0.0), getattr(e, "h", 0.0)
            xs += [e.x, e.x + w]
            ys += [e.y, e.y + h]
    if not xs:
        return None
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _overlaps(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def placed(
    incoming: list[Element],
    existing: Iterable[Element],
    at: tuple[float, float] | None = None,
) -> list[Element]:
    """Copies of ``incoming`` with fresh ids, moved where there is room."""
    block = extent(incoming)
    board = list(existing)
    if block is None:
        return _fresh(incoming, 0.0, 0.0)
    taken = [b for b in (extent([e]) for e in board if not isinstance(e, Connector)) if b]
    target: tuple[float, float] | None = None
    if at is not None:
        wanted = Box(at[0], at[1], block.w, block.h)
        if not any(_overlaps(wanted, t) for t in taken):
            target = at
    if target is None:
        around = extent(board)
        target = (0.0, 0.0) if around is None else (around.x + around.w + GAP, around.y)
    return _fresh(incoming, target[0] - block.x, target[1] - block.y)


def _fresh(elements: list[Element], dx: float, dy: float) -> list[Element]:
    ids = {e.id: new_id() for e in elements}
    out: list[Element] = []
    for e in elements:
        changes: dict = {"id": ids[e.id]}
        if isinstance(e, Connector):
            changes.update(source=ids[e.source], target=ids[e.target])
        elif isinstance(e, Stroke):
            changes["points"] = tuple((x + dx, y + dy) for x, y in e.points)
        else:
            changes.update(x=e.x + dx, y=e.y + dy)
        out.append(e.copy(**changes))
    return out
