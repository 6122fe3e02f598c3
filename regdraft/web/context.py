"""One request as the review server's handlers see it (`Context`), and the endpoint every route goes through.

`endpoint(server, handler)` names the visitor (none without a valid link: the page asking for one), checks a POST's
CSRF token and origin (a form refused shows what was typed, to copy), runs the handler, and answers any refusal or
failure as a page in the interface's words (`web.languages`), never a bare 500 nor a traceback. `Context` renders the
server's own templates (`TEMPLATES`, seeing `PAGE_VALUES`) in worker threads, builds the heavy pages through
`web.builds`, and reads and writes the workspace in worker threads, a write holding the write lock. The routes are
`web.app`'s.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response

from regdraft.core.comments import MAX_TEXT
from regdraft.render.html import PageTemplate, environment
from regdraft.web import actions, answers, languages, pages, switch
from regdraft.web.builds import Gate, departure
from regdraft.web.guard import (
    ACCESS_COOKIE,
    CSRF_COOKIE,
    LOCAL,
    Visitor,
    back_to,
    csrf_ok,
    csrf_token,
    new_cookie,
    reader_mark,
)
from regdraft.web.kept import Busy, refused_form, typed
from regdraft.web.server import QUERY_NAMES, Server, kept_query
from regdraft.web.turns import MOST_WAITING
from regdraft.web.words import Words, worded
from regdraft.workspace.access import Role
from regdraft.workspace.api import RegulationSummary
from regdraft.workspace.store import Workspace

# The values of the server's pages that templates may use besides the documents' (`regdraft.render.reach`): the
# page data of `pages` and `answers`, the interface's words, the visitor. A workspace's `templates/` may replace
# these pages too.
PAGE_VALUES = frozenset({pages.Home, pages.AmendmentRow, pages.RoundRow, RegulationSummary, pages.RedlinePage,
                         pages.Badge, pages.Amended, answers.AnswerPage, answers.AnswerGroup, answers.AnswerItem, Words,
                         Visitor, Role})

TEMPLATES = Path(__file__).resolve().parent / "templates"
T = TypeVar("T")
Handler = Callable[["Context"], Any]


class Context:
    """One request as the handlers see it: the server, the visitor, the CSRF cookie and token."""

    def __init__(self, server: Server, request: Request, visitor: Visitor, ui: Words, identified: bool = True) -> None:
        self.server, self.request, self.visitor, self.ui = server, request, visitor, ui
        self.identified = identified  # False: a visitor with no valid link, who is named as no one
        self.cookie = request.cookies.get(CSRF_COOKIE) or new_cookie()
        self.fresh_cookie = CSRF_COOKIE not in request.cookies
        self.csrf = csrf_token(server.secret, self.cookie, visitor)
        self.queried: dict[str, str | None] = {}  # the parameters as a handler settled them (`settle`)

    def param(self, name: str) -> str:
        """A path parameter."""
        return str(self.request.path_params.get(name, ""))

    def query(self, name: str) -> str | None:
        """A query parameter, or None when absent or empty (as `settle` set it, when it did)."""
        if name not in QUERY_NAMES:  # a page is kept under the parameters named there only
            raise LookupError(f"query parameter {name!r} is not in server.QUERY_NAMES")
        if name in self.queried:
            return self.queried[name]
        return self.request.query_params.get(name) or None

    def settle(self, name: str, value: str | None) -> None:
        """Read the parameter `name` as `value` from now on, and keep the page under it: a revision as its commit."""
        self.queried[name] = value

    async def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A page of the server's own templates, rendered in a worker thread."""
        return self.respond(await run_in_threadpool(self.html, name, context), status)

    def html(self, name: str, context: Mapping[str, Any]) -> str:
        """A page of the server's own templates, a workspace template's redirection made inert (a worker thread's
        work: a big page is megabytes)."""
        from regdraft.render.policy import without_redirections

        globals_ = self.globals(**context)
        return without_redirections(_environment(self.server, name, globals_).get_template(name).render())

    def globals(self, **context: Any) -> dict[str, Any]:
        """What every page template sees."""
        return {"visitor": self.visitor, "identified": self.identified, "csrf": self.csrf, "links": self.server.links,
                "reader": reader_mark(self.visitor),
                "quote": quote, "ui": self.ui, "lang": self.ui.language, "typed": actions.TYPED,
                "most": MAX_TEXT, "language_switch": self.language_switch(), **context}

    def language_switch(self) -> tuple[str, str, str]:
        """The link to this page in the other language (`languages.switch_to`); a form's answer links to the page the
        form was sent from."""
        if self.request.method == "GET":
            return languages.switch_to(quote(self.request.url.path), {name: self.query(name)
                                                                      for name in languages.KEPT}, self.ui)
        path, hash_, fragment = back_to(self.request.url.path).partition("#")
        href, name, code = languages.switch_to(path, {}, self.ui)
        return href + hash_ + fragment, name, code

    def respond(self, html: str | bytes, status: int = 200) -> HTMLResponse:
        """An HTML response (made inert already: `html`, `page`) that also sets the CSRF cookie when the browser had
        none."""
        response = HTMLResponse(html, status, headers={"vary": languages.VARY})  # its words: `web.languages`
        if self.fresh_cookie:
            response.set_cookie(CSRF_COOKIE, self.cookie, httponly=True, samesite="strict")
        return response

    async def page(self, build: Callable[[Workspace, str], str], status: int = 200, shared: bool = True) -> Response:
        """A heavy page (`web.builds`): `build(ws, csrf)` renders it in a thread of its own, its forms carrying
        `csrf` (the server's placeholder, replaced here by this browser's token), a workspace template's redirection
        made inert there too. With `shared`, the page is shared with the same request of the same visitor and kept
        for the state it was built from: an address whose page says nothing of a form sent (`shared=False`)."""
        from regdraft.render.policy import without_redirections

        placeholder = self.server.placeholder
        body = await self.built(lambda ws: without_redirections(build(ws, placeholder)).encode(), shared,
                                self.server.pages)
        return self.respond(body.replace(placeholder.encode(), self.csrf.encode()), status)

    async def built(self, build: Callable[[Workspace], bytes], shared: bool, gate: Gate,
                    personal: bool = True, worded: bool = True) -> bytes:
        """`build(ws)` through `gate`, shared and kept under this address, the workspace's state, (`personal`: a
        page showing who reads it, or what they may read) the visitor and (`worded`: a page in the interface's words)
        the interface's language."""
        server = self.server
        query = kept_query(self.query) if shared else None
        # Looked at once: its state keys the page, and the redline kept for a commit is taken for it (`within`).
        look = await run_in_threadpool(server.look) if query is not None else None
        state = look.state if look is not None else None
        # Its words are the request's (`web.languages`): a page kept in one language is never handed out in the other.
        key = None if state is None else (self.request.url.path, query,
                                           (self.visitor, self.identified) if personal else None, state,
                                           self.ui.language if worded else None)
        return await gate.value(key, lambda: server.within(look, lambda: build(server.workspace())),
                                departure(self.request), None if state is None else lambda: server.same_state(state))

    async def run(self, read: Callable[[Workspace], T]) -> T:
        """Read the workspace in a worker thread."""
        return await run_in_threadpool(lambda: read(self.server.workspace()))

    async def write(self, action: Callable[[Workspace], T]) -> T:
        """Write to the workspace in a worker thread, holding the write lock; the server stopping meanwhile waits for
        it to end, and its answer is sent (`finished`)."""
        return await finished(lambda: self.server.write(action))


