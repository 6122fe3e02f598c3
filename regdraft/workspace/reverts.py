"""A pending amendment drafted against an older text, whose quoted provisions would undo an adoption made since.

Draft B quotes clause 1 of Article 8 as it read when B was begun (`… hand the record over to the archivist.`);
meanwhile amendment A, replacing “the archivist” with “the records officer” throughout, is adopted. Applying B
puts “archivist” back: nothing else says so. `reverted` compares, for each provision B quotes whole, the text
before and after each adoption made since B was begun with B's new text.

Post-conditions of `reverted`:
1. An amendment's base is the commit that began its file (the first recorded version of
   `amendments/<slug>/amendment.md`); an adoption counts when its tag is not an ancestor of that commit.
2. A problem is returned for each provision the amendment amends whole (`ReplaceUnit`) where its new text puts
   back words an adoption since took out, or takes out words it put in: the adopted amendment (number, slug and
   effective date), the provision and the words are named, on the instruction's line.
3. A store without git history (or an amendment not yet committed) yields none; nothing is written.
4. An amendment adopted once, that adoption undone with `git revert` and its file not written since, yields none:
   an issued document adopted again after one that takes effect before it (`readoption`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from regdraft.core.amend.operations import ReplaceUnit
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.core.word_diff import DiffSegment, Op, diff_words
from regdraft.workspace.adoption_subjects import PREFIXES

if TYPE_CHECKING:
    from regdraft.core.amend.apply import Applied
    from regdraft.core.amend.document import Amendment
    from regdraft.core.model import Address, Regulation
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_history import Revision

_WORD = re.compile(r"\w+")


def reverted(ws: Workspace, amendment: Amendment, applied: Applied) -> list[Problem]:
    """Each provision `amendment` (as it amends `amendment.regulation`, applied to the text in force as `applied`)
    quotes so that it undoes words of an amendment adopted after it was begun (see the module)."""
    return [Problem(f"{finding}; quote the text in force, keeping only the changes intended, or, to undo it on "
                    "purpose, adopt past this check with the reason", amendment.source, line)
            for line, finding in findings(ws, amendment, applied)]


def findings(ws: Workspace, amendment: Amendment, applied: Applied) -> list[tuple[int, str]]:
    """`reverted`'s findings without the advice: (the instruction's line, what its quote undoes)."""
    quoted = [ins for ins in amendment.leaves() if isinstance(ins.op, ReplaceUnit)]
    is_ancestor = getattr(ws, "is_ancestor", None)
    if not quoted or is_ancestor is None:
        return []
    from regdraft.workspace.api import load_regulation
    from regdraft.workspace.late_comments import shared_walk
    from regdraft.workspace.terms import adoption_revision
    from regdraft.workspace.timeline import adopted_for

    others = [a for a in adopted_for(ws, amendment.regulation) if a.number and a.slug != amendment.slug]
    if not others:
        return []
    walk = shared_walk(ws)  # `check`: the history read once, not a `git log` for each pending amendment
    try:
        path = amendment_path(amendment.slug)
        history = [r for r, _ in walk.log(path)] if walk is not None else ws.log(path)
    except RegdraftError:
        return []
    if not history or _adopted_again(amendment.slug, history):
        return []
    begun = history[-1].sha
    found: list[tuple[int, str]] = []
    for adopted in others:
        try:
            adoption = adoption_revision(ws, adopted)  # its tag's commit, or the one in its history that adopted it
            if adoption is None:
                continue
            sha = adoption.sha
            known = walk.ancestor(sha, begun) if walk is not None else None
            if sha == begun or (known if known is not None else is_ancestor(sha, begun)):
                continue  # adopted before this amendment was begun: its text is the one quoted
            before = load_regulation(ws, amendment.regulation, f"{sha}^")
            after = load_regulation(ws, amendment.regulation, sha)
        except RegdraftError:
            continue
        when = adopted.effective or adopted.signed
        since = f" (effective {when.isoformat()})" if when else ""
        for ins in quoted:
            assert isinstance(ins.op, ReplaceUnit)
            target = ins.op.target
            old, new, now = _text(before, target), _text(after, target), _text(applied.regulation, target)
            if old is None or new is None or now is None or old == new:
                continue
            for taken, put in _undone(old, new, now):  # `now`: its quote, applied to the text in force
                found.append((ins.line, f"instruction {ins.location} quotes {target.describe(amendment.language)} "
                              f"as it read before {adopted.number} ({adopted.slug}) was adopted{since}, after this "
                              f"amendment was begun: the quote {_what(taken, put, adopted.number)}, so adopting it "
                              "would undo that change"))
    return found


def _adopted_again(slug: str, history: list[Revision]) -> bool:
    """Whether the amendment (its file's `history`, newest first) was adopted, that adoption undone with `git revert`
    and nothing else written to it since: an issued document adopted again after one taking effect before it (the
    way out `readoption` names), whose text is the one adopted, not a draft begun on an older text. The adoptions
    made since are those that take effect before it; its quotes were checked against the others when it was first
    adopted."""
    from regdraft.workspace.terms import tagged_slug

    adopted = next((n for n, revision in enumerate(history) if tagged_slug(revision) == slug), None)
    return adopted is not None and all(r.subject.startswith(tuple(f'Revert "{p}' for p in PREFIXES))
                                   for r in history[:adopted])


def _text(regulation: Regulation, address: Address) -> str | None:
    try:
        return regulation.find(address).unit.all_text()
    except RegdraftError:
        return None


def _what(taken: str, put: str, number: str) -> str:
    """What the quote does to the words amendment `number` changed, in words."""
    if taken and put:
        return f"reads “{put}” where {number} put “{taken}”"
    return f"puts back “{put}”, which {number} took out" if put else f"leaves out “{taken}”, which {number} put in"


def _undone(old: str, new: str, quoted: str) -> Iterator[tuple[str, str]]:
    """(the words an adoption put in, the words it took out) for each of its edits (`old` to `new`) that the
    quote's edits (`new` to `quoted`) reverse."""
    ours = list(_hunks(diff_words(new, quoted)))
    for took, put in _hunks(diff_words(old, new)):
        for deleted, inserted in ours:
            if (not put or _within(put, deleted)) and (not took or _within(took, inserted)) and (put or took):
                yield put.strip(), took.strip()
                break


def _hunks(segments: tuple[DiffSegment, ...]) -> Iterator[tuple[str, str]]:
    """(deleted, inserted) for each run of edits between equal text."""
    deleted: list[str] = []
    inserted: list[str] = []
    for seg in (*segments, DiffSegment(Op.EQUAL, "")):
        if seg.op is Op.DELETE:
            deleted.append(seg.text)
        elif seg.op is Op.INSERT:
            inserted.append(seg.text)
        elif deleted or inserted:
            if _WORD.search("".join(deleted + inserted)):
                yield "".join(deleted), "".join(inserted)
            deleted, inserted = [], []


def _within(part: str, whole: str) -> bool:
    """Whether the words of `part` stand, in order and together, among the words of `whole` (case aside)."""
    words = _WORD.findall(part.lower())
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(_WORD.findall(whole.lower()))} "
