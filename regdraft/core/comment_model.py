"""The values of comment rounds: a round, a comment, and the words they are recorded in (its type, the office's
disposition, a round's status). Frozen values; what is done with them is `regdraft.core.comments`, which they are
importable from too.

Pure core: no git, no click, no clock (callers pass times in); each is one small YAML file, written and read by
`regdraft.core.comment_yaml` and `regdraft.core.round_yaml`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Disposition(StrEnum):
    """What the office decided to do with a comment."""

    ACCEPTED = "accepted"
    PARTLY = "partly"
    REJECTED = "rejected"
    NOTED = "noted"
    WITHDRAWN = "withdrawn"  # the body took the comment back: listed in the report as such, counted apart

    def label(self, words: Mapping[str, str]) -> str:
        """The wording a document prints for it (`Tiếp thu`), from a profile's words (`disposition_accepted`)."""
        return words[f"disposition_{self.value}"]


class CommentType(StrEnum):
    """Whether a comment is about the whole draft, its substance, or its wording."""

    GENERAL = "general"
    SUBSTANTIVE = "substantive"
    EDITORIAL = "editorial"


class RoundStatus(StrEnum):
    """A round collects comments while open."""

    OPEN = "open"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Round:
    """One circulation of a draft for comments.

    `revision` is the commit holding the amendment text that was circulated; `draft` is its
    draft number (Dự thảo lần N); `consulted` the bodies asked, in the order given.
    """

    number: int
    title: str
    due: str
    consulted: tuple[str, ...]
    revision: str
    draft: int
    status: RoundStatus = RoundStatus.OPEN
    opened: str = ""
    closed: str = ""


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment from one body on one provision (or on the draft as a whole).

    `on` is a canonical address (`d2.k1`) or `general`; `anchor` is the provision's exact
    text in the draft circulated in `round`, kept so that later drafts can be compared.
    `accepted_in` is the commit that wrote an accepted proposal into the amendment.
    `author` is the person who wrote it for the body, `selection` the exact words they
    selected (a Word comment's range), and `source` a fingerprint of where it was imported
    from, so that importing the same reply twice adds nothing. `regulation` names the regulation
    of `on` when the amendment amends several and it is not the main one (empty: the main one).
    `order` is its place among the comments of one import (1, 2 …; 0 when not imported so), in the Word reply's
    document order or the sheet's row order: comments made in the same second are listed in that order, not by id.
    `sequence` orders the writes of one second (`created` is to the second): 0 for the first write recording comments
    in that second, 1, 2 … for each later one (`core.comment_order`; a whole import is one write).
    `link` is the id of the access link a comment was sent through on the review pages (`AccessLink.key`, a digest's
    first digits: never the token); empty for every other (the office's commands, imports, and comments sent through
    the pages before links were recorded). A member withdraws only the comments of their own link, and edits them.
    `edited` is when its member last reworded its text or proposed wording on the review pages (ISO time; empty: as
    sent): its id, `created`, `sequence` and provision stay, and the wording before is in the history (a commit per
    edit).
    `link_written` is the file's `link:` entry as written when it is no link's id (`link` is then empty: sent through
    none, which lets no one withdraw or edit it); it is written back as it was whenever regdraft rewrites the file, so
    an answer or an edit loses nothing, and `check` names it at its line until someone mends it.
    `edited_written` is, likewise, the file's `edited:` entry as written when it is no time of an edit (`edited` is
    then empty: read as never edited), written back until the member edits the comment (r33 sweep AZ F4).
    """

    id: str
    round: int
    by: str
    on: str
    type: CommentType
    text: str
    proposal: str = ""
    anchor: str = ""
    disposition: Disposition | None = None
    reply: str = ""
    created: str = ""
    responded: str = ""
    accepted_in: str = ""
    author: str = ""
    selection: str = ""
    source: str = ""
    regulation: str = ""
    order: int = 0
    sequence: int = 0
    link: str = ""
    edited: str = ""
    link_written: str = ""
    edited_written: str = ""

    def __post_init__(self) -> None:
        # Its texts hold `\n` line breaks however it was made (a browser form, a sheet cell or a Word reply may give
        # `\r\n` or `\r`): a comment written to its file reads back the same, and equal texts compare equal.
        for name in ("text", "proposal", "anchor", "reply", "selection"):
            value = getattr(self, name)
            if "\r" in value:
                object.__setattr__(self, name, value.replace("\r\n", "\n").replace("\r", "\n"))

    @property
    def is_open(self) -> bool:
        """True while the office has not recorded a disposition."""
        return self.disposition is None
