"""What each page of the review server shows, built from library calls (no git, no HTTP); the home page's rows are
`regdraft.web.home_page`, importable from here too.

Post-conditions:
1. `redline_page` shows the draft circulating in the amendment's open round by default, a
   round's draft when asked, or any two versions of the draft; commenting is on only for the
   draft of an open round.
2. Every commented provision on the page carries the count and the states of its comments, as
   `comment list` places them in the current draft; comments on a part of a unit (its title, lead-in,
   closing text, a dash or plus item), which the page shows no badge of its own for, count on the unit.
3. For an amendment of several regulations the page shows one regulation at a time (the first
   its document amends unless asked), names every one with its comments in the round, and
   counts and records comments against the regulation shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from regdraft.core.amend.proposal import PROPOSABLE, editor_text, proposable
from regdraft.core.comment_model import Disposition
from regdraft.core.comments import GENERAL, Round, RoundStatus, describe_on
from regdraft.core.encodings import readable_head
from regdraft.core.errors import AddressError, Category, RegdraftError
from regdraft.core.inline import as_typed
from regdraft.core.model import Address, Regulation
from regdraft.core.part_codes import TITLE
from regdraft.core.parts import part_paragraphs, reading_order, reading_place, unit_parts
from regdraft.web.home_page import AmendmentRow as AmendmentRow  # the home page, imported from here by its callers
from regdraft.web.home_page import Home as Home
from regdraft.web.home_page import RoundRow as RoundRow
from regdraft.web.home_page import home as home
from regdraft.web.not_taken import no_longer_taking
from regdraft.web.words import LANGUAGES, Words, refuse
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.render.redline import Redline
    from regdraft.web.guard import Visitor
    from regdraft.workspace.rounds import Listed
    from regdraft.workspace.store import Revision

_REVISION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_./~^-]{0,99}$")
_COMMENT_ID = re.compile(r"^[0-9a-f]{4,6}$")
_LANGUAGE = re.compile(r"^language:[ \t]*['\"]?(vi|en)\b", re.M)


def language(ws: Workspace, slug: str | None = None) -> str:
    """The language a page speaks: its amendment's, else the one most of the workspace's amendments
    (or, without any, its regulations) are written in; Vietnamese on a tie or when nothing says.

    Read from the front matter alone, so a page that reports a broken or conflicted amendment still
    speaks its language.
    """
    from regdraft.core.layout import amendment_path
    from regdraft.workspace.amendments import amendment_file, slugs

    if slug:
        try:
            found = _written_in(ws, amendment_file(ws, slug))
        except RegdraftError:
            found = None
        if found:
            return found
    for files in ([amendment_path(s) for s in slugs(ws)], ws.regulation_files()):
        said = [x for x in (_written_in(ws, f) for f in files) if x]
        if said:
            return max(LANGUAGES, key=said.count)
    return "vi"


def known(ws: Workspace, slug: str, ui: Words) -> None:
    """Refuse, in the page's words, an address naming no amendment of the workspace."""
    from regdraft.workspace.amendments import amendment_file

    try:
        amendment_file(ws, slug)
    except RegdraftError as exc:
        raise refuse(ui, exc.category, "no_amendment", slug=slug) from exc


def document_named(ws: Workspace, slug: str, meta: Mapping[str, object] | None = None) -> str:
    """The amending document as its pages name it to reviewers, not by its slug: by type and number once it has a
    number (`Quy chế số 05-QC/TU`, the profile's `cited_document`), else by its title (`Luật sửa đổi, bổ sung một
    số điều của Luật Thanh niên`); its slug only when its front matter gives neither or cannot be read.
    `meta`: its front matter, when read already."""
    from regdraft.core.frontmatter import compound_type, type_and_summary
    from regdraft.workspace.amendments import load
    from regdraft.workspace.profiles import profile_for

    try:
        meta = dict(meta if meta is not None else load(ws, slug).meta)
        number, title = str(meta.get("number") or "").strip(), str(meta.get("title") or "").strip()
        if not number:
            return title or slug
        words = profile_for(ws, meta).words(str(meta.get("language") or "vi"))
        kind = compound_type(title, str(meta.get("type") or "")) or words["cited_untyped"]
        about = type_and_summary(title, kind)[1] if title else ""
        return " ".join(words["cited_document"].format(type=kind, number=number, title=about).split())
    except RegdraftError:
        return slug


