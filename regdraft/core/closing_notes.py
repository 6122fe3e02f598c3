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

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from regdraft.core.counts import agreeing
from regdraft.core.diff import ChangeKind
from regdraft.core.inline import plain, standing_line
from regdraft.core.model import Address, Kind, Regulation, noun
from regdraft.core.patterns import lazy
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


@dataclass(frozen=True, slots=True)
class Concerning:
    """An article of an amending document quoted in part: its clause `clause` (the one about the text consolidated)
    and `…` for the others (`concerning`)."""

    label: str
    title: str | None
    paragraphs: tuple[str, ...]
    clause: str


_CLAUSE = lazy(r"^(\d+[a-z]?)\.\s")
# The types a law's or another document's name opens with, in an amending document's title naming several.
_NAMED = ("Luật ", "Bộ luật ", "Pháp lệnh ", "Nghị định ", "Nghị quyết ", "Thông tư ", "Quyết định ", "Quy chế ")
_OF = lazy(r"\bcủa\s+(?=(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Quy chế)\s)")


def named_documents(title: str) -> tuple[str, ...]:
    """The documents an amending document's title names after `của` (`… một số điều của Luật Quy hoạch, Luật Đầu
    tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu`: the four laws); () unless every piece
    between `,` and `và` opens with a document's type (a name holding a comma, `Luật Phòng, chống tham nhũng`, or
    `các nghị định liên quan …` gives none: nothing is read from it)."""
    found = _OF.search(title)
    if found is None:
        return ()
    pieces = tuple(p.strip() for p in re.split(r",\s*|\s+và\s+", title[found.end():].rstrip(" .")))
    return pieces if len(pieces) > 1 and all(p.startswith(_NAMED) and len(p.split()) > 1 for p in pieces) else ()


def concerning(articles: Sequence[KeptArticle], text: str, title: str) -> tuple[KeptArticle, ...]:
    """`articles` (an amending document's own provisions) with an article whose clauses each concern one of the
    documents its `title` names (`Điều 6. Quy định chuyển tiếp`: `1. Quy định chuyển tiếp các quy định sửa đổi, bổ
    sung Luật Quy hoạch như sau:`, …, `4. … Luật Đấu thầu như sau:`) quoted only in the clause naming the `text`
    consolidated (`Luật Đấu thầu`), `…` for the others. An article is quoted whole unless each clause's first line
    names exactly one of those documents and exactly one clause names `text`."""
    names = named_documents(title)
    if text.strip() not in names:
        return tuple(articles)
    return tuple(_concerning(article, text.strip(), names) for article in articles)


def _concerning(article: KeptArticle, text: str, names: Sequence[str]) -> KeptArticle:
    clauses: list[tuple[str, list[str]]] = []
    for paragraph in article.paragraphs:
        start = _CLAUSE.match(plain(paragraph))  # a Markdown paragraph: `4\\. Quy định …`
        if start is not None:
            clauses.append((start.group(1), [paragraph]))
        elif clauses:
            clauses[-1][1].append(paragraph)
        elif paragraph.strip():  # words before the first clause, about all of them
            return article
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r"(?!\w)")
    named = [set(pattern.findall(plain(lines[0]))) for _, lines in clauses]
    about = [i for i, found in enumerate(named) if found == {text}]
    if len(clauses) < 2 or any(len(found) != 1 for found in named) or len(about) != 1:
        return article
    kept = clauses[about[0]]
    paragraphs = (*(["…"] if about[0] > 0 else []), *kept[1], *(["…"] if about[0] < len(clauses) - 1 else []))
    return Concerning(article.label, article.title, tuple(paragraphs), kept[0])


def provisions_note(articles: Sequence[KeptArticle], document: str, effective: str, language: str,
                    words: Mapping[str, str]) -> str:
    """The footnote quoting `articles` of the amending `document` (`Luật số 12/2026/QH15 sửa đổi, bổ sung …`),
    `effective` its `cited_effective` clause; an article quoted in one clause (`Concerning`) cited by it
    (`khoản 4 Điều 6`, `clause 4 of Article 6`)."""
    word = noun(Kind.ARTICLE, language)
    names = [_cited(a, word, language) for a in articles]
    joined = ", ".join(names[:-1]) + words["note_provisions_and"] + names[-1] if len(names) > 1 else names[0]
    quoted = []
    for article in articles:
        quoted.append(f"{word} {article.label}." + (f" {plain(article.title)}" if article.title else ""))
        quoted.extend(" ".join(plain(p).split()) for p in article.paragraphs)
    return _own_line(words["note_provisions"].format(articles=joined, document=document, effective=effective,
                                                     text=_START + "\n".join(q for q in quoted if q)))


def _cited(article: KeptArticle, word: str, language: str) -> str:
    """`Điều 6`; an article quoted in one clause `khoản 4 Điều 6` (`clause 4 of Article 6`)."""
    clause = getattr(article, "clause", "")
    if not clause:
        return f"{word} {article.label}"
    of = " of " if language == "en" else " "
    return f"{noun(Kind.CLAUSE, language)} {clause}{of}{word} {article.label}"


def basis_note(paragraphs: Sequence[str], document: str, effective: str, language: str,
               words: Mapping[str, str]) -> str:
    """The note quoting an amending document's own basis, its preamble `paragraphs` word for word, at the base
    text's preamble (`Luật số 57/2024/QH15 … có căn cứ ban hành như sau: “Căn cứ Hiến pháp …; Quốc hội ban hành
    Luật …”`, the profile's `note_basis`): `document` as the notes cite it, `effective` its `cited_effective`
    clause; "" for a document without a preamble, or a profile without the phrase. The issuing body's name over
    the bases (`CHÍNH PHỦ`, `ỦY BAN NHÂN DÂN TỈNH LÀO CAI`: a line in capitals not ending in `:`) is the layout's,
    not the basis, and is left out; `NGHỊ ĐỊNH:`, `QUYẾT ĐỊNH:` are kept.

    A Vietnamese note runs the paragraphs together, as consolidated texts quote a basis (`…; Quốc hội ban hành …`).
    An English one keeps them on lines of their own, as the amending document prints them (run together, `… of 15
    March 2024, The General Assembly issues …` read as one sentence with a capital after a comma), the quote on a
    line after the sentence introducing it as `provisions_note` does; its `{was}` agrees with the document
    (`Regulations No. 05-QC/TU … were issued`, `Decree No. 48/2013/ND-CP … was issued`)."""
    kept = [" ".join(p.split()) for p in paragraphs
            if p.strip() and not (standing_line(p) and not p.rstrip().endswith(":"))]
    if not kept or "note_basis" not in words:
        return ""
    if language != "en":
        return words["note_basis"].format(document=document, effective=effective, text=" ".join(kept),
                                          **agreeing(document))
    note = words["note_basis"].format(document=document, effective=effective, text=_START + "\n".join(kept),
                                      **agreeing(document))
    return _own_line(note[:1].upper() + note[1:])


def _own_line(note: str) -> str:
    """A note quoting lines (`_START` where the quote's text starts) with the quote on a line of its own, its opening
    mark with it (`… quy định như sau:` / `“Điều 5. …`)."""
    lead, _, text = note.partition(_START)
    lead = lead.rstrip()
    opening = lead[len(lead.rstrip(_OPENING)):]
    lead = lead.removesuffix(opening).rstrip()
    return f"{lead}\n{opening}{text}" if lead else f"{opening}{text}"


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
