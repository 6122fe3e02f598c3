"""What a consolidated text carries besides its notes on changed units (Pháp lệnh 01/2012/UBTVQH13).

`own_provisions(amendment)`: the amending document's own provisions that a consolidated text quotes, the articles
kept as text that amend nothing (its entry into force, its transitional provisions, who implements it:
`Điều 5. Điều khoản thi hành`, `Điều 6. Quy định chuyển tiếp` of Luật 57/2024/QH15), not those that amend another
document (`Điều 2. Sửa đổi một số điều của Nghị định số 20/2008/NĐ-CP …` of Nghị định 48/2013/NĐ-CP).

`provisions_note(articles, source, words)`: the footnote quoting them, `Điều 5 và Điều 6 của Luật số 57/2024/QH15
sửa đổi, bổ sung …, có hiệu lực kể từ ngày 15 tháng 01 năm 2025, quy định như sau: “Điều 5. Điều khoản thi hành
1. … Điều 6. …”` (the profile's `note_provisions` words), each paragraph word for word. Its lines are separated by
`\n` (`Footnote.paragraphs`): the sentence introducing the quote, then each article's heading and each paragraph on
a line of its own, the quote's opening mark before the first; a format that can hold several lines in a footnote
prints them so.

`basis_note(paragraphs, document, effective, words)`: the footnote quoting an amending document's basis (its
preamble) at the end of the base text's preamble: `Luật số 57/2024/QH15 … có căn cứ ban hành như sau: “…”`.

`closing_article(regulation, words)`: where those footnotes stand, the consolidated text's closing provisions: the
last article before the appendices when it has no title (`Điều 31` of 01-QC/TU: `Quy chế này có hiệu lực …`), else
the last article whose whole title is one of the profile's `entry_article_titles` (`Điều 95. Hiệu lực thi hành`,
`Điều 14. Tổ chức thực hiện`, never `Điều 12. Kiểm tra việc thi hành văn bản`), else the last article; None for a
text without articles.

`standing(changes)`: the changes one amending document makes that stand in the text in force. Its instructions all
take effect on the same day: a change to a unit that a later instruction of the same document repeals or replaces
whole (the unit itself or one holding it) never stands in force, so it has no note and no row note (`Cụm từ … được
thay thế` in a clause the document also repeals).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from regdraft.core.diff import ChangeKind
from regdraft.core.inline import plain
from regdraft.core.model import Address, Kind, Regulation, noun
from regdraft.core.refs.citations import amends_another


class KeptArticle(Protocol):
    """An article of an amending document kept as text (`regdraft.core.amend.document.DocumentArticle`)."""

    @property
    def label(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def paragraphs(self) -> tuple[str, ...]: ...


class _Document(Protocol):
    @property
    def opening(self) -> Sequence[KeptArticle]: ...
    @property
    def closing(self) -> Sequence[KeptArticle]: ...


def own_provisions(amendment: _Document) -> tuple[KeptArticle, ...]:
    """The articles kept as text that amend no other document, in the document's order."""
    return tuple(a for a in (*amendment.opening, *amendment.closing) if not amends_another(a.title))


def provisions_note(articles: Sequence[KeptArticle], document: str, effective: str, language: str,
                    words: Mapping[str, str]) -> str:
    """The footnote quoting `articles` of the amending `document` (`Luật số 12/2026/QH15 sửa đổi, bổ sung …`),
    `effective` its `cited_effective` clause."""
    word = noun(Kind.ARTICLE, language)
    names = [f"{word} {a.label}" for a in articles]
    joined = ", ".join(names[:-1]) + words["note_provisions_and"] + names[-1] if len(names) > 1 else names[0]
    quoted = []
    for article in articles:
        quoted.append(f"{word} {article.label}." + (f" {plain(article.title)}" if article.title else ""))
        quoted.extend(" ".join(plain(p).split()) for p in article.paragraphs)
    note = words["note_provisions"].format(articles=joined, document=document, effective=effective,
                                           text=_START + "\n".join(q for q in quoted if q))
    # The quote on a line of its own, its opening mark with it (`… quy định như sau:` / `“Điều 5. …`).
    lead, _, text = note.partition(_START)
    lead = lead.rstrip()
    opening = lead[len(lead.rstrip(_OPENING)):]
    lead = lead.removesuffix(opening).rstrip()
    return f"{lead}\n{opening}{text}" if lead else f"{opening}{text}"


