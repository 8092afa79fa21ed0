"""The numbers card: each figure recomputed or read, each with a source, searchable."""

from __future__ import annotations

import re

import pytest

from sdi_desktop.domain.estimation import parse_quantity
from sdi_desktop.domain.estimation.numbers import (
    CAPACITY,
    ENTRIES,
    LATENCY,
    POWERS,
    TIME,
    search,
)
from sdi_desktop.domain.estimation.units import SECONDS


def test_every_entry_has_a_source_and_latency_names_norvig_dean_and_a_year():
    assert all(e.source and e.cite for e in ENTRIES)
    for entry in LATENCY:
        assert "Norvig" in entry.source and "Dean" in entry.source
        assert re.search(r"\((19|20)\d\d\)$", entry.source)
        assert "Orders of magnitude" in entry.source


def test_latencies_are_in_order_and_read_as_durations():
    values = [parse_quantity(e.value, SECONDS).value for e in LATENCY]
    assert values == sorted(values)
    assert values[0] == pytest.approx(0.5e-9)
    assert values[-1] == pytest.approx(0.150)


def test_latency_ratios_in_the_notes_hold():
    by = {e.label: parse_quantity(e.value, SECONDS).value for e in LATENCY}
    assert by["Main memory reference"] / by["L2 cache reference"] == pytest.approx(14.3, rel=0.1)
    assert by["Read 1 MB sequentially from disk"] / by[
        "Read 1 MB sequentially from memory"
    ] == pytest.approx(80)
    assert by["Disk seek"] / by["Round trip within a data centre"] == pytest.approx(20)


def test_powers_of_two_are_recomputed():
    for entry in POWERS:
        n = int(entry.label.removeprefix("2^"))
        assert int(entry.value.replace(",", "")) == 2**n


def test_seconds_and_rates_are_recomputed():
    by = {e.label: e.value for e in TIME}
    assert by["Seconds in a day"] == f"{24 * 3600:,} s"
    assert by["Seconds in a month"] == f"{30 * 86400:,} s"
    assert by["Seconds in a year"] == f"{365 * 86400:,} s"
    assert float(by["1 M a day"].split()[0]) == pytest.approx(1e6 / 86400, abs=0.05)
    assert int(by["1 B a day"].split()[0].replace(",", "")) == int(1e9 / 86400)
    assert int(by["1 B a month"].split()[0]) == round(1e9 / (30 * 86400))


def test_capacities_are_ranges_of_round_numbers():
    for entry in CAPACITY:
        assert re.match(r"^\d+(K|M)?(-\d+(K|M)?)? ?(/s|GB|TB|MB/s|Gbit/s)?$", entry.value)


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("disk seek", "Disk seek"),
        ("SSD random", "Read 4 KB at random from an SSD"),
        ("redis", "In-memory key-value store (Redis)"),
        ("2^32", "2^32"),
        ("seconds day", "Seconds in a day"),
        ("RELATIONAL", "Relational database, writes"),
    ],
)
def test_search_finds_by_any_words(query, label):
    assert label in [e.label for e in search(query)]


def test_search_of_nothing_lists_all_and_nonsense_lists_none():
    assert len(search("")) == len(ENTRIES)
    assert search("zebra quantum") == []
