"""Regulations replaced by new ones (docs/format.md, `replaces`).

At a new term the Party Committee issues a new Working Regulation that replaces the old one whole. The new
regulation's front matter names the one it replaces (`replaces: 01-QC/TU`); the old one stops being in force on the
day the new one takes effect (its `effective`, else `signed`). The old text stays as it last stood: its history.

Post-conditions:
1. `replacement(ws, id)` is the first regulation (in file order) that names `id` in `replaces` and has a date, or None.
2. `last_day(r)` is the day before the new regulation takes effect: the last day the old text was in force.
3. `replacement_problems` names file and line of every `replaces` that names no regulation of the workspace, the
   regulation itself, or one that took effect on or after the day it is said to be replaced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft.core.dates import read_date
from regdraft.core.errors import Problem
from regdraft.core.frontmatter import document_number, key_line, read_front_matter
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment

KEY = "replaces"


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
        """`Quy chế 01-QC/TU (01-QC/TU-XV)`: the new regulation by type and number, and its workspace id when other."""
        kind = str(self.meta.get("type") or "").strip()
        named = f"{kind} {self.number}".strip() if self.number else self.new
        return named if self.new == self.number else f"{named} ({self.new})"


def fronts(ws: Workspace) -> list[tuple[str, list[str], dict[str, Any]]]:
    """Each regulation file's path, lines and front matter (those whose front matter reads)."""
    from regdraft.workspace.parse_cache import front_matter_reader

    out = []
    load = front_matter_reader(ws)  # kept in the workspace's cache: a second `check` imports no PyYAML
    for path in ws.regulation_files():
        lines = ws.read(path).decode("utf-8", errors="replace").split("\n")
        _, meta, _ = read_front_matter(lines, path, [], absent="", load=load)
        if meta:
            out.append((path, lines, meta))
    return out


def _named(value: Any) -> list[str]:
    """The ids `replaces` names: one, or a list of them."""
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value).strip()] if value is not None and str(value).strip() else []


def _start(meta: Mapping[str, Any]) -> dt.date | None:
    return read_date(meta.get("effective")) or read_date(meta.get("signed"))


def replacements(ws: Workspace) -> list[Replacement]:
    """Every replacement the workspace's regulations record, in file order."""
    found = []
    for path, lines, meta in fronts(ws):
        for old in _named(meta.get(KEY)):
            found.append(Replacement(old, str(meta.get("id") or ""), path, key_line(lines, KEY), _start(meta), meta))
    return found


def replacement(ws: Workspace, reg_id: str) -> Replacement | None:
    """The regulation that replaced `reg_id` (and when), None while nothing does."""
    return next((r for r in replacements(ws) if r.old == reg_id and r.new != reg_id and r.on is not None), None)


def original(meta: Mapping[str, Any]) -> str:
    """The id a regulation is replaced under: its own, a translation's original's (replaced with it)."""
    return str(meta.get("translation_of") or meta.get("id") or "")


def replaced_on(ws: Workspace, reg_id: str, day: dt.date) -> Replacement | None:
    """The replacement of `reg_id` when it had taken effect on `day`: the old text was no longer in force then."""
    found = replacement(ws, reg_id)
    return found if found is not None and found.on is not None and found.on <= day else None


def replaced_sentence(found: Replacement, last: dt.date, words: Mapping[str, str], language: str = "vi") -> str:
    """The note heading the text of a replaced regulation: the new regulation by its title, then its number, date and
    issuer (`Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XV, … (Quy chế số 01-QC/TU ngày … của Tỉnh ủy
    Điện Biên)`: the title glued after the issuer read "… của Tỉnh ủy Điện Biên làm việc của …"), with its effective
    date, and the day this text was last in force (the profile's `replaced_note`)."""
    from regdraft.core.consolidate import date_text, reference, source_of

    source = source_of(found.meta)
    effective = words["cited_effective"].format(date=date_text(found.on, words)) if found.on else ""
    same = str(found.meta.get("language") or "vi") == language  # a translation's note names the original by number
    title = " ".join(source.title.split())
    cited = reference(source, words)
    document = f"{title} ({cited})" if same and title else cited
    return words["replaced_note"].format(document=document, effective=effective, last=date_text(last, words))


def replacement_message(found: Replacement) -> str:
    """The line a command prints about a replaced regulation (English, as the commands' messages are)."""
    return (f"{found.old} was replaced on {found.on} by {found.named()}: it is no longer in force, and its text is "
            f"as it last stood, in force until {found.last_day}.")


def replacement_problems(ws: Workspace, name: str | None = None,
                         adopted: Sequence[Amendment] = ()) -> list[Problem]:
    """`regdraft check`: each `replaces` names a regulation of the workspace, not its own, and takes effect after
    the one it replaces did and after its `adopted` amendments."""
    found = fronts(ws)
    seen: dict[str, str] = {}
    starts = {str(meta.get("id")): _start(meta) for _, _, meta in found if meta.get("id")}
    problems = []
    for path, lines, meta in found:
        own = str(meta.get("id") or "")
        if name is not None and name not in (own, path) and name not in _named(meta.get(KEY)):
            continue
        line = key_line(lines, KEY)
        for old in _named(meta.get(KEY)):
            start, begun = _start(meta), starts.get(old)
            if old == own:
                problems.append(Problem(f"The front matter's '{KEY}' names {own}, this regulation itself; name the "
                                        "regulation it replaces.", path, line))
            elif old not in starts:
                known = ", ".join(sorted(i for i in starts if i != own)) or "none"
                problems.append(Problem(f"The front matter's '{KEY}' names {old}, which is no regulation of this "
                                        f"workspace (known: {known}); import the old regulation first, or correct "
                                        "the id.", path, line))
            elif start is None:
                problems.append(Problem(f"{own} replaces {old} but has no 'effective' or 'signed' date, so the day "
                                        f"{old} stopped being in force is unknown; fill in 'effective'.", path, line))
            elif begun is not None and start <= begun:
                problems.append(Problem(f"{own} replaces {old} from {start}, but {old} itself took effect on {begun}; "
                                        "a regulation replaces one that was in force before it: check 'effective' "
                                        "of both.", path, line))
            elif old in seen:
                problems.append(Problem(f"{own} replaces {old}, which {seen[old]} already replaces; a regulation is "
                                        "replaced once: keep 'replaces' in the one that did.", path, line))
            else:
                seen[old] = own
                for late in (a for a in adopted if old in a.regulations and a.effective and a.effective >= start):
                    problems.append(Problem(f"{own} replaces {old} from {start}, but {old}'s adopted amendment "
                                            f"{late.number or late.slug} takes effect on {late.effective}, when {old} "
                                            "is no longer in force; check the dates.", path, line))
    return problems
