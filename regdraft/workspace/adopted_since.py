"""The adoptions made since a pending amendment was begun, each with the regulation's text just before and after it.

A draft is written against the text in force the day it was begun; another amendment adopted since changes that
text under it. What the draft's instructions do to the provisions that adoption changed (`reverts`: a quote that
undoes it; `stale_words`: a phrase found in more or fewer places; `stale_reasons`: an instruction that no longer
applies) is judged on these two texts.

Post-conditions of `adoptions_since`:
1. An amendment's base is the commit that began its file (the first recorded version of
   `amendments/<slug>/amendment.md`); an adoption counts when its commit is not an ancestor of that commit.
2. In replay order, each with the text of `amendment.regulation` at its commit's parent and at its commit.
3. A store without git history (or an amendment not yet committed, or adopted, undone with `git revert` and not
   written since: `readoption`) yields none; nothing is written. One run (`run_memo`) reads each pair once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.errors import RegdraftError
from regdraft.core.layout import amendment_path
from regdraft.workspace.adoption_subjects import PREFIXES
from regdraft.workspace.run_memo import kept

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.core.model import Regulation
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.store_history import Revision


@dataclass(frozen=True, slots=True)
class Since:
    """An amendment adopted after a draft was begun, and the regulation's text before and after that adoption."""

    adopted: Amendment
    before: Regulation
    after: Regulation

    @property
    def named(self) -> str:
        """`57/2024/QH15 (luat-57-2024)`."""
        return f"{self.adopted.number} ({self.adopted.slug})"

    @property
    def effective(self) -> str:
        """` (effective 2025-01-15)`, or "" when it records no date."""
        when = self.adopted.effective or self.adopted.signed
        return f" (effective {when.isoformat()})" if when else ""


def adoptions_since(ws: Workspace, amendment: Amendment) -> list[Since]:
    """Each amendment of `amendment.regulation` adopted after `amendment` was begun (see the module)."""
    is_ancestor = getattr(ws, "is_ancestor", None)
    if is_ancestor is None:
        return []
    from regdraft.workspace.timeline import adopted_for

    others = [a for a in adopted_for(ws, amendment.regulation) if a.number and a.slug != amendment.slug]
    if not others:
        return []
    return kept(ws, ("adoptions since", amendment.slug, amendment.regulation),
                lambda: _since(ws, amendment, others, is_ancestor))


def _since(ws: Workspace, amendment: Amendment, others: list[Amendment],
           is_ancestor: Callable[[str, str], bool]) -> list[Since]:
    from regdraft.workspace.api import load_regulation
    from regdraft.workspace.late_comments import shared_walk
    from regdraft.workspace.terms import adoption_revision

    walk = shared_walk(ws)  # `check`: the history read once, not a `git log` for each pending amendment
    try:
        path = amendment_path(amendment.slug)
        history = [r for r, _ in walk.log(path)] if walk is not None else ws.log(path)
    except RegdraftError:
        return []
    if not history or _adopted_again(amendment.slug, history):
        return []
    begun = history[-1].sha
    found: list[Since] = []
    for adopted in others:
        try:
            adoption = adoption_revision(ws, adopted)  # its tag's commit, or the one in its history that adopted it
            if adoption is None:
                continue
            sha = adoption.sha
            known = walk.ancestor(sha, begun) if walk is not None else None
            if sha == begun or (known if known is not None else is_ancestor(sha, begun)):
                continue  # adopted before this amendment was begun: its text is the one the draft was written on
            found.append(Since(adopted, load_regulation(ws, amendment.regulation, f"{sha}^"),
                               load_regulation(ws, amendment.regulation, sha)))
        except RegdraftError:
            continue
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
