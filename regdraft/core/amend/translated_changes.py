"""What a translation's amending document translates of its original's instructions, compared change by change.

A translation (`translation_of`) holds an amendment of its original when one of its own amending documents bears
that number (docs/export.md). The number alone made a translation of 2 of 05-QC/TU's 14 instructions look up to date
(r38 sweep BV 1), and a translation of selected instructions numbered as the original could not keep the original's
numbers, so its footnotes cited the wrong instruction (BV 2). Here the two documents are compared by what each
instruction changes: the provisions it addresses and the kind of change (replace, title, insert, repeal, words),
not its wording, which is another language.

Post-conditions:
1. `changes(ins)` is the set of (kind, provision) an instruction makes, its lettered and implied ones included; a
   change of words throughout the text has the provision None.
2. `untranslated(original, translation)` lists the original's instructions whose changes are not all among the
   translation's (any of its instructions, whatever their numbers): a numbered instruction when none of its changes
   is, else the lettered ones of it that are missing; in the original's order.
3. `unlike(original, translation)` lists the translation's numbered instructions whose number the original has
   (or lacks) and whose changes are not that instruction's: what a translation keeping its original's numbers must
   match (`amend check` warns).
4. `described(instructions, language)` says what they change, provision by provision (`Article 20a inserted`), and
   `numbered(instructions)` their numbers (`3, 5–14, 1.b`).
5. `worded(instructions, language)` says the same in the words of a document in `language` (`bổ sung Điều 20a`),
   and `cited(instructions, language)` cites them as provisions of the amending document (`clauses 2, 3, 5–14 of
   Article 1`, `khoản 2, 3, 5–14 Điều 1`), for the note heading a translation's consolidated text.
"""

from __future__ import annotations

from collections.abc import Sequence

from regdraft.core.amend.document import Amendment, Instruction
from regdraft.core.amend.grammar import InsertUnit, RepealUnits, ReplaceHeading, ReplaceUnit, ReplaceWords, targets
from regdraft.core.model import Address

Change = tuple[str, Address | None]

_KINDS: tuple[tuple[type, str], ...] = ((ReplaceHeading, "title"), (ReplaceUnit, "replace"), (InsertUnit, "insert"),
                                        (RepealUnits, "repeal"), (ReplaceWords, "words"))
_DONE = {"replace": "amended", "insert": "inserted", "repeal": "repealed"}


def _kind(ins: Instruction) -> str:
    return next((kind for cls, kind in _KINDS if isinstance(ins.op, cls)), "")


def changes(ins: Instruction) -> frozenset[Change]:
    """The (kind, provision) pairs the instruction changes (post-condition 1)."""
    out: set[Change] = set()
    for leaf in ins.leaves():
        kind = _kind(leaf)
        out.update((kind, address) for address in (targets(leaf.op) or (None,)))
    return frozenset(out)


def untranslated(original: Amendment, translation: Amendment) -> list[Instruction]:
    """The original's instructions the translation does not translate (post-condition 2)."""
    held = frozenset().union(*(changes(ins) for ins in translation.instructions))
    out: list[Instruction] = []
    for ins in original.instructions:
        if changes(ins) <= held:
            continue
        lettered = [c for c in ins.children if not c.implied]
        missing = [c for c in lettered if not changes(c) <= held]
        out.extend(missing if lettered and len(missing) < len(lettered) and changes(ins) & held else [ins])
    return out


def unlike(original: Amendment, translation: Amendment) -> list[tuple[Instruction, Instruction | None]]:
    """Each numbered instruction of the translation with the original's of that number (None: it has none), when
    the two do not change the same provisions in the same way (post-condition 3)."""
    theirs = {ins.location: ins for ins in original.instructions}
    out: list[tuple[Instruction, Instruction | None]] = []
    for ins in translation.instructions:
        other = theirs.get(ins.location)
        if other is None or changes(ins) != changes(other):
            out.append((ins, other))
    return out


def described(instructions: Sequence[Instruction], language: str) -> str:
    """What the instructions change, one provision at a time: `clause 2, Article 5 amended; Article 20a inserted`."""
    said: list[str] = []
    for leaf in (leaf for ins in instructions for leaf in ins.leaves()):
        kind = _kind(leaf)
        for address in targets(leaf.op) or (None,):
            where = address.describe(language) if address is not None else ""
            if kind == "title":
                said.append(f"the title of {where} amended")
            elif kind == "words":
                said.append(f"words changed in {where}" if where else "words changed throughout")
            else:
                said.append(f"{where} {_DONE[kind]}")
    return "; ".join(dict.fromkeys(said))


def numbered(instructions: Sequence[Instruction]) -> str:
    """The instructions' numbers, runs of three or more written as a range: `3, 5–14, 1.b`."""
    plain = [int(i.location) for i in instructions if i.location.isdigit()]
    runs: list[list[int]] = []
    for n in plain:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    said = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    return ", ".join([*said, *(i.location for i in instructions if not i.location.isdigit())])


# What a change is called in a document's own words (post-condition 5): English as `described` says it, Vietnamese
# as an amending document does (`sửa đổi`, `bổ sung`, `bãi bỏ`; `sửa đổi tên`, the words `thay đổi cụm từ`).
_WORDED = {"replace": "sửa đổi {where}", "insert": "bổ sung {where}", "repeal": "bãi bỏ {where}",
           "title": "sửa đổi tên {where}", "words": "thay đổi cụm từ tại {where}"}


def worded(instructions: Sequence[Instruction], language: str) -> str:
    """What the instructions change, in the words of a document in `language` (post-condition 5)."""
    if language == "en":
        return described(instructions, language)
    said: list[str] = []
    for leaf in (leaf for ins in instructions for leaf in ins.leaves()):
        kind = _kind(leaf)
        for address in targets(leaf.op) or (None,):
            said.append(_WORDED[kind].format(where=address.describe(language)) if address is not None
                        else "thay đổi cụm từ trong toàn văn bản")
    return "; ".join(dict.fromkeys(said))


def cited(instructions: Sequence[Instruction], language: str) -> str:
    """The instructions as provisions of their amending document (post-condition 5): the numbered ones of an article
    together (`clauses 2, 3, 5–14 of Article 1`, `khoản 2, 3, 5–14 Điều 1`), a lettered one in full (`point b,
    clause 1, Article 1`)."""
    out: list[str] = []
    for article in dict.fromkeys(ins.article for ins in instructions):
        own = [ins for ins in instructions if ins.article == article]
        plain = [ins for ins in own if ins.location.isdigit()]
        if plain:
            numbers = numbered(plain)
            if language == "en":
                noun = "clauses" if len(plain) > 1 else "clause"
                out.append(f"{noun} {numbers} of Article {article}")
            else:
                out.append(f"khoản {numbers} Điều {article}")
        out.extend(ins.cite(language) for ins in own if not ins.location.isdigit())
    return ", ".join(out)
