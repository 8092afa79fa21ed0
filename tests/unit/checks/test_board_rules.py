"""Each board rule: a board where it fires, one where it must not, and its documented
false positive (it fires there, as its card says, and the card's way out silences it)."""

from __future__ import annotations

from sdi_desktop.domain.checks import board_rules as r
from sdi_desktop.domain.checks.board_view import BoardView, Node
from sdi_desktop.domain.checks.registry import run_checks

from .boards import REFERENCE, board, inp


def hits(rule, view, **kw):
    return list(rule(inp(view, **kw)))


# -- isolated component -----------------------------------------------------------------------
def test_isolated_component():
    view = board("web=client -> api=service")
    alone = BoardView([*view.nodes, Node("x", "cache", "Sessions")], view.links)
    [hit] = hits(r.isolated, alone)
    assert hit.elements == ("x",) and "Sessions" in hit.message
    assert hits(r.isolated, view) == []
    # false positive: a shared box drawn apart; monitoring is exempt, anything else fires
    apart = BoardView([*view.nodes, Node("m", "monitoring"), Node("a", "auth")], view.links)
    assert [h.elements for h in hits(r.isolated, apart)] == [("a",)]


# -- client straight to data -------------------------------------------------------------------
def test_client_to_database():
    [hit] = hits(r.client_to_database, board("web=client -> db=sql_db"))
    assert set(hit.elements) == {"web", "db", "web-db"}
    assert hits(r.client_to_database, board("db=nosql_db -> app=mobile")) != []  # either way
    assert hits(r.client_to_database, board("web=client -> api=service -> db=sql_db")) == []
    # false positive: a backend-as-a-service store with its own rules still fires
    assert hits(r.client_to_database, board("app=mobile -> fb=nosql_db"), tags=("mobile",))


def test_client_to_object_store():
    [hit] = hits(r.client_to_object_store, board("web=client -> s3=object_store"))
    assert "signed" in hit.message
    signed = board(
        "web=client -> s3=object_store", link_labels={("web", "s3"): "PUT via pre-signed URL"}
    )
    assert hits(r.client_to_object_store, signed) == []
    assert hits(r.client_to_object_store, board("web=client -> c=cdn -> s3=object_store")) == []
    # false positive: a public static-site bucket fires; "Intended" is the way out
    public = board("web=client -> site=object_store", labels={"site": "public website"})
    assert hits(r.client_to_object_store, public)


# -- single point of failure -------------------------------------------------------------------
def test_single_point_of_failure_fires_on_the_box_every_path_crosses():
    view = board("web=client -> lb=load_balancer -> api=service -> db=sql_db\napi -> c=cache")
    ids = [h.elements for h in hits(r.single_point_of_failure, view)]
    assert ids == [("lb",), ("api",), ("db",)]  # nearest the client first


def test_single_point_of_failure_quiet_when_replicated_or_bypassed():
    view = board(
        "web=client -> lb=load_balancer -> api=service -> db=sql_db\n"
        "web -> lb2=load_balancer -> api",
        instances={"api": 3},
        labels={"db": "Postgres primary + 2 replicas"},
    )
    assert hits(r.single_point_of_failure, view) == []
    replica = board(
        "web=client -> api=service -> db=sql_db\ndb ~> rep=sql_db",
        instances={"api": 2},
        labels={"rep": "read replica"},
    )
    assert hits(r.single_point_of_failure, replica) == []
    assert hits(r.single_point_of_failure, board("a=service -> db=sql_db")) == []  # no client


def test_single_point_of_failure_false_positive_replication_left_to_words():
    said = board("web=client -> lb=load_balancer -> api=service -> db=sql_db")
    assert any(h.elements == ("api",) for h in hits(r.single_point_of_failure, said))
    labelled = board(
        "web=client -> lb=load_balancer -> api=service -> db=sql_db",
        labels={"api": "API x3", "lb": "LB (HA pair)", "db": "Aurora multi-AZ"},
    )
    assert hits(r.single_point_of_failure, labelled) == []


