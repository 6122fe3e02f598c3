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
   is, or when it has no lettered parts, else the lettered ones of it that are missing; in the original's order.
   `unheld(original, translation)` is the set of those changes: of an instruction translated in part (05-QC/TU's
   instruction 11 repeals clause 3 of Article 10 and point c of clause 2 of Article 16; a translation repealing only
   the clause), only what the translation lacks (r44 sweep CR F1).
3. `unlike(original, translation)` lists the translation's numbered instructions whose number the original lacks,
   or whose changes are not all among that instruction's (a part of it translated is alike): what a translation
   keeping its original's numbers must match (`amend check` says so). `translates(original, ins)` is the one
   instruction of the original, numbered otherwise, that makes all of `ins`'s changes, when just one does.
4. `described(instructions, language, only)` says what they change, provision by provision (`Article 20a
   inserted`), of the changes in `only` when given, and `numbered(instructions)` their numbers (`3, 5–14, 1.b`).
5. `worded(instructions, language, only)` says the same in the words of a document in `language` (`bổ sung Điều 20a`),
   and `cited(instructions, language)` cites them as provisions of the amending document (`clauses 2, 3, 5–14 of
   Article 1`, `khoản 2, 3, 5–14 Điều 1`), for the note heading a translation's consolidated text.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

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


def _held(translation: Amendment) -> frozenset[Change]:
    return frozenset().union(*(changes(ins) for ins in translation.instructions))


def unheld(original: Amendment, translation: Amendment) -> frozenset[Change]:
    """The original's changes that none of the translation's instructions makes (post-condition 2)."""
    return frozenset().union(*(changes(ins) for ins in original.instructions)) - _held(translation)


def untranslated(original: Amendment, translation: Amendment) -> list[Instruction]:
    """The original's instructions the translation does not translate (post-condition 2)."""
    held = _held(translation)
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
        if other is None or not changes(ins) <= changes(other):
            out.append((ins, other))
    return out


def translates(original: Amendment, ins: Instruction) -> Instruction | None:
    """The original's instruction, numbered otherwise than `ins`, that makes all of `ins`'s changes, when exactly one
    does (post-condition 3): the instruction `ins` translates under another number."""
    made = changes(ins)
    found = [o for o in original.instructions if o.location != ins.location and made and made <= changes(o)]
    return found[0] if len(found) == 1 else None


def _made(instructions: Sequence[Instruction], only: Collection[Change] | None) -> list[Change]:
    """The (kind, provision) pairs the instructions change, in their order, of `only` when given."""
    made = [(_kind(leaf), address) for ins in instructions for leaf in ins.leaves()
            for address in (targets(leaf.op) or (None,))]
    return [change for change in dict.fromkeys(made) if only is None or change in only]


def described(instructions: Sequence[Instruction], language: str, only: Collection[Change] | None = None) -> str:
    """What the instructions change (of `only`, when given), one provision at a time: `clause 2, Article 5 amended;
    Article 20a inserted`."""
    said: list[str] = []
    for kind, address in _made(instructions, only):
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


def worded(instructions: Sequence[Instruction], language: str, only: Collection[Change] | None = None) -> str:
    """What the instructions change (of `only`, when given), in the words of a document in `language`
    (post-condition 5)."""
    if language == "en":
        return described(instructions, language, only)
    said = [_WORDED[kind].format(where=address.describe(language)) if address is not None
            else "thay đổi cụm từ trong toàn văn bản" for kind, address in _made(instructions, only)]
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
