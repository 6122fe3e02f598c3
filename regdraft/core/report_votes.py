"""The conference's votes at the end of the comment report, as the minutes state a tally (r41 vote41, item 2).

A round's report (Báo cáo tổng hợp, tiếp thu, giải trình ý kiến) said nothing of the vote its draft went on to. Where
the conference voted on the draft the round circulated (or a later one, with no round between), the report ends,
after its table and before its signature, with the result: the vote on the whole and each part voted by itself,
in the profile's words (`report_vote_*`):

    Kết quả biểu quyết tại Hội nghị
    Toàn văn Dự thảo lần 2, biểu quyết ngày 20 tháng 9 năm 2025. Có mặt: 48/49 đồng chí. Tán thành: 45/49 đồng chí
    (91,8 %); không tán thành: 2/49 đồng chí (4,1 %); không biểu quyết: 1/49 đồng chí (2,0 %). Đạt quá một nửa
    tổng số 49 đồng chí.

Post-conditions:
1. A share is of the members entitled to vote when the vote recorded them, else of the votes cast; counts are then
   written `45/49`, else `45`. A share has one decimal, written with the language's decimal sign (`91,8`, `91.8`).
2. `vote_lines(votes, words, language)` is empty without votes; else the heading, then a line a vote, the whole first.
   Pure: the caller reads the votes (`workspace.vote_report`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from regdraft.core.dates import written_date


@dataclass(frozen=True, slots=True)
class ReportVote:
    """One vote as the report states it: `part` is "" for the whole document (else `khoản 3 Điều 1`, on `amends`)."""

    date: str
    for_: int
    against: int
    abstain: int
    members: int | None = None
    present: int | None = None
    draft: int | None = None
    part: str = ""
    amends: str = ""
    below_quorum: bool = False

    @property
    def base(self) -> int:
        """What the shares are of: the members, else the votes cast (post-condition 1)."""
        return self.members if self.members is not None else self.for_ + self.against + self.abstain

    @property
    def carried(self) -> bool:
        """More than half of the members (or of the votes cast) for."""
        return self.for_ * 2 > self.base


def _share(count: int, base: int, language: str) -> str:
    """`91,8 %` (the space before the sign unbreakable: the sign ran onto the next line of the PDF) or `91.8%`,
    rounded half up as a tally is read (1/16 is 6,3 %, not the float's 6,2 %; r41 sweep CK F8)."""
    from decimal import ROUND_HALF_UP, Decimal

    share = str((Decimal(count * 100) / Decimal(base)).quantize(Decimal("0.1"), ROUND_HALF_UP)) if base else "0.0"
    return share.replace(".", ",") + "\u00a0%" if language == "vi" else share + "%"


def _count(count: int, vote: ReportVote) -> str:
    return f"{count}/{vote.members}" if vote.members is not None else str(count)


def vote_line(vote: ReportVote, words: Mapping[str, str], language: str) -> str:
    """One vote as the report's paragraph states it (post-condition 1)."""
    day = written_date(dt.date.fromisoformat(vote.date), words["date_in_words"], words["month_names"])
    if vote.part:
        amends = words["report_vote_amends"].format(amends=vote.amends) if vote.amends else ""
        what = words["report_vote_part"].format(part=vote.part[:1].upper() + vote.part[1:], amends=amends, date=day)
    elif vote.draft is not None:
        what = words["report_vote_whole"].format(draft=vote.draft, date=day)
    else:
        what = words["report_vote_whole_undrafted"].format(date=day)
    present = words["report_vote_present"].format(present=_count(vote.present, vote)) if vote.present is not None \
        else ""
    counts = words["report_vote_counts"].format(
        for_count=_count(vote.for_, vote), for_share=_share(vote.for_, vote.base, language),
        against_count=_count(vote.against, vote), against_share=_share(vote.against, vote.base, language),
        abstain_count=_count(vote.abstain, vote), abstain_share=_share(vote.abstain, vote.base, language))
    base = (words["report_vote_of_members"].format(members=vote.members) if vote.members is not None
            else words["report_vote_of_cast"].format(cast=vote.base))
    result = words["report_vote_carried" if vote.carried else "report_vote_not_carried"].format(base=base)
    quorum = f" {words['report_vote_below_quorum']}" if vote.below_quorum else ""
    return f"{what}{present} {counts} {result}{quorum}"


def vote_lines(votes: Sequence[ReportVote], words: Mapping[str, str], language: str) -> list[str]:
    """The report's closing on its votes: the heading, then each vote (post-condition 2)."""
    if not votes:
        return []
    ordered = sorted(votes, key=lambda v: bool(v.part))  # the whole first, the parts in the order recorded
    return [words["report_votes_heading"], *(vote_line(v, words, language) for v in ordered)]
