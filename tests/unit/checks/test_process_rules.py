"""Each process rule over the notes: where it fires, where it must not, and its
documented false positive."""

from __future__ import annotations

from sdi_desktop.domain.checks import process_rules as r
from sdi_desktop.domain.checks.process_rules import top_quality

from .boards import inp

DEEP_DIVE = """## Problem: generating unique codes

### Option A: hash the URL

- same URL gives the same code, but clashes need a retry loop

### Option B: counter ranges

- ids are unique without a lookup

### Trade-offs

- A needs a read before every write; B needs a small coordinator
"""
WRAP_UP = """## Summary

App servers behind a load balancer.

## Limits and what was traded away

- counting clicks is eventually consistent
"""


def hits(rule, **notes):
    return list(rule(inp(**notes)))


FEATURES_3 = (
    "## Functional\n\n1. Post a photo\n   - with a caption\n2. Follow people\n3. See a feed\n"
)


def test_core_feature_count():
    assert hits(r.core_feature_count, requirements=FEATURES_3) == []
    four = FEATURES_3 + "4. Like a photo\n\n## Non-functional\n\n- fast\n- available\n"
    assert hits(r.core_feature_count, requirements=four) == []
    six = four.replace("## Non", "5. Comment\n6. Stories\n\n## Non")
    [hit] = hits(r.core_feature_count, requirements=six)
    assert "6 core features" in hit.message and hit.pane == "requirements"
    [hit] = hits(r.core_feature_count, requirements="## Functional\n\n- Post a photo\n")
    assert "1 core features" in hit.message or "1 core" in hit.message
    assert hits(r.core_feature_count, requirements="")  # nothing written
    # no headings: the outer list of the whole pane
    assert hits(r.core_feature_count, requirements="- a\n- b\n- c\n") == []


def test_core_feature_count_false_positive_prose_and_promoted_sub_features():
    prose = "## Functional\n\nUsers post photos, follow people and see a feed.\n"
    assert hits(r.core_feature_count, requirements=prose)  # one line read as one feature
    promoted = "## Functional\n\n- Post\n- caption\n- filters\n- Follow\n- Feed\n"
    assert hits(r.core_feature_count, requirements=promoted)
    indented = "## Functional\n\n- Post\n  - caption\n  - filters\n- Follow\n- Feed\n"
    assert hits(r.core_feature_count, requirements=indented) == []


def test_non_functional_named():
    assert hits(r.no_non_functional, requirements=FEATURES_3)
    named = FEATURES_3 + "\n## Non-functional\n\n- the feed loads fast\n"
    assert hits(r.no_non_functional, requirements=named) == []
    loose = FEATURES_3 + "\nIt must be highly available.\n"
    assert hits(r.no_non_functional, requirements=loose) == []
    # false positive: qualities written only in another pane still fire here
    assert list(r.no_non_functional(inp(requirements=FEATURES_3, wrap_up="low latency")))


def test_non_functional_ranked():
    unranked = "## Non-functional\n\n- low latency\n- high availability\n"
    [hit] = hits(r.non_functional_unranked, requirements=unranked)
    assert hit.pane == "requirements"
    numbered = "## Non-functional\n\n1. low latency\n2. high availability\n"
    assert hits(r.non_functional_unranked, requirements=numbered) == []
    words = "## Non-functional\n\n- availability over consistency\n- low latency\n"
    assert hits(r.non_functional_unranked, requirements=words) == []
    assert hits(r.non_functional_unranked, requirements=FEATURES_3) == []  # none named: other rule
    # false positive: a ranking said aloud but not written
    assert hits(r.non_functional_unranked, requirements="## Qualities\n\n- latency\n- cost\n")


def test_estimate_with_a_number():
    [hit] = hits(r.estimate_without_number, estimates="lots of users, many requests")
    assert hit.pane == "estimates"
    assert hits(r.estimate_without_number, estimates="100 M users / 86,400 s ~ 1,160 /s") == []
    assert hits(r.estimate_without_number)  # empty pane
    # false positive: numbers written in the requirements' assumptions only
    assert list(r.estimate_without_number(inp(requirements="- 100 M links a day")))