def _written_in(ws: Workspace, relative: str) -> str | None:
    """A document's `language:` (`vi` when its front matter names none); None when it cannot be read."""
    try:
        text = readable_head(ws.read(relative), 8192)  # UTF-16 too
    except (OSError, RegdraftError):
        return None
    front = text.split("\n---", 1)[0] if text.startswith("---") else ""
    found = _LANGUAGE.search(front)
    return found.group(1) if found else "vi"


def revision(value: str, ui: Words) -> str:
    """A revision named in a URL, refused when it is not a plain name, sha or `sha~1`."""
    if not _REVISION.match(value) or ".." in value:
        raise refuse(ui, Category.USAGE, "not_revision", value=value)
    return value


def comment_id(value: str, ui: Words) -> str:
    """A comment id from a URL (4 to 6 hexadecimal characters)."""
    if not _COMMENT_ID.match(value):
        raise refuse(ui, Category.USAGE, "not_comment_id", value=value)
    return value


@dataclass(frozen=True, slots=True)
class Badge:
    """The comments on one provision of the page: how many, and where each stands now."""

    address: str
    count: int
    states: tuple[tuple[str, int], ...]
    on: str = ""  # the first of them in reading order, the provision or one of its parts (`d42.k3.end`)
    answered: int = 0  # how many of them the drafting office answered (a disposition other than withdrawn)

    def text(self, ui: Words) -> str:
        """`2 comments · changed`, or `3 comments · 2 unchanged, 1 moved` (`2 ý kiến · đã sửa`); the answered ones
        first: `1 comment · answered` (not `unchanged` alone, which a member read as nothing done with their comment),
        `2 comments · answered, changed`, `3 comments · 1 answered, unchanged`."""
        def state(value: str) -> str:
            return ui.maybe(f"state_{value}", value)

        if len(self.states) == 1:
            states = state(self.states[0][0])
        else:
            states = ", ".join(ui("badge_state", count=n, state=state(value)) for value, n in self.states)
        if self.answered == self.count:
            said = len(self.states) == 1 and self.states[0][0] in ("unchanged", "general")  # nothing else to say
            states = ui("state_answered") if said else f"{ui('state_answered')}, {states}"
        elif self.answered:
            states = f"{ui('badge_state', count=self.answered, state=ui('state_answered'))}, {states}"
        return ui("badge", count=ui.count(self.count, "comment"), states=states)


