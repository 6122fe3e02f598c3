"""The library face of regdraft: what each command does, as functions over a workspace.

The CLI converts arguments, calls one function here and prints the result.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from regdraft.core.counts import count as counted
from regdraft.core.errors import ParseError, Problem, RegdraftError
from regdraft.core.layout import REGULATIONS, regulation_filename, regulation_path
from regdraft.core.markdown import Reading, parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Located, Regulation, unit_address
from regdraft.render.text import heading_path, plain
from regdraft.workspace.parse_cache import kept_beside
from regdraft.workspace.parse_cache import read_regulation as read
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from regdraft.workspace.left_out import Found
    from regdraft.workspace.replacements import Replacement


def load_regulation(ws: Workspace, name: str, rev: str | None = None, strict: bool = False) -> Regulation:
    """Read a regulation by id, file stem or path, in the working tree or at `rev`.

    The text is read as far as it goes even when `regdraft check` finds problems in it (see
    `read_regulation`); with `strict`, any problem raises `ParseError` instead.
    """
    relative = ws.locate_regulation(name) if rev is None else _locate_at(ws, name, rev)
    data = ws.read(relative, rev)
    if strict:
        from regdraft.workspace.left_out import parse_stored

        return parse_stored(data, relative) if rev is None else parse(data, relative)
    return read(ws, data, relative).regulation


def read_regulation(ws: Workspace, name: str, rev: str | None = None) -> tuple[Regulation, list[Problem]]:
    """A regulation as far as it reads, with the problems `regdraft check` reports in its file.

    In the working tree these are exactly the problems of `check(ws, name)` (`check` itself counts a reference an
    adoption broke on purpose a warning: `forced_references.read_as_checked`); at a revision, those of the text as it
    stood then (its structure and its references).
    """
    relative = ws.locate_regulation(name) if rev is None else _locate_at(ws, name, rev)
    data = ws.read(relative, rev)
    reading = read(ws, data, relative)
    problems = file_problems(reading, relative if rev is None else None, data, ws.exists)
    return reading.regulation, problems


def file_problems(reading: Reading, relative: str | None = None, data: bytes = b"",
                  exists: Callable[[str], bool] | None = None) -> list[Problem]:
    """The problems of one read regulation file: its structure, its references, and (given
    the `relative` path it lies at in the workspace, and its `data`) whether its name matches its id, a line holding
    invisible characters or C1 controls saying that `fmt` puts it right, or what to do (`left_out.stored_problems`)."""
    from regdraft.workspace.left_out import stored_problems

    reg = reading.regulation
    missing = kept_beside(reg, "missing-references", lambda: _missing_problems(reg))
    twice = kept_beside(reg, "cited-twice", lambda: _twice_problems(reg))
    stored = reading.problems if relative is None else stored_problems(reading.problems, data, relative)
    problems = [*stored, *reading.warnings, *missing, *twice]
    if "effective" not in reg.meta:
        from regdraft.core.dates import effective_unsaid  # kept beside the reading: core code, as its key says

        problems.extend(kept_beside(reg, "effective-unsaid", lambda: effective_unsaid(reg)))
    if relative is not None and reg.id and PurePosixPath(relative).name != regulation_filename(reg.id):
        # Commands find a regulation by its id through the file name, so a mismatch hides it.
        expected = f"{REGULATIONS}/{regulation_filename(reg.id)}"
        if exists is not None and exists(expected):
            # `amend preview -o pv.md` run in regulations/: "rename it" replaced the regulation (r39 sweep BY F5b).
            problems.append(Problem(f"The file's id is {reg.id}, as is that of {expected}: it is a copy (an output "
                                    f"written here?), which no command finds by that id. Move it out of "
                                    f"{REGULATIONS}/ (out/ is the place for outputs) or delete it; renaming it to "
                                    f"{expected} would replace that regulation.", reg.source, 1))
        else:
            problems.append(Problem(f"The file's id is {reg.id}, so it must be named {expected} "
                                    f"(commands look it up by that name); rename it.", reg.source, 1))
    return sorted(problems, key=lambda p: p.line)


def _missing_problems(reg: Regulation) -> list[Problem]:
    from regdraft.core.refs import missing_problems  # the citation grammar: only for a text not checked before

    return missing_problems(reg)


def _twice_problems(reg: Regulation) -> list[Problem]:
    from regdraft.core.refs.twice import twice_problems  # as `_missing_problems`: only for a text not checked before

    return twice_problems(reg)


def problems_note(problems: list[Problem], relative: str) -> str | None:
    """The line a reading command prints when the text it shows has problems or warnings, else None; counted as
    `check`'s closing line counts them (`checks.check_summary`): a warning is no problem."""
    warnings = sum(1 for p in problems if p.warning)
    count = len(problems) - warnings
    if not count:
        return f"Note: `regdraft check` reports {counted(warnings, 'warning')} in {relative}." if warnings else None
    noted = f" and {counted(warnings, 'warning')}" if warnings else ""
    return f"Note: `regdraft check` reports {_count(count)}{noted} in {relative}; the text is used as it reads."