# -- read-heavy without cache ---------------------------------------------------------------------
def test_read_heavy_without_cache():
    plain = board("web=client -> api=service -> db=sql_db")
    [hit] = hits(r.read_heavy_without_cache, plain, tags=("read-heavy",))
    assert "read-heavy" in hit.message and hit.elements == ("web",)
    assert hits(r.read_heavy_without_cache, plain, tags=("write-heavy",)) == []
    cached = board("web=client -> api=service -> db=sql_db\napi -> c=cache")
    assert hits(r.read_heavy_without_cache, cached, tags=("read-heavy",)) == []
    cdn = board("web=client -> e=cdn -> api=service -> db=sql_db")
    assert hits(r.read_heavy_without_cache, cdn, tags=("read-heavy",)) == []


def test_read_heavy_from_figures():
    plain = board("web=client -> api=service -> db=sql_db")
    [hit] = hits(
        r.read_heavy_without_cache,
        plain,
        figures={"peak_read_per_s": 116_000, "peak_write_per_s": 1_160},
    )
    assert "100 reads per write" in hit.message
    assert hits(r.read_heavy_without_cache, plain, figures={"read_write_ratio": 2}) == []
    assert hits(r.read_heavy_without_cache, plain, figures={"nonsense": "x"}) == []


def test_read_heavy_false_positive_in_memory_service():
    trie = board("web=client -> t=service -> db=sql_db", labels={"t": "Trie servers"})
    assert hits(r.read_heavy_without_cache, trie, tags=("read-heavy",))
    named = board("web=client -> t=service -> db=sql_db", labels={"t": "Trie (in-memory cache)"})
    assert hits(r.read_heavy_without_cache, named, tags=("read-heavy",)) == []


# -- queues ---------------------------------------------------------------------------
def test_queue_without_consumer():
    [hit] = hits(r.queue_without_consumer, board("api=service ~> q=queue"))
    assert hit.elements == ("q",)
    assert hits(r.queue_without_consumer, board("api=service ~> q=queue ~> w=worker")) == []
    # a worker pulling (arrow into the queue) is a consumer
    assert hits(r.queue_without_consumer, board("api=service ~> q=stream\nw=worker -> q")) == []
    assert hits(r.queue_without_consumer, board("q=queue")) == []  # isolated: the other rule


def test_queue_without_consumer_false_positive_unlabelled_pull_from_a_service():
    pull = board("api=service ~> q=queue\nsvc=service -> q")
    assert hits(r.queue_without_consumer, pull)
    labelled = board("api=service ~> q=queue\nsvc=service -> q", link_labels={("svc", "q"): "poll"})
    assert hits(r.queue_without_consumer, labelled) == []


def test_queue_without_producer():
    [hit] = hits(r.queue_without_producer, board("q=stream ~> w=worker"))
    assert hit.elements == ("q",) and "produces" in hit.message
    assert hits(r.queue_without_producer, board("api=service ~> q=stream ~> w=worker")) == []
    assert hits(r.queue_without_producer, board("api=service <-> q=stream")) == []
    # false positive: a stream fed from outside the drawing (CDC) fires until drawn
    assert hits(r.queue_without_producer, board("cdc=stream ~> search=search"))


# -- long synchronous chains ---------------------------------------------------------
def test_long_sync_chain():
    long = board(
        "web=client -> a=service -> b=service -> c=service -> d=service -> e=service"
        " -> f=service -> db=sql_db"
    )
    [hit] = hits(r.long_sync_chain, long)
    assert hit.elements[0] == "web" and hit.elements[-1] == "db" and "7 synchronous" in hit.message
    short = board("web=client -> lb=load_balancer -> a=service -> b=service -> db=sql_db")
    assert hits(r.long_sync_chain, short) == []
    # the same chain with one hop behind a queue is not a synchronous chain
    split = board(
        "web=client -> a=service -> b=service -> c=service ~> q=queue ~> d=service"
        " -> e=service -> f=service -> db=sql_db"
    )
    assert hits(r.long_sync_chain, split) == []
    cycle = board("web=client -> a=service -> b=service -> a")
    assert hits(r.long_sync_chain, cycle) == []


