"""The answering page of the review server: a round's comments grouped by provision, each with where its
provision stands now, built from library calls (no git, no HTTP).

Post-conditions:
1. `answer_page` groups a round's comments by provision in the round draft's document order.
2. Each comment says, in the page's words, where its provision stands in the current draft: unchanged, changed,
   moved (`đã chuyển đến khoản 1a Điều 3`) or renumbered (`nay là khoản 3 Điều 5`).
3. `document_changes` says in the page's words which instructions of the amending document a commit added, changed,
   removed or renumbered (`khoản 14 Điều 1 (mới); khoản 14–20 Điều 1 nay là khoản 15–21`), in at most `SHOWN` items;
   empty when it changed none (or either version cannot be read).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from regdraft.core.anchoring import State
from regdraft.core.comment_report import by_regulation, marked, provision_of
from regdraft.core.comments import Comment, Round, RoundStatus
from regdraft.core.errors import Category, RegdraftError
from regdraft.core.model import Address
from regdraft.core.word_diff import DiffSegment
from regdraft.web.pages import anchor, document_named, language, round_to_show, set_aside
from regdraft.web.words import Words, refuse
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from markupsafe import Markup

    from regdraft.core.amend.instruction_changes import InstructionChange
    from regdraft.workspace.not_applying import NotApplying
    from regdraft.workspace.rounds import Listed

SHOWN = 8  # the instructions changed a notice names; the others are counted


@dataclass(frozen=True, slots=True)
class AnswerItem:
    """A comment on the answering page, with where its provision stands now."""

    comment: Comment
    state: str  # unchanged, changed, moved, removed or general
    now_at: str
    said: str = ""  # the state in the page's words: `đã chuyển đến khoản 1a Điều 3 (có sửa đổi)`
    now: str = ""  # where the provision is now, in words, when it was renumbered: ` (nay là khoản 3 Điều 5)`
    marked: tuple[DiffSegment, ...] = ()  # the proposal against the text circulated, as the report marks it

    @property
    def tabled(self) -> Markup | None:
        """The proposal as the comment report prints one holding a Markdown table (`render.proposal_tables`): its
        tables as tables, only their rows changed when `marked`, each cell's text escaped; None when it holds none
        (the page prints it as its lines)."""
        from regdraft.render.proposal_tables import proposal_html

        return proposal_html(self.marked, self.comment.proposal) if self.comment.proposal else None

    @property
    def answered(self) -> str:
        """The comment's answer as the page shows it (`answer_mark`), which its forms send back."""
        return answer_mark(self.comment)

    @property
    def wording(self) -> str:
        """The comment's text as the page shows it (`wording_mark`), which its answer forms send back."""
        return wording_mark(self.comment)


def answer_mark(comment: Comment) -> str:
    """A comment's answer (disposition, reply, the commit its proposal was written in) as a short digest, empty for
    none: a form sends back the one its page showed, and an answer given since (at the terminal, in another tab) is
    not replaced unseen (`actions.respond`, `actions.accept`)."""
    import hashlib

    if comment.disposition is None and not comment.reply and not comment.accepted_in:
        return ""
    answer = "\n".join((comment.disposition.value if comment.disposition else "", comment.accepted_in, comment.reply))
    return hashlib.sha256(answer.encode("utf-8")).hexdigest()[:16]


def wording_mark(comment: Comment) -> str:
    """A comment's words, its text and its proposed wording, as a short digest: an answer form sends back the one its
    page showed, and an answer to a comment its member reworded since is refused (`not_reworded_since`)."""
    import hashlib

    return hashlib.sha256(f"{comment.text}\0{comment.proposal}".encode()).hexdigest()[:16]


def not_reworded_since(ws: Workspace, comment: Comment, values: Mapping[str, str], ui: Words) -> None:
    """Refuse an answer sent from a page that showed `comment` worded otherwise (its form's `wording`, checked under
    the write lock): its member edited its text or its proposed wording since (`web.edits`), and the answer was to
    words the office never read. A form without the field (a workspace's own comments page made before it, a script)
    cannot say which words it showed: it answers a comment never edited, and is refused for one edited (`edited`
    set), in a sentence naming the field its page lacks (the comment could have been edited after it was loaded, and
    nothing else tells)."""
    sent = values.get("wording", "")
    if not sent and comment.edited:
        why = ui("reworded_unsaid_own_template", field=WORDING_FIELD) if own_comments_page(ws) \
            else ui("unsaid_old_page")
        raise refuse(ui, Category.STATE, "reworded_unsaid", id=comment.id, time=ui.date(comment.edited), why=why)
    if sent and sent != wording_mark(comment):
        raise refuse(ui, Category.STATE, "reworded_since", id=comment.id, time=ui.date(comment.edited))


