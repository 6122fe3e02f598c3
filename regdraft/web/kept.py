"""What a refused form held, kept for the person who sent it: what they typed, to copy, and the page to send it from.

A form the server cannot record (its token expired, another write held the workspace too long, a sync stopped) is
answered with a page that shows the comment, the proposed wording or the reply as typed, never an empty page: the
text was lost when a member reloaded (review.md, "A refused write").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from starlette.requests import Request

from regdraft.core.errors import Category, RegdraftError
from regdraft.web.words import Refused, Words

BUSY_WAIT = 8.0  # seconds a request waits for another write (a sync) to finish before it is refused, to send again
CROWDED_RETRY = 5  # seconds a write refused as too many wait (`turns.Crowded`) is asked to wait (`Retry-After`)


class Busy(Refused):
    """A request that waited `BUSY_WAIT` seconds for another write (a sync) to finish, or (`retry` seconds given)
    one refused at once as too many of the server's writes waited already (503, `Retry-After`): nothing was
    written."""

    def __init__(self, words: Words, key: str, retry: int = 0, **fields: object) -> None:
        super().__init__(words(key, **fields), Category.STATE, key, fields)
        self.retry = retry


def typed(ui: Words, form: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What a refused form held that a person typed (the comment, the proposed wording, the reply), with its label."""
    return [(ui(label), value) for key, label in (("text", "field_text"), ("proposal", "proposed_wording"),
                                                  ("reply", "field_reply"))
            if isinstance(value := form.get(key), str) and value.strip()]


def refused_form(ui: Words, request: Request, form: Mapping[str, Any]) -> tuple[str, str, str]:
    """What a refused form was (`góp ý về khoản 2 Điều 5`), the page to send it from again (the provision on the
    redline, the comment on the comments page) and that page named for its link."""
    from regdraft.core.comments import canonical_on
    from regdraft.core.model import Address

    slug, cid = str(request.path_params.get("slug") or ""), str(request.path_params.get("cid") or "")
    if not slug:
        return ui("expired_page"), "/", ui("expired_page")
    if cid:
        name = ui("comment_id", id=cid)
        return ui("expired_reply", id=cid), f"/a/{quote(slug)}/comments#c-{quote(cid)}", name
    fields = {key: value.strip() for key in ("on", "round", "regulation")
              if isinstance(value := form.get(key), str)}
    query = "&".join(f"{key}={quote(fields[key])}" for key in ("round", "regulation") if fields.get(key))
    back = f"/a/{quote(slug)}/redline" + (f"?{query}" if query else "")
    try:
        on = canonical_on(fields.get("on") or "general")
        provision = Address.parse(on).describe(ui.language) if on != "general" else ""
    except (RegdraftError, ValueError):
        on, provision = "", f"“{fields.get('on')}”"
    if not provision:
        return ui("expired_general"), back, ui("expired_page")
    return ui("expired_on", provision=provision), f"{back}#on-{quote(on)}" if on else back, provision
