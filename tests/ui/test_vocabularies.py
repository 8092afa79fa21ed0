"""Shared vocabularies are defined once and every layer reads the same list."""

from __future__ import annotations

from sdi_desktop.domain import facts, record
from sdi_desktop.domain.board.elements import ELEMENT_TYPES, TEXT_FIELDS
from sdi_desktop.domain.panes import PANE_KEYS, PANE_TITLES, PANES
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.storage import exchange
from sdi_desktop.ui.board.style import DARK_BOARD, LIGHT_BOARD
from sdi_desktop.ui.notes import notes_area
from sdi_desktop.ui.theme import DARK, LIGHT


def test_the_panes_come_from_one_list():
    assert {p.phase_key for p in PANES} <= {p.key for p in PHASES}
    assert record.PANE_KEYS is PANE_KEYS
    assert facts.PANE_TITLES is PANE_TITLES and exchange.PANE_TITLES is PANE_TITLES
    ui = notes_area.PANES
    assert [(s.key, s.title, s.phase_key) for s in ui] == [tuple(p) for p in PANES]
    assert len({s.object_name for s in ui}) == len(ui)


def test_every_element_type_has_a_text_field_or_none_on_purpose():
    assert set(TEXT_FIELDS) | {"stroke"} == set(ELEMENT_TYPES)
    for kind, field in TEXT_FIELDS.items():
        assert field in ELEMENT_TYPES[kind].FIELDS


def test_the_board_uses_the_app_accent():
    assert LIGHT_BOARD.accent == LIGHT.accent and DARK_BOARD.accent == DARK.accent
    assert LIGHT_BOARD.zone_fill.rgb() == LIGHT.accent.rgb()
