"""What `regdraft refs` lists: the references to a provision, from one, external ones, or all, as rows.

Each row names the targets inside the provision asked about ("(inside)") and those that no longer exist
("(does not exist)"); `listed_text` and `listed_json` print it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from regdraft.core.model import Address, Regulation
from regdraft.core.refs import Reference, _ancestry, _encloses, _gone, find_references, referred_from, referring_to


@dataclass(frozen=True, slots=True)
class Listed:
    """A row of `regdraft refs`: a reference, its targets inside the unit asked, those missing."""

    reference: Reference
    inside: tuple[Address, ...] = ()
    missing: tuple[Address, ...] = ()


def rows(
    reg: Regulation, to: str | None = None, source: str | None = None, external: bool = False
) -> list[Listed]:
    """What `regdraft refs` lists: references to `to`, from `source`, external ones, or all.

    `to` or `source` naming no provision of the regulation raises `UnknownUnit`, except that
    references still pointing at a provision that no longer exists are listed (marked missing).
    """
    index = reg.index()
    ancestry = _ancestry(reg) if to is not None else {}
    if to is not None:
        address = Address.parse(to)
        refs = referring_to(reg, address)
        if not refs and address not in index:
            reg.find(address)  # raises UnknownUnit: "Điều 99 does not exist"
    elif source is not None:
        refs = referred_from(reg, reg.find(Address.parse(source)).address)
    else:
        refs = find_references(reg)
    if external:
        refs = [r for r in refs if r.external is not None]
    rows = []
    for ref in refs:
        # A target inside the provision asked about (`khoản 1 Điều 4` for `refs d4`, `Điều 31` for `refs ch2.m1.tm2`:
        # an article's address does not name its chapter, section or sub-section), not one cited beside it.
        inside = tuple(t for t in ref.targets if to is not None and t != address and _encloses(address, t, ancestry))
        rows.append(Listed(ref, inside, tuple(t for t in ref.targets if _gone(t, index))))
    return rows


def listed_text(reg: Regulation, row: Listed) -> str:
    """A listing row as one line: `file:line: source: "words" -> targets`."""
    ref, lang = row.reference, reg.language
    where = f'{reg.source or reg.id}:{ref.line}: {ref.source.describe(lang)}: "{ref.text}"'
    if ref.external is not None:
        return f"{where} (external: {ref.external})"
    marks = []
    for t in ref.targets:
        note = " (does not exist)" if t in row.missing else " (inside)" if t in row.inside else ""
        marks.append(t.describe(lang) + note)
    return f"{where} -> {'; '.join(marks)}"


def listed_json(reg: Regulation, row: Listed) -> dict[str, Any]:
    """A listing row as JSON-ready data."""
    ref = row.reference
    return {
        "file": reg.source,
        "line": ref.line,
        "source": str(ref.source),
        "source_text": ref.source.describe(reg.language),
        "text": ref.text,
        "targets": [str(t) for t in ref.targets],
        "external": ref.external,
        "inside": [str(t) for t in row.inside],
        "missing": [str(t) for t in row.missing],
    }
