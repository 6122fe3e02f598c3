"""Lists of provisions as amending instructions cite them (docs/amendments.md, "Citing provisions").

`read_citations(text, language)` reads `các điểm a, b và c khoản 1 Điều 5`, `khoản 2 Điều 21;
khoản 9 Điều 39`, `tên Điều 3`, `points a and b of clause 1 of Article 3`; `resolve` completes
each citation from the ones after it and from a group's provision and returns `Cited` values.

Post-conditions:
1. Every returned address is absolute and canonical (`đ` for `dd`, chapters in Roman numerals,
   parts in Arabic numerals).
2. A provision written relative to a group's provision (`điểm c`, `Điều này`) never leaves it.
3. A citation of a title (`tên Điều 23`, `the title of Article 23`) carries `part == TITLE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from regdraft.core.address import INTRO, dash_part, in_full, parse_address, plus_part
from regdraft.core.errors import AddressError
from regdraft.core.labels import ordinal_from_text
from regdraft.core.model import KIND_OF_NOUN, Address, Kind, Segment, canonical_label, noun
from regdraft.core.patterns import lazy
from regdraft.core.text import short


class GrammarError(Exception):
    """An instruction sentence that does not follow the grammar; the message says why."""


TITLE = "title"
"""The part of a heading unit that is its title only (`tên Điều 23`)."""

_I = re.IGNORECASE
LEVEL = {Kind.POINT: 0, Kind.CLAUSE: 1, Kind.ARTICLE: 2, Kind.SUBSECTION: 3, Kind.SECTION: 4, Kind.CHAPTER: 5,
         Kind.PART: 6, Kind.APPENDIX: 7}
_NOUN = lazy(
    r"(?:(?:các|những|the)\s+)?(?P<noun>điểm|points?|khoản|clauses?|điều|articles?|tiểu\s+mục|mục|sub-?sections?|sections?|chương|chapters?"
    r"|phần|parts?|phụ\s+lục|appendix|annex|schedule)(?![\wđĐ])\s*",
    _I,
)
_LABEL = lazy(r"(?P<label>thứ\s+[^\s,;]+|[0-9A-Za-zđĐ]+)(?![\wđĐ])", _I)
_THIS_VI = lazy(r"này(?![\wđĐ])", _I)
_THIS_EN = lazy(r"(?:of\s+)?this\s+(?P<noun>Article|clause|point|Chapter|Section|Part)(?![\w])", _I)
_PART_PREFIX = lazy(
    r"(?:(?P<title>tên|tiêu đề|the\s+(?:title|heading)\s+of)"
    r"|(?P<intro>đoạn\s+mở\s+đầu|phần\s+mở\s+đầu|the\s+(?:lead-in|introductory\s+(?:part|text|wording|words|sentence))"
    r"(?:\s+(?:of|to)|(?=\s+and\s)))"
    r"|(?P<end>đoạn\s+cuối|phần\s+cuối|đoạn\s+kết|the\s+closing\s+(?:text|part|paragraph|words|sentence)\s+of)"
    r"|(?:ý|dấu\s+cộng)\s+(?P<plus>thứ\s+[^\s,;]+)\s+(?:của\s+)?(?:dấu\s+)?gạch\s+đầu\s+dòng\s+(?P<plus_dash>thứ\s+[^\s,;]+)"
    r"|the\s+(?P<plus_en>\w+)\s+(?:plus\s+item|sub-?item|sub-?indent)\s+of\s+the\s+(?P<plus_dash_en>\w+)\s+"
    r"(?:dash|indent)(?:\s+item)?\s+of"
    r"|(?:dấu\s+)?gạch\s+đầu\s+dòng\s+(?P<dash>thứ\s+[^\s,;]+)"
    r"|the\s+(?P<dash_en>\w+)\s+(?:dash|indent)(?:\s+item)?\s+of)"
    r"(?![\wđĐ])\s*",
    _I,
)
_HOLDER_NEXT = lazy(r"\s*(?:,|\bvà\b|\band\b)", _I)
_SEPARATOR = lazy(r"\s*(?:(?P<word>,|;|\bvà\b|\band\b|\bof\b|\bcủa\b|\bin\b)\s*)?", _I)
_LABELS = {
    Kind.POINT: lazy(r"^(?:dd|[a-zđ])\d*$"),
    Kind.CLAUSE: lazy(r"^\d+[a-z]?$"),
    Kind.ARTICLE: lazy(r"^\d+[a-z]?$"),
    Kind.SECTION: lazy(r"^\d+[a-z]?$"),
    Kind.SUBSECTION: lazy(r"^\d+[a-z]?$"),
    Kind.CHAPTER: lazy(r"^(?:[IVXLCDM]+|\d+)[a-z]?$"),
    Kind.APPENDIX: lazy(r"^(?:[IVXLCDM]+|\d+|[A-Z])$"),  # `Annex A` too, as English texts letter them
    Kind.PART: lazy(r"^(?:\d+|thứ\s+\S+|one|two|three|four|five|six|seven|eight|nine|ten)$", _I),
}
# `của Luật này`, `of this Law`: the document itself, said at the end of a list.
_OWN_DOCUMENT = lazy(
    r"\s+(?:của|thuộc|tại)\s+(?:Luật|Bộ luật|Nghị định|Quy chế|Quy định|Thông tư|Pháp lệnh|Nghị quyết|"
    r"Quyết định|văn bản)\s+này$|\s+of\s+(?:this|these)\s+(?:Law|Code|Decree|Regulations?|Rules?|document)$",
    _I,
)


@dataclass
class Citation:
    """One provision as written: its units by kind (label None when left to the next provision)."""

    levels: dict[Kind, str | None]
    part: str = ""
    this: bool = False
    written: str = ""

    @property
    def top(self) -> int:
        """The level of its largest unit (-1 for a lead-in named before its holder's units)."""
        return max((LEVEL[k] for k in self.levels), default=-1)


@dataclass(frozen=True, slots=True)
class Cited:
    """A resolved provision: its address, and which part of it (`TITLE`, or "" for the whole unit)."""

    address: Address
    part: str = ""
    written: str = field(default="", compare=False)


def _valid(kind: Kind, raw: str) -> bool:
    return bool(_LABELS[kind].match(raw if kind in (Kind.CHAPTER, Kind.PART, Kind.APPENDIX) else raw.lower()))


def read_ordinal(ordinal: str, language: str) -> int:
    """The number of an ordinal as written (`thứ hai`, `second`); `GrammarError` when it is none."""
    number = ordinal_from_text(ordinal)
    if number is None:
        examples = "thứ nhất, thứ hai" if language == "vi" else "first, second"
        raise GrammarError(f"'{ordinal}' is not an ordinal ({examples} ...).")
    return number


def strip_own_document(text: str) -> str:
    """`khoản 2 Điều 5 của Luật này` -> `khoản 2 Điều 5`."""
    return _OWN_DOCUMENT.sub("", text.strip())


# English ways of citing a provision (r26 sweep O defect 2): `Article 5(2)(c)`, read by the reader `show` uses
# (`parse_address`), `point (b)`, `points (b) and (c)`, and `paragraph 2` for a clause (UN style).
_COMPACT = lazy(r"\b(?:Article|Art\.)\s*\d+[a-z]?(?:\s*\(\s*[0-9a-z]+\s*\))+", _I)
_BRACKETED = lazy(r"(?<![\w)])\(\s*([0-9]+[a-z]?|dd\d*|[a-zđ]\d*)\s*\)", _I)
# A paragraph lettered `(b)` is a point in Commonwealth style (r38 sweep BV F5), one numbered `(2)` a clause.
_PARAGRAPH = lazy(r"\b(?:(P)|p)aragraph(s?)(?=\s+(?:\d|\((?P<letter>\s*(?:dd|[a-zđ])\d*\s*\))?))")


def _english(text: str) -> str:
    """`text` with the provisions it cites the English ways above as the grammar cites them: `point c, clause 2,
    Article 5`, `points b and c`, `clause 2`. A compact citation `show` cannot read either is left as written."""
    def compact(match: re.Match[str]) -> str:
        try:
            return parse_address(match.group(0)).describe("en")
        except AddressError:
            return match.group(0)

    def paragraph(match: re.Match[str]) -> str:
        noun = "point" if match.group("letter") else "clause"
        return (noun.capitalize() if match.group(1) else noun) + match.group(2)

    text = _PARAGRAPH.sub(paragraph, text)
    return _BRACKETED.sub(r"\1", _COMPACT.sub(compact, text))


def read_citations(text: str, language: str) -> list[Citation]:
    """Read a list of provisions, each smallest unit first.

    `và`/`and` and `;` always start a new provision; a comma starts one unless the next unit
    is larger than the last (`point b, clause 2, Article 9` is one provision). After a unit,
    bare labels take its noun: `các điểm a, b và c khoản 1` is three points of clause 1.
    """
    text = strip_own_document(_english(text) if language == "en" else text)
    citations: list[Citation] = []
    position = 0
    last_kind: Kind | None = None
    example = "khoản 2 Điều 5" if language == "vi" else "clause 2 of Article 5"
    while position < len(text):
        sep = _SEPARATOR.match(text, position)
        word = (sep.group("word") or "").lower() if sep else ""
        start = sep.end() if sep else position
        part = ""
        prefix = _PART_PREFIX.match(text, start)
        if prefix is not None:
            part = next((name for name in ("title", "intro", "end") if prefix.group(name)), "")
            ordinal = prefix.group("dash") or prefix.group("dash_en")
            plus = prefix.group("plus") or prefix.group("plus_en")
            if ordinal is not None:
                number = read_ordinal(ordinal, language)
                part = dash_part(number)
            elif plus is not None:
                holder = read_ordinal(prefix.group("plus_dash") or prefix.group("plus_dash_en"), language)
                part = plus_part(holder, read_ordinal(plus, language))
            start = prefix.end()
        this = _THIS_EN.match(text, start)
        token = None if this else _NOUN.match(text, start)
        if prefix is not None and part == INTRO and this is None and token is None \
                and _HOLDER_NEXT.match(text, start) and citations == []:
            # `phần mở đầu, khoản 1 và khoản 2 Điều 3`: the lead-in of the unit holding those named after it.
            citations.append(Citation({}, part, False, text[position:start].strip()))
            position = start
            continue
        kind: Kind
        label: str | None
        is_this = False
        if this is not None:
            kind, label, end, is_this = KIND_OF_NOUN[this.group("noun").lower()], None, this.end(), True
        elif token is not None:
            kind = KIND_OF_NOUN[" ".join(token.group("noun").lower().split()).rstrip("s")]
            here = _THIS_VI.match(text, token.end())
            found = None if here else _LABEL.match(text, token.end())
            if here is not None:
                label, end, is_this = None, here.end(), True
            elif found is not None and _valid(kind, found.group("label")):
                label, end = canonical_label(kind, found.group("label")), found.end()
            elif found is not None and word in ("", ",", "và", "and") and kind is not Kind.PART and part == TITLE:
                label, end = None, token.end()
            elif found is not None:
                raise GrammarError(f"'{short(text[start:found.end()])}' does not have a valid {noun(kind, language)} "
                                   "number.")
            elif part == TITLE:
                label, end = None, token.end()
            else:
                raise GrammarError(f"cannot read the provisions '{short(text)}': '{short(text[start:])}' lacks its "
                                   "number.")
            last_kind = kind
        else:
            bare = _LABEL.match(text, start)
            if bare is None or last_kind is None or word not in (",", "và", "and", ";") or not _valid(
                last_kind, bare.group("label")
            ):
                rest = text[start:] or text[position:]
                raise GrammarError(
                    f"cannot read the provisions '{short(text)}': '{short(rest)}' is not a provision such as "
                    f"'{example}'{_in_appendix(rest, language)}."
                )
            kind, label, end = last_kind, canonical_label(last_kind, bare.group("label")), bare.end()
            citations.append(Citation({kind: label}, part, False, text[start:end]))
            position = end
            continue
        current = citations[-1] if citations else None
        ascending = current is not None and LEVEL[kind] > current.top
        # A lead-in named before its holder's units (`phần mở đầu, khoản 1 …`) takes nothing after it into itself.
        if current is None or not current.levels or word in ("và", "and", ";") or part \
                or (word == "," and not ascending):
            citations.append(Citation({kind: label}, part, is_this, text[start:end]))
        elif ascending and kind not in current.levels:
            current.levels[kind] = label
            current.this = current.this or is_this
            current.written += " " + text[start:end]
        else:
            raise GrammarError(
                f"cannot read the provisions '{short(text)}': '{short(text[start:end])}' cannot follow "
                f"'{short(current.written)}' "
                f"there; separate provisions with ',' or '{'và' if language == 'vi' else 'and'}'."
            )
        position = end
    if not citations:
        raise GrammarError("names no provision.")
    return citations


def resolve(citations: list[Citation], context: Address | None, language: str) -> list[Cited]:
    """Complete each citation from the following ones and from `context`; return the provisions."""
    filled = [Citation(dict(c.levels), c.part, c.this, c.written) for c in citations]
    for i in range(len(filled) - 2, -1, -1):
        current, following = filled[i], filled[i + 1]
        if not current.levels:
            # A lead-in named first is that of the unit holding the next provision (`phần mở đầu, khoản 1 … Điều 3`).
            smallest = min(following.levels, key=lambda k: LEVEL[k])
            current.levels = {k: v for k, v in following.levels.items() if k is not smallest}
            if not current.levels:
                raise GrammarError(f"'{current.written}' does not say which unit's lead-in it means.")
            continue
        top = current.top
        inherit = (
            (Kind.CLAUSE, Kind.ARTICLE) if top < LEVEL[Kind.ARTICLE]
            else ((Kind.CHAPTER,) if top == LEVEL[Kind.SECTION]
                  else (Kind.SECTION, Kind.CHAPTER) if top == LEVEL[Kind.SUBSECTION] else ())
        )
        for kind in inherit:
            if LEVEL[kind] > top and following.levels.get(kind):
                current.levels.setdefault(kind, following.levels[kind])
        for kind, label in list(current.levels.items()):
            if label is None and following.levels.get(kind):
                current.levels[kind] = following.levels[kind]
    return [_address(c, context, language) for c in filled]


def _address(citation: Citation, context: Address | None, language: str) -> Cited:
    levels = citation.levels
    shown = citation.written
    if citation.this:
        if context is None:
            raise GrammarError(f"'{shown}' refers to the provision amended, but no group names it.")
        for seg in context.segments:
            if levels.get(seg.kind, "") is None:
                levels[seg.kind] = seg.label
    if any(label is None for label in levels.values()):
        smallest = min(levels, key=lambda k: LEVEL[k])
        raise GrammarError(f"'{shown}' does not say which {noun(smallest, language)} it means.")
    top = citation.top
    if top < LEVEL[Kind.ARTICLE] and context is not None:
        for seg in context.segments:
            if LEVEL[seg.kind] > top and seg.kind in (Kind.ARTICLE, Kind.CLAUSE):
                levels.setdefault(seg.kind, seg.label)
    if Kind.SECTION in levels and Kind.CHAPTER not in levels:
        if advice := _in_appendix(shown, language):  # `mục 7 Phụ lục II`: an item of a form, not a section
            raise GrammarError(f"'{shown}' is not a provision of the text{advice}.")
        example = "Mục 1 Chương II" if language == "vi" else "Section 1 of Chapter II"
        raise GrammarError(f"{shown} does not name its chapter ({example}).")
    if Kind.SUBSECTION in levels and Kind.SECTION not in levels:
        example = "Tiểu mục 2 Mục 1 Chương II" if language == "vi" else "Sub-section 2 of Section 1 of Chapter II"
        raise GrammarError(f"{shown} does not name its section ({example}).")
    if top < LEVEL[Kind.ARTICLE] and Kind.ARTICLE not in levels:
        # The provision as the drafter named it, with the article it lacks (r38 sweep BV F4: not a fixed example).
        full = in_full(str(levels.get(Kind.CLAUSE) or ""), str(levels.get(Kind.POINT) or ""), language)
        raise GrammarError(f"{shown} does not name its article; write it in full ({full}).")
    if Kind.ARTICLE in levels and any(k in levels for k in (Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.PART)):
        raise GrammarError(
            f"{shown} names a chapter or section with an article; articles are numbered "
            "through the whole document, so name the article alone."
        )
    if Kind.APPENDIX in levels and len(levels) > 1:
        raise GrammarError(f"{shown} names an appendix with other units; an appendix holds none, so name it alone.")
    if Kind.CHAPTER in levels:
        levels.pop(Kind.PART, None)  # chapters are numbered through the whole document
    order = [Kind.APPENDIX, Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.ARTICLE, Kind.CLAUSE,
             Kind.POINT]
    address = Address(tuple(Segment(k, str(levels[k])) for k in order if k in levels))
    if context is not None and not context.contains(address):
        raise GrammarError(
            f"{address.describe(language)} lies outside {context.describe(language)}, "
            "the provision this group of instructions amends."
        )
    return Cited(_with_part(address, citation.part, shown), citation.part if citation.part == TITLE else "", shown)


def _with_part(address: Address, part: str, shown: str) -> Address:
    """The address of a lead-in or closing text (`đoạn mở đầu khoản 2 Điều 5`) where the model has them."""
    if part in ("", TITLE):
        return address
    if address.kind not in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
        raise GrammarError(f"'{shown}': only an article, clause or point has a lead-in, closing text or dash items.")
    return address.with_part(part)


_QUOTED = lazy(r"[“\"][^“”\"]*[”\"]")


def largest_named(text: str) -> int:
    """The `LEVEL` of the largest unit `text` names outside its quoted phrases (`Điều này` included); -1 for none.
    `Sửa đổi, bổ sung khoản 3 và khoản 4` names clauses only, so its article is left to the words after it."""
    unquoted = _QUOTED.sub(" ", text)
    found = -1
    for token in _NOUN.finditer(unquoted):
        at = token.end()
        if token.start() and (unquoted[token.start() - 1].isalnum() or unquoted[token.start() - 1] == "_"):
            continue  # inside a word (`thành phần`)
        kind = KIND_OF_NOUN[" ".join(token.group("noun").lower().split()).rstrip("s")]
        label = _LABEL.match(unquoted, at)
        if _THIS_VI.match(unquoted, at) or (label is not None and _valid(kind, label.group("label"))):
            found = max(found, LEVEL[kind])
    return found


# An appendix named after words that are no provision (`câu 7 tại Phụ lục II`, `mục 7 Phụ lục II`, `row 3 of
# Schedule 1`): a row, line or item of a form, which has no address (an appendix is free text).
_APPENDIX_NAMED = lazy(r"\b(?P<cite>(?:phụ lục|appendix|annex|schedule)\s+[\w.]+?)\.?$", re.IGNORECASE)


def _in_appendix(rest: str, language: str) -> str:
    """What to write instead of a row, line or item of an appendix (`câu 7 tại Phụ lục II`); "" for other words."""
    found = _APPENDIX_NAMED.search(rest.strip())
    if found is None:
        return ""
    cite = found.group("cite")
    cite = cite[:1].upper() + cite[1:]
    if language == "en":
        whole, words = f"{cite} is amended to read:", f"Replace the words “…” with “…” in {cite}."
    else:
        whole, words = f"Sửa đổi, bổ sung {cite} như sau:", f"Thay thế cụm từ “…” bằng cụm từ “…” tại {cite}."
    return (f"; the rows, lines and items of an appendix have no address of their own (its text is free text): "
            f"change its words with '{words}', or write '{whole}' and quote the whole appendix below it, from its "
            f"heading (“{cite}. …”) to the end of its text")


def provisions(text: str, context: Address | None, language: str) -> list[Cited]:
    """`read_citations` then `resolve`."""
    return resolve(read_citations(text, language), context, language)


def common_parent(addresses: list[Address]) -> Address | None:
    """The smallest provision holding every address (for a group naming several provisions)."""
    if not addresses:
        return None
    if len(addresses) == 1:
        return addresses[0]
    shared: list[Segment] = []
    for segs in zip(*(a.segments for a in addresses), strict=False):
        if all(s == segs[0] for s in segs):
            shared.append(segs[0])
        else:
            break
    return Address(tuple(shared)) if shared else None
