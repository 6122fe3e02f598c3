"""The parts of a unit besides its children: its title (tên), the lead-in (đoạn mở đầu) and the closing text
(đoạn cuối), its dash and plus items.

A unit's `text` is its lead-in when it has children, and `closing` the paragraphs after them
(regdraft.core.model). This module holds what reads, writes and edits those parts:
- the closing-text marker of the file format (`<!-- đoạn cuối khoản 3 -->`) and the
  continuation marker (`<!-- tiếp -->`), docs/format.md;
- the rule for a paragraph after a last point that reads like a closing text (`looks_closing`),
  used alike by `check`'s warning, by `fmt` and by the importer;
- the lead-in or closing text of a unit as a slice of its paragraphs, and a unit with one replaced;
- the parts a unit has (`unit_parts`) and those each of its paragraphs lies in (`paragraph_parts`), a part
  found or refused as not there (`find_part`), and the reading order of a draft's provisions and their parts
  (`reading_order`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from regdraft.core.address import TITLE, Address, dash_ordinal, dash_part, is_item_part, plus_ordinals, plus_part
from regdraft.core.errors import AddressError, Problem, UnknownUnit
from regdraft.core.model import END, INTRO, Kind, Located, Regulation, Unit, noun
from regdraft.core.patterns import lazy

CONTINUED_MARKER = {"vi": "<!-- tiếp -->", "en": "<!-- continued -->"}
_THIS_POINT = lazy(r"\b(?:điểm này|this point)\b", re.IGNORECASE)
_THIS_CLAUSE = lazy(r"\b(?:khoản này|this clause)\b", re.IGNORECASE)
_WHOLE_ARTICLE = lazy(r"\b(?:Điều này|các khoản|this Article|the (?:above )?clauses)\b")
_THIS_ARTICLE = lazy(r"\b(?:Điều này|this Article)\b")
# The words before `Điều này` (`this Article`) that make it part of a clause's or point's citation: `khoản 1 Điều
# này`, `khoản 1 của Điều này`, `các khoản 1, 2 và 3 Điều này`, `điểm a khoản 2 Điều này`, `clause 1 of this Article`.
_CITED_UNIT = lazy(r"(?:^|\s)(?:\d+[a-zđ]?\d*|[a-zđ]\d*)[,;)]?(?:\s+(?:of|của))?\s*$", re.IGNORECASE)
_CLOSING_MARK = lazy(
    r"^<!--\s*(?:(?:đoạn|phần)\s+(?:cuối|kết)|closing(?:\s+text)?)(?:\s+(?:of\s+)?(?P<unit>.+?))?\s*-->$",
    re.IGNORECASE,
)
_CONTINUED_MARK = lazy(r"^<!--\s*(?:tiếp(?:\s+theo)?|continued)\s*-->$", re.IGNORECASE)
_MARK_UNIT = lazy(r"^(khoản|clause|điều|article|điểm|point)\s+(\S+)$", re.IGNORECASE)
_MARK_KINDS = {"khoản": Kind.CLAUSE, "clause": Kind.CLAUSE, "điều": Kind.ARTICLE, "article": Kind.ARTICLE,
               "điểm": Kind.POINT, "point": Kind.POINT}


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker paragraph: a closing-text marker (naming its unit, or not) or a continuation marker."""

    closing: bool
    names: str | None = None


def is_dash(paragraph: str) -> bool:
    """A dash sub-point (`- ...`, `+ ...`)."""
    return paragraph.startswith(("- ", "+ "))


def read_marker(paragraph: str) -> Marker | None:
    """The marker a paragraph is, or None for any other paragraph."""
    if not paragraph.startswith("<!--"):
        return None
    match = _CLOSING_MARK.match(paragraph)
    if match is not None:
        return Marker(True, match.group("unit"))
    return Marker(False) if _CONTINUED_MARK.match(paragraph) else None


