"""The structural comparison of a candidate's board with a reference board, on hand-made
boards: what a candidate would read in review."""

from __future__ import annotations

from sdi_desktop.domain.reference.compare import compare_boards
from sdi_desktop.domain.reference.summary import board_lines


def comp(id_: str, kind: str, label: str = "", note: str = "") -> dict:
    return {"type": "component", "id": id_, "kind": kind, "label": label, "note": note}


def link(a: str, b: str, style: str = "sync", label: str = "") -> dict:
    return {"type": "connector", "id": f"{a}-{b}", "source": a, "target": b, "style": style,
            "label": label, "arrows": "end"}  # fmt: skip


REFERENCE = [
    comp("client", "client", "Browser"),
    comp("cdn", "cdn", "CDN"),
    comp("lb", "load_balancer", "Load balancer"),
    comp("api", "service", "API servers"),
    comp("cache", "cache", "Code cache"),
    comp("db", "nosql_db", "Link store", "3 replicas"),
    comp("events", "stream", "Click events"),
    link("client", "cdn"),
    link("client", "lb"),
    link("lb", "api"),
    link("api", "cache"),
    link("cache", "db"),
    link("api", "events", "async", "click event"),
]


def text(comparison) -> str:
    return "\n".join(board_lines(comparison))


def test_a_missing_cache_is_a_missing_role_and_a_missing_path_through_it():
    mine = [
        comp("b", "client", "Web"),
        comp("c", "cdn", "Edge"),
        comp("l", "load_balancer"),
        comp("s", "service", "App"),
        comp("d", "nosql_db", "Links", "replicated"),
        comp("k", "stream", "Kafka"),
        link("b", "c"),
        link("b", "l"),
        link("l", "s"),
        link("s", "d"),
        link("s", "k", "async"),
    ]
    result = compare_boards(REFERENCE, mine)
    assert result.missing_roles == ["cache"]
    [path] = result.missing_paths
    assert [n.id for n in path.nodes] == ["api", "cache", "db"]
    assert [n.id for n in path.missing_components] == ["cache"]
    said = text(result)
    assert "**In the reference, not on your board:** cache (“Code cache”)" in said
    assert "“API servers” (application service) → “Code cache” → “Link store” (database)" in said
    assert "your board has no “Code cache”" in said


def test_a_cdn_on_the_board_but_not_on_the_client_path_is_a_missing_path():
    mine = [
        comp("b", "client"),
        comp("c", "cdn"),
        comp("l", "load_balancer"),
        comp("s", "service"),
        link("b", "l"),
        link("l", "s"),
        link("s", "c", label="purge"),  # the CDN is there, but the client never reaches it
    ]
    result = compare_boards([*REFERENCE[:4], REFERENCE[7], REFERENCE[8], REFERENCE[9]], mine)
    assert "cdn" not in result.missing_roles
    assert [[n.id for n in p.nodes] for p in result.missing_paths] == [["client", "cdn"]]
    assert "**Reference path missing from yours:** “Browser” (client) → “CDN”." in text(result)


def test_async_in_the_reference_where_mine_is_sync_and_another_kind_of_messaging():
    mine = [
        comp("s", "service", "API"),
        comp("q", "queue", "Click queue"),
        link("s", "q", "sync"),
    ]
    result = compare_boards([REFERENCE[3], REFERENCE[6], REFERENCE[12]], mine)
    [gap] = result.async_gaps
    assert (gap.source.id, gap.target.id) == ("api", "events")
    said = text(result)
    assert "**Asynchronous in the reference, synchronous on your board:** API servers → " in said
    assert "the reference's “Click events” is a pub/sub stream; your “Click queue” is a " in said
    mine[2]["style"] = "async"
    assert compare_boards([REFERENCE[3], REFERENCE[6], REFERENCE[12]], mine).async_gaps == []


def test_extra_components_are_named_without_blame():
    mine = [comp("s", "service"), comp("r", "rate_limiter", "Limiter"), comp("x", "search")]
    mine += [comp(f"w{i}", "worker", f"Worker {i}") for i in range(7)]
    result = compare_boards([REFERENCE[3]], mine)
    assert set(result.extra_roles) == {"rate_limiter", "search", "worker"}
    said = text(result)
    assert "**On your board, not in the reference:** rate limiter (“Limiter”)" in said
    assert "“Worker 0”, “Worker 1”, “Worker 2”, “Worker 3” and 3 more" in said
    assert "Not wrong in itself" in said


