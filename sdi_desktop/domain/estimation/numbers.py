"""The numbers card: latency, powers of two, time, what one machine handles.

Each entry carries its source. The latency figures are the table Peter Norvig published
in "Teach Yourself Programming in Ten Years" (2001) and Jeff Dean showed in his talks
(2009-2010), with the SSD rows of the version shared widely in 2012: orders of magnitude
for the hardware of those years, to compare with each other, not to quote as today's
measurements. Every figure that can be recomputed is (``tests/unit/estimation``).
"""

from __future__ import annotations

from dataclasses import dataclass

LATENCY_SOURCE = (
    "Norvig, 'Teach Yourself Programming in Ten Years' (2001); Dean, talks at LADIS 2009 "
    "and Stanford 2010; SSD rows from the widely shared 2012 version. Orders of magnitude."
)
CAPACITY_NOTE = "rough, for a commodity server; measure your own workload"


@dataclass(frozen=True, slots=True)
class NumberEntry:
    section: str
    label: str
    value: str  # as the card shows it; parse_quantity reads it (see the tests)
    note: str
    source: str
    cite: str = ""  # the source in a few words, for the card's column

    def haystack(self) -> str:
        return " ".join((self.section, self.label, self.value, self.note, self.source)).lower()


def _latency(label: str, value: str, note: str, year: str = "2009") -> NumberEntry:
    cite = "Norvig (2001)" if year == "2001" else f"Dean ({year})"
    if year == "2012":
        cite = "Dean's table, 2012 version"
    return NumberEntry("Latency", label, value, note, f"{LATENCY_SOURCE} ({year})", cite)


LATENCY: tuple[NumberEntry, ...] = (
    _latency("L1 cache reference", "0.5 ns", "", "2001"),
    _latency("Branch mispredict", "5 ns", "", "2001"),
    _latency("L2 cache reference", "7 ns", "14x L1", "2001"),
    _latency("Mutex lock/unlock", "25 ns", "", "2001"),
    _latency("Main memory reference", "100 ns", "20x L2, 200x L1", "2001"),
    _latency("Compress 1 KB (Snappy/Zippy)", "3 µs", "", "2012"),
    _latency("Send 1 KB over a 1 Gbit/s network", "10 µs", ""),
    _latency("Read 4 KB at random from an SSD", "150 µs", "~1 GB/s SSD", "2012"),
    _latency("Read 1 MB sequentially from memory", "250 µs", ""),
    _latency("Round trip within a data centre", "500 µs", "half a millisecond"),
    _latency("Read 1 MB sequentially from an SSD", "1 ms", "4x memory", "2012"),
    _latency("Disk seek", "10 ms", "20x a data-centre round trip"),
    _latency("Read 1 MB sequentially from disk", "20 ms", "80x memory, 20x SSD"),
    _latency("Packet California -> Netherlands -> California", "150 ms", "across continents"),
)

POWERS_SOURCE = "arithmetic: 2^n, and the SI/IEC names for 10^3n and 2^10n"
POWERS: tuple[NumberEntry, ...] = tuple(
    NumberEntry("Powers of two", f"2^{n}", value, note, POWERS_SOURCE, "arithmetic")
    for n, value, note in (
        (8, "256", "one byte's values"),
        (10, "1,024", "~1 thousand: KiB (~KB)"),
        (16, "65,536", "~65 thousand"),
        (20, "1,048,576", "~1 million: MiB (~MB)"),
        (30, "1,073,741,824", "~1 billion: GiB (~GB)"),
        (32, "4,294,967,296", "~4.3 billion: every 32-bit id"),
        (40, "1,099,511,627,776", "~1 trillion: TiB (~TB)"),
        (50, "1,125,899,906,842,624", "~1 quadrillion: PiB (~PB)"),
        (64, "18,446,744,073,709,551,616", "~1.8 x 10^19: every 64-bit id"),
    )
)