def marker_unit(names: str) -> tuple[Kind, str] | None:
    """The unit a closing-text marker names (`khoản 3` -> (clause, "3")), or None when unreadable."""
    named = _MARK_UNIT.match(names.strip())
    kind = _MARK_KINDS.get(named.group(1).lower()) if named else None
    if named is None or kind is None:
        return None
    return kind, named.group(2).replace("dd", "đ")


def closing_mark(paragraph: str) -> tuple[Kind, str] | tuple[()] | None:
    """For a closing-text marker, the unit it names (`()` when it names none); None for any other paragraph."""
    mark = read_marker(paragraph)
    if mark is None or not mark.closing:
        return None
    if not mark.names:
        return ()
    return marker_unit(mark.names)


def closing_marker(kind: Kind, label: str, language: str) -> str:
    """The line written before a closing text: `<!-- đoạn cuối khoản 3 -->`, `<!-- closing text of Article 8 -->`."""
    shown = label.replace("đ", "dd") if language == "en" and kind is Kind.POINT else label
    if language == "en":
        return f"<!-- closing text of {noun(kind, language)} {shown} -->"
    return f"<!-- {'phần' if kind is Kind.ARTICLE else 'đoạn'} cuối {noun(kind, language)} {shown} -->"


def looks_closing(lead_in: Sequence[str], previous: str, paragraph: str, holder: Kind | None = None) -> bool:
    """Whether `paragraph`, after `previous` in a unit's last point or clause, reads like the holder's closing text.

    It does when the paragraph before it ends a sentence and it starts a new one with a capital
    letter, and either the holder's lead-in announces a list (ends with ':'), unless the paragraph
    speaks of "this point" (`điểm này`), which makes it the point's own; or, with `holder` an
    article (which seldom has a lead-in), the paragraph speaks of the article as a whole
    (`Điều này`, `các khoản`, `this Article`) and not of "this clause" (`khoản này`).
    The importer splits a closing text off by the first rule, and after an article's last clause
    only where the narrower `closes_article` holds (`separate_closings`); both rules make `check`
    warn and the canonical file mark a paragraph kept in the point or clause, so nothing changes
    silently.
    """
    if not (previous.rstrip().endswith(".") and paragraph[:1].isupper()):
        return False
    lead = [t for t in lead_in if not is_dash(t)]
    if lead and lead[-1].rstrip().endswith(":"):
        return not _THIS_POINT.search(paragraph)
    return (holder is Kind.ARTICLE and bool(_WHOLE_ARTICLE.search(paragraph))
            and not _THIS_CLAUSE.search(paragraph))


def closes_article(previous: str, paragraph: str) -> bool:
    """Whether `paragraph`, after `previous` in an article's last clause, is the article's closing text (phần cuối),
    which `regdraft import` splits off (`separate_closings`).

    It is when the paragraph before it ends a sentence, it starts a new one with a capital letter, and inside a
    sentence it names the article itself (`Chính phủ quy định chi tiết Điều này …`, `… hướng dẫn thi hành Điều
    này`, `… this Article`), not as part of a clause's or point's citation (`khoản 1 Điều này`, `các khoản 1, 2 và
    3 Điều này`, `clause 1 of this Article`) and not "this clause" (`khoản này`). A `Điều này` opening a sentence
    is left alone: it may be the common words "this matter". Narrower than `looks_closing`'s article rule, which
    only warns (`check`).
    """
    if not (previous.rstrip().endswith(".") and paragraph[:1].isupper()) or _THIS_CLAUSE.search(paragraph):
        return False
    for found in _THIS_ARTICLE.finditer(paragraph):
        before = paragraph[:found.start()].rstrip()
        if before and not before.endswith((".", ":", ";")) and not _CITED_UNIT.search(before):
            return True
    return False


