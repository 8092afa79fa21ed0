# ruff: noqa: E501 (stored Markdown: lines are as long as the writer makes them)
"""The notes of the demo session (a URL shortener), as the panes store them.

Used by ``sdi-desktop screenshots`` and by the tests of the Markdown export.
"""

from __future__ import annotations

REQUIREMENTS = """## Functional

1. Shorten a long URL to a 7-character code
   - optional custom alias, checked for clashes
   - optional expiry date
2. Redirect a short URL to the original
3. Count clicks per link (daily totals are enough)

## Non-functional

- **Redirects are fast**: p99 under 50 ms
- **Highly available**: a dead redirect breaks someone else's page
- Codes are *not guessable* in sequence
- Read-heavy: about 100 reads per write

## Out of scope

- Accounts, editing a link after creation, link previews

## Assumptions

- [x] 100 M new links a day (agreed)
- [x] Links live 5 years unless they expire
- [ ] Analytics may lag by minutes (to confirm)
"""

ESTIMATES = """## Back of the envelope

| Quantity | Assumption                       | Result                                |
| -------- | -------------------------------- | ------------------------------------- |
| Writes   | 100 M links a day / 86,400 s     | ~1,200 per second                     |
| Reads    | 100 reads per write, ×2 at peak  | ~116,000 per second (230,000 at peak) |
| Storage  | 36.5 B links a year × 500 B      | ~18 TB a year (91 TB in 5 years)      |
| Cache    | 20 % of 10 B daily reads × 500 B | ~1 TB of RAM                          |

Code space: 62^7 ≈ 3.5 trillion codes, so 7 characters last ~100 years at this rate.
"""

API = """## Endpoints

| Method | Path                         | Request                             | Response                                |
| ------ | ---------------------------- | ----------------------------------- | --------------------------------------- |
| `POST` | `/api/v1/links`              | `long_url`, `alias?`, `expires_at?` | `201` with `code`                       |
| `GET`  | `/{code}`                    |                                     | `302` to the long URL, `404` if unknown |
| `GET`  | `/api/v1/links/{code}/stats` | `from`, `to`                        | daily click counts                      |

- `302`, not `301`: browsers cache a `301` and the clicks would never reach the counts
- Rate-limit `POST` per API key to stop abuse
"""

DATA_MODEL = """## Entities

| Entity     | Fields                                            | Key         | Store             |
| ---------- | ------------------------------------------------- | ----------- | ----------------- |
| Link       | code, long_url, created_at, expires_at, owner_key | code        | key-value store   |
| ClickDaily | code, day, count                                  | (code, day) | wide-column store |

```sql
CREATE TABLE links (
    code        CHAR(7) PRIMARY KEY,
    long_url    TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP
);
```
"""

DEEP_DIVE = """## Problem: generating unique codes

### Option A: hash the URL

- base62 of the first 41 bits of SHA-256(long_url): 7 characters hold 41.7 bits
- same URL gives the same code, but clashes need a retry loop

### Option B: counter ranges

- a coordinator hands each app server a range of 1 M ids
- ids are unique without a lookup; shuffle the bits so codes are not sequential

### Trade-offs

- A needs a read before every write; B needs a small, highly available coordinator

### Decision

**B**, with ranges kept in a replicated store; a lost range only wastes ids.
"""

WRAP_UP = """## Summary

Stateless app servers behind a load balancer, a key-value store for links and a cache in front of it for the hot 20 %.

## What makes this problem special

- 100:1 read to write ratio: the design is a cache with a write path attached
- codes must be short *and* unguessable

## Limits and what was traded away

- counting clicks is eventually consistent
- a custom alias costs a lookup on the write path
"""

DEMO_NOTES: dict[str, str] = {
    "requirements": REQUIREMENTS,
    "estimates": ESTIMATES,
    "api": API,
    "data_model": DATA_MODEL,
    "deep_dive": DEEP_DIVE,
    "wrap_up": WRAP_UP,
}
