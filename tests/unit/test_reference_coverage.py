"""Which reference requirements and deep-dive topics the notes mention (word guesses)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi_desktop.domain.problems import load_library
from sdi_desktop.domain.reference.coverage import (
    features_mentioned,
    notes_coverage,
    qualities_mentioned,
    question_addressed,
)
from sdi_desktop.domain.reference.summary import comparison_markdown
from sdi_desktop.paths import resource_root


@pytest.fixture(scope="module")
def problem():
    return load_library(resource_root("problems"), Path("/nonexistent")).get("url-shortener")


def test_a_feature_is_mentioned_when_half_its_words_are_there():
    features = ["Redirect a short link to its long URL", "Delete a link (its owner only)"]
    found = features_mentioned(features, "## Functional\n- Redirects: short code to the long URL")
    assert [m.found for m in found] == [True, False]


def test_qualities_are_found_by_their_words_and_their_order_is_kept():
    said = "- p99 latency under 50 ms\n- highly available, 99.99 % uptime\n- abuse checks"
    found = qualities_mentioned(["availability", "performance", "scale", "security"], said)
    assert [(q.quality, q.rank, q.found, q.order) for q in found] == [
        ("availability", 1, True, 2),
        ("performance", 2, True, 1),
        ("scale", 3, False, None),
        ("security", 4, True, 3),
    ]


def test_deep_dive_topics_and_the_reference_pick(problem):
    notes = {
        "requirements": "",
        "deep_dive": "Generating codes: a global counter, encoded in base62, leased in ranges."
        "\nAbuse: blocklist at creation and rate-limit creators.",
    }
    topics = {t.topic: t for t in notes_coverage(problem, notes).topics}
    assert topics["Generating unique short codes"].covered
    assert topics["Generating unique short codes"].pick_named
    assert topics["Abuse and expiry"].covered and topics["Abuse and expiry"].pick is None
    assert not topics["Choosing and partitioning the data store"].covered


def test_a_follow_up_is_addressed_when_the_notes_share_its_words():
    question = "What happens if the counter service goes down?"
    assert question_addressed(question, {"wrap_up": "If the counter service goes down, ..."})[0]
    assert not question_addressed(question, {"wrap_up": "Cache in front of the store"})[0]


def test_the_markdown_summary_says_it_guesses(problem):
    text = comparison_markdown(problem, [], {"requirements": "Redirect short links fast"})
    assert text.startswith("## Compared with the reference answer\n")
    assert "### Board" in text and "### Notes" in text
    assert "These are guesses from shared words" in text
