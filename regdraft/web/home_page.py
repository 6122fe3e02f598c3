"""The review server's home page: the regulations, and each amendment with its status, draft and rounds, counted.

Built from library calls (no git, no HTTP), as the other pages are (`regdraft.web.pages`, which the home page's
values are importable from too).
"""

from __future__ import annotations

from dataclasses import dataclass

from regdraft.web.words import Words
from regdraft.workspace.left_open import LeftOpen
from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class RoundRow:
    """A round on the home page."""

    number: int
    title: str
    status: str
    due: str
    draft: int
    consulted: int
    replied: int
    comments: int
    open: int
    counted: bool = True  # False: its comments could not be counted (a comment file deleted by mistake)
    partly: bool = False  # True: some comment files of its amendment do not read, and are not counted
    ended: LeftOpen | None = None  # open, its amendment no longer pending (adopted with it left open): takes none

    @property
    def taking(self) -> bool:
        """Whether the round takes comments: open, its amendment pending (its due date is then shown)."""
        return self.status == "open" and self.ended is None

    def state(self, ui: Words) -> str:
        """The round's state in the page's words (`not_taken.round_state`): adopted on its date, not open, when
        its amendment was adopted with it left open (r44 office44)."""
        from regdraft.web.not_taken import round_state

        return round_state(self.status, self.ended, ui)


@dataclass(frozen=True, slots=True)
class AmendmentRow:
    """An amendment on the home page, with its rounds."""

    slug: str
    number: str
    regulation: str  # every regulation it amends, in the order of its amending articles ("02-QC/TU, 01-QC/TU")
    status: str
    draft: int | None
    error: str
    rounds: tuple[RoundRow, ...]
    title: str = ""  # its title, as the document names itself (the slug is the drafting office's handle)
    language: str = ""  # the language it is written in (`lang` on its title where the page speaks another)
    issued: bool = False  # numbered and signed (`Amendment.issued`): an issued text imported, recorded `submitted`
    # True when another row has the same title and number (two drafts of one law from `amend new`, not yet numbered):
    # the row then names its folder too, else nothing but the links' addresses told the two apart (r42 sweep CM 6).
    alike: bool = False

    @property
    def shown(self) -> str:
        """The status the members read: `circulating` (đang lấy ý kiến) while a round is open, whatever status the
        amendment is recorded at (an imported law is recorded `submitted`, as issued: "đã trình" told members a
        text out for their comments had gone to the deciding body); its rounds closed, `consulted` (đã kết thúc lấy ý
        kiến) for `circulating`, or `submitted` as an issued text imported; else the status recorded."""
        pending = self.status in ("draft", "circulating", "submitted")
        if pending and any(r.status == "open" for r in self.rounds):
            return "circulating"
        if self.rounds and (self.status == "circulating" or (self.status == "submitted" and self.issued)):
            return "consulted"
        return self.status


@dataclass(frozen=True, slots=True)
class Home:
    """The home page: regulations, amendments and their rounds."""

    regulations: list[object]
    amendments: list[AmendmentRow]


def home(ws: Workspace) -> Home:
    """The regulations, the amendments with status and draft, and their rounds with counts; the history read once
    for the page (`run_memo`), not once for each round."""
    from regdraft.workspace.run_memo import run

    with run(ws):
        return _home(ws)


def _home(ws: Workspace) -> Home:
    from regdraft.core.comments import RoundStatus
    from regdraft.workspace.amendments import survey
    from regdraft.workspace.api import list_regulations
    from regdraft.workspace.deleted_comments import CommentsDeleted
    from regdraft.workspace.left_open import left_open
    from regdraft.workspace.rounds import load_rounds, summarise
    from regdraft.workspace.unreadable_comments import aside_of

    rows = []
    for entry in survey(ws):
        a = entry.amendment
        rounds = []
        held = load_rounds(ws, entry.slug) if a else []
        ended = left_open(ws, entry.slug, held)  # adopted with a round left open: it reads adopted, not open (r44)
        for r in held:
            left = ended if r.status is RoundStatus.OPEN else None
            try:
                s = summarise(ws, entry.slug, r.number)
            except CommentsDeleted:  # the office puts them in order; the round and its draft are still listed
                rounds.append(RoundRow(r.number, r.title, r.status.value, r.due, r.draft, len(r.consulted), 0, 0, 0,
                                       counted=False, ended=left))
                continue
            rounds.append(RoundRow(r.number, r.title, r.status.value, r.due, r.draft, len(r.consulted),
                                   len(s.replied), s.comments, s.open, partly=bool(aside_of(ws, entry.slug)),
                                   ended=left))
        amends = ", ".join(reg for reg, _ in a.amending_articles) if a else ""
        rows.append(AmendmentRow(entry.slug, a.number if a else "", amends,
                                 a.status if a else "unreadable", a.draft if a else None,
                                 str(entry.error) if entry.error else "", tuple(rounds),
                                 str(a.meta.get("title") or "").strip() if a else "", a.language if a else "",
                                 bool(a and a.issued)))
    return Home(list(list_regulations(ws)), _told_apart(rows))


def _told_apart(rows: list[AmendmentRow]) -> list[AmendmentRow]:
    """The rows, those sharing a title (or, untitled, a folder name) and a number with another marked `alike`."""
    from collections import Counter
    from dataclasses import replace

    def named(row: AmendmentRow) -> tuple[str, str]:
        return (row.title or row.slug, row.number)

    seen = Counter(named(row) for row in rows)
    return [replace(row, alike=True) if seen[named(row)] > 1 else row for row in rows]
