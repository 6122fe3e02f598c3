"""The Word review copy of a circulated draft: what the bodies consulted in a round receive,
annotate with Word comments or Track Changes, and send back.

Post-conditions of `write_review_copy`:
1. The document holds the amending document (as in `amend export`), then the text as amended,
   in the document profile; every page header names the round and the draft number. A document
   amending several regulations is followed by each one's text as amended, in the order of its
   amending articles, each under a heading naming the regulation.
2. Every paragraph of a provision, each cell of a table in it included (and of an instruction, a
   group's heading included, for the provision it names: of several, the article or clause holding
   them all), sits in a hidden bookmark carrying the provision's address (`regdraft.core.reply_marks.bookmark_name`),
   and, in a copy of several texts, the number of the text it stands in (an instruction: the
   text of the regulation its article amends), so that `regdraft comment import` places a
   reply's comments and changes exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from regdraft.core.reply_marks import CopyMark
from regdraft.render.consolidated import Block, amendment_blocks, regulation_blocks
from regdraft.render.consolidated_docx import (
    Bookmarks,
    _add,
    _front,
    _runs,
    _signature,
    _write_blocks,
    opening_style,
    styled_document,
)
from regdraft.render.html import amendment_header
from regdraft.render.profile import cited_date

if TYPE_CHECKING:
    from regdraft.core.amend import Amendment
    from regdraft.core.comments import Round
    from regdraft.core.model import Regulation
    from regdraft.render.profile import Profile


def round_line(r: Round, words: Mapping[str, str], dates: str = "numeric") -> str:
    """`Lấy ý kiến vòng 1: … – Dự thảo lần 2 (hạn 15/3/2025)`: what the page header says, in a profile's words,
    the due date as the profile cites dates (`dates`: `Profile.cited_style`; `due 15 March 2025` in English)."""
    shown = cited_date(r.due, dates, words)
    due = words["review_due"].format(date=shown) if shown else ""
    return words["review_round"].format(round=r.number, title=f": {r.title}" if r.title else "", draft=r.draft,
                                        due=due)


def write_review_copy(amendment: Amendment, draft: Regulation, r: Round, profile: Profile, output: Path,
                      today: dt.date, texts: Sequence[tuple[str, Regulation]] = ()) -> None:
    """Write the Word review copy of the draft circulated in round `r`.

    `texts` are the texts as amended of a document amending several regulations, in the order
    of its amending articles, each under its key in comments (`regdraft.core.replies.Texts`);
    `draft`, the main regulation's, alone otherwise.
    """
    from regdraft.render.docx import add_run, hidden_mark, paragraph, save

    language = amendment.language
    words = profile.words(language)
    document, names = styled_document(profile, language)
    # Its banner (`BẢN LẤY Ý KIẾN`) in place of the draft mark: the page header names the draft (`… – Dự thảo lần 2`).
    header = replace(amendment_header(amendment, profile, today, str(draft.meta.get("number") or "")), draft="")
    _front(document, header, profile, words["review_banner"])
    line = round_line(r, words, profile.cited_style(language))
    page_header = document.sections[0].header
    top = page_header.paragraphs[0] if not page_header.paragraphs[0].text else page_header.add_paragraph()
    add_run(top, line, italic=True, size=11)
    # Names the copy (amendment, round, draft): a reply on another amendment's or an earlier round's copy is
    # told apart when it is imported.
    hidden_mark(paragraph(document, line, italic=True, align="center"), CopyMark.of(amendment.slug, r.number,
                                                                                    r.draft).bookmark)
    paragraph(document, words["review_how_to"], italic=True, size=profile.body_pt - 2)
    bookmarks = Bookmarks()
    for text in amendment.preamble:
        _runs(_add(document, opening_style(names, text)), text)
    several = len(texts) > 1
    numbers = iter(_text_numbers(amendment, texts) if several else ())
    chunk: list[Block] = []
    for block in [*amendment_blocks(amendment, profile), Block("article")]:
        if block.kind == "article" and several:
            # Each article's instructions name provisions of the text of the regulation it amends.
            _write_blocks(document, chunk, names, upper_titles=False, bookmarks=bookmarks)
            chunk, bookmarks.text = [], next(numbers, 0)
        chunk.append(block)
    _write_blocks(document, chunk[:-1], names, upper_titles=False, bookmarks=bookmarks)
    meta = amendment.meta
    _signature(document, meta.get("signer") or {}, meta.get("recipients") or [], profile, language)
    for number, (_, amended) in enumerate(texts if several else (("", draft),), start=1):
        document.add_page_break()  # type: ignore[no-untyped-call]
        paragraph(document, words["review_text_heading"], bold=True, align="center")
        title = str(amended.meta.get("title") or amended.id)
        paragraph(document, f"{title} ({amended.id})" if several and amended.id not in title else title,
                  bold=True, align="center")
        for opening in amended.preamble:
            _runs(_add(document, opening_style(names, opening)), opening)
        bookmarks.text = number if several else 0
        _write_blocks(document, regulation_blocks(amended), names, upper_titles=True, bookmarks=bookmarks)
    save(document, output)


def _text_numbers(amendment: Amendment, texts: Sequence[tuple[str, Regulation]]) -> list[int]:
    """For each article of the document in its order, the number of the text its instructions name (0: none)."""
    from regdraft.core.amend.document import document_articles

    number = {key or amendment.regulation: i for i, (key, _) in enumerate(texts, start=1)}
    amends = {article.label: number.get(reg, 0) for reg, article in amendment.amending_articles}
    return [amends.get(article.label, 0) for article in document_articles(amendment)]
