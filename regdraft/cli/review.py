"""`regdraft review`: the review server, and the access links that admit people to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from regdraft.cli.completion import AMENDMENT_SLUG, COMMENT_ID
from regdraft.cli.options import open_workspace, workspace_option
from regdraft.cli.printing import Result, committed, emit, prints_result


@click.group("review", invoke_without_command=True)
@click.option("--host", default=None, metavar="ADDRESS",
              help="Listen on this address for the office network (access links required).")
@click.option("--port", type=click.IntRange(1, 65535), default=8421, show_default=True, help="The port to listen on.")
@workspace_option
@prints_result
@click.pass_context
def review(ctx: click.Context, host: str | None, port: int, workspace: Path | None, as_json: bool) -> Result:
    """Serve the committee review in a browser: redline, comments, answers and the report.

    By default only this machine can open it (127.0.0.1). With --host, every visitor needs
    an access link from `regdraft review invite`.

    \b
    Example:
        regdraft review                    # then open http://127.0.0.1:8421/
        regdraft review --host 0.0.0.0     # the office network, with access links
    """
    if ctx.invoked_subcommand is not None:
        return Result(streamed=True)
    from regdraft.web import serve

    root = open_workspace(workspace).root

    def announce(url: str, required: bool) -> None:
        emit({"workspace": str(root), "url": url, "access_links_required": required})

    serve(root, host, port, click.echo, announce if as_json else None)
    # Stopped (Ctrl-C, SIGTERM from `systemctl stop` or `kill`): a write in progress was finished and answered first
    # (`web.context.finished`), so the terminal's last word says so; the JSON announcement on stdout stays alone.
    click.echo(f"Stopped serving the review of {root}; every write it had begun was finished.", err=True)
    from regdraft.cli.interrupt_phase import Interrupt

    if Interrupt.received:  # uvicorn takes the signal, then hands it on (`on_interrupt`) and swallows what it raised
        # Ended by a signal, the server exits as every command does (130 for Ctrl-C, 143 for SIGTERM): it exited 0,
        # which a service manager or a script read as the server having finished its work (r40 left).
        ctx.exit(128 + Interrupt.signum)
    return Result(streamed=True)


@review.command("invite")
@click.option("--name", required=True, metavar="PERSON", help="The person the link is for.")
@click.option("--body", default="", metavar="BODY", help="The body they comment for (required for a reviewer).")
@click.option("--role", type=click.Choice(["reviewer", "drafter"]), default="reviewer", show_default=True,
              help="reviewer: comments for the body; drafter: also answers and accepts proposals.")
@click.option("--url", default="http://127.0.0.1:8421", metavar="URL", show_default=True,
              help="The address people open the server at, for the printed link.")
@workspace_option
@prints_result
def invite(name: str, body: str, role: str, url: str, workspace: Path | None) -> Result:
    """Create an access link (one commit; only the token's hash is stored) and print it.

    \b
    Example:
        regdraft review invite --name "Nguyễn Văn An" --body "Ban Tổ chức Tỉnh ủy" --url http://10.0.0.5:8421
    """
    from regdraft.workspace.access import invite as make
    from regdraft.workspace.access import namesakes

    ws = open_workspace(workspace)
    link, token = make(ws, name, body, role)
    address = f"{url.rstrip('/')}/access/{token}"
    done = Result({**_link_fields(link), "url": address, **committed()})
    done.say(f"Access link {link.key} for {link.name} ({link.body or 'any body'}, {link.role.value}):")
    same = namesakes(ws, link)
    if same:  # made all the same: two members may share a name, and the pages tell them apart by their links
        others = ", ".join(f"{other.key} ({other.name}, {other.role.value})" for other in same)
        done.note(f"Warning: {link.name} ({link.body or 'any body'}) has another access link already: {others}. "
                  "Each link withdraws only the comments sent through it, but the comments list and the report show "
                  "both under the same name. If this link replaces a lost one, revoke the old one (regdraft review "
                  f"revoke {same[0].key}); if it is for another person, consider a name that tells them apart.")
    return done.say(address)


@review.command("revoke")
@click.argument("key")
@workspace_option
@prints_result
def revoke(key: str, workspace: Path | None) -> Result:
    """Revoke access links by id (as `invite` printed it) or by the person's name (one commit).

    \b
    Example:
        regdraft review revoke 3fa2c1d0
    """
    from regdraft.workspace.access import revoke as remove

    gone = remove(open_workspace(workspace), key)
    done = Result({"revoked": [_link_fields(link) for link in gone], **committed()})
    return done.say("Revoked " + ", ".join(f"{link.key} ({link.name})" for link in gone) + ".")


@review.command("links")
@workspace_option
@prints_result
def list_links(workspace: Path | None) -> Result:
    """List the access links: id, role, person and body (tokens are never stored).

    \b
    Example:
        regdraft review links
    """
    from regdraft.workspace.access import links

    found = links(open_workspace(workspace))
    done = Result([_link_fields(link) for link in found])
    if not found:
        done.say("No access links.")
    for link in found:
        done.say(f"{link.key}  {link.role.value:<8}  {link.name} ({link.body or 'any body'})  {link.created}")
    return done


@review.command("attach")
@click.argument("comment_id", type=COMMENT_ID, metavar="ID")
@click.option("--link", required=True, metavar="LINK",
              help="The member's access link: its id (as `review links` prints it), or the person's name.")
@click.option("--amendment", "slug", type=AMENDMENT_SLUG, default=None,
              help="The amendment, when the id exists in several.")
@workspace_option
@prints_result
def attach(comment_id: str, link: str, slug: str | None, workspace: Path | None) -> Result:
    """Attach a comment to the access link of the member who wrote it (one commit).

    The review pages let a member withdraw or edit only the comments sent through their own link. A comment with no
    link (sent before the pages recorded which link sent a comment, or typed by the office for the member) is
    attached here, once its person and body are found to be the link's; the member can then withdraw or edit it.

    \b
    Example:
        regdraft review attach c7f3 --link 3fa2c1d0
    """
    from regdraft.workspace.comment_edits import attach_comment
    from regdraft.workspace.rounds import find_comment

    ws = open_workspace(workspace)
    before = find_comment(ws, comment_id, slug)[1]
    where, comment, to = attach_comment(ws, slug, comment_id, link)
    done = Result({"amendment": where, "comment": comment.id, "link": _link_fields(to), **committed()})
    if before.link == to.key:
        return done.say(f"Comment {comment.id} on {where} is attached to {to.key} ({to.name}) already; nothing new "
                        "was recorded.")
    return done.say(f"Attached comment {comment.id} on {where} to the access link {to.key} of {to.name} ({to.body}): "
                    "they may now withdraw or edit it on the review pages while it is unanswered.")


def _link_fields(link: Any) -> dict[str, Any]:
    """An access link for --json: never its token or the token's hash."""
    return {"key": link.key, "name": link.name, "body": link.body, "role": link.role.value, "created": link.created}


COMMANDS = [review]