@dataclass(frozen=True, slots=True)
class RedlinePage:
    """What the review page shows around a redline: the round, its comments and the commenting form. The redline
    itself is not in it: the page's template sees this, and a `Redline` is no value for templates (it names where
    its fragments are kept)."""

    slug: str
    heading: str
    round: Round | None
    commenting: bool
    badges: dict[str, Badge]
    texts: dict[str, str] = field(default_factory=dict)
    provisions: tuple[tuple[str, str], ...] = ()
    rounds: tuple[Round, ...] = ()
    regulation: str = ""  # the regulation shown, as comments name it (empty: the amendment's main one)
    regulations: tuple[Amended, ...] = ()  # every regulation the amendment amends, when several
    name: str = ""  # the document as reviewers know it (`document_named`)
    # Why some or all of its comments are not listed, as the office reads it (a comment file that does not read, or
    # one deleted by mistake, `set_aside`): the draft and its redline stay readable; a member is told the office is
    # putting the comments in order.
    unsorted: str = ""
    partly: bool = False  # True: some comment files do not read and are set aside, the others are listed
    overlaps: tuple[str, ...] = ()  # other pending amendments changing the same provisions, a sentence each
    ended: str = ""  # why an open round takes no comments (its amendment adopted), in the page's words


    def unasked(self, visitor: Visitor) -> bool:
        """True when the round shown is open and `visitor`'s link is for a body it does not consult: the page says so
        in place of a form whose comments would be refused."""
        from regdraft.core.comments import same_body

        return (self.commenting and self.round is not None and not visitor.may_answer
                and not any(same_body(b, visitor.body) for b in self.round.consulted))

    def anchor(self, address: str) -> str:
        """The id of a provision's comments on the answering page."""
        return anchor(address, self.regulation)

    def query(self) -> str:
        """The part of a URL naming the regulation shown, when the amendment amends several (`&regulation=…`)."""
        return f"&regulation={quote(self.shown_id)}" if self.regulations else ""

    @property
    def shown_id(self) -> str:
        """The id of the regulation shown."""
        return next((a.regulation for a in self.regulations if a.key == self.regulation), "")


@dataclass(frozen=True, slots=True)
class Amended:
    """A regulation the amendment amends, in the selector of the review page."""

    regulation: str
    key: str  # as comments name it: empty for the main regulation
    title: str
    comments: int


def anchor(address: str, regulation: str = "") -> str:
    """The id of a provision's comments on the answering page (`d5.k2`, `01-QC/TU-d5.k2`)."""
    return f"{regulation}-{address}" if regulation else address


def redline_page(ws: Workspace, slug: str, round_number: int | None = None, rev_from: str | None = None,
                 rev_to: str | None = None, regulation: str | None = None,
                 ui: Words | None = None) -> tuple[Redline, RedlinePage]:
    """The redline of an amendment's draft, and the page around it with its comments placed on the provisions, and
    what other pending amendments change the same provisions (`web.overlaps`).

    `regulation` chooses the regulation shown when the amendment amends several (default: the
    first one its document amends); `ui` words the page (default: the amendment's language), the document's own lines
    (the versions compared) keep the amendment's.
    """
    from dataclasses import replace

    from regdraft.web.overlaps import notices

    redline, page = _redline_page(ws, slug, round_number, rev_from, rev_to, regulation, ui)
    ui = ui or Words.of(language(ws, slug))
    # Another draft has its title and number: the heading names its folder in the page's words, as the document's
    # line under its title does in its own (`render.told_apart`) and the start page's row (r43).
    heading = f"{page.heading} · {ui('amendment_folder', slug=slug)}" if redline.alike else page.heading
    return redline, replace(page, heading=heading, overlaps=notices(ws, slug, ui))


