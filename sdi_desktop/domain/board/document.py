"""The board document: every element in z-order, with an event per change.

The whiteboard scene mirrors this document and never owns the data: undo
commands call the methods here, and the scene follows the events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sdi_desktop.domain.board.elements import Component, Connector, Element
from sdi_desktop.domain.events import Event


class BoardError(ValueError):
    """An edit that would break the document (unknown id, dangling connector...)."""


class BoardDocument:
    def __init__(self, elements: Iterable[Element] = ()) -> None:
        self._elements: dict[str, Element] = {}
        self._order: list[str] = []
        self._attached: dict[str, set[str]] = {}  # component id -> connector ids
        self.added = Event()  # (element, index)
        self.removed = Event()  # (element,)
        self.changed = Event()  # (element, {field: old value})
        self.reordered = Event()  # ()
        self.reset = Event()  # () after replace_all
        for element in elements:  # add()'s checks, without its events (none can listen yet)
            self._check_new(element)
            self._elements[element.id] = element
            self._order.append(element.id)
            if isinstance(element, Connector):
                self._attach(element)

    # -- reading ----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._elements

    def __iter__(self) -> Iterator[Element]:
        return (self._elements[i] for i in self._order)

    def get(self, element_id: str) -> Element:
        try:
            return self._elements[element_id]
        except KeyError:
            raise BoardError(f"no element with id {element_id!r}") from None

    def index(self, element_id: str) -> int:
        return self._order.index(element_id)

    @property
    def order(self) -> list[str]:
        return list(self._order)

    def components(self) -> list[Component]:
        return [e for e in self if isinstance(e, Component)]

    def connectors(self) -> list[Connector]:
        return [e for e in self if isinstance(e, Connector)]

    def connectors_of(self, component_id: str) -> list[Connector]:
        ids = self._attached.get(component_id, ())
        return [self._elements[i] for i in ids]  # type: ignore[misc]

    def to_data(self) -> list[dict[str, Any]]:
        """Plain data, in z-order (what the file format stores)."""
        return [e.to_dict() for e in self]

    # -- editing --------------------------------------------------------------------
    def add(self, element: Element, index: int | None = None) -> None:
        self._check_new(element)
        index = len(self._order) if index is None else max(0, min(index, len(self._order)))
        self._elements[element.id] = element
        self._order.insert(index, element.id)
        if isinstance(element, Connector):
            self._attach(element)
        self.added.emit(element, index)

    def remove(self, element_id: str) -> tuple[Element, int]:
        """Remove one element; a component must have no connectors left."""
        element = self.get(element_id)
        if isinstance(element, Component) and self._attached.get(element_id):
            raise BoardError(f"component {element_id!r} still has connectors")
        index = self._order.index(element_id)
        del self._order[index]
        del self._elements[element_id]
        if isinstance(element, Connector):
            self._detach(element)
        self._attached.pop(element_id, None)
        self.removed.emit(element)
        return element, index

    def update(self, element_id: str, **values: Any) -> dict[str, Any]:
        """Set fields; returns the old values of the fields that really changed."""
        element = self.get(element_id)
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for name, value in values.items():
            if name not in element.FIELDS:
                raise BoardError(f"{element.TYPE} has no field {name!r}")
            if name == "points":
                value = tuple((float(x), float(y)) for x, y in value)
            current = getattr(element, name)
            if current != value:
                old[name] = current
                new[name] = value
        rewired = isinstance(element, Connector) and bool({"source", "target"} & set(new))
        if rewired:
            for end in (new.get("source", element.source), new.get("target", element.target)):
                if not isinstance(self._elements.get(end), Component):
                    raise BoardError(f"connector {element_id!r} cannot point to {end!r}")
            self._detach(element)
        for name, value in new.items():
            setattr(element, name, value)
        if rewired:
            self._attach(element)
        if old:
            self.changed.emit(element, old)
        return old

    def set_order(self, order: list[str]) -> None:
        """Replace the z-order with a permutation of the current ids."""
        if sorted(order) != sorted(self._order):
            raise BoardError("a new order must hold exactly the ids on the board")
        if order != self._order:
            self._order = list(order)
            self.reordered.emit()

    def replace_all(self, elements: Iterable[Element]) -> None:
        """Swap in another board's content at once (loading a file)."""
        fresh = BoardDocument(elements)
        self._elements, self._order, self._attached = (
            fresh._elements,
            fresh._order,
            fresh._attached,
        )
        self.reset.emit()

    # -- internals --------------------------------------------------------------------
    def _check_new(self, element: Element) -> None:
        if element.id in self._elements:
            raise BoardError(f"an element with id {element.id!r} is already on the board")
        if isinstance(element, Connector):
            for end in (element.source, element.target):
                if not isinstance(self._elements.get(end), Component):
                    raise BoardError(
                        f"connector {element.id!r} points to unknown component {end!r}"
                    )

    def _attach(self, connector: Connector) -> None:
        for end in (connector.source, connector.target):
            self._attached.setdefault(end, set()).add(connector.id)

    def _detach(self, connector: Connector) -> None:
        for end in (connector.source, connector.target):
            self._attached.get(end, set()).discard(connector.id)
