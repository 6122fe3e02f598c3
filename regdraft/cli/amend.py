"""`regdraft amend ...`: write, check, preview, adopt amendments and list their conflicts.

Other modules add subcommands with `from regdraft.cli.amend import amend; amend.add_command(...)`.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from regdraft.cli.options import DATE, json_option, open_workspace, output_option, workspace_option


@click.group()
def amend() -> None:
    """Write, check, preview and adopt amending documents (amendments/<slug>/amendment.md).

    \b
    Example:
        regdraft amend check qc-sua-doi-2025
        regdraft amend preview qc-sua-doi-2025 -o /tmp/amended.md
    """


@amend.command("new")
@click.argument("slug")
@click.option("--regulation", "-r", required=True, help="The regulation to amend (id, e.g. 01-QC/TU).")
@click.option("--title", default=None, help="The amending document's title (default: the usual wording).")
@workspace_option
def new(slug: str, regulation: str, title: str | None, workspace: Path | None) -> None:
    """Start a new amending document for a regulation (one commit).

    \b
    Example:
        regdraft amend new qc-sua-doi-2026 --regulation 01-QC/TU
    """
    from regdraft.workspace.scaffold import new as scaffold

    path = scaffold(open_workspace(workspace), slug, regulation, title)
    click.echo(f"Created {path}; write the instructions under Điều 1, then run `regdraft amend check {slug}`.")


@amend.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--slug", required=True, help="The amendment's name in the workspace (amendments/<slug>/).")
@click.option("--regulation", "-r", "regulations", multiple=True,
              help="Only this regulation of the workspace (repeatable); needed when no article heading names it.")
@click.option("--encoding", type=click.Choice(["utf-8", "tcvn3", "vni"]), default=None,
              help="Read the text in this encoding instead of detecting TCVN3/VNI.")
@click.option("--force", is_flag=True, help="Replace an existing amendment file.")
@output_option
@workspace_option
@json_option
def import_(file: Path, slug: str, regulations: tuple[str, ...], encoding: str | None, force: bool,
            output: Path | None, workspace: Path | None, as_json: bool) -> None:
    """Import an existing amending document (.docx, .txt or .md) and report what could not be placed.

    Reads the header (number, title, signing date), the preamble, every article and the date
    the document takes effect; the articles whose headings name a regulation of the workspace
    hold its instructions, the others are kept as text. Without -o the result is committed as
    amendments/<slug>/amendment.md (status: submitted); adopt it with `regdraft amend adopt`.

    \b
    Example:
        regdraft amend import luat-57-2024.docx --slug luat-57-2024
    """
    from regdraft.workspace.imports import import_amendment_file

    written, result = import_amendment_file(file, slug, open_workspace(workspace), regulations=regulations,
                                            encoding=encoding, output=output, force=force)
    if as_json:
        click.echo(json.dumps({"written": written, "amends": dict(result.targets), **result.report.as_dict()},
                              ensure_ascii=False, indent=2))
        return
    count = sum(1 for _ in result.amendment.leaves()) if result.amendment is not None else 0
    where = ", ".join(f"Điều {label} -> {reg}" for label, reg in result.targets.items())
    click.echo(f"Wrote {written} ({where}; {count} change(s) to apply).")
    click.echo(result.report.text())


@amend.command("list")
@workspace_option
@json_option
def list_(workspace: Path | None, as_json: bool) -> None:
    """List the amendments with their status, draft, number and instruction count.

    \b
    Example:
        regdraft amend list --json
    """
    from regdraft.workspace.amendments import survey

    entries = survey(open_workspace(workspace))
    if as_json:
        click.echo(json.dumps([e.row() for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo("No amendments yet: start one with `regdraft amend new SLUG --regulation REG`.")
    for entry in entries:
        click.echo(entry.line())


@amend.command("status")
@click.argument("slug")
@click.argument("status", required=False)
@click.option("--draft", type=int, default=None, help="Set the draft number too (Dự thảo lần N).")
@workspace_option
def status(slug: str, status: str | None, draft: int | None, workspace: Path | None) -> None:
    """Set an amendment's status (draft, circulating, submitted, rejected, withdrawn) or draft number.

    The status moves draft → circulating → submitted; `amend adopt` makes it adopted.

    \b
    Example:
        regdraft amend status qc-sua-doi-2025 submitted
        regdraft amend status qc-sua-doi-2025 --draft 3
    """
    from regdraft.workspace.lifecycle import set_status

    updated = set_status(open_workspace(workspace), slug, status, draft)
    click.echo(f"{slug} is now {updated.status}" + (f" (draft {updated.draft})." if updated.draft else "."))


@amend.command("number")
@click.argument("slug")
@click.argument("number")
@workspace_option
def number(slug: str, number: str, workspace: Path | None) -> None:
    """Give an amendment its document number (one commit); adoption requires one.

    \b
    Example:
        regdraft amend number qc-sua-doi-2026 07-QC/TU
    """
    from regdraft.workspace.lifecycle import set_number

    updated = set_number(open_workspace(workspace), slug, number)
    click.echo(f"{slug} is now numbered {updated.number}.")


@amend.command("check")
@click.argument("slug")
@workspace_option
@json_option
def check(slug: str, workspace: Path | None, as_json: bool) -> None:
    """Report every problem of an amendment against its regulation; exit 1 if any.

    \b
    Example:
        regdraft amend check qc-sua-doi-2025
    """
    from regdraft.workspace.lifecycle import review

    found = review(open_workspace(workspace), slug)
    problems = found.problems
    if as_json:
        click.echo(json.dumps(found.as_json(), ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(str(p))
        for p in found.to_check:
            click.echo(f"requires checking: {p}")
        for p in found.warnings:
            click.echo(f"warning: {p}")
        click.echo(f"{slug}: no problems found." if not problems else f"{len(problems)} problem(s) found.",
                   err=bool(problems))
    if problems:
        raise SystemExit(1)


@amend.command("preview")
@click.argument("slug")
@click.option("--at", "rev", default=None, help="Use the amendment and regulation at a git revision.")
@output_option
@workspace_option
def preview(slug: str, rev: str | None, output: Path | None, workspace: Path | None) -> None:
    """Print the regulation as amended (Markdown); writes nothing unless -o names a file.

    \b
    Example:
        regdraft amend preview qc-sua-doi-2025 -o amended.md
    """
    from regdraft.core.markdown import render
    from regdraft.render.files import write_atomic
    from regdraft.workspace.lifecycle import preview_with_notes

    shown = preview_with_notes(open_workspace(workspace), slug, rev)
    text = render(shown.applied.regulation)
    for problem in shown.notes:
        click.echo(f"note: {problem}", err=True)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"Wrote {output}.")


@amend.command("adopt")
@click.argument("slug")
@click.option("--signed", type=DATE, help="The signing date (YYYY-MM-DD or DD/MM/YYYY).")
@click.option("--effective", type=DATE, default=None,
              help="The effective date, YYYY-MM-DD or DD/MM/YYYY "
                   "(default: as the document's entry-into-force article says).")
@click.option("--force", is_flag=True, help="Adopt past the gates (rounds, comments, vote, status, date).")
@click.option("--reason", default=None, help="Why --force is needed; recorded in the adoption commit.")
@click.option("--resume", is_flag=True, help="Finish an adoption that was interrupted (killed, power cut).")
@workspace_option
def adopt(slug: str, signed: str | None, effective: str | None, force: bool, reason: str | None, resume: bool,
          workspace: Path | None) -> None:
    """Apply an amendment to its regulation and record it as adopted: one commit and a tag.

    Refuses, naming each missing step and the command that fixes it, until: it has a number,
    it is submitted, every round is closed, every comment answered, the vote recorded (when
    regdraft.yaml requires a majority), and the effective date agrees with its entry-into-force
    article. An adoption cut short (the process killed, the machine off) is finished with --resume.

    \b
    Example:
        regdraft amend adopt qc-sua-doi-2025 --signed 2025-10-20
        regdraft amend adopt qc-sua-doi-2025 --signed 2025-10-20 --effective 2025-11-01 \\
            --force --reason "Effective date set by the conference, Điều 3 to be corrected"
        regdraft amend adopt qc-sua-doi-2025 --resume
    """
    from regdraft.core.errors import UsageError
    from regdraft.workspace.lifecycle import adopt as adopt_amendment
    from regdraft.workspace.lifecycle import resume_adoption

    ws = open_workspace(workspace)
    if resume:
        click.echo(f"Finished the interrupted adoption {resume_adoption(ws, slug)}.")
        return
    if not signed:
        raise UsageError("Give --signed DATE (or --resume to finish an interrupted adoption).")
    if force != (reason is not None):
        raise UsageError("--force and --reason go together: say why the amendment is adopted past its gates.")
    sha = adopt_amendment(ws, slug, signed, effective, force=reason)
    click.echo(f"Adopted {slug} in commit {sha[:8]}.")


@amend.command("conflicts")
@workspace_option
@json_option
def conflicts(workspace: Path | None, as_json: bool) -> None:
    """List pairs of pending amendments that touch the same or nested provisions; exit 1 if any.

    \b
    Example:
        regdraft amend conflicts
    """
    from regdraft.workspace.lifecycle import pending_conflicts

    found = pending_conflicts(open_workspace(workspace))
    if as_json:
        click.echo(json.dumps([c.as_dict() for c in found], ensure_ascii=False, indent=2))
    else:
        for c in found:
            click.echo(c.describe(c.first.language))
        click.echo("No conflicts between pending amendments." if not found else f"{len(found)} conflict(s).")
    if found:
        raise SystemExit(1)


COMMANDS = [amend]
