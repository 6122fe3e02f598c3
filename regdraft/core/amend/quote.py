"""Quoted new text in an amending document: the unit (or title) between “ and ”.

The quoted paragraphs are read with the regulation format's rules (docs/format.md), so the
new unit is exactly what `regdraft.core.markdown.parse` would build from the same lines.
"""

from __future__ import annotations

import re

from regdraft.core.address import is_dash_part, is_plus_part
from regdraft.core.address.designated import designated
from regdraft.core.amend.grammar import GrammarError, InsertUnit, Operation, ReplaceHeading, ReplaceUnit
from regdraft.core.amend.headings import build_heading, heading_start
from regdraft.core.blocks import item_as_read
from regdraft.core.labels import appendix_heading
from regdraft.core.markdown_writer import numbered_read
from regdraft.core.model import (
    REPEALED_TEXT,
    Address,
    Kind,
    Segment,
    Unit,
    chapter_label,
    noun,
    part_name,
)
from regdraft.core.parts import closing_mark
from regdraft.core.patterns import lazy
from regdraft.core.text import short as short  # where the amending modules import it from

HEADING = lazy(r"^(Điều|Article)\s+(\d+[a-z]?)\s*(?:[.:]\s*(.*))?$", re.I)
CLAUSE = lazy(r"^(\d+[a-z]?)\\?\.(?:\s+(.*))?$", re.S)
POINT = lazy(r"^(dd|[a-zđ])(\d*)\)(?:\s+(.*))?$", re.S)
CLOSE = lazy(r"(?:[”\"]|’’|'')[.;,]?$")
ODD_CLOSE = lazy(r"(?:’’|'')[.;,]?$")
"""A quotation closed with a doubled apostrophe, a typing slip real documents have: read, with a warning."""


def shown(paragraph: str, limit: int = 40) -> str:
    """A paragraph as a message quotes it: as it reads (`2. Việc …`, not the file's `2\\. Việc …`), cut short."""
    return short(numbered_read(paragraph), limit)


class QuoteMismatch(GrammarError):
    """The quoted text is another unit than the one the instruction names (`target`): one of the two numbers
    is wrong, and only the text amended can tell which (`amend check` says so when the instruction's is)."""

    def __init__(self, message: str, target: Address) -> None:
        super().__init__(message)
        self.target = target


def strip_quotes(paragraphs: list[str]) -> list[str]:
    """The quoted paragraphs without the opening and closing marks (and a final `.` or `;`). A closing mark on a
    line of its own (`”.` after a table, whose last cell cannot hold it) ends the quote and is no paragraph."""
    out = list(paragraphs)
    out[0] = out[0][1:]
    out[-1] = CLOSE.sub("", out[-1])
    out = [p.strip() for p in out]
    if len(out) > 1 and not out[-1]:
        out.pop()
    out[0] = item_as_read(out[0])  # `“- - 0 …”`: the block reader did not see the dash item behind the mark
    return out


def quoted_unit(op: Operation, quote: list[tuple[str, int]], language: str) -> Unit:
    """Build the new unit from the quoted paragraphs, using the regulation format's rules."""
    paragraphs = strip_quotes([p for p, _ in quote])
    return build_unit(op, paragraphs, [line for _, line in quote][:len(paragraphs)], language)


