"""Exports over a workspace: the consolidated text as of a date, and the amending document itself.

Post-conditions:
1. The format is the one asked for, else the output file's suffix, else PDF (`render.output.choose`);
   anything else is a `UsageError` and nothing is written.
2. The output file is written whole or not at all.
3. The consolidated text replays the base text with the adopted amendments in force on the
   date (today by default); a date before the base document took effect is a `RegdraftError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.core.consolidate import ConsolidatedText
    from regdraft.workspace.store import Workspace

@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote."""

    path: Path
    format: str
    as_of: dt.date | None = None
    amendments: tuple[str, ...] = ()
    footnotes: int = 0
    replaced: str = ""  # the line saying a new regulation replaced this one (`replacements.replacement_message`)
    ended: dt.date | None = None  # the day a new regulation replaced this one (none of its amendments apply from then)
    ended_by: str = ""  # the id of that regulation


def consolidated_text(ws: Workspace, name: str, as_of: str | dt.date | None = None) -> ConsolidatedText:
    """The consolidated text of a regulation in force on `as_of` (default: today), worded by its profile."""
    from regdraft.core.closing_notes import own_provisions
    from regdraft.core.consolidate import consolidate
    from regdraft.core.dates import parse_date, read_date
    from regdraft.workspace.profiles import profile_for
    from regdraft.workspace.replacements import original, replaced_on, replaced_sentence, translated
    from regdraft.workspace.timeline import adopted_for, base_text, replay

    day = dt.date.today() if as_of is None else parse_date(as_of, "the date the text is in force on")
    base = base_text(ws, ws.locate_regulation(name))
    # A regulation replaced by a new one on or before `day` is given as it last stood, with a note saying so.
    replaced = replaced_on(ws, original(base.meta), day)
    start = read_date(base.meta.get("effective")) or read_date(base.meta.get("signed"))
    if replaced is not None and replaced.last_day is not None and (start is None or day >= start):
        day = max(replaced.last_day, start or replaced.last_day)
    timeline = replay(base, adopted_for(ws, base.id), day)
    words = profile_for(ws, base.meta).words(base.language)
    ct = consolidate(base, [(amendment.meta, applied) for amendment, applied in timeline.steps], day,
                     words=words, provisions=[own_provisions(amendment) for amendment, _ in timeline.steps])
    if replaced is None or replaced.on is None:
        return ct
    note = replaced_sentence(replaced, day, words, base.language, *translated(ws, replaced, base.meta))
    return dataclasses.replace(ct, opening=dataclasses.replace(ct.opening, replaced=note))


def export_regulation(ws: Workspace, name: str, output: Path | None, fmt: str | None = None,
                      as_of: str | dt.date | None = None, *, progress: bool = False) -> Exported:
    """Write the consolidated text of a regulation as PDF, DOCX, HTML or Markdown."""
    from regdraft.render.output import Settings, choose, write
    from regdraft.workspace.profiles import profile_for

    chosen = choose("consolidated", output, fmt)
    ct = consolidated_text(ws, name, as_of)
    default = f"out/{ct.regulation.id.replace('/', '-')}-hop-nhat-{ct.as_of.isoformat()}.{chosen}"
    target = output or ws.write_path(default)
    settings = Settings(profile_for(ws, ct.regulation.meta), ws.root, progress=progress)
    write("consolidated", chosen, ct, target, settings)
    from regdraft.workspace.replacements import original, replacement, replacement_message

    found = replacement(ws, original(ct.regulation.meta))
    replaced = replacement_message(found) if found is not None and ct.opening.replaced else ""
    return Exported(target, chosen, ct.as_of, tuple(a.number for a in ct.amendments), len(ct.footnotes), replaced,
                    found.on if found is not None else None, found.new if found is not None else "")


def export_amendment(ws: Workspace, slug: str, output: Path | None, fmt: str | None = None,
                     today: dt.date | None = None, *, progress: bool = False) -> Exported:
    """Write an amending document itself as PDF, DOCX or HTML, ready for signature."""
    from regdraft.render.output import Settings, choose, write
    from regdraft.workspace.amendments import load
    from regdraft.workspace.profiles import profile_for

    chosen = choose("amendment", output, fmt)
    amendment = load(ws, slug)
    target = output or ws.write_path(f"out/{slug}.{chosen}")
    settings = Settings(profile_for(ws, amendment.meta), ws.root, today or dt.date.today(), progress)
    write("amendment", chosen, amendment, target, settings)
    return Exported(target, chosen)
