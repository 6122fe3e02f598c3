"""The review server's routes: pages, forms and downloads over one workspace (Starlette).

Handlers are async; everything that reads or writes the workspace runs in a worker thread,
and every write holds the workspace's write lock, so simultaneous submissions are recorded one
after the other as separate commits. The marks a redline page carries for its script are `web.page_marks`; a request
as the handlers see it, and the endpoint every route goes through (the visitor, the CSRF check, a refusal or failure
as a page), are `web.context`.

Post-conditions:
1. Without access links (`links=False`) the visitor is the local drafter, and only requests
   addressed to 127.0.0.1 or localhost are served (no DNS rebinding).
2. With access links, a request without a valid link's cookie sees only the page asking for one.
3. Every POST is refused (403) unless its CSRF token matches the browser's cookie.
4. A refused write answers with the same page, the reason and everything the person typed.
5. Every page's own words (`words.yaml`) are in the language the member chose, else their browser's, else that of the
   amendment it shows (`web.languages`), and `<html lang>` says which; a document shown keeps its own language, its
   `<main>` saying it when it differs.
6. A reviewer's comment form sent faster than `web.pace` allows is answered 429 with `Retry-After` before the write
   lock is taken, and so is a reviewer's answer (403): neither holds the others' submissions.
7. No page is rendered on the event loop: every template is rendered in a worker thread. The heavy pages (redline,
   comments, report) and the report downloads are built through `web.builds`: a few at a time (PDFs one at a time),
   once for each state (`Server.state`), the page for a state and address kept for the next visitor's request.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from regdraft.core.errors import Category, RegdraftError
from regdraft.render.html import PageTemplate
from regdraft.web import actions, answers, circulated, edits, languages, pace, pages, sizes, switch
from regdraft.web.context import PAGE_VALUES, Context, endpoint, no_page
from regdraft.web.context import TEMPLATES as TEMPLATES  # the server's templates, read from here by tests
from regdraft.web.guard import Limits, worst_body
from regdraft.web.kept import Busy
from regdraft.web.page_marks import _badge, _json_data, _mark, _part_marks
from regdraft.web.provision_texts import packed
from regdraft.web.server import Server, commits
from regdraft.web.words import Words, refuse
from regdraft.workspace.store import Workspace

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
LOCAL_HOSTS = ["127.0.0.1", "localhost"]


def create_app(root: Path, *, links: bool = False, secret: bytes | None = None) -> Starlette:
    """The review application over the workspace at `root`."""
    from regdraft.render.pdf import ENGINE

    ENGINE.configure(pause_gc=False)  # a server's other threads allocate while a PDF is laid out
    server = Server(root, links=links, secret=secret)
    routes = [
        Route("/", endpoint(server, _home)),
        Route("/access/{token}", endpoint(server, switch.access, public=True)),
        Route("/access/{token}", endpoint(server, switch.confirmed, public=True), methods=["POST"]),
        Route("/a/{slug}", endpoint(server, _amendment)),
        Route("/a/{slug}/redline", endpoint(server, _redline)),
        Route("/a/{slug}/provision", endpoint(server, _provision)),
        Route("/a/{slug}/comments", endpoint(server, _comments)),
        Route("/a/{slug}/comments", endpoint(server, _add_comment), methods=["POST"]),
        Route("/a/{slug}/comments/{cid}/respond", endpoint(server, _respond), methods=["POST"]),
        Route("/a/{slug}/comments/{cid}/accept", endpoint(server, _accept), methods=["POST"]),
        Route("/a/{slug}/comments/{cid}/withdraw", endpoint(server, _withdraw), methods=["POST"]),
        Route("/a/{slug}/comments/{cid}/edit", endpoint(server, _edit), methods=["POST"]),
        Route("/a/{slug}/report", endpoint(server, _report)),
        Route("/a/{slug}/report.{fmt}", endpoint(server, _download)),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        Route("/favicon.ico", lambda _request: Response(status_code=204)),  # asked on every page: a 404 was an error
    ]
    # The bound of a request's body is what the forms let a browser type (a comment at the form's limits was refused).
    middleware = [Middleware(Limits, max_body=worst_body(actions.FIELDS),
                             language=lambda scope: server.words(None, languages.chosen(Request(scope))).language)]
    if not links:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=LOCAL_HOSTS))
    # Compressed for a browser that asks: a long law's redline is a megabyte of HTML, a ninth of it gzipped. Its CSRF
    # token cannot be guessed from the sizes of pages another site makes the browser ask for (BREACH): the cookie it
    # is bound to is `SameSite=Strict`, so such a page carries another token.
    middleware.append(Middleware(GZipMiddleware, minimum_size=1024, compresslevel=6))
    missing = no_page(server)
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={404: missing, 405: missing})
    app.state.server = server  # its gates, for the tests that hold a build
    return app


# -- pages ------------------------------------------------------------------------------------


async def _home(c: Context) -> Response:
    data = await c.run(pages.home)
    return await c.render("web-home.html.j2", home=data)


async def _amendment(c: Context) -> Response:
    return RedirectResponse(f"/a/{quote(c.param('slug'))}/redline", 303)


def _round_param(c: Context, value: str | None) -> int | None:
    if value is None:
        return None
    number = actions.round_number(value)
    if number is None:
        raise refuse(c.ui, Category.USAGE, "not_round_number", value=value)
    return number


async def _redline(c: Context, form: Mapping[str, str] | None = None, error: str = "", status: int = 200,
                   round_number: int | None = None, confirm: bool = False) -> Response:
    slug = c.param("slug")
    number = round_number if round_number is not None else _round_param(c, c.query("round"))
    rev_from, rev_to = c.query("from"), c.query("to")
    if rev_from is not None or rev_to is not None:  # as commits, before a cache is asked (`server.commits`)
        asked = rev_from or "HEAD", rev_to
        rev_from, rev_to = await c.run(lambda ws: commits(ws, asked, c.ui))
        c.settle("from", rev_from)
        c.settle("to", rev_to)
    regulation = (form or {}).get("regulation") or c.query("regulation")

    def build(ws: Workspace, csrf: str) -> str:
        from regdraft.render.redline import render_html
        from regdraft.workspace.profiles import profile_for

        # Checked before the cache, which a drafter's request may have filled with a draft never circulated.
        pages.circulated_only(ws, slug, c.visitor.may_answer, rev_from, rev_to, c.ui)
        # Kept for the interface's language too: the page's heading and provision names are in its words.
        redline, page = c.server.cached(ws, ("redline", slug, number, rev_from, rev_to, regulation, c.ui.language),
                                        lambda: pages.redline_page(ws, slug, number, rev_from, rev_to, regulation,
                                                                   c.ui), sizes.redline_bytes)
        document = redline.comparison.new.language  # the document's own words, in <main>, whatever the interface's
        if not c.visitor.may_answer:  # a member reads the versions by round and draft: commit ids meant nothing to them
            redline, page = circulated.as_member(ws, redline, page, (rev_from, rev_to), c.ui, Words.of(document))
        globals_ = c.globals(csrf=csrf, page=page, form=form or {}, error=error, added=c.query("added"),
                             again=c.query("again"), same=c.query("same"),
                             left=_left_out(c), texts_json=_json_data(packed(page.texts)),
                             annotate=True, mark=_mark, confirm=confirm,
                             badge=lambda address: _badge(page, address, c.ui, document),
                             mark_parts=_part_marks(c.ui, document) if page.commenting else None)
        profile = profile_for(ws, redline.comparison.new.meta)
        return render_html(redline, workspace_root=ws.root, profile=profile,
                           page=PageTemplate("web-redline.html.j2", TEMPLATES, globals_, PAGE_VALUES))

    return await c.page(build, status, shared=form is None and not error and round_number is None)


def _left_out(c: Context, saved: str = "added") -> list[str]:
    """The notes on what a comment (or an answer, an edit: `saved` is `done`) just recorded lost as typed
    (`web.left_out`), in the page's words."""
    if not c.query(saved) or not c.query("left"):
        return []
    from regdraft.web import left_out

    return left_out.said(c.query("left"), c.ui)