def build_unit(op: Operation, paragraphs: list[str], lines: list[int], language: str) -> Unit:
    """The new unit (or title) from quoted paragraphs already stripped of their quote marks."""
    line = lines[0]
    if isinstance(op, ReplaceHeading):
        return _heading(op.target, paragraphs, line, language)
    target = op.target if isinstance(op, (ReplaceUnit, InsertUnit)) else None
    assert target is not None
    if target.part:
        return _part_quote(target, paragraphs, line, language)
    if target.kind in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION) and isinstance(op, InsertUnit):
        return build_heading(target, paragraphs, lines, language,
                             lambda article, texts, at: build_unit(InsertUnit(article), texts, at, language))
    kind, label = target.kind, target.label
    paragraphs, lines = _without_context(target, paragraphs, lines)
    first = paragraphs[0]
    expected = _written_label(kind, label, language)
    if kind is Kind.APPENDIX:
        heading = _appendix_start(first, language)
        if heading is None or heading[0] != label:
            raise GrammarError(f"the quoted text must begin with '{expected}', the appendix the instruction names, "
                               f"not '{shown(first)}'.")
        # Free text, as in the regulation file: `1\\. …` is a numbered line of a form, not a clause.
        text = tuple(numbered_read(p) for p in paragraphs[1:])
        return Unit(Kind.APPENDIX, label, heading[2] or None, text, (), False, lines[0], designation=heading[1])
    if kind is Kind.ARTICLE:
        match = HEADING.match(first)
        if match is not None and match.group(2) != label:
            raise _mismatch(target, Address((Segment(Kind.ARTICLE, match.group(2)),)), first, language)
        if match is None:
            raise GrammarError(
                f"the quoted text must begin with '{expected}', the unit the instruction names, "
                f"not '{shown(first)}'."
            )
        root = Unit(Kind.ARTICLE, label, (match.group(3) or "").strip() or None, (), (), False, lines[0])
    else:
        quoted = _quoted_address(target, paragraphs)
        if quoted is not None and quoted != target:
            raise _mismatch(target, quoted, first, language)
        found = _unit_start(first)
        if found is None or found[0] is not kind or found[1] != label:
            raise GrammarError(
                f"the quoted text must begin with '{expected}', the unit the instruction names, "
                f"not '{shown(first)}'."
            )
        root = Unit(kind, label, None, (found[2],) if found[2] else (), (), False, lines[0])
    return _build_tree(root, paragraphs[1:], lines[1:], language)


def _quoted_address(target: Address, paragraphs: list[str]) -> Address | None:
    """The unit the quoted text begins, placed where the instruction's target is: `2. …` for `khoản 7 Điều 10`
    is khoản 2 Điều 10; under an article heading left before it (`Điều 10. …` then `2. …`, for `khoản 2 Điều
    100`) it is in that article. None when the text begins no unit of the target's kind."""
    heading = HEADING.match(paragraphs[0]) if len(paragraphs) > 1 else None
    found = _unit_start(paragraphs[1] if heading is not None else paragraphs[0])
    if found is None or found[0] is not target.kind:
        return None
    segments = [*target.segments[:-1], Segment(found[0], found[1])]
    if heading is not None:
        at = next((i for i, seg in enumerate(segments) if seg.kind is Kind.ARTICLE), None)
        if at is None:
            return None
        segments[at] = Segment(Kind.ARTICLE, heading.group(2))
    return Address(tuple(segments))


def _mismatch(target: Address, quoted: Address, first: str, language: str) -> QuoteMismatch:
    """`the instruction names khoản 7 Điều 10 but the quoted text is khoản 2 (`2. Việc …`)`: the quoted unit
    named alone when only its own number differs, with the units above it when one of theirs does."""
    alone = quoted.segments[:-1] == target.segments[:-1]
    described = Address(quoted.segments[-1:] if alone else quoted.segments).describe(language)
    return QuoteMismatch(f"the instruction names {target.describe(language)} but the quoted text is {described} "
                         f"(`{shown(first)}`).", target)


def _without_context(target: Address, paragraphs: list[str], lines: list[int]) -> tuple[list[str], list[int]]:
    """Decrees quote the heading of the article a clause belongs to before the clause
    (`“Điều 10. Đánh giá tác động ...` then `2. ...`): that heading shows where, it is not new text."""
    if target.kind is Kind.ARTICLE or len(paragraphs) < 2:
        return paragraphs, lines
    match = HEADING.match(paragraphs[0])
    article = next((s.label for s in target.segments if s.kind is Kind.ARTICLE), None)
    if match is not None and match.group(2) == article:
        return paragraphs[1:], lines[1:]
    return paragraphs, lines


