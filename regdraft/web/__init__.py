"""The review server: committee members read the redline in a browser, comment, and the office answers.

A face, like `regdraft.cli`: it parses requests, calls one library function and shows the
result; it never runs git itself. Starlette routes the requests and uvicorn serves them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path

from regdraft.core.errors import RegdraftError

DEFAULT_PORT = 8421


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost: addresses only this machine reaches."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(root: Path, host: str | None, port: int, echo: Callable[[str], None],
          announce: Callable[[str, bool], None] | None = None) -> None:
    """Serve the review of the workspace at `root` until interrupted; print the address first.

    `announce(url, access_links_required)`, when given, is told the address instead of `echo`.

    Without `host` the server listens on 127.0.0.1 only; with one, every visitor needs an
    access link (`regdraft review invite`).
    """
    import uvicorn

    from regdraft.web.app import create_app
    from regdraft.web.connections import bounds_for, uvicorn_options
    from regdraft.workspace.access import links, review_settings
    from regdraft.workspace.review_limits import per_member
    from regdraft.workspace.store import Workspace

    settings = review_settings(Workspace(root))
    bounds = bounds_for(settings)  # refused before anything is served
    for wrong in per_member(settings)[1].values():
        raise RegdraftError(f"regdraft.yaml: {wrong}")
    listen = host or "127.0.0.1"
    required = host is not None
    if required and not links(Workspace(root)):
        raise RegdraftError("With --host every visitor needs an access link, and there are none yet; create them "
                            "with `regdraft review invite --name NAME --body BODY` first.")
    app = create_app(root, links=required)
    shown = f"[{listen}]" if ":" in listen else listen
    url = f"http://{shown}:{port}/"
    if announce is not None:
        announce(url, required)
    else:
        echo(f"Serving the review of {root} at {url}" + (" (access links required)" if required else "")
             + "; press Ctrl-C to stop.")
    from regdraft.core.collector import run_long

    run_long()  # the command line froze what it built for one command; a server collects its cycles
    # Deadlines for slow requests and bounds on connections: any host of the network may connect (`connections`).
    _stopped_by_hangup_too()
    uvicorn.run(app, host=listen, port=port, log_level="warning", access_log=False, **uvicorn_options(bounds))


def _stopped_by_hangup_too() -> None:
    """uvicorn stops gracefully on SIGINT and SIGTERM only (`uvicorn.server.HANDLED_SIGNALS`): a closed terminal's
    SIGHUP reached the command's own handler inside the server's loop and was logged as a `CancelledError`
    traceback (r41 left). Handled as SIGTERM is: the writes in flight finished, then the signal handed on to the
    command's handler, which exits 129. Not where SIGHUP is ignored on purpose (`nohup regdraft review`): there the
    server goes on, as every command does."""
    import signal

    import uvicorn.server

    hangup = getattr(signal, "SIGHUP", None)  # none on Windows
    handled = uvicorn.server.HANDLED_SIGNALS
    if hangup is not None and hangup not in handled and signal.getsignal(hangup) is not signal.SIG_IGN:
        uvicorn.server.HANDLED_SIGNALS = (*handled, hangup)  # type: ignore[assignment]
