"""Rules over the notes panes, from the interview process: scope, estimates, APIs,
deep dive and wrap-up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sdi_desktop.domain.checks.cards import RuleCard
from sdi_desktop.domain.checks.findings import Hit
from sdi_desktop.domain.checks.inputs import CheckInput
from sdi_desktop.domain.checks.notes_text import Section, matching, related, sections, words
from sdi_desktop.domain.checks.rule import Rule
from sdi_desktop.domain.facts import deep_dive_blocks

_NON_FUNCTIONAL = re.compile(r"non[- ]?functional|qualit|\bnfrs?\b|priorit", re.IGNORECASE)
_FUNCTIONAL = re.compile(r"functional|features?|\bcore\b|use cases|must do", re.IGNORECASE)
_OUT_OF_SCOPE = re.compile(
    r"out of scope|not in scope|non-?goals|later|won't|will not", re.IGNORECASE
)
# Sections of a requirements pane that hold no features.
_NOT_FEATURES = re.compile(
    r"out of scope|not in scope|non-?goals|assumption|scale|estimat|numbers|questions|"
    r"constraints|open points",
    re.IGNORECASE,
)
_RANKED = re.compile(
    r"priorit|most important|above all|matters most|\bfirst\b|\btop\b|\bover\b|>|\brank|"
    r"\bp[0-3]\b|#1|before anything",
    re.IGNORECASE,
)
QUALITIES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in (
        ("latency", r"latenc|\bfast|\bp9\d|millisecond|\d\s?ms\b|response time|performan|speed"),
        ("availability", r"availab|uptime|downtime|failover|nines|99\.9"),
        ("consistency", r"consisten|lineari[sz]|seriali[sz]|exactly[- ]once|double|ordering"),
        ("durability", r"durab|\blos[est]|\blost\b|persist|backup"),
        ("scalability", r"scal|throughput|traffic|volume|growth|shard|partition"),
        ("security", r"secur|encrypt|privacy|abuse|fraud|guessab"),
        ("freshness", r"fresh|real[- ]?time|stale|\blag\b|delay"),
    )
}
_ENDPOINT = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE)\b[\s`|]*(/[^\s`|]*)")
_PATH_NOISE = {"api", "rest", "http", "https", "www", "com", "json", "v"}
_LIMITS = re.compile(
    r"limit|trade|sacrific|weakness|downside|drawback|bottleneck|\bcosts?\b|\brisks?\b|"
    r"compromis|gave up|give up|at the expense|not handle|does not|doesn't|won't|cannot|"
    r"eventual|single point|next steps?|with more time",
    re.IGNORECASE,
)
_LIMIT_HEADING = re.compile(r"limit|trade|sacrific|weakness|risk", re.IGNORECASE)


def _nfr_sections(parts: list[Section]) -> list[Section]:
    return matching(parts, _NON_FUNCTIONAL)


def _qualities_named(text: str) -> list[str]:
    return [name for name, pattern in QUALITIES.items() if pattern.search(text)]


# -- core features -------------------------------------------------------------------------------
CORE_FEATURES = RuleCard(
    id="core-feature-count",
    title="Not 3 or 4 core features",
    scope="process",
    severity="warning",
    detects="The requirements pane lists fewer than 3 or more than 4 core features (the outer "
    "list items under a 'Functional' or 'Features' heading; without one, the lists outside "
    "the non-functional, out-of-scope, assumptions and scale sections).",
    why="The scope phase agrees on a few features the design will really serve; with one or "
    "two there is little to design, with six the time runs out before any is done well.",
    fix="Agree on the 3-4 that matter most with the interviewer and move the rest under "
    "'Out of scope'.",
    false_positives="Features written as one paragraph instead of a list, or sub-features "
    "promoted to the outer list level; indent them under their feature.",
    phase="scope",
)


def core_feature_count(inp: CheckInput) -> Iterator[Hit]:
    parts = sections(inp.pane("requirements"))
    functional = [s for s in matching(parts, _FUNCTIONAL) if not _NON_FUNCTIONAL.search(s.title)]
    if not functional:  # no "Functional" heading: the lists outside the other sections
        functional = [
            s
            for s in parts
            if not _NON_FUNCTIONAL.search(s.title) and not _NOT_FEATURES.search(s.title)
        ]
        count = sum(len(s.items()) for s in functional)
    else:
        count = sum(len(s.items()) or len(s.text_lines()) for s in functional)
    if count < 3 or count > 4:
        text = "no core features" if count == 0 else f"{count} core features"
        yield Hit(f"The requirements list {text}; aim for 3 or 4.", pane="requirements")


# -- non-functional requirements ------------------------------------------------------------------
NFR_MISSING = RuleCard(
    id="no-non-functional-requirement",
    title="No non-functional requirement named",
    scope="process",
    severity="warning",
    detects="The requirements pane has no non-functional section with content and names none "
    "of the usual qualities (latency, availability, consistency, durability, scale, security, "
    "freshness).",
    why="The qualities decide the design: a chat app that must be real-time and a payment "
    "system that must never double-charge need different architectures.",
    fix="Add a 'Non-functional' heading and name the two or three qualities that matter most "
    "here, with a number where you can (p99 under 200 ms, 99.99 % available).",
    false_positives="Qualities named only in another pane; copy them into the requirements.",
    phase="scope",
)


def no_non_functional(inp: CheckInput) -> Iterator[Hit]:
    text = inp.pane("requirements")
    named = any(s.text_lines() for s in _nfr_sections(sections(text)))
    if not named and not _qualities_named(text):
        yield Hit("No non-functional requirement is named.", pane="requirements")


NFR_UNRANKED = RuleCard(
    id="non-functional-unranked",
    title="Non-functional requirements not ranked",
    scope="process",
    severity="note",
    detects="Qualities are named but none is put first: no numbered list under the "
    "non-functional heading and no 'priority', 'most important', 'first' or 'X over Y'.",
    why="Qualities pull against each other (consistency against availability, latency "
    "against cost); the design needs to know which one wins.",
    fix="Number them in order of importance, or say which comes first and what it beats.",
    false_positives="A ranking said aloud but not written; write it.",
    phase="scope",
)


def non_functional_unranked(inp: CheckInput) -> Iterator[Hit]:
    text = inp.pane("requirements")
    nfr = _nfr_sections(sections(text))
    if not any(s.text_lines() for s in nfr) and not _qualities_named(text):
        return  # the rule above speaks
    if any(item.numbered for s in nfr for item in s.items()):
        return
    scope = "\n".join(line for s in nfr for line in s.lines) if nfr else text
    if not _RANKED.search(scope):
        yield Hit("The qualities are named but not ranked.", pane="requirements")


def top_quality(text: str) -> str | None:
    """The quality family of the top-ranked non-functional requirement, if one is ranked."""
    nfr = _nfr_sections(sections(text))
    items = [item for s in nfr for item in s.items()]
    top = next((i for i in items if i.numbered), None)
    if top is None:
        top = next((i for i in items if _RANKED.search(i.text)), None)
    if top is None:
        return None
    named = _qualities_named(top.text)
    return named[0] if named else None


# -- estimates ------------------------------------------------------------------------------------
NO_ESTIMATE = RuleCard(
    id="estimate-without-number",
    title="No estimate with a number",
    scope="process",
    severity="warning",
    detects="The estimates pane holds no number at all.",
    why="Scale is what turns a toy into a system design: requests per second, storage per "
    "year and bandwidth decide sharding, caching and the number of servers.",
    fix="Write a few round figures with how you got them (100 M users x 10 reads / 86,400 s "
    "~ 12,000 reads/s).",
    false_positives="Figures written in the requirements' assumptions or on the board; move "
    "them to the estimates pane.",
    phase="scope",
)


def estimate_without_number(inp: CheckInput) -> Iterator[Hit]:
    if not re.search(r"\d", inp.pane("estimates")):
        yield Hit("The estimates hold no number.", pane="estimates")


# -- APIs beyond the requirements ------------------------------------------------------------
API_EXTRA = RuleCard(
    id="api-beyond-requirements",
    title="Endpoint for a feature not among the requirements",
    scope="process",
    severity="note",
    detects="An endpoint in the API pane (GET, POST, PUT, PATCH or DELETE and a path) none of "
    "whose path words appear in the requirements (an 'Out of scope' section does not count).",
    why="The high-level design serves the agreed features only; endpoints for other features "
    "spend time the interview does not have.",
    fix="Drop the endpoint, or add its feature to the requirements if it is in scope.",
    false_positives="Paths named differently from the feature ('/codes' for 'short links'); "
    "this is a guess from words, so it is only a note.",
    phase="high_level",
)


def api_beyond_requirements(inp: CheckInput) -> Iterator[Hit]:
    requirements = inp.pane("requirements")
    if not requirements.strip():
        return
    in_scope = [s for s in sections(requirements) if not _OUT_OF_SCOPE.search(s.title)]
    known = {w for s in in_scope for line in s.lines for w in words(line)}
    known |= {w for s in in_scope for w in words(s.title)}
    for match in _ENDPOINT.finditer(inp.pane("api")):
        method, path = match.groups()
        path_words = [
            w
            for segment in path.split("/")
            if segment and not segment.startswith(("{", ":", "<"))
            for w in words(segment)
            if w not in _PATH_NOISE and not w.isdigit() and len(w) > 2
        ]
        if path_words and not any(related(p, k) for p in path_words for k in known):
            yield Hit(f"{method} {path} names nothing in the requirements.", pane="api")


# -- deep dive ------------------------------------------------------------------------------------
THIN_DEEP_DIVE = RuleCard(
    id="deep-dive-thin",
    title="Deep-dive block with fewer than two options or no trade-off",
    scope="process",
    severity="warning",
    detects="A deep-dive block (a top-level heading of the deep-dive pane and what follows) "
    "with fewer than two 'Option' headings or items, or that names no trade-off.",
    why="A deep dive shows judgement by weighing at least two ways against each other; one "
    "option and no trade-off is a decision without a reason.",
    fix="Add a second option and a trade-offs part that compares them, then the decision.",
    false_positives="Options not starting with the word 'Option' ('A: hash the URL'); start "
    "them with 'Option' so the app can count them.",
    phase="deep_dive",
)


def deep_dive_thin(inp: CheckInput) -> Iterator[Hit]:
    text = inp.pane("deep_dive")
    blocks = deep_dive_blocks(text)
    if text.strip() and not blocks:
        yield Hit("The deep-dive notes have no heading, so no block can be read.", pane="deep_dive")
    for block in blocks:
        lacks = []
        if block.options < 2:
            lacks.append("one option" if block.options == 1 else "no option")
        if not block.trade_off:
            lacks.append("no trade-off")
        if lacks:
            title = block.title or "untitled"
            yield Hit(f"Deep dive “{title}” weighs {' and '.join(lacks)}.", pane="deep_dive")


TOP_QUALITY = RuleCard(
    id="deep-dive-misses-top-quality",
    title="No deep dive on the top-ranked quality",
    scope="process",
    severity="warning",
    detects="The first-ranked non-functional requirement belongs to a quality (latency, "
    "availability, consistency...) that the deep-dive pane never mentions.",
    why="The deep dive is where the design secures the quality that matters most; skipping "
    "it leaves the main risk unexamined.",
    fix="Add a deep-dive block on the threat to that quality (hot keys for latency, failover "
    "for availability, double writes for consistency).",
    false_positives="A quality discussed in other words than the app knows; name it plainly "
    "in the block's heading.",
    phase="deep_dive",
)


def deep_dive_misses_top_quality(inp: CheckInput) -> Iterator[Hit]:
    quality = top_quality(inp.pane("requirements"))
    if quality is not None and not QUALITIES[quality].search(inp.pane("deep_dive")):
        yield Hit(
            f"The top-ranked quality is {quality}, and no deep dive is about it.",
            pane="deep_dive",
        )


# -- wrap-up ---------------------------------------------------------------------------------
NO_LIMITS = RuleCard(
    id="wrap-up-without-limits",
    title="Wrap-up names no limit or sacrifice",
    scope="process",
    severity="warning",
    detects="The wrap-up pane has no text naming a limit, a trade-off, a bottleneck, a risk or "
    "what was given up (a 'Limits' heading with nothing under it does not count).",
    why="Every design trades something away; naming it shows judgement, and hiding it "
    "invites the interviewer to find it.",
    fix="Add two or three limits: what breaks first at 10x, what is eventually consistent, "
    "what was left out and why.",
    false_positives="Limits phrased without any of the usual words; write 'limit' or "
    "'trade-off' beside them.",
    phase="wrap_up",
)


def wrap_up_without_limits(inp: CheckInput) -> Iterator[Hit]:
    for section in sections(inp.pane("wrap_up")):
        body = section.text_lines()
        if body and (_LIMIT_HEADING.search(section.title) or any(_LIMITS.search(b) for b in body)):
            return
    yield Hit("The wrap-up names no limit or sacrifice.", pane="wrap_up")


PROCESS_RULES: tuple[Rule, ...] = (
    Rule(CORE_FEATURES, core_feature_count),
    Rule(NFR_MISSING, no_non_functional),
    Rule(NFR_UNRANKED, non_functional_unranked),
    Rule(NO_ESTIMATE, estimate_without_number),
    Rule(API_EXTRA, api_beyond_requirements),
    Rule(THIN_DEEP_DIVE, deep_dive_thin),
    Rule(TOP_QUALITY, deep_dive_misses_top_quality),
    Rule(NO_LIMITS, wrap_up_without_limits),
)
