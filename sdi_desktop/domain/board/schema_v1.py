"""Version 1 of the board file, as pydantic models.

These models validate a file and generate its JSON Schema
(``schemas/board-v1.schema.json``; ``python -m sdi_desktop.domain.board.schema_v1``
prints it, and a test checks the committed file matches).
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from sdi_desktop.domain.board.elements import CONNECTOR_ARROWS, CONNECTOR_STYLES
from sdi_desktop.domain.board.kinds import KINDS_BY_KEY


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


Coord = Annotated[float, AfterValidator(_finite), Field(ge=-1e7, le=1e7)]
Size = Annotated[float, AfterValidator(_finite), Field(gt=0, le=1e6)]
Id = Annotated[str, Field(min_length=1, max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ComponentV1(_Strict):
    type: Literal["component"]
    id: Id
    kind: str = Field(description="one of the component kinds, e.g. 'load_balancer'")
    label: str = ""
    x: Coord
    y: Coord
    w: Size
    h: Size
    note: str = ""

    def model_post_init(self, _context: object) -> None:
        if self.kind not in KINDS_BY_KEY:
            # unknown kinds (from a newer app) still load, as a generic box
            self.kind = "box"


class ConnectorV1(_Strict):
    type: Literal["connector"]
    id: Id
    source: Id
    target: Id
    label: str = ""
    style: Literal[CONNECTOR_STYLES] = "sync"  # type: ignore[valid-type]
    arrows: Literal[CONNECTOR_ARROWS] = "end"  # type: ignore[valid-type]


class TextV1(_Strict):
    type: Literal["text"]
    id: Id
    text: str
    x: Coord
    y: Coord
    size: Size = 14.0


class StrokeV1(_Strict):
    type: Literal["stroke"]
    id: Id
    points: list[tuple[Coord, Coord]] = Field(min_length=1)
    width: Size = 2.5
    color: str = "ink"


class ZoneV1(_Strict):
    type: Literal["zone"]
    id: Id
    title: str = ""
    x: Coord
    y: Coord
    w: Size
    h: Size


ElementV1 = Annotated[
    ComponentV1 | ConnectorV1 | TextV1 | StrokeV1 | ZoneV1, Field(discriminator="type")
]


class BoardFileV1(_Strict):
    """A whiteboard: its elements back to front."""

    format: Literal["sdi-board"]
    version: Literal[1]
    elements: list[ElementV1]


def schema_of(model: type[BaseModel], version: int) -> dict:
    """The JSON Schema of one version's board model (committed under ``schemas/``)."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"SDI Desktop whiteboard, format version {version}"
    return schema


def json_schema() -> dict:
    return schema_of(BoardFileV1, 1)


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2))
