"""Applying one instruction changes only the text inside the unit it targets (issue 12 §1).

On every shipped regulation and every corpus text (imported through the importer), instructions
of every single-unit kind are applied to a sample of provisions, and the rendered text before and
after is compared byte for byte outside the targeted unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.core.amend.apply import Applied, apply, next_insert_label
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.edits import document
from regdraft.core.amend.grammar import InsertUnit, Operation, RepealUnits, ReplaceUnit, ReplaceWords
from regdraft.core.errors import AmendmentConflict
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render, render_unit
from regdraft.core.model import HEADING_KINDS, Address, Kind, Located, Regulation, Unit
from regdraft.core.parts import part_paragraphs
from regdraft.importer import import_file
from tests.conftest import CORPUS, REPO_ROOT

AMENDMENTS = CORPUS.parent / "amendments"
TEXTS = [*sorted((REPO_ROOT / "regulations").glob("*.md")), *sorted(CORPUS.glob("*.txt")),
         *sorted(AMENDMENTS.glob("*/base-*.txt"))]
SAMPLE = 14  # provisions per kind of instruction and text


def _id(path: Path) -> str:
    return path.name


def load(path: Path) -> Regulation:
    if path.suffix == ".md":
        text = path.read_text(encoding="utf-8")
    else:
        text = import_file(path, reg_id="X-1").text
    return read(render(read(text).regulation)).regulation  # lines as in the canonical text


def sample(items: list[Located]) -> list[Located]:
    step = max(1, len(items) // SAMPLE)
    return items[::step][:SAMPLE]


def span(text: str, reg: Regulation, loc: Located) -> tuple[int, int] | None:
    """Where the unit's rendered blocks lie in `text` (None when the unit renders differently alone)."""
    depth = 1 + sum(1 for a in loc.ancestors if a.kind in HEADING_KINDS)
    alone = render_unit(loc.unit, reg.language, depth).rstrip("\n")
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: loc.unit.line - 1])
    if text[start:start + len(alone)] != alone:
        return None
    return start, start + len(alone)


def operations(loc: Located, reg: Regulation) -> Iterator[tuple[str, Operation, Unit | None]]:
    unit, address = loc.unit, loc.address
    if unit.repealed:
        return
    if unit.kind is Kind.ARTICLE:
        yield "replace", ReplaceUnit(address), Unit(Kind.ARTICLE, unit.label, "Tên mới", ("Nội dung mới.",))
    else:
        yield "replace", ReplaceUnit(address), Unit(unit.kind, unit.label, None, ("Nội dung mới.",))
    yield "repeal", RepealUnits((address,)), None
    words = [w for t in (*unit.text, *unit.closing) for w in t.split() if len(w) > 3 and w.isalpha()]
    if words:
        yield "words", ReplaceWords(words[0], "CỤMTỪMỚI", (address,)), None
    label = next_insert_label(unit.kind, unit.label)
    new = Unit(unit.kind, label, "Điều mới" if unit.kind is Kind.ARTICLE else None, ("Nội dung bổ sung.",))
    yield "insert", InsertUnit(Address((*address.segments[:-1], address.segments[-1].__class__(unit.kind, label))),
                               after=address), new
    if unit.children and unit.kind in (Kind.ARTICLE, Kind.CLAUSE):
        if part_paragraphs(unit, "intro"):
            yield "intro", ReplaceUnit(address.with_part("intro")), Unit(unit.kind, unit.label, None, ("Mở đầu mới:",))
        if unit.closing:
            yield "end", ReplaceUnit(address.with_part("end")), Unit(unit.kind, unit.label, None, ("Đoạn cuối mới.",))
        else:
            yield "add end", InsertUnit(address.with_part("end"), parent=address), Unit(
                unit.kind, unit.label, None, ("Đoạn cuối thêm.",))


def applied(reg: Regulation, op: Operation, unit: Unit | None) -> Applied | None:
    ins = Instruction("1", 1, "instruction", op, (), unit)
    try:
        return apply(reg, document(reg, (ins,)))
    except AmendmentConflict:
        return None  # e.g. the inserted label is taken; what applies is checked


@pytest.mark.slow
@pytest.mark.parametrize("path", TEXTS, ids=_id)
def test_one_instruction_changes_only_the_unit_it_targets(path: Path) -> None:
    reg = load(path)
    before = render(reg)
    units = [loc for loc in reg.walk() if loc.unit.kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)]
    tried = applied_count = 0
    kinds: set[str] = set()
    for kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
        for loc in sample([u for u in units if u.unit.kind is kind]):
            where = span(before, reg, loc)
            if where is None:
                continue
            for name, op, new in operations(loc, reg):
                tried += 1
                result = applied(reg, op, new)
                if result is None:
                    continue
                applied_count += 1
                kinds.add(name)
                after = render(result.regulation)
                start, end = where
                if name == "insert" and not result.punctuation:
                    start = end  # nothing of the unit it follows changes: the new unit comes right after it
                for mark in result.punctuation:  # the consequential edit of the item before (issue 12 §3)
                    other = span(before, reg, reg.find(mark.address))
                    assert other is not None and mark.address.parent() == loc.address.parent()
                    start, end = min(start, other[0]), max(end, other[1])
                    punctuated = result.regulation.find(mark.address).unit.text[-1]
                    assert punctuated[:-1] == reg.find(mark.address).unit.text[-1][:-1]
                assert after.startswith(before[:start]), (path.name, name, str(loc.address))
                assert after.endswith(before[end:]), (path.name, name, str(loc.address))
                if name in ("intro", "end", "add end"):
                    changed = result.regulation.find(loc.address).unit
                    assert changed.children == loc.unit.children, (path.name, name, str(loc.address))
                    kept = changed.closing == loc.unit.closing if name == "intro" else changed.text == loc.unit.text
                    assert kept, (path.name, name, str(loc.address))
    assert applied_count >= tried // 2 and {"replace", "repeal", "insert"} <= kinds, (tried, applied_count, kinds)