async def finished(work: Callable[[], T]) -> T:
    """`work()`'s result, run in a worker thread and awaited to its end even when the request is cancelled meanwhile.

    A write runs in a thread, which nothing stops half-way: the process waits for it before it exits, and it ends
    committed or undone (the store's journal). But SIGTERM or Ctrl-C made uvicorn cancel the requests still running
    after its grace (`connections.GRACE`): a comment being recorded then was committed while its member's browser was
    answered 500, the server's log holding a traceback. The request now waits for its write and answers what it did;
    the server's log says a write was waited for. The thread's future is no task (as `run_in_threadpool`'s is), so
    the cancelling of every task when the server's loop ends does not drop its result either."""
    import contextvars

    job = asyncio.get_running_loop().run_in_executor(_writers(), contextvars.copy_context().run, work)
    waited = False
    while True:
        try:
            return await asyncio.shield(job)
        except asyncio.CancelledError:
            if job.cancelled():
                raise
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()  # the stop's cancellation is taken: the write's answer is still to be sent
            if not waited:
                waited = True
                logging.getLogger("regdraft.review").warning(
                    "The server is stopping: a write in progress is finished first, and its answer sent.")


@cache
def _writers() -> ThreadPoolExecutor:
    """The threads writes run in, one process's servers sharing them: as many as the writes that may wait for their
    turn (`turns.MOST_WAITING`) and two, as Starlette's pool held them, apart from it (not asyncio's default pool of a
    few threads, which would queue writes before `turns` counts them). Its threads are waited for at exit."""
    return ThreadPoolExecutor(MOST_WAITING + 2, thread_name_prefix="regdraft-write")


def _environment(server: Server, name: str, globals_: Mapping[str, Any]) -> Any:
    return environment(server.root, PageTemplate(name, TEMPLATES, globals_, PAGE_VALUES))