def own_comments_page(ws: Workspace) -> bool:
    """Whether the workspace has its own comments page (`templates/web-comments.html.j2`, read before the package's)."""
    from regdraft.core.layout import TEMPLATES

    return (ws.root / TEMPLATES / "web-comments.html.j2").is_file()


# The field each answering form of the comments page carries, as the package's `web-comments.html.j2` writes it.
WORDING_FIELD = '<input type="hidden" name="wording" value="{{ item.wording }}">'


@dataclass(frozen=True, slots=True)
class AnswerGroup:
    """The comments on one provision."""

    on: str
    provision: str
    items: tuple[AnswerItem, ...]
    regulation: str = ""  # as comments name it: empty for the amendment's main regulation

    @property
    def anchor(self) -> str:
        """The group's id on the page (`d5.k2`, `01-QC/TU-d5.k2`)."""
        return anchor(self.on, self.regulation)


@dataclass(frozen=True, slots=True)
class AnswerPage:
    """A round's comments grouped by provision in document order."""

    slug: str
    round: Round
    rounds: tuple[Round, ...]
    groups: tuple[AnswerGroup, ...]
    dispositions: Mapping[str, str] = field(default_factory=dict)  # value -> the profile's wording
    name: str = ""  # the document as reviewers know it (`document_named`)
    language: str = ""  # the draft's: of its provisions' names and the dispositions, whatever the interface's
    unsorted: str = ""  # the comment files set aside (`pages.set_aside`): the others are listed, the page says so
    not_applying: str = ""  # the draft no longer applies to the text in force: which instructions and since what
    not_applying_detail: str = ""  # its problems, as `amend check` says them (the library's English), for the office
    # The round left open by its amendment's adoption (`amend adopt --force`): its state and why it takes no comments,
    # in the page's words (`web.not_taken`); the office still answers those received (r44 office44).
    state: str = ""
    ended: str = ""

    @property
    def open(self) -> bool:
        """True while the round takes comments and answers."""
        return self.round.status is RoundStatus.OPEN


def answer_page(ws: Workspace, slug: str, round_number: int | None = None, ui: Words | None = None) -> AnswerPage:
    """The comments of a round (the open one, else the latest) grouped by provision in document order."""
    from regdraft.workspace.circulated import draft_texts
    from regdraft.workspace.rounds import list_comments, load_rounds

    ui = ui or Words.of(language(ws, slug))
    rounds = load_rounds(ws, slug)
    shown = round_to_show(rounds, round_number, lambda: document_named(ws, slug), ui)
    if shown is None:
        raise refuse(ui, Category.UNKNOWN, "no_rounds_yet", document=document_named(ws, slug))
    listed = {item.comment.id: item for item in list_comments(ws, slug, shown.number)}
    texts = draft_texts(ws, slug, shown.revision)
    draft = dict(texts)[""]
    from regdraft.core.comments import Disposition
    from regdraft.workspace.profiles import amendment_profile

    words = amendment_profile(ws, slug).words(draft.language)  # the amendment's own profile, as its report
    groups = []
    drafts = dict(texts)
    for reg, on, comments in by_regulation([item.comment for item in listed.values()], texts):
        items = tuple(replace(_answer_item(c, listed[c.id], ui),
                              marked=marked(c, draft.language, drafts.get(reg))) for c in comments)
        groups.append(AnswerGroup(on, provision_of(on, reg, texts, words), items, reg))
    labels = {d.value: d.label(words) for d in Disposition}
    why = None
    if any(item.placement.state is State.UNKNOWN for item in listed.values()):
        from regdraft.workspace.not_applying import not_applying

        why = not_applying(ws, slug)
    from regdraft.web.not_taken import round_state, said
    from regdraft.workspace.left_open import left_open

    left = left_open(ws, slug, [shown])
    key, fields = said(left, ui)
    return AnswerPage(slug, shown, tuple(rounds), tuple(groups), labels, document_named(ws, slug), draft.language,
                      set_aside(ws, slug), not_applying_said(why, ui) if why else "",
                      " ".join(str(p) for p in why.problems) if why else "",
                      round_state(shown.status.value, left, ui), ui(f"comments_{key}", **fields) if key else "")