def with_plus_items(reg: Regulation) -> Regulation:
    """`reg` with each dash item of its clauses divided into two plus items, so plus items are tried too."""
    from regdraft.core.parts import dash_items

    def divided(unit: Unit) -> Unit:
        starts = {s for s, _ in dash_items(unit.text)}
        text: list[str] = []
        for i, paragraph in enumerate(unit.text):
            text.append(paragraph)
            if i in starts and paragraph != "- (được bãi bỏ)":
                text.extend(("+ ý một của mục này;", f"+ ý hai của mục này{paragraph[-1]}"))
        return Unit(unit.kind, unit.label, unit.title, tuple(text),
                    tuple(divided(c) for c in unit.children), unit.repealed, unit.line, unit.closing)

    return read(render(reg.with_units(tuple(divided(u) for u in reg.units)))).regulation


def item_operations(loc: Located) -> Iterator[tuple[str, Operation, Unit | None, Address, bool]]:
    """Instructions on each dash and plus item of a unit: (name, operation, quoted text, item, inserts)."""
    from regdraft.core.address import dash_part, plus_part
    from regdraft.core.parts import dash_items, part_text, plus_items

    unit, address = loc.unit, loc.address
    for d, span in enumerate(dash_items(unit.text), 1):
        items = [(address.with_part(dash_part(d)), "- ")]
        items += [(address.with_part(plus_part(d, p)), "+ ") for p in range(1, len(plus_items(unit.text, span)) + 1)]
        for item, mark in items:
            new = Unit(unit.kind, unit.label, None, (f"{mark}Nội dung mới;",))
            start = part_text(unit, item.part)
            assert start is not None
            word = next((w for w in unit.text[start[0]].split() if len(w) > 3 and w.isalpha()), "của")
            yield "replace", ReplaceUnit(item), new, item, False
            yield "repeal", RepealUnits((item,)), None, item, False
            yield "words", ReplaceWords(word, "CỤMTỪMỚI", (item,)), None, item, False
            yield "insert", InsertUnit(item.unit.with_part(item.part[:-1] + str(int(item.part[-1]) + 1)),
                                       after=item), new, item, True


@pytest.mark.slow
@pytest.mark.parametrize("plus", [False, True], ids=["dash items", "plus items"])
@pytest.mark.parametrize("path", sorted((REPO_ROOT / "regulations").glob("*.md")), ids=_id)
def test_one_instruction_on_a_dash_or_plus_item_changes_only_that_item(path: Path, plus: bool) -> None:
    from regdraft.core.parts import part_text

    reg = load(path)
    if plus:
        reg = with_plus_items(reg)
    before = render(reg)
    holders = [loc for loc in reg.walk() if any(t.startswith("- ") for t in loc.unit.text)
               and loc.unit.kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)]
    tried: set[str] = set()
    for loc in holders:
        where = span(before, reg, loc)
        assert where is not None, str(loc.address)
        for name, op, new, item, inserts in item_operations(loc):
            if plus != ("plus" in item.part):
                continue
            result = applied(reg, op, new)
            if result is None:
                continue  # e.g. the words are not in that item
            tried.add(name)
            after = render(result.regulation)
            # Outside the unit holding the item, nothing changes.
            assert after.startswith(before[:where[0]]) and after.endswith(before[where[1]:]), (name, str(item))
            old, changed = loc.unit, result.regulation.find(loc.address).unit
            assert (changed.children, changed.closing) == (old.children, old.closing)
            # Inside it, only the item's paragraphs (for an insert: none before the new item) change, and
            # the end of the item before an item appended at the end of its list.
            start, end = part_text(old, item.part) or (0, 0)
            head = old.text[:end] if inserts else old.text[:start]
            tail = old.text[end:]
            for mark in result.punctuation:
                at = (part_text(old, mark.address.part) or (0, 0))[1] - 1
                assert changed.text[at][:-1] == old.text[at][:-1] and mark.address.unit == loc.address
                head = head[:at] if at < len(head) else head
            assert changed.text[:len(head)] == head, (name, str(item))
            assert changed.text[len(changed.text) - len(tail):] == tail if tail else True, (name, str(item))
    assert {"replace", "repeal", "insert", "words"} <= tried, tried
