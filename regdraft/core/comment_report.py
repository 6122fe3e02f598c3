"""The data of the comment report (Báo cáo tổng hợp, tiếp thu, giải trình ý kiến) of one round.

Pure core: the caller reads the round, its comments and its draft from the workspace
(`rounds.build_report`); `render.report` lays the result out.

Post-conditions of `report_of`:
1. Comments are grouped by provision: general comments first, then in the draft's document
   order (provisions the draft lacks last, by address). For an amendment of several regulations,
   by regulation in the order of its amending articles, then by provision; each group's provision
   names its regulation.
2. Rows are numbered 1..n across groups, in that order; within a group they keep the
   comments' order.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from regdraft.core.align import similarity
from regdraft.core.anchoring import Placement, State
from regdraft.core.comments import (
    GENERAL,
    Comment,
    Disposition,
    Round,
    describe_on,
    replied_and_agreeing,
    unconsulted,
)
from regdraft.core.frontmatter import document_number, issued_with, issued_with_name
from regdraft.core.model import Regulation
from regdraft.core.parts import reading_order, reading_place
from regdraft.core.reply_model import Texts
from regdraft.core.report_votes import ReportVote, vote_lines
from regdraft.core.text import person
from regdraft.core.word_diff import DiffSegment, as_written, diff_words


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One comment in the report table.

    `marked` is the proposal against the provision's text as circulated, word by word, when
    the proposal rewrites that text (a tracked change in Word, a wording edited in the
    browser), its labels as typed; empty when the proposal is a free text of its own.
    """

    number: int
    by: str
    text: str
    proposal: str
    disposition: str
    reply: str
    marked: tuple[DiffSegment, ...] = ()
    author: str = ""  # the person who wrote it for the body (`Comment.author`)
    selection: str = ""  # the words of the provision they selected (`Comment.selection`)
    late: bool = False  # recorded after its round closed (`late_comments.late_ids`): listed, marked, not a reply
    edited: str = ""  # when its member last reworded it on the review pages (`Comment.edited`): said after its text


@dataclass(frozen=True, slots=True)
class ReportGroup:
    """The comments on one provision."""

    on: str
    provision: str
    rows: tuple[ReportRow, ...]
    regulation: str = ""  # the comments' key of the regulation (empty: the main one)
    # Where the provision is in the current draft when not at `on` (`comment list`'s placement): the note after the
    # provision, `(nay là khoản 7 Điều 6)`, `(đã bỏ trong Dự thảo lần 4)`; "" when it is still there.
    now: str = ""
    now_provision: str = ""  # the same for the CSV's and XLSX's column: `Khoản 7 Điều 6`, else `provision`


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
    amended: str = ""  # the text whose provisions the table names (`Luật Đấu thầu số 22/2023/QH15`), when one
    # The number of the text amended (`01/2026/SR-VNO`), whose series the blank number takes when the amendment has none
    # and the text's workspace id is not its number (`SR-2026`).
    amended_number: str = ""
    # The report's own number (`12-BC/TU`), its recipients and signer (`on_behalf`, `title`, `name`), as the
    # workspace's settings give them: empty, the profile's (`render.report.closing`).
    number: str = ""
    recipients: tuple[str, ...] = ()
    signer: tuple[tuple[str, str], ...] = ()
    withdrawn: int = 0  # comments their bodies took back (`Disposition.WITHDRAWN`): in the total, and said apart
    late: int = 0  # comments recorded after the round closed: in the total, said apart, their rows marked
    votes: tuple[ReportVote, ...] = ()  # the conference's votes on its draft, ending the report (`report_votes`)

    @property
    def title(self) -> str:
        """The amendment's title."""
        return str(self.meta.get("title", self.slug))

    def closing_votes(self, words: Mapping[str, str]) -> list[str]:
        """The paragraphs after the table stating the conference's votes (`report_votes`): none without votes."""
        return vote_lines(self.votes, words, self.language)

    def preface(self, words: Mapping[str, str]) -> list[str]:
        """The counting paragraphs before the table, in a profile's `words` (`report_consulted` ...)."""
        r = self.round
        return [
            words["report_consulted"].format(draft=r.draft, title=self.title, round=f" ({r.title})" if r.title else "",
                                             consulted=len(r.consulted)),
            words["report_replied"].format(replied=len(self.replied), agreeing=len(self.agreeing)),
            # Counted, and named: the office should not have to work out who stayed silent.
            *([words["report_agreeing"].format(bodies=", ".join(self.agreeing))] if self.agreeing else []),
            *([words["report_others"].format(count=len(self.others), bodies=", ".join(self.others))]
              if self.others else []),
            words["report_total"].format(total=sum(len(g.rows) for g in self.groups)),
            *([words["report_withdrawn"].format(withdrawn=self.withdrawn)] if self.withdrawn else []),
            # A body that replied only after the close is counted as agreeing above: the sentence says why.
            *([words["report_late_total"].format(late=self.late)] if self.late else []),
            # Luật 57/2024 amends four laws, its own Điều 3 the PPP law: "Điều 3" in a row is Luật Đấu thầu's.
            *([words["report_provisions_of"].format(regulation=self.amended, draft=r.draft)]
              if self.amended and any(g.on != GENERAL for g in self.groups) else []),
        ]


