"""Exports over a workspace: the consolidated text as of a date, and the amending document itself.

Post-conditions:
1. The format is `--format` when given, else the output file's suffix; anything else is a
   `UsageError` and nothing is written.
2. The output file is written whole or not at all.
3. The consolidated text replays the base text with the adopted amendments in force on the
   date (today by default); a date before the base document took effect is a `RegdraftError`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.errors import UsageError
from regdraft.render.files import write_atomic
from regdraft.render.output import write_page

if TYPE_CHECKING:
    from regdraft.core.consolidate import ConsolidatedText
    from regdraft.workspace.store import Workspace

FORMATS = ("pdf", "docx", "html", "md")
AMENDMENT_FORMATS = ("pdf", "docx", "html")


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote."""

    path: Path
    format: str
    as_of: dt.date | None = None
    amendments: tuple[str, ...] = ()
    footnotes: int = 0


def output_format(output: Path | None, fmt: str | None, allowed: tuple[str, ...]) -> str:
    """The format asked for: `fmt`, else the output's suffix; `UsageError` when neither fits."""
    suffix = output.suffix.lstrip(".").lower() if output is not None else ""
    chosen = (fmt or suffix).lower()
    if fmt and suffix in allowed and suffix != chosen:
        raise UsageError(f"--format {chosen} does not match the output file {output}: give a file ending "
                         f"in .{chosen}, or leave out --format.")
    if chosen not in allowed:
        given = f"'{chosen}'" if chosen else "no format"
        raise UsageError(f"Cannot export as {given}: choose --format {'|'.join(allowed)} "
                         "(or give an output file ending in one of those suffixes).")
    return chosen


def consolidated_text(ws: Workspace, name: str, as_of: str | dt.date | None = None) -> ConsolidatedText:
    """The consolidated text of a regulation in force on `as_of` (default: today)."""
    from regdraft.core.consolidate import consolidate
    from regdraft.core.dates import parse_date
    from regdraft.workspace.timeline import adopted_for, base_text, replay

    day = dt.date.today() if as_of is None else parse_date(as_of, "the date the text is in force on")
    base = base_text(ws, ws.locate_regulation(name))
    timeline = replay(base, adopted_for(ws, base.id), day)
    return consolidate(base, [(amendment.meta, applied) for amendment, applied in timeline.steps], day)


def export_regulation(ws: Workspace, name: str, output: Path | None, fmt: str | None = None,
                      as_of: str | dt.date | None = None, *, progress: bool = False) -> Exported:
    """Write the consolidated text of a regulation as PDF, DOCX, HTML or Markdown."""
    chosen = output_format(output, fmt, FORMATS)
    ct = consolidated_text(ws, name, as_of)
    default = f"out/{ct.regulation.id.replace('/', '-')}-hop-nhat-{ct.as_of.isoformat()}.{chosen}"
    target = output or ws.write_path(default)
    from regdraft.render import consolidated as writer

    if chosen == "md":
        write_atomic(target, writer.consolidated_markdown(ct).encode("utf-8"))
    else:
        from regdraft.workspace.profiles import profile_for

        profile = profile_for(ws, ct.regulation.meta)
        if chosen == "docx":
            writer.write_consolidated_docx(ct, profile, target)
        else:
            from regdraft.render.html import environment

            page = writer.consolidated_html(ct, environment(ws.root), profile, paged=chosen == "pdf")
            write_page(page, target, pdf=chosen == "pdf", progress=progress)
    return Exported(target, chosen, ct.as_of, tuple(a.number for a in ct.amendments), len(ct.footnotes))


def export_amendment(ws: Workspace, slug: str, output: Path | None, fmt: str | None = None,
                     today: dt.date | None = None, *, progress: bool = False) -> Exported:
    """Write an amending document itself as PDF, DOCX or HTML, ready for signature."""
    from regdraft.render import consolidated as writer
    from regdraft.workspace.amendments import load
    from regdraft.workspace.profiles import profile_for

    chosen = output_format(output, fmt, AMENDMENT_FORMATS)
    amendment = load(ws, slug)
    target = output or ws.write_path(f"out/{slug}.{chosen}")
    profile = profile_for(ws, amendment.meta)
    when = today or dt.date.today()
    if chosen == "docx":
        writer.write_amendment_docx(amendment, profile, target, when)
    else:
        from regdraft.render.html import environment

        page = writer.amendment_html(amendment, environment(ws.root), profile, when)
        write_page(page, target, pdf=chosen == "pdf", progress=progress)
    return Exported(target, chosen)
