"""Citations naming one provision twice: `quy định tại Điều 20 và Điều 20 của Luật này`, `khoản 2 và khoản 2 Điều 7`.

A list names distinct provisions; one named twice is almost always a number a renumbering left behind (Luật Du lịch
without its Điều 5, its citations corrected but for one member, read `Điều 20 và Điều 20`: r42 sweep CH F1). Both
members resolve, so no check of missing references sees it: `check` warns of it, and `compare` lists it among the
references to check.

Post-conditions of `cited_twice(reg)`:
1. Each internal reference whose list names a provision twice gives one finding, in document order, with those
   provisions (`Reference.twice`), each once.
2. Only members written alike count: `khoản 3 Điều này và khoản này`, in khoản 3, names it twice in two forms, as
   a drafter may mean to (the reference fixtures); a renumbering leaves one number as it was, so the two read alike.
3. The ends of a range are no members named twice (`từ Điều 5 đến Điều 5`, `Điều 5 đến Điều 8 và Điều 8`), nor are
   distinct labels (`Điều 20, Điều 20a`), a reference of another document (`Điều 5, Điều 5 của Điều lệ Đảng`), or two
   references of one provision in two citations (`Điều 20 …; Điều 20 …`).
"""

from __future__ import annotations

from collections.abc import Mapping

from regdraft.core.errors import Problem
from regdraft.core.model import Address, Located, Regulation
from regdraft.core.refs.cited import named
from regdraft.core.refs.finding import Reference, find_references


def cited_twice(reg: Regulation) -> list[tuple[Reference, tuple[Address, ...]]]:
    """The references of `reg` naming a provision twice, each with those provisions (the module's post-conditions)."""
    return [(ref, ref.twice) for ref in find_references(reg) if ref.twice and ref.external is None]


def said_twice(ref: Reference, twice: tuple[Address, ...], language: str,
               index: Mapping[Address, Located] | None = None) -> str:
    """The provisions a reference names twice, named together (`Điều 20`, `Điều 20 và Điều 21`)."""
    return named(twice, language, {} if index is None else index)


def twice_problems(reg: Regulation) -> list[Problem]:
    """`check`'s warnings: `khoản 1 Điều 21 cites Điều 20 twice: "Điều 20 và Điều 20"; …`, one per reference."""
    found = cited_twice(reg)
    if not found:
        return []
    index, language = reg.index(), reg.language
    return [Problem(f'{ref.source.describe(language)} cites {said_twice(ref, twice, language, index)} twice: '
                    f'"{ref.text}"; a list names each provision once, so one of them was probably meant to be '
                    f'another (a number left from a renumbering?).', reg.source, ref.line, warning=True)
            for ref, twice in found]
