"""Two drafters adding instructions to one amendment: the sync keeps both (r37 sweep BQ 3).

Lan's `amend from-edits` on Điều 12 and Minh's on Điều 15 each wrote instruction `1\\.` into the same Điều 1, and git
stopped on a conflict, though docs/collaboration.md said edits of different instructions merge: `--ours` and `--theirs`
each threw a colleague's instruction away, and the drafter merged and renumbered by hand. When both sides only added
instructions, `sync` now writes them all into the amending article, numbered in the order of the provisions they amend
(as `amend from-edits` numbers them), says so, and goes on.

A document amending several regulations (`amends:`, one amending article each: Luật 57/2024/QH15, Nghị định
48/2013/NĐ-CP) is merged article by article (r38): each regulation's instructions apply to it alone.

Each side's additions were placed alike only when both came from `amend from-edits`: one typed at the end of the
article stayed there on the remote's side while yours moved among the instructions, so the order the note claimed
was not the file's; and an issued law's instructions were numbered anew, though its consolidated text cites them by
number (Luật 57/2024's Điều 4, r39 sweep BW F2). Both sides' additions are now placed by one rule (below).

Post-conditions of `merge_added` (a stopped rebase or merge; [] when it does not apply, and then nothing is changed):
1. It applies only when every file in conflict is an amending document (`amendments/<slug>/amendment.md`) whose
   three versions amend the same regulations in the same articles, whose two sides hold the same text outside the
   numbered instructions of those articles (front matter, preamble, lead-ins, other articles), and in which each
   article is one of: left alone by one side (or changed alike by both), taken as the other side wrote it; or
   changed by both, each side's instructions being the common version's, unchanged and in their order, with
   instructions added, those added on one side naming no provision (or one inside it, or holding it) that those
   added on the other name. In a document whose numbers are kept (issued: numbered and signed, as an imported law
   is; adopted, rejected or withdrawn; a translation numbered as its original), each side must hold the common
   version's instructions first and under their numbers; one of them changed in place on one side alone is that
   side's in the merge, said in the note (r41, r40 sweep CG F4: the sync stopped on git's conflict), and an issued
   text's own changed so is then not sent (`workspace.sent_issued`).
2. In an article both changed, the file written holds the instructions both had with the remote's lines
   (`core.amend.spliced`), and both sides' additions in the house order of `amend from-edits` (`core.amend.kept`:
   by the provision each amends, word replacements last; the remote's first between two alike): in a draft each
   inserted before the first instruction that order puts after it, all numbered 1, 2, … anew; in a document whose
   numbers are kept, after the instructions both had, which keep their numbers: under the numbers their sides gave
   them and in that order when those are all different and above the last (a translation's, its original's),
   otherwise numbered on from the last in the house order (both typed as 22: 22 and 23). It reads
   back with every instruction of both sides in every article, and applied to each regulation it gives the text the
   remote's instructions and then yours give (an article one side alone changed: the text that side's give):
   otherwise nothing is written (the two together change the text otherwise than each did alone).
3. One note per file merged, naming each instruction added on either side under its new number, how the additions
   were placed (and, where numbers are kept, why), in a draft which of the instructions both had bear another
   number now, and each article of a document amending several regulations that one side alone changed; the file
   is marked resolved, and the sync goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from regdraft.core.errors import ParseError, RegdraftError

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.amend.instructions import Instruction
    from regdraft.core.model import Address, Regulation
    from regdraft.workspace.store import Workspace

_Signature = tuple[object, ...]


def merge_added(ws: Workspace, remote: str) -> list[str]:
    """Settle a stopped rebase or merge whose only conflicts are instructions both sides added to an amending
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
    read = [_read(ws, text, path, slug) for text in (base, theirs, yours)]
    common, there, here = read
    if common is None or there is None or here is None:
        return None
    articles = _articles(there)
    if _articles(common) != articles or _articles(here) != articles:
        return None  # the sides amend other regulations, or in other articles
    was, cut_there, cut_here = (_cut(text, [label for _, label in articles]) for text in (base, theirs, yours))
    if cut_there[0] != cut_here[0]:
        return None  # the two sides differ outside the instructions: git's conflict stands
    from regdraft.workspace.amendments import numbers_kept

    kept = numbers_kept(ws, (common, there, here))
    regions: list[str] = []
    joined: list[_Joined] = []
    taken: list[tuple[str, str, bool]] = []  # an article only one side changed: its label, regulation, whether yours
    for n, (reg_id, label) in enumerate(articles):
        common_region, there_region, here_region = was[1][n], cut_there[1][n], cut_here[1][n]
        if here_region in (common_region, there_region):  # yours left it alone, or changed it as the remote did
            regions.append(there_region)
            if there_region not in (common_region, here_region):
                taken.append((label, reg_id, False))
            continue
        if there_region == common_region:  # only yours changed it
            regions.append(here_region)
            taken.append((label, reg_id, True))
            continue
        one = _joined(ws, reg_id, label, there_region, common, there, here, kept)
        if one is None:
            return None
        regions.append(one.region)
        joined.append(one)
    text = _text(cut_there[0], regions)
    if not _holds(ws, text, path, slug, there, here, joined, [(reg, mine) for _, reg, mine in taken]):
        return None
    return text, _note(path, remote, joined, taken, there, kept, several=len(articles) > 1)


