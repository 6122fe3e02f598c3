"""What a consolidated text carries besides its notes on changed units (Pháp lệnh 01/2012/UBTVQH13).

`own_provisions(amendment)`: the amending document's own provisions that a consolidated text quotes, the articles
kept as text that amend nothing (its entry into force, its transitional provisions, who implements it:
`Điều 5. Điều khoản thi hành`, `Điều 6. Quy định chuyển tiếp` of Luật 57/2024/QH15), not those that amend another
document (`Điều 2. Sửa đổi một số điều của Nghị định số 20/2008/NĐ-CP …` of Nghị định 48/2013/NĐ-CP).

`concerning(articles, text, title, number=, amending=)`: those articles each in the clauses that concern the text
consolidated (`Luật Đấu thầu`), `…` for the others (khoản 1 of Luật 57/2024's Điều 5 repeals two articles of Luật Thủ
đô; khoản 1 to 3 of its Điều 6 are transitional rules for the other laws it amends).

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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from regdraft.core.counts import agreeing, listed
from regdraft.core.diff import ChangeKind
from regdraft.core.inline import plain, standing_line
from regdraft.core.model import Address, Kind, Regulation, noun
from regdraft.core.patterns import lazy
from regdraft.core.refs.citations import THIS, Node, amends_another, chains, grammar, read_phrase


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
    """An article of an amending document quoted in part: its `clauses` about the text consolidated, `…` for each run
    of the others (`concerning`)."""

    label: str
    title: str | None
    paragraphs: tuple[str, ...]
    clauses: tuple[str, ...]


_CLAUSE = lazy(r"^(\d+[a-z]?)\.\s")
# The types a law's or another document's name opens with, in an amending document's title naming several.
_NAMED = ("Luật ", "Bộ luật ", "Pháp lệnh ", "Nghị định ", "Nghị quyết ", "Thông tư ", "Quyết định ", "Quy chế ")
_OF = lazy(r"\bcủa\s+(?=(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Quy chế)\s)")
# The amending document itself, by its type: `Luật này có hiệu lực …`, `… thi hành Nghị định này`.
_ITSELF = lazy(r"(?<!\w)(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định|Quy chế|Quy định)\s+này"
               r"(?!\w)")


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


def concerning(articles: Sequence[KeptArticle], text: str, title: str, *, number: str = "",
               amending: str = "") -> tuple[KeptArticle, ...]:
    """`articles` (an amending document's own provisions) each quoted in the clauses that concern the `text`
    consolidated (its name, `Luật Đấu thầu`; `number` its number, `22/2023/QH15`), `…` for each run of the others,
    as a consolidated text quotes them (Pháp lệnh 01/2012/UBTVQH13); `title` is the amending document's, `amending`
    the label of its article amending `text` (`4` of Luật 57/2024/QH15).

    A clause concerns the text when its first line (a) names it (`4. Quy định chuyển tiếp các quy định sửa đổi, bổ
    sung Luật Đấu thầu như sau:`); else (b) when it cites the document's own articles that amend (`… tại điểm b
    khoản 12 Điều 3 của Luật này có hiệu lực …`), as it cites `amending` or not; else (c) when it names another
    document and not the amending one itself (`1. Bãi bỏ Điều 39 và Điều 40 của Luật Thủ đô số 39/2024/QH15.`, `1.
    … sửa đổi, bổ sung Luật Quy hoạch như sau:`), not; else (d) it is about the whole document (`Luật này có hiệu
    lực …`, `Bộ trưởng … chịu trách nhiệm thi hành Nghị định này.`), so it does. A clause of the article a clause
    kept cites (`… trừ trường hợp quy định tại khoản 3 và khoản 4 Điều này.`) is kept too, so the quote says what it
    refers to. An article is quoted whole when every clause is kept, when none is (nothing is left out on a reading
    that found nothing), when it has fewer than two clauses or words before the first."""
    names = tuple(dict.fromkeys((*named_documents(title), text.strip()))) if text.strip() else named_documents(title)
    # One pattern for every clause: built for each, 2,000 names and 1,000 clauses took 7 s (r32 sweep AW F8).
    named = re.compile("(?<!\\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                       + ")(?!\\w)") if names else None
    own = {a.label for a in articles}
    return tuple(_concerning(article, _Reader(text.strip(), number, named, amending, frozenset(own - {article.label})))
                 for article in articles)


@dataclass(frozen=True, slots=True)
class _Reader:
    """What tells whether a clause concerns the text consolidated (`concerning`)."""

    text: str
    number: str
    named: re.Pattern[str] | None  # finds the documents the amending title names, and the text
    amending: str  # the article amending the text
    neutral: frozenset[str]  # the document's other own provisions, citing which says nothing of the text

    def is_text(self, name: str) -> bool:
        """Whether a document named (`Luật Đấu thầu số 22/2023/QH15`) is the text consolidated."""
        name = " ".join(name.split())
        return bool(self.text) and (name.casefold() == self.text.casefold()
                                    or name.casefold().startswith(f"{self.text.casefold()} số ")) \
            or bool(self.number) and name.endswith((f" {self.number}", f"số {self.number}"))

    def about(self, line: str, article: str) -> bool:
        """Whether a clause whose first line is `line`, of the document's `article`, concerns the text."""
        documents, articles = self._names(line), set()
        for other, cited in _citations(line):
            if other is not None:
                documents.append(other)
            articles |= {chain[0].label for chain in cited if isinstance(chain[0].label, str)
                         and chain[0].kind is Kind.ARTICLE and chain[0].label != article}
        if any(self.is_text(name) for name in documents):
            return True
        amending = articles - self.neutral
        if self.amending and amending:
            return self.amending in amending
        return not documents or _ITSELF.search(line) is not None

    def _names(self, line: str) -> list[str]:
        return self.named.findall(line) if self.named is not None else []


def _citations(line: str) -> Iterator[tuple[str | None, list[list[Node]]]]:
    """Each citation in `line` (`core.refs.citations`): the other document it names (None for the amending document's
    own provisions) and the chains of units it cites, largest first (none for a document cited alone, `Luật Thủ đô
    số 39/2024/QH15`)."""
    g, pos = grammar("vi"), 0
    while (start := g.start.search(line, pos)) is not None:
        if start.group("doc") is not None:
            doc = g.numbered.match(line, start.start())
            if doc is not None:
                yield doc.group("name"), []
            pos = doc.end() if doc is not None else start.end()
            continue
        phrase = read_phrase(line, start.start(), g)
        if phrase is None:
            pos = start.end()
            continue
        pos = max(phrase.scan_end, start.end())
        yield phrase.external, [chain for node in phrase.nodes for chain in chains(node)]


def _cited_clauses(lines: Sequence[str], article: str) -> set[str]:
    """The clauses of its own `article` a clause cites (`khoản 3 và khoản 4 Điều này`, `khoản 3 Điều 5`)."""
    return {chain[1].label for line in lines for other, cited in _citations(line) if other is None for chain in cited
            if len(chain) > 1 and chain[0].kind is Kind.ARTICLE and chain[0].label in (THIS, article)
            and chain[1].kind is Kind.CLAUSE and isinstance(chain[1].label, str)}


def _concerning(article: KeptArticle, reader: _Reader) -> KeptArticle:
    clauses: list[tuple[str, list[str]]] = []
    for paragraph in article.paragraphs:
        start = _CLAUSE.match(plain(paragraph))  # a Markdown paragraph: `4\\. Quy định …`
        if start is not None:
            clauses.append((start.group(1), [paragraph]))
        elif clauses:
            clauses[-1][1].append(paragraph)
        elif paragraph.strip():  # words before the first clause, about all of them
            return article
    if len(clauses) < 2:
        return article
    kept = {i for i, (_, lines) in enumerate(clauses) if reader.about(plain(lines[0]), article.label)}
    where = {label: i for i, (label, _) in enumerate(clauses)}
    waiting = sorted(kept)
    while waiting:  # the clauses a kept one cites, and those they cite
        lines = [plain(p) for p in clauses[waiting.pop()][1]]
        cited = {where[c] for c in _cited_clauses(lines, article.label) if c in where}
        waiting += sorted(cited - kept)
        kept |= cited
    if not kept or len(kept) == len(clauses):
        return article
    paragraphs: list[str] = []
    for i, (_, lines) in enumerate(clauses):
        if i in kept:
            paragraphs += lines
        elif not paragraphs or paragraphs[-1] != "…":
            paragraphs.append("…")
    return Concerning(article.label, article.title, tuple(paragraphs), tuple(clauses[i][0] for i in sorted(kept)))


def provisions_note(articles: Sequence[KeptArticle], document: str, effective: str, language: str,
                    words: Mapping[str, str]) -> str:
    """The footnote quoting `articles` of the amending `document` (`Luật số 12/2026/QH15 sửa đổi, bổ sung …`),
    `effective` its `cited_effective` clause; an article quoted in some of its clauses (`Concerning`) cited by them
    (`khoản 4 Điều 6`, `các khoản 2, 3 và 4 Điều 5`, `clause 4 of Article 6`), the note's first letter a capital."""
    word = noun(Kind.ARTICLE, language)
    names = [_cited(a, word, language) for a in articles]
    joined = ", ".join(names[:-1]) + words["note_provisions_and"] + names[-1] if len(names) > 1 else names[0]
    quoted = []
    for article in articles:
        quoted.append(f"{word} {article.label}." + (f" {plain(article.title)}" if article.title else ""))
        quoted.extend(" ".join(plain(p).split()) for p in article.paragraphs)
    note = words["note_provisions"].format(articles=joined, document=document, effective=effective,
                                           text=_START + "\n".join(q for q in quoted if q))
    return _own_line(note[:1].upper() + note[1:])


def _cited(article: KeptArticle, word: str, language: str) -> str:
    """`Điều 6`; an article quoted in some clauses `khoản 4 Điều 6`, `khoản 2 và khoản 3 Điều 5`, `các khoản 2, 3 và
    4 Điều 5` (`clause 4 of Article 6`, `clauses 2, 3 and 4 of Article 5`), as amending documents cite clauses."""
    clauses: tuple[str, ...] = getattr(article, "clauses", ())
    if not clauses:
        return f"{word} {article.label}"
    name = noun(Kind.CLAUSE, language)
    if language == "en":
        cited = f"{name} {clauses[0]}" if len(clauses) == 1 else f"{name}s {listed(clauses)}"
        return f"{cited} of {word} {article.label}"
    if len(clauses) == 1:
        cited = f"{name} {clauses[0]}"
    elif len(clauses) == 2:
        cited = f"{name} {clauses[0]} và {name} {clauses[1]}"
    else:
        cited = f"các {name} {', '.join(clauses[:-1])} và {clauses[-1]}"
    return f"{cited} {word} {article.label}"


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
