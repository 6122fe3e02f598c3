"""Two drafters adding instructions to one amendment: the sync keeps both (r37 sweep BQ 3).

Lan's `amend from-edits` on Điều 12 and Minh's on Điều 15 each wrote instruction `1\\.` into the same Điều 1, and git
stopped on a conflict, though docs/collaboration.md said edits of different instructions merge: `--ours` and `--theirs`
each threw a colleague's instruction away, and the drafter merged and renumbered by hand. When both sides only added
instructions, `sync` now writes them all into the amending article, numbered in the order of the provisions they amend
(as `amend from-edits` numbers them), says so, and goes on.

Post-conditions of `merge_added` (a stopped rebase or merge; [] when it does not apply, and then nothing is changed):
1. It applies only when every file in conflict is an amending document (`amendments/<slug>/amendment.md`) of one
   regulation whose two sides hold the same text outside the numbered instructions of its amending article (front
   matter, preamble, other articles), each side's instructions being the common version's, unchanged and in their
   order, with instructions added; and those added on one side name no provision (or one inside it, or holding it)
   that those added on the other name.
2. The file written holds the remote's instructions as the remote wrote them (their lines kept: `core.amend.spliced`)
   and yours, each placed before the first one amending a provision that comes after what it amends in the text (a
   change of words throughout, which names none, last), all numbered 1, 2, … in that order. It reads back with every
   instruction of both sides, and applied to the regulation it gives the text the remote's instructions and then
   yours give: otherwise nothing is written (the two together change the text otherwise than each did alone).
3. One note per file merged, naming each instruction added on either side under its new number; the file is marked
   resolved, and the sync goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.errors import ParseError, RegdraftError

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.amend.instructions import Instruction
    from regdraft.core.model import Address, Regulation
    from regdraft.workspace.store import Workspace

_Signature = tuple[object, ...]
_LAST = (1 << 62, 0)  # where an instruction naming no provision goes: after every other


def merge_added(ws: Workspace, remote: str) -> list[str]:
    """Settle a stopped rebase or merge whose only conflicts are instructions both sides added to one amending
    article (see the module); the notes to say, [] when it does not apply."""
    operation = ws.operation()
    unmerged = ws.unmerged()
    if operation not in ("rebase", "merge") or not unmerged:
        return []
    # In a rebase HEAD (stage 2) holds the remote's work and stage 3 yours; in a merge, the reverse.
    theirs, yours = (2, 3) if operation == "rebase" else (3, 2)
    merged: dict[str, tuple[str, str]] = {}
    for path, code in unmerged:
        parts = PurePosixPath(path).parts
        if code != "UU" or len(parts) != 3 or parts[0] != "amendments" or parts[2] != "amendment.md":
            return []
        sides = [ws.stage(path, n) for n in (1, theirs, yours)]
        if any(side is None for side in sides):
            return []
        try:
            texts = [data.decode("utf-8") for data in sides if data is not None]
            done = _merged(ws, path, parts[1], texts[0], texts[1], texts[2], remote)
        except (UnicodeDecodeError, RegdraftError, ParseError):
            return []
        if done is None:
            return []
        merged[path] = done
    for path, (text, _) in merged.items():
        ws.path(path).write_bytes(text.encode("utf-8"))
        ws.mark_resolved(path)
    return [note for _, note in merged.values()]


def _merged(ws: Workspace, path: str, slug: str, base: str, theirs: str, yours: str,
            remote: str) -> tuple[str, str] | None:
    """The merged text of one amending document and its note; None when the sides do more than add instructions."""
    from regdraft.core.amend.kept import relocated
    from regdraft.core.amend.spliced import spliced
    from regdraft.workspace.regenerate import split_instructions

    before, region, after = split_instructions(theirs)
    if split_instructions(yours)[::2] != (before, after):
        return None  # the two sides differ outside the instructions: git's conflict stands
    read = [_read(ws, text, path, slug) for text in (base, theirs, yours)]
    if any(a is None or a.others for a in read) or len({a.regulation for a in read if a is not None}) != 1:
        return None
    common, remotes, own = (a.instructions for a in read if a is not None)
    added_there, added_here = _added(common, remotes), _added(common, own)
    if added_there is None or added_here is None or not added_here:
        return None
    kept = {_signature(ins) for ins in remotes}
    added_here = [ins for ins in added_here if _signature(ins) not in kept]  # one both added is kept once
    if _overlap(added_there, added_here) or any(not ins.location.isdigit() for ins in remotes):
        return None
    old = _regulation(ws, read[1])
    if old is None:
        return None
    places = _places(old)
    order = list(remotes)
    for ins in added_here:
        at = _place(ins, places)
        spot = next((n for n, other in enumerate(order) if _place(other, places) > at), len(order))
        order.insert(spot, replace(ins, line=0))  # written as `render_amendment` writes it
    numbered = [relocated(ins, str(n)) for n, ins in enumerate(order, 1)]
    written = spliced(region, remotes, numbered)
    if written is None:
        return None
    text = before + written + ("\n\n" if after else "\n") + after
    if not _holds(ws, text, path, slug, numbered, old, read[1], read[2], added_here):
        return None
    return text, _note(path, remote, numbered, added_there, added_here, read[1])


def _read(ws: Workspace, text: str, path: str, slug: str) -> Amendment | None:
    from regdraft.core.amend.document import front_matter_only, load_amendment
    from regdraft.workspace.amendments import amended_language

    try:
        return load_amendment(text, path, slug, amended_language(ws, front_matter_only(text, path, slug)))
    except (RegdraftError, ParseError):
        return None


def _signature(ins: Instruction) -> _Signature:
    """An instruction wherever it is numbered: its sentence, its quote, and its nested instructions so."""
    return ins.text, ins.quote, tuple(_signature(child) for child in ins.children)


def _added(common: Sequence[Instruction], side: Sequence[Instruction]) -> list[Instruction] | None:
    """The instructions `side` added to `common`'s, which it holds unchanged and in their order; None otherwise."""
    wanted = [_signature(ins) for ins in common]
    added = []
    for ins in side:
        if wanted and _signature(ins) == wanted[0]:
            wanted.pop(0)
        else:
            added.append(ins)
    return None if wanted else added


