"""Budgets of one template render: a workspace's template may not exhaust the computer.

A workspace template is untrusted, and Jinja2's sandbox bounds what a template may reach, not
how much it may do: `{{ "x" * 300000000 }}` made 300 MB, two nested loops over `range(100000)`
never ended. `TemplateEnvironment` (`regdraft.render.templates`) asks this module at every place
where a template can make something large or repeat something:

- every value a template makes (an operator, a `~` join, a list or dict written in the template,
  a filter, a call, a namespace attribute, a printed value) is measured (`size`: characters of
  text, items of lists, seen through lists and dicts), and one larger than `Budget.values` is
  refused, before it is made where its size can be foreseen (`*`, `**`, `%`, `~`, widths);
- every loop iteration and every call (a macro, a function, a method, a filter) takes a step
  from `Budget.steps`; `range` gives at most `MAX_RANGE` numbers;
- a call of a macro (or of a recursive loop's `loop`, or of a block through `self`), some fifty times
  the cost of a loop iteration, is also counted against `Budget.calls`, and such calls run at most
  `MAX_DEPTH` inside one another: a macro calling itself twice is stopped within a fraction of a second,
  not after the seconds its steps would take;
- the output stops when it passes `Budget.output` characters;
- every value made (by an operator, a join, a filter, a call, a slice, a list or dict written in the
  template, a macro's or block's output) is charged, in bytes, against `Budget.memory`: what all
  values made may take together (a text of emoji takes four bytes a character), so that keeping
  many values each within `Budget.values` cannot take gigabytes;
- every filter, method of a text and comparison is charged the characters and items of what it reads
  (times `work_weight`, for filters that take much longer a character than reading it), and every value
  made its own, against `Budget.work`: one step cannot read twenty million characters again and again.

The budgets grow with the document rendered (`Budget.of(size)`); on a 5,000-article regulation
regdraft's own templates use well under a tenth of them (docs/security.md gives the figures).

Post-conditions:
1. A render over a budget ends with `TemplateLimit`, a `RegdraftError` saying which bound it passed.
2. Without a budget set (`Budget.active` outside a render), the smallest budget (`Budget.of(0)`) applies.
"""

from __future__ import annotations

import contextlib
import contextvars
import sys
from collections.abc import Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import RegdraftError
from regdraft.core.patterns import lazy

if TYPE_CHECKING:
    from regdraft.core.model import Regulation

# The smallest budgets (a page with no document, a message of the review server) ...
BASE_VALUES = 20_000_000
BASE_STEPS = 300_000
BASE_OUTPUT = 20_000_000
# ... and what the characters of the document rendered add. On a 5,000-article regulation of 6.8 million
# characters (benchmarks/generate.py), the consolidated text took 245,768 steps, made no value over 801,440
# characters and wrote 8.1 million, within budgets of 1,655,130 steps, 34 and 47 million characters; the
# redline against a copy changed in a seventh of its lines (13.6 million characters compared) took
# 56,435 steps, made no value over 852,656 characters and wrote 12.4 million, within 3,023,638 steps,
# 47 and 74 million characters.
VALUES_PER_CHAR = 2
CHARS_PER_STEP = 5
OUTPUT_PER_CHAR = 4
MAX_RANGE = 100_000
MAX_INT_BITS = 100_000  # a number of about 30,000 digits; Python prints at most 4,300
# Calls of macros, at about 15 µs each. The consolidated text of the 5,000-article regulation called its macros
# 94,607 times (one per 72 characters), within a budget of 281,026; a macro calling itself twice is stopped
# after 10,000 calls on a small document (0.15 s), not after the 300,000 steps of its budget (5 s).
BASE_CALLS = 10_000
CHARS_PER_CALL = 25
# What the values a render makes may take in all, in bytes (a text's own: one to four bytes a character, as
# Python keeps it; a list or dict four bytes a character or item of what it holds). The shipped templates, as
# workspace overrides, made 20.6 MB and did 10.1 million of work for the consolidated text of the 1,000-article
# benchmark (1.37 million characters: 6 and 5 % of the bounds), 0.5 MB and 0.27 million for the shipped regulation;
# a text of 19 million emoji copied 16 times took 1.29 GB before ...
BASE_MEMORY = 200_000_000
MEMORY_PER_CHAR = 100
# ... and what it may read and make in all, in characters (and items): about 25 ns each, at most, with the
# weights of `work_weight`; the floor is some two or three seconds.
BASE_WORK = 100_000_000
WORK_PER_CHAR = 75
# Macros inside macros: a template walking the provisions' tree (part, chapter, section, article, clause,
# point, dashes) by one macro a level nests about ten; Python itself stops at about 170.
MAX_DEPTH = 50


class TemplateLimit(RegdraftError):
    """A template passed one of the bounds of its render."""