# Below this share of common words a proposal is a text of its own, not a rewrite of the provision.
REWRITE_SIMILARITY = 0.5


def marked(c: Comment, language: str = "vi", circulated: Regulation | None = None) -> tuple[DiffSegment, ...]:
    """The proposal of a comment with its changes to the provision marked, when it rewrites it.

    A wording of the provision as the browser's editor gives it (`b) Gói thầu …`, a point a line) is
    compared by its text, as the anchor holds it: the labels it repeats are not the reviewer's insertions.
    Words whose tone mark moved (`thoả` → `thỏa`) are marked changed, as the comparison table marks them: the
    proposal shows both texts, each quoted as written (`as_written`). One that would delete the provision's points
    or clauses without saying so (`left_out`, in the draft `circulated`) is marked however little it shares with
    them: shown as free text, the loss was not seen."""
    if not c.proposal or not c.anchor:
        return ()
    # Both sides as the member typed them (`2*3*4`, not the provision's `2\*3\*4`): the escapes are the format's.
    anchor, proposal = _typed(c.anchor), _as_anchor(c, language)
    if similarity(anchor, proposal) < REWRITE_SIMILARITY and not _drops(c, circulated):
        return ()
    labelled = _labelled_anchor(c, language, circulated)
    if labelled is None:
        return as_written(diff_words(anchor, proposal))
    return as_written(diff_words(_typed(labelled), c.proposal))


def _typed(text: str) -> str:
    """A provision's wording, a line a paragraph or point, as a member types it (`proposal.typed_line`)."""
    if "\\" not in text:
        return text
    from regdraft.core.amend.proposal import typed_line

    return "\n".join(map(typed_line, text.split("\n")))


def _labelled_anchor(c: Comment, language: str, circulated: Regulation | None) -> str | None:
    """The provision commented on as the member's wording is compared with it: a line a paragraph or point, each
    with its label (`a) Công tác …`), so that the labels typed read as typed and the points a wording would drop
    are struck with their letters; its own label only when the wording begins with one. None when the provision
    of the draft `circulated` no longer reads as the comment's anchor (the wording is then compared without
    labels)."""
    from regdraft.core.amend.proposal import editor_text
    from regdraft.core.amend.quote import CLAUSE, HEADING, POINT
    from regdraft.core.errors import RegdraftError
    from regdraft.core.labels import APPENDIX_HEADING
    from regdraft.core.model import Address

    if circulated is None or c.on == GENERAL:
        return None
    try:
        address = Address.parse(c.on)
        if address.part:
            return None
        unit = circulated.find(address).unit
    except (RegdraftError, ValueError):
        return None
    if unit.repealed or " ".join(unit.all_text().split()) != " ".join(c.anchor.split()):
        return None
    lines = editor_text(unit, language, closing=True).split("\n")  # a closing text a line after the points
    own = c.anchor.split("\n")
    if len(lines) != len(own):
        return None
    first = c.proposal.split("\n", 1)[0].strip()
    # An appendix's wording begins with its heading (`Phụ lục IV. MẪU BÁO CÁO`) as an article's does: its label is
    # the provision's, never the member's insertion.
    if not (CLAUSE.match(first) or POINT.match(first) or HEADING.match(first) or APPENDIX_HEADING.match(first)):
        lines[0] = own[0]  # the wording names no label of its own: the provision's is not struck from it
    return "\n".join(lines)