async def _provision(c: Context) -> Response:
    """What an address typed in words names (`khoản 1 Điều 19` -> `{"on": "d19.k1"}`), read as a comment reads it;
    `""` when it names none. The form chooses it as a click would (the short form alone was chosen)."""
    from starlette.responses import JSONResponse

    from regdraft.core.comments import canonical_on

    try:
        on = canonical_on((c.query("words") or "")[:100])
    except RegdraftError:
        on = ""
    return JSONResponse({"on": on})


async def _comments(c: Context, form: Mapping[str, str] | None = None, error: str = "", target: str = "",
                    status: int = 200, number: int | None = None, confirm: bool = False) -> Response:
    slug, shown = c.param("slug"), number or _round_param(c, c.query("round"))

    def build(ws: Workspace, csrf: str) -> str:
        data = answers.answer_page(ws, slug, shown, c.ui)
        done = c.query("done")
        answered = next((item.comment for group in data.groups for item in group.items if item.comment.id == done),
                        None)
        changed = ""
        if answered and answered.accepted_in and c.query("accepted") == "1":
            # A proposal accepted: which instructions of the amending document its commit added, changed or
            # renumbered (the notice said only that the answer was saved, while other instructions were rewritten).
            changed = answers.document_changes(ws, slug, answered.accepted_in, c.ui)
        # A refusal about a comment the page does not list (its file does not read: `unreadable_comments`) is said at
        # the top, with what was typed.
        unlisted = bool(target) and not any(item.comment.id == target for group in data.groups for item in group.items)
        # The notice stands in the comment answered: the address's `#c-0e44-saved` brings it into view, and focus.
        return c.html("web-comments.html.j2", {"csrf": csrf, "page": data, "form": form or {}, "error": error,
                                               "target": "" if unlisted else target, "unlisted": unlisted,
                                               "done": done, "done_here": answered is not None,
                                               "as_is": c.query("as_is") == "1", "changed": changed,
                                               "withdrawn": c.query("withdrawn") == "1",
                                               "edited": c.query("edited") == "1", "confirm": confirm,
                                               "same": c.query("same") == "1",
                                               "withdrawal": actions.withdrawal, "again": c.query("again") == "1",
                                               "left": _left_out(c, "done")})

    return await c.page(build, status, shared=form is None and not error and number is None)


