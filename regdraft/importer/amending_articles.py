"""The articles of an imported amending document: where the first begins, the body split into its own articles (a
heading inside quoted new text is the quote's), and which regulation of the workspace each amending article amends,
from what its heading names (`Điều 4. Sửa đổi, bổ sung một số điều của Luật Đấu thầu`, a number, a signing date).

Used by `regdraft.importer.amendment`, which reads the rest of the document and writes the amendment file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from regdraft.core.commands import Command
from regdraft.core.text import nfc
from regdraft.importer.report import Note, Paragraph

_ARTICLE = re.compile(r"^(?:#+\s*)?(?:Điều|Article)\s+(\d+[a-z]?)\s*[.:]?\s*(.*)$")
# An article that amends: `Sửa đổi, bổ sung một số điều của …`, in English translations `Amending and supplementing a
# number of articles of …`, `Amendments to …`.
_AMENDING = re.compile(r"^(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Amend(?:ing|ments?)|Supplementing|Repealing|Replacing)\b",
                       re.I)


@dataclass
class DocumentArticle:
    """One of the document's own articles: its label and heading title, the input line of its heading, and the
    paragraphs under it."""

    label: str
    title: str
    where: int
    paragraphs: list[Paragraph]


def first_article(items: Sequence[Paragraph]) -> int | None:
    """The index of the first article heading (`Điều 1`, `Article 1`) among `items`; None when there is none."""
    return next((i for i, p in enumerate(items) if _ARTICLE.match(p.text)), None)


def articles_of(body: Sequence[Paragraph]) -> list[DocumentArticle]:
    """The document's own articles; an article heading inside quoted new text is text of the quote."""
    articles: list[DocumentArticle] = []
    depth = 0
    for para in body:
        heading = _ARTICLE.match(para.text)
        if heading and depth == 0 and not para.text.startswith(("“", '"')):
            articles.append(DocumentArticle(heading.group(1), heading.group(2).strip(), para.where, []))
        elif articles:
            articles[-1].paragraphs.append(para)
        depth = max(0, depth + para.text.count("“") - para.text.count("”"))
        if re.search(r"(?:”|’’)[.;,]?$", para.text):
            depth = 0  # a quotation ends with its paragraph, whatever quotes it held
    return articles


def _names(reg_id: str, meta: Mapping[str, Any]) -> list[str]:
    kind, title = str(meta.get("type") or ""), str(meta.get("title") or "")
    names = [reg_id, str(meta.get("number") or "")]
    if title:
        names.append(title if not kind or title.lower().startswith(kind.lower()) else f"{kind} {title}")
    return [nfc(n).casefold() for n in names if len(n) >= 6]


def _cited(heading: str, meta: Mapping[str, Any]) -> tuple[bool, bool, str]:
    """How closely an amending article's `heading` names a regulation: its title, its signing date
    (`28/10/2025`, `ngày 28 tháng 10 năm 2025`), then how late it took effect."""
    title = nfc(str(meta.get("title") or "")).casefold()
    signed = str(meta.get("signed") or "")
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", signed)
    dated = bool(day) and day is not None and bool(re.search(
        rf"\b0?{int(day[3])}/0?{int(day[2])}/{day[1]}\b|ngày 0?{int(day[3])} tháng 0?{int(day[2])} năm {day[1]}\b",
        heading))
    return bool(title) and title in heading, dated, str(meta.get("effective") or signed)


def _rank(heading: str, meta: Mapping[str, Any]) -> tuple[bool, bool, bool, str]:
    """How a regulation the heading names is preferred: by `_cited`, an original before a translation bearing its
    number, then how late it took effect."""
    titled, dated, effective = _cited(heading, meta)
    return titled, dated, not meta.get("translation_of"), effective


def amended_regulations(articles: Sequence[DocumentArticle], regulations: Mapping[str, Mapping[str, Any]],
             chosen: Sequence[str], word: str = "Điều") -> tuple[dict[str, str], list[Note]]:
    """Which articles amend which regulation of the workspace, from what their headings name."""
    found: dict[str, str] = {}
    notes: list[Note] = []
    amending = [a for a in articles if _AMENDING.match(a.title)]
    candidates = {k: v for k, v in regulations.items() if not chosen or k in chosen}
    for article in amending:
        heading = nfc(article.title).casefold()
        named = [reg_id for reg_id, meta in candidates.items() if any(
            re.search(re.escape(name) + r"(?=$|[\s,.;:(]|\s+số\b)", heading) for name in _names(reg_id, meta))]
        if named:
            # Numbers restart each term: term XIV's and term XV's Working Regulations are both 01-QC/TU. The one
            # whose title or signing date the heading cites is meant; else the later one, the one in force. A
            # translation bears its original's number (`number: 01-QC/TU`) but never holds it: the original is meant
            # unless the heading cites the translation's own title, and no translation is said to bear the number.
            reg_id = max(named, key=lambda r: _rank(heading, candidates[r]))
            found[article.label] = reg_id
            others = [r for r in named if r != reg_id and not candidates[r].get("translation_of")]
            also = ""
            if others:
                titled, dated, _ = _cited(heading, candidates[reg_id])
                why = ("its title" if titled else "its signing date") if titled or dated else None
                also = (f" ({', '.join(others)} {'bears' if len(others) == 1 else 'bear'} the number it cites too; "
                        + (f"the heading cites {why}" if why else "the heading cites neither title nor date, so the "
                           f"latest is taken: check it, or give `{Command.option(regulations='ID')}`") + ")")
            notes.append(Note(article.where, "info", f"{word} {article.label} amends {reg_id} of the workspace{also}.",
                              f"{word} {article.label}. {article.title}"))
        else:
            notes.append(Note(article.where, "info", f"{word} {article.label} amends a document that is not in the "
                                                     "workspace; it is kept as text.",
                              f"{word} {article.label}. {article.title}"))
    if not found and len(amending) == 1 and len(chosen) == 1:
        found[amending[0].label] = chosen[0]
        given = Command.option(regulations=chosen[0])
        notes.append(Note(amending[0].where, "info", f"{word} {amending[0].label} is taken to amend {chosen[0]} "
                                                     f"(`{given}`); its heading does not name it."))
    return found, notes
