"""The component library: the kinds of box a user can place on the whiteboard.

Each kind has a label, a category (its colour family), the words that find it
in quick-add (aliases, product names) and an icon file under
``resources/icons/components/<key>.svg``.
"""

from __future__ import annotations

from typing import NamedTuple


class ComponentKind(NamedTuple):
    key: str
    label: str
    category: str
    aliases: tuple[str, ...] = ()
    # Product names that quick-add also finds; placing one keeps the name as label.
    products: tuple[str, ...] = ()


KINDS: tuple[ComponentKind, ...] = (
    ComponentKind("client", "Client", "edge", ("browser", "web client", "user", "desktop")),
    ComponentKind("mobile", "Mobile app", "edge", ("phone", "ios", "android")),
    ComponentKind("dns", "DNS", "edge", ("domain name", "resolver"), ("Route 53",)),
    ComponentKind("cdn", "CDN", "edge", ("edge cache", "content delivery"), ("CloudFront",)),
    ComponentKind(
        "load_balancer",
        "Load balancer",
        "traffic",
        ("lb", "balancer", "proxy"),
        ("HAProxy", "ELB"),
    ),
    ComponentKind("api_gateway", "API gateway", "traffic", ("gateway", "api", "edge proxy")),
    ComponentKind("web_server", "Web server", "compute", ("http server", "frontend"), ("nginx",)),
    ComponentKind(
        "service",
        "Service",
        "compute",
        ("app", "application", "backend", "microservice", "api server"),
    ),
    ComponentKind("worker", "Worker", "compute", ("consumer", "job", "background", "processor")),
    ComponentKind("cache", "Cache", "data", ("in-memory", "kv cache"), ("Redis", "Memcached")),
    ComponentKind(
        "sql_db",
        "SQL database",
        "data",
        ("relational", "rdbms", "db", "database", "sql"),
        ("PostgreSQL", "MySQL"),
    ),
    ComponentKind(
        "nosql_db",
        "NoSQL store",
        "data",
        ("key-value", "kv store", "document", "wide column", "nosql"),
        ("Cassandra", "DynamoDB", "MongoDB"),
    ),
    ComponentKind(
        "object_store", "Object storage", "data", ("blob", "bucket", "files", "storage"), ("S3",)
    ),
    ComponentKind(
        "queue", "Message queue", "messaging", ("mq", "queue", "broker"), ("RabbitMQ", "SQS")
    ),
    ComponentKind(
        "stream",
        "Pub/sub stream",
        "messaging",
        ("pubsub", "log", "event stream", "topic"),
        ("Kafka", "Kinesis"),
    ),
    ComponentKind("search", "Search index", "data", ("full text", "index"), ("Elasticsearch",)),
    ComponentKind("rate_limiter", "Rate limiter", "traffic", ("throttle", "quota", "limiter")),
    ComponentKind("auth", "Auth service", "traffic", ("login", "identity", "oauth", "sso")),
    ComponentKind(
        "notification", "Notification service", "messaging", ("push", "email", "sms", "notify")
    ),
    ComponentKind("scheduler", "Scheduler", "compute", ("cron", "timer", "jobs")),
    ComponentKind(
        "monitoring",
        "Monitoring",
        "other",
        ("metrics", "alerting", "observability", "logs"),
        ("Prometheus",),
    ),
    ComponentKind(
        "warehouse",
        "Data warehouse",
        "data",
        ("batch", "analytics", "olap", "etl", "hadoop"),
        ("Spark",),
    ),
    ComponentKind("external", "External service", "other", ("third party", "partner", "3rd party")),
    ComponentKind("box", "Box", "other", ("generic", "component", "rectangle", "other")),
)

KINDS_BY_KEY: dict[str, ComponentKind] = {k.key: k for k in KINDS}


def kind(key: str) -> ComponentKind:
    """The kind with this key; unknown keys fall back to the generic box."""
    return KINDS_BY_KEY.get(key, KINDS_BY_KEY["box"])
