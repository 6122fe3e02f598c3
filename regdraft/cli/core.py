"""Workspace commands: init, list, show, check, log, fmt."""

from __future__ import annotations

import json
from pathlib import Path

import click

from regdraft.cli.options import DATE, json_option, note_problems, open_workspace, workspace_option
from regdraft.core.errors import RegdraftError


def _example_data() -> Path:
    root = Path(__file__).resolve().parents[2]
    if not (root / "regulations").is_dir():
        raise RegdraftError("The example data ships with the regdraft source checkout and is not available here.")
    return root


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--example", is_flag=True, help="Seed the workspace with Regulation 01-QC/TU and its pending amendment.")
@click.option("--remote", "url", default=None,
              help="An empty git repository (URL or path) to share the workspace through, as origin.")
def init(directory: Path, example: bool, url: str | None) -> None:
    """Create a workspace in DIRECTORY (default: here), or add the layout to a git repository.

    With --remote, the workspace is shared: pushed to that empty repository on branch main
    (an existing workspace is shared as it is).

    \b
    Example:
        regdraft init --example office
        regdraft init --example office --remote git://server.office/quy-che.git
    """
    from regdraft.workspace.sync import set_up

    ws, created = set_up(directory, _example_data() if example else None, url)
    click.echo(f"Created a regdraft workspace in {ws.root}." if created
               else f"Shared the regdraft workspace in {ws.root}.")
    if url is not None:
        click.echo(f"Its shared remote is origin ({url}), branch main; colleagues join it with "
                   f"`regdraft clone {url} DIR`.")


@click.command("list")
@workspace_option
@json_option
def list_(workspace: Path | None, as_json: bool) -> None:
    """List the regulations in the workspace.

    \b
    Example:
        regdraft list --json
    """
    from regdraft.workspace import api

    rows = api.list_regulations(open_workspace(workspace))
    if as_json:
        from dataclasses import asdict

        click.echo(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("No regulations yet: add one under regulations/ or run `regdraft import`.")
    for r in rows:
        status = r.error or f"{r.articles} articles" + (f", {r.problems} problem{'s' if r.problems != 1 else ''}"
                                                         if r.problems else "")
        click.echo(f"{r.id:<16} {r.language:<3} {status:<14} {r.title}")


@click.command()
@click.argument("regulation")
@click.argument("address", required=False)
@click.option("--at", "rev", default=None, help="Read the text at a git revision (branch, tag, sha).")
@click.option("--as-of", "as_of", type=DATE, default=None,
              help="The text in force on a date (YYYY-MM-DD or DD/MM/YYYY), replaying adopted amendments.")
@workspace_option
@json_option
def show(regulation: str, address: str | None, rev: str | None, as_of: str | None,
         workspace: Path | None, as_json: bool) -> None:
    """Print a regulation, or one provision of it with the headings above it.

    ADDRESS is short (d12.k2.b) or written out ("điểm b khoản 2 Điều 12").

    \b
    Example:
        regdraft show 01-QC/TU d5.k2
        regdraft show 01-QC/TU "Điều 12 khoản 2 điểm b" --at HEAD~1
    """
    from regdraft.workspace import api

    ws = open_workspace(workspace)
    if as_of is not None:
        from regdraft.workspace.timeline import regulation_as_of

        reg = regulation_as_of(ws, regulation, as_of)
    else:
        reg, problems = api.read_regulation(ws, regulation, rev)
        note_problems(problems, reg.source)
    if as_json:
        click.echo(json.dumps(api.show_json(reg, address), ensure_ascii=False, indent=2))
    else:
        click.echo(api.show(reg, address), nl=False)


@click.command()
@click.argument("regulation", required=False)
@click.option("--repair", is_flag=True, help="First finish a write that was interrupted (killed, power cut).")
@workspace_option
@json_option
def check(regulation: str | None, repair: bool, workspace: Path | None, as_json: bool) -> None:
    """Check regulations (all, or one) and report every problem; exit 1 if there are any (warnings alone exit 0).

    \b
    Example:
        regdraft check 01-QC/TU
        regdraft check --repair
    """
    from regdraft.workspace.checks import check_summary, check_workspace

    ws = open_workspace(workspace)
    if repair:
        done = ws.resume()
        click.echo(f"Finished the interrupted write {done}." if done else "No interrupted write to finish.",
                   err=as_json)
    problems = check_workspace(ws, regulation)
    if as_json:
        click.echo(json.dumps([{"file": p.source, "line": p.line, "unit": p.unit, "message": p.message,
                                 "warning": p.warning}
                               for p in problems], ensure_ascii=False, indent=2))
    else:
        for p in problems:
            click.echo(str(p))
        click.echo(check_summary(problems), err=bool(problems))
    if any(not p.warning for p in problems):
        raise SystemExit(1)


@click.command()
@click.argument("regulation")
@workspace_option
@json_option
def log(regulation: str, workspace: Path | None, as_json: bool) -> None:
    """Show the git history of a regulation.

    \b
    Example:
        regdraft log 01-QC/TU
    """
    ws = open_workspace(workspace)
    entries = ws.log(ws.locate_regulation(regulation))
    if as_json:
        click.echo(json.dumps([{"sha": e.sha, "author": e.author, "date": e.date, "subject": e.subject}
                               for e in entries], ensure_ascii=False, indent=2))
        return
    for e in entries:
        click.echo(f"{e.sha[:8]}  {e.date}  {e.author:<20} {e.subject}")


@click.command()
@click.argument("regulations", nargs=-1)
@click.option("--check", "check_only", is_flag=True, help="Only report files that are not canonical; exit 1 if any.")
@workspace_option
def fmt(regulations: tuple[str, ...], check_only: bool, workspace: Path | None) -> None:
    """Rewrite regulation files in canonical form (one commit), or check with --check.

    \b
    Example:
        regdraft fmt --check
    """
    from regdraft.workspace import api

    result = api.format_files(open_workspace(workspace), list(regulations), check_only)
    for p in result.problems:
        click.echo(str(p), err=True)
    verb = "would reformat" if check_only else "reformatted"
    for path in result.changed:
        click.echo(f"{verb} {path}")
    if not result.changed and not result.problems:
        click.echo("All files are canonical.")
    if result.problems or (check_only and result.changed):
        raise SystemExit(1)


COMMANDS = [init, list_, show, check, log, fmt]
