"""What a component is for, in words a candidate knows: cache, queue or stream, CDN...

A typed component's role comes from its kind (certain). A generic box's role is guessed
from the words of its label (a box called "Redis" is probably a cache): a guess, and the
comparison says so. Replicas are a role of their own, read from labels and notes.
"""

from __future__ import annotations

import re

ROLE_TITLES: dict[str, str] = {
    "client": "client",
    "dns": "DNS",
    "cdn": "CDN",
    "load_balancer": "load balancer",
    "api_gateway": "API gateway",
    "service": "application service",
    "worker": "background worker",
    "cache": "cache",
    "database": "database",
    "object_store": "object store",
    "messaging": "queue or stream",
    "search": "search index",
    "rate_limiter": "rate limiter",
    "auth": "auth service",
    "notification": "notification service",
    "scheduler": "scheduler",
    "monitoring": "monitoring",
    "warehouse": "analytics store",
    "external": "external service",
    "replica": "replicas",
}

ROLE_OF_KIND: dict[str, str] = {
    "client": "client",
    "mobile": "client",
    "dns": "dns",
    "cdn": "cdn",
    "load_balancer": "load_balancer",
    "api_gateway": "api_gateway",
    "web_server": "service",
    "service": "service",
    "worker": "worker",
    "cache": "cache",
    "sql_db": "database",
    "nosql_db": "database",
    "object_store": "object_store",
    "queue": "messaging",
    "stream": "messaging",
    "search": "search",
    "rate_limiter": "rate_limiter",
    "auth": "auth",
    "notification": "notification",
    "scheduler": "scheduler",
    "monitoring": "monitoring",
    "warehouse": "warehouse",
    "external": "external",
}

# For generic boxes: the first role with a word in the label wins, so the specific roles
# come before the vague ones ("Link store cache" is a cache, "API" only a service).
_GUESS_WORDS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (role, frozenset(text.split()))
    for role, text in (
        ("cache", "cache caches cached caching redis memcached memcache lru"),
        (
            "messaging",
            "queue queues kafka stream streams rabbitmq sqs kinesis pubsub "
            "topic topics broker mq bus sns",
        ),
        ("cdn", "cdn cdns cloudfront akamai fastly edge"),
        ("load_balancer", "lb lbs balancer balancers haproxy elb alb"),
        ("search", "search elasticsearch solr lucene opensearch"),
        ("object_store", "s3 blob blobs bucket buckets object objects gcs"),
        ("warehouse", "warehouse hadoop spark olap bigquery snowflake hdfs"),
        (
            "database",
            "db dbs database databases sql postgres postgresql mysql nosql "
            "cassandra dynamodb dynamo mongodb mongo store stores table tables ledger kv",
        ),
        ("api_gateway", "gateway"),
        ("rate_limiter", "limiter throttle throttling quota"),
        ("auth", "auth login identity oauth sso"),
        ("notification", "notification notifications notifier push email sms"),
        ("scheduler", "scheduler cron"),
        ("monitoring", "monitoring metrics prometheus alerting grafana"),
        ("worker", "worker workers consumer consumers job jobs processor aggregator"),
        ("dns", "dns route53"),
        ("client", "client clients browser browsers user users mobile ios android phone"),
        ("service", "service services server servers api app backend microservice web"),
    )
)
_REPLICA_WORDS = frozenset(
    re.findall(r"\w+", "replica replicas replicated replication follower followers standby")
)
_WORD = re.compile(r"[a-z0-9]+")


def label_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def guess_role(label: str) -> str | None:
    """The role a generic box's label suggests, or None."""
    found = set(label_words(label))
    for role, vocabulary in _GUESS_WORDS:
        if found & vocabulary:
            return role
    return None


def role_of(kind: str, label: str) -> tuple[str | None, bool]:
    """(role, guessed): from the kind when it is typed, else a guess from the label."""
    role = ROLE_OF_KIND.get(kind)
    if role is not None:
        return role, False
    return guess_role(label), True


def mentions_replicas(*texts: str) -> bool:
    return any(_REPLICA_WORDS.intersection(label_words(t)) for t in texts)


def role_title(role: str | None) -> str:
    return ROLE_TITLES.get(role or "", "unrecognised component")


_ROLE_VOCABULARY = frozenset().union(*(words for _role, words in _GUESS_WORDS))


def specific_words(label: str) -> set[str]:
    """The words of a label that say more than its role ("click", not "service")."""
    return {w for w in label_words(label) if w not in _ROLE_VOCABULARY and len(w) > 1}
