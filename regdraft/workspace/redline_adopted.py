"""Redlines between adopted versions: a revision that is an adoption is named by its amending document.

`redline --from adopted/07-QC-TU --to adopted/09-QC-TU` compared two texts the office adopted; its sides were
titled by git (`Phiên bản adopted/07-QC-TU`, dated by the commit). A revision whose regulation file reads as an
adoption left it is the text as amended by that document.

Post-conditions:
1. `adopted_version` names a revision that is an adoption (its tag's commit) `Văn bản sau khi được sửa đổi, bổ
   sung bởi Quy chế số 07-QC/TU`, dated by the latest effective date of the adoptions it holds (those committed up
   to it); an earlier one taking effect after every later one is named too (`… bởi Quy chế số 07-QC/TU và Quy chế
   số 08-QC/TU`, 07 in force from 10/12/2027, 08 from 01/12/2027): the side is never presented as in force before
   a change it holds. `adopted_at` gives None for any other revision.
2. `standing_before` names a revision that is exactly the commit before an adoption, or holds the text as it stood
   before the first one (the base), by its content: the index of that adoption, whose earlier ones made the text
   (none: the text as enacted). Any other revision keeps its name by git, undated (`redline.build`): the commit's
   date is no date of the document (`Phiên bản adopted/57-2024-QH15~1 (…, ngày 05 tháng 12 năm 2026)` was false).
3. `stated_between` gives, when the new side is exactly an adoption and the old side the text just before a run
   of adoptions ending there, the kinds and notes each instruction of that run states, as the amendment's own
   redline has them (a clause re-enacted whole is `sửa đổi, bổ sung`, not `thay thế cụm từ`, and listed once); None
   otherwise, and the comparison keeps the kinds read from the text.
4. `adoptions` lists them in the order they were committed, not the order they take effect: the run before a
   revision, and what a revision holds, are its history's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import RegdraftError

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class Adoption:
    """An adopted amendment of the regulation: its tag's commit and the regulation file there and just before."""

    amendment: Amendment
    commit: str
    text: bytes
    before: bytes
    parent: str = ""  # the commit just before the adoption's


def adoptions(ws: Workspace, relative: str, reg_id: str) -> list[Adoption]:
    """The adoptions of a regulation whose tag is in the history, in the order they were committed (post-condition
    4): an adoption taking effect before one adopted earlier (07-QC/TU in force from 10/12/2027, then 08-QC/TU from
    01/12/2027) comes after it, as its commit holds the earlier one's changes."""
    from regdraft.workspace.lifecycle import adoption_tag
    from regdraft.workspace.timeline import adopted_for

    try:
        adopted = adopted_for(ws, reg_id)
    except RegdraftError:
        return []
    out = []
    for doc in adopted:
        if not doc.number:
            continue
        tag = adoption_tag(doc)
        try:
            out.append(Adoption(doc, ws.resolve(tag).sha, ws.read(relative, tag), ws.read(relative, f"{tag}^"),
                                ws.resolve(f"{tag}^").sha))
        except RegdraftError:
            continue  # no such tag (adopted elsewhere, or the tag removed): the revision is named by git
    return _committed_order(ws, relative, out)


def _committed_order(ws: Workspace, relative: str, found: list[Adoption]) -> list[Adoption]:
    """`found` in the order of the regulation file's history; one whose commit is not in it (it left the file
    as it was) keeps its place after those that are, in replay order."""
    if len(found) < 2:
        return found
    try:
        history = {revision.sha: i for i, revision in enumerate(reversed(ws.log(relative)))}
    except RegdraftError:
        return found
    return sorted(found, key=lambda adoption: history.get(adoption.commit, len(history)))


def adopted_at(ws: Workspace, rev: str, found: list[Adoption]) -> int | None:
    """The index in `found` of the adoption `rev` names (its tag's commit). A commit merely holding the same file is
    not taken for it: the text before one adoption may read as another left it (an adoption not yet in force)."""
    if not found:
        return None
    sha = ws.resolve(rev).sha
    return next((i for i, adoption in enumerate(found) if adoption.commit == sha), None)


def standing_before(ws: Workspace, rev: str, text: bytes, found: list[Adoption]) -> int | None:
    """The index in `found` of the adoption `rev` is exactly the commit before, or 0 where `text` (the regulation
    file at `rev`) is the text before the first adoption (post-condition 2); None otherwise."""
    if not found:
        return None
    sha = ws.resolve(rev).sha
    at = next((i for i, adoption in enumerate(found) if adoption.parent == sha), None)
    return at if at is not None or text != found[0].before else 0


def adopted_version(found: list[Adoption], at: int, words: Mapping[str, str]) -> dict[str, Any]:
    """The fields of a version that is adoption `at` (post-condition 1)."""
    from regdraft.workspace.amendments import document_name

    held = [a.amendment for a in found[:at + 1]]
    dates = [doc.effective for doc in held if doc.effective is not None]
    effective = max(dates) if dates else held[-1].signed
    # An earlier adoption taking effect after every later one is named too: the latest's date would belie it.
    named = [doc for i, doc in enumerate(held) if i == at or _later_than_after(doc, held[i + 1:])]
    names = [document_name(doc, words) for doc in named]
    last = words.get("as_amended_by_and", ", ")  # an office's own profile may lack the word
    label = f"{words['as_amended_by']} {', '.join(names[:-1])}{last if len(names) > 1 else ''}{names[-1]}"
    return {"label": label, "effective": effective, "amended_by": (), "adopted": True, "pending": False}


def _later_than_after(doc: Amendment, after: list[Amendment]) -> bool:
    """Whether `doc` takes effect after every amendment adopted after it."""
    return doc.effective is not None and all(a.effective is not None and a.effective < doc.effective for a in after)


def stated_between(ws: Workspace, relative: str, rev_from: str | None, found: list[Adoption], to: int,
                   reg_id: str) -> list[tuple[Amendment, list[Any]]] | None:
    """The adoptions from the old side to adoption `to`, each with the changes its instructions make (applied to the
    text just before it), for the kinds and notes they state (post-condition 3)."""
    from regdraft.workspace.lifecycle import adoption_tag, preview

    old = ws.read(relative, rev_from)
    first = next((i for i in range(to, -1, -1) if found[i].before == old), None)
    if first is None or any(found[i].text != found[i + 1].before for i in range(first, to)):
        return None  # the old side is no text just before a run of adoptions, each on the last one's text
    out = []
    for adoption in found[first:to + 1]:
        try:
            applied = preview(ws, adoption.amendment.slug, f"{adoption_tag(adoption.amendment)}^", regulation=reg_id)
        except RegdraftError:
            return None  # not readable as it stood then: the kinds read from the text are kept
        out.append((adoption.amendment, [*applied.changes, *applied.punctuation]))
    return out