async def _report(c: Context) -> Response:
    slug = c.param("slug")
    number = _round_param(c, c.query("round"))

    def build(ws: Workspace, csrf: str) -> str:
        from regdraft.render.report import html_text
        from regdraft.workspace.profiles import profile_for
        from regdraft.workspace.rounds import build_report

        pages.round_shown(ws, slug, number, c.ui)  # no such round: said in the page's words, as the others do
        report = build_report(ws, slug, number)
        named = pages.document_named(ws, slug, report.meta)
        page = PageTemplate("web-report.html.j2", TEMPLATES,
                            c.globals(csrf=csrf, slug=slug, number=report.round.number, document_name=named),
                            PAGE_VALUES)
        return html_text(report, ws.root, profile_for(ws, report.meta), dt.date.today(), page)

    return await c.page(build)


async def _download(c: Context) -> Response:
    slug, fmt = c.param("slug"), c.param("fmt")
    if fmt == "html":  # the report as HTML is the report page (`round report --format html` names it so)
        query = c.request.url.query
        return RedirectResponse(f"/a/{quote(slug)}/report" + (f"?{query}" if query else ""), 303)
    if fmt not in ("pdf", "docx", "csv", "xlsx"):
        raise refuse(c.ui, Category.USAGE, "not_format", value=fmt)
    number = _round_param(c, c.query("round"))

    def build(ws: Workspace) -> bytes:
        from regdraft.render.report import write_report
        from regdraft.workspace.profiles import profile_for
        from regdraft.workspace.rounds import build_report

        pages.round_shown(ws, slug, number, c.ui)
        report = build_report(ws, slug, number)
        with tempfile.TemporaryDirectory(prefix="regdraft-report-") as folder:
            target = Path(folder) / f"report.{fmt}"
            write_report(report, target, workspace_root=ws.root, profile=profile_for(ws, report.meta))
            return b"%d\n" % report.round.number + target.read_bytes()  # the round's number names the file

    # The same for every member (nothing of it is the visitor's, nor in the interface's words): twenty members pressing
    # PDF wait for one build.
    built = await c.built(build, True, c.server.pdfs if fmt == "pdf" else c.server.pages, personal=False, worded=False)
    named, _, data = built.partition(b"\n")
    round_number = int(named)
    kinds = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    name = f"bao-cao-tiep-thu-{slug}-vong-{round_number}.{fmt}"
    return Response(data, headers={"content-type": kinds[fmt], "content-disposition": f'attachment; filename="{name}"'})


# -- forms ------------------------------------------------------------------------------------


async def _add_comment(c: Context) -> Response:
    slug = c.param("slug")
    form = await c.request.form()
    values = actions.form_values(form)
    fast = await run_in_threadpool(pace.refusal, c.server.pace, c.server.root, c.visitor, c.ui)
    if fast:  # a reviewer's link sending faster than a person writes: refused before the write lock, nothing written
        refused = await _redline(c, values, fast[0], 429, actions.round_number(values["round"]))
        refused.headers["Retry-After"] = str(fast[1])
        return refused
    try:
        done = await c.write(lambda ws: actions.add_comment(ws, c.visitor, slug, values, c.ui))
    except Busy:
        raise  # shown with what was typed (`_page`): the redline, read now, would wait for the sync again
    except RegdraftError as exc:
        number = actions.round_number(values["round"])
        # A proposal that would delete points or clauses: the form, as typed, offers to record it all the same.
        return await _redline(c, values, c.ui.said(exc, c.visitor.may_answer), exc.category.http_status, number,
                              confirm=isinstance(exc, actions.WouldDrop))
    # A form sent twice (Back, then Send) says so (nothing recorded now); so does a proposal that changes nothing.
    where = (f"/a/{quote(slug)}/redline?round={done.round}&added={done.comment.id}{'&again=1' if done.again else ''}"
             + ("&same=1" if done.same else ""))
    from regdraft.web import left_out

    if not done.again and (left := left_out.as_query(left_out.typed(form))):  # what the texts lost, said there
        where += f"&left={quote(left)}"
    if values["regulation"]:
        where += f"&regulation={quote(values['regulation'])}"
    return RedirectResponse(f"{where}#on-{done.comment.on}", 303)


