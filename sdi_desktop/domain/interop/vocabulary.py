"""The words and shape names that kind guessing reads (``kind_guess.py``), beside
quick-add's own vocabulary in ``domain/board/kinds.py``. docs/interop.md shows them
as a table, generated from here."""

from __future__ import annotations

# fmt: off
# Product and cloud names quick-add does not list, by kind (words or phrases).
EXTRA_WORDS: dict[str, tuple[str, ...]] = {
    'client': (
        'users', 'client', 'clients', 'customer', 'customers', 'actor', 'person', 'end user',
        'web browser', 'laptop', 'internet user',
    ),
    'mobile': (
        'iphone', 'mobile', 'mobile client', 'tablet',
    ),
    'dns': (
        'route53', 'route 53', 'dns',
    ),
    'cdn': (
        'cloudfront', 'akamai', 'fastly', 'cloudflare', 'cdn',
    ),
    'load_balancer': (
        'elb', 'alb', 'nlb', 'haproxy', 'envoy', 'traefik', 'load balancing', 'load balancer',
        'balancing',
    ),
    'api_gateway': (
        'kong', 'apigee', 'apigw', 'api gateway', 'api management',
    ),
    'web_server': (
        'nginx', 'apache', 'httpd', 'iis', 'caddy', 'tomcat', 'web server',
    ),
    'service': (
        'lambda', 'ec2', 'ecs', 'eks', 'fargate', 'kubernetes', 'k8s', 'cloud run',
        'cloud functions', 'app engine', 'app service', 'docker', 'container', 'pod',
        'compute engine', 'vm', 'server', 'servers', 'services', 'microservices', 'function',
        'functions', 'beanstalk',
    ),
    'worker': (
        'workers', 'celery', 'sidekiq', 'consumers', 'flink',
    ),
    'cache': (
        'redis', 'memcached', 'memcache', 'elasticache', 'memorystore', 'hazelcast', 'varnish',
        'caching',
    ),
    'sql_db': (
        'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'aurora', 'rds', 'sqlite', 'oracle',
        'sql server', 'mssql', 'cockroachdb', 'spanner', 'cloud sql', 'azure sql', 'databases',
        'sql database', 'tidb', 'vitess',
    ),
    'nosql_db': (
        'mongo', 'mongodb', 'dynamo', 'dynamodb', 'cassandra', 'scylla', 'scylladb', 'couchbase',
        'couchdb', 'cosmos', 'cosmos db', 'cosmosdb', 'bigtable', 'hbase', 'firestore',
        'datastore', 'riak',
    ),
    'object_store': (
        's3', 'gcs', 'blob storage', 'blobs', 'minio', 'cloud storage', 'glacier',
        'object storage', 'object store', 'simple storage',
    ),
    'queue': (
        'rabbitmq', 'rabbit', 'sqs', 'activemq', 'service bus', 'servicebus', 'zeromq', 'queues',
        'message queue', 'simple queue',
    ),
    'stream': (
        'kafka', 'kinesis', 'pulsar', 'event hub', 'event hubs', 'eventhub', 'pub sub', 'pubsub',
        'eventbridge', 'msk', 'nats', 'redpanda', 'streams', 'event bus',
    ),
    'search': (
        'elasticsearch', 'opensearch', 'solr', 'lucene', 'algolia', 'meilisearch', 'search',
    ),
    'warehouse': (
        'redshift', 'bigquery', 'snowflake', 'hadoop', 'spark', 'hive', 'athena', 'emr', 'glue',
        'databricks', 'clickhouse', 'presto', 'trino', 'data lake', 'datalake', 'data warehouse',
        'hdfs',
    ),
    'monitoring': (
        'prometheus', 'grafana', 'datadog', 'cloudwatch', 'new relic', 'splunk', 'kibana',
        'jaeger', 'sentry', 'elk', 'logging',
    ),
    'auth': (
        'cognito', 'okta', 'auth0', 'keycloak', 'ldap', 'active directory', 'iam',
        'authentication', 'authorization', 'auth',
    ),
    'notification': (
        'sns', 'twilio', 'sendgrid', 'fcm', 'apns', 'ses', 'notifications',
    ),
    'scheduler': (
        'airflow', 'step functions', 'quartz', 'scheduler', 'cron job',
    ),
    'rate_limiter': (
        'rate limit', 'rate limiting', 'throttling',
    ),
    'external': (
        'stripe', 'paypal', 'payment provider', 'external api', 'internet',
    ),
}

# Words above that are plain English rather than product names: they rank as aliases.
GENERIC_WORDS = frozenset((
    'actor', 'auth', 'authentication', 'authorization', 'balancing', 'blobs', 'caching', 'cdn',
    'client', 'clients', 'consumer', 'consumers', 'container', 'customer', 'customers',
    'databases', 'dns', 'function', 'functions', 'internet', 'laptop', 'logging',
    'microservices', 'mobile', 'notifications', 'person', 'pod', 'queues', 'scheduler',
    'search', 'server', 'servers', 'services', 'streams', 'tablet', 'throttling', 'users',
    'vm', 'workers',
))

# Words of a style or icon name that say nothing about the kind.
VENDOR_WORDS = frozenset((
    'amazon', 'aws', 'aws3', 'aws4', 'azure', 'azure2', 'basic', 'cisco', 'cisco19',
    'flowchart', 'gcp', 'gcp2', 'general', 'google', 'icon', 'icons', 'img', 'lib',
    'microsoft', 'mxgraph', 'network', 'networks', 'png', 'prim', 'resicon', 'resourceicon',
    'shape', 'svg',
))

# Style names that mean one kind whatever the label says.
SHAPE_KINDS: dict[str, str] = {
    'cylinder': 'sql_db',
    'cylinder2': 'sql_db',
    'cylinder3': 'sql_db',
    'datastore': 'sql_db',
    'database': 'sql_db',
    'mxgraph.flowchart.database': 'sql_db',
    'mxgraph.flowchart.stored_data': 'sql_db',
    'actor': 'client',
    'umlactor': 'client',
    'mxgraph.basic.person': 'client',
    'cloud': 'external',
    'mxgraph.flowchart.direct_data': 'queue',
}

# Icon libraries whose names say what a thing is (draw.io's cloud and network icons).
ICON_LIBRARIES = (
    'mxgraph.aws', 'mxgraph.azure', 'mxgraph.gcp', 'mxgraph.cisco', 'mxgraph.networks',
    'mxgraph.kubernetes', 'mxgraph.alibaba', 'mxgraph.ibm', 'img/lib/', 'images/',
)
# fmt: on
