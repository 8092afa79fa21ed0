from pathlib import Path

import pytest

from sdi_desktop.domain.board.kinds import KINDS, kind
from sdi_desktop.domain.board.quick_add import best_match, matches

ROOT = Path(__file__).resolve().parents[3]


def test_at_least_24_kinds_each_with_an_icon():
    assert len(KINDS) >= 24
    assert len({k.key for k in KINDS}) == len(KINDS)
    icons = ROOT / "resources" / "icons" / "components"
    missing = [k.key for k in KINDS if not (icons / f"{k.key}.svg").is_file()]
    assert not missing, f"no icon for {missing}"


@pytest.mark.parametrize(
    ("query", "key", "label"),
    [
        ("lb", "load_balancer", "Load balancer"),
        ("redis", "cache", "Redis"),
        ("queue", "queue", "Message queue"),
        ("kafka", "stream", "Kafka"),
        ("s3", "object_store", "S3"),
        ("postgres", "sql_db", "PostgreSQL"),
        ("gate", "api_gateway", "API gateway"),
        ("notif", "notification", "Notification service"),
        ("CDN", "cdn", "CDN"),
    ],
)
def test_best_match(query, key, label):
    match = best_match(query)
    assert match is not None
    assert (match.kind.key, match.label) == (key, label)


def test_no_match_and_empty_query():
    assert best_match("zzzzqqq") is None
    assert best_match("   ") is None
    assert len(matches("", limit=5)) == 5


def test_unknown_kind_falls_back_to_box():
    assert kind("nope").key == "box"
