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
5. Across a run of several adoptions, a provision is named by what it is against the old side, whatever the later
   instructions did to it (`across`): one not in the old text is `bổ sung` (khoản 5 Điều 14, inserted by 05-QC/TU,
   re-enacted by 08-QC/TU), one not in the new text `bãi bỏ`, one in both by the broadest kind its instructions
   state (re-enacted whole by one, a phrase of it replaced by a later one: `sửa đổi, bổ sung`); one made and
   repealed within the run, or changed inside a unit the run inserts or repeals, belongs to that unit. Its row
   cites every adoption that changed it or a unit inside it with no row of its own, in the order they were adopted
   (`by_rows`: Điều 20a, inserted by 05-QC/TU, its khoản 2 amended by 07-QC/TU and repealed by 09-QC/TU). The new
   side names every adoption of the run (`adopted_version`'s `since`), the old one, when it is the text as enacted
   before a run of several, the text before the first of them (`before_version`), not `Văn bản hiện hành`: a later
   one is in force now. A single adoption's old side is named so too (`… trước khi được sửa đổi, bổ sung bởi Luật số
   57/2024/QH15`), and its table column `Quy định trước khi sửa đổi, bổ sung`: the text it amends, not the text in
   force (the amended one is, or is to be).
6. `adoption_revisions` gives, for an adopted amendment of the regulation, the text just before its adoption and
   the text the adoption left, as revisions (its tag's parent, `TAG~1`, and its tag): `redline luat-57-2024` is the
   issued document's redline. None for an amendment not adopted, or of another regulation. An adoption with no tag (no
   number, or the tag gone) is refused naming the exact command that compares the commit that adopted it (found in
   the amendment's history), or, where none is found, the command to give the two revisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft.core.address import Address
from regdraft.core.diff import ChangeKind, Comparison
from regdraft.core.errors import RegdraftError, UnknownUnit
from regdraft.render.redline_helpers import changed_provisions

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.model import Regulation
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
    from regdraft.workspace.terms import adoption_revision, adoption_tag, terms
    from regdraft.workspace.timeline import adopted_for

    try:
        adopted = adopted_for(ws, reg_id)
    except RegdraftError:
        return []
    out = []
    known = terms(ws)
    for doc in adopted:
        if not doc.number:
            continue
        found = adoption_revision(ws, doc, adoption_tag(ws, doc, known))
        if found is None:
            continue  # neither its tag nor a commit marking it adopted: the revision is named by git
        try:
            out.append(Adoption(doc, found.sha, ws.read(relative, found.sha), ws.read(relative, f"{found.sha}~1"),
                                ws.resolve(f"{found.sha}~1").sha))
        except RegdraftError:
            continue
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


def adopted_version(found: list[Adoption], at: int, words: Mapping[str, str],
                    since: int | None = None) -> dict[str, Any]:
    """The fields of a version that is adoption `at` (post-condition 1); `since`: the first adoption of the run the
    redline shows, each named (post-condition 5: `… bởi Quy chế số 05-QC/TU, …, Quy chế số 08-QC/TU và Quy chế số
    09-QC/TU`), in the order they were adopted."""
    from regdraft.workspace.amendments import document_name

    held = [a.amendment for a in found[:at + 1]]
    dates = [doc.effective for doc in held if doc.effective is not None]
    effective = max(dates) if dates else held[-1].signed
    # An earlier adoption taking effect after every later one is named too: the latest's date would belie it.
    named = [doc for i, doc in enumerate(held)
             if i == at or since is not None and i >= since or _later_than_after(doc, held[i + 1:])]
    names = [document_name(doc, words) for doc in named]
    last = words.get("as_amended_by_and", ", ")  # an office's own profile may lack the word
    amenders = f"{', '.join(names[:-1])}{last if len(names) > 1 else ''}{names[-1]}"
    return {"label": f"{words['as_amended_by']} {amenders}", "amenders": amenders, "effective": effective,
            "amended_by": (), "adopted": True, "pending": False, "later": _dated_later(held, effective, words)}


def _dated_later(held: list[Amendment], effective: Any, words: Mapping[str, str]) -> tuple[tuple[str, Any], ...]:
    """The instructions of `held` their documents date after `effective` (`core.amend.staged`), cited and grouped by
    date (`khoản 9 Điều 1 Quy chế số 05-QC/TU`, 2025-07-01): the text is not all in force from `effective`."""
    from regdraft.core.amend.staged import STAGED
    from regdraft.workspace.timeline import cited_step, dated_steps

    later: dict[Any, list[str]] = {}
    for part in dated_steps(held):
        if part.meta.get(STAGED) and part.effective is not None and (effective is None or part.effective > effective):
            later.setdefault(part.effective, []).append(cited_step(part, words))
    return tuple((", ".join(cited), day) for day, cited in sorted(later.items()))


def _later_than_after(doc: Amendment, after: list[Amendment]) -> bool:
    """Whether `doc` takes effect after every amendment adopted after it."""
    return doc.effective is not None and all(a.effective is not None and a.effective < doc.effective for a in after)


def stated_between(ws: Workspace, relative: str, rev_from: str | None, found: list[Adoption], to: int,
                   reg_id: str) -> list[tuple[Amendment, list[Any]]] | None:
    """The adoptions from the old side to adoption `to`, each with the changes its instructions make (applied to the
    text just before it), for the kinds and notes they state (post-condition 3)."""
    from regdraft.workspace.lifecycle import preview

    old = ws.read(relative, rev_from)
    first = next((i for i in range(to, -1, -1) if found[i].before == old), None)
    if first is None or any(found[i].text != found[i + 1].before for i in range(first, to)):
        return None  # the old side is no text just before a run of adoptions, each on the last one's text
    out = []
    for adoption in found[first:to + 1]:
        try:
            applied = preview(ws, adoption.amendment.slug, adoption.parent or f"{adoption.commit}~1",
                              regulation=reg_id)
        except RegdraftError:
            return None  # not readable as it stood then: the kinds read from the text are kept
        out.append((adoption.amendment, [*applied.changes, *applied.punctuation]))
    return out


def before_version(first: Amendment, words: Mapping[str, str]) -> dict[str, Any]:
    """The label of the text as enacted, the old side of a run of several adoptions (post-condition 5): `Văn bản
    trước khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU`; an office's own profile lacking the word keeps
    `in_force`."""
    from regdraft.workspace.amendments import document_name

    if "before_amended_by" not in words:
        return {}
    named = document_name(first, words)
    return {"label": f"{words['before_amended_by']} {named}", "amenders": named}


def across(stated: Sequence[Mapping[str, ChangeKind]], old: Regulation, new: Regulation) -> dict[str, ChangeKind]:
    """The kind of each provision the run's instructions name (`stated`: each adoption's, in order), against the old
    side (post-condition 5): inserted where the old text lacks it, repealed where the new one does, the broadest of
    the instructions' kinds otherwise (`_broadest`: amended where one re-enacts it whole, or re-inserts what an earlier
    one repealed; a later phrase change does not hide it). A provision lacking in
    both, a part of one inserted or repealed, and one inside a unit inserted or repealed belong to that unit."""
    kinds: dict[str, list[ChangeKind]] = {}
    for one in stated:
        for code, kind in one.items():
            kinds.setdefault(code, []).append(kind)
    out: dict[str, ChangeKind] = {}
    for code, said in kinds.items():
        address = Address.parse(code)
        was, now = _stands(old, address.unit), _stands(new, address.unit)
        if not was and not now or address.part and was != now:
            continue
        out[code] = ChangeKind.INSERTED if not was else ChangeKind.REPEALED if not now else _broadest(said)
    whole = [Address.parse(code) for code, kind in out.items()
             if kind in (ChangeKind.INSERTED, ChangeKind.REPEALED) and not Address.parse(code).part]

    def inside(code: str) -> bool:
        unit = Address.parse(code).unit
        return any(w != unit and w.contains(unit) for w in whole)

    return {code: kind for code, kind in out.items() if not inside(code)}


# From the broadest: a unit re-enacted whole (or repealed and inserted again), then moved, renumbered, its heading
# changed, and the phrase changes (a replacement of words before their mere deletion or addition).
_BREADTH = (ChangeKind.AMENDED, ChangeKind.MOVED, ChangeKind.RENUMBERED, ChangeKind.HEADING_CHANGED,
            ChangeKind.WORDS_REPLACED, ChangeKind.WORDS_DELETED, ChangeKind.WORDS_ADDED)


def _broadest(said: Sequence[ChangeKind]) -> ChangeKind:
    """The broadest of the kinds several instructions state for a provision both sides hold: one adoption
    re-enacting khoản X whole and a later one replacing a phrase in it is `sửa đổi, bổ sung`, not `thay thế cụm
    từ`, which would hide the rewrite; an insertion or repeal within the run is an amendment against the old side."""
    kinds = [ChangeKind.AMENDED if kind in (ChangeKind.INSERTED, ChangeKind.REPEALED) else kind for kind in said]
    return min(kinds, key=lambda kind: _BREADTH.index(kind) if kind in _BREADTH else len(_BREADTH))


def _stands(regulation: Regulation, address: Address) -> bool:
    """Whether the unit at `address` is in the text and not repealed."""
    try:
        return not regulation.find(address).unit.repealed
    except UnknownUnit:
        return False


def by_rows(comparison: Comparison, notes: Sequence[Mapping[str, tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    """Each adoption's notes (in order) under the row that shows the change (post-condition 5): the nearest listed
    provision at or above its unit; a unit with none keeps its own."""
    rows = {str(p.address) for p in changed_provisions(comparison.provisions)}
    out: dict[str, tuple[str, ...]] = {}
    for one in notes:
        for code, said in one.items():
            address: Address | None = Address.parse(code)
            while address is not None and str(address) not in rows:
                address = address.parent()
            row = code if address is None else str(address)
            out[row] = (*out.get(row, ()), *(n for n in said if n not in out.get(row, ())))
    return out


def adoption_revisions(ws: Workspace, slug: str, reg_id: str) -> tuple[str, str] | None:
    """The text before amendment `slug`'s adoption and the text it left, as revisions (post-condition 6): its tag
    when the tag names its adoption, else the commit in its history that adopted it."""
    from regdraft.core.commands import Command
    from regdraft.core.layout import amendment_path
    from regdraft.workspace.lifecycle import read_with_problems
    from regdraft.workspace.terms import adopting_commit, adoption_tag, adopts

    try:
        doc, _ = read_with_problems(ws, slug, None)
    except RegdraftError:
        return None  # unreadable: the amendment's redline reports why
    if doc.status != "adopted" or reg_id not in doc.regulations:
        return None
    tag = adoption_tag(ws, doc) if doc.number else ""
    if tag:
        try:
            if adopts(ws.resolve(tag), slug):
                ws.resolve(f"{tag}~1")
                return f"{tag}~1", tag
        except RegdraftError:
            pass
    commit = adopting_commit(ws, slug)
    if commit is not None and tag:  # the tag is missing or names another document's adoption: its commit serves
        return f"{commit.sha}~1", commit.sha
    missing = "it has no number, so its adoption has no tag"
    if commit is not None:
        command = Command.of("redline", reg_id, rev_from=f"{commit.short}~1", rev_to=commit.short)
        raise RegdraftError(f"{amendment_path(slug)} is adopted, but {missing}; the commit that adopted it is "
                            f"{commit.short}: compare the text before it with the text it left with `{command}`.")
    if tag:
        missing = f"its adoption tag {tag} is not in this workspace's history (or names another document's adoption)"
    command = Command.of("redline", reg_id, rev_from=None, rev_to=None)
    raise RegdraftError(f"{amendment_path(slug)} is adopted, but {missing} and no commit in its history marks it "
                        f"adopted; compare the text before its adoption with the text after it by their revisions: "
                        f"`{command}`.")
