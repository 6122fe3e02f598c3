"""Working together: sync, clone, resolve."""

from __future__ import annotations

from pathlib import Path

import click

from regdraft.cli.options import open_workspace, workspace_option
from regdraft.cli.printing import Result, prints_result
from regdraft.core.errors import UsageError


@click.command()
@click.option("--remote", default=None, metavar="NAME",
              help="The remote to sync with (default: the one main tracks, or origin).")
@click.option("--continue", "go_on", is_flag=True, help="Finish a sync that stopped on a conflict, once resolved.")
@click.option("--abort", is_flag=True, help="Undo a sync that stopped on a conflict (or a first sync cut short).")
@click.option("--send-hand-edits", "hand_edits", is_flag=True,
              help="Send a regulation in force edited without an amendment all the same, the office meaning the edit "
                   "(refused without it); the report names each as a deliberate edit of the text in force.")
@workspace_option
@prints_result
def sync(remote: str | None, go_on: bool, abort: bool, hand_edits: bool, workspace: Path | None) -> Result:
    """Share your work and take your colleagues': fetch, integrate, push, and say what moved.

    Refuses to start with uncommitted changes or an unfinished merge or rebase (a sync of its own
    that was interrupted, with no conflict waiting, it finishes first). Your commits are
    replayed on top of the remote's (rebase), or merged when a rebase would rewrite a circulated
    draft; adoption tags stay on main and are pushed with the commits. A regulation in force
    edited without an amendment is not sent unless --send-hand-edits says the office means it.

    \b
    Example:
        regdraft sync
        regdraft resolve amendments/qc-sua-doi-2025/amendment.md --theirs
        regdraft sync --continue
    """
    from dataclasses import asdict

    from regdraft.workspace import sync as sharing

    if go_on and abort:
        raise UsageError("Use --continue or --abort, not both.")
    if hand_edits and abort:
        raise UsageError("--send-hand-edits sends work; --abort undoes a stopped sync and sends nothing: use one.")
    ws = open_workspace(workspace, settled=False)
    if abort:
        said = sharing.abort_sync(ws)
        return Result({"aborted": True, "message": said, "head": ws.head()}).say(said)
    report = sharing.continue_sync(ws, hand_edits=hand_edits) if go_on else sharing.sync(ws, remote,
                                                                                        hand_edits=hand_edits)
    done = Result({"aborted": False, **asdict(report), "head": ws.resolve("HEAD").sha})
    for line in report.lines():
        done.say(line)
    return done


@click.command()
@click.argument("url")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@prints_result
def clone(url: str, directory: Path) -> Result:
    """Join a shared workspace: copy its main branch and adoption tags into DIRECTORY.

    \b
    Example:
        regdraft clone git://server.office/quy-che.git quy-che
    """
    from regdraft.workspace.remote_setup import join

    ws = join(url, directory)
    done = Result({"workspace": str(ws.root), "remote": url, "head": ws.resolve("HEAD").sha})
    return done.say(f"Joined the shared workspace {url} in {ws.root}; run `regdraft sync` there to share your work.")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ours", "side", flag_value="ours",
              help="Keep your version of the whole file (the colleague's other changes to it are dropped, and named).")
@click.option("--theirs", "side", flag_value="theirs",
              help="Keep the whole file as it came from the remote (your other changes to it are dropped, and named).")
@workspace_option
@prints_result
def resolve(file: Path, side: str | None, workspace: Path | None) -> Result:
    """Resolve a file in conflict: keep yours (--ours), theirs (--theirs), or your hand edit (neither).

    \b
    Example:
        regdraft resolve amendments/qc-sua-doi-2025/amendment.md --ours
    """
    from dataclasses import asdict

    from regdraft.workspace.resolve import resolve as settle

    ws = open_workspace(workspace, settled=False)
    # FILE is relative to the current folder when that is inside the workspace, else to the workspace.
    here = Path.cwd().resolve()
    base = here if here == ws.root or ws.root in here.parents else ws.root
    done = settle(ws, ws.relative(ws.path(str(base / file))), side)
    return Result({**asdict(done), "message": done.message()}).say(done.message())


COMMANDS = [sync, clone, resolve]