def _redline_page(ws: Workspace, slug: str, round_number: int | None, rev_from: str | None, rev_to: str | None,
                  regulation: str | None, ui: Words | None) -> tuple[Redline, RedlinePage]:
    from regdraft.workspace.amendments import load
    from regdraft.workspace.redline import build
    from regdraft.workspace.rounds import load_rounds

    amendment = load(ws, slug)
    doc = Words.of(amendment.language)  # the words of the document's own lines (its versions), whatever the page's
    ui = ui or doc
    rounds = load_rounds(ws, slug)
    name = document_named(ws, slug, amendment.meta)
    reg_id = _regulation_shown(amendment, regulation, ui)
    key = "" if reg_id == amendment.regulation else reg_id
    every, unsorted, partly = _comments_listed(ws, slug)
    listed = [item for item in every if item.comment.regulation == key]
    if rev_from is not None or rev_to is not None:
        redline = _two_drafts(ws, slug, revision(rev_from or "HEAD", ui),
                              revision(rev_to, ui) if rev_to else None, key, ui, doc)
        badges = _badges([(item.placement.address, item) for item in listed], redline.comparison.new)
        # Each by its short commit id, as the versions are named: never `HEAD`, `<sha>~1` or forty characters.
        heading = ui("heading_two", old=redline.old_version.commit,
                     new=redline.new_version.commit or ui("the_working_draft"))
        return redline, RedlinePage(slug, heading, None, False, badges, rounds=tuple(rounds), regulation=key,
                                    regulations=_amended(ws, amendment, every, None), name=name, unsorted=unsorted,
                                    partly=partly)
    shown = round_to_show(rounds, round_number, lambda: name, ui)
    amended = _amended(ws, amendment, every, shown)
    if shown is None:
        before = _before_adoption(ws, amendment)
        redline = build(ws, reg_id, rev_from=before, amendment=slug)
        badges = _badges([(item.placement.address, item) for item in listed], redline.comparison.new)
        title = ui("heading_working") if before is None else ui("heading_adopted")
        return redline, RedlinePage(slug, title, None, False, badges, rounds=tuple(rounds), regulation=key,
                                    regulations=amended, name=name, unsorted=unsorted, partly=partly)
    redline = build(ws, reg_id, rev_from=shown.revision[:10], amendment=slug)
    # The round's own comments only: the badges lead to its comments page, which lists no other round's.
    badges = _badges([(item.comment.on, item) for item in listed if item.comment.round == shown.number],
                     redline.comparison.new)
    # Its amendment adopted with the round left open: the page says so in place of the form (r43 sweep CK F7).
    ended, fields = no_longer_taking(ws, slug, ui) if shown.status is RoundStatus.OPEN else ("", {})
    commenting = shown.status is RoundStatus.OPEN and not ended
    texts: dict[str, str] = {}
    provisions: list[tuple[str, str]] = []
    if commenting:
        draft: Regulation = redline.comparison.new
        for loc in draft.walk():
            whole = loc.unit.kind in PROPOSABLE
            if whole:
                address = str(loc.address)
                if proposable(loc.unit):
                    texts[address] = editor_text(loc.unit, draft.language, typed=True)  # `2*3*4`, as typed
                provisions.append((address, describe_on(address, ui.language)))  # named in the page's words
            # Its parts, as the page marks them: every part of an article, clause or point, a chapter's title.
            for part in unit_parts(loc.unit):
                if whole or part == TITLE:
                    address = str(loc.address.with_part(part))
                    paragraphs = part_paragraphs(loc.unit, part)  # a title is read back as written, the others as typed
                    texts[address] = "\n".join(paragraphs if part == TITLE else map(as_typed, paragraphs))
                    provisions.append((address, describe_on(address, ui.language)))
        order = reading_order(draft)
        provisions.sort(key=lambda entry: reading_place(order, entry[0]))
    heading = ui("heading_round", draft=shown.draft, number=shown.number,
                 of=ui("heading_of", regulation=reg_id) if amended else "",
                 state=ui("heading_open" if commenting else "heading_not_taken" if ended else "heading_closed"))
    return redline, RedlinePage(slug, heading, shown, commenting, badges, texts, tuple(provisions), tuple(rounds),
                                key, amended, name, unsorted, partly,
                                ended=ui(f"panel_{ended}", **fields) if ended else "")


def _comments_listed(ws: Workspace, slug: str) -> tuple[list[Listed], str, bool]:
    """The amendment's comments placed on its draft, "" and False; or none, why in the office's sentence and False,
    when a comment file was deleted by mistake: the draft is still read, its comments are not (r39 sweep CC F4); or
    those that read, the others' files and reasons, and True, when some files do not read (`set_aside`)."""
    from regdraft.workspace.deleted_comments import CommentsDeleted
    from regdraft.workspace.rounds import list_comments

    try:
        listed = list_comments(ws, slug)
    except CommentsDeleted as exc:
        return [], exc.report(), False
    aside = set_aside(ws, slug)
    return listed, aside, bool(aside)


