"""The things on a board: components, connectors, free text, pen strokes and zones.

Plain mutable records; the document owns them and announces every change.
Coordinates are scene units (1 unit = 1 pixel at 100 % zoom); ``x, y`` is the
top-left corner.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

CONNECTOR_STYLES = ("sync", "async")  # solid / dashed line
CONNECTOR_ARROWS = ("end", "both", "none")
# straight: centre to centre; orthogonal: right-angled (elbow) segments, as in draw.io.
# Orthogonal needs board format version 2 (see file_format.py); straight is left out
# of the stored data, so such boards stay version 1.
CONNECTOR_ROUTINGS = ("straight", "orthogonal")
COMPONENT_SIZE = (132.0, 76.0)
MAX_INSTANCES = 99


def new_id() -> str:
    """12 random hex digits (48 bits): unique enough within one board."""
    return os.urandom(6).hex()


class Element:
    """Base: a type tag, an id and the fields listed in ``FIELDS`` (with defaults)."""

    TYPE: ClassVar[str] = ""
    FIELDS: ClassVar[dict[str, Any]] = {}
    __slots__ = ("id",)

    def __init__(self, id: str | None = None, **values: Any) -> None:
        self.id = id or new_id()
        unknown = set(values) - set(self.FIELDS)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        for name, default in self.FIELDS.items():
            setattr(self, name, values.get(name, default))

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.FIELDS}

    def to_dict(self) -> dict[str, Any]:
        data = {"type": self.TYPE, "id": self.id}
        for name, value in self.values().items():
            data[name] = [list(p) for p in value] if name == "points" else value
        return data

    def copy(self, **changes: Any) -> Element:
        new_id_ = changes.pop("id", self.id)
        values = self.values()
        values.update(changes)
        return type(self)(id=new_id_, **values)

    def __eq__(self, other: object) -> bool:
        return (
            type(other) is type(self)
            and other.id == self.id  # type: ignore[attr-defined]
            and other.values() == self.values()  # type: ignore[attr-defined]
        )

    def __hash__(self) -> int:
        return hash((self.TYPE, self.id))

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in self.values().items())
        return f"{type(self).__name__}(id={self.id!r}, {fields})"


class Component(Element):
    TYPE = "component"
    FIELDS: ClassVar[dict[str, Any]] = {
        "kind": "box",
        "label": "",
        "x": 0.0,
        "y": 0.0,
        "w": COMPONENT_SIZE[0],
        "h": COMPONENT_SIZE[1],
        "note": "",
        "instances": 1,  # how many copies run (1..MAX_INSTANCES); more than 1 is replicated
    }
    __slots__ = tuple(FIELDS)


class Connector(Element):
    TYPE = "connector"
    FIELDS: ClassVar[dict[str, Any]] = {
        "source": "",
        "target": "",
        "label": "",
        "style": "sync",
        "arrows": "end",
        "routing": "straight",
    }
    __slots__ = tuple(FIELDS)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        if data["routing"] == "straight":
            del data["routing"]  # the default; a version 1 board holds it
        return data


class TextNote(Element):
    TYPE = "text"
    FIELDS: ClassVar[dict[str, Any]] = {"text": "", "x": 0.0, "y": 0.0, "size": 14.0}
    __slots__ = tuple(FIELDS)


class Stroke(Element):
    TYPE = "stroke"
    FIELDS: ClassVar[dict[str, Any]] = {"points": (), "width": 2.5, "color": "ink"}
    __slots__ = tuple(FIELDS)

    def __init__(self, id: str | None = None, **values: Any) -> None:
        super().__init__(id, **values)
        self.points = tuple((float(x), float(y)) for x, y in self.points)


class Zone(Element):
    TYPE = "zone"
    FIELDS: ClassVar[dict[str, Any]] = {"title": "Zone", "x": 0.0, "y": 0.0, "w": 360.0, "h": 240.0}
    __slots__ = tuple(FIELDS)


ELEMENT_TYPES: dict[str, type[Element]] = {
    cls.TYPE: cls for cls in (Component, Connector, TextNote, Stroke, Zone)
}

# The field holding each element type's text (what a double-click or typing edits);
# a pen stroke has none.
TEXT_FIELDS: dict[str, str] = {
    "component": "label",
    "connector": "label",
    "zone": "title",
    "text": "text",
}


def text_field(element: Element) -> str | None:
    """The name of the element's text field, or None (a stroke has no text)."""
    return TEXT_FIELDS.get(element.TYPE)


# Drawing layers, back to front; order within a layer is the document's z-order.
LAYERS = {"zone": 0, "stroke": 1, "connector": 2, "component": 3, "text": 4}


def element_from_dict(data: dict[str, Any]) -> Element:
    """Build an element from already-validated plain data."""
    values = dict(data)
    cls = ELEMENT_TYPES[values.pop("type")]
    return cls(id=values.pop("id"), **values)
