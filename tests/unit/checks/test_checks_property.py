"""Every rule over random boards, notes and figures: never raises, and every finding
names its rule, a known severity and only elements of the board."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdi_desktop.domain.board.kinds import KINDS
from sdi_desktop.domain.checks.board_view import BoardView
from sdi_desktop.domain.checks.cards import SEVERITIES
from sdi_desktop.domain.checks.inputs import CheckInput, DesignFigures, ProblemInfo
from sdi_desktop.domain.checks.registry import CARDS, RULES, run_checks
from sdi_desktop.domain.record import PANE_KEYS

KIND_KEYS = [k.key for k in KINDS] + ["quantum"]
MD_BITS = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "- ",
        "1. ",
        "  - ",
        "```",
        "\n",
        "Option ",
        "trade-off",
        "latency",
        "Functional",
        "Non-functional",
        "GET /",
        "POST /api/v1/x",
        "{id}",
        "limit",
        "99.9",
        "|",
        "`",
        "*",
        " ",
        "é",
        "\t",
        "🙂",
        "0",
        "over",
        "first",
    ]
)
markdown = st.lists(st.one_of(MD_BITS, st.text(max_size=12)), max_size=40).map("".join)


@st.composite
def boards(draw):
    n = draw(st.integers(0, 14))
    elements = []
    for i in range(n):
        elements.append(
            {
                "type": "component",
                "id": f"n{i}",
                "kind": draw(st.sampled_from(KIND_KEYS)),
                "label": draw(st.one_of(st.just(""), st.text(max_size=10), MD_BITS)),
                "note": draw(st.sampled_from(["", "replicas", "backup", "x3"])),
                "instances": draw(st.one_of(st.integers(-1, 100), st.none(), st.just(True))),
            }
        )
    for j in range(draw(st.integers(0, 25)) if n else 0):
        elements.append(
            {
                "type": "connector",
                "id": f"c{j}",
                "source": f"n{draw(st.integers(0, n))}",  # sometimes dangling: n is no node
                "target": f"n{draw(st.integers(0, n - 1))}",
                "style": draw(st.sampled_from(["sync", "async", "weird"])),
                "arrows": draw(st.sampled_from(["end", "both", "none"])),
                "label": draw(st.sampled_from(["", "consume", "pre-signed URL", "replica"])),
            }
        )
    elements.append({"type": "text", "id": "t", "text": "hello"})
    return elements


figures = st.dictionaries(
    st.sampled_from(
        [
            "avg_read_per_s",
            "avg_write_per_s",
            "peak_read_per_s",
            "peak_write_per_s",
            "read_write_ratio",
            "other",
        ]
    ),
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 10**9), st.text(max_size=3)
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    boards(),
    st.dictionaries(st.sampled_from(PANE_KEYS), markdown),
    st.lists(st.sampled_from(["read-heavy", "web", "x"]), max_size=3),
    st.one_of(st.none(), figures),
    st.sampled_from([None, "scope", "high_level", "deep_dive", "wrap_up", "nowhere"]),
)
def test_every_rule_on_random_input_never_raises(elements, notes, tags, figs, reached):
    view = BoardView.from_elements(elements)
    inp = CheckInput(
        view,
        notes,
        ProblemInfo("p", "", tuple(tags)),
        None if figs is None else DesignFigures.from_dict(figs),
    )
    ids = {e["id"] for e in elements}
    for rule in RULES:
        for hit in rule.check(inp):
            assert hit.message and set(hit.elements) <= ids
    for finding in run_checks(inp, reached=reached):
        assert finding.rule in CARDS and finding.severity in SEVERITIES
        assert finding.severity == CARDS[finding.rule].severity
