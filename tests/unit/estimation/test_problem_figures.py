"""Every figure a built-in problem states agrees with what the calculator computes.

The inputs are the problem's ``[estimation]`` table; the claims (which snippet is which
result) are in ``problem_claims.py``. Agreement: within 10 % of the computed value, or
within half a unit of the last significant digit stated ("~1,200" is 1,150-1,250;
"3/s" is 2.5-3.5), or inside the range given for words like "tens of GB". Every figure
of ``suggested_scale`` with a unit or a K/M/B multiplier must be claimed, as a computed
figure or as a stated assumption, so a new figure cannot slip in unchecked.
"""

from __future__ import annotations

import math
import re

import pytest

from sdi_desktop import paths
from sdi_desktop.domain.estimation import EstimationState, parse_quantity
from sdi_desktop.domain.estimation.problem_figures import estimate, figures_for
from sdi_desktop.domain.estimation.units import COUNT
from sdi_desktop.domain.problems import load_library
from tests.unit.estimation.problem_claims import CLAIMS

LIBRARY = load_library(paths.resource_root("problems"), None)
PROBLEMS = {p.id: p for p in LIBRARY.sorted_problems()}

FIGURE = re.compile(
    r"(?<![\w.^])\d[\d,]*(?:\.\d+)?\s?"
    r"(?:(?:K|M|B|T|thousand|million|billion|trillion)\b"
    r"|bytes\b|[KMGTPE]B\b|[GT]bit/s|(?=/s))"
)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _scale_texts(problem) -> list[str]:
    scale = problem.suggested_scale
    return [scale.users, scale.requests, scale.data, *scale.notes]


def _all_text(problem) -> str:
    parts = _scale_texts(problem)
    for dive in problem.deep_dives:
        parts += [dive.topic, dive.concern]
        parts += [f"{o.name} {o.trade_offs}" for o in dive.options]
    return "\n".join(parts)


def _value(state: EstimationState, name: str):
    row = state.result(name)
    if row is not None:
        assert row.value is not None, f"{name}: {row.problem}"
        return row.value
    assert name in state.good, f"no result, row or input called {name!r}"
    return state.good[name]


def _read(figure: str, dim):
    """The quantity at the start of ``figure`` ("≈ 20 GB a day" -> 20 GB)."""
    words = figure.lstrip("~≈( ").split()
    for k in range(len(words), 0, -1):
        try:
            return parse_quantity(" ".join(words[:k]).rstrip(",;)"), dim)
        except ValueError:
            continue
    raise AssertionError(f"{figure!r} does not read as {dim}")


def _half_unit(figure: str, dim) -> float:
    """Half a unit of the last significant digit of ``figure``, in base units."""
    text = _NUMBER.search(figure).group().replace(",", "")
    number = float(text)
    if "." in text:
        step = 10.0 ** -len(text.split(".")[1])
    else:
        stripped = text.rstrip("0") or "0"
        step = 10.0 ** (len(text) - len(stripped))
    factor = _read(figure, dim).value / number if number else 1
    return step / 2 * factor


def agrees(stated: float, computed: float, half_unit: float) -> bool:
    return abs(stated - computed) <= max(0.1 * abs(computed), half_unit) + 1e-12


def test_every_problem_has_scale_inputs_and_claims():
    assert len(PROBLEMS) == 31
    assert sorted(CLAIMS) == sorted(PROBLEMS)
    for problem in PROBLEMS.values():
        assert problem.estimation is not None, problem.id


@pytest.mark.parametrize("problem_id", sorted(CLAIMS))
def test_stated_figures_agree_with_the_calculator(problem_id):
    problem = PROBLEMS[problem_id]
    text = _all_text(problem)
    state = EstimationState.from_problem(
        problem.estimation.figures(), [(r.name, r.formula) for r in problem.estimation.rows]
    )
    assert not state.messages, state.messages
    for claim in CLAIMS[problem_id]:
        snippet, name = claim[0], claim[1]
        assert snippet in text, f"{problem_id}: {snippet!r} is not in the text"
        if name is None:
            continue
        computed = _value(state, name)
        figure = claim[2] if len(claim) > 2 else snippet
        where = f"{problem_id}: {snippet!r} vs {name}"
        if isinstance(figure, tuple):
            low, high = (parse_quantity(f, computed.dim).value for f in figure)
            assert low <= computed.value < high, f"{where} = {computed.value:g}"
            continue
        stated = _read(figure, computed.dim)
        half = _half_unit(figure, computed.dim)
        assert agrees(stated.value, computed.value, half), f"{where} = {computed.value:g}"


@pytest.mark.parametrize("problem_id", sorted(CLAIMS))
def test_every_scale_figure_is_claimed(problem_id):
    problem = PROBLEMS[problem_id]
    spans = []
    for claim in CLAIMS[problem_id]:
        for text in _scale_texts(problem):
            start = text.find(claim[0])
            if start >= 0:
                spans.append((text, start, start + len(claim[0])))
    for text in _scale_texts(problem):
        for match in FIGURE.finditer(text):
            covered = any(
                t is text and s <= match.start() and match.end() <= e + 1 for t, s, e in spans
            )
            assert covered, f"{problem_id}: {match.group()!r} in {text!r} is not checked"


def test_the_issue_17_fixes_hold():
    def value(pid, name):
        return _value(
            EstimationState.from_problem(
                PROBLEMS[pid].estimation.figures(),
                [(r.name, r.formula) for r in PROBLEMS[pid].estimation.rows],
            ),
            name,
        ).value

    # payments: 1 M a day x 2 entries x 300 B is ~220 GB a year, not "a few GB"
    assert value("payment-system", "storage_per_year") == pytest.approx(219e9)
    # unique ids: the layout holds 2,000 servers (and ~667 per data centre)
    assert value("unique-id-generator", "worker_ids") >= 2000
    assert value("unique-id-generator", "workers_per_dc") >= math.ceil(2000 / 3)
    # maps: zoom 21 alone at 100 KB a tile is ~440 PB; the stated total uses 20 KB tiles
    assert value("maps-navigation", "deepest_level_at_100_kb") == pytest.approx(440e15, rel=0.01)
    # rate limiter: the active keys at their limit make the 1 M/s stated
    assert value("rate-limiter", "at_typical_limit") == pytest.approx(1e6)
    # object storage counts objects from the mean size; file sync stores average use
    assert "mean object 1 MB" in PROBLEMS["object-storage"].suggested_scale.data
    assert value("file-sync", "logical_storage") < value("file-sync", "quota_total")
    # news feed: feed inserts and feed cache are stated and computed
    assert value("news-feed", "feed_inserts") == pytest.approx(694_444, rel=1e-3)
    assert value("news-feed", "feed_cache") == pytest.approx(1.2e12)


def test_estimate_and_plain_figures_for_design_checks():
    url = PROBLEMS["url-shortener"]
    rows = {r.name: r for r in estimate(url)}
    assert rows["write_rate"].line == "100 M × 1 / 86,400 s ≈ 1,160 /s"
    figures = figures_for(url)
    assert figures["peak_write_rate"] == pytest.approx(2314.8, rel=1e-4)
    assert all(isinstance(v, float | int) for v in figures.values())
    assert parse_quantity("1", COUNT).value == 1
    from sdi_desktop.domain.estimation.problem_figures import figures_from_dict, state_for

    stored = state_for(url).to_dict()
    assert figures_from_dict(stored) == figures
    assert figures_from_dict(None) == {} and figures_from_dict({"version": 0}) == {}
