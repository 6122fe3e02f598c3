"""Which instructions of an issued amending document are its own, as issued, and stay word for word (r41).

Luật 57/2024/QH15 imported to be consolidated is an issued text: `amend from-edits` keeps its instructions' numbers
(r40, `core.amend.appended`), yet an edit of a provision one of them quotes (khoản 2 Điều 55, which its instruction 17
amends) was written into that quote, and an edit beside one (điểm c khoản 1 Điều 45, beside 16's b and đ) was
joined to it: its number kept, its words no longer those the National Assembly passed, which the consolidated text's
footnotes cite. The instructions a drafter adds after them (22, 23: a draft of a further amendment kept in the same
file) are the drafter's and are revised as any draft's.

`issued_numbers(ws, relative, amendment, regulation)`:
1. None for a document that is not issued (numbered and signed): a draft's instructions are all revised.
2. Otherwise the numbers (`17`, never `16.a`) of the instructions of its article amending `regulation` as the file
   was first committed (`Workspace.since_added`: added, or written by `amend import`) when it was issued then; the
   numbers of all its instructions now when that version cannot be found, read, or was not issued yet (it was
   numbered and signed later): nothing is taken for a draft that might not be one.
3. `issued_instructions(ws, relative, amendment, regulation)`: those instructions themselves, by number, as that
   version has them (as the document has them now, when it does not do); None when it is not issued. `sync` compares
   what it sends with them (`workspace.sent_issued`).
4. One git log and one read of the file's first version; nothing is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from regdraft.core.errors import ParseError, RegdraftError

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.amend.instructions import Instruction
    from regdraft.workspace.store import Workspace


def issued_numbers(ws: Workspace, relative: str, amendment: Amendment, regulation: str) -> frozenset[str] | None:
    """The numbers of the instructions of `amendment` (at `relative`) on `regulation` that stand as issued (see the
    module); None when it is not issued."""
    found = issued_instructions(ws, relative, amendment, regulation)
    return None if found is None else frozenset(found)


def issued_instructions(ws: Workspace, relative: str, amendment: Amendment,
                        regulation: str) -> dict[str, Instruction] | None:
    """The instructions of `amendment` (at `relative`) on `regulation` as issued, by number (post-condition 3)."""
    if not amendment.issued:
        return None
    first = _first_version(ws, relative, amendment)
    if first is None or not first.issued or regulation not in first.regulations:
        first = amendment
    return _numbered(first, regulation)


def _numbered(amendment: Amendment, regulation: str) -> dict[str, Instruction]:
    """The instructions of `amendment` on `regulation`, by number."""
    if regulation not in amendment.regulations:
        return {}
    return {ins.location.partition(".")[0]: ins for ins in amendment.for_regulation(regulation).instructions}


def _first_version(ws: Workspace, relative: str, amendment: Amendment) -> Amendment | None:
    """The document as its file was first committed, None when that cannot be read."""
    from regdraft.core.amend.document import read_amendment

    try:
        added = ws.since_added(relative)
        if added is None:
            return None
        text = ws.read(relative, added.revision.sha).decode("utf-8")
        first, _ = read_amendment(text, relative, amendment.slug, language=amendment.language)
    except (RegdraftError, ParseError, UnicodeDecodeError):
        return None
    return first
