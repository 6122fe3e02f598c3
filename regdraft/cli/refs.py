"""The `refs` command: who refers to a provision, and what a provision refers to."""

from __future__ import annotations

from pathlib import Path

import click

from regdraft.cli.completion import ADDRESS, REGULATION_ID
from regdraft.cli.options import AddressLast, note_problems, open_workspace, workspace_option
from regdraft.cli.printing import Result, pager_option, prints_result


@click.command(cls=AddressLast)
@click.argument("regulation", type=REGULATION_ID)
@click.argument("address", type=ADDRESS, required=False)
@click.option("--from", "source", type=ADDRESS, default=None,
              help="List what this provision (and the units inside it) refers to.")
@click.option("--external", is_flag=True,
              help="List only references to other documents (Điều lệ Đảng, Quy định số ...).")
@click.option("--at", "rev", default=None, metavar="REV", help="Read the text at a git revision (branch, tag, sha).")
@pager_option
@workspace_option
@prints_result
def refs(regulation: str, address: str | None, source: str | None, external: bool, rev: str | None,
         workspace: Path | None) -> Result:
    """List every provision that refers to ADDRESS (units inside it are marked "inside").

    With --from, list what a provision refers to; with neither, list every reference.
    Targets that do not exist are marked "does not exist".

    \b
    Example:
        regdraft refs 01-QC/TU d5.k2
        regdraft refs 01-QC/TU --from "Điều 17"
        regdraft refs 01-QC/TU --external --json
    """
    from regdraft.core.errors import UsageError
    from regdraft.core.refs import listing as references
    from regdraft.workspace.forced_references import read_as_checked

    if address is not None and source is not None:
        raise UsageError("Give either ADDRESS (who refers to it) or --from ADDRESS (what it refers to), not both; if "
                         f"'{address}' is the rest of --from's address, put the address in quotes: --from "
                         f"\"{source} {address}\".")
    reg, problems = read_as_checked(open_workspace(workspace), regulation, rev)
    note_problems(problems, reg.source)
    rows = references.rows(reg, to=address, source=source, external=external)
    done = Result([references.listed_json(reg, r) for r in rows])
    for row in rows:
        done.say(references.listed_text(reg, row))
    return done.say("No references found.") if not rows else done


COMMANDS = [refs]