def basis_note(paragraphs: Sequence[str], document: str, effective: str, words: Mapping[str, str]) -> str:
    """The note quoting an amending document's own basis, its preamble `paragraphs` word for word, at the base
    text's preamble (`Luật số 57/2024/QH15 … có căn cứ ban hành như sau: “Căn cứ Hiến pháp …; Quốc hội ban hành
    Luật …”`, the profile's `note_basis`): `document` as the notes cite it, `effective` its `cited_effective`
    clause; "" for a document without a preamble, or a profile without the phrase."""
    text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
    if not text or "note_basis" not in words:
        return ""
    return words["note_basis"].format(document=document, effective=effective, text=text)


_START = "\x00"  # where the quoted text starts in the profile's wording
_OPENING = "“\"'«‘"


def closing_article(regulation: Regulation, words: Mapping[str, str]) -> Address | None:
    """The article the amending documents' own provisions are noted at (module docstring)."""
    articles = [loc for loc in regulation.articles()
                if not loc.unit.repealed and not any(s.kind is Kind.APPENDIX for s in loc.address.segments)]
    if not articles:
        return None
    if not articles[-1].unit.title:  # an untitled last article is the text's closing one (01-QC/TU Điều 31)
        return articles[-1].address
    # A whole title, not words in one: "Kiểm tra việc thi hành văn bản" of a UBND's Quy chế làm việc is no closing
    # article, its Chương IV "Tổ chức thực hiện" is; the last such, the text's closing provisions being last.
    titles = {" ".join(p.split()).lower() for p in words["entry_article_titles"].split("|") if p.strip()}
    found = [loc for loc in articles if " ".join((loc.unit.title or "").split()).lower().rstrip(".;:") in titles]
    return (found or articles)[-1].address


_WHOLE = (ChangeKind.AMENDED, ChangeKind.REPEALED)
C = TypeVar("C")


def standing(changes: Sequence[C]) -> list[C]:
    """The changes of one document but those a later instruction of it repeals or replaces whole (docstring).
    `changes` may end with the consequential edits of units' ends (`Punctuation`: `.` to `;` before an appended
    point), listed after every change: each is ordered by the instruction that made it, as its changes are."""
    first: list[tuple[Any, int]] = []  # each instruction and the list index of its first change
    for i, change in enumerate(changes):
        instruction = getattr(change, "instruction", None)
        if instruction is not None and (not first or first[-1][0] != instruction):
            first.append((instruction, i))

    known: dict[int, int] = {}  # by the instruction object's id: an instruction's changes share it

    def place(change: Any, i: int) -> int:
        instruction = getattr(change, "instruction", None)
        if instruction is None:
            return i
        if id(instruction) not in known:
            known[id(instruction)] = next(at for by, at in first if by == instruction)
        return known[id(instruction)]

    whole: list[tuple[int, Address, Any]] = []
    for i, change in enumerate(changes):
        address = getattr(change, "address", None)
        if address is not None and not address.part and _kind(change) in _WHOLE:
            whole.append((place(change, i), address, getattr(change, "instruction", None)))
    if not whole:
        return list(changes)
    kept = []
    for i, change in enumerate(changes):
        address, instruction = getattr(change, "address", None), getattr(change, "instruction", None)
        at_place = place(change, i)
        if address is not None and any(j > at_place and at.contains(address) and by != instruction
                                       for j, at, by in whole):
            continue
        kept.append(change)
    return kept


def _kind(change: Any) -> str:
    kind = getattr(change, "kind", None)
    return str(getattr(kind, "value", kind))
