"""Instructions that quote into a last clause (or point) a paragraph that reads like its holder's closing text.

Luật Công đoàn closes Điều 10 with "Chính phủ quy định chi tiết Điều này sau khi thống nhất với …"; an earlier
importer kept it in khoản 10 (the file writes `<!-- tiếp -->` before it), as a drafter may write it. An instruction that
replaces khoản 10 then quotes the sentence as the clause's (`Sửa đổi, bổ sung khoản 10 Điều 10 như sau: “10. …
Chính phủ quy định chi tiết Điều này …”`), which is wrong in law if the sentence is the article's. The sentence may
be the clause's own, so `closings_quoted` warns, never refuses.

Post-conditions of `closings_quoted`:
1. One warning per instruction that replaces or inserts a whole clause or point (or a unit whose last clause or
   point it is: an article re-enacted whole) which, in the amended text, is the last of its holder (an article, a
   clause) that has no closing text of its own, and has a paragraph after its first for which
   `parts.looks_closing` holds (the rule of `check` and `fmt`). The warning stands at the
   instruction's line and names the instruction, the provision, the paragraph and the marker that makes the
   paragraph the holder's closing text, in the text in force and the edited text alike.
2. No warning for anything else: a holder with a closing text already, a provision not last, a phrase replaced.

The other way round, `continuations_dropped`: a regulation stored with the sentence in khoản 10 (`<!-- tiếp -->`,
as `regdraft import` wrote it before it read such a sentence as the article's closing text) and an ordinary
`Sửa đổi, bổ sung khoản 10 Điều 10 như sau: “10. …”.` that does not quote it: the clause is replaced with the
sentence, which a real amending law leaves standing. Post-conditions of `continuations_dropped`:
3. One warning per instruction that replaces or repeals a clause or point which, in the text in force, is the last
   of its holder, the holder has no closing text, and a paragraph after its first reads like the holder's closing
   text (`parts.looks_closing`, the paragraph `fmt` marks `<!-- tiếp -->`), when that paragraph (or one after
   it) is nowhere in the holder as amended and the new text quotes no such paragraph of its own (post-condition 1
   covers that). It stands at the instruction's line and names the instruction, the
   provision, the paragraph, and the two ways to keep it: the closing-text marker in the regulation file, or the
   paragraph quoted in the new text.
4. The instruction is applied as written: the paragraph is the clause's in the file, and it is the drafter who
   knows whether the new text leaves it out on purpose.
5. Likewise one warning per instruction that inserts a clause or point after such a last clause or point (`Bổ sung
   khoản 7 vào sau khoản 6 Điều 11`): the paragraph stays in the clause, before the new one, in the middle of the
   holder; applied as written.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.amend.apply import Applied, AppliedChange
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.quote import short
from regdraft.core.commands import Command
from regdraft.core.diff import ChangeKind
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.labels import CONTAINER_KINDS
from regdraft.core.model import Address, Kind, Regulation, Unit, unit_address
from regdraft.core.parts import CONTINUED_MARKER, closing_marker, is_dash, looks_closing

_QUOTING = (ChangeKind.AMENDED, ChangeKind.INSERTED)


def closings_quoted(applied: Applied, amendment: Amendment, before: Regulation) -> list[Problem]:
    """Warnings for the instructions of `amendment` (applied to `before` as `applied`) that quote a holder's
    closing-like paragraph into its last clause or point."""
    reg = applied.regulation
    language = reg.language
    out: list[Problem] = []
    warned: set[str] = set()
    for change in applied.changes:
        ins, address = change.instruction, change.address
        if change.kind not in _QUOTING or address.part or ins.unit is None or ins.location in warned:
            continue
        found = _last_with_closing(reg, address)
        if found is None:
            continue
        address, holder, paragraph = found
        warned.add(ins.location)
        where, whole = address.describe(language), address.parent().describe(language)  # type: ignore[union-attr]
        marker = closing_marker(holder.kind, holder.label, language)
        # The text in force reads the paragraph as the clause's too (the importer kept it there): mark it in both.
        files = (f"in place of '{CONTINUED_MARKER[language]}', both in {before.source} (then commit it) and in the "
                 "edited text"
                 if _last_with_closing(before, address) is not None else "in the edited text")
        again = Command.of("amend from-edits", amendment.slug, edited=None)
        out.append(Problem(
            f"instruction {ins.location} ({short(ins.text)}) quotes «{short(paragraph, 160)}» as a paragraph of "
            f"{where}, but it reads like the closing text of {whole}. If it closes {whole}, put the line '{marker}' "
            f"before it {files}, then write the instructions again (`{again}`); if it belongs to {where}, leave it "
            "as it is.", amendment.source, ins.line))
    return out


def _last_with_closing(reg: Regulation, address: Address) -> tuple[Address, Unit, str] | None:
    """Where the unit at `address` quotes a closing-like paragraph into a last clause or point: that clause or
    point (the unit itself, or the last one inside it: an article re-enacted whole), its holder and the paragraph;
    None when it does not."""
    try:
        unit = reg.find(address).unit
        holder = reg.find(parent).unit if (parent := address.parent()) is not None else None
    except RegdraftError:
        return None
    while True:
        if holder is not None and unit.kind in (Kind.CLAUSE, Kind.POINT) and not unit.children \
                and not holder.closing and holder.children and holder.children[-1].segment() == unit.segment():
            for i in range(1, len(unit.text)):
                paragraph = unit.text[i]
                if not is_dash(paragraph) and looks_closing(holder.text, unit.text[i - 1], paragraph, holder.kind):
                    return address, holder, paragraph
        if not unit.children or unit.closing:
            return None
        holder, unit = unit, unit.children[-1]
        address = address.child(unit.kind, unit.label)


def continuations_dropped(applied: Applied, amendment: Amendment, before: Regulation) -> list[Problem]:
    """Warnings for the instructions of `amendment` that replace or repeal a last clause or point of `before` and,
    with it, a paragraph of it that reads like its holder's closing text (post-conditions 3 and 4)."""
    language = before.language
    out: list[Problem] = []
    warned: set[str] = set()
    changes = [change for change in applied.changes
               if change.kind in (ChangeKind.AMENDED, ChangeKind.REPEALED) and not change.address.part]
    # Only the clauses and points the instructions name, and their holders: `Regulation.find` asked twice of a tree
    # indexes every unit of it (`check` of a 1,000-article text, +50 ms, for 30 instructions).
    was = _units_at(before, changes)
    kept = {change.address: found for change in changes if (found := _kept_closing(was, change.address)) is not None}
    now = _units_at(applied.regulation, [change for change in changes if change.address in kept])
    for change in changes:
        ins, address = change.instruction, change.address
        found = kept.get(address)
        if ins.location in warned or found is None or _kept_closing(now, address) is not None:
            continue  # none, or the new text quotes one (edited, perhaps): `closings_quoted` warns of that
        holder, paragraphs = found
        after = now.get(address.parent())  # type: ignore[arg-type]
        if after is None:
            continue  # the holder is gone too: repealed or replaced by another instruction, which says so
        now_paragraphs = set(_paragraphs(after))
        lost = [p for p in paragraphs if _plain(p) not in now_paragraphs]
        if not lost:
            continue
        warned.add(ins.location)
        where, whole = address.describe(language), address.parent().describe(language)  # type: ignore[union-attr]
        marker = closing_marker(holder.kind, holder.label, language)
        continued = CONTINUED_MARKER[language]
        if change.kind is ChangeKind.REPEALED:
            done, keep = f"repeals {where} and with it its paragraph", ""
        else:
            done = f"replaces {where} with a text that leaves out its paragraph"
            keep = f"; if it belongs to {where}, quote it at the end of the new text to keep it, or leave it out"
        out.append(Problem(
            f"instruction {ins.location} ({short(ins.text)}) {done} «{short(lost[0], 160)}»: {before.source} keeps "
            f"that paragraph in {where} ('{continued}' before it), though it reads like the closing text of {whole}, "
            f"so as written it is deleted with {where}. If it closes {whole}, put the line '{marker}' before it in "
            f"place of '{continued}' in {before.source}, and the instruction leaves it standing{keep}.",
            amendment.source, ins.line))
    return out + _stranded(applied, amendment, before)