def _locate_at(ws: Workspace, name: str, rev: str) -> str:
    try:
        return ws.locate_regulation(name)
    except RegdraftError:
        return regulation_path(name)


@dataclass(frozen=True, slots=True)
class RegulationSummary:
    """One line of `regdraft list`."""

    id: str
    path: str
    title: str
    language: str
    articles: int
    problems: int = 0
    error: str = ""
    effective: str = ""  # YYYY-MM-DD, the day the text took effect (`effective`, else `signed`); "" when unknown
    status: str = ""  # `in force`, `not yet in force`, `replaced`; "" for an unreadable file
    replaced_by: str = ""  # the id of the regulation that replaced it (`replaces:` in that one's front matter)
    replaced_on: str = ""  # YYYY-MM-DD, the day that one took effect
    # A translation lacking amendments of its original in force that day: `check`'s warning on it, up to its list
    # (`export.listed`); "" for a text that is no translation or lacks none.
    behind: str = ""


def _in_force(reg: Regulation, today: dt.date, replacing: list[Replacement],
              translations: Mapping[tuple[str, str], str]) -> dict[str, str]:
    """`list`'s dates and status of a regulation: a translation shares its original's replacement, and names the
    new regulation's translation into its language when the workspace has one (`translations`)."""
    from regdraft.core.dates import read_date

    start = read_date(reg.meta.get("effective")) or read_date(reg.meta.get("signed"))
    original = str(reg.meta.get("translation_of") or reg.id)
    found = next((r for r in replacing if r.old == original and r.new != original and r.on and r.on <= today), None)
    if found is not None:
        status = "replaced"
    else:
        status = "not yet in force" if start is not None and start > today else "in force"
    return {"effective": start.isoformat() if start else "", "status": status,
            "replaced_by": translations.get((found.new, reg.language), found.new) if found else "",
            "replaced_on": str(found.on) if found else ""}


def list_regulations(ws: Workspace, today: dt.date | None = None,
                     excuse: Callable[[list[Problem]], list[Problem]] | None = None) -> list[RegulationSummary]:
    """Every regulation in the workspace, with a count of its articles and of the problems
    `regdraft check` reports in it (its warnings not counted; `error` only for a file that is no regulation at all),
    its date in force and whether it is in force on `today` (default: today) or was replaced by a new one. `behind`
    is left empty (`export.listed` fills it: the original's history is read for it). `excuse` turns the problems
    `check` reports as warnings into warnings (`forced_references.excused`, which reads the adoptions)."""
    from regdraft.workspace.replacements import replacements, translations

    day = today or dt.date.today()
    replacing, translated = replacements(ws), translations(ws)
    out: list[RegulationSummary] = []
    found: list[Problem] = []
    for relative in ws.regulation_files():
        stem = PurePosixPath(relative).stem
        data = ws.read(relative)
        try:
            reading = read(ws, data, relative)
        except ParseError as exc:
            problems = len(exc.problems) or 1
            out.append(RegulationSummary(stem, relative, "", "", 0, problems, f"unreadable, {_count(problems)}"))
            continue
        reg = reading.regulation
        found += file_problems(reading, relative, data, ws.exists)
        out.append(RegulationSummary(reg.id or stem, relative, reg.title, reg.language,
                                     sum(1 for _ in reg.articles()), 0, **_in_force(reg, day, replacing, translated)))
    # Counted as `check` counts them: a warning (a reference broken on purpose among them) is no problem.
    counts = Counter(p.source for p in (excuse(found) if excuse else found) if not p.warning)
    return [s if s.error else replace(s, problems=counts[s.path]) for s in out]


def _count(problems: int) -> str:
    return counted(problems, "problem")


def show(reg: Regulation, address: str | None = None) -> str:
    """The whole regulation as text, or one provision with the headings above it."""
    if address is None:
        return render(reg)
    from regdraft.core.parts import find_part, part_paragraphs

    target = Address.parse(address, reg.language)
    located = find_part(reg, target)
    path = heading_path(located, reg.language)
    body = plain(located.unit, reg.language)
    title = located.unit.designation or located.address.describe(reg.language)  # `Schedule 2`, as the text says
    if target.part:
        # A part is shown under the headings down to its own unit (`Chương I › Điều 6 › khoản 2`).
        path = heading_path(Located(located.address, located.unit, (*located.ancestors, located.unit)), reg.language)
        body = "\n".join(part_paragraphs(located.unit, target.part))
        title = target.describe(reg.language)
    head = f"{title}  ({path})" if path else title
    return f"{head}\n\n{body}\n"