def test_api_beyond_requirements():
    reqs = (
        "## Functional\n\n1. Shorten a long URL\n2. Redirect to the URL\n3. Count clicks per link\n"
    )
    api = (
        "| `POST` | `/api/v1/links` |\n| `GET` | `/{code}` |\n"
        "| `GET` | `/api/v1/links/{code}/stats` |\n"
    )
    assert hits(r.api_beyond_requirements, requirements=reqs, api=api) == []
    extra = api + "| `POST` | `/api/v1/payments` |\n"
    [hit] = hits(r.api_beyond_requirements, requirements=reqs, api=extra)
    assert "POST /api/v1/payments" in hit.message and hit.pane == "api"
    assert hits(r.api_beyond_requirements, requirements="", api=extra) == []  # nothing to compare
    camel = "GET /users/{id}/clickCounts"
    assert hits(r.api_beyond_requirements, requirements=reqs, api=camel) == []
    # false positive: a path named differently from its feature
    assert hits(r.api_beyond_requirements, requirements=reqs, api="POST /codes")


def test_deep_dive_thin():
    good = DEEP_DIVE
    assert hits(r.deep_dive_thin, deep_dive=good) == []
    one = "## Hot keys\n\n### Option A: replicate\n\n- copies everywhere\n"
    [hit] = hits(r.deep_dive_thin, deep_dive=one)
    assert "one option and no trade-off" in hit.message
    no_trade = "## Hot keys\n\n- Option 1: replicate\n- Option 2: local LRU\n"
    [hit] = hits(r.deep_dive_thin, deep_dive=no_trade)
    assert hit.message.endswith("weighs no trade-off.")
    empty_heading = no_trade + "\n### Trade-offs\n"
    assert hits(r.deep_dive_thin, deep_dive=empty_heading)  # a heading with nothing under it
    weighed = no_trade + "\n### Trade-offs\n\nreplication costs memory\n"
    assert hits(r.deep_dive_thin, deep_dive=weighed) == []
    assert hits(r.deep_dive_thin, deep_dive="just some words")  # no heading: no block
    assert hits(r.deep_dive_thin) == []  # empty: the top-quality rule speaks
    # false positive: options not starting with "Option"
    lettered = "## Codes\n\n### A: hash\n\n### B: counter\n\n### Trade-offs\n\nA costs a read\n"
    [hit] = hits(r.deep_dive_thin, deep_dive=lettered)
    assert "no option" in hit.message


def test_deep_dive_on_the_top_quality():
    reqs = "## Non-functional\n\n1. Low latency: p99 under 50 ms\n2. Highly available\n"
    assert top_quality(reqs) == "latency"
    [hit] = hits(r.deep_dive_misses_top_quality, requirements=reqs, deep_dive="## Unique ids\n")
    assert "latency" in hit.message
    covered = "## Hot keys and latency\n\n- Option 1\n"
    assert hits(r.deep_dive_misses_top_quality, requirements=reqs, deep_dive=covered) == []
    unranked = reqs.replace("1.", "-").replace("2.", "-")
    assert hits(r.deep_dive_misses_top_quality, requirements=unranked, deep_dive="") == []
    # false positive: discussed in words the app does not know
    assert hits(
        r.deep_dive_misses_top_quality, requirements=reqs, deep_dive="## Keeping p-high snappy\n"
    )


def test_wrap_up_names_limits():
    assert hits(r.wrap_up_without_limits, wrap_up=WRAP_UP) == []
    template = (
        "## Summary\n\n## What makes this problem special\n\n## Limits and what was traded away\n"
    )
    assert hits(r.wrap_up_without_limits, wrap_up=template)  # headings alone do not count
    assert (
        hits(r.wrap_up_without_limits, wrap_up="We built it. Counting is eventually consistent.")
        == []
    )
    [hit] = hits(r.wrap_up_without_limits, wrap_up="## Summary\n\nA cache in front of a store.\n")
    assert hit.pane == "wrap_up"
    # false positive: limits without the usual words
    assert hits(r.wrap_up_without_limits, wrap_up="## Summary\n\nHot celebrities may hurt.\n")


def test_features_under_a_plain_requirements_heading_count():
    plain = "## Requirements\n\n- post\n- follow\n- feed\n\n## Non-functional\n\n- fast\n"
    assert hits(r.core_feature_count, requirements=plain) == []
    with_scope = plain + "\n## Out of scope\n\n- ads\n- stories\n- chat\n"
    assert hits(r.core_feature_count, requirements=with_scope) == []


def test_an_endpoint_for_an_out_of_scope_feature_is_noted():
    reqs = "## Functional\n\n1. Post\n2. Follow\n3. Feed\n\n## Out of scope\n\n- Ads, promotions\n"
    [hit] = hits(r.api_beyond_requirements, requirements=reqs, api="POST /ads/{id}")
    assert "/ads/" in hit.message
    assert hits(r.api_beyond_requirements, requirements=reqs, api="GET /feed") == []