def test_long_sync_chain_false_positive_parallel_calls_drawn_in_a_row():
    fan = board(
        "web=client -> g=api_gateway -> a=service -> b=service -> c=service -> d=service"
        " -> e=service -> db=sql_db"
    )
    assert hits(r.long_sync_chain, fan)  # fires: the drawing cannot say the calls are parallel


# -- lone database -------------------------------------------------------------------------------
def test_single_database_writes():
    [hit] = hits(r.single_database_writes, board("api=service -> db=sql_db"))
    assert hit.elements == ("db",)
    assert (
        hits(r.single_database_writes, board("api=service -> db=sql_db", instances={"db": 3})) == []
    )
    backed = board(
        "api=service -> db=sql_db\ndb ~> bk=object_store", labels={"bk": "Nightly backups"}
    )
    assert hits(r.single_database_writes, backed) == []
    noted = board("api=service -> db=nosql_db", notes={"db": "PITR backups every 5 min"})
    assert hits(r.single_database_writes, noted) == []


def test_single_database_writes_false_positive_managed_store():
    managed = board("api=service -> db=nosql_db", labels={"db": "DynamoDB"})
    assert hits(r.single_database_writes, managed)
    said = board("api=service -> db=nosql_db", labels={"db": "DynamoDB (replicated)"})
    assert hits(r.single_database_writes, said) == []


def test_write_rate_beyond_one_database():
    one = board("api=service -> db=sql_db")
    [hit] = hits(r.write_rate_beyond_one_database, one, figures={"peak_write_per_s": 40_000})
    assert "40,000 writes" in hit.message
    assert hits(r.write_rate_beyond_one_database, one, figures={"peak_write_per_s": 1_160}) == []
    assert hits(r.write_rate_beyond_one_database, one) == []  # no figures, no opinion
    sharded = board("api=service -> db=sql_db", labels={"db": "Postgres, 16 shards"})
    assert (
        hits(r.write_rate_beyond_one_database, sharded, figures={"peak_write_per_s": 40_000}) == []
    )
    # false positive: a store that scales writes out, drawn as one box
    cassandra = board("api=service -> db=nosql_db", labels={"db": "Cassandra"})
    assert hits(r.write_rate_beyond_one_database, cassandra, figures={"avg_write_per_s": 20_000})


# -- the reference design -----------------------------------------------------------------------
def test_a_plain_reference_design_raises_no_problem():
    findings = run_checks(inp(board(REFERENCE), tags=("read-heavy", "web")))
    board_findings = [f for f in findings if f.pane is None]
    assert [f for f in board_findings if f.severity == "problem"] == []
    # what it does raise: warnings a drawing without instance counts leaves to the words
    assert {f.rule for f in board_findings} <= {"single-point-of-failure", "single-database-writes"}


def test_a_worker_arrow_into_a_queue_is_the_missing_end():
    # the worker pulls: the queue has a producer already
    pulled = board("api=service ~> q=queue\nw=worker -> q")
    assert (
        hits(r.queue_without_consumer, pulled) == []
        and hits(r.queue_without_producer, pulled) == []
    )
    # the worker publishes: the queue has a consumer already
    published = board("w=worker ~> q=stream ~> idx=worker -> s=search")
    assert hits(r.queue_without_producer, published) == []
    assert hits(r.queue_without_consumer, published) == []
    # a worker alone into a queue: read as the consumer, so nothing produces
    assert hits(r.queue_without_producer, board("w=worker -> q=queue"))