def not_applying_said(why: NotApplying, ui: Words) -> str:
    """Why a draft no longer applies, in the page's words: its instructions cited as the page cites them, the
    adoptions by number."""
    since = ui("draft_not_applying_since", adoptions=", ".join(why.adoptions)) if why.adoptions else ""
    if not why.instructions:
        return ui("draft_not_applying_plain")
    return ui("draft_not_applying", since=since,
              instructions=", ".join(ins.cite(ui.language) for ins in why.instructions))


def _answer_item(comment: Comment, listed: Listed, ui: Words) -> AnswerItem:
    """A comment with where its provision stands now, in the page's words (the provision named as they name it)."""
    language = ui.language
    placement = listed.placement
    state = placement.state.value
    said = ui.maybe(f"state_{state}", state)
    if state == "moved":
        said = ui("moved_to", provision=Address.parse(placement.address).describe(language)) \
            + (ui("moved_changed") if placement.changed else "") \
            + (ui("moved_several", count=placement.several) if placement.several else "")
    now = ""
    if state != "moved" and placement.address not in (comment.on, "general"):
        now = ui("now_at", provision=Address.parse(placement.address).describe(language))
    return AnswerItem(comment, state, placement.address, said, now)


def document_changes(ws: Workspace, slug: str, commit: str, ui: Words) -> str:
    """`Văn bản sửa đổi đã thay đổi: khoản 14 Điều 1 (mới); …` for the instructions `commit` changed in the
    amendment `slug` (post-condition 3): accepting a proposal may rewrite or renumber other instructions too."""
    from regdraft.core.amend.instruction_changes import instruction_changes
    from regdraft.workspace.amendments import load

    try:
        changes = instruction_changes(load(ws, slug, f"{commit}~1"), load(ws, slug, commit))
    except RegdraftError:
        return ""
    said = _said_changes(changes, ui)
    if not said:
        return ""
    shown = said[:SHOWN] + ([ui("changes_more", number=len(said) - SHOWN)] if len(said) > SHOWN else [])
    return ui("document_changed", changes=ui("changes_separator").join(shown))


def _said_changes(changes: list[InstructionChange], ui: Words) -> list[str]:
    """Each change in words; a run of instructions renumbered by the same step said once (`khoản 14–20 Điều 1 nay
    là khoản 15–21`)."""
    said: list[str] = []
    k = 0
    while k < len(changes):
        c = changes[k]
        run = 1
        while _follows(changes, k + run - 1, k + run):
            run += 1
        if run > 1:
            last = changes[k + run - 1]
            said.append(ui("change_renumbered_run", first=c.old, last=last.old, article=c.article, new_first=c.new,
                           new_last=last.new))
        else:
            number, _, point = (c.old if c.kind in ("renumbered", "removed") else c.new).partition(".")
            cited = ui("instruction_point_cited", point=point.partition(".")[0], number=number, article=c.article) \
                if point else ui("instruction_cited", number=number, article=c.article)
            key = f"change_{c.kind}" + ("_moved" if c.kind == "changed" and c.old != c.new else "")
            said.append(ui(key, instruction=cited, old=c.old, new=c.new))
        k += run
    return said


def _follows(changes: list[InstructionChange], k: int, j: int) -> bool:
    """True when the change `j` renumbers the instruction after the one `k` renumbers, by the same step."""
    if j >= len(changes):
        return False
    a, b = changes[k], changes[j]
    numbers = (a.old, a.new, b.old, b.new)
    if a.kind != "renumbered" or b.kind != "renumbered" or a.article != b.article or not all(
            n.isdigit() for n in numbers):
        return False
    return int(b.old) == int(a.old) + 1 and int(b.new) - int(b.old) == int(a.new) - int(a.old)