def _stranded(applied: Applied, amendment: Amendment, before: Regulation) -> list[Problem]:
    """Warnings for the instructions inserting a clause or point after a last one holding its holder's closing-like
    paragraph (post-condition 5): the paragraph, the clause's in the file, now stands in the middle of the holder."""
    language = before.language
    out: list[Problem] = []
    inserted = [change for change in applied.changes if change.kind is ChangeKind.INSERTED
                and not change.address.part and change.address.kind in (Kind.CLAUSE, Kind.POINT)]
    was, now = _units_at(before, inserted), _units_at(applied.regulation, inserted)
    warned: set[str] = set()
    for change in inserted:
        ins, parent = change.instruction, change.address.parent()
        holder, after = was.get(parent), now.get(parent)  # type: ignore[arg-type]
        if ins.location in warned or holder is None or after is None or not holder.children or not after.children:
            continue
        last = holder.children[-1]
        address = unit_address(last, parent)
        found = _kept_closing({address: last, parent: holder}, address)  # type: ignore[dict-item]
        if found is None or after.children[-1].segment() == last.segment():
            continue
        warned.add(ins.location)
        where, whole = address.describe(language), parent.describe(language)  # type: ignore[union-attr]
        marker = closing_marker(holder.kind, holder.label, language)
        out.append(Problem(
            f"instruction {ins.location} ({short(ins.text)}) inserts {change.address.describe(language)} after "
            f"{where}, whose paragraph «{short(found[1][0], 160)}» {before.source} keeps in {where} "
            f"('{CONTINUED_MARKER[language]}' before it), though it reads like the closing text of {whole}: as "
            f"written it stays in {where}, before the new provision. If it closes {whole}, put the line '{marker}' "
            f"before it in place of '{CONTINUED_MARKER[language]}' in {before.source}, and it stays at the end.",
            amendment.source, ins.line))
    return out