@dataclass(slots=True)
class Budget:
    """What one render may still do: steps (loop iterations and calls) left, and its bounds on values and output."""

    values: int
    steps: int
    output: int
    calls: int = BASE_CALLS
    memory: int = BASE_MEMORY
    work: int = BASE_WORK
    taken: int = field(default=0)
    held: int = field(default=0)  # bytes of the values made
    done: int = field(default=0)  # characters and items read and made
    called: int = field(default=0)  # calls of macros made
    depth: int = field(default=0)  # calls of macros running, one inside another
    # Lists and dicts measured: a template passes the document's lists to a filter again and again, and its
    # sandbox cannot change them. Each is kept with its size, so that its id stays its own.
    measured: dict[int, tuple[Any, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, size: int) -> Budget:
        """The budget of rendering a document of `size` characters."""
        return cls(BASE_VALUES + VALUES_PER_CHAR * size, BASE_STEPS + size // CHARS_PER_STEP,
                   BASE_OUTPUT + OUTPUT_PER_CHAR * size, BASE_CALLS + size // CHARS_PER_CALL,
                   BASE_MEMORY + MEMORY_PER_CHAR * size, BASE_WORK + WORK_PER_CHAR * size)

    def step(self) -> None:
        """Take one step; past the budget, `TemplateLimit`."""
        self.taken += 1
        if self.taken > self.steps:
            raise TemplateLimit(f"it repeats too much: more than {self.steps:,} loop iterations and calls "
                                "(loops inside loops over large ranges?)")

    @contextlib.contextmanager
    def macro_call(self) -> Iterator[None]:
        """Count a call of a macro while it runs; past `calls`, or `MAX_DEPTH` inside one another, `TemplateLimit`."""
        self.called += 1
        if self.called > self.calls:
            raise TemplateLimit(f"it calls macros too often: more than {self.calls:,} calls (a macro calling "
                                "itself, or another macro, twice or more at each level?)")
        if self.depth >= MAX_DEPTH:
            raise TemplateLimit(f"it calls macros inside one another more than {MAX_DEPTH} deep (a macro calling "
                                "itself without end?)")
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def check(self, value: Any) -> Any:
        """`value`, unless it is larger than a value may be."""
        self.refuse(self.measure(value))
        return value

    def made(self, value: Any) -> Any:
        """`value`, just made by the template, unless it is too large; its bytes and characters are charged
        against `memory` and `work`."""
        measured = self.measure(value)
        self.refuse(measured)
        self.spend(measured)
        self.held += sys.getsizeof(value) if isinstance(value, str) else 4 * measured
        if self.held > self.memory:
            raise TemplateLimit(self._memory_passed())
        return value

    def foresee(self, estimate: int) -> None:
        """Refuse, before it is made, a value of `estimate` characters or items too large by itself or for the
        memory left (at a byte a character at least)."""
        self.refuse(estimate)
        if self.held + estimate > self.memory:
            raise TemplateLimit(self._memory_passed())

    def _memory_passed(self) -> str:
        return (f"the values it makes take more than {self.memory:,} bytes in all (long texts made again and "
                "again?)")

    def spend(self, work: int) -> None:
        """Charge `work` characters read or made; past `work`, `TemplateLimit`."""
        self.done += work
        if self.done > self.work:
            raise TemplateLimit(f"it does too much work: its filters, operators and calls read or make more than "
                                f"{self.work:,} characters (a long text filtered again and again?)")

    def measure(self, value: Any) -> int:
        """`size(value)`, counted once for each list or dict."""
        if not isinstance(value, (list, tuple, dict)) or len(value) < 64:
            return size(value, self.values)
        known = self.measured.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        found = size(value, self.values)
        self.measured[id(value)] = (value, found)
        return found

    def refuse(self, estimate: int) -> None:
        """`TemplateLimit` when a value of `estimate` characters or items would be too large."""
        if estimate > self.values:
            raise TemplateLimit(f"it makes a value of more than {self.values:,} characters or items")

    @staticmethod
    def active() -> Budget:
        """The budget of the render under way (the smallest one outside a render)."""
        found = _current.get()
        return found if found is not None else Budget.of(0)


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("regdraft_template_budget", default=None)


@contextlib.contextmanager
def budget(size: int) -> Iterator[Budget]:
    """Render within the budget of a document of `size` characters."""
    found = Budget.of(size)
    token = _current.set(found)
    try:
        yield found
    finally:
        _current.reset(token)


def size(value: Any, limit: int) -> int:
    """Characters of text and items of lists, tuples, sets and dicts in `value`, counted through its lists
    and dicts as often as they hold the same thing (printing them repeats it); counting stops past `limit`."""
    from jinja2.utils import Namespace  # measured only while a template runs: Jinja2 is loaded then

    if isinstance(value, str):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() // 3  # about its digits
    if not isinstance(value, (list, tuple, set, frozenset, dict, Namespace)):
        return _length(value)
    total = 0
    pending: list[Any] = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item) + _ITEM
        elif isinstance(item, dict):
            total += _ITEM
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += _ITEM
            pending.extend(item)
        elif isinstance(item, Namespace):  # its attributes, which it prints
            pending.append(dict(item._Namespace__attrs))
        else:
            total += _ITEM
    return total


