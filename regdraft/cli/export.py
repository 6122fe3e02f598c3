"""`regdraft export` (the consolidated text) and `regdraft amend export` (the amending document)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from regdraft.cli.amend import amend
from regdraft.cli.completion import AMENDMENT_SLUG, REGULATION_ID
from regdraft.cli.options import (
    DATE,
    DATE_FORMS,
    LINE,
    note_problems,
    open_workspace,
    output_format,
    output_named,
    output_option,
    workspace_option,
)
from regdraft.cli.printing import Result, prints_result
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.counts import several

if TYPE_CHECKING:
    from regdraft.workspace.export import Exported
    from regdraft.workspace.store import Workspace


@click.command("export")
@click.argument("regulation", type=REGULATION_ID)
@click.option("--as-of", "as_of", type=DATE, default=None,
              help=f"The date the text is in force on ({DATE_FORMS}; default: the day of --signed, else today).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html", "md"]), default=None,
              help="The output format (default: from the output file's suffix, else pdf).")
@click.option("--number", type=LINE, default=None, metavar="NUMBER",
              help="The consolidated copy's number (15/VBHN-VPQH), in the header of the consolidating body that "
                   "regdraft.yaml's consolidation: names (default: a blank in its series, to fill in).")
@click.option("--signed", type=DATE, default=None,
              help=f"The day the consolidated copy is authenticated ({DATE_FORMS}; default: a blank date "
                   "to fill in); with consolidation: in regdraft.yaml. The text is the one in force on that day, "
                   "unless --as-of gives an earlier one.")
@output_option
@workspace_option
@prints_result
def export(regulation: str, as_of: str | None, fmt: str | None, number: str | None, signed: str | None,
           output: Path | None, workspace: Path | None) -> Result:
    """Export the consolidated text of a regulation (văn bản hợp nhất) as in force on a date.

    Every adopted amendment in force on the date is merged in; each changed provision carries a
    footnote naming the amending document and the date it took effect.

    \b
    Example:
        regdraft export 01-QC/TU --as-of 2025-06-01 --format pdf -o hop-nhat.pdf
        regdraft export 01-QC/TU -o hop-nhat.docx
    """
    from regdraft.core.consolidation_frame import frame_of
    from regdraft.core.dates import parse_date
    from regdraft.workspace.export import export_regulation
    from regdraft.workspace.forced_references import read_as_checked

    chosen = output_format("consolidated", output, fmt)
    ws = open_workspace(workspace)
    if (number or signed) and not frame_of(ws.config.get("consolidation")).issued:
        raise click.UsageError(
            f"{'--number' if number else '--signed'} is the consolidated copy's, printed in the header of the body "
            "that issues it: name it in regdraft.yaml (consolidation: {body: VĂN PHÒNG QUỐC HỘI, code: VBHN-VPQH, "
            "signer: {title: CHỦ NHIỆM, name: …}}), or leave the option out for a copy for reference.")
    note_problems(read_as_checked(ws, regulation)[1], ws.locate_regulation(regulation))
    authenticated = parse_date(signed, "the day the copy is authenticated") if signed else None
    done = export_regulation(ws, regulation, output, chosen, as_of, progress=sys.stderr.isatty(), number=number,
                             signed=authenticated)
    amended = ", ".join(done.amendments) or "no amendments"
    shown = Result({"regulation": regulation, "written": str(done.path), "format": done.format, "as_of": done.as_of,
                    "amendments": list(done.amendments), "footnotes": done.footnotes})
    # Without --as-of, an authenticated copy is the text in force on the day it is authenticated (export_regulation).
    on_signing = not as_of and done.as_of is not None and done.as_of == authenticated
    day = f"{done.as_of}, the day it is authenticated (--signed)" if on_signing else f"{done.as_of}"
    shown.say(f"Wrote {output_named(done.path)} ({done.format}): the text in force on {day} "
              f"({amended}; {counted(done.footnotes, 'footnote')}).")
    if done.replaced:
        shown.note(done.replaced)
    if done.untranslated:
        shown.note(done.untranslated)
    if done.unframed:
        shown.note(done.unframed)
    for blank in done.blanks:
        shown.note(blank)
    if done.ahead:
        shown.note(done.ahead)
    for line in _not_in_it(ws, regulation, done):
        shown.say(line)
    from regdraft.workspace.issued_text import rewritten_problems

    for problem in rewritten_problems(ws, regulation, warning=True):  # its words are not those adopted
        shown.note(str(problem))
    return shown


def _not_in_it(ws: Workspace, regulation: str, done: Exported) -> list[str]:
    """The lines naming the adopted changes the text exported leaves out, those taking effect after its date.

    1. Each change taking effect on the first such date has a line of its own, with the command that exports the text
       it makes: `took effect` when that date is today or past, `takes effect` when it is still to come.
    2. Those after it are named together in one line with their dates (an export of 2013 would otherwise give a line
       for each amendment of the thirteen years since, each with its command: the next change is the one that ends
       the text exported, the later ones are its history, each exported as the next of its own date).
    3. A change taking effect once the regulation was replaced is said never to have been in force, on its own line.
    """
    from regdraft.core.amend.staged import STAGED
    from regdraft.workspace.timeline import in_force_later

    today = dt.date.today()
    lines: list[str] = []
    grouped: list[str] = []
    first: dt.date | None = None
    for later in in_force_later(ws, regulation, done.as_of):  # adopted, in the working text, not in this one
        name = f"{later.meta[STAGED]} of {later.name}" if later.meta.get(STAGED) else later.name
        effective = later.effective
        if effective is None:
            continue
        if done.ended is not None and effective >= done.ended:
            # No text of this regulation was ever in force with it: `--as-of` that day gives this text again.
            lines.append(f"Not in it: {name}, adopted to take effect on {effective}, when {done.ended_by} "
                         f"had replaced {regulation} (on {done.ended}): it was never in force.")
            continue
        first = first or effective
        if effective > first:
            grouped.append(f"{name} (in force from {effective})")
            continue
        again = Command.of("export", regulation, as_of=effective)
        tense = "took" if effective <= today else "takes"
        lines.append(f"Not in it: {name}, adopted, {tense} effect on {effective} (its text then: `{again}`).")
    if grouped:
        changes = several(len(grouped), "change")
        lines.append(f"Not in it either: {len(grouped)} later {changes}, adopted: {', '.join(grouped)}.")
    return lines


@click.command("export")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html"]), default=None,
              help="The output format (default: from the output file's suffix, else pdf).")
@output_option
@workspace_option
@prints_result
def amend_export(slug: str, fmt: str | None, output: Path | None, workspace: Path | None) -> Result:
    """Export the amending document itself, ready for signature (DỰ THẢO lần N until adopted).

    \b
    Example:
        regdraft amend export qc-sua-doi-2025 --format pdf -o du-thao.pdf
    """
    from regdraft.workspace.amendments import load
    from regdraft.workspace.export import export_amendment
    from regdraft.workspace.issued_text import rewritten

    chosen = output_format("amendment", output, fmt)
    ws = open_workspace(workspace)
    done = export_amendment(ws, slug, output, chosen, progress=sys.stderr.isatty())
    shown = Result({"amendment": slug, "written": str(done.path), "format": done.format}).say(
        f"Wrote {output_named(done.path)} ({done.format}).")
    found = rewritten(ws, load(ws, slug))
    return shown.note(f"{found.problem(warning=True)} The document written reads as the file now does, not as "
                      "adopted.") if found is not None else shown


amend.add_command(amend_export)

COMMANDS = [export]
