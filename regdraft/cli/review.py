"""`regdraft review`: the review server, and the access links that admit people to it."""

from __future__ import annotations

from pathlib import Path

import click

from regdraft.cli.options import open_workspace, workspace_option


@click.group("review", invoke_without_command=True)
@click.option("--host", default=None, help="Listen on this address for the office network (access links required).")
@click.option("--port", type=click.IntRange(1, 65535), default=8421, show_default=True, help="The port to listen on.")
@workspace_option
@click.pass_context
def review(ctx: click.Context, host: str | None, port: int, workspace: Path | None) -> None:
    """Serve the committee review in a browser: redline, comments, answers and the report.

    By default only this machine can open it (127.0.0.1). With --host, every visitor needs
    an access link from `regdraft review invite`.

    \b
    Example:
        regdraft review                    # then open http://127.0.0.1:8421/
        regdraft review --host 0.0.0.0     # the office network, with access links
    """
    if ctx.invoked_subcommand is not None:
        return
    from regdraft.web import serve

    serve(open_workspace(workspace).root, host, port, click.echo)


@review.command("invite")
@click.option("--name", required=True, help="The person the link is for.")
@click.option("--body", default="", help="The body they comment for (required for a reviewer).")
@click.option("--role", type=click.Choice(["reviewer", "drafter"]), default="reviewer", show_default=True,
              help="reviewer: comments for the body; drafter: also answers and accepts proposals.")
@click.option("--url", default="http://127.0.0.1:8421", show_default=True,
              help="The address people open the server at, for the printed link.")
@workspace_option
def invite(name: str, body: str, role: str, url: str, workspace: Path | None) -> None:
    """Create an access link (one commit; only the token's hash is stored) and print it.

    \b
    Example:
        regdraft review invite --name "Nguyễn Văn An" --body "Ban Tổ chức Tỉnh ủy" --url http://10.0.0.5:8421
    """
    from regdraft.workspace.access import invite as make

    link, token = make(open_workspace(workspace), name, body, role)
    click.echo(f"Access link {link.key} for {link.name} ({link.body or 'any body'}, {link.role.value}):")
    click.echo(f"{url.rstrip('/')}/access/{token}")


@review.command("revoke")
@click.argument("key")
@workspace_option
def revoke(key: str, workspace: Path | None) -> None:
    """Revoke access links by id (as `invite` printed it) or by the person's name (one commit).

    \b
    Example:
        regdraft review revoke 3fa2c1d0
    """
    from regdraft.workspace.access import revoke as remove

    gone = remove(open_workspace(workspace), key)
    click.echo("Revoked " + ", ".join(f"{link.key} ({link.name})" for link in gone) + ".")


@review.command("links")
@workspace_option
def list_links(workspace: Path | None) -> None:
    """List the access links: id, role, person and body (tokens are never stored).

    \b
    Example:
        regdraft review links
    """
    from regdraft.workspace.access import links

    found = links(open_workspace(workspace))
    if not found:
        click.echo("No access links.")
    for link in found:
        click.echo(f"{link.key}  {link.role.value:<8}  {link.name} ({link.body or 'any body'})  {link.created}")


COMMANDS = [review]