# What an item of a list or dict counts for: about what printing it adds (quotes, a comma, a space, and more for
# an object), and few enough items to look at that measuring a list holding itself many times stays quick.
_ITEM = 16


def _length(value: Any) -> int:
    """The length of a sized value (a range, a mapping's keys), else 1."""
    if not hasattr(type(value), "__len__"):
        return 1
    try:
        return max(len(value), 1)
    except Exception:  # an undefined value
        return 1


def counted(iterable: Iterable[Any]) -> Iterable[Any]:
    """A loop's iterable, each of whose items takes a step of the render's budget."""
    return _Counted(iterable, Budget.active())


class _Counted:
    """An iterable counting its items against a budget; it keeps the length of a sized one (`loop.length`)."""

    __slots__ = ("_items", "_budget", "_length")

    def __init__(self, iterable: Iterable[Any], budget: Budget) -> None:
        self._items = iter(iterable)
        self._budget = budget
        self._length = len(iterable) if isinstance(iterable, Sized) else None

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> Any:
        item = next(self._items)
        self._budget.step()
        return item

    def __len__(self) -> int:
        if self._length is None:
            raise TypeError("the loop's items are not counted ahead")
        return self._length


def bounded_range(*args: int) -> range:
    """`range`, of at most `MAX_RANGE` numbers."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"it asks for a range of {len(numbers):,} numbers; a range may hold at most "
                            f"{MAX_RANGE:,}")
    return numbers


def product(operator: str, left: Any, right: Any, budget: Budget) -> None:
    """Refuse `left <operator> right` before computing it when its result would be too large."""
    if operator == "*":
        for text, times in ((left, right), (right, left)):
            if isinstance(text, (str, list, tuple)) and isinstance(times, int):
                budget.foresee(budget.measure(text) * max(times, 0))
        if _integer(left) and _integer(right):
            _bits(left.bit_length() + right.bit_length())
    elif operator == "**" and _integer(left) and _integer(right) and right > 0 and abs(left) > 1:
        _bits(left.bit_length() * right)
    elif operator == "%" and isinstance(left, str):
        widths(left, right if isinstance(right, tuple) else (right,), budget)
    elif operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        budget.foresee(budget.measure(left) + budget.measure(right))


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _bits(bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise TemplateLimit(f"it makes a number of more than {MAX_INT_BITS:,} bits")


_NUMBER = lazy(r"\d+")
# A printf field's width and precision (`%-10.3f`, `%(name)*d`); `%%` is a percent sign.
_PRINTF = lazy(r"%%|%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?")


def widths(pattern: str, arguments: Iterable[Any], budget: Budget, *, braces: bool = False) -> None:
    """Refuse a format (`%` and the `format` filter, or `str.format` with `braces`) whose widths and precisions,
    written in its fields or given as arguments (`%*d`, `{:>{w}}`), are too large.

    A number is a width only there: `"{:,}".format(25000000)` prints a number, and the text of a pattern
    (`"{} / 25000000"`) may hold any number."""
    written, given = _brace_fields(pattern) if braces else _printf_fields(pattern)
    numbers = [n for a in arguments for n in (a.values() if isinstance(a, Mapping) else (a,)) if _integer(n)]
    budget.foresee(len(pattern) + sum(_width(n, budget) for n in written) + (max(numbers, default=0) if given else 0))


def _width(digits: str, budget: Budget) -> int:
    return int(digits) if len(digits) < 12 else budget.values + 1  # int() refuses over 4,300 digits


def _printf_fields(pattern: str) -> tuple[list[str], bool]:
    """The widths and precisions written in a printf pattern, and whether an argument gives one (`*`)."""
    fields = [part for found in _PRINTF.finditer(pattern) for part in found.groups() if part]
    return [f for f in fields if f != "*"], "*" in fields


def _brace_fields(pattern: str) -> tuple[list[str], bool]:
    """The numbers written in the format specifications of a `str.format` pattern (`{:>10.2f}`), and whether an
    argument gives one (`{:{w}}`); a pattern Python cannot read is taken at its every number."""
    import string

    try:
        specs = [spec or "" for _, _, spec, _ in string.Formatter().parse(pattern)]
    except ValueError:
        return _NUMBER.findall(pattern), True
    return [n for spec in specs for n in _NUMBER.findall(spec)], any("{" in spec for spec in specs)


# Functions and filters whose result pads to their number arguments (`center`, a batch or slice filled up, a
# number's bytes) ...
_PADDING = frozenset({"center", "ljust", "rjust", "zfill", "batch", "slice", "to_bytes"})
# ... and whose result repeats their number argument for each line or tab of their text.
_MULTIPLYING = frozenset({"expandtabs", "indent", "tojson"})


def call_estimate(name: str, arguments: Iterable[Any], keywords: Mapping[str, Any], budget: Budget) -> None:
    """Refuse a call or filter whose result could be too large: one that repeats its text for each piece of its
    other text arguments (`join`, `replace`, `indent`, `wordwrap`) or pads to its number arguments (`center`).
    Any other call's numbers are only numbers (`default(25000000)`, `round`). Its arguments' characters and items,
    times `work_weight(name)`, are charged as work before it runs."""
    texts = 0
    numbers = 0
    first = -1
    read = 0
    for value in (*arguments, *keywords.values()):
        measured = budget.measure(value)
        budget.refuse(measured)
        read += measured
        if first < 0:
            first = measured
        elif _integer(value):
            numbers += max(value, 0) if name in _PADDING or name in _MULTIPLYING else 0
        else:
            texts += measured
    budget.spend(read * work_weight(name) + markup_work(name, next(iter((*arguments, None)))))
    if name in _MULTIPLYING:
        budget.foresee(max(first, 0) * (1 + texts + numbers))
    else:
        budget.foresee(max(first, 0) * (1 + texts) + numbers)


# Filters and methods that take much longer a character than reading it (Python's code for each character, word
# or item: `sort` of a text some 7 µs a character, `wordwrap` 1.6, `min`, `max`, `unique` 1, `title` 0.9,
# `pprint` 0.7), in characters read at about 25 ns each (`escape`'s speed) ...
_WEIGHTS = {"sort": 300, "dictsort": 300, "wordwrap": 240, "urlize": 240, "min": 48, "max": 48, "unique": 48,
            "groupby": 48, "select": 48, "reject": 48, "selectattr": 48, "rejectattr": 48, "map": 48, "title": 40,
            "pprint": 32, "css_string": 25, "urlencode": 12, "wordcount": 12, "striptags": 6, "join": 10,
            "truncate": 4, "capitalize": 3, "split": 4, "rsplit": 4, "splitlines": 4, "sum": 4}
# ... and those whose time does not grow with their arguments.
_CONSTANT = frozenset({"length", "count", "first", "last", "default", "d", "attr", "random"})


def work_weight(name: str) -> int:
    """The work a filter or method `name` is charged for each character or item of its arguments."""
    return 0 if name in _CONSTANT else _WEIGHTS.get(name, 1)


# regdraft's own filters reading inline Markdown (`inline`, `lines`): plain text at a few ns a character, each
# character that may start or end a mark (an emphasis, a link, a line break) some 30 µs, in units of 25 ns.
_MARKDOWN = frozenset({"inline", "lines"})
_MARKS = "*_[]`<>\\\n&!~"
_MARK_WORK = 1_200


def markup_work(name: str, text: Any) -> int:
    """The work of a Markdown filter `name` over `text` beyond reading it: its characters that may be marks."""
    if name not in _MARKDOWN or not isinstance(text, str):
        return 0
    return _MARK_WORK * sum(map(text.count, _MARKS))


def compared(value: Any) -> Any:
    """An operand of a comparison (`==`, `<`, `in`), its characters and items charged as work."""
    budget = Budget.active()
    budget.spend(budget.measure(value))
    return value


@dataclass(slots=True)
class Renders:
    """The bounded renders (those a workspace template took part in) done while it was watched
    (`watched`): the largest document they rendered and the workspace's template files they ran."""

    size: int = 0
    templates: set[str] = field(default_factory=set)
    bounded: bool = False


_watching: contextvars.ContextVar[Renders | None] = contextvars.ContextVar("regdraft_renders", default=None)


@contextlib.contextmanager
def watched() -> Iterator[Renders]:
    """Note the bounded renders done inside (this thread's) in the `Renders` yielded."""
    found = Renders()
    token = _watching.set(found)
    try:
        yield found
    finally:
        _watching.reset(token)


def note_render(size: int, templates: Iterable[str]) -> None:
    """Note a bounded render of a document of `size` characters, run by the workspace's `templates`."""
    found = _watching.get()
    if found is not None:
        found.bounded = True
        found.size = max(found.size, size)
        found.templates.update(templates)


def regulation_size(regulation: Regulation) -> int:
    """The characters of a regulation's text: its preamble and its provisions'."""
    total = sum(map(len, regulation.preamble))
    pending = list(regulation.units)
    while pending:
        unit = pending.pop()
        total += len(unit.label) + len(unit.title or "") + sum(map(len, unit.text)) + sum(map(len, unit.closing))
        pending.extend(unit.children)
    return total
