"""Version 2 of the board file: version 1 plus optional fields, all with defaults.

Added in version 2:

- ``component.instances``: how many copies of the component run (1 to 99, default 1;
  more than one means replicated, shown as an "x3" badge);
- ``connector.routing``: ``straight`` (the default, centre to centre) or ``orthogonal``
  (right-angled elbow segments).

Everything else is as in ``schema_v1``. The JSON Schema is
``schemas/board-v2.schema.json`` (``python -m sdi_desktop.domain.board.schema_v2``
prints it; a test checks the committed file matches).
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import Field

from sdi_desktop.domain.board.elements import CONNECTOR_ROUTINGS, MAX_INSTANCES
from sdi_desktop.domain.board.schema_v1 import (
    ComponentV1,
    ConnectorV1,
    StrokeV1,
    TextV1,
    ZoneV1,
    _Strict,
    schema_of,
)


class ComponentV2(ComponentV1):
    type: Literal["component"]
    instances: int = Field(
        default=1,
        ge=1,
        le=MAX_INSTANCES,
        strict=True,
        description="how many copies run; more than 1 means replicated",
    )


class ConnectorV2(ConnectorV1):
    routing: Literal[CONNECTOR_ROUTINGS] = "straight"  # type: ignore[valid-type]


ElementV2 = Annotated[
    ComponentV2 | ConnectorV2 | TextV1 | StrokeV1 | ZoneV1, Field(discriminator="type")
]


class BoardFileV2(_Strict):
    """A whiteboard: its elements back to front."""

    format: Literal["sdi-board"]
    version: Literal[2]
    elements: list[ElementV2]


def json_schema() -> dict:
    return schema_of(BoardFileV2, 2)


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2))