def ambiguity(point: str, holder: str, kind: Kind, label: str, language: str, source: str, line: int) -> Problem:
    """The warning for a paragraph read as part of `point` that reads like the closing text of `holder`."""
    return Problem(
        f"this paragraph is read as a further paragraph of {point}, but it reads like the closing text of "
        f"{holder}; if it closes {holder}, put the line '{closing_marker(kind, label, language)}' before it; "
        f"if it belongs to {point}, put '{CONTINUED_MARKER['en' if language == 'en' else 'vi']}' before it.",
        source, line, warning=True)


def separate_closings(unit: Unit) -> tuple[Unit, list[Unit]]:
    """`unit` (and the units inside it) with each last child's closing-like paragraphs moved to its holder.

    For text read without markers (the importer): a paragraph of a last point or clause for
    which `looks_closing` holds (for an article's last clause, `closes_article` too) starts the
    holder's closing text, with everything after it.
    Returns the new unit and the holders that got a closing text this way.
    """
    if not unit.children:
        return unit, []
    found: list[Unit] = []
    children = []
    for child in unit.children:
        new, inner = separate_closings(child)
        children.append(new)
        found.extend(inner)
    last = children[-1]
    if not unit.closing and not last.children and not last.repealed:
        for i in range(1, len(last.text)):
            if not is_dash(last.text[i]) and (
                    looks_closing(unit.text, last.text[i - 1], last.text[i])
                    or (unit.kind is Kind.ARTICLE and last.kind is Kind.CLAUSE
                        and closes_article(last.text[i - 1], last.text[i]))):
                children[-1] = replace(last, text=last.text[:i])
                closed = replace(unit, children=tuple(children), closing=last.text[i:])
                return closed, [*found, closed]
    return replace(unit, children=tuple(children)), found