def _articles(amendment: Amendment) -> list[tuple[str, str]]:
    """Each regulation the document amends with the label of its amending article, in the document's order."""
    return [(reg_id, article.label) for reg_id, article in amendment.amending_articles]


def _cut(text: str, labels: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The document's text outside the numbered instructions of the articles `labels` (in the document's order),
    and those instructions, article by article."""
    from regdraft.workspace.regenerate import split_instructions

    outside: list[str] = []
    regions: list[str] = []
    rest = text
    for label in labels:
        before, region, rest = split_instructions(rest, label)
        outside.append(before)
        regions.append(region)
    return (*outside, rest), tuple(regions)


def _text(outside: Sequence[str], regions: Sequence[str]) -> str:
    """The document again from its pieces (`_cut`'s), as `split_instructions` spaces them."""
    text = outside[0]
    for region, after in zip(regions, outside[1:], strict=True):
        text += (region + ("\n\n" if after else "\n") if region else "") + after
    return text


@dataclass(frozen=True, slots=True)
class _Joined:
    """The instructions both sides added to the article amending `regulation`, joined: its lines, its instructions
    numbered, those each side added, the regulation as it stands, the instructions both had that now bear another
    number (the number both had, the number now), and whether the additions keep the numbers their sides gave."""

    regulation: str
    label: str
    region: str
    numbered: tuple[Instruction, ...]
    there: tuple[Instruction, ...]
    here: tuple[Instruction, ...]
    old: Regulation
    renumbered: tuple[tuple[str, str], ...]
    as_given: bool = False
    base: tuple[Instruction, ...] = ()  # the remote's instructions, an instruction both had as yours changed it
    changed: tuple[tuple[str, bool], ...] = ()  # the instructions both had one side changed: number, whether yours


def _joined(ws: Workspace, reg_id: str, label: str, region: str, common: Amendment, there: Amendment,
            here: Amendment, kept: str | None) -> _Joined | None:
    """One article both sides changed, its instructions joined when both only added some on provisions apart:
    after the instructions both had, which keep their numbers (`kept`, the reason they must), or among them by
    provision, numbered anew."""
    from regdraft.core.amend.kept import Effects, placed, relocated
    from regdraft.core.amend.spliced import spliced

    remotes = there.for_regulation(reg_id).instructions
    start = common.for_regulation(reg_id).instructions
    heres = here.for_regulation(reg_id).instructions
    standing = remotes  # the lines of the remote's region
    changed: tuple[tuple[str, bool], ...] = ()
    if kept is not None:
        both = _in_place(start, remotes, heres)
        if both is None:
            return None  # a side numbered the document's own instructions anew: that is for a person to settle
        start, changed = both
        remotes, heres = (*start, *remotes[len(start):]), (*start, *heres[len(start):])
    added_there, added_here = _added(start, remotes), _added(start, heres)
    if added_there is None or added_here is None or not added_here:
        return None
    known = {_signature(ins) for ins in remotes}
    added_here = [ins for ins in added_here if _signature(ins) not in known]  # one both added is kept once
    if _overlap(added_there, added_here) or any(not ins.location.isdigit() for ins in remotes):
        return None
    old = _regulation(ws, reg_id)
    if old is None:
        return None
    effects = Effects(old, there, reg_id)
    mine = [replace(ins, line=0) for ins in added_here]  # written as `render_amendment` writes them
    if effects.of((*remotes, *mine), whole=True) is None:
        return None
    new = {id(ins) for ins in added_there}
    had = [ins for ins in remotes if id(ins) not in new]  # the remote's lines of those both had, in their order
    added = sorted([*added_there, *mine], key=effects.key)  # in the house order, the remote's first on a tie
    last = max((_number(ins) for ins in had), default=0)
    own = [_number(ins) for ins in added]
    # Where numbers are kept, the numbers the drafters gave that fit together stay (a translation's are its
    # original's); others (two instructions both typed as 22) are numbered on from the last, in the house order.
    as_given = kept is not None and len(set(own)) == len(own) and min(own) > last
    if kept is not None:
        if as_given:
            added = [ins for _, ins in sorted(zip(own, added, strict=True), key=lambda pair: pair[0])]
        given = sorted(own) if as_given else [last + n for n in range(1, len(added) + 1)]
        order = [*had, *added]
        at = {id(ins): ins.location for ins in had} | {id(ins): str(n) for n, ins in zip(given, added, strict=True)}
    else:
        order = placed(had, added, effects)
        at = {id(ins): str(n) for n, ins in enumerate(order, 1)}
    numbered = tuple(relocated(ins, at[id(ins)]) for ins in order)
    written = spliced(region, standing, numbered)
    if written is None:
        return None
    renumbered = tuple((was.location, at[id(ins)]) for was, ins in zip(start, had, strict=True)
                       if was.location != at[id(ins)])
    return _Joined(reg_id, label, written, numbered, tuple(added_there), tuple(added_here), old, renumbered, as_given,
                   tuple(remotes), changed)


def _number(ins: Instruction) -> int:
    """The number an instruction was given (0 when it is not a plain number)."""
    head = ins.location.partition(".")[0]
    return int(head) if head.isdigit() else 0


def _in_place(common: Sequence[Instruction], there: Sequence[Instruction],
              here: Sequence[Instruction]) -> tuple[tuple[Instruction, ...], tuple[tuple[str, bool], ...]] | None:
    """The instructions both sides had, in a document whose numbers are kept, as the merge writes them: each side must
    open with `common`'s under their numbers; one changed in place on one side alone is that side's (yours as
    `render_amendment` writes it: its lines are not the remote's), with its number and whether it was yours. None when
    a side numbered them otherwise or both changed one, each its own way (`workspace.sent_issued` refuses sending a
    change of an issued text's own)."""
    if len(there) < len(common) or len(here) < len(common):
        return None
    out: list[Instruction] = []
    changed: list[tuple[str, bool]] = []
    for was, theirs, yours in zip(common, there[:len(common)], here[:len(common)], strict=True):
        if not was.location == theirs.location == yours.location:
            return None
        if _signature(yours) in (_signature(was), _signature(theirs)):
            out.append(theirs)
            if _signature(theirs) != _signature(was):
                changed.append((was.location, False))
        elif _signature(theirs) == _signature(was):
            out.append(replace(yours, line=0))
            changed.append((was.location, True))
        else:
            return None
    return tuple(out), tuple(changed)


def _read(ws: Workspace, text: str, path: str, slug: str) -> Amendment | None:
    from regdraft.core.amend.document import front_matter_only
    from regdraft.workspace.amendments import amended_language, read_back

    try:
        return read_back(ws, text, path, slug, amended_language(ws, front_matter_only(text, path, slug)))
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


def _regulation(ws: Workspace, reg_id: str) -> Regulation | None:
    from regdraft.workspace.api import load_regulation

    try:
        return load_regulation(ws, reg_id)
    except (RegdraftError, ParseError):
        return None


def _holds(ws: Workspace, text: str, path: str, slug: str, theirs: Amendment, yours: Amendment,
           joined: Sequence[_Joined], taken: Sequence[tuple[str, bool]]) -> bool:
    """Whether the merged text reads back with every instruction of each regulation's article, and does to each
    regulation what the remote's instructions and then yours do (an article only one side changed: what that side's
    do)."""
    from regdraft.core.amend import apply
    from regdraft.core.amend.kept import with_instructions

    back = _read(ws, text, path, slug)
    if back is None or _articles(back) != _articles(theirs):
        return False

    def same(amendment: Amendment, reg_id: str, wanted: Sequence[Instruction]) -> bool:
        return ([(_signature(i), i.location) for i in amendment.for_regulation(reg_id).instructions]
                == [(_signature(i), i.location) for i in wanted])

    changed = {one.regulation for one in joined} | {reg_id for reg_id, _ in taken}
    for reg_id, _ in _articles(theirs):
        if reg_id not in changed and not same(back, reg_id, theirs.for_regulation(reg_id).instructions):
            return False
    try:
        for one in joined:
            together = apply(one.old, back).regulation
            remote = with_instructions(theirs, one.regulation, one.base) if one.base else theirs
            one_then_other = apply(apply(one.old, remote).regulation,
                                   with_instructions(yours, one.regulation, one.here)).regulation
            if not same(back, one.regulation, one.numbered) or \
                    (together.units, together.preamble) != (one_then_other.units, one_then_other.preamble):
                return False
        for reg_id, is_mine in taken:
            side = yours if is_mine else theirs
            old = _regulation(ws, reg_id)
            if old is None or not same(back, reg_id, side.for_regulation(reg_id).instructions):
                return False
            together, alone = apply(old, back).regulation, apply(old, side).regulation
            if (together.units, together.preamble) != (alone.units, alone.preamble):
                return False
    except (RegdraftError, ParseError):
        return False
    return True


def _note(path: str, remote: str, joined: Sequence[_Joined], taken: Sequence[tuple[str, str, bool]],
          theirs: Amendment, kept: str | None, *, several: bool) -> str:
    """The note: which instructions each side added, under their numbers now, how they were placed, which of those
    both had now bear another number, and which article (of a document amending several regulations) only one side
    changed."""
    def article(label: str, reg_id: str) -> str:
        return f"Điều {label} (amending {reg_id})" if several else f"Điều {label}"

    said = []
    if joined:
        listed = []
        for one in joined:
            added = {_signature(ins): whose for whose, side in ((f"from {remote}", one.there), ("yours", one.here))
                     for ins in side}
            listed += [f"{ins.cite(theirs.language)} ({_sentence(ins.text)}, {added[_signature(ins)]})"
                       for ins in one.numbered if _signature(ins) in added]
        where = " and ".join(article(one.label, one.regulation) for one in joined)
        if kept is not None:
            given = {one.as_given for one in joined}
            order = ("under the numbers you each gave them" if given == {True} else
                     "in the order of the provisions they amend" if given == {False} else
                     "under the numbers you each gave them where those fit together, else in the order of the "
                     "provisions they amend")
            how = f"{kept}, so the instructions you both had keep their numbers and both additions follow them, {order}"
        else:
            how = ("both were kept, placed among the instructions in the order of the provisions they amend, as amend "
                   "from-edits places them")
        said.append(f"you and a colleague ({remote}) each added instructions to {where}; {how}: {'; '.join(listed)}")
        said += [f"instruction {number} of {article(one.label, one.regulation)}, which both had, is as "
                 f"{'you' if mine else 'the colleague'} changed it" for one in joined for number, mine in one.changed]
        if kept is None:
            moved = [f"{'in ' + article(one.label, one.regulation) + ', ' if len(joined) > 1 else ''}"
                     f"{_moves(one.renumbered)}" for one in joined if one.renumbered]
            said.append("; ".join(moved) if moved else "the instructions you both had keep their numbers")
    else:
        said.append(f"you and a colleague ({remote}) changed different articles of it")
    said += [f"{article(label, reg_id)}, which only {'you' if mine else 'the colleague'} changed, is kept as "
             f"{'you' if mine else 'they'} wrote it" for label, reg_id, mine in taken]
    return f"{path}: {'; '.join(said)}."


def _moves(renumbered: Sequence[tuple[str, str]]) -> str:
    """The instructions both sides had that bear another number now, in runs: `of the instructions you both had, 8 is
    now 9 and 9-14 are now 11-16`."""
    runs: list[list[tuple[int, int]]] = []
    for was, now in ((int(a), int(b)) for a, b in renumbered):
        if runs and runs[-1][-1] == (was - 1, now - 1):
            runs[-1].append((was, now))
        else:
            runs.append([(was, now)])
    parts = [f"{run[0][0]}–{run[-1][0]} are now {run[0][1]}–{run[-1][1]}" if len(run) > 1 else
             f"{run[0][0]} is now {run[0][1]}" for run in runs]
    if len(renumbered) == 1:
        return f"the instruction you both had as {parts[0]}"
    return f"of the instructions you both had, {', '.join(parts[:-1])}{' and ' if len(parts) > 1 else ''}{parts[-1]}"


def _sentence(text: str) -> str:
    """An instruction's sentence without its closing `như sau:` (or colon)."""
    text = text.rstrip().rstrip(":").rstrip()
    return text[:-len(" như sau")] if text.endswith(" như sau") else text
