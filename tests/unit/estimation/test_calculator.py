"""Each built-in formula against figures worked by hand, and the scaling property."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdi_desktop.domain.estimation import SPECS, EstimationState, Quantity, evaluate
from sdi_desktop.domain.estimation.calculator import UserRow
from sdi_desktop.domain.estimation.units import BYTES, RATE, SECONDS

DAY = 86_400
YEAR = 365 * DAY

# The URL shortener, worked by hand:
#   writes 100 M x 1 / 86,400 s = 1,157.4 /s; reads x100 = 115,740.7 /s; peak x2
#   storage 100 M x 500 B = 50 GB a day, x365 = 18.25 TB a year, x3,650 = 182.5 TB in
#   10 years, x3 = 547.5 TB; bandwidth in 1,157.4 x 500 B = 578.7 KB/s, out x100 = 57.87 MB/s
#   cache 10 B reads x 0.2 x 500 B = 1 TB; servers ceil(233,796 / 10,000) = 24
URL = {
    "dau": Quantity(100e6),
    "writes_per_user": Quantity(1.0),
    "read_write_ratio": Quantity(100.0),
    "peak_factor": Quantity(2.0),
    "write_size": Quantity(500.0, BYTES),
    "retention": Quantity(10 * YEAR, SECONDS),
    "replication": Quantity(3.0),
    "hot_share": Quantity(0.2),
    "server_capacity": Quantity(10_000.0, RATE),
}
BY_HAND = {
    "write_rate": 1157.407407,
    "read_rate": 115740.7407,
    "peak_write_rate": 2314.814815,
    "peak_read_rate": 231481.4815,
    "storage_per_day": 50e9,
    "storage_per_year": 18.25e12,
    "storage_retention": 182.5e12,
    "storage_replicated": 547.5e12,
    "bandwidth_in": 578703.7037,
    "bandwidth_out": 57870370.37,
    "cache_memory": 1e12,
    "servers_at_peak": 24,
}


def _values(rows):
    return {r.name: r.value.value for r in rows if r.value is not None}


def test_every_formula_against_the_hand_worked_url_shortener():
    got = _values(evaluate(URL))
    for name, expected in BY_HAND.items():
        assert got[name] == pytest.approx(expected, rel=1e-6), name


def test_formulas_show_the_numbers_put_in():
    rows = {r.name: r for r in evaluate(URL)}
    assert rows["write_rate"].line == "100 M × 1 / 86,400 s ≈ 1,160 /s"
    assert rows["read_rate"].line == "1,160 /s × 100 ≈ 116,000 /s"
    assert rows["storage_per_day"].line == "100 M × 500 B ≈ 50 GB"
    assert rows["storage_per_year"].line == "50 GB × 365 ≈ 18.2 TB"
    assert rows["cache_memory"].text == "1 TB"
    assert rows["write_rate"].formula == "dau × writes_per_user / day"


def test_monthly_users_and_reads_per_user_and_read_size():
    # 10 M monthly x 50% = 5 M daily; 10 reads each = 50 M reads = 578.7 /s; 2 KB read
    values = {
        "mau": Quantity(10e6),
        "dau_share": Quantity(0.5),
        "writes_per_user": Quantity(0.1),
        "reads_per_user": Quantity(10.0),
        "write_size": Quantity(1000.0, BYTES),
        "read_size": Quantity(2000.0, BYTES),
        "hot_share": Quantity(0.1),
    }
    got = _values(evaluate(values))
    assert got["daily_users"] == 5e6
    assert got["write_rate"] == pytest.approx(5e5 / DAY)
    assert got["read_rate"] == pytest.approx(5e7 / DAY)
    assert got["bandwidth_out"] == pytest.approx(5e7 / DAY * 2000)
    assert got["cache_memory"] == pytest.approx(5e7 * 0.1 * 2000)  # 10 GB
    assert got["storage_per_day"] == pytest.approx(5e5 * 1000)


def test_totals_instead_of_users():
    # a broker: 1 M messages/s in, 3 M/s out, 1 KB each, kept 7 days
    values = {
        "total_writes": Quantity(1e6, RATE),
        "total_reads": Quantity(3e6, RATE),
        "write_size": Quantity(1000.0, BYTES),
        "retention": Quantity(7 * DAY, SECONDS),
        "peak_factor": Quantity(2.0),
    }
    got = _values(evaluate(values))
    assert got["writes_per_day"] == pytest.approx(86.4e9)
    assert got["reads_per_day"] == pytest.approx(259.2e9)
    assert got["bandwidth_in"] == pytest.approx(1e9)  # 1 GB/s
    assert got["bandwidth_out"] == pytest.approx(3e9)
    assert got["storage_retention"] == pytest.approx(604.8e12)  # ~600 TB
    assert got["peak_read_rate"] == pytest.approx(6e6)
    assert "daily_users" not in got


def test_a_missing_input_is_named_not_raised():
    rows = {r.name: r for r in evaluate({"dau": Quantity(1e6)})}
    assert rows["write_rate"].value is None
    assert rows["write_rate"].problem == "needs writes per user per day"
    assert not rows["write_rate"].broken


def test_user_rows_use_inputs_results_and_each_other():
    rows = [
        UserRow("feed_cache", "dau * 0.2 * 500 B"),  # 100 M x 0.2 x 500 B = 10 GB
        UserRow("cache_nodes", "ceil(feed_cache / 64 GB)"),
        UserRow("per_server", "peak_read_rate / servers_at_peak"),
    ]
    got = _values(evaluate(URL, rows))
    assert got["feed_cache"] == 10e9
    assert got["cache_nodes"] == 1
    assert got["per_server"] == pytest.approx(231481.4815 / 24)


@pytest.mark.parametrize(
    ("formula", "words"),
    [
        ("daus * 2", "unknown name 'daus' (did you mean 'dau'?)"),
        ("write_size + write_rate", "cannot add"),
        ("dau / 0", "divides by zero"),
        ("__import__('os')", "only ceil, min, max"),
        ("dau.real", "only numbers, names"),
        ("(dau", "cannot be read"),
        ("'text'", "only numbers and names"),
        ("10 ** 400", "too large"),
    ],
)
def test_bad_user_rows_say_why(formula, words):
    row = evaluate(URL, [UserRow("mine", formula)])[-1]
    assert row.value is None and row.broken
    assert words in row.problem


def test_a_cycle_is_named():
    rows = evaluate(URL, [UserRow("a", "b + 1"), UserRow("b", "a * 2")])
    assert [r.problem for r in rows[-2:]] == ["cycle: a → b → a"] * 2


SCALED = ("write_rate", "read_rate", "peak_write_rate", "peak_read_rate", "storage_per_day")
SCALED += ("storage_per_year", "storage_retention", "storage_replicated", "bandwidth_in")
SCALED += ("bandwidth_out", "cache_memory")


@settings(max_examples=200)
@given(
    users=st.floats(1, 1e10),
    writes=st.floats(0.001, 1000),
    ratio=st.floats(0.01, 1000),
    size=st.floats(1, 1e9),
    years=st.floats(0.01, 50),
    monthly=st.booleans(),
)
def test_doubling_users_doubles_every_rate_and_storage_figure(
    users, writes, ratio, size, years, monthly
):
    base = dict(URL)
    base.pop("dau")
    base.update(
        writes_per_user=Quantity(writes),
        read_write_ratio=Quantity(ratio),
        write_size=Quantity(size, BYTES),
        retention=Quantity(years * YEAR, SECONDS),
        dau_share=Quantity(0.5),
    )
    key = "mau" if monthly else "dau"
    one = _values(evaluate({**base, key: Quantity(users)}))
    two = _values(evaluate({**base, key: Quantity(2 * users)}))
    for name in SCALED:
        assert two[name] == pytest.approx(2 * one[name], rel=1e-9), name
    assert two["servers_at_peak"] >= one["servers_at_peak"]


@settings(max_examples=300)
@given(
    name=st.sampled_from(sorted(SPECS)),
    text=st.text(max_size=30)
    | st.from_regex(r"[-0-9.,e:% ]{1,12}[KMBGTkmb]?[ A-Za-z/%]{0,8}", fullmatch=True),
)
def test_random_text_in_any_input_gives_a_message_and_keeps_the_results(name, text):
    state = EstimationState.from_problem(
        {"dau": "100 M", "writes_per_user": "1", "read_write_ratio": "100:1", "write_size": "500 B"}
    )
    before = state.figures()
    message = state.set_input(name, text)
    after = state.figures()
    if message:
        assert after == before  # the last good results stay
    for row in state.results():
        assert row.value is None or math.isfinite(row.value.value)


@given(st.text(max_size=60))
def test_random_text_in_a_formula_gives_a_message_never_raises(text):
    state = EstimationState()
    state.set_input("dau", "1 M")
    index = state.add_row("mine", "dau * 2")
    state.set_row(index, formula=text)
    assert state.results()[-1].name == "mine"


def test_a_row_with_the_same_value_from_other_numbers_is_not_the_same_on_screen():
    one = {r.name: r for r in evaluate({**URL, "dau": Quantity(200e6)})}
    two = {
        r.name: r
        for r in evaluate({**URL, "dau": Quantity(100e6), "writes_per_user": Quantity(2.0)})
    }
    assert one["write_rate"].value == two["write_rate"].value
    assert not one["write_rate"].same_as(two["write_rate"])  # 200 M × 1 vs 100 M × 2
    again = {r.name: r for r in evaluate({**URL, "dau": Quantity(200e6)})}
    assert one["write_rate"].same_as(again["write_rate"])


TOKENS = st.sampled_from(
    ["dau", "write_rate", "storage_per_day", "x", "(", ")", "+", "-", "*", "/", "**", "2",
     "0", "1e308", "500 B", "1 day", "10K /s", "ceil(", "min(", ",", "%", "1.5", "day"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(TOKENS, min_size=1, max_size=12))
def test_formulas_made_of_real_tokens_compute_or_say_why(tokens):
    state = EstimationState.from_problem({"dau": "100 M", "writes_per_user": "1"})
    state.add_row("x", "3")
    index = state.add_row("mine", "1")
    state.set_row(index, formula=" ".join(tokens))
    row = state.result("mine")
    assert row is not None
    assert row.value is None or math.isfinite(row.value.value)
    assert row.value is not None or row.problem or state.messages.get(f"row {index}")


def test_a_missing_input_is_named_through_other_rows():
    mine = [UserRow("a", "write_rate * 2"), UserRow("b", "nope + 1"), UserRow("c", "b * 2")]
    rows = {r.name: r for r in evaluate({"dau": Quantity(1e6)}, mine)}
    assert rows["peak_write_rate"].problem == "needs writes per user per day, peak factor"
    assert rows["a"].problem == "needs writes per user per day" and not rows["a"].broken
    assert rows["b"].broken and "unknown name 'nope'" in rows["b"].problem
    assert rows["c"].problem == "uses b, which cannot be computed" and not rows["c"].broken
