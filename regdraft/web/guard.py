"""Who is asking, and the protections every request passes: size limits, headers, CSRF.

Post-conditions:
1. A request body larger than `MAX_BODY` bytes is answered 413 before any handler reads it, in
   the workspace's language (`language`, asked only then).
2. Every response carries a Content-Security-Policy that runs only the server's own script
   file, lets it ask only this server, fetches nothing from elsewhere, and forbids framing.
3. `csrf_token` is bound to the browser's CSRF cookie and the visitor's access link; a form
   whose token does not match is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from regdraft.workspace.access import Role

MAX_BODY = 64 * 1024
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


def csrf_token(secret: bytes, cookie: str, visitor: Visitor) -> str:
    """The token the forms of this browser and visitor carry."""
    return hmac.new(secret, f"{cookie}|{visitor.key}".encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, cookie: str, visitor: Visitor, sent: str) -> bool:
    """True when a form's token matches the browser's cookie and the visitor."""
    return bool(cookie) and bool(sent) and hmac.compare_digest(csrf_token(secret, cookie, visitor), sent)


def new_cookie() -> str:
    """A fresh random CSRF cookie value."""
    return secrets.token_urlsafe(24)


class Limits:
    """ASGI middleware: bounded request bodies and the security headers on every response."""

    def __init__(self, app: App, max_body: int = MAX_BODY, language: Callable[[], str] | None = None) -> None:
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
            await self._too_large(send)
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

        try:
            await self.app(scope, bounded, with_headers)
        except _TooLarge:
            await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        from starlette.concurrency import run_in_threadpool

        from regdraft.web.words import Words

        language = await run_in_threadpool(self.language) if self.language is not None else None
        await _too_large(send, Words.of(language)("too_large", limit=self.max_body // 1024))


class _TooLarge(Exception):
    pass


async def _too_large(send: Send, message: str) -> None:
    body = message.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"content-security-policy", POLICY.encode())]})
    await send({"type": "http.response.body", "body": body})
