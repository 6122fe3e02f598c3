"""What the end of an imported document's body says: where its appendices begin, a law's closing sentence naming
who passed it and when, the sentence saying when it takes effect, and the article a paragraph stands in.

The header block the body follows is read in `regdraft.importer.header`; the closing block (signature,
recipients) in `regdraft.importer.closing`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from regdraft.core.text import fold_letters
from regdraft.importer.header import _HEADING_START
from regdraft.importer.report import Paragraph

_ADOPTED_ON = re.compile(r"thông qua ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", re.I)
# A law's closing sentence: `Luật này được Quốc hội … khóa XIV, kỳ họp thứ 9 thông qua ngày 16 tháng 6 năm 2020.`;
# in English translations the date stands after the body that passed it or before it: `This Law was passed by the
# 14th National Assembly … on June 16, 2020.`, `This Law was passed on June 20, 2012 by the XIIIth National Assembly
# … at its 3rd session.`, `This Law was adopted on 29 November 2013, by …`.
_EN_DATE = (r"(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"  # June 20, 2012
            r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+,?\s+\d{4})")  # 29 November 2013
_ADOPTION = re.compile(r"^(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Hiến pháp) này (?:đã )?được .{0,300}?thông qua\b"
                       r"|This (?:Law|Code|Ordinance|Resolution|Constitution) (?:was|has been|is) "
                       rf"(?:passed|adopted|ratified|approved),?\s+(?:on\s+{_EN_DATE},?\s+)?by\b)", re.I)


_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục(?= (?:[IVXLC]+|\d+|số)\b)|APPENDIX|ANNEX"
                       r"|(?:Appendix|Annex)(?= [IVXLC\d]))")
# An English text's appendices also start at `SCHEDULE`, `Schedule 1`, `Annex A` or a heading word alone (its one
# unnumbered appendix); whether they read as appendices is `appendices.read_appendices`'s.
_ENGLISH_APPENDIX = re.compile(r"^(?:SCHEDULE|(?:Appendix|Annex|Schedule)(?= (?:[IVXLC\d]|[A-Z]\b))"
                               r"|(?:Appendix|Annex|Schedule)$)")


def appendix_start(paragraphs: Sequence[Paragraph], language: str = "vi") -> int:
    """Where the appendices (`PHỤ LỤC I`, `APPENDIX 1`; in English also `Schedule 1`, `ANNEX A`, `SCHEDULE`) begin
    after the last article heading; the end when none."""
    last = max((i for i, p in enumerate(paragraphs) if _HEADING_START.match(fold_letters(p.text))), default=-1)
    english = language == "en"
    return next((i for i in range(last + 1, len(paragraphs))
                 if paragraphs[i].rows is None and (_APPENDIX.match(text := fold_letters(paragraphs[i].text))
                                                    or english and _ENGLISH_APPENDIX.match(text))),
                len(paragraphs))


def adoption_sentence(para: Paragraph) -> bool:
    """Whether a paragraph is a law's closing sentence naming who passed it and when (`Luật này được Quốc hội …
    thông qua ngày …`): after the last article, it belongs to the document, not to that article."""
    return para.rows is None and _ADOPTION.match(para.text) is not None


def signed_in_closing_sentence(body: Sequence[Paragraph]) -> tuple[Paragraph, date] | None:
    """The adoption sentence near the end (`... thông qua ngày 28 tháng 11 năm 2013.`) and its date."""
    for para in reversed(body[-8:]):
        found = _ADOPTED_ON.search(para.text) if para.rows is None else None
        if found:
            try:
                return para, date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
            except ValueError:
                return None
    return None


def effective_in_final_provisions(body: Sequence[Paragraph], language: str = "vi") -> tuple[Paragraph, date] | None:
    """The sentence saying when the document takes effect (`Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm
    2024.`, `This Law takes effect on January 1, 2024.`), the first in the text, and its date; None when it gives
    none (`… có hiệu lực kể từ ngày ký`)."""
    from regdraft.core.dates import takes_effect

    for para in body:
        day = takes_effect(para.text, language) if para.rows is None else None
        if day is not None:
            return para, day
    return None


_ARTICLE_HEADING = re.compile(r"^(?:#+\s*)?((?:Điều|Article)\s+\d+[a-z]?)\b", re.I)


def article_of(body: Sequence[Paragraph], para: Paragraph) -> str:
    """The article `para` stands in, as its heading names it (`Điều 15`, `Article 15`); "" before the first."""
    for before in reversed(body[:next((k for k, p in enumerate(body) if p is para), 0)]):
        heading = _ARTICLE_HEADING.match(before.text) if before.rows is None else None
        if heading:
            return " ".join(heading.group(1).split())
    return ""