def _units_at(reg: Regulation, changes: Sequence[AppliedChange]) -> dict[Address, Unit]:
    """The unit at each changed clause or point and at its holder, the first in document order (`Regulation.find`),
    from one walk entering only parts, chapters and sections and the units that hold one of them."""
    under: dict[Address, set[Address]] = {}  # each unit's address to the wanted addresses inside it (or its own)
    for change in changes:
        if change.address.kind in (Kind.CLAUSE, Kind.POINT) and (parent := change.address.parent()) is not None:
            for wanted in (change.address, parent):
                for n in range(1, len(wanted.segments) + 1):
                    under.setdefault(Address(wanted.segments[:n]), set()).add(wanted)
    found: dict[Address, Unit] = {}

    def walk(units: Sequence[Unit], base: Address | None, wanted: set[Address]) -> None:
        for unit in units:
            address = unit_address(unit, base)
            if address in wanted:
                found.setdefault(address, unit)
            # as `find` walks towards each address: into every container, and into a unit holding the address
            inside = wanted if unit.kind in CONTAINER_KINDS else wanted & under.get(address, set())
            if unit.children and inside:
                walk(unit.children, address, inside)

    if under:
        walk(reg.units, None, {wanted for addresses in under.values() for wanted in addresses})
    return found


def _kept_closing(units: dict[Address, Unit], address: Address) -> tuple[Unit, list[str]] | None:
    """The holder and the paragraphs from the first closing-like one on, where the unit at `address` (in `units`,
    from `_units_at`) is its holder's last clause or point (holder with no closing text) and has such a paragraph;
    else None."""
    parent = address.parent()
    if parent is None or address.kind not in (Kind.CLAUSE, Kind.POINT):
        return None
    unit, holder = units.get(address), units.get(parent)
    if unit is None or holder is None:
        return None
    if (unit.children or unit.repealed or holder.closing or not holder.children
            or holder.children[-1].segment() != unit.segment()):
        return None
    for i in range(1, len(unit.text)):
        if not is_dash(unit.text[i]) and looks_closing(holder.text, unit.text[i - 1], unit.text[i], holder.kind):
            return holder, list(unit.text[i:])
    return None


def _paragraphs(unit: Unit) -> list[str]:
    """Every paragraph of `unit` (its text, its children's, its closing text), spacing aside."""
    out = [_plain(p) for p in (*unit.text, *unit.closing)]
    for child in unit.children:
        out.extend(_paragraphs(child))
    return out


def _plain(paragraph: str) -> str:
    return " ".join(paragraph.split())
