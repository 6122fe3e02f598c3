"""Regulations replaced by new ones (docs/format.md, `replaces`).

At a new term the Party Committee issues a new Working Regulation that replaces the old one whole. The new
regulation's front matter names the one it replaces (`replaces: 01-QC/TU`); the old one stops being in force on the
day the new one takes effect (its `effective`, else `signed`). The old text stays as it last stood: its history.

Post-conditions:
1. `replacement(ws, id)` is the first regulation (in file order) that names `id` in `replaces` and has a date, or None.
2. `last_day(r)` is the day before the new regulation takes effect: the last day the old text was in force.
3. `replacement_problems` names file and line of every `replaces` that names no regulation of the workspace, the
   regulation itself, or one that took effect on or after the day it is said to be replaced.
4. A `replaces` that `replacement_problems` rejects (a cycle: the old one naming the new one too; a date not after
   the old one's; a second replacement of one regulation) is no replacement: `replacements`, `replacement` and so
   export, show and list ignore it, and `check` names its line.
5. `amending_replaced(ws, ids, day)`: each regulation of `ids` (a translation by its original) that a replacement
   had taken effect on by `day`: an amendment to it taking effect that day could never be in force.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft.core.dates import read_date
from regdraft.core.encodings import readable_head, utf16
from regdraft.core.errors import Problem, RegdraftError
from regdraft.core.frontmatter import document_number, issued_with, issued_with_name, key_line, read_front_matter
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.terms import Forced

KEY = "replaces"
_MESSAGE_WORDS = {"issued_with": "issued with"}  # the commands' messages are English


@dataclass(frozen=True, slots=True)
class Replacement:
    """A regulation (`new`, in the file `path`, its `replaces` on `line`) that replaces `old` from `on`."""

    old: str
    new: str
    path: str
    line: int
    on: dt.date | None
    meta: Mapping[str, Any]

    @property
    def number(self) -> str:
        """The new regulation's document number (`01-QC/TU`), which may be the old one's: numbers restart each term."""
        return document_number(self.meta)

    @property
    def last_day(self) -> dt.date | None:
        """The last day the old regulation was in force."""
        return self.on - dt.timedelta(days=1) if self.on is not None else None

    def named(self) -> str:
        """`Quy chế 01-QC/TU (01-QC/TU-XV)`: the new regulation by type and number, and its workspace id when other.
        A text issued with a decision has no number of its own: it is named by its title and that decision
        (docs/format.md, `issued_with`): `Quy chế làm việc … issued with Quyết định 20/2027/QĐ-UBND`."""
        kind = str(self.meta.get("type") or "").strip()
        decision, title = issued_with(self.meta), " ".join(str(self.meta.get("title") or "").split())
        if decision and title and self.number:
            named = issued_with_name(title, f"{decision} {self.number}", _MESSAGE_WORDS)
        else:
            named = f"{kind} {self.number}".strip() if self.number else self.new
        return named if self.new == self.number else f"{named} ({self.new})"


# A workspace's folder and a regulation file's path -> the file's status when its front matter was read, its lines
# and the front matter: `check` asks for every file's front matter four times (numbers, terms, replacements).
_FRONTS: dict[tuple[str, str], tuple[tuple[int, ...], list[str], dict[str, Any]]] = {}


def fronts(ws: Workspace) -> list[tuple[str, list[str], dict[str, Any]]]:
    """Each regulation file's path, the lines of its front matter and the front matter itself (those whose front
    matter reads). Only the front matter's lines are kept: `show` of one provision held every regulation's whole
    text (104 MB where it took 26 MB, with twenty 1,000-article texts).

    A file whose status (device, inode, size, times, mode) is the one it had when this process last read it, taken
    more than `comment_cache.RACY_NS` after it last changed (git's "racily clean" rule, as for comment files), is
    not read again: `check` read every regulation file whole four times. Each caller gets its own copy."""
    import copy

    from regdraft.core.layout import REGULATIONS
    from regdraft.workspace import comment_cache
    from regdraft.workspace.parse_cache import front_matter_reader

    statuses = dict(ws.listed(REGULATIONS, ".md") or ())  # before any file is read: a later change shows
    taken = comment_cache.now()
    out = []
    load = None
    for path in ws.regulation_files():
        info = statuses.get(path)
        status = comment_cache.status_of(info) if info is not None else None
        known = _FRONTS.get((str(ws.root), path)) if status is not None else None
        if known is not None and known[0] == status:
            lines, meta = known[1], known[2]
        else:
            try:
                data = ws.read(path)
            except RegdraftError:
                continue  # a link or a file that does not read: `check` names it, and it replaces nothing
            lines = _front_lines(data)
            del data
            load = load or front_matter_reader(ws)  # kept in the workspace's cache: a second `check` imports no PyYAML
            _, read, _ = read_front_matter(lines, path, [], absent="", load=load)
            meta = read or {}
            if info is not None and status is not None and comment_cache.trusted(info, taken):
                _FRONTS[(str(ws.root), path)] = (status, lines, meta)
        if meta:
            out.append((path, list(lines), copy.deepcopy(meta)))
    return out


def _front_lines(data: bytes) -> list[str]:
    """The lines of a file up to the line closing its front matter (`---` or `...`), or none when it has none; read
    as every reader reads a file (UTF-16 too), up to a line holding a byte that does not read (`check` names it)."""
    if data.startswith(b"---"):  # UTF-8: only the front matter is decoded
        ends = re.search(rb"\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", data[3:])
        data = data if ends is None else data[:3 + ends.end()]
    elif utf16(data) is None:
        return []
    text = readable_head(data)
    if not text.startswith("---"):
        return []
    close = re.search(r"\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", text[3:])
    return (text if close is None else text[:3 + close.end()]).split("\n")


def _named(value: Any) -> list[str]:
    """The ids `replaces` names: one, or a list of them."""
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value).strip()] if value is not None and str(value).strip() else []


def _start(meta: Mapping[str, Any]) -> dt.date | None:
    return read_date(meta.get("effective")) or read_date(meta.get("signed"))


def _judged(found: Sequence[tuple[str, list[str], Mapping[str, Any]]]) -> Iterator[tuple[Replacement, str]]:
    """Every replacement the regulations' front matter records, in file order, each with why `check` rejects it
    ("" when it does not): naming the regulation itself or none of the workspace, no date, a date not after the old
    one's (a cycle is one), or a regulation another one replaced already."""
    starts = {str(meta.get("id")): _start(meta) for _, _, meta in found if meta.get("id")}
    seen: dict[str, str] = {}
    for path, lines, meta in found:
        own, start = str(meta.get("id") or ""), _start(meta)
        for old in _named(meta.get(KEY)):
            begun, why = starts.get(old), ""
            if old == own:
                why = (f"The front matter's '{KEY}' names {own}, this regulation itself; name the regulation it "
                       "replaces.")
            elif old not in starts:
                known = ", ".join(sorted(i for i in starts if i != own)) or "none"
                why = (f"The front matter's '{KEY}' names {old}, which is no regulation of this workspace (known: "
                       f"{known}); import the old regulation first, or correct the id.")
            elif start is None:
                why = (f"{own} replaces {old} but has no 'effective' or 'signed' date, so the day {old} stopped being "
                       "in force is unknown; fill in 'effective'.")
            elif begun is not None and start <= begun:
                why = (f"{own} replaces {old} from {start}, but {old} itself took effect on {begun}; a regulation "
                       "replaces one that was in force before it: check 'effective' of both.")
            elif old in seen:
                why = (f"{own} replaces {old}, which {seen[old]} already replaces; a regulation is replaced once: keep "
                       f"'{KEY}' in the one that did.")
            else:
                seen[old] = own
            yield Replacement(old, own, path, key_line(lines, KEY), start, meta), why


def replacements(ws: Workspace) -> list[Replacement]:
    """Every replacement the workspace's regulations record and `check` accepts, in file order."""
    return [r for r, why in _judged(fronts(ws)) if not why]


def replacement(ws: Workspace, reg_id: str) -> Replacement | None:
    """The regulation that replaced `reg_id` (and when), None while nothing does."""
    return next((r for r in replacements(ws) if r.old == reg_id), None)


def amending_replaced(ws: Workspace, ids: Sequence[str], day: dt.date) -> list[tuple[str, Replacement]]:
    """Each regulation of `ids` (a translation by its original's replacement) a new one replaced on or before `day`,
    with that replacement: an amendment to it taking effect on `day` could never be in force."""
    found = fronts(ws)
    metas = {str(meta.get("id")): meta for _, _, meta in found}
    accepted = [r for r, why in _judged(found) if not why]
    out = []
    for reg_id in ids:
        old = original(metas.get(reg_id) or {"id": reg_id})
        done = next((r for r in accepted if r.old == old and r.on is not None and r.on <= day), None)
        if done is not None:
            out.append((reg_id, done))
    return out


_AMENDING = "it amends {}, which is no longer in force"  # how `amending_sentence` begins


def amending_sentence(reg_id: str, found: Replacement, day: dt.date, when: str = "the day it would take effect") -> str:
    """Why an amendment to `reg_id` taking effect on `day` (`when` says what that day is) could never be in force
    (`amend check`, `amend adopt`)."""
    return (f"{_AMENDING.format(reg_id)} on {day}, {when}: {found.named()} replaced it on "
            f"{found.on}, so the amendment could never be in force")


def original(meta: Mapping[str, Any]) -> str:
    """The id a regulation is replaced under: its own, a translation's original's (replaced with it)."""
    return str(meta.get("translation_of") or meta.get("id") or "")


def replaced_on(ws: Workspace, reg_id: str, day: dt.date) -> Replacement | None:
    """The replacement of `reg_id` when it had taken effect on `day`: the old text was no longer in force then."""
    found = replacement(ws, reg_id)
    return found if found is not None and found.on is not None and found.on <= day else None


def replaced_sentence(found: Replacement, last: dt.date, words: Mapping[str, str], language: str = "vi",
                      cited: Mapping[str, Any] | None = None, kind: str = "", decision: str = "") -> str:
    """The note heading the text of a replaced regulation: the new regulation by its title, then its number, date and
    issuer (`Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, … (Quy chế số 01-QC/TU ngày … của Tỉnh ủy
    Điện Biên)`: the title glued after the issuer read "… của Tỉnh ủy Điện Biên làm việc của …"), with its effective
    date, and the day this text was last in force (the profile's `replaced_note`).

    A note in another language than the new regulation's cites it by `cited`, its translation into that language
    (`translation_of:` it), the same way; without one, by its number and date only, with `kind` for its type (the
    old regulation's translated type, when the two regulations have one type) else the profile's `cited_untyped`:
    neither words of another language nor its issuer in them ("replaced by Quy chế No. 01-QC/TU … of Tỉnh ủy …").

    A new regulation issued with a decision (`issued_with`) is cited by its title and that decision, once (the
    profile's `replaced_issued`: `Quy chế làm việc … ban hành kèm theo Quyết định số 20/2027/QĐ-UBND ngày …`);
    in another language without its translation, by `kind` issued with the decision, `decision` its type in that
    language (`the Regulations issued with Decision No. 20/2027/QĐ-UBND of 20 May 2027`), or by the decision
    alone when `kind` is unknown; never `Regulations No. 20/2027/QĐ-UBND`, a number the regulation does not have."""
    from dataclasses import replace

    from regdraft.core.consolidate import date_text, reference, source_of

    same = str(found.meta.get("language") or "vi") == language
    source = source_of(found.meta if same or cited is None else {**cited, "number": found.number})
    effective = words["cited_effective"].format(date=date_text(found.on, words)) if found.on else ""
    if not same and cited is None:
        issued = bool(source.issued_with)
        source = replace(source, type=decision if issued and not kind else kind, title="", issuer="",
                         issued_with=decision if issued and kind else "", issued_cited="")
    title = " ".join(source.title.split())
    cited_text = reference(source, words)
    if source.issued_with:  # the title is in the citation already
        document = words["replaced_issued"].format(cited=cited_text)
    else:
        document = words["replaced_document"].format(title=title, cited=cited_text) if title else cited_text
    return words["replaced_note"].format(document=document, effective=effective, last=date_text(last, words))


def translated(ws: Workspace, found: Replacement,
               meta: Mapping[str, Any]) -> tuple[Mapping[str, Any] | None, str, str]:
    """How a replaced regulation's text in its language (`meta`, a translation's) cites the new one
    (`replaced_sentence`): the new one's translation into that language when the workspace has one, the type
    the old text gives itself when the old original and the new one have the same type (`Regulations` for `Quy
    chế`), else "", and the type of the decision the old text was issued with as it gives it (`Decision`, from its
    `issued_with`) when the two were issued with decisions of one type, else ""."""
    language = str(meta.get("language") or "vi")
    if str(found.meta.get("language") or "vi") == language:
        return None, "", ""
    everything = [m for _, _, m in fronts(ws)]
    cited = next((m for m in everything if str(m.get("translation_of") or "") == found.new
                  and str(m.get("language") or "vi") == language), None)
    old = next((m for m in everything if str(m.get("id") or "") == original(meta)), {})
    same_type = str(old.get("type") or "").strip() == str(found.meta.get("type") or "").strip() != ""
    same_decision = issued_with(old) == issued_with(found.meta) != ""
    return (cited, str(meta.get("type") or "").strip() if same_type else "",
            issued_with(meta) if same_decision else "")


def in_language(ws: Workspace, found: Replacement, meta: Mapping[str, Any]) -> Replacement:
    """`found` as the text `meta` (the old regulation or a translation of it) names it in a command's line: from
    `meta`'s id, to the new regulation's translation into `meta`'s language when the workspace has one
    (`translated`), numbered as the new one is (`01-QC/TU-EN` replaced by `Regulations 01-QC/TU (01-QC/TU-XV-EN)`,
    not by the Vietnamese `01-QC/TU-XV`)."""
    from dataclasses import replace

    old = str(meta.get("id") or found.old)
    cited, _, _ = translated(ws, found, meta)
    if cited is None or not cited.get("id"):
        return replace(found, old=old)
    return replace(found, old=old, new=str(cited["id"]), meta={**cited, "number": found.number})


def translations(ws: Workspace) -> dict[tuple[str, str], str]:
    """The id of each regulation's translation (the first in file order) by the original's id and the language."""
    out: dict[tuple[str, str], str] = {}
    for _, _, meta in fronts(ws):
        if meta.get("translation_of") and meta.get("id"):
            out.setdefault((str(meta["translation_of"]), str(meta.get("language") or "vi")), str(meta["id"]))
    return out


def replacement_message(found: Replacement) -> str:
    """The line a command prints about a replaced regulation (English, as the commands' messages are)."""
    return (f"{found.old} was replaced on {found.on} by {found.named()}: it is no longer in force, and its text is "
            f"as it last stood, in force until {found.last_day}.")


def replaced_line(ws: Workspace, path: str, today: dt.date) -> str:
    """The line `log` ends the history of the regulation in `path` with when a new one replaced it (a translation
    by its original's replacement), or is to: by which and the last day it was in force; '' when none does (r41
    sweep CJ 7)."""
    meta = next((m for relative, _, m in fronts(ws) if relative == path), None)
    found = replacement(ws, original(meta)) if meta is not None else None
    if meta is None or found is None or found.on is None:
        return ""
    tense = "was replaced" if found.on <= today else "is to be replaced"
    return f"{meta.get('id')} {tense} on {found.on} by {found.named()}: in force until {found.last_day}."


def replacement_problems(ws: Workspace, name: str | None = None,
                         adopted: Sequence[Amendment] = (),
                         forced: Callable[[Amendment], Forced | None] | None = None) -> list[Problem]:
    """`regdraft check`: each `replaces` names a regulation of the workspace, not its own, and takes effect after
    the one it replaces did and after its `adopted` amendments. An amendment adopted past the gate of the replaced
    regulation on purpose (`forced` gives the reason, the gates and the commit its adoption commit records),
    recording the old regulation's history, is warned about with its commit and reason instead."""
    problems = []
    for found, why in _judged(fronts(ws)):
        if name is not None and name not in (found.new, found.path, found.old):
            continue
        if why:
            problems.append(Problem(why, found.path, found.line))
            continue
        start = found.on
        for late in (a for a in adopted if found.old in a.regulations and a.effective and start
                     and a.effective >= start):
            said = (f"{found.new} replaces {found.old} from {start}, but {found.old}'s adopted amendment "
                    f"{late.number or late.slug} takes effect on {late.effective}, when {found.old} is no longer in "
                    "force")
            past = forced(late) if forced is not None else None
            if past is not None and past.reason and any(past.passed(_AMENDING.format(reg_id))
                                                        for reg_id in late.regulations):
                # Its adoption passed this very gate, with a reason: history recorded on purpose.
                problems.append(Problem(f"{said}, so it was never in force; it was {past.said()}.", found.path,
                                        found.line, warning=True))
            else:
                problems.append(Problem(f"{said}; check the dates.", found.path, found.line))
    return problems
