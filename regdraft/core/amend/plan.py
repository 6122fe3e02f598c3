"""Planning the instructions that turn the text in force into the edited text: which unit changes, and how.

`plan(old, new, words)` compares the two trees unit by unit, by address (existing units are never
renumbered), and returns the unit-level steps (a unit re-enacted whole; its lead-in, dash or plus item
alone; a heading renamed; a unit inserted or repealed) and the phrase instructions
(`regdraft.core.amend.replacements`). `regdraft.core.amend.edits` words, numbers and checks them; its
docstring lists the choices made here (docs/from-edits.md).

Post-conditions of `plan`:
1. The unit-level steps come first, in the document order of `new`; the phrase instructions follow, in
   the document order of the first provision each names.
2. A provision with other changes is not named by a phrase instruction: it is amended on its own, as are
   the points of a clause amended whole because more than half of them changed (`_crowded`).
3. A phrase instruction written throughout the regulation names its provisions instead when a quoted new
   text holds the phrase, so that it does not change what those quotes enact.
4. A change no instruction can make (a repealed unit given text, a new unit as a placeholder, a unit
   inserted where it cannot be placed) raises `RegdraftError` naming the unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from regdraft.core.address import END, INTRO, dash_ordinal, dash_part, plus_part
from regdraft.core.amend import replacements
from regdraft.core.amend.apply import occurrences
from regdraft.core.amend.dashes import repealed_dash
from regdraft.core.amend.grammar import InsertUnit, Operation, RepealUnits, ReplaceHeading, ReplaceUnit
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Address, Kind, Regulation, Unit, label_order, unit_address
from regdraft.core.parts import dash_items, plus_items

_CONTAINERS = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)


@dataclass(frozen=True, slots=True)
class Step:
    """One planned instruction before it is worded: `unit` is the new unit or the renamed heading."""

    op: Operation
    position: int
    unit: Unit | None = None


def plan(old: Regulation, new: Regulation, words: str) -> list[tuple[Operation, Unit | None]]:
    """Phrase instructions (`words`: throughout, targeted or none) and unit-level steps, in document order."""
    excluded: set[Address] = set()
    while True:
        chosen, current = ([], old) if words == "none" else replacements.choose(
            old, new, throughout=words == "throughout", excluded=frozenset(excluded))
        planner = _Planner(current, new)
        steps = planner.steps()
        clash = replacements.clashes(chosen, [s.op for s in steps]) | _crowded(old, new, chosen)
        if not clash - excluded:
            break
        # A provision with other changes is amended on its own; the phrase instruction leaves it alone. So are
        # the points (clauses) of a clause (article) more than half of whose points changed: it is amended whole.
        excluded |= clash
    # House style: the structural instructions in document order, then the word replacements.
    planned: list[tuple[Operation, Unit | None]] = [(s.op, s.unit) for s in steps]
    quoted = [s.unit for s in steps if s.unit is not None]
    for c in sorted(chosen, key=lambda c: planner.position[c.first]):
        op: Operation = c.op
        if c.op.throughout and any(occurrences(u, c.op.old) for u in quoted):
            # Applied after them, a change throughout would change the new text they quote too.
            op = replace(c.op, targets=c.named, titles=c.titles)
        planned.append((op, None))
    return planned


def _crowded(old: Regulation, new: Regulation, chosen: Sequence[replacements.Chosen]) -> set[Address]:
    """The points a phrase instruction names in a clause some of whose other points are amended, and more than
    half of whose points changed counting those the phrase changes: the clause is amended whole instead
    (docs/from-edits.md), as a drafter expects of four points of five edited (Luật Thanh niên: two by the same
    words, two otherwise). Where the phrase alone changes the points, it stays a phrase instruction (real laws
    name several points of a clause so); a phrase written throughout the regulation (a name changed everywhere)
    never counts; and an article is not quoted whole for words changed in two of its clauses. A word instruction
    naming one provision alone (`one_provision`) counts in its article too: Luật Thanh niên's Điều 10 with a number
    changed in khoản 2 and in khoản 3 and khoản 4 repealed is re-enacted, not three instructions.
    """
    targeted = [n for c in chosen if c.op.targets for n in c.named]
    if not targeted:
        return set()
    singles = {c.named[0] for c in chosen if c.op.targets and len(c.named) == 1 and not c.titles}
    everywhere = [n for c in chosen if not c.op.targets for n in c.named]
    old_index = {a: loc.unit for a, loc in old.index().items()}
    crowded: set[Address] = set()
    for loc in new.walk():
        unit, address = loc.unit, loc.address
        phrased = targeted if unit.kind is Kind.CLAUSE else singles if unit.kind is Kind.ARTICLE else ()
        if not phrased or not unit.children:
            continue
        before = old_index.get(address)
        if before is None or before.repealed or unit.repealed or before == unit or _quotes_repeal(before, unit):
            continue
        old_by = {(c.kind, c.label): c for c in before.children}
        changed = total = other = lone = 0
        for child in unit.children:
            was = old_by.get((child.kind, child.label))
            if was is not None and was.repealed and child.repealed:
                continue
            total += 1
            at = address.child(child.kind, child.label)
            inside = [n for n in targeted if at.contains(n)]
            if was != child and at not in everywhere and (unit.kind is Kind.CLAUSE or not inside
                                                          or any(n in singles for n in inside)):
                changed += 1
                other += not any(n in phrased for n in inside)
                lone += any(n in singles for n in inside)
        if total >= 2 and changed * 2 > total and (other or lone >= 2):
            # Two or more provisions of it with words of their own changed read worse than the unit re-enacted.
            crowded |= {n for n in (phrased if other else singles) if n != address and address.contains(n)}
    return crowded


def cited_container(ancestors: tuple[Unit, ...], unit: Unit) -> Address:
    """A container's address as it is cited whole: a section within its chapter (`ch2.m1`), a sub-section within
    its section (`ch2.m1.tm2`); a part or chapter by itself."""
    if unit.kind is Kind.SECTION:
        chapter = next(a for a in ancestors if a.kind is Kind.CHAPTER)
        return unit_address(unit, unit_address(chapter, None))
    if unit.kind is Kind.SUBSECTION:
        section = next(a for a in ancestors if a.kind is Kind.SECTION)
        return unit_address(unit, cited_container(ancestors, section))
    return unit_address(unit, None)


def heads(reg: Regulation) -> dict[Address, Address]:
    """The articles standing first in the part, chapter, section or sub-section directly holding them, with that
    unit as it is cited whole: one inserted there is added `vào đầu Tiểu mục 2 Mục 1 Chương II`."""
    out: dict[Address, Address] = {}
    for loc in reg.articles():
        holder = loc.ancestors[-1] if loc.ancestors else None
        if holder is not None and holder.kind in _CONTAINERS and holder.children[0] is loc.unit:
            out[loc.address] = cited_container(loc.ancestors, holder)
    return out


# Planning --------------------------------------------------------------------------------


class _Planner:
    """Compares the two trees unit by unit and plans a step for each change."""

    def __init__(self, old: Regulation, new: Regulation) -> None:
        self.old = old
        self.new = new
        self.language = old.language
        self.old_index = {a: loc.unit for a, loc in old.index().items()}
        self.position = {loc.address: i for i, loc in enumerate(new.walk())}
        articles = [loc.address for loc in new.articles()]
        self.previous_article = {a: (articles[i - 1] if i else None) for i, a in enumerate(articles)}
        self.heads = heads(new)

    def steps(self) -> list[Step]:
        """Every change, as unit-level steps and phrase candidates, in document order."""
        out: list[Step] = []
        for loc in self.new.walk():
            unit, address = loc.unit, loc.address
            if unit.kind in _CONTAINERS:
                before = self.old_index[address]
                if before.title != unit.title:
                    out.append(Step(ReplaceHeading(address), self.position[address], unit))
            elif unit.kind is Kind.ARTICLE:
                out.extend(self._pair(self.old_index.get(address), unit, address, None, None))
            elif unit.kind is Kind.APPENDIX:
                out.extend(self._appendix(self.old_index.get(address), unit, address))
        return sorted(out, key=lambda s: s.position)

    def _appendix(self, before: Unit | None, unit: Unit, address: Address) -> list[Step]:
        """An appendix is amended whole (`Sửa đổi, bổ sung Phụ lục I như sau:`), renamed when only its title changed
        (`Sửa đổi tên Phụ lục I như sau:`), repealed, or added after the one before it (`Bổ sung Phụ lục IV vào sau
        Phụ lục III`); the first of a text that had none is added at its end (`Bổ sung Phụ lục I vào cuối Luật`)."""
        if before is None:
            at = self.position[address]
            previous = [a for a in self.position if a.kind is Kind.APPENDIX and self.position[a] < at]
            first = not previous and not any(u.kind is Kind.APPENDIX for u in self.old.units)
            if (not previous and not first) or unit.repealed:
                raise RegdraftError(f"The edited text adds {address.describe(self.language)} where regdraft cannot "
                                    "place it; a new appendix follows the last one.")
            op = InsertUnit(address, after=previous[-1]) if previous else InsertUnit(address)
            return [Step(op, self.position[address], unit)]
        if before.repealed or unit.repealed or before == unit:
            return self._pair(before, unit, address, None, None)
        if before.title and unit.title and replace(before, title=unit.title) == unit:  # a title to rename, only it
            return [Step(ReplaceHeading(address), self.position[address], unit)]
        return [Step(ReplaceUnit(address), self.position[address], unit)]

    def _pair(self, before: Unit | None, unit: Unit, address: Address, parent: Address | None,
              previous: Address | None) -> list[Step]:
        where = address.describe(self.language)
        if before is None:
            if unit.repealed:
                raise RegdraftError(f"The edited text adds {where} as a repealed placeholder; a new unit "
                                    "needs its text.")
            return [self._insert(unit, address, parent, previous)]
        if before.repealed:
            if not unit.repealed:
                raise RegdraftError(f"{where} was repealed and the edited text gives it new text; a repealed "
                                    "unit cannot be re-enacted: insert a new unit with a suffixed number instead.")
            return []
        if unit.repealed:
            return [Step(RepealUnits((address,)), self.position[address])]
        if before == unit:
            return []
        return self._unit_steps(before, unit, address)

    def _insert(self, unit: Unit, address: Address, parent: Address | None, previous: Address | None) -> Step:
        suffixed = bool(label_order(unit.kind, unit.label)[1])
        if unit.kind is Kind.ARTICLE:
            previous = self.previous_article[address]
        if previous is not None and address in self.heads:
            # Before the first article of a section: `vào sau Điều 27` would put it at the end of the one before.
            op = InsertUnit(address, parent=self.heads[address], first=True)
        elif previous is not None and (suffixed or unit.kind is Kind.ARTICLE or parent is not None):
            # Also one added at the end of its parent: `Bổ sung điểm e vào sau điểm đ khoản 1 Điều 17`, `Bổ sung khoản
            # 3 vào sau khoản 2 Điều 34`, as Luật 57/2024 writes every one of them.
            op = InsertUnit(address, after=previous)
        elif parent is not None and not suffixed:
            op = InsertUnit(address, parent=parent)  # the first point (clause) of a unit that had none
        else:
            raise RegdraftError(f"The edited text inserts {address.describe(self.language)} where regdraft cannot "
                                "place it; an inserted unit follows the unit whose number it extends.")
        return Step(op, self.position[address], unit)

    def _unit_steps(self, before: Unit, unit: Unit, address: Address) -> list[Step]:
        items = self._item_steps(before, unit, address)
        if items is not None:
            return items
        whole = [Step(ReplaceUnit(address), self.position[address], unit)]
        if unit.kind is Kind.POINT:
            return whole
        title_changed = before.title != unit.title
        lead_changed = before.text != unit.text or before.closing != unit.closing
        children, changed, total = self._children(before, unit, address)
        emptied = _emptied(before, unit)
        # Its lead-in deleted with every point (clause): `Bãi bỏ đoạn mở đầu, khoản 1 và khoản 2 Điều 3.`
        lead_gone = emptied and bool(before.text) and not unit.text and before.closing == unit.closing
        # Only points (clauses) repealed, nothing else of it changed but its title: the repeals (`Bãi bỏ khoản 1, khoản
        # 2 và khoản 4 Điều 5.`, as Luật 57/2024 writes `Bãi bỏ điểm d và điểm đ khoản 2 …`), never a quote of what is
        # left, whatever their number and wherever they stand.
        repeals_only = (bool(children) and all(isinstance(s.op, RepealUnits) for s in children)
                        and (not lead_changed or lead_gone))
        if title_changed and not (before.title and unit.title) and not (repeals_only and unit.title):
            # A title given to an untitled article, or taken away: there is no title to rename, so the article is
            # re-enacted; but one given beside repeals alone is renamed (`Sửa đổi tên Điều 41 như sau:`, which applying
            # gives an untitled article), the repeals worded as such, rather than quoting the title over nothing.
            return whole
        rename = [Step(ReplaceHeading(address), self.position[address], unit)] if title_changed else []
        if lead_gone:
            # The placeholders kept, the lead-in repealed with them (renamed first, if its title changed).
            return [*rename, Step(RepealUnits((address.with_part(INTRO),)), self.position[address]), *children]
        # More than half its points (clauses) changed, not all repealed: re-enacted. With its lead-in rewritten beside
        # the repeals too, as Luật 57/2024 re-enacts khoản 1 Điều 29 of Luật Đấu thầu without its points.
        if total >= 2 and changed * 2 > total and not _quotes_repeal(before, unit) and not repeals_only:
            return whole
        if lead_changed and before.text == unit.text:
            # Only the closing text (and fewer than half the points or clauses): `Sửa đổi, bổ sung đoạn cuối khoản 2
            # Điều 34 như sau:`, then the points, as the lead-in alone below.
            alone = (not title_changed and before.children and unit.children and before.closing and unit.closing
                     and not dash_items(before.closing) and not dash_items(unit.closing))
            if not alone:
                return whole
            closing = Step(ReplaceUnit(address.with_part(END)), self.position[address] + _descendants(unit),
                           Unit(unit.kind, unit.label, None, unit.closing))
            return [*children, closing]
        if lead_changed:
            # Only the lead-in (and fewer than half the points or clauses): `Sửa đổi, bổ sung đoạn mở đầu khoản 2 như
            # sau:`, then the points, as Luật 57/2024 amends khoản 2 Điều 19 of Luật Đấu thầu.
            alone = (not title_changed and before.closing == unit.closing and before.children and unit.children
                     and before.text and unit.text and not dash_items(before.text) and not dash_items(unit.text))
            if not alone:
                return whole
            lead_in = Step(ReplaceUnit(address.with_part(INTRO)), self.position[address],
                           Unit(unit.kind, unit.label, None, unit.text))
            return [lead_in, *children]
        return rename + children

    def _item_steps(self, before: Unit, unit: Unit, address: Address) -> list[Step] | None:
        """Steps on the dash items (and plus items) that changed, when nothing else of the unit did;
        None when the change is not confined to them, or when two or more of its dash items are amended
        (the unit is then amended otherwise: re-enacted whole, as amending documents write it)."""
        if (before.title, before.children, before.closing) != (unit.title, unit.children, unit.closing):
            return None
        old, new = dash_items(before.text), dash_items(unit.text)
        if not old or len(old) != len(new) or before.text[:old[0][0]] != unit.text[:new[0][0]] \
                or before.text[old[-1][1]:] != unit.text[new[-1][1]:]:
            return None
        steps: list[Step] = []
        position = self.position[address]
        amended = 0
        for n, (was, now) in enumerate(zip(old, new, strict=True), 1):
            if before.text[was[0]:was[1]] != unit.text[now[0]:now[1]]:
                steps.extend(self._item(before, unit, address.with_part(dash_part(n)), was, now, position))
                amended += 1
        return None if _several_amended(amended, steps) else steps

    def _item(self, before: Unit, unit: Unit, item: Address, was: tuple[int, int], now: tuple[int, int],
              position: int) -> list[Step]:
        """The step for one changed dash item, or one per changed plus item when only those changed."""
        new_text = unit.text[now[0]:now[1]]
        steps: list[Step] = []
        old_plus, new_plus = plus_items(before.text, was), plus_items(unit.text, now)
        dash = dash_ordinal(item.part)
        assert dash is not None
        same_frame = (old_plus and len(old_plus) == len(new_plus)
                      and before.text[was[0]:old_plus[0][0]] == unit.text[now[0]:new_plus[0][0]]
                      and before.text[old_plus[-1][1]:was[1]] == unit.text[new_plus[-1][1]:now[1]])
        if same_frame:
            for m, (a, b) in enumerate(zip(old_plus, new_plus, strict=True), 1):
                if before.text[a[0]:a[1]] != unit.text[b[0]:b[1]]:
                    steps.append(self._item_step(unit, item.unit.with_part(plus_part(dash, m)),
                                                 unit.text[b[0]:b[1]], "+", position))
            if not _several_amended(len(steps), steps):
                return steps
        return [self._item_step(unit, item, new_text, "-", position)]

    def _item_step(self, unit: Unit, item: Address, paragraphs: tuple[str, ...], mark: str, position: int) -> Step:
        if paragraphs == (repealed_dash(self.language, mark),):
            return Step(RepealUnits((item,)), position)
        return Step(ReplaceUnit(item), position, Unit(unit.kind, unit.label, None, paragraphs))

    def _children(self, before: Unit, unit: Unit, address: Address) -> tuple[list[Step], int, int]:
        old_by = {(c.kind, c.label): c for c in before.children}
        steps: list[Step] = []
        changed = total = 0
        previous: dict[Kind, Address] = {}
        for child in unit.children:
            child_address = address.child(child.kind, child.label)
            was = old_by.get((child.kind, child.label))
            if not (was is not None and was.repealed and child.repealed):
                total += 1
            made = self._pair(was, child, child_address, address, previous.get(child.kind))
            changed += bool(made)
            steps.extend(made)
            previous[child.kind] = child_address
        return steps, changed, total


def _descendants(unit: Unit) -> int:
    """How many units stand inside `unit`: its closing text follows the last of them in document order."""
    return sum(1 + _descendants(c) for c in unit.children)


def _several_amended(items: int, steps: Sequence[Step]) -> bool:
    """Whether `items` changed dash (plus) items of one holder are amended by giving the holder's new text whole:
    two or more, none of them repealed (a quote never enacts the placeholder `- (được bãi bỏ)`). Amending
    documents re-enact the point or clause (dash item) that holds them rather than address item after item
    (Nghị định 48/2013 quotes khoản 2 Điều 31 of Nghị định 63/2010 whole, with its four dash items)."""
    return items >= 2 and not any(isinstance(s.op, RepealUnits) for s in steps)


def _emptied(before: Unit, unit: Unit) -> bool:
    """Whether this edit repeals every point (clause) of `unit` still in force: quoted whole it would hold none of
    them (those at the end are left out), only its title or lead-in, or nothing at all. The repeals are worded as
    such instead (`Bãi bỏ khoản 1 và khoản 2 Điều 41.`, as amending documents repeal several units), and the units
    keep their placeholders."""
    return (bool(unit.children) and all(c.repealed for c in unit.children)
            and any(not c.repealed for c in before.children))


def _quotes_repeal(before: Unit, unit: Unit) -> bool:
    """Whether `unit` quoted whole would hold a unit this edit repeals as its placeholder (`c) (được bãi bỏ)` in
    a new text): one a unit of its kind in force follows (those at the end are left out, `without_dropped`).
    A repeal is then worded as one (`a) Bãi bỏ điểm c khoản 1.`), the other changes on their own."""
    was = {(c.kind, c.label): c for c in before.children}
    for k, child in enumerate(unit.children):
        old = was.get((child.kind, child.label))
        if old is None or old.repealed:
            continue
        if child.repealed:
            if any(c.kind is child.kind and not c.repealed for c in unit.children[k + 1:]):
                return True
        elif _quotes_repeal(old, child) or (_emptied(old, child) and (old.text, old.closing) == (child.text,
                                                                                                  child.closing)):
            return True  # a clause quoted with its lead-in alone, its points all repealed (`2. … gồm:`), too
    return False
