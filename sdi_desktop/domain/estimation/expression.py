"""Formulas of the user's rows: ``feed_cache = dau * 0.2 * 500 B``, read without ``eval``.

The text goes through Python's own ``ast`` parser after each number-with-unit
(``500 B``, ``1 day``, ``10K /s``) is swapped for a placeholder name; then a whitelist
walk turns the tree into a small tuple tree that only knows numbers, names, the four
operations, ``**``, and ``ceil``/``min``/``max``. Anything else (attributes, calls to
anything else, comparisons, strings) is refused with a message.
"""

from __future__ import annotations

import ast
import difflib
import math
import re
from collections.abc import Callable, Mapping

from sdi_desktop.domain.estimation.format import format_round
from sdi_desktop.domain.estimation.parse import InputError, parse_quantity
from sdi_desktop.domain.estimation.units import COUNT, DAY, MONTH, YEAR, Quantity, UnitMismatch

MAX_FORMULA = 300

# Names every formula may use besides the inputs and the rows.
CONSTANTS: dict[str, Quantity] = {
    "second": Quantity(1.0, (0, 1)),
    "minute": Quantity(60.0, (0, 1)),
    "hour": Quantity(3600.0, (0, 1)),
    "day": Quantity(DAY, (0, 1)),
    "week": Quantity(7 * DAY, (0, 1)),
    "month": Quantity(MONTH, (0, 1)),
    "year": Quantity(YEAR, (0, 1)),
}
CONSTANT_TEXT = {
    "second": "1 s",
    "minute": "60 s",
    "hour": "3,600 s",
    "day": "86,400 s",
    "week": "7 days",
    "month": "30 days",
    "year": "365 days",
}
FUNCTIONS = ("ceil", "min", "max")

_LITERAL = re.compile(
    r"(?<![\w.])(\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)"
    r"(\s*%|\s*[A-Za-zµ]+(?:\s*/\s*[A-Za-z]+)?|\s*/\s*[A-Za-z]+\b(?!\s*\())?"
)


class FormulaError(ValueError):
    """Why a formula cannot be read or computed, in words for the user."""


# The compiled tree: ("num", Quantity, text) | ("name", str) | ("op", sym, left, right)
# | ("neg", node) | ("call", fname, [nodes]).
Node = tuple

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "**": 4}
_SHOW = {"+": " + ", "-": " − ", "*": " × ", "/": " / ", "**": "^"}


class Formula:
    """A parsed formula: its names, and how to compute and show it."""

    __slots__ = ("names", "text", "tree")

    def __init__(self, text: str, tree: Node, names: frozenset[str]) -> None:
        self.text = text
        self.tree = tree
        self.names = names

    def evaluate(self, env: Mapping[str, Quantity]) -> Quantity:
        try:
            result = _eval(self.tree, env)
        except UnitMismatch as exc:
            raise FormulaError(str(exc)) from None
        except ZeroDivisionError:
            raise FormulaError("divides by zero") from None
        except OverflowError:
            raise FormulaError("the result is too large to compute with") from None
        except ValueError as exc:
            raise FormulaError(f"cannot be computed: {exc}") from None
        if not result.finite:
            raise FormulaError("the result is too large to compute with")
        return result

    def symbolic(self) -> str:
        return _show(self.tree, lambda name: name)

    def with_numbers(self, env: Mapping[str, Quantity]) -> str:
        def text(name: str) -> str:
            if name in CONSTANT_TEXT:
                return CONSTANT_TEXT[name]
            return format_round(env[name]) if name in env else name

        return _show(self.tree, text)


