"""The marks a redline page of the review server carries for its script: where each provision is
(`data-on`), the buttons choosing a part of one to comment on, the badge counting its comments, and
the page's data as JSON inside it.

Post-conditions:
1. Every mark is `Markup` built with `Markup.format`, so an address, a word or a comment's text is
   escaped; the JSON data block escapes `<`, `>` and `&`, so no text can close its element.
2. A part's button is named in the page's words for those who hear the page
   (`Góp ý vào đoạn mở đầu khoản 1 Điều 23`); a provision without comments has no badge. Both say their language
   (`lang`) inside a document written in another.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from regdraft.web import pages
from regdraft.web.words import Words


def _mark(address: Any) -> Markup:
    return Markup(' data-on="{}"').format(str(address))


def _spoken(ui: Words, document: str) -> Markup:
    """` lang="en"` on a mark of the interface's words inside a document of another language; nothing otherwise."""
    return Markup(' lang="{}"').format(ui.language) if document and document != ui.language else Markup("")


def _part_marks(ui: Words, document: str = "") -> Callable[[Sequence[Any], Sequence[Any]], tuple[Markup, Markup]]:
    """The marks of the parts of a unit (`render.fragments.MarkParts`): a paragraph names the parts it lies in
    (`data-part`, space-separated), and the first paragraph of each begins with a button choosing it to comment
    on (`data-pick`), named in words for those who hear the page (`Góp ý vào đoạn mở đầu khoản 1 Điều 23`), in their
    language when the `document`'s is another."""
    spoken = _spoken(ui, document)

    def marks(held: Sequence[Any], starting: Sequence[Any]) -> tuple[Markup, Markup]:
        attribute = Markup(' data-part="{}"').format(" ".join(str(a) for a in held))
        if not starting:
            return attribute, Markup("")
        buttons = Markup("").join(
            Markup('<button type="button" class="part-pick" data-pick="{}" title="{}" aria-label="{}"{}></button>')
            .format(str(a), name, name, spoken) for a, name in ((a, ui("pick_part", part=a.describe(ui.language)))
                                                                for a in starting))
        return attribute, Markup('<span class="part-picks">{}</span>').format(buttons)

    return marks


def _badge(page: pages.RedlinePage, address: Any, ui: Words, document: str = "") -> Markup:
    badge = page.badges.get(str(address))
    if badge is None:
        return Markup("")
    states = " ".join(f"state-{state}" for state, _ in badge.states)
    target = f"/a/{quote(page.slug)}/comments" + (f"?round={page.round.number}" if page.round else "")
    # Named once with the provision it is on (`1 ý kiến · không thay đổi về điểm b khoản 1 Điều 12`); its words are
    # not the provision's, so review.css leaves them out of a copy of its text (`user-select: none`).
    about = ui("badge_about", badge=badge.text(ui), provision=address.describe(ui.language)) \
        if hasattr(address, "describe") else badge.text(ui)
    return Markup('<a class="badge {}" aria-label="{}" href="{}#on-{}"{}>{}</a> ').format(
        states, about, target, page.anchor(badge.on or str(address)), _spoken(ui, document), badge.text(ui))


def _json_data(data: Any) -> Markup:
    """JSON for a data block: `<`, `>` and `&` escaped, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))
