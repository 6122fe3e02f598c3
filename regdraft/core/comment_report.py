"""The data of the comment report (Báo cáo tổng hợp, tiếp thu, giải trình ý kiến) of one round.

Pure core: the caller reads the round, its comments and its draft from the workspace
(`rounds.build_report`); `render.report` lays the result out.

Post-conditions of `report_of`:
1. Comments are grouped by provision: general comments first, then in the draft's document
   order (provisions the draft lacks last, by address).
2. Rows are numbered 1..n across groups, in that order; within a group they keep the
   comments' order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from regdraft.core.align import similarity
from regdraft.core.comments import GENERAL, Comment, Round, describe_on, replied_and_agreeing, unconsulted
from regdraft.core.diff import DiffSegment, diff_words
from regdraft.core.model import Regulation


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One comment in the report table.

    `marked` is the proposal against the provision's text as circulated, word by word, when
    the proposal rewrites that text (a tracked change in Word, a wording edited in the
    browser); empty when the proposal is a free text of its own.
    """

    number: int
    by: str
    text: str
    proposal: str
    disposition: str
    reply: str
    marked: tuple[DiffSegment, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportGroup:
    """The comments on one provision."""

    on: str
    provision: str
    rows: tuple[ReportRow, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """The data of the Báo cáo tổng hợp, tiếp thu, giải trình ý kiến for one round."""

    slug: str
    meta: dict[str, Any]
    round: Round
    replied: tuple[str, ...]
    agreeing: tuple[str, ...]
    groups: tuple[ReportGroup, ...]
    others: tuple[str, ...] = ()  # bodies that commented without being consulted
    language: str = "vi"  # the draft's: the report prints its fixed words in this language

    @property
    def title(self) -> str:
        """The amendment's title."""
        return str(self.meta.get("title", self.slug))

    def preface(self, words: Mapping[str, str]) -> list[str]:
        """The counting paragraphs before the table, in a profile's `words` (`report_consulted` ...)."""
        r = self.round
        return [
            words["report_consulted"].format(draft=r.draft, title=self.title, round=f" ({r.title})" if r.title else "",
                                             consulted=len(r.consulted)),
            words["report_replied"].format(replied=len(self.replied), agreeing=len(self.agreeing)),
            *([words["report_others"].format(count=len(self.others), bodies=", ".join(self.others))]
              if self.others else []),
            words["report_total"].format(total=sum(len(g.rows) for g in self.groups)),
        ]


# Below this share of common words a proposal is a text of its own, not a rewrite of the provision.
REWRITE_SIMILARITY = 0.5


def marked(c: Comment) -> tuple[DiffSegment, ...]:
    """The proposal of a comment with its changes to the provision marked, when it rewrites it."""
    if not c.proposal or not c.anchor or similarity(c.anchor, c.proposal) < REWRITE_SIMILARITY:
        return ()
    return diff_words(c.anchor, c.proposal)


def by_provision(comments: Sequence[Comment], draft: Regulation) -> list[tuple[str, list[Comment]]]:
    """Comments grouped by the provision they were made on: general first, then in document order.

    Provisions the draft lacks come last, by address; each group keeps the comments' order.
    """
    order = {str(loc.address): i for i, loc in enumerate(draft.walk())}
    groups: dict[str, list[Comment]] = {}
    for c in comments:
        groups.setdefault(c.on, []).append(c)
    keys = sorted(groups, key=lambda on: (-1 if on == GENERAL else order.get(on, len(order)), on))
    return [(on, groups[on]) for on in keys]


def report_of(slug: str, meta: dict[str, Any], r: Round, comments: Sequence[Comment], draft: Regulation,
              words: Mapping[str, str]) -> Report:
    """The report of round `r` from its comments and the draft it circulated, in a profile's `words`."""
    number = 0
    built = []
    for on, group in by_provision(comments, draft):
        rows = []
        for c in group:
            number += 1
            rows.append(ReportRow(number, c.by, c.text, c.proposal,
                                  c.disposition.label(words) if c.disposition else "", c.reply, marked(c)))
        built.append(ReportGroup(on, describe_on(on, draft.language, words), tuple(rows)))
    replied, agreeing = replied_and_agreeing(r, comments)
    return Report(slug, meta, r, replied, agreeing, tuple(built), unconsulted(r, comments), draft.language)
