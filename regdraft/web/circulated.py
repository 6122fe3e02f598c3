"""A redline as a committee member reads it: each version by the round that circulated it, never by a commit.

A member's last line named each version by the date its commit was saved (`05-QC/TU (Dự thảo lần 2): 06/12/2026`,
the old text in force dated the same, by the commit it was read at), and a comparison of two rounds' drafts named
each by its commit (`Dự thảo tại phiên bản 8787e23`), in its heading, title, opening line and last line.

Post-conditions (`as_member`):
1. No commit id is left: the metadata line names none (`Redline.commits` off), and a version named by its commit is
   named by the draft its round circulated (`Dự thảo lần 2`, with its round when both sides would read the same).
2. A version a round circulated is dated by that round (`gửi lấy ý kiến vòng 1 ngày 06/12/2026`), the text in force
   of a round's page by the round it was compared for (`khi gửi lấy ý kiến vòng 1 ngày …`); a round's draft whose
   document gives no date of its own is dated in the opening line by the day the round sent it out, not by its commit.
3. The office's pages, and the redline kept for both (`Server.cached`), are not changed: a new value is returned.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.comments import Round
from regdraft.core.errors import RegdraftError
from regdraft.web.words import Words
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.render.redline import Redline, Version
    from regdraft.web.pages import RedlinePage


def _on(r: Round, ui: Words) -> str:
    """` ngày 06/12/2026`: the day the round was opened, its draft sent out ('' when its file does not say)."""
    return ui("version_on", date=ui.date(r.opened[:10])) if r.opened else ""


def _rounds_of(ws: Workspace, rounds: Sequence[Round], commit: str | None) -> Round | None:
    """The first round that circulated the draft at `commit` (a full id), or None."""
    if commit is None:
        return None
    for r in rounds:
        try:
            if ws.resolve(r.revision).sha == commit:
                return r
        except (RegdraftError, ValueError):
            continue
    return None


def as_member(ws: Workspace, redline: Redline, page: RedlinePage, commits: tuple[str | None, str | None],
              ui: Words, doc: Words | None = None) -> tuple[Redline, RedlinePage]:
    """`redline` and `page` as a member reads them (post-conditions); `commits`: the two revisions compared, as full
    commit ids, when the page compares two (`?from=…&to=…`), else None. The versions are named in the document's
    words (`doc`, default `ui`), the page's heading in the interface's (`ui`)."""
    doc = doc or ui
    old, new = redline.old_version, redline.new_version
    if page.round is not None:  # a round's page: its draft against the text in force it was compared with
        r = page.round
        old = dataclasses.replace(old, circulated=doc("version_in_force_then", number=r.number, on=_on(r, doc)))
        new = dataclasses.replace(new, circulated=doc("version_circulated", number=r.number, on=_on(r, doc)))
        if r.opened and new.drafted is not None and str(new.drafted) == str(new.date):
            new = dataclasses.replace(new, drafted=r.opened[:10])  # the commit's date, for want of the draft's own
        return dataclasses.replace(redline, commits=False, old_version=old, new_version=new), page
    first, second = (_rounds_of(ws, page.rounds, commit) for commit in commits)
    if first is None or second is None:  # no round's two drafts (the office's comparison): the last line only
        return dataclasses.replace(redline, commits=False), page
    same = first.draft == second.draft

    def label(words: Words, r: Round) -> str:
        return words("member_draft_round" if same else "member_draft", draft=r.draft, number=r.number)

    def named(version: Version, r: Round) -> Version:
        return dataclasses.replace(version, label=label(doc, r),
                                   circulated=doc("version_circulated", number=r.number, on=_on(r, doc)))

    old, new = named(old, first), named(new, second)
    heading = ui("heading_two_rounds", old=label(ui, first), new=label(ui, second))
    return (dataclasses.replace(redline, commits=False, old_version=old, new_version=new),
            dataclasses.replace(page, heading=heading))