def _named(ins: Instruction) -> list[Address]:
    from regdraft.core.amend.operations import AmendGroup, InsertUnit, targets

    found: list[Address] = []
    for leaf in [ins, *ins.leaves()]:
        found += targets(leaf.op)
        if isinstance(leaf.op, AmendGroup) and leaf.op.target is not None:
            found.append(leaf.op.target)
        if isinstance(leaf.op, InsertUnit):
            found += [a for a in (leaf.op.after, leaf.op.parent) if a is not None]
    return found


def _overlap(one: Sequence[Instruction], other: Sequence[Instruction]) -> bool:
    """Whether instructions of `one` and `other` name one provision (or one holding another), or either names none
    (words changed throughout)."""
    mine = [a for ins in one for a in _named(ins)]
    theirs = [a for ins in other for a in _named(ins)]
    if any(not _named(ins) for ins in (*one, *other)):
        return True
    return any(a == b or a.contains(b) or b.contains(a) for a in mine for b in theirs)


def _places(reg: Regulation) -> dict[Address, tuple[int, int]]:
    """Each provision's place in the text: its own, and the last place inside it (an insert after it goes there).
    The walk is in document order, a unit before those inside it: one pass, with the units still open."""
    places: dict[Address, tuple[int, int]] = {}
    open_: list[Address] = []
    n = -1
    for n, loc in enumerate(reg.walk()):
        while open_ and not open_[-1].contains(loc.address):
            done = open_.pop()
            places[done] = (places[done][0], n - 1)
        places[loc.address] = (n, n)
        open_.append(loc.address)
    for done in open_:
        places[done] = (places[done][0], n)
    return places


def _place(ins: Instruction, places: dict[Address, tuple[int, int]]) -> tuple[int, int]:
    """Where what the instruction amends stands in the text (an insert: after the provision it follows)."""
    from regdraft.core.amend.operations import InsertUnit

    op = ins.leaves()[0].op if ins.leaves() else ins.op
    if isinstance(op, InsertUnit) and op.after is not None and op.after in places:
        return places[op.after][1], 1
    found = [places[a] for a in _named(ins) if a in places]
    return (min(found)[0], 0) if found else _LAST


def _regulation(ws: Workspace, amendment: Amendment | None) -> Regulation | None:
    from regdraft.workspace.api import load_regulation

    try:
        return load_regulation(ws, amendment.regulation) if amendment is not None else None
    except (RegdraftError, ParseError):
        return None


def _holds(ws: Workspace, text: str, path: str, slug: str, numbered: Sequence[Instruction], old: Regulation,
           theirs: Amendment | None, yours: Amendment | None, added: Sequence[Instruction]) -> bool:
    """Whether the merged text reads back with every instruction, and does to the regulation what the remote's
    instructions and then yours do."""
    from regdraft.core.amend import apply
    from regdraft.core.amend.kept import with_instructions

    back = _read(ws, text, path, slug)
    if back is None or theirs is None or yours is None:
        return False
    if [(_signature(i), i.location) for i in back.instructions] != [(_signature(i), i.location) for i in numbered]:
        return False
    try:
        together = apply(old, back).regulation
        one_then_other = apply(apply(old, theirs).regulation,
                               with_instructions(yours, yours.regulation, tuple(added))).regulation
    except (RegdraftError, ParseError):
        return False
    return (together.units, together.preamble) == (one_then_other.units, one_then_other.preamble)


def _note(path: str, remote: str, numbered: Sequence[Instruction], there: Sequence[Instruction],
          here: Sequence[Instruction], theirs: Amendment | None) -> str:
    """The note: which instructions each side added, under their numbers now."""
    language = theirs.language if theirs is not None else "vi"
    added = {_signature(ins): whose for whose, side in ((f"from {remote}", there), ("yours", here)) for ins in side}
    listed = [f"{ins.cite(language)} ({_sentence(ins.text)}, {added[_signature(ins)]})" for ins in numbered
              if _signature(ins) in added]
    article = numbered[0].article if numbered else "1"
    return (f"{path}: you and a colleague ({remote}) each added instructions to Điều {article}; both were kept, "
            f"numbered in the order of the provisions they amend, as amend from-edits numbers them: "
            f"{'; '.join(listed)}.")


def _sentence(text: str) -> str:
    """An instruction's sentence without its closing `như sau:` (or colon)."""
    text = text.rstrip().rstrip(":").rstrip()
    return text[:-len(" như sau")] if text.endswith(" như sau") else text