async def _respond(c: Context) -> Response:
    return await _answer(c, actions.respond)


async def _accept(c: Context) -> Response:
    return await _answer(c, actions.accept)


async def _withdraw(c: Context) -> Response:
    """A member takes back their own comment the office has not answered (`actions.withdraw`)."""
    return await _answer(c, actions.withdraw, drafters_only=False)


async def _edit(c: Context) -> Response:
    """A member rewords their own comment the office has not answered (`edits.edit`)."""
    return await _answer(c, edits.edit, drafters_only=False)


async def _answer(c: Context, action: Callable[..., Any], drafters_only: bool = True) -> Response:
    slug, cid = c.param("slug"), pages.comment_id(c.param("cid"), c.ui)
    form = await c.request.form()
    values = actions.form_values(form)
    try:
        # Refused before the write lock, which a reviewer's script would otherwise hold.
        if drafters_only and not c.visitor.may_answer:
            raise refuse(c.ui, Category.FORBIDDEN, "only_drafters")
        done: Any = None
        if not drafters_only:  # another's comment, or one answered: read, not written; one withdrawn already: said so
            done = await c.run(lambda ws: edits.own_form(ws, c.visitor, slug, cid, c.ui, action is actions.withdraw))
            button = "edit_save" if action is edits.edit else "withdraw"  # each write paced as a comment form (429)
            paced = None if done else await run_in_threadpool(pace.refusal, c.server.pace, c.server.root, c.visitor,
                                                              c.ui, button)
            if paced:
                raise pace.TooFast(*paced)
        done = done or await c.write(lambda ws: action(ws, c.visitor, slug, cid, values, c.ui))
    except Busy:
        raise
    except RegdraftError as exc:
        # Shown on the page of the comment's own round, beside it, with what was typed kept (a form sent
        # after its round closed showed the latest round's page: no reason, and the reply gone).
        refused = await _comments(c, values, c.ui.said(exc, c.visitor.may_answer), cid,
                                  429 if isinstance(exc, pace.TooFast) else exc.category.http_status,
                                  number=await c.run(lambda ws: actions.round_of(ws, slug, cid)),
                                  confirm=isinstance(exc, actions.WouldDrop))
        if isinstance(exc, pace.TooFast):
            refused.headers["Retry-After"] = str(exc.seconds)
        return refused
    # Accepted with nothing to write (the draft already read as proposed), or an answer the comment already had (sent
    # twice, saved again unchanged): the page says so, not "saved" alone; nor the 409 and git's command line it was.
    unwritten = {actions.AcceptedAsIs: "&as_is=1", actions.AnsweredAgain: "&again=1"}.get(type(done), "")
    said, done = (unwritten, done.comment) if unwritten else ("&accepted=1" if action is actions.accept else "", done)
    # Sent twice: withdrawn (edited) all the same.
    said = {actions.withdraw: "&withdrawn=1", edits.edit: "&edited=1"}.get(action, said)
    if isinstance(done, edits.Edited):  # a wording edited into the provision's text: said to change nothing
        said, done = said + ("&same=1" if done.same else ""), done.comment
    # What the texts typed lost (a reword's, an answer's reply), said beside the notice as the comment form says it.
    from regdraft.web import left_out

    # An answer sent twice was said the first time; a withdrawal has no text.
    typed = {actions.withdraw: None, edits.edit: "edit"}.get(action, "answer")
    if typed and unwritten != "&again=1" and (left := left_out.as_query(left_out.typed(form, typed))):
        said += f"&left={quote(left)}"
    # To the notice in the comment answered (`#c-0e44-saved`): focusable, it is given the focus, and the next Tab goes
    # on to the next comment. `#c-0e44` brought the comment into view and took the focus off the page (Chromium does).
    return RedirectResponse(f"/a/{quote(slug)}/comments?round={done.round}&done={done.id}{said}#c-{done.id}-saved",
                            303)