def endpoint(server: Server, handler: Handler, public: bool = False) -> Callable[[Request], Any]:
    """The route's endpoint: who the visitor is, a POST's CSRF check, then `handler`; a refusal or a failure answered
    as a page in the interface's words, with what was typed kept to copy (the module's post-conditions)."""
    async def served(request: Request) -> Response:
        response = await answered(request)
        languages.remember(request, response)  # `?lang=en`: the choice kept for the next pages
        return response

    async def answered(request: Request) -> Response:
        visitor = server.visitor(request) if not public else LOCAL
        slug = request.path_params.get("slug") if visitor is not None else None
        ui = await run_in_threadpool(server.words, str(slug) if slug else None, languages.chosen(request))
        if visitor is None:  # not the drafting office either: the page names no one (it said "trên máy này")
            return await no_link(Context(server, request, LOCAL, ui, identified=False))
        context = Context(server, request, visitor, ui)
        if request.method == "POST":
            origin = request.headers.get("origin")
            host = request.headers.get("host", "")
            sent = (await request.form()).get("csrf")
            token = sent if isinstance(sent, str) else ""
            # A cross-site form carries its own origin; "null" (privacy settings) leaves it to the token.
            foreign = origin not in (None, "null") and origin.split("://", 1)[-1] != host
            if foreign or not csrf_ok(server.secret, request.cookies.get(CSRF_COOKIE, ""), visitor, token):
                # What was typed is shown to copy (a restarted server signs forms anew: reloading, as the page
                # advises, gave an empty form and the comment was lost); not for a form from another site.
                form = await request.form()
                kept = [] if foreign else typed(ui, form)
                what, back, where = refused_form(ui, request, form)
                title, message = ui("expired_title"), ui("expired", what=what)
                # A tab opened as another person of this browser, before it switched (`switch.access`).
                then = None if foreign or not server.links else await run_in_threadpool(
                    switch.opened_as, server.root, server.secret, request.cookies.get(CSRF_COOKIE, ""), visitor, token)
                if then is not None:
                    title, message = switch.switched_refusal(ui, visitor, then, what)
                return await context.render("web-message.html.j2", 403, title=title, message=message, kept=kept,
                                            back=back, back_label=ui("expired_back", where=where))
        try:
            if slug:  # read without `Server.workspace`'s conflict check: the handler makes it
                await run_in_threadpool(pages.known, Workspace(server.root), str(slug), ui)
            response: Response = await handler(context)
        except ClientDisconnect:
            raise  # no one to answer (`guard.Limits` ends the request)
        except Exception as raised:  # GitPython's own error too, as git's failure, logged: no bare 500 nor traceback
            exc = worded(raised, server.root)
            office = visitor.may_answer
            said: dict[str, Any] = {"title": ui.failed(exc.category, exc, office), "message": ui.said(exc, office)}
            if request.method == "POST":  # a form refused where its page cannot be shown: what was typed, to copy
                form = await request.form()
                _, back, where = refused_form(ui, request, form)
                said.update(kept=typed(ui, form), back=back, back_label=ui("expired_back", where=where))
            retry = exc.retry if isinstance(exc, Busy) else 0  # too many writes waiting: 503, to send again then
            response = await context.render("web-message.html.j2", 503 if retry else exc.category.http_status, **said)
            response.headers.update({"Retry-After": str(retry)} if retry else {})
        return response

    return served


async def no_link(context: Context) -> HTMLResponse:
    """The page for a visitor with no valid link (401): asking for the link, or, when the browser carries one that
    is no longer valid (revoked), saying so; it has no link to the start page, which is this same page again."""
    revoked = bool(context.request.cookies.get(ACCESS_COOKIE))
    ui = context.ui
    title, message = (ui("bad_link_title"), ui("bad_link")) if revoked else (ui("need_link_title"), ui("need_link"))
    return await context.render("web-message.html.j2", 401, title=title, message=message, home=False)


def no_page(server: Server) -> Callable[[Request, Exception], Any]:
    """The answer to an address that is no page (or a method it does not take), in the interface's words."""
    async def answer(request: Request, exc: Exception) -> Response:
        status = int(getattr(exc, "status_code", 404))
        visitor = server.visitor(request)
        ui = await run_in_threadpool(server.words, None, languages.chosen(request))
        context = Context(server, request, visitor or LOCAL, ui, identified=visitor is not None)
        if visitor is None:
            response = await no_link(context)
        else:
            response = await context.render("web-message.html.j2", status, title=ui("failed_unknown"),
                                            message=ui("no_page"))
        languages.remember(request, response)
        return response

    return answer
