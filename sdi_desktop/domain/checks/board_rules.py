"""Rules over the whiteboard: components connected to nothing, clients at the data,
single points of failure, missing caches, idle queues, long call chains, lone databases."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sdi_desktop.domain.checks.board_view import (
    CLIENTS,
    DATABASES,
    MESSAGING,
    STORES,
    BoardView,
    Node,
)
from sdi_desktop.domain.checks.cards import RuleCard
from sdi_desktop.domain.checks.findings import Hit
from sdi_desktop.domain.checks.graph import longest_chain, on_every_path, reachable
from sdi_desktop.domain.checks.inputs import CheckInput
from sdi_desktop.domain.checks.rule import Rule

MAX_SYNC_HOPS = 6  # synchronous calls in a row from a client before the chain is "long"
READ_HEAVY_RATIO = 10.0  # reads per write from which a problem counts as read-heavy
ONE_DATABASE_WRITES_PER_S = 10_000.0  # a rough ceiling for one database node
SPOF_KINDS = frozenset(
    {"load_balancer", "api_gateway", "web_server", "service", "sql_db", "nosql_db"}
)
CONSUMER_KINDS = frozenset({"worker", "notification", "warehouse"})  # they pull by nature
CLIENT_FORBIDDEN = frozenset({"sql_db", "nosql_db", "cache", "search", "warehouse"})
_SIGNED = re.compile(r"\b(?:pre-?)?signed\b|upload url|sas token", re.IGNORECASE)
_PULL = re.compile(r"consum|poll|pull|subscrib|read|fetch|dequeue", re.IGNORECASE)
_BACKUP = re.compile(r"backup|snapshot|replica|replicat|standby|follower|pitr", re.IGNORECASE)
_CACHE_WORDS = re.compile(r"cache|memcache|redis|read replica", re.IGNORECASE)


def _n(node: Node) -> str:
    return f"“{node.name}”"


# -- a component connected to nothing --------------------------------------------------
ISOLATED = RuleCard(
    id="isolated-component",
    title="Component connected to nothing",
    scope="board",
    severity="warning",
    detects="A component with no connector at all (monitoring boxes excepted).",
    why="A box nothing talks to does no work in the design: either a connection is missing "
    "or the box is not needed, and the interviewer will ask which.",
    fix="Connect it to the components that call it or that it calls, or delete it.",
    false_positives="A legend or a component drawn apart on purpose (a shared service that "
    "'everything uses'); mark the finding as intended.",
)


def isolated(inp: CheckInput) -> Iterator[Hit]:
    board = inp.board
    for node in board.nodes:
        if not board.links_of[node.id] and node.kind != "monitoring":
            yield Hit(f"{_n(node)} is connected to nothing.", (node.id,))


# -- a client talking to the data directly ---------------------------------------------
CLIENT_TO_DATA = RuleCard(
    id="client-to-database",
    title="Client talks straight to a database or cache",
    scope="board",
    severity="problem",
    detects="A connector between a client or mobile app and a database, cache, search index "
    "or data warehouse.",
    why="A client holding database credentials can read and change anything, cannot be "
    "rate-limited or validated, and ties every app release to the schema.",
    fix="Put a service (behind a load balancer or API gateway) between the client and the "
    "data; the service authenticates, validates and owns the schema.",
    false_positives="Backend-as-a-service designs where the store enforces per-user rules "
    "itself (Firebase-style security rules); say so in the notes and mark it intended.",
)


def client_to_database(inp: CheckInput) -> Iterator[Hit]:
    board = inp.board
    for link in board.links:
        a, b = board.by_id[link.source], board.by_id[link.target]
        for client, data in ((a, b), (b, a)):
            if client.kind in CLIENTS and data.kind in CLIENT_FORBIDDEN:
                yield Hit(
                    f"{_n(client)} talks straight to {_n(data)}.", (client.id, data.id, link.id)
                )
                break


CLIENT_TO_OBJECTS = RuleCard(
    id="client-to-object-store",
    title="Client talks straight to object storage",
    scope="board",
    severity="warning",
    detects="A connector between a client or mobile app and object storage whose label does "
    "not say the access is signed (for example 'pre-signed URL').",
    why="Open buckets leak data and cost money; direct access is fine only with short-lived "
    "signed URLs handed out by a service that checked the user.",
    fix="Label the connector with how access is granted (pre-signed upload or download URL "
    "from a service), or serve the objects through a CDN or a service.",
    false_positives="Public, read-only assets (a static website bucket); mark it intended.",
)


def client_to_object_store(inp: CheckInput) -> Iterator[Hit]:
    board = inp.board
    for link in board.links:
        a, b = board.by_id[link.source], board.by_id[link.target]
        for client, data in ((a, b), (b, a)):
            if client.kind in CLIENTS and data.kind == "object_store":
                if not _SIGNED.search(link.label) and not _SIGNED.search(data.note):
                    yield Hit(
                        f"{_n(client)} reaches {_n(data)} directly, and the connector does not "
                        "say how access is signed.",
                        (client.id, data.id, link.id),
                    )
                break


# -- single point of failure ---------------------------------------------------------------
SPOF = RuleCard(
    id="single-point-of-failure",
    title="Single point of failure",
    scope="board",
    severity="warning",
    detects="A load balancer, gateway, web server, service or database that every path from a "
    "client to stored data passes through, drawn as one instance (instance count 1, and no "
    "'replicas', 'cluster' or 'x3' in its label or note).",
    why="When that one box fails or is deployed, the whole product is down; availability is "
    "among the first qualities an interviewer probes.",
    fix="Run several instances (set the instance count from the component's context menu) "
    "behind a load balancer, or say in its label how it fails over.",
    false_positives="A drawing often leaves replication to the words: if you said 'three of "
    "these behind the LB' out loud, set the count or mark the finding intended.",
)


def _replicated_store(board: BoardView, node: Node) -> bool:
    """A store with a replica or standby drawn beside it (or said in a label)."""
    if node.says_replicated:
        return True
    for link in board.links_of[node.id]:
        other = board.by_id[link.target if link.source == node.id else link.source]
        if _BACKUP.search(link.label) or (other.kind in STORES and _BACKUP.search(other.label)):
            return True
    return False


def single_point_of_failure(inp: CheckInput) -> Iterator[Hit]:
    board = inp.board
    clients = [n.id for n in board.nodes if n.kind in CLIENTS]
    stores = [n.id for n in board.nodes if n.kind in STORES]
    for node_id in reversed(on_every_path(clients, stores, board.flow)):
        node = board.by_id.get(node_id)
        if node is None or node.kind not in SPOF_KINDS:
            continue
        if node.says_replicated or (node.kind in DATABASES and _replicated_store(board, node)):
            continue
        yield Hit(
            f"Every request from a client to the data passes through {_n(node)}, drawn as a "
            "single instance.",
            (node.id,),
        )


# -- read-heavy without a cache ----------------------------------------------------------------
READ_HEAVY = RuleCard(
    id="read-heavy-without-cache",
    title="Read-heavy problem with no cache on the read path",
    scope="board",
    severity="warning",
    detects="The problem is read-heavy (tagged 'read-heavy', or your estimate in the "
    "estimation calculator gives ten reads or more per write) and no cache or CDN is "
    "reachable from a client.",
    why="At a high read ratio the database serves the same hot data again and again; a cache "
    "or CDN takes most reads off it and cuts latency.",
    fix="Add a cache (or a CDN for static and media content) on the read path, and say what "
    "is cached, for how long and how it is invalidated.",
    false_positives="Services that keep the hot set in their own memory, or read replicas "
    "labelled as such; label them, or mark the finding intended.",
)


def read_heavy_without_cache(inp: CheckInput) -> Iterator[Hit]:
    tags = inp.problem.tags if inp.problem is not None else ()
    ratio = inp.figures.reads_per_write if inp.figures is not None else None
    if "read-heavy" not in tags and not (ratio is not None and ratio >= READ_HEAVY_RATIO):
        return
    board = inp.board
    if not board.nodes:
        return
    clients = [n.id for n in board.nodes if n.kind in CLIENTS]
    seen = reachable(clients, board.flow) if clients else set(board.by_id)
    for node_id in seen:
        node = board.by_id[node_id]
        if node.kind in ("cache", "cdn") or _CACHE_WORDS.search(node.label):
            return
    why = (
        "The problem is tagged read-heavy"
        if "read-heavy" in tags
        else f"Your estimate gives about {ratio:,.0f} reads per write"
    )
    yield Hit(f"{why}, but no cache or CDN is on the read path.", tuple(clients))


# -- queues nothing reads or nothing writes -------------------------------------------------
NO_CONSUMER = RuleCard(
    id="queue-without-consumer",
    title="Queue or stream that nothing consumes",
    scope="board",
    severity="problem",
    detects="A message queue or stream with connectors, none of which leads to a consumer "
    "(no connector out of it, and no connector into it labelled 'consume', 'poll' or "
    "'subscribe'). An arrow into it from a worker, notification service or warehouse counts "
    "as its consumer when it has none, else as a producer.",
    why="Messages pile up until the queue is full and the producers fail: the work the queue "
    "stands for never happens.",
    fix="Draw the worker or service that consumes it (an arrow from the queue to it, or a "
    "connector labelled 'consume').",
    false_positives="A consumer drawn as a connector into the queue from a service with an "
    "unlabelled arrow (the pull direction); label it 'consume' or 'poll'.",
)
NO_PRODUCER = RuleCard(
    id="queue-without-producer",
    title="Queue or stream that nothing produces to",
    scope="board",
    severity="warning",
    detects="A message queue or stream with connectors, none of which brings messages in.",
    why="A queue nobody writes to carries no work; the step that should publish to it is "
    "missing from the diagram.",
    fix="Connect the component that publishes the messages, with an arrow into the queue.",
    false_positives="Streams fed from outside the drawing (change-data capture from a "
    "database drawn elsewhere); draw the source or mark it intended.",
)


def _queue_ends(board: BoardView, node: Node) -> tuple[bool, bool]:
    """(has a producer, has a consumer) of a queue or stream.

    An arrow into the queue from a worker (or a notification service, a warehouse) may
    be a consumer pulling or a producer publishing: it stands for whichever end is
    missing, the consumer first.
    """
    producer = consumer = either = False
    for link in board.links_of[node.id]:
        into = link.target == node.id
        other = board.by_id[link.source if into else link.target]
        if link.two_way:
            producer = consumer = True
        elif into and _PULL.search(link.label):
            consumer = True
        elif into and other.kind in CONSUMER_KINDS:
            either = True
        elif into:
            producer = True
        else:
            consumer = True
    if either and not consumer:
        consumer = True
    elif either:
        producer = True
    return producer, consumer


def queue_without_consumer(inp: CheckInput) -> Iterator[Hit]:
    for node in inp.board.of_kind(MESSAGING):
        if inp.board.links_of[node.id] and not _queue_ends(inp.board, node)[1]:
            yield Hit(f"Nothing consumes {_n(node)}.", (node.id,))


def queue_without_producer(inp: CheckInput) -> Iterator[Hit]:
    for node in inp.board.of_kind(MESSAGING):
        if inp.board.links_of[node.id] and not _queue_ends(inp.board, node)[0]:
            yield Hit(f"Nothing produces to {_n(node)}.", (node.id,))


# -- long synchronous chains ------------------------------------------------------------------
LONG_CHAIN = RuleCard(
    id="long-sync-chain",
    title="Long synchronous chain on the request path",
    scope="board",
    severity="warning",
    detects=f"More than {MAX_SYNC_HOPS} synchronous (solid) calls in a row starting at a client.",
    why="Each hop adds latency and a chance to fail; a request waits for the slowest link and "
    "fails when any one does, so long chains hurt both p99 latency and availability.",
    fix="Move work that need not finish before the response behind a queue (dashed "
    "connector), merge chatty services, or call services in parallel from one place.",
    false_positives="Chains drawn as a sequence for readability whose calls actually run in "
    "parallel; say so and mark the finding intended.",
)


def long_sync_chain(inp: CheckInput) -> Iterator[Hit]:
    board = inp.board
    clients = [n.id for n in board.nodes if n.kind in CLIENTS]
    path = longest_chain(clients, board.sync_flow)
    if len(path) - 1 > MAX_SYNC_HOPS:
        names = " → ".join(board.by_id[i].name for i in path)
        yield Hit(
            f"A request makes {len(path) - 1} synchronous calls in a row: {names}.", tuple(path)
        )


# -- a database with no replica or backup ------------------------------------------------------
LONE_DATABASE = RuleCard(
    id="single-database-writes",
    title="Writes go to a single database with no replica or backup",
    scope="board",
    severity="warning",
    detects="A SQL or NoSQL database with connectors, drawn as one instance, with no replica, "
    "standby or backup beside it and none named in its label or note.",
    why="The one copy of the data is lost with its disk or its machine; durability needs a "
    "second copy, and failover needs a replica that is already warm.",
    fix="Set the instance count (primary plus replicas), draw the replica or the backup "
    "store, or name the replication in the database's label ('primary + 2 replicas').",
    false_positives="Managed databases that replicate by default; a word in the label "
    "('Aurora, multi-AZ') or an instance count says it.",
)


def single_database_writes(inp: CheckInput) -> Iterator[Hit]:
    board = inp.board
    for node in board.of_kind(DATABASES):
        if not board.links_of[node.id] or _replicated_store(board, node):
            continue
        if node.note and _BACKUP.search(node.note):
            continue
        yield Hit(f"{_n(node)} holds the only copy of its data: no replica or backup.", (node.id,))


WRITE_RATE = RuleCard(
    id="write-rate-beyond-one-database",
    title="Write rate beyond what one database handles",
    scope="board",
    severity="warning",
    detects=f"Your estimate (the estimation calculator's peak write rate, else its average) "
    f"above {ONE_DATABASE_WRITES_PER_S:,.0f} writes per second with a single, unsharded "
    "database drawn.",
    why="One database node takes writes in the thousands per second; above that it needs "
    "sharding, a write-optimised store or a queue that batches writes.",
    fix="Shard or partition the store (say on what key), or put the writes behind a queue "
    "and batch them.",
    false_positives="Stores built to scale writes out (Cassandra, DynamoDB) drawn as one box; "
    "name the partitioning in the label.",
)


def write_rate_beyond_one_database(inp: CheckInput) -> Iterator[Hit]:
    writes = inp.figures.write_per_s if inp.figures is not None else None
    if writes is None or writes <= ONE_DATABASE_WRITES_PER_S:
        return
    databases = inp.board.of_kind(DATABASES)
    if len(databases) == 1 and not databases[0].says_replicated:
        yield Hit(
            f"Your estimate sends about {writes:,.0f} writes per second to {_n(databases[0])}, "
            "a single node.",
            (databases[0].id,),
        )


BOARD_RULES: tuple[Rule, ...] = (
    Rule(ISOLATED, isolated),
    Rule(CLIENT_TO_DATA, client_to_database),
    Rule(CLIENT_TO_OBJECTS, client_to_object_store),
    Rule(SPOF, single_point_of_failure),
    Rule(READ_HEAVY, read_heavy_without_cache),
    Rule(NO_CONSUMER, queue_without_consumer),
    Rule(NO_PRODUCER, queue_without_producer),
    Rule(LONG_CHAIN, long_sync_chain),
    Rule(LONE_DATABASE, single_database_writes),
    Rule(WRITE_RATE, write_rate_beyond_one_database),
)