def show_json(reg: Regulation, address: str | None = None) -> dict[str, Any]:
    """A provision (or the whole document) as JSON-ready data."""
    if address is None:
        return {"id": reg.id, "title": reg.title, "language": reg.language,
                "units": [_unit_json(loc) for loc in reg.walk()]}
    from regdraft.core.parts import find_part

    return _unit_json(find_part(reg, Address.parse(address, reg.language)))


def _unit_json(loc: Located) -> dict[str, Any]:
    unit = loc.unit
    return {
        "address": str(loc.address), "kind": unit.kind.value, "label": unit.label, "title": unit.title,
        "text": list(unit.text), "repealed": unit.repealed,
        "children": [str(unit_address(c, loc.address)) for c in unit.children],
        "line": unit.line, **({"designation": unit.designation} if unit.designation else {}),
    }


def check_file(ws: Workspace, relative: str) -> list[Problem]:
    """Every problem in one regulation file: structure, references, file name."""
    data = ws.read(relative)
    try:
        reading = read(ws, data, relative)
    except ParseError as exc:
        return list(exc.problems) or [Problem(str(exc), relative)]
    return file_problems(reading, relative, data, ws.exists)


def check(ws: Workspace, name: str | None = None) -> list[Problem]:
    """Every problem in one regulation or in all of them."""
    paths = [ws.locate_regulation(name)] if name else ws.regulation_files()
    problems: list[Problem] = []
    for relative in paths:
        problems.extend(check_file(ws, relative))
    return problems


@dataclass(frozen=True, slots=True)
class FormatResult:
    """What `regdraft fmt` found or changed: the files, the problems that stop it, and the notes on the invisible
    characters it left out of a file or would leave out (`left_out.said`)."""

    changed: list[str]
    problems: list[Problem]
    left_out: list[Problem] = field(default_factory=list)


def format_files(ws: Workspace, names: list[str], check_only: bool) -> FormatResult:
    """Rewrite regulation files canonically (one commit), or only report which would change. The canonical form
    holds no invisible character (`left_out`): fmt leaves them out as an import does. With a problem in any file,
    nothing is written."""
    if check_only:
        return _format(ws, names, check_only)
    with ws.writing("fmt"):
        return _format(ws, names, check_only)


def _not_canonical(tree: Regulation, again: Regulation, relative: str) -> Problem:
    """The problem of a file whose canonical form reads back otherwise: the provision, at its line, and how."""
    from regdraft.core.amend.unread import read_otherwise

    what, address = read_otherwise(tree, again, tree.language)
    line = next((loc.unit.line for loc in tree.walk() if loc.address == address), 0) if address is not None else 0
    return Problem(f"the canonical form of this file would not read back as the same provisions ({what}), so fmt "
                   "leaves it as it is; run `regdraft check` and simplify the text it names.", relative, line or 1)


def _format(ws: Workspace, names: list[str], check_only: bool) -> FormatResult:
    from regdraft.workspace.left_out import said, stored_problems, visible_text

    paths = [ws.locate_regulation(n) for n in names] if names else ws.regulation_files()
    changes: dict[str, bytes | None] = {}
    problems: list[Problem] = []
    hidden: list[tuple[str, list[Found], str, str, Regulation, Regulation]] = []
    for relative in paths:
        data = ws.read(relative)
        try:
            read, found = visible_text(data, relative)
            tree = parse(read if found else data, relative)
            text = render(tree)
            again = parse(text, relative)
        except ParseError as exc:
            problems.extend(stored_problems(exc.problems, data, relative) or [Problem(str(exc), relative)])
            continue
        if again != tree:
            # Never write a canonical form that reads back differently: that would lose content.
            problems.append(_not_canonical(tree, again, relative))
            continue
        # A file git checked out with CRLF line ends (Git for Windows' `core.autocrlf=true`) is recorded with LF, as
        # fmt writes it: rewriting it would change nothing git records, and the commit would be empty.
        if not ws.same_recorded(relative, data, text.encode("utf-8")):
            changes[relative] = text.encode("utf-8")
        if found:
            hidden.append((relative, found, read, text, tree, again))
    written = bool(changes) and not check_only and not problems
    if written:
        ws.commit(changes, "Format " + ", ".join(sorted(changes)) + " canonically")
    left_out = [note for relative, found, read, text, tree, again in hidden
                for note in said(found, relative, read, text if written else None, again if written else tree)]
    return FormatResult(sorted(changes), problems, left_out)