TIME_SOURCE = "arithmetic (a month of 30 days, a year of 365 days)"
TIME: tuple[NumberEntry, ...] = (
    NumberEntry("Time", "Seconds in a minute", "60 s", "", TIME_SOURCE, "arithmetic"),
    NumberEntry("Time", "Seconds in an hour", "3,600 s", "", TIME_SOURCE, "arithmetic"),
    NumberEntry(
        "Time", "Seconds in a day", "86,400 s", "~100,000 for quick sums", TIME_SOURCE, "arithmetic"
    ),
    NumberEntry(
        "Time", "Seconds in a month", "2,592,000 s", "~2.5 million", TIME_SOURCE, "arithmetic"
    ),
    NumberEntry(
        "Time", "Seconds in a year", "31,536,000 s", "~30 million", TIME_SOURCE, "arithmetic"
    ),
    NumberEntry("Time", "1 M a day", "11.6 /s", "~12 per second", TIME_SOURCE, "arithmetic"),
    NumberEntry("Time", "1 B a day", "11,574 /s", "~12,000 per second", TIME_SOURCE, "arithmetic"),
    NumberEntry("Time", "1 B a month", "386 /s", "~400 per second", TIME_SOURCE, "arithmetic"),
)

CAPACITY: tuple[NumberEntry, ...] = (
    NumberEntry(
        "One machine",
        "Web/app server, simple requests",
        "1K-10K /s",
        "more for static or cached replies, less with heavy work per request",
        "interview rule of thumb; TechEmpower benchmarks show 100K+/s for trivial handlers",
        "rule of thumb; TechEmpower",
    ),
    NumberEntry(
        "One machine",
        "Relational database, writes",
        "1K-10K /s",
        "transactions per second on one primary; reads scale with replicas",
        "rule of thumb; pgbench and sysbench results on one server are in this range",
        "rule of thumb; pgbench",
    ),
    NumberEntry(
        "One machine",
        "In-memory key-value store (Redis)",
        "100K /s",
        "simple GET/SET on one instance; more with pipelining",
        "redis.io documentation, 'Redis benchmark'",
        "redis.io benchmarks",
    ),
    NumberEntry(
        "One machine",
        "Log broker (Kafka), one broker",
        "100 MB/s",
        "hundreds of MB/s of sequential appends",
        "Kreps, 'Benchmarking Apache Kafka: 2 Million Writes Per Second' (LinkedIn, 2014)",
        "Kreps (2014)",
    ),
    NumberEntry(
        "One machine",
        "Open connections (chat, push)",
        "100K-1M",
        "idle connections; WhatsApp reported 2 M on one server",
        "WhatsApp engineering blog, '1 million is so 2011' (2012)",
        "WhatsApp (2012)",
    ),
    NumberEntry(
        "One machine",
        "Memory",
        "64-512 GB",
        CAPACITY_NOTE,
        "cloud providers' instance lists",
        "cloud instance lists",
    ),
    NumberEntry(
        "One machine", "SSD", "1-8 TB", "per drive; ~1 GB/s", "vendors' data sheets", "data sheets"
    ),
    NumberEntry(
        "One machine",
        "Hard disk",
        "4-20 TB",
        "per drive; ~100-200 MB/s",
        "vendors' data sheets",
        "data sheets",
    ),
    NumberEntry(
        "One machine",
        "Network card",
        "10-25 Gbit/s",
        "~1-3 GB/s",
        "cloud providers' lists",
        "cloud instance lists",
    ),
)

SECTIONS: tuple[tuple[str, tuple[NumberEntry, ...]], ...] = (
    ("Latency", LATENCY),
    ("Powers of two", POWERS),
    ("Time", TIME),
    ("One machine", CAPACITY),
)
ENTRIES: tuple[NumberEntry, ...] = LATENCY + POWERS + TIME + CAPACITY


def search(query: str) -> list[NumberEntry]:
    """The entries holding every word of ``query`` (case-insensitive); all for ''."""
    words = query.lower().split()
    return [e for e in ENTRIES if all(w in e.haystack() for w in words)]
