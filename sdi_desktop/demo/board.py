"""A realistic example board (a URL shortener), for screenshots and first-run demos."""

from __future__ import annotations

from sdi_desktop.domain.board.elements import Component, Connector, Element, TextNote, Zone


def url_shortener_board() -> list[Element]:
    c = {}

    def comp(key: str, kind: str, label: str, x: float, y: float) -> None:
        c[key] = Component(id=key, kind=kind, label=label, x=x, y=y)

    comp("web", "client", "Browser", -90, 150)
    comp("app", "mobile", "Mobile app", -90, 300)
    comp("dns", "dns", "DNS", 200, 20)
    comp("cdn", "cdn", "CDN (301 cache)", 200, 225)
    comp("lb", "load_balancer", "Load balancer", 400, 225)
    comp("limit", "rate_limiter", "Rate limiter", 400, 420)
    comp("write", "service", "Shorten service", 620, 110)
    comp("read", "service", "Redirect service", 620, 340)
    comp("ids", "worker", "ID range allocator", 840, 20)
    comp("cache", "cache", "Redis", 840, 340)
    comp("db", "nosql_db", "URL store", 1060, 225)
    comp("events", "stream", "Kafka: clicks", 840, 500)
    comp("analytics", "warehouse", "Click analytics", 1060, 500)
    comp("metrics", "monitoring", "Monitoring", 1060, 40)

    def link(a: str, b: str, label: str = "", style: str = "sync") -> Connector:
        return Connector(id=f"{a}-{b}", source=a, target=b, label=label, style=style)

    connectors = [
        link("web", "cdn", "GET /abc123"),
        link("app", "cdn"),
        link("web", "dns", style="async"),
        link("cdn", "lb"),
        link("lb", "limit", "per client"),
        link("lb", "write", "POST /urls"),
        link("lb", "read"),
        link("write", "ids", "next range"),
        link("write", "db", "put"),
        link("read", "cache", "get"),
        link("cache", "db", "miss"),
        link("read", "events", "click", "async"),
        link("events", "analytics", style="async"),
    ]
    zones = [
        Zone(id="zone-write", title="Write path", x=590, y=-10, w=430, h=250),
        Zone(id="zone-read", title="Read path (100:1)", x=590, y=300, w=430, h=170),
    ]
    notes = [
        TextNote(id="note", text="7-char base62 ids = 3.5 trillion URLs", x=590, y=620, size=14)
    ]
    return [*zones, *c.values(), *connectors, *notes]