def _as_anchor(c: Comment, language: str) -> str:
    """The proposal's text without its labels when it reads as the provision commented on (as typed: `_typed`), else
    as written."""
    from regdraft.core.amend.proposal import proposed_unit
    from regdraft.core.errors import RegdraftError
    from regdraft.core.model import Address

    if c.on == GENERAL:
        return c.proposal
    try:
        return _typed(proposed_unit(c.proposal, Address.parse(c.on), language).all_text())
    except (RegdraftError, ValueError):
        return c.proposal


def _drops(c: Comment, circulated: Regulation | None) -> bool:
    """True when accepting the proposal would delete points or clauses of the provision it does not mention."""
    from regdraft.core.amend.proposal import loss

    return circulated is not None and loss(circulated, c.on, c.proposal) is not None


def by_provision(comments: Sequence[Comment], draft: Regulation) -> list[tuple[str, list[Comment]]]:
    """Comments grouped by the provision they were made on: general first, then in document order.

    Provisions the draft lacks come last, by address; each group keeps the comments' order.
    """
    return [(on, group) for _, on, group in by_regulation(comments, (("", draft),))]


def by_regulation(comments: Sequence[Comment], texts: Texts) -> list[tuple[str, str, list[Comment]]]:
    """Comments grouped by regulation and provision (`by_provision` for each text, in the order of
    `texts`), general comments first: (regulation key, provision, comments)."""
    position = {key: i for i, (key, _) in enumerate(texts)}
    order = {key: reading_order(draft) for key, draft in texts}
    groups: dict[tuple[str, str], list[Comment]] = {}
    for c in comments:
        groups.setdefault((c.regulation, c.on), []).append(c)

    def place(group: tuple[str, str]) -> tuple[int, int, int, str]:
        reg, on = group
        known = order.get(reg, {})
        return (on != GENERAL, position.get(reg, len(texts)), reading_place(known, on), on)

    return [(reg, on, groups[reg, on]) for reg, on in sorted(groups, key=place)]


def provision_of(on: str, regulation: str, texts: Texts, words: Mapping[str, str] | None = None) -> str:
    """The provision column: `Khoản 1 Điều 2`; `Khoản 1 Điều 2 (01-QC/TU)` when there are several texts."""
    drafts = dict(texts)
    language = drafts[""].language if "" in drafts else "vi"
    described = describe_on(on, language, words)
    if len(texts) < 2:
        return described
    named = drafts[regulation].id if regulation in drafts else regulation
    return f"{described} ({named})"


