"""The Word review copy of a circulated draft: what the bodies consulted in a round receive,
annotate with Word comments or Track Changes, and send back.

Post-conditions of `write_review_copy`:
1. The document holds the amending document (as in `amend export`), then the text as amended,
   in the document profile; every page header names the round and the draft number.
2. Every paragraph of a provision (and of an instruction, for the provision it names) sits in a
   hidden bookmark carrying the provision's address (`regdraft.core.replies.bookmark_name`),
   so that `regdraft comment import` places a reply's comments and changes exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.render.consolidated import (
    Bookmarks,
    _add,
    _front,
    _runs,
    _signature,
    _styles,
    _write_blocks,
    amendment_blocks,
    amendment_header,
    regulation_blocks,
)

if TYPE_CHECKING:
    from regdraft.core.amend import Amendment
    from regdraft.core.comments import Round
    from regdraft.core.model import Regulation
    from regdraft.render.profile import Profile


def round_line(r: Round, words: Mapping[str, str]) -> str:
    """`Lấy ý kiến vòng 1: … – Dự thảo lần 2 (hạn 15/03/2025)`: what the page header says, in a profile's words."""
    try:
        shown = f"{dt.date.fromisoformat(r.due):%d/%m/%Y}"
    except ValueError:
        shown = r.due
    due = words["review_due"].format(date=shown) if shown else ""
    return words["review_round"].format(round=r.number, title=f": {r.title}" if r.title else "", draft=r.draft,
                                        due=due)


def write_review_copy(amendment: Amendment, draft: Regulation, r: Round, profile: Profile, output: Path,
                      today: dt.date) -> None:
    """Write the Word review copy of the draft circulated in round `r`."""
    from regdraft.render.docx import add_run, new_document, paragraph, save

    language = amendment.language
    words = profile.words(language)
    document = new_document(profile)
    names = _styles(document, profile, language)
    header = amendment_header(amendment, profile, today)
    _front(document, header, profile, words["review_banner"])
    line = round_line(r, words)
    page_header = document.sections[0].header
    top = page_header.paragraphs[0] if not page_header.paragraphs[0].text else page_header.add_paragraph()
    add_run(top, line, italic=True, size=11)
    paragraph(document, line, italic=True, align="center")
    paragraph(document, words["review_how_to"], italic=True, size=profile.body_pt - 2)
    bookmarks = Bookmarks()
    for text in amendment.preamble:
        _runs(_add(document, names["opening"]), text)
    _write_blocks(document, amendment_blocks(amendment, profile), names, upper_titles=False, bookmarks=bookmarks)
    meta = amendment.meta
    _signature(document, meta.get("signer") or {}, meta.get("recipients") or [], profile, language)
    document.add_page_break()  # type: ignore[no-untyped-call]
    paragraph(document, words["review_text_heading"], bold=True, align="center")
    paragraph(document, str(draft.meta.get("title") or draft.id), bold=True, align="center")
    for text in draft.preamble:
        _runs(_add(document, names["opening"]), text)
    _write_blocks(document, regulation_blocks(draft), names, upper_titles=True, bookmarks=bookmarks)
    save(document, output)