def dash_items(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    """Where each dash item (gạch đầu dòng) lies among a unit's own paragraphs, in order.

    A dash item starts at a `- ` paragraph and runs to the next one; the last takes only the
    `+ ` paragraphs under it, since what follows it is the unit's closing text (`part_text`).
    """
    starts = [i for i, t in enumerate(paragraphs) if t.startswith("- ")]
    spans = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else start + 1
        if n + 1 == len(starts):
            while end < len(paragraphs) and paragraphs[end].startswith("+ "):
                end += 1
        spans.append((start, end))
    return spans


def plus_items(paragraphs: Sequence[str], dash: tuple[int, int]) -> list[tuple[int, int]]:
    """Where each plus item (`+ `, ý) of the dash item spanning `dash` lies among the unit's paragraphs.

    A plus item starts at a `+ ` paragraph and runs to the next one; the last takes only its own
    paragraph, since what follows it inside the dash item is the dash item's own text.
    """
    starts = [i for i in range(dash[0] + 1, dash[1]) if paragraphs[i].startswith("+ ")]
    return [(start, starts[n + 1] if n + 1 < len(starts) else start + 1) for n, start in enumerate(starts)]


def part_text(unit: Unit, part: str) -> tuple[int, int] | None:
    """Where a unit's lead-in (`INTRO`) or closing text (`END`) lies, as a slice of its paragraphs.

    For a unit with children the lead-in is all of `text` and the closing text all of `closing`
    (the slice then indexes that tuple). A unit without children but with dash items has a
    lead-in before the first dash item and a closing text after the last. None when the unit
    has no such part (no children and no dash items, or nothing before/after them).
    A dash item (`dashN`) is the N-th of `dash_items(unit.text)`, None when there are fewer; a plus
    item (`dashN.plusM`) the M-th of `plus_items` in it. A title is no paragraph: None (`part_paragraphs`
    reads it).
    """
    if part == TITLE:
        return None
    plus = plus_ordinals(part)
    if plus is not None:
        spans = dash_items(unit.text)
        dash, ordinal = plus
        if dash > len(spans) or ordinal is None:
            return None
        inside = plus_items(unit.text, spans[dash - 1])
        return inside[ordinal - 1] if ordinal <= len(inside) else None
    ordinal = dash_ordinal(part)
    if ordinal is not None:
        spans = dash_items(unit.text)
        return spans[ordinal - 1] if ordinal <= len(spans) else None
    if unit.children:
        paragraphs = unit.text if part == INTRO else unit.closing
        return (0, len(paragraphs)) if paragraphs or part == INTRO else None
    dashes = [i for i, t in enumerate(unit.text) if t.startswith(("- ", "+ "))]
    if not dashes:
        return None
    span = (0, dashes[0]) if part == INTRO else (dashes[-1] + 1, len(unit.text))
    return span if span[1] > span[0] else None


def part_paragraphs(unit: Unit, part: str) -> tuple[str, ...]:
    """The paragraphs of a unit's title (its one line), lead-in, closing text, dash or plus item (empty when it
    has none)."""
    if part == TITLE:
        return (unit.title,) if unit.title and not unit.repealed else ()
    span = part_text(unit, part)
    if span is None:
        return ()
    source = unit.closing if part == END and unit.children else unit.text
    return source[span[0]:span[1]]


def unit_parts(unit: Unit) -> Iterator[str]:
    """The parts a unit has, in reading order: its title, its lead-in, its dash items (each followed by its plus
    items) and its closing text, each only when it holds text."""
    if part_paragraphs(unit, TITLE):
        yield TITLE
    if part_paragraphs(unit, INTRO):
        yield INTRO
    for dash, span in enumerate(dash_items(unit.text), 1):
        yield dash_part(dash)
        yield from (plus_part(dash, n) for n in range(1, len(plus_items(unit.text, span)) + 1))
    if part_paragraphs(unit, END):
        yield END


Held = tuple[str, ...]  # the parts a paragraph lies in, outermost first: (INTRO,), ("dash2", "dash2.plus1"), ()


def paragraph_parts(unit: Unit) -> tuple[tuple[Held, ...], tuple[Held, ...]]:
    """The parts each of a unit's own paragraphs lies in, outermost first: one for each paragraph of its `text`,
    one for each of its `closing`.

    A paragraph of a lead-in is in `INTRO`, of a closing text in `END`, of a dash item in `dashN` (and in
    `INTRO` too when the dash items are in the lead-in of a unit with children), of a plus item in `dashN` and
    `dashN.plusM`; the text of a unit without children or dash items is in none (`()`). The parts met are
    exactly those of `unit_parts` but the title, which is no paragraph.
    """
    text: list[list[str]] = [[] for _ in unit.text]

    def put(span: tuple[int, int] | None, part: str) -> None:
        for i in range(*span) if span else ():
            text[i].append(part)

    put(part_text(unit, INTRO), INTRO)
    for dash, span in enumerate(dash_items(unit.text), 1):
        put(span, dash_part(dash))
        for number, inner in enumerate(plus_items(unit.text, span), 1):
            put(inner, plus_part(dash, number))
    if not unit.children:
        put(part_text(unit, END), END)
    closing: tuple[Held, ...] = ((END,),) * len(unit.closing) if unit.children else ((),) * len(unit.closing)
    return tuple(tuple(held) for held in text), closing


def find_part(reg: Regulation, target: Address) -> Located:
    """The unit at `target`, the unit holding it when it names a part (`d5.k2.intro`, `d5.k1.a.dash2`).

    Unlike `Regulation.find`, which answers the holding unit whatever the part, a part the unit does not
    have (a fifth dash item of a point with two, the lead-in of a clause without points) is `UnknownUnit`,
    naming the parts the unit has and the nearest one.
    """
    located = reg.find(target)
    if target.part:
        parts = list(unit_parts(located.unit))
        if target.part not in parts:
            from regdraft.core.nearest import missing_part_message

            raise UnknownUnit(missing_part_message(reg, target, parts))
    return located


def reading_order(reg: Regulation) -> dict[str, int]:
    """Each address of a draft and its place in reading order, the parts of a unit included: its title, lead-in,
    dash and plus items right after it, its closing text after its last child."""
    order: dict[str, int] = {}
    closings: list[tuple[Address, str]] = []  # closing texts waiting for the end of their unit's children
    for loc in reg.walk():
        while closings and not closings[-1][0].contains(loc.address):
            order[closings.pop()[1]] = len(order)
        order[str(loc.address)] = len(order)
        parts = list(unit_parts(loc.unit))
        for part in parts:
            if part != END or not loc.unit.children:
                order[str(loc.address.with_part(part))] = len(order)
        if END in parts and loc.unit.children:
            closings.append((loc.address, str(loc.address.with_part(END))))
    while closings:
        order[closings.pop()[1]] = len(order)
    return order


def reading_place(order: dict[str, int], on: str) -> int:
    """The place of a provision or part in `reading_order`; a part the draft lacks goes with its unit, an
    address it lacks after everything."""
    if on in order:
        return order[on]
    try:
        unit = str(Address.parse(on).unit)
    except AddressError:
        return len(order)
    return order.get(unit, len(order))


def with_part(unit: Unit, part: str, paragraphs: Sequence[str]) -> Unit:
    """`unit` with its title, lead-in, closing text or a dash item replaced by `paragraphs` (removed when empty;
    a title is one paragraph)."""
    if part == TITLE:
        return replace(unit, title=" ".join(paragraphs) or None)
    if unit.children and not is_item_part(part):
        return replace(unit, text=tuple(paragraphs)) if part == INTRO else replace(unit, closing=tuple(paragraphs))
    span = part_text(unit, part)
    if span is None:
        # A unit without children and dash items: the closing text is added after all its text.
        span = (len(unit.text), len(unit.text)) if part == END else (0, 0)
    return replace(unit, text=(*unit.text[:span[0]], *paragraphs, *unit.text[span[1]:]))


def table_rows(text: str) -> list[list[str]]:
    """The cells of a paragraph holding a Markdown table (`| a | b |` lines), its separator line left out;
    a row shorter than the longest is filled with empty cells (a table printed with fixed columns cuts off
    a cell the first row has no column for)."""
    rows = []
    for line in text.split("\n"):
        cells = row_cells(line)
        if all(set(c) <= set(":- ") for c in cells):
            continue
        rows.append(cells)
    width = max(map(len, rows), default=0)
    return [row + [""] * (width - len(row)) for row in rows]


# A cell's border in a table row: a `|` not escaped (`\\|` is a `|` of the cell's words, as GFM reads it).
_CELL_BORDER = lazy(r"(?<!\\)\|")


def row_cells(line: str) -> list[str]:
    """The cells of a Markdown table's row (`| a | b \\| c |`: `a` and `b \\| c`), each stripped, Markdown inline."""
    line = line.strip()
    line = line[1:] if line.startswith("|") else line
    line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
    return [c.strip() for c in _CELL_BORDER.split(line)]


def table_head(text: str) -> bool:
    """Whether a Markdown table's first row is a row of column headings, printed again at the top of each page the
    table runs onto (as Word's "repeat header row"): a row above the separator line, and a table of at least
    two rows under it, whose every cell is a short name (`STT`, `Chức danh`, `Nhiệm vụ`), not a sentence.

    Markdown gives every table a first row above its separator, so a form imported from a law (Nghị định
    63/2010's `| I. Về sự cần thiết của thủ tục hành chính | |`, or a first question and its answer) has one
    too; its first row is a row of the form, printed once.
    """
    lines = text.split("\n")
    if len(lines) < 4 or not all(set(c) <= set(":- ") for c in row_cells(lines[1])):
        return False
    cells = row_cells(lines[0])
    return all(cell and len(cell) <= HEADING_CELL and cell[-1] not in ".;:?!…" for cell in cells)


HEADING_CELL = 60  # characters: a column's name is short; a cell longer than this is text of the table


def is_table(text: str) -> bool:
    """Whether a paragraph is a Markdown table: every line a row (`| a | b |`)."""
    return text.startswith("|") and all(line.lstrip().startswith("|") for line in text.split("\n"))