def parse_formula(text: str) -> Formula:
    if not isinstance(text, str) or not text.strip():
        raise FormulaError("empty: type a formula, like dau * 0.2 * 500 B")
    if len(text) > MAX_FORMULA:
        raise FormulaError(f"too long (at most {MAX_FORMULA} characters)")
    literals: list[tuple[Quantity, str]] = []

    def swap(match: re.Match) -> str:
        number, unit = match.group(1), match.group(2)
        if not unit:
            return match.group(0)
        source = number + unit
        tail = ""
        try:
            quantity = parse_quantity(source.replace("_", ""))
        except InputError as exc:
            if unit.strip().startswith("/"):
                return match.group(0)  # "10 / rows": a division by a name
            head, slash, rest = unit.partition("/")
            try:
                quantity = parse_quantity((number + head).replace("_", ""))
            except InputError:
                raise FormulaError(f"'{source.strip()}': {exc}") from None
            source, tail = number + head, slash + rest  # "1 ms / year": ms, then / year
        literals.append((quantity, source.strip()))
        return f" __lit{len(literals) - 1} {tail}"

    prepared = _LITERAL.sub(swap, text.replace("×", "*").replace("−", "-").replace("^", "**"))
    try:
        tree = ast.parse(prepared.strip(), mode="eval")
    except SyntaxError:
        raise FormulaError("cannot be read: check the operators and brackets") from None
    except (ValueError, MemoryError, RecursionError):
        raise FormulaError("cannot be read") from None
    names: set[str] = set()
    try:
        node = _build(tree.body, (literals, prepared.strip()), names)
    except RecursionError:
        raise FormulaError("is nested too deeply") from None
    return Formula(text.strip(), node, frozenset(names))


def _build(node: ast.AST, context, names: set[str]) -> Node:
    literals, source_text = context
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError("only numbers and names may appear in a formula")
        value = float(node.value)
        if not math.isfinite(value):
            raise FormulaError("a number in the formula is too large")
        shown = ast.get_source_segment(source_text, node) or _plain(value)
        return ("num", Quantity(value, COUNT), shown)
    if isinstance(node, ast.Name):
        if node.id.startswith("__lit"):
            quantity, source = literals[int(node.id[5:])]
            return ("num", quantity, source)
        names.add(node.id)
        return ("name", node.id)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return (
            "op",
            _OPS[type(node.op)],
            _build(node.left, context, names),
            _build(node.right, context, names),
        )
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _build(node.operand, context, names)
        return ("neg", inner) if isinstance(node.op, ast.USub) else inner
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id not in FUNCTIONS or node.keywords or not node.args:
            raise FormulaError(f"only {', '.join(FUNCTIONS)} may be called in a formula")
        if node.func.id == "ceil" and len(node.args) != 1:
            raise FormulaError("ceil takes one value")
        return ("call", node.func.id, [_build(a, context, names) for a in node.args])
    if isinstance(node, ast.Tuple):
        raise FormulaError("a comma is not allowed here: write 86400 or 86_400")
    raise FormulaError("only numbers, names, + - * / ** and ceil/min/max are allowed")


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else repr(value)


def _eval(node: Node, env: Mapping[str, Quantity]) -> Quantity:
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "name":
        return env[node[1]]
    if kind == "op":
        left, right = _eval(node[2], env), _eval(node[3], env)
        sym = node[1]
        if sym == "*":
            return left * right
        if sym == "/":
            return left / right
        if sym == "+":
            return left + right
        if sym == "-":
            return left - right
        return left.power(right)
    if kind == "neg":
        return -_eval(node[1], env)
    args = [_eval(a, env) for a in node[2]]
    if node[1] == "ceil":
        value = args[0]
        return Quantity(float(math.ceil(value.value)), value.dim)
    for other in args[1:]:
        if other.dim != args[0].dim:
            raise UnitMismatch(f"{node[1]} needs values of the same unit")
    pick = min if node[1] == "min" else max
    return pick(args, key=lambda q: q.value)


def _show(node: Node, name_text: Callable[[str], str], parent: int = 0, right=False) -> str:
    kind = node[0]
    if kind == "num":
        return node[2]
    if kind == "name":
        return name_text(node[1])
    if kind == "call":
        return f"{node[1]}({', '.join(_show(a, name_text) for a in node[2])})"
    if kind == "neg":
        return "−" + _show(node[1], name_text, _PRECEDENCE["neg"])
    sym = node[1]
    mine = _PRECEDENCE[sym]
    text = (
        _show(node[2], name_text, mine)
        + _SHOW[sym]
        + _show(node[3], name_text, mine, right=sym in "-/")
    )
    if mine < parent or (right and mine == parent):
        return f"({text})"
    return text


def suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
