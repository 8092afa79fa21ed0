"""Storage speed for a library of 10,000 saved sessions (issue 6).

Seeds 10,000 realistic sessions into a temporary data directory, then times:
listing them all (budget 200 ms; the library view's query), a full-text search
(50 ms), ``get()`` of a session with a 1,000-component board including parsing the
board (500 ms), one ``save()`` of a typical session (done off the UI thread; reported
against 50 ms) and opening the store (integrity check + migrations; 500 ms).

    python benchmarks/library_storage.py          # 10,000 sessions
    python benchmarks/library_storage.py --n 2000

``seed_sessions(store, n)`` is reusable: ``sys.path`` the benchmarks folder, then
``from library_storage import seed_sessions``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line, sized

PROBLEMS = [
    ("url-shortener", "Design a URL shortener"),
    ("chat", "Design a chat service"),
    ("news-feed", "Design a news feed"),
    ("rate-limiter", "Design a rate limiter"),
    ("kv-store", "Design a distributed key-value store"),
    ("web-crawler", "Design a web crawler"),
    ("notifications", "Design a notification system"),
    ("video", "Design a video streaming platform"),
    ("search-autocomplete", "Design search autocomplete"),
    ("payments", "Design a payment system"),
    ("ride-hailing", "Design a ride-hailing service"),
    ("file-sync", "Design a file sync service"),
]
VOCABULARY = (
    "cache shard replica leader follower quorum partition consistent hashing queue kafka "
    "stream batch latency throughput p99 read write heavy fanout timeline websocket "
    "gateway load balancer cdn edge region failover idempotent retry backoff token bucket "
    "sliding window counter redis cassandra postgres index bloom filter compaction wal "
    "snapshot lease heartbeat gossip vector clock eventual strong isolation rollback "
    "saga outbox dedupe ttl eviction lru hot key celebrity pagination cursor offset "
    "schema blob object store presigned upload chunk resumable checksum monitoring alert"
)
WORDS = VOCABULARY.split()
# Rarer subjects: each one turns up in about 1 pane in 100, as specific topics do.
RARE = ["geohash quadtree", "hyperloglog sketch", "merkle tree anti-entropy", "two-phase commit"]
TAGS = ["mock", "timed", "with-friend", "retry", "weak-spot", "interview-week"]
PANES = ("requirements", "estimates", "api", "data_model", "deep_dive", "wrap_up")


def _text(rng: random.Random, words: int) -> str:
    lines = [f"- {rare}" for rare in RARE if rng.random() < 0.01]
    while words > 0:
        n = min(words, rng.randint(6, 14))
        lines.append("- " + " ".join(rng.choice(WORDS) for _ in range(n)))
        words -= n
    return "\n".join(lines)


def _small_board(rng: random.Random) -> list[dict]:
    from sdi_desktop.demo.board import url_shortener_board

    board = [e.to_dict() for e in url_shortener_board()]
    return board if rng.random() < 0.5 else board[: len(board) // 2 + 2]


def seed_sessions(store, n: int, seed: int = 6) -> list[int]:
    """Add ``n`` realistic sessions to ``store`` in one batched transaction; their ids."""
    from sqlalchemy import func, insert, select

    from sdi_desktop.domain.formats import presets
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.storage import codec
    from sdi_desktop.storage.database import writing
    from sdi_desktop.storage.tables import FTS_TABLE, BoardRow, NoteRow, SessionRow, TagRow

    rng = random.Random(seed)
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    boards = [codec.board_to_json(_small_board(rng)) for _ in range(8)]
    sessions, notes, board_rows, tags = [], [], [], []
    with writing(store.engine) as conn:
        first = (conn.execute(select(func.max(SessionRow.__table__.c.id))).scalar() or 0) + 1
        for i in range(n):
            session_id = first + i
            problem_id, problem_title = rng.choice(PROBLEMS)
            fmt = rng.choice(presets())
            spent = [b * rng.uniform(0.5, 1.4) for b in fmt.budgets]
            begun = start + timedelta(hours=i * 2.3 + rng.random())
            finished = rng.random() < 0.9
            record = SessionRecord(
                title=f"{problem_title.removeprefix('Design ')} #{i % 17 + 1}",
                problem_id=problem_id,
                problem_title=problem_title,
                prompt=f"{problem_title}. " + _text(rng, 30),
                format=fmt,
                clock={
                    "format": fmt.to_dict(),
                    "spent": spent,
                    "current": 3,
                    "state": "finished" if finished else "paused",
                },
                checklist={"scope": [0, 1, 2], "high_level": [0, 2]},
                status="finished" if finished else "active",
                started_at=begun,
                ended_at=begun + timedelta(seconds=sum(spent)) if finished else None,
                updated_at=begun + timedelta(seconds=sum(spent)),
            )
            sessions.append({"id": session_id, **codec.session_values(record)})
            notes += [
                {"session_id": session_id, "pane": pane, "body": _text(rng, rng.randint(20, 90))}
                for pane in PANES
            ]
            board_rows.append({"session_id": session_id, "board_json": rng.choice(boards)})
            tags += [
                {"session_id": session_id, "name": t} for t in rng.sample(TAGS, rng.randint(0, 2))
            ]
        conn.execute(insert(SessionRow.__table__), sessions)
        conn.execute(insert(NoteRow.__table__), notes)
        conn.execute(insert(BoardRow.__table__), board_rows)
        if tags:
            conn.execute(insert(TagRow.__table__), tags)
        conn.exec_driver_sql(
            f"""INSERT INTO {FTS_TABLE} (rowid, title, notes)
                SELECT s.id, s.title,
                       coalesce((SELECT group_concat(n.body, char(10)) FROM note n
                                 WHERE n.session_id = s.id), '')
                FROM session s WHERE s.id >= ?""",
            (first,),
        )
    return list(range(first, first + n))


def big_board(components: int) -> list[dict]:
    from sdi_desktop.domain.board.elements import Component, Connector
    from sdi_desktop.domain.board.kinds import KINDS

    elements = []
    for i in range(components):
        kind = KINDS[i % len(KINDS)].key
        elements.append(
            Component(
                id=f"c{i}", kind=kind, label=f"{kind} {i}", x=(i % 40) * 200.0, y=(i // 40) * 140.0
            )
        )
    for i in range(1, components):
        elements.append(Connector(id=f"k{i}", source=f"c{i - 1}", target=f"c{i}"))
    return [e.to_dict() for e in elements]


def _ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=sized(10_000, 50))
    n = parser.parse_args().n

    from sdi_desktop.domain.board.file_format import from_plain
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.storage.queries import SessionQuery
    from sdi_desktop.storage.store import Store

    ok = True
    with tempfile.TemporaryDirectory(prefix="sdi-bench-library-") as tmp:
        data_dir = Path(tmp)
        with Store.open(data_dir) as store:
            t0 = time.perf_counter()
            seed_sessions(store, n)
            print(f"seeded {n} sessions in {time.perf_counter() - t0:.2f} s")
            big = SessionRecord(title="A large board", problem_id="kv-store", board=big_board(1000))
            big_id = store.sessions.create(big)
        size = (data_dir / "sdi-desktop.db").stat().st_size / 1e6
        print(f"database: {size:.1f} MB")

        open_ms = _ms(lambda: Store.open(data_dir).close(), 3)
        with Store.open(data_dir) as store:
            store.sessions.list()  # warm the page cache and the statement cache
            listed = len(store.sessions.list())
            list_ms = _ms(store.sessions.list, 7)
            query = SessionQuery(text="hyperlog")  # a prefix, as typed
            found = len(store.sessions.list(query))
            search_ms = _ms(lambda: store.sessions.list(query), 7)
            broad = SessionQuery(text="cache")  # in nearly every session
            found_broad = len(store.sessions.list(broad))
            broad_ms = _ms(lambda: store.sessions.list(broad), 5)

            def open_big() -> None:
                record = store.sessions.get(big_id)
                from_plain(record.board)  # read and checked by get(), built here

            get_ms = _ms(open_big, 5)
            typical = store.sessions.get(big_id - 1)

            def save_typical() -> None:
                typical.notes["deep_dive"] += " more"
                store.sessions.save(typical)

            save_ms = _ms(save_typical, 21)
        print(f"listed {listed} sessions; search found {found}, broad search {found_broad}")
        ok &= bench_line("library_list_10k", list_ms, "ms", 200)
        ok &= bench_line("library_fts_search_10k", search_ms, "ms", 50)
        ok &= bench_line("library_fts_search_broad_10k", broad_ms, "ms", 200)
        ok &= bench_line("library_get_1000_components", get_ms, "ms", 500)
        ok &= bench_line("library_save_typical", save_ms, "ms", 50)
        ok &= bench_line("library_store_open_10k", open_ms, "ms", 500)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
