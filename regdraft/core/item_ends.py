"""How a clause, point or list item ends ('.', ';', ':', '; hoặc'), and whether two versions differ only there.

Kept apart from `regdraft.core.amend.consequential` (which changes ends as instructions are applied) so that a
comparison can tell an end-only change without loading the amendments engine (about 15 ms a command).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from regdraft.core.model import Unit

if TYPE_CHECKING:
    from regdraft.core.diff import Provision

# `; hoặc`, `; và`, `, hoặc` (and English `; or`, `; and`) ending an item before the last.
_JOINED = re.compile(r"(?P<end>[;,]\s+(?:và|hoặc|and|or))$")


def end_of(unit: Unit) -> str:
    """How the item ends: '.', ';', ':', or its conjunction ('; hoặc'); "" for one with sub-items or no text."""
    if unit.repealed or unit.children or not unit.text:
        return ""
    last = unit.text[-1].rstrip()
    joined = _JOINED.search(last)
    return joined.group("end") if joined else last[-1:]


def only_end_differs(before: Unit, after: Unit) -> bool:
    """True when `after` is `before` with another end ('.' for ';', '; hoặc' for ';' ...): an edit the
    text may make without an instruction, as applying an insertion or a repeal next to it does."""
    old, new = end_of(before), end_of(after)
    return bool(old and new) and old != new and with_end(after, new, old) == before


def with_end(unit: Unit, old: str, mark: str) -> Unit:
    """`unit` with its end `old` (as `end_of` gives it) changed to `mark`."""
    last = unit.text[-1].rstrip()
    return replace(unit, text=(*unit.text[:-1], last[:len(last) - len(old)] + mark))


def end_only_changes(provisions: Sequence[Provision]) -> frozenset[str]:
    """The anchors of the listed changes (`Comparison.changes`) that change only a clause's or point's end ('.' to
    ';', as a point added after it makes it): amended or words replaced, under the same label, nothing else
    differing. The documents list them as `sửa dấu câu cuối` (`end punctuation changed`), not as amended."""
    from regdraft.core.diff import ChangeKind

    found: set[str] = set()
    for p in provisions:
        if p.change in (ChangeKind.INSERTED, ChangeKind.REPEALED):
            continue
        if (p.anchor and p.change in (ChangeKind.AMENDED, ChangeKind.WORDS_REPLACED) and p.old is not None
                and p.new is not None and p.old.label == p.new.label and only_end_differs(p.old, p.new)):
            found.add(p.anchor)
        found |= end_only_changes(p.children)
    return frozenset(found)
