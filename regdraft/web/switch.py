"""Opening an access link (`/access/TOKEN`): the browser takes the link's identity, asked first when it has another.

Post-conditions:
1. A valid link opened in a browser with no valid access cookie, or with the same link's, sets the cookie and
   goes to the start page at once (a member opening the link from an email or a chat, a navigation from another
   site, is not stopped).
2. A valid link opened in a browser signed in with another valid link changes nothing: a page names both
   identities and asks; only its form (a POST with the page's CSRF token, from this server) switches. Any site
   could send a member's browser to another member's link (`<script>location=…</script>`), and what they wrote
   next was recorded under that name and body.
3. An unknown or revoked link is refused (403) with a page that names no one.
4. A form from a page opened as another valid link of this browser (a tab left open before a switch) is refused
   saying so: who the browser is now signed in as, who the page was opened as, that what was typed is kept, and
   that sending it again records it as the person now signed in unless the other opens their own link again (it
   was refused as a form from before a restart, and the advice to reopen the page filed it under the other name).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from starlette.responses import RedirectResponse, Response

from regdraft.web.guard import ACCESS_COOKIE, Visitor, csrf_ok
from regdraft.workspace.access import links, lookup
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.web.context import Context
    from regdraft.web.words import Words


async def access(c: Context) -> Response:
    """GET: sign in with the link, or ask first when the browser is signed in as someone else."""
    token = c.param("token")
    link = await c.run(lambda ws: lookup(ws, token))
    c.identified = False  # whoever opened it, these pages are about the link: the bar names no one
    if link is None:
        return await _bad_link(c)
    current = c.server.visitor(c.request) if c.server.links else None
    if current is None or current.key == link.key:
        return _signed_in(token)
    other = Visitor(link.name, link.body, link.role, link.key)
    now, then = _named(c.ui, current), _named(c.ui, other)
    return await c.render("web-switch.html.j2", title=c.ui("switch_title"),
                    message=c.ui("switch_message", current=now, other=then), token=token,
                    confirm_label=c.ui("switch_confirm", other=then), keep_label=c.ui("switch_keep", current=now))


async def confirmed(c: Context) -> Response:
    """POST (the question's form, its CSRF token checked by `context.endpoint`): sign in with the link."""
    token = c.param("token")
    link = await c.run(lambda ws: lookup(ws, token))
    if link is None:
        c.identified = False
        return await _bad_link(c)
    return _signed_in(token)


async def _bad_link(c: Context) -> Response:
    """An unknown or revoked link refused (403), leading to the start page only when the browser may open it (signed
    in with another valid link): without, that page was the refusal asking for a link again."""
    home = c.server.visitor(c.request) is not None
    return await c.render("web-message.html.j2", 403, title=c.ui("bad_link_title"), message=c.ui("bad_link"),
                          home=home)


def _signed_in(token: str) -> Response:
    response = RedirectResponse("/", 303)
    # Lax, not strict: a link opened from webmail or a chat is a navigation from another site, and a strict
    # cookie was not sent on it, nor on the redirect after it ("Cần đường dẫn truy cập", however often
    # opened). Writes still need the form's token and a same-origin request.
    response.set_cookie(ACCESS_COOKIE, token, httponly=True, samesite="lax", max_age=90 * 24 * 3600)
    return response


def _named(ui: Words, visitor: Visitor) -> str:
    """A link's person as the navigation bar names them: `An (Ban Tổ chức Tỉnh ủy), người góp ý`."""
    body = ui("who_body", body=visitor.body) if visitor.body else ""
    return ui("who", name=visitor.name, body=body, role=ui("role_" + visitor.role.value))


def opened_as(root: Path, secret: bytes, cookie: str, now: Visitor, sent: str) -> Visitor | None:
    """The person of another valid link whose page (in this browser, its CSRF cookie) made the form's token `sent`:
    the page was opened as them before the browser switched to `now`. None when no such link made it."""
    for link in links(Workspace(root)):
        then = Visitor(link.name, link.body, link.role, link.key)
        if link.key != now.key and csrf_ok(secret, cookie, then, sent):
            return then
    return None


def switched_refusal(ui: Words, now: Visitor, then: Visitor, what: str) -> tuple[str, str]:
    """The title and sentence of a form refused because the browser switched person after its page was opened."""
    return ui("switched_title"), ui("switched", current=_named(ui, now), then=_named(ui, then), what=what,
                                    then_name=then.name)
