"""Reading typed values and writing them back: hand-picked cases and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sdi_desktop.domain.estimation import InputError, Quantity, format_exact, format_round
from sdi_desktop.domain.estimation.parse import parse_quantity
from sdi_desktop.domain.estimation.units import BANDWIDTH, BYTES, COUNT, RATE, SECONDS

DIMS = (COUNT, BYTES, SECONDS, RATE, BANDWIDTH)


@pytest.mark.parametrize(
    ("text", "dim", "value"),
    [
        ("100M", COUNT, 100e6),
        ("100 M", COUNT, 100e6),
        ("100 M users", COUNT, 100e6),
        ("36.5 B", COUNT, 36.5e9),  # a count field reads B as a billion
        ("2bn", COUNT, 2e9),
        ("1,000", COUNT, 1000),
        ("1_000", COUNT, 1000),
        ("1e9", COUNT, 1e9),
        ("100:1", COUNT, 100),
        ("1:4", COUNT, 0.25),
        ("20%", COUNT, 0.2),
        ("2x", COUNT, 2),
        ("500 B", BYTES, 500),  # a size field reads B as bytes
        ("1.5 KB", BYTES, 1500),
        ("1.5KB", BYTES, 1500),
        ("4 MiB", BYTES, 4 * 1024**2),
        ("1 PB", BYTES, 1e15),
        ("10 years", SECONDS, 10 * 365 * 86400),
        ("2.5M s", SECONDS, 2.5e6),
        ("30 days", SECONDS, 30 * 86400),
        ("10 ms", SECONDS, 0.01),
        ("10K /s", RATE, 1e4),
        ("10K req/s", RATE, 1e4),
        ("1 M/day", RATE, 1e6 / 86400),
        ("100 per minute", RATE, 100 / 60),
        ("5,000 qps", RATE, 5000),
        ("100 MB/s", BANDWIDTH, 1e8),
        ("1 Gbps", BANDWIDTH, 1.25e8),
        ("10 Gbit/s", BANDWIDTH, 1.25e9),
    ],
)
def test_what_people_type(text, dim, value):
    quantity = parse_quantity(text, dim)
    assert quantity.dim == dim
    assert quantity.value == pytest.approx(value)


def test_without_a_field_b_means_bytes():
    assert parse_quantity("500 B") == Quantity(500.0, BYTES)


@pytest.mark.parametrize(
    ("text", "dim", "words"),
    [
        ("1e400", COUNT, "too large"),
        ("-5", COUNT, "negative"),
        ("−5 KB", BYTES, "negative"),
        ("", BYTES, "empty"),
        ("   ", COUNT, "empty"),
        ("abc", COUNT, "does not start with a number"),
        ("5", BYTES, "needs a unit"),
        ("5 KB", SECONDS, "wrong unit"),
        ("10 years", RATE, "wrong unit"),
        ("1,00", COUNT, "commas every three digits"),
        ("5 zz", COUNT, "unknown unit 'zz'"),
        ("1:0", COUNT, "cannot be 0"),
        ("1" * 100, COUNT, "too long"),
    ],
)
def test_bad_input_says_what_is_wrong(text, dim, words):
    with pytest.raises(InputError, match=words):
        parse_quantity(text, dim)


@pytest.mark.parametrize(
    ("quantity", "text"),
    [
        (Quantity(1157.407, RATE), "1,160 /s"),
        (Quantity(115740.7, RATE), "116,000 /s"),
        (Quantity(2.3e6, RATE), "2.3 M /s"),
        (Quantity(36.5e9), "36.5 B"),
        (Quantity(0.2), "0.2"),
        (Quantity(0), "0"),
        (Quantity(500, BYTES), "500 B"),
        (Quantity(50e9, BYTES), "50 GB"),
        (Quantity(18.3e12, BYTES), "18.3 TB"),
        (Quantity(1e15, BYTES), "1 PB"),
        (Quantity(578_703.7, BANDWIDTH), "579 KB/s"),
        (Quantity(10 * 365 * 86400, SECONDS), "10 years"),
        (Quantity(86400, SECONDS), "1 day"),
        (Quantity(0.005, SECONDS), "5 ms"),
        (Quantity(999_999.0), "1 M"),
        (Quantity(1.16e23, RATE), "1.16e+23 /s"),
        (
            Quantity(4096),
            "4,096",
        ),  # whole numbers below 10,000 in full  # rounding up crosses into the next unit
    ],
)
def test_round_human_units(quantity, text):
    assert format_round(quantity) == text


def test_exact_value_has_every_digit():
    assert format_exact(Quantity(100e6 / 86400, RATE)) == "1,157.4074074074074 /s"
    assert format_exact(Quantity(18.25e12, BYTES)) == "18,250,000,000,000 B"


finite = st.floats(min_value=0, max_value=1e20, allow_nan=False, allow_infinity=False)


@given(finite, st.sampled_from(DIMS))
def test_exact_format_then_parse_gives_the_same_value(value, dim):
    quantity = Quantity(value, dim)
    assert parse_quantity(format_exact(quantity), dim) == quantity


@given(finite, st.sampled_from(DIMS))
def test_round_format_then_parse_is_stable(value, dim):
    """A round figure reads back as itself: formatting what was read changes nothing."""
    once = parse_quantity(format_round(Quantity(value, dim)), dim)
    assert format_round(parse_quantity(format_round(once), dim)) == format_round(once)
    assert math.isclose(once.value, value, rel_tol=6e-3, abs_tol=1e-3)


@given(st.text(max_size=40), st.sampled_from((*DIMS, None)))
def test_random_text_gives_a_message_or_a_value_never_an_exception(text, dim):
    try:
        quantity = parse_quantity(text, dim)
    except InputError as exc:
        assert str(exc)
    else:
        assert math.isfinite(quantity.value) and quantity.value >= 0
