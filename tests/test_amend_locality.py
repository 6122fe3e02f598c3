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
from regdraft.core.markdown import read, render, render_unit
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
