"""Units missing from an imported text's numbering, as deleting them leaves it: an edited copy for `regdraft amend
from-edits` repeals a unit by deleting it (docs/from-edits.md), and its import should say so rather than only that the
file is out of sequence.

Post-conditions:
1. `missing_units` lists, in document order, each article, clause or point whose label the numbering skips (điểm b
   between điểm a and điểm c; an inserted label such as `4a` is no gap), with the line of the unit standing after it.
2. `gap_note` is one info note naming them and what `amend from-edits` makes of them, or None when there are none;
   it stands at the line (a Word file's paragraph: `unit`) of the unit after the first gap, and when it names
   several, each is followed by the line of its own (`Điều 6 (line 120)`): the note's line is the first one's alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from regdraft.core.amend.wording import cite
from regdraft.core.model import REPEALED_TEXT, Address, Kind, Regulation, Unit, base_label, label_order
from regdraft.importer.report import Note

_SHOWN = 5


def missing_units(reg: Regulation) -> list[tuple[Address, int]]:
    """Each unit the numbering skips, and the line of the unit after it (post-condition 1)."""
    found: list[tuple[Address, int]] = []
    alphabet = reg.alphabet
    _run([loc.unit for loc in reg.articles()], Kind.ARTICLE, lambda label: Address.parse(f"d{label}"), found)
    for loc in reg.walk():
        if loc.unit.kind in (Kind.ARTICLE, Kind.CLAUSE):
            for kind in (Kind.CLAUSE, Kind.POINT):
                units = [u for u in loc.unit.children if u.kind is kind]
                _run(units, kind, functools.partial(_child, loc.address, kind), found, alphabet)
    return sorted(found, key=lambda gap: gap[1])


def _child(parent: Address, kind: Kind, label: str) -> Address:
    return parent.child(kind, label)


def _run(units: Sequence[Unit], kind: Kind, address: Callable[[str], Address],
         found: list[tuple[Address, int]], alphabet: str = "vi") -> None:
    previous = 0
    for unit in units:
        position, suffix = label_order(kind, unit.label, alphabet)
        if position and not suffix and previous and position > previous + 1:
            found.extend((address(base_label(kind, skipped, alphabet)), unit.line)
                         for skipped in range(previous + 1, position))
        previous = max(previous, position)


def gap_note(missing: Sequence[tuple[Address, int]], language: str, unit: str = "line") -> Note | None:
    """The note on units missing from the numbering (post-condition 2); `unit` is what the source counts by (`line`,
    or `paragraph` in a Word file)."""
    if not missing:
        return None
    names = [at.describe(language) for at, _ in missing]
    if len(missing) > 1:  # the note stands at the first gap's line: the others say where they are
        names = [f"{name} ({unit} {line})" if line else name for name, (_, line) in zip(names, missing, strict=True)]
    shown = ", ".join(names[:_SHOWN]) + (", …" if len(names) > _SHOWN else "")
    one = len(names) == 1
    # the instruction and the placeholder in the text's own language (`Point b of Article 2 is repealed.`)
    cited = cite(missing[0][0], language, of=True)
    first = missing[0][0].describe(language)
    repeal = f"Bãi bỏ {first}." if language == "vi" else f"{cited[:1].upper()}{cited[1:]} is repealed."
    return Note(missing[0][1], "info", (
        f"{shown[:1].upper()}{shown[1:]} {'is' if one else 'are'} missing from the numbering, as deleting "
        f"{'a unit' if one else 'units'} leaves it. An edited text given to `regdraft amend from-edits` may say so: "
        f"it reads {'a unit' if one else 'each unit'} deleted as repealed (`{repeal}`). A regulation "
        f"imported for itself needs its units numbered again, or the repealed one kept with "
        f"`{REPEALED_TEXT.get(language, REPEALED_TEXT['vi'])}`."))
