"""`regdraft amend from-edits`: write an amendment's instructions from the drafter's edited text."""

from __future__ import annotations

from pathlib import Path

import click

from regdraft.cli.amend import amend
from regdraft.cli.completion import AMENDMENT_SLUG, REGULATION_ID
from regdraft.cli.options import open_workspace, workspace_option
from regdraft.cli.printing import Result, committed, prints_result


@click.command("from-edits")
@click.argument("slug", type=AMENDMENT_SLUG)
@click.option("--edited", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="The edited copy of the regulation (a Markdown file).")
@click.option("--edited-rev", default=None, metavar="REV",
              help="Take the edited text from a git revision or branch instead.")
@click.option("--regulation", "-r", type=REGULATION_ID, default=None,
              help="The regulation (id) edited: needed when the amendment does not exist yet, or amends several.")
@click.option("--allow-renumber", is_flag=True, help="Amend renumbered provisions under their new numbers.")
@click.option("--allow-undo", is_flag=True,
              help="Write the instructions even where the edited text puts back the text in force that the "
                   "amendment already changes (undoing those instructions).")
@click.option("--new", "another", is_flag=True,
              help="Create SLUG as a new amendment, even though the regulation has another one being drafted.")
@workspace_option
@prints_result
def from_edits(slug: str, edited: Path | None, edited_rev: str | None, regulation: str | None,
               allow_renumber: bool, allow_undo: bool, another: bool, workspace: Path | None) -> Result:
    """Regenerate an amendment's instructions (Điều 1; Article 1 in English) from an edited text (one commit).

    Compares the regulation in force with the edited text; the front matter, preamble and
    other articles of the amendment are kept. Prints the change in the instructions. For a
    document amending several regulations, -r names the one edited: only its article is rewritten.
    A SLUG that does not exist is created, but not beside another amendment of the regulation
    being drafted (draft or circulating) unless --new says it is meant. Start from the amendment's preview
    (amend preview SLUG -o FILE): a copy of the text in force that leaves unchanged what the amendment
    already changes is refused, naming those instructions, unless --allow-undo says undoing them is meant.

    \b
    Example:
        cp regulations/01-QC-TU.md /tmp/edited.md   # a new amendment: then edit /tmp/edited.md
        regdraft amend from-edits qc-sua-doi-2026 --edited /tmp/edited.md
        regdraft amend preview qc-sua-doi-2026 -o /tmp/edited.md   # later drafts: edit the preview
        regdraft amend from-edits qc-sua-doi-2026 --edited /tmp/edited.md
        regdraft amend from-edits qc-sua-doi-2026 --edited-rev draft-branch
        regdraft amend from-edits qc-sua-doi-2027 -r 02-QC/TU --edited /tmp/edited-02.md
        regdraft amend from-edits qc-sua-doi-2028 --new --edited /tmp/edited.md
    """
    from regdraft.core.errors import UsageError
    from regdraft.workspace.regenerate import from_edits as regenerate

    if (edited is None) == (edited_rev is None):
        raise UsageError("Give the edited text with either --edited FILE or --edited-rev REV.")
    outcome = regenerate(open_workspace(workspace), slug, edited=edited.read_bytes() if edited else None,
                         edited_name=str(edited or ""), edited_rev=edited_rev, regulation=regulation,
                         allow_renumber=allow_renumber, another=another, allow_undo=allow_undo)
    done = Result({"amendment": slug, "written": outcome.path, "created": outcome.created,
                   "commit": outcome.commit, **committed(),
                   "instructions": outcome.result.count, "diff": list(outcome.result.diff),
                   "notes": list(outcome.result.notes), "warnings": list(outcome.warnings)})
    for note in outcome.result.notes:
        done.note(f"note: {note}")
    for warning in outcome.warnings:
        done.note(f"warning: {warning}")
    if not outcome.new_regulation:  # a new regulation's draft has its text, no instructions (`summary` says it)
        done.say("\n".join(outcome.result.diff) if outcome.result.diff else "Instructions: no change.")
    return done.say(outcome.summary())


amend.add_command(from_edits)

COMMANDS: list[click.Command] = []