def test_an_empty_board_misses_everything_and_says_it_once():
    result = compare_boards(REFERENCE, [])
    assert result.empty and result.pairs == {}
    assert board_lines(result) == [
        "- Your board has no components, so the whole reference design is missing from it: "
        "7 components and 6 connections."
    ]


def test_a_board_of_only_generic_boxes_is_matched_on_label_words_and_says_it_guessed():
    mine = [
        comp("a", "box", "Browser"),
        comp("b", "box", "LB"),
        comp("c", "box", "API"),
        comp("d", "box", "redis"),
        comp("e", "box", "Postgres"),
        comp("f", "box", "Thing"),
        link("a", "b"),
        link("b", "c"),
        link("c", "d"),
        link("d", "e"),
    ]
    result = compare_boards(REFERENCE, mine)
    assert result.only_generic
    assert {r: p.mine.id for r, p in result.pairs.items()} == {
        "client": "a", "lb": "b", "api": "c", "cache": "d", "db": "e",
    }  # fmt: skip
    assert all(p.guessed for p in result.pairs.values())
    assert [n.id for n in result.unrecognised] == ["f"]
    said = text(result)
    assert "Every component on your board is a generic box" in said
    assert "guessed from the labels" in said
    assert "1 of your boxes have labels the comparison does not recognise: “Thing”" in said
    assert "cache" not in result.missing_roles


def test_one_generic_box_among_typed_ones_is_a_named_guess():
    mine = [comp("s", "service", "API"), comp("r", "box", "Redis"), link("s", "r")]
    result = compare_boards([REFERENCE[3], REFERENCE[4], REFERENCE[10]], mine)
    assert result.pairs["cache"].guessed
    assert "**Guessed from labels:** your box “Redis” (cache) taken for the reference's " in text(
        result
    )


def test_graph_shape_picks_the_counterpart_and_a_short_detour_still_counts():
    mine = [
        comp("lb", "load_balancer"),
        comp("limit", "rate_limiter"),
        comp("other", "service", "Billing"),
        comp("svc", "service", "Shortener"),
        comp("cache", "cache"),
        link("lb", "limit"),
        link("limit", "svc"),  # lb -> limiter -> service: the reference's lb -> api is there
        link("svc", "cache"),
    ]
    ref = [REFERENCE[2], REFERENCE[3], REFERENCE[4], REFERENCE[9], REFERENCE[10]]
    result = compare_boards(ref, mine)
    assert result.pairs["api"].mine.id == "svc"  # the one wired to the cache
    assert result.missing_paths == []
    assert "Every component and connection of the reference has a counterpart" in text(result)


def test_replicas_are_a_role_read_from_labels_and_notes():
    ref = [REFERENCE[5]]
    assert compare_boards(ref, [comp("d", "nosql_db")]).missing_roles == ["replica"]
    with_replica = [comp("d", "nosql_db"), comp("r", "nosql_db", "Read replica")]
    assert compare_boards(ref, with_replica).missing_roles == []


def test_a_service_split_in_two_still_carries_the_reference_paths():
    ref = [
        comp("api", "service", "API servers"),
        comp("ids", "service", "Range allocator"),
        comp("cache", "cache"),
        comp("db", "nosql_db"),
        link("api", "cache"),
        link("api", "db"),
        link("api", "ids"),
    ]
    mine = [
        comp("read", "service", "Redirect service"),
        comp("write", "service", "Shorten service"),
        comp("alloc", "worker", "ID range allocator"),
        comp("cache", "cache", "Redis"),
        comp("db", "nosql_db"),
        link("read", "cache"),
        link("write", "db"),
        link("write", "alloc"),
    ]
    result = compare_boards(ref, mine)
    assert result.pairs["ids"].mine.id == "alloc" and result.pairs["ids"].guessed
    assert result.missing_paths == []
    assert "your “ID range allocator” (background worker) taken for the reference's" in text(result)


def test_an_instance_count_says_replicated_like_the_words_do():
    from sdi_desktop.domain.reference.graph import board_graph

    plain = {"type": "component", "id": "s", "kind": "service", "label": "API", "x": 0,
             "y": 0, "w": 132, "h": 76, "note": ""}  # fmt: skip
    assert not board_graph([plain]).nodes["s"].replicated
    assert board_graph([{**plain, "instances": 3}]).nodes["s"].replicated
