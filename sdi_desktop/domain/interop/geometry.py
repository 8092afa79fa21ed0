"""Plane geometry the importers need: boxes, containment, distance to a polyline,
and a grid index so that matching text to shapes stays fast on big files."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Box(NamedTuple):
    x: float
    y: float
    w: float
    h: float

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    @property
    def area(self) -> float:
        return self.w * self.h

    def contains_point(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h

    def contains_box(self, other: Box, slack: float = 2.0) -> bool:
        return (
            self.x - slack <= other.x
            and self.y - slack <= other.y
            and other.x + other.w <= self.x + self.w + slack
            and other.y + other.h <= self.y + self.h + slack
        )


def normalised(x: float, y: float, w: float, h: float) -> Box:
    """A box with positive size (Excalidraw stores negative widths for flipped shapes)."""
    if w < 0:
        x, w = x + w, -w
    if h < 0:
        y, h = y + h, -h
    return Box(x, y, w, h)


def bounds(points: Iterable[tuple[float, float]]) -> Box:
    xs, ys = zip(*points, strict=True)
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def distance_to_polyline(px: float, py: float, points: Sequence[tuple[float, float]]) -> float:
    if len(points) == 1:
        return math.hypot(px - points[0][0], py - points[0][1])
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
        best = min(best, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return best


def border_point(box: Box, toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre to ``toward`` leaves the box."""
    cx, cy = box.center
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(
        (box.w / 2) / abs(dx) if dx else math.inf,
        (box.h / 2) / abs(dy) if dy else math.inf,
    )
    return cx + dx * scale, cy + dy * scale


class GridIndex(Generic[T]):
    """Items by the grid cells their boxes touch; a query looks at one cell or a few."""

    def __init__(self, cell: float = 200.0, max_cells: int = 64) -> None:
        self.cell = cell
        self.max_cells = max_cells
        self._cells: dict[tuple[int, int], list[tuple[Box, T]]] = defaultdict(list)
        self._big: list[tuple[Box, T]] = []  # boxes spanning too many cells

    def _span(self, box: Box) -> tuple[range, range]:
        c = self.cell
        return (
            range(math.floor(box.x / c), math.floor((box.x + box.w) / c) + 1),
            range(math.floor(box.y / c), math.floor((box.y + box.h) / c) + 1),
        )

    def add(self, box: Box, item: T) -> None:
        xs, ys = self._span(box)
        if len(xs) * len(ys) > self.max_cells:
            self._big.append((box, item))
            return
        for i in xs:
            for j in ys:
                self._cells[(i, j)].append((box, item))

    def near(self, box: Box) -> list[tuple[Box, T]]:
        """Every item whose box may touch ``box`` (each once)."""
        xs, ys = self._span(box)
        seen: set[int] = set()
        found: list[tuple[Box, T]] = []
        for i in xs:
            for j in ys:
                for entry in self._cells.get((i, j), ()):
                    if id(entry) not in seen:
                        seen.add(id(entry))
                        found.append(entry)
        return found + self._big