def starts(op: Operation, paragraph: str, language: str = "vi") -> bool:
    """True when `paragraph` begins the new text of `op` (its label, or an article heading; an appendix's as a text
    in `language` heads it)."""
    target = op.target if isinstance(op, (ReplaceUnit, InsertUnit, ReplaceHeading)) else None
    if target is None:
        return False
    if target.kind in (Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION) and isinstance(op, InsertUnit):
        heading = heading_start(paragraph)
        return heading is not None and heading[:2] == (target.kind, target.label)
    if target.kind is Kind.APPENDIX:
        named = _appendix_start(paragraph, language)
        return named is not None and named[0] == target.label
    if target.kind is Kind.ARTICLE or isinstance(op, ReplaceHeading):
        match = HEADING.match(paragraph)
        return match is not None and match.group(2) == target.label
    found = _unit_start(paragraph)
    return found is not None and found[0] is target.kind and found[1] == target.label


def split_quote(parts: list[Operation], paragraphs: list[str], lines: list[int],
                language: str) -> list[tuple[list[str], list[int]]]:
    """Cut the quoted paragraphs of a several-unit instruction into each unit's, in the order named."""
    first_target = parts[0].target if isinstance(parts[0], (ReplaceUnit, InsertUnit, ReplaceHeading)) else None
    if first_target is not None and not starts(parts[0], paragraphs[0], language):
        paragraphs, lines = _without_context(first_target, paragraphs, lines)
    starts_at: list[int] = []
    position = 0
    for op in parts:
        index = next((i for i in range(position, len(paragraphs)) if starts(op, paragraphs[i], language)), None)
        if index is None or (not starts_at and index != 0):
            target = op.target if isinstance(op, (ReplaceUnit, InsertUnit, ReplaceHeading)) else None
            assert target is not None
            raise GrammarError(
                f"the quoted text must hold the new {target.describe(language)} "
                f"(beginning '{_written_label(target.kind, target.label, language)}'), in the order the "
                "instruction names the provisions."
            )
        starts_at.append(index)
        position = index + 1
    bounds = [*starts_at, len(paragraphs)]
    return [(paragraphs[a:b], lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _part_quote(target: Address, paragraphs: list[str], line: int, language: str) -> Unit:
    """A new lead-in or closing text: its paragraphs, on a unit of the target's kind and label.

    Real documents quote a new lead-in with its unit's label (“6. ... bao gồm:”), so a leading
    label equal to the target's is dropped; any other unit start is refused.
    """
    kind, label = target.kind, target.label
    paragraphs = list(paragraphs)
    first = paragraphs[0]
    start = HEADING.match(first) if kind is Kind.ARTICLE else None
    found = _unit_start(first)
    if start is not None and start.group(2) == label:
        paragraphs[0] = (start.group(3) or "").strip()
    elif found is not None and found[0] is kind and found[1] == label:
        paragraphs[0] = found[2]
    paragraphs = [p for p in paragraphs if p]
    for paragraph in paragraphs:
        other = None if paragraph.startswith(("- ", "+ ")) else _unit_start(paragraph)
        if other is not None or HEADING.match(paragraph):
            part = part_name(target.part, kind, language).removeprefix("the ").removesuffix(" of")
            raise GrammarError(
                f"the quoted {part} contains '{shown(paragraph)}', which starts another unit; "
                f"quote only the {part} itself."
            )
    if not paragraphs:
        raise GrammarError("the quoted text is empty.")
    if is_dash_part(target.part) and not paragraphs[0].startswith("- "):
        raise GrammarError(
            f"a quoted dash item begins with '- ' (“- ...”), not '{shown(paragraphs[0])}'; "
            "write the dash as the text will read.")
    if is_plus_part(target.part) and not paragraphs[0].startswith("+ "):
        raise GrammarError(
            f"a quoted plus item (ý) begins with '+ ' (“+ ...”), not '{shown(paragraphs[0])}'; "
            "write the plus sign as the text will read.")
    if is_plus_part(target.part) and any(p.startswith("- ") for p in paragraphs):
        raise GrammarError("a quoted plus item (ý) holds no dash item ('- '); amend the dash item instead.")
    return Unit(kind, label, None, tuple(paragraphs), (), False, line)


def _written_label(kind: Kind, label: str, language: str) -> str:
    if kind is Kind.APPENDIX:
        return f"{designated(label, language)}."  # `Schedule 1.` as the text names it
    if kind is Kind.ARTICLE:
        return f"{noun(kind, language)} {label}."
    if kind is Kind.CLAUSE:
        return f"{label}."
    return f"{label.replace('đ', 'dd') if language == 'en' else label})"


def _unit_start(paragraph: str) -> tuple[Kind, str, str] | None:
    clause = CLAUSE.match(paragraph)
    if clause:
        return Kind.CLAUSE, clause.group(1), (clause.group(2) or "").strip()
    point = POINT.match(paragraph)
    if point:
        return Kind.POINT, point.group(1).replace("dd", "đ") + point.group(2), (point.group(3) or "").strip()
    return None


def _build_tree(root: Unit, paragraphs: list[str], lines: list[int], language: str) -> Unit:
    """Attach clauses, points, text and closing texts below `root` as the regulation parser would."""
    clauses: list[tuple[Unit, list[Unit]]] = []
    root_points: list[Unit] = []
    root_text = list(root.text)
    last: list[str] = root_text
    texts: dict[int, list[str]] = {}
    closings: dict[int, list[str]] = {}
    holder_of_last: Unit | None = None  # the unit holding the most recent clause or point
    for paragraph, line in zip(paragraphs, lines, strict=True):
        mark = closing_mark(paragraph)
        if mark is not None:
            holder = _closed(mark, root, clauses, holder_of_last, language)
            last = closings.setdefault(id(holder), [])
            continue
        start = None if paragraph.startswith(("- ", "+ ")) else _unit_start(paragraph)
        if start is not None and start[0] is Kind.CLAUSE and root.kind is Kind.ARTICLE:
            unit = Unit(Kind.CLAUSE, start[1], None, (start[2],) if start[2] else (), (), False, line)
            clauses.append((unit, []))
            texts[id(unit)] = list(unit.text)
            last = texts[id(unit)]
            holder_of_last = root
        elif start is not None and start[0] is Kind.POINT and root.kind is not Kind.POINT:
            point = Unit(Kind.POINT, start[1], None, (start[2],) if start[2] else (), (), False, line)
            texts[id(point)] = list(point.text)
            (clauses[-1][1] if clauses else root_points).append(point)
            last = texts[id(point)]
            holder_of_last = clauses[-1][0] if clauses else root
        elif start is not None:
            inside = noun(root.kind, language)
            raise GrammarError(
                f"the quoted {inside} contains '{shown(paragraph)}', which is not part of a "
                f"{inside}; quote one unit per instruction."
            )
        else:
            last.append(paragraph)

    def finish(unit: Unit, children: tuple[Unit, ...] = ()) -> Unit:
        text = tuple(texts.get(id(unit), unit.text))
        # A quoted placeholder (`b) (được bãi bỏ)`) is a repealed unit, as the regulation parser reads it.
        repealed = text == (REPEALED_TEXT[language],) and not children
        return Unit(unit.kind, unit.label, None if repealed else unit.title, () if repealed else text, children,
                    repealed, unit.line, tuple(closings.get(id(unit), ())))

    children = tuple(finish(p) for p in root_points) + tuple(
        finish(c, tuple(finish(p) for p in points)) for c, points in clauses
    )
    return Unit(root.kind, root.label, root.title, tuple(root_text), children, False, root.line,
                tuple(closings.get(id(root), ())))


def _closed(mark: tuple[Kind, str] | tuple[()], root: Unit, clauses: list[tuple[Unit, list[Unit]]],
            holder: Unit | None, language: str) -> Unit:
    """The unit a closing-text marker in a quote closes (docs/format.md), or `GrammarError`."""
    if mark:
        kind, label = mark
        named = [root] if root.kind is kind and root.label == label else [
            c for c, _ in clauses[-1:] if c.kind is kind and c.label == label]
        if not named:
            raise GrammarError(
                f"the quoted text marks the closing text of {noun(kind, language)} {label}, which is not the "
                "unit just above the marker."
            )
        holder = named[0]
    if holder is None:
        raise GrammarError("the quoted text has a closing-text marker with no point or clause above it.")
    return holder


def _heading(target: Address, paragraphs: list[str], line: int, language: str) -> Unit:
    if target.kind is Kind.APPENDIX:
        return _appendix_title(target, paragraphs, line, language)
    if len(paragraphs) != 1:
        raise GrammarError("a new title is one quoted paragraph.")
    title = paragraphs[0]
    word = re.escape(noun(target.kind, language))
    match = re.match(rf"^{word}\s+([^\s.:]+)\s*[.:]\s*(.+)$", title, re.I)
    if match:
        label = match.group(1)
        # A chapter title whose first word is not a chapter number is a title, not a label.
        named = chapter_label(label) if target.kind is Kind.CHAPTER else label
        if named is not None and named != target.label:
            raise GrammarError(
                f"the quoted title names {noun(target.kind, language)} {label}, but the "
                f"instruction renames {target.describe(language)}."
            )
        title = match.group(2).strip()
    if not title:
        raise GrammarError("the new title is empty.")
    return Unit(target.kind, target.label, title, (), (), False, line)


def _appendix_title(target: Address, paragraphs: list[str], line: int, language: str) -> Unit:
    """An appendix's new title, quoted bare (`“BIỂU MẪU …”`), after its heading (`“Phụ lục I. BIỂU MẪU …”`,
    `“Schedule 1. Salary scale”`), or below it as appendices are headed (`“PHỤ LỤC I` then `BIỂU MẪU …”`)."""
    heading = _appendix_start(paragraphs[0], language)
    if heading is not None and heading[0] != target.label:
        raise GrammarError(f"the quoted title names {heading[1] or f'{noun(Kind.APPENDIX, language)} {heading[0]}'}, "
                           f"but the instruction renames {target.describe(language)}.")
    if heading is not None and not heading[2] and len(paragraphs) == 2:
        title = paragraphs[1]
    elif len(paragraphs) != 1:
        raise GrammarError("a new title is one quoted paragraph (or the appendix's heading, then its title).")
    else:
        title = heading[2] if heading is not None else paragraphs[0]
    if not title.strip():
        raise GrammarError("the new title is empty.")
    return Unit(target.kind, target.label, title.strip(), (), (), False, line)


# An English text's one unnumbered schedule with its title on its heading line, as `wording.unit_paragraphs` quotes it.
_ALONE_TITLED = lazy(r"^(?P<word>APPENDIX|Appendix|ANNEX|Annex|SCHEDULE|Schedule)\s*[.:]\s+(?P<title>\S.*)$")


def _appendix_start(paragraph: str, language: str) -> tuple[str | None, str, str] | None:
    """`labels.appendix_heading` of a quote's first paragraph, an English text's one unnumbered schedule alone
    (`SCHEDULE`) or with its title (`Schedule. SALARY SCALE`) included: it is appendix 1."""
    found = appendix_heading(paragraph, language, unnumbered=True)
    if found is None and language == "en" and (alone := _ALONE_TITLED.match(paragraph)) is not None:
        return "1", alone.group("word").capitalize(), alone.group("title").strip()
    return found