def set_aside(ws: Workspace, slug: str) -> str:
    """The comment files of `slug` the server's reading set aside, each with its line and reason (the office's
    sentence, written to the server's log too); "" when every one reads."""
    import logging

    from regdraft.workspace.unreadable_comments import aside_report

    said = aside_report(ws, slug)
    if said:
        logging.getLogger("regdraft.review").warning("comment files set aside, the others served:\n%s", said)
    return said


def _regulation_shown(amendment: Amendment, regulation: str | None, ui: Words) -> str:
    """The id of the regulation to show: the one asked for, else the first the document amends."""
    ids = [reg for reg, _ in amendment.amending_articles]
    if not regulation:
        return ids[0] if ids else amendment.regulation
    if regulation in ids:
        return regulation
    raise refuse(ui, Category.UNKNOWN, "not_amended", slug=amendment.slug, amended=", ".join(ids),
                 regulation=regulation)


def _amended(ws: Workspace, amendment: Amendment, listed: Sequence[Listed], shown: Round | None) -> tuple[Amended, ...]:
    """The selector's regulations with their comments (in the round shown), when the amendment amends several."""
    from regdraft.workspace.api import list_regulations

    pairs = amendment.amending_articles
    if len(pairs) < 2:
        return ()
    titles = {r.id: r.title for r in list_regulations(ws)}
    out = []
    for reg, _ in pairs:
        key = "" if reg == amendment.regulation else reg
        count = sum(1 for item in listed if item.comment.regulation == key
                    and (shown is None or item.comment.round == shown.number))
        out.append(Amended(reg, key, titles.get(reg, ""), count))
    return tuple(out)


def round_shown(ws: Workspace, slug: str, number: int | None, ui: Words) -> Round | None:
    """The round a page shows (`number`, else the open one, else the last); a refusal in the page's words
    when the amendment has no such round (the report page said it in English, through the library)."""
    from regdraft.workspace.rounds import load_rounds

    return round_to_show(load_rounds(ws, slug), number, lambda: document_named(ws, slug), ui)


def round_to_show(rounds: Sequence[Round], number: int | None, named: Callable[[], str], ui: Words) -> Round | None:
    """Of an amendment's `rounds`, the one a page shows (`round_shown`); `named()` the amendment as the pages name
    it (`document_named`), asked only to refuse a round it does not have."""
    if number is not None:
        for r in rounds:
            if r.number == number:
                return r
        raise refuse(ui, Category.UNKNOWN, "no_round", document=named(), number=number)
    current = [r for r in rounds if r.status is RoundStatus.OPEN]
    return current[-1] if current else (rounds[-1] if rounds else None)


def _badges(placed: Sequence[tuple[str, Listed]], draft: Regulation) -> dict[str, Badge]:
    """Per address shown on the page: the count of comments and of each state.

    A comment on a part of a unit (`d42.k3.end`, `d7.k4.dash2`, `d7.title`) counts on the unit, the provision the
    page marks; the badge leads to the first of the unit's comments in `draft`'s reading order.
    """
    grouped: dict[str, dict[str, int]] = {}
    ons: dict[str, list[str]] = {}
    answered: dict[str, int] = {}
    for address, item in placed:
        unit = _holder(address)
        counts = grouped.setdefault(unit, {})
        state = item.placement.state.value
        counts[state] = counts.get(state, 0) + 1
        ons.setdefault(unit, []).append(address)
        disposition = item.comment.disposition
        answered[unit] = answered.get(unit, 0) + (disposition not in (None, Disposition.WITHDRAWN))
    order = reading_order(draft)
    return {unit: Badge(unit, sum(counts.values()), tuple(sorted(counts.items())),
                        min(ons[unit], key=lambda on: reading_place(order, on)), answered[unit])
            for unit, counts in grouped.items()}


def _holder(address: str) -> str:
    """The unit a comment's address names or holds the part it names (`d42.k3.end` -> `d42.k3`)."""
    if address == GENERAL:
        return address
    try:
        return str(Address.parse(address).unit)
    except AddressError:
        return address


