"""Small boards written as text, for the rule tests.

``board("web=client -> lb=load_balancer -> api=service -> db=sql_db")``: each line
is a chain; ``id=kind`` names a component the first time, ``id`` alone after that.
``->`` is a synchronous call, ``~>`` an asynchronous message, ``<->`` two-way.
"""

from __future__ import annotations

import itertools
import re

from sdi_desktop.domain.checks.board_view import BoardView, Link, Node
from sdi_desktop.domain.checks.inputs import CheckInput, DesignFigures, ProblemInfo

_TOKEN = re.compile(r"\s*(<->|->|~>)\s*")


def board(
    spec: str = "",
    labels: dict[str, str] | None = None,
    notes: dict[str, str] | None = None,
    instances: dict[str, int] | None = None,
    link_labels: dict[tuple[str, str], str] | None = None,
) -> BoardView:
    kinds: dict[str, str] = {}
    links: list[Link] = []
    for line in spec.strip().splitlines():
        parts = _TOKEN.split(line.strip())
        names = parts[0::2]
        arrows = parts[1::2]
        ids = []
        for name in names:
            node_id, _, kind = name.partition("=")
            if kind:
                kinds[node_id] = kind
            ids.append(node_id)
        for (a, b), arrow in zip(itertools.pairwise(ids), arrows, strict=True):
            links.append(
                Link(
                    f"{a}-{b}",
                    a,
                    b,
                    "async" if arrow == "~>" else "sync",
                    "both" if arrow == "<->" else "end",
                    (link_labels or {}).get((a, b), ""),
                )
            )
    nodes = [
        Node(i, k, (labels or {}).get(i, ""), (notes or {}).get(i, ""), (instances or {}).get(i, 1))
        for i, k in kinds.items()
    ]
    return BoardView(nodes, links)


def inp(view: BoardView | None = None, tags=(), figures=None, **notes: str) -> CheckInput:
    return CheckInput(
        view or BoardView(),
        notes,
        ProblemInfo("p", "Problem", tuple(tags)),
        DesignFigures.from_dict(figures) if figures is not None else None,
    )


# A plain, sensible design: what the reference boards look like.
REFERENCE = """
web=client -> cdn=cdn -> lb=load_balancer -> api=service -> cache=cache
app=mobile -> lb
api -> db=sql_db
api ~> q=queue ~> worker=worker -> db
worker -> blobs=object_store
cdn -> blobs
"""