def report_of(slug: str, meta: dict[str, Any], r: Round, comments: Sequence[Comment], draft: Regulation,
              words: Mapping[str, str], texts: Texts = (), placed: Mapping[str, Placement] | None = None,
              now_draft: int | None = None, late: Collection[str] = frozenset()) -> Report:
    """The report of round `r` from its comments and the draft it circulated, in a profile's `words`.

    `texts` are the drafts of every regulation the amendment amends (`draft` alone when empty). `placed` gives,
    by comment id, where its provision stands in the current draft (as `comment list` places it), numbered
    `now_draft`: a group whose provision moved or was removed says so (`ReportGroup.now`). The comments whose ids
    are in `late` were recorded after the round closed: their rows are marked, and their bodies are not counted as
    having replied (`replied_and_agreeing`).
    """
    texts = tuple(texts) or (("", draft),)
    drafts = dict(texts)
    number = 0
    built = []
    for reg, on, group in by_regulation(comments, texts):
        rows = []
        for c in group:
            number += 1
            rows.append(ReportRow(number, c.by, c.text, c.proposal,
                                  c.disposition.label(words) if c.disposition else "", c.reply,
                                  marked(c, draft.language, drafts.get(reg, draft if len(texts) < 2 else None)),
                                  person(c.by, c.author), c.selection, c.id in late, c.edited))
        provision = provision_of(on, reg, texts, words)
        now, now_provision = _now((placed or {}).get(group[0].id), r.draft, now_draft, draft.language, words)
        built.append(ReportGroup(on, provision, tuple(rows), reg, now, now_provision or provision))
    replied, agreeing = replied_and_agreeing(r, comments, late)
    return Report(slug, meta, r, replied, agreeing, tuple(built), unconsulted(r, comments), draft.language,
                  _named(draft, words) if len(texts) < 2 else "",
                  withdrawn=sum(1 for c in comments if c.disposition is Disposition.WITHDRAWN),
                  late=sum(1 for c in comments if c.id in late))


def _now(placement: Placement | None, draft: int, now_draft: int | None, language: str,
         words: Mapping[str, str]) -> tuple[str, str]:
    """The note and the column saying where a provision is now: `(nay là khoản 7 Điều 6)` and `Khoản 7 Điều 6`,
    `(đã bỏ trong Dự thảo lần 4)` and `Đã bỏ …`; ("", "") when it is where it was (changed or not)."""
    from regdraft.core.model import Address

    if placement is None:
        return "", ""
    if placement.state is State.MOVED:
        where = Address.parse(placement.address).describe(language)
        if placement.several:  # a guess among places in different articles that hold its text equally
            where = words["report_now_several"].format(provision=where, count=placement.several)
        note = words["report_now"].format(provision=where)
        return f"({note})", where[:1].upper() + where[1:]
    if placement.state is State.REMOVED:
        # Removed in a later draft; while that draft is not numbered yet, after the one the round circulated.
        later = now_draft is not None and now_draft > draft
        note = (words["report_removed"].format(draft=now_draft) if later
                else words["report_removed_since"].format(draft=draft))
        return f"({note})", note[:1].upper() + note[1:]
    return "", ""


def _named(draft: Regulation, words: Mapping[str, str]) -> str:
    """The text the report's provisions belong to, by title and the number it prints (`Luật Đấu thầu số
    22/2023/QH15`; a translation its original's: `Working Regulations …, No. 01-QC/TU`, as the other documents
    name it, never by its workspace id `01-QC/TU-EN`); with several texts, each provision names its own."""
    title = str(draft.meta.get("title") or "")
    number = document_number(draft.meta) or draft.id
    if draft.meta.get("replaces") and not draft.meta.get("number") and not draft.meta.get("signed"):
        # A new regulation's draft, unsigned, has no number yet: its workspace id (`01-QC/TU-XV`) is none, and an
        # official report prints none (r41 sweep CK F7). Issued, its id may be its number (`number` left out).
        number = ""
    decision = issued_with(draft.meta)
    if decision and number:  # `Quy chế làm việc … ban hành kèm theo Quyết định số 15/2021/QĐ-UBND`
        return issued_with_name(title or str(draft.meta.get("type") or ""),
                                " ".join(words["cited_document"].format(type=decision, number=number,
                                                                        title="").split()), words)
    if not number or number in title:
        return title or number
    comma = "," if draft.language == "en" else ""  # `Working Regulations of …, 2020 - 2025, No. 01-QC/TU`
    return f"{title}{comma} {words['number_cited']} {number}" if title else number
