"""Who is asking, and the protections every request passes: size limits, headers, CSRF.

Post-conditions:
1. A request body larger than its bound is answered 413 before any handler reads it, in the
   interface's language (`language(scope)`, asked only then: `web.languages`), as a page with a way back to the form's
   page and a link to it in the other language.
   The server's bound is `worst_body` of its forms' fields: whatever a form lets a browser type is
   taken (a Vietnamese comment at the form's limits was refused, the text gone), and no more.
2. Every response carries a Content-Security-Policy that runs only the server's own script
   file, lets it ask only this server, fetches nothing from elsewhere, and forbids framing.
3. A request whose sender leaves (or is closed for sending too slowly) before its body is in ends quietly: no
   traceback in the server's log for each one.
4. `csrf_token` is bound to the browser's CSRF cookie and the visitor's access link; a form
   whose token does not match is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft.workspace.access import Role

if TYPE_CHECKING:
    from regdraft.web.words import Words

MAX_BODY = 64 * 1024  # a bound for a server without forms; the review server's is `worst_body(actions.FIELDS)`
TOKEN = 64  # characters of a CSRF token (`csrf_token`: a SHA-256 in hex)
CSRF_COOKIE = "regdraft_csrf"
ACCESS_COOKIE = "regdraft_access"
# `connect-src 'self'`: the form asks the server what an address typed in words names (`/a/{slug}/provision`).
POLICY = ("default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Visitor:
    """The person behind a request: from an access link, or the local user (a drafter, any body)."""

    name: str
    body: str
    role: Role
    key: str

    @property
    def may_answer(self) -> bool:
        """Only drafters answer comments and accept proposals."""
        return self.role is Role.DRAFTER

    def may_comment_as(self, body: str) -> bool:
        """A reviewer comments only as the body of their link; a drafter records any body's comment."""
        from regdraft.core.comments import same_body

        return self.role is Role.DRAFTER or same_body(self.body, body)


LOCAL = Visitor("", "", Role.DRAFTER, "local")


def reader_mark(visitor: Visitor) -> str:
    """What a page names its reader by for its script (`data-reader` on the navigation bar): the same for every page
    and server start of one access link (the local user: one mark), another for another link. review.js keeps what is
    typed in the tab's storage under it, so a draft typed as one person is never offered to another who opens their
    link in the same tab (r39 sweep BX F3). A digest of the link's id, not the id `review revoke` takes; no secret."""
    return hashlib.sha256(f"regdraft reader|{visitor.key}".encode()).hexdigest()[:16]


def csrf_token(secret: bytes, cookie: str, visitor: Visitor) -> str:
    """The token the forms of this browser and visitor carry."""
    return hmac.new(secret, f"{cookie}|{visitor.key}".encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, cookie: str, visitor: Visitor, sent: str) -> bool:
    """True when a form's token matches the browser's cookie and the visitor."""
    return bool(cookie) and bool(sent) and hmac.compare_digest(csrf_token(secret, cookie, visitor), sent)


def worst_body(fields: Mapping[str, int]) -> int:
    """The most bytes a form of `fields` (each name's limit, counted as `maxlength` counts: UTF-16 code units) and
    its CSRF token can be sent as, form-urlencoded as browsers send forms: every unit a character of 3 UTF-8 bytes
    (a surrogate pair is 4 bytes for two units; a line break, CR LF, 2 for one), each byte `%XX`, with the names,
    `=` and `&`; rounded up to a whole KiB."""
    most = sum(len(name) + 2 + 3 * len("%XX") * limit for name, limit in {**fields, "csrf": TOKEN}.items())
    return -(-most // 1024) * 1024


def new_cookie() -> str:
    """A fresh random CSRF cookie value."""
    return secrets.token_urlsafe(24)


class Limits:
    """ASGI middleware: bounded request bodies and the security headers on every response."""

    def __init__(self, app: App, max_body: int = MAX_BODY, language: Callable[[Scope], str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.language = language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_body:
            await self._too_large(scope, send)
            return
        received = 0

        async def bounded() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise _TooLarge()
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", POLICY.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"),
                         (b"cache-control", b"no-store")]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        from starlette.requests import ClientDisconnect

        try:
            await self.app(scope, bounded, with_headers)
        except _TooLarge:
            await self._too_large(scope, send)
        except ClientDisconnect:
            pass  # the sender left, or was too slow (`web.connections`) and was answered there: nothing to say

    async def _too_large(self, scope: Scope, send: Send) -> None:
        from starlette.concurrency import run_in_threadpool

        from regdraft.web.words import Words

        language = await run_in_threadpool(self.language, scope) if self.language is not None else None
        ui = Words.of(language)
        await _too_large(send, _refusal_page(ui, ui("too_large_title"), ui("too_large", limit=self.max_body // 1024),
                                             back_to(str(scope.get("path") or "")), ui("too_large_back")))


class _TooLarge(Exception):
    pass


def back_to(path: str) -> str:
    """The page a refused form came from, as far as its address tells: the amendment's redline (`/a/{slug}/…`)
    or the comments page (a reply's form), else the start page. The body, unread, cannot say the provision."""
    from urllib.parse import quote

    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "a" and parts[2]:
        slug = quote(parts[2])
        if len(parts) > 5 and parts[3] == "comments":
            return f"/a/{slug}/comments#c-{quote(parts[4])}"
        return f"/a/{slug}/redline"
    return "/"


def _refusal_page(ui: Words, title: str, message: str, back: str, back_label: str) -> str:
    """A whole page for a refusal made before the application (no template reached): its title, the sentence and
    the way back."""
    from markupsafe import escape

    from regdraft.web.languages import switch_to

    path, hash_, fragment = back.partition("#")
    href, name, code = switch_to(path, {}, ui)  # the page the form came from, in the other language
    return (f'<!DOCTYPE html>\n<html lang="{escape(ui.language)}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)}</title><link rel="stylesheet" href="/static/review.css"></head>\n'
            f'<body><nav class="review-nav"><a class="language" href="{escape(href + hash_ + fragment)}" '
            f'hreflang="{code}" lang="{code}">{escape(name)}</a></nav>\n'
            f'<main><h1>{escape(title)}</h1>\n<p class="error" role="alert">{escape(message)}</p>\n'
            f'<p><a href="{escape(back)}">{escape(back_label)}</a></p></main></body></html>\n')


async def _too_large(send: Send, page: str) -> None:
    from regdraft.web.languages import VARY

    body = page.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"vary", VARY.encode()),
                            (b"content-length", str(len(body)).encode()),
                            (b"content-security-policy", POLICY.encode())]})
    await send({"type": "http.response.body", "body": body})