def _before_adoption(ws: Workspace, amendment: Amendment) -> str | None:
    """The commit before an adopted amendment's adoption (its tag's parent), to compare it from; None if pending."""
    from regdraft.core.errors import RegdraftError
    from regdraft.workspace.terms import adoption_revision

    if amendment.status != "adopted" or not amendment.number:
        return None
    try:
        found = adoption_revision(ws, amendment)  # its tag's commit, or the commit in its history that adopted it
        return ws.resolve(f"{found.sha}~1").sha if found is not None else None
    except RegdraftError:
        return None  # adopted outside regdraft: no tag to compare from; `build` says so


def circulated_only(ws: Workspace, slug: str, drafter: bool, rev_from: str | None, rev_to: str | None,
                    ui: Words) -> None:
    """Refuse a reviewer a draft never circulated: a reviewer sees the drafts sent in rounds and comparisons between
    them; the working draft (the office's edits as they are typed) and any other commit or branch are the drafting
    office's (`?from=HEAD` showed a reviewer uncommitted edits)."""
    if drafter:
        return
    from regdraft.core.errors import UnknownName
    from regdraft.workspace.rounds import load_rounds

    rounds = load_rounds(ws, slug)
    if not rounds:
        raise refuse(ui, Category.FORBIDDEN, "not_circulated", document=document_named(ws, slug))
    if rev_from is None and rev_to is None:
        return  # a round's page: the draft circulated in it
    try:
        circulated = {ws.resolve(r.revision).sha for r in rounds}
        asked = [ws.resolve(revision(rev, ui)).sha if rev is not None else None for rev in (rev_from or "HEAD", rev_to)]
    except UnknownName:
        asked = [None]
    if not all(sha in circulated for sha in asked):
        raise refuse(ui, Category.FORBIDDEN, "circulated_only")


def _two_drafts(ws: Workspace, slug: str, rev_from: str, rev_to: str | None, regulation: str, ui: Words,
                own: Words) -> Redline:
    """The draft (of `regulation`, as comments name it) at one revision against the draft at another
    (or in the working tree). Each side is named as an amendment's redline names its draft, by its revision's short
    commit id (`Dự thảo tại phiên bản 9046685`, the one before a change by its own id, not `<sha>~1`) and the
    amending document's title, which cites the text it amends: never `số 57/2020/QH14`, the law's number, as if the
    draft carried it. The versions are named in the document's words (`own`), a refusal in the page's (`ui`)."""
    from regdraft.core.diff import compare
    from regdraft.core.errors import UnknownName
    from regdraft.core.frontmatter import compound_type
    from regdraft.render.redline import Redline, Version
    from regdraft.workspace.amendments import load
    from regdraft.workspace.circulated import draft_text

    revisions: dict[str, Revision] = {}
    for rev in (rev_from, rev_to):
        try:
            if rev is not None:
                revisions[rev] = ws.resolve(rev)
        except UnknownName:  # in the page's words, not git's English
            raise refuse(ui, Category.UNKNOWN, "no_revision", value=rev) from None
    old, new = draft_text(ws, slug, rev_from, regulation), draft_text(ws, slug, rev_to, regulation)
    after = load(ws, slug, rev_to)

    def version(rev: str | None) -> Version:
        doc = load(ws, slug, rev) if rev != rev_to else after
        meta = doc.meta or {}
        title, number = str(meta.get("title") or ""), str(doc.number or "")
        found = revisions.get(rev) if rev is not None else None
        label = own("version_at", revision=found.short) if found is not None else own("working_draft")
        return Version(label, number, found.short if found else "", found.date if found else "",
                       kind=compound_type(title, str(meta.get("type") or "")), number=number, title=title,
                       draft=doc.draft or 0)

    return Redline(compare(old, new), version(rev_from), version(rev_to), after.draft, after.number or None,
                   stem=slug, amendment=after)
