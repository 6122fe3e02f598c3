"""The spaces of an edited text as an import writes them, before `amend from-edits` compares it.

A provision pasted from Word carries no-break spaces (`Danh\u00a0hiệu`) and other odd ones (`core.text.ODD_SPACES`)
that print as plain spaces (the invisible characters, `core.text.INVISIBLE`, are a problem of the edited file, as of
any regulation file): quoted as they are, they would stand invisibly in the amending document and, once it is
adopted, in the regulation, where a search for `Danh hiệu` no longer finds them and a phrase instruction quoting
`Danh hiệu` no longer matches.

Post-conditions of `plain_spaced(edited, old)`:
1. Every title, paragraph and closing paragraph of `edited` holding an odd space reads as
   `core.text.plain_spaces` writes it, trimmed; all else is kept as it is.
2. One the text in force (`old`) has word for word anywhere is kept as it is: an unchanged provision is no change.
3. The addresses of the units changed so are returned in document order, for a note.
"""

from __future__ import annotations

from dataclasses import replace

from regdraft.core.amend.named import named_provisions
from regdraft.core.model import Address, Regulation, Unit, unit_address
from regdraft.core.text import plain_spaces


def plain_spaced(edited: Regulation, old: Regulation) -> tuple[Regulation, tuple[Address, ...]]:
    """`edited` with its odd spaces written as plain ones (module docstring), and where that was done."""
    kept = {p for loc in old.walk() for p in (loc.unit.title or "", *loc.unit.text, *loc.unit.closing)}
    changed: list[Address] = []

    def plain(paragraph: str) -> str:
        return paragraph if paragraph in kept else plain_spaces(paragraph).strip()

    def spaced(unit: Unit, parent: Address | None) -> Unit:
        address = unit_address(unit, parent)
        title = plain(unit.title) if unit.title else unit.title
        text, closing = tuple(map(plain, unit.text)), tuple(map(plain, unit.closing))
        own = (title, text, closing) != (unit.title, unit.text, unit.closing)
        if own:
            changed.append(address)
        children = tuple(spaced(child, address) for child in unit.children)
        if own or any(a is not b for a, b in zip(children, unit.children, strict=True)):
            return replace(unit, title=title, text=text, closing=closing, children=children)
        return unit

    units = tuple(spaced(unit, None) for unit in edited.units)
    return (edited.with_units(units) if changed else edited), tuple(changed)


def spaces_note(where: tuple[Address, ...], source: str, language: str) -> str:
    """The note saying where `plain_spaced` wrote odd spaces as plain ones."""
    named = named_provisions(where, language)
    return (f"{source or 'The edited text'} has no-break or other special spaces (as text copied from Word has) in "
            f"{named}: they are read as plain spaces, as an import reads them, so no instruction quotes them.")
