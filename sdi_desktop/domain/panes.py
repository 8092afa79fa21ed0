"""The notes panes of a session: key (as stored), title (as shown and exported) and the
phase each belongs to. Defined once here; storage, the exports, the facts and the notes
area all read this list."""

from __future__ import annotations

from typing import NamedTuple


class Pane(NamedTuple):
    key: str
    title: str
    phase_key: str  # the phase whose pane this is (it comes forward in that phase)


PANES: tuple[Pane, ...] = (
    Pane("requirements", "Requirements", "scope"),
    Pane("estimates", "Estimates", "scope"),
    Pane("api", "API", "high_level"),
    Pane("data_model", "Data model", "high_level"),
    Pane("deep_dive", "Deep dive", "deep_dive"),
    Pane("wrap_up", "Wrap-up", "wrap_up"),
)
PANE_KEYS: tuple[str, ...] = tuple(p.key for p in PANES)
PANE_TITLES: dict[str, str] = {p.key: p.title for p in PANES}
