"""Addresses: the stable identifier of a unit (`d12.k2.b`), and reading it as people type it.

An `Address` is a chain of `Segment`s. `parse_address` reads the canonical forms first
(`d12.k2.b`, `điểm b khoản 2 Điều 12`, `point b, clause 2, Article 12`), then what people type
at a prompt: without diacritics (`dieu 12 khoan 2 diem b`), abbreviated (`d12 k2 b`, `a12 c2`,
`K2 Đ12`), in any order and with any separators (`Điều 12, khoản 2`, `k2 d12`, `d12/k2/b`, `art. 12 cl. 2`):
those are read in `regdraft.core.address.typed`.

Post-conditions of `parse_address`:
1. Every canonical address reads back from its code, its citations in both languages and every
   typed form above (a Hypothesis property in tests/test_address_forms.py), and
   `parse_address(str(a)) == a` for every address `a`.
2. A typed form that could be read two ways is read the way a drafter means it: the
   interpretation whose units run in one direction (largest first or smallest first), then the
   one that keeps to one language (`d1 c1` is point c1 of Điều 1, `a5 c2` clause 2 of Article 5),
   then a letter before a number naming a unit (`d5` Điều 5, `k2` khoản 2) rather than an
   inserted point.
3. Anything else is an `AddressError` naming what could not be read.

`regdraft.core.nearest` says, for an address that names nothing, what exists and the nearest one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regdraft.core.address.designated import designated
from regdraft.core.errors import AddressError
from regdraft.core.labels import (
    HEADING_KINDS,
    KIND_OF_NOUN,
    POINT_LABEL,
    SUFFIXED_LABEL,
    Kind,
    appendix_label,
    chapter_label,
    label_order,
    noun,
    ordinal_from_text,
    ordinal_text,
    outside_series,
    part_label_from_text,
    part_label_text,
)
from regdraft.core.part_codes import (
    DASH,
    END,
    INTRO,
    PARTS,
    PLUS,
    TITLE,
    dash_ordinal,
    dash_part,
    is_dash_part,
    is_item_part,
    is_part,
    is_plus_part,
    part_name,
    plus_ordinals,
    plus_part,
)
from regdraft.core.patterns import lazy
from regdraft.core.text import nfc
from regdraft.core.text import unaccented as fold

__all__ = ["DASH", "END", "INTRO", "PARTS", "PLUS", "TITLE", "Address", "Segment", "dash_ordinal", "dash_part",
           "is_dash_part", "is_item_part", "is_part", "is_plus_part", "parse_address", "part_name", "plus_ordinals",
           "plus_part"]


@dataclass(frozen=True, slots=True, order=True)
class Segment:
    """One step of an address: a kind and a label."""

    kind: Kind
    label: str

    def code(self) -> str:
        """The short form: `d12`, `k2`, `b`, `dd`, `ch2`, `m1`, `tm2` (tiểu mục), `p1`, `pli` (Phụ lục I),
        `pl01` (Phụ lục 01)."""
        if self.kind is Kind.ARTICLE:
            return f"d{self.label}"
        if self.kind is Kind.CLAUSE:
            return f"k{self.label}"
        if self.kind is Kind.POINT:
            return self.label.replace("đ", "dd")
        if self.kind is Kind.CHAPTER:
            position, suffix = label_order(Kind.CHAPTER, self.label)
            return f"ch{position}{suffix}"
        if self.kind is Kind.SECTION:
            return f"m{self.label}"
        if self.kind is Kind.SUBSECTION:
            return f"tm{self.label}"
        if self.kind is Kind.APPENDIX:
            return f"pl{self.label.lower()}"
        return f"p{self.label}"


@dataclass(frozen=True, slots=True, order=True)
class Address:
    """A stable identifier of a unit, as its chain of segments.

    Articles start an address on their own (`d12`), since article numbers run through the
    whole document; sections carry their chapter (`ch2.m1`), sub-sections (tiểu mục) their section
    (`ch2.m1.tm2`). `part` names a part of the unit
    instead of the whole: `intro` its lead-in (đoạn mở đầu, the text before its points or
    clauses), `end` its closing text (đoạn cuối, after the last one): `d5.k2.intro`, `d8.k3.end`;
    `dashN` its N-th dash item (gạch đầu dòng thứ N: a `- ` paragraph with the `+ ` paragraphs
    under it): `d5.k1.a.dash2`; `dashN.plusM` the M-th plus item (`+ `, ý) under it: `d5.k1.a.dash2.plus1`.
    Dash and plus items have no labels, so they are counted as they stand. `title` names the title of an
    article, chapter, section, part or appendix (tên Điều 6, its heading line without the label): `d6.title`.
    """

    segments: tuple[Segment, ...]
    part: str = ""

    def __str__(self) -> str:
        segments = self.segments
        # One segment (an article, a chapter) is most addresses: its code alone, without a join over a generator.
        code = segments[0].code() if len(segments) == 1 else ".".join([s.code() for s in segments])
        return f"{code}.{self.part}" if self.part else code

    def short(self, language: str = "vi") -> str:
        """The short form as a document in `language` is addressed: `d4.k2`, English `a4.c2` (docs/format.md)."""
        if language != "en":
            return str(self)
        letters = {Kind.ARTICLE: "a", Kind.CLAUSE: "c"}
        code = ".".join(f"{letters[s.kind]}{s.label}" if s.kind in letters else s.code() for s in self.segments)
        return f"{code}.{self.part}" if self.part else code

    @property
    def kind(self) -> Kind:
        """The kind of the unit addressed (the unit whose part it is, for a part)."""
        return self.segments[-1].kind

    @property
    def label(self) -> str:
        """The label of the unit addressed."""
        return self.segments[-1].label

    @property
    def unit(self) -> Address:
        """The address of the whole unit (itself, unless it names a lead-in or closing text)."""
        return Address(self.segments) if self.part else self

    def with_part(self, part: str) -> Address:
        """The address of a part of this unit: `TITLE`, `INTRO` (lead-in), `END` (closing text), `dashN` (dash item)."""
        if not is_part(part):
            raise AddressError(f"'{part}' is not a part of a unit; use {TITLE}, {INTRO}, {END} or dash1, dash2 ...")
        return Address(self.segments, part)

    def parent(self) -> Address | None:
        """The address of the enclosing addressable unit (for a part, the unit itself), or None."""
        if self.part:
            return Address(self.segments)
        return Address(self.segments[:-1]) if len(self.segments) > 1 else None

    def child(self, kind: Kind, label: str) -> Address:
        """The address of a unit below this one."""
        return Address((*self.segments, Segment(kind, label)))

    def contains(self, other: Address) -> bool:
        """True when `other` is this unit or lies inside it; a part contains only itself, and a dash
        item its plus items too."""
        if self.part:
            return other == self or (other.segments == self.segments and is_dash_part(self.part)
                                     and other.part.startswith(f"{self.part}.{PLUS}"))
        return other.segments[: len(self.segments)] == self.segments

    def describe(self, language: str = "vi") -> str:
        """The citation, smallest unit first: `điểm b khoản 2 Điều 12`, `point b, clause 2, Article 12`.

        A part is named before its unit: `tên Điều 6`, `đoạn mở đầu khoản 2 Điều 5`, `phần cuối Điều 7`,
        `gạch đầu dòng thứ hai điểm a khoản 1 Điều 5`, `the title of Article 6`, `the lead-in of clause 2, Article 5`,
        `the closing text of Article 7`, `the second dash item of point a, clause 1, Article 5`.
        """
        words = []
        for seg in reversed(self.segments):
            label = seg.label
            if seg.kind is Kind.POINT and language == "en":
                label = label.replace("đ", "dd")
            if seg.kind is Kind.PART:
                label = part_label_text(label, language)
            # An English text's `Schedule 1` as it says it (`designated.designating`).
            words.append(designated(label, language) if seg.kind is Kind.APPENDIX
                         else f"{noun(seg.kind, language)} {label}")
        whole = (", " if language == "en" else " ").join(words)
        if not self.part:
            return whole
        return f"{part_name(self.part, self.kind, language)} {whole}"

    @classmethod
    def parse(cls, text: str, language: str = "vi") -> Address:
        """Read `d12.k2.b`, `Điều 12 khoản 2 điểm b`, `điểm b khoản 2 Điều 12` or English forms.

        A lead-in or closing text is `d5.k2.intro`, `d8.k3.end`, `đoạn mở đầu khoản 2 Điều 5`,
        `phần cuối Điều 7`, `the lead-in of clause 2 of Article 5`, `the closing text of Article 7`; a title
        `d6.title`, `tên Điều 6`, `the title of Article 6`. An error about a provision of a document in `language`
        gives its examples in that language (`clause 2 of Article 12`, `a12.c2.b` for English).
        """
        return parse_address(text, language)


# The examples an error gives, as a document in each language writes an address (docs/format.md).
_EXAMPLES = {"'Điều 12 khoản 2'": "'clause 2 of Article 12'", "d12.k2.b": "a12.c2.b"}


def parse_address(text: str, language: str = "vi") -> Address:
    """Read an address in any of the forms above; `AddressError` naming what cannot be read, with examples in
    `language` (an English document's are `clause 2 of Article 12` and `a12.c2.b`)."""
    try:
        return _parse_address(text)
    except AddressError as exc:
        # What is quoted back is cut: 3,000 words typed without quotes were said back whole, 30 KB (r32 sweep AW F9).
        said, raw = str(exc), text.strip()
        if len(raw) > _ECHOED:  # the address itself, whatever it holds (a quote mark)
            said = said.replace(f"'{raw}'", _echoed(raw))
        said = _ECHO.sub(lambda quoted: _echoed(quoted[1]), said)
        for vi, en in _EXAMPLES.items() if language == "en" else ():
            said = said.replace(vi, en)
        if said == str(exc):
            raise
        raise type(exc)(said) from None


_ECHOED = 80  # the characters of an address (or of a word of it) an error says back
_ECHO = lazy(f"'([^'\n]{{{_ECHOED + 1},}})'")


def _echoed(words: str) -> str:
    """`words` quoted in an error, cut at `_ECHOED` characters."""
    return f"'{words[:_ECHOED - 1]}…' ({len(words):,} characters)"  # itself no longer than `_ECHOED`


def _parse_address(text: str) -> Address:
    raw = text.strip()
    if not raw:
        raise AddressError("An empty address was given; write it like d12.k2.b or 'Điều 12 khoản 2'.")
    try:
        if " " not in raw and "," not in raw:
            return _parse_code(raw)
        return _parse_words(raw)
    except AddressError as strict:
        from regdraft.core.address.typed import parse_typed  # the typed forms read the canonical parts of this one
        try:
            typed = parse_typed(raw)
        except AddressError:
            if not isinstance(strict, _Unreadable):
                raise strict from None  # the canonical form's own explanation is the clearer one
            raise  # the typed forms' reading names the word that means nothing
        return typed


class _Unreadable(AddressError):
    """A word of the address is not one of the canonical forms' (it may still be a typed form)."""


_PLUS_WORDS = lazy(
    r"^(?:(?:ý|dấu\s+cộng)\s+(?P<vi_plus>thứ\s+\S+)\s+(?:của\s+)?(?:dấu\s+)?gạch\s+đầu\s+dòng\s+(?P<vi_dash>thứ\s+\S+)"
    r"|(?:the\s+)?(?P<en_plus>\w+)\s+(?:plus\s+item|sub-?item|sub-?indent)\s+of\s+(?:the\s+)?(?P<en_dash>\w+)\s+"
    r"(?:dash|indent)(?:\s+item)?\s+of)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_PART_WORDS = lazy(
    r"^(?:(?:dấu\s+)?gạch\s+đầu\s+dòng\s+(?P<vi_dash>thứ\s+\S+)|(?:the\s+)?(?P<en_dash>\w+)\s+(?:dash|indent)"
    r"(?:\s+item)?\s+of"
    r"|(?P<vi>(?:đoạn|phần)\s+(?:(?P<vi_intro>mở\s+đầu|đầu)|cuối|kết))"
    r"|(?:the\s+)?(?P<en>(?P<en_intro>lead-in|introductory\s+(?:part|text|wording|words)|opening\s+(?:part|words))"
    r"|closing\s+(?:text|part|paragraph|words|sentence))(?:\s+of)?"
    r"|(?P<title>tên|tiêu\s+đề|(?:the\s+)?(?:title|heading)\s+of))\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def _split_part(raw: str) -> tuple[str, str]:
    """(`title` / `intro` / `end` / `dashN` / `dashN.plusM` / "", the rest) for a written address that may start
    with a part's name."""
    plus = _PLUS_WORDS.match(raw)
    if plus is not None:
        dash = dash_ordinal(_dash_of(plus.group("vi_dash") or plus.group("en_dash"), raw))
        number = dash_ordinal(_dash_of(plus.group("vi_plus") or plus.group("en_plus"), raw))
        assert dash is not None and number is not None
        return plus_part(dash, number), plus.group("rest")
    match = _PART_WORDS.match(raw)
    if match is None:
        return "", raw
    ordinal = match.group("vi_dash") or match.group("en_dash")
    if ordinal is not None:
        return _dash_of(ordinal, raw), match.group("rest")
    if match.group("title"):
        return TITLE, match.group("rest")
    intro = match.group("vi_intro") if match.group("vi") else match.group("en_intro")
    return (INTRO if intro else END), match.group("rest")


def _dash_of(ordinal: str, raw: str) -> str:
    """The dash-item part for an ordinal as written or typed (`thứ hai`, `thu hai`, `second`, `2`)."""
    number = ordinal_from_text(ordinal)
    if number is None:
        # Typed without diacritics: `thu tu` is `thứ tư`.
        words = fold(ordinal).split()
        number = next((n for n in range(1, 11) if fold(ordinal_text(n, "vi")).split()[1:] == words[-1:]), None)
    if number is None:
        raise AddressError(f"'{raw}': '{ordinal}' is not an ordinal (thứ nhất, thứ hai ...; first, second ...).")
    return dash_part(number)


_CODE = lazy(
    r"^(?:(?P<pl>pl(?:\d+|[ivxlcdm]+|[a-z]))|(?P<p>p\d+)|(?P<ch>ch\d+[a-z]?)|(?P<m>m\d+[a-z]?)|(?P<tm>tm\d+[a-z]?)|(?P<d>d\d+[a-z]?)|(?P<k>k\d+[a-z]?)|(?P<pt>(?:dd|[a-zđ])\d*))$"
)


def _parse_code(raw: str) -> Address:
    segments: list[Segment] = []
    pieces = raw.lower().replace("/", ".").split(".")
    part = pieces.pop() if len(pieces) > 1 and is_part(pieces[-1]) and pieces[-1] != DASH else ""
    if part.startswith(PLUS) and part != PLUS and len(pieces) > 1 and is_dash_part(pieces[-1]) \
            and pieces[-1] != DASH:
        part = f"{pieces.pop()}.{part}"  # `d5.k1.a.dash2.plus1`
    elif re.fullmatch(r"plus\d*", pieces[-1]):
        raise _Unreadable(f"'{raw}' is not an address: a plus item is named after its dash item "
                          "(d5.k1.a.dash2.plus1).")
    for piece in pieces:
        match = _CODE.match(piece)
        if not match:
            raise _Unreadable(f"'{raw}' is not an address: '{piece}' is not a unit (use d12.k2.b).")
        group = match.lastgroup
        below = segments[-1].kind if segments else None
        # Inside an article or clause, `d1`, `p1`, `m1` are inserted points (d1, p1, m1),
        # and inside a clause `k1` is point k1: those letters are point letters too.
        if below in (Kind.ARTICLE, Kind.CLAUSE) and group in ("d", "p", "m"):
            group = "pt"
        elif below is Kind.CLAUSE and group == "k":
            group = "pt"
        if group == "pl":
            segments.append(Segment(Kind.APPENDIX, appendix_label(piece[2:], letters=True) or piece[2:]))
        elif group == "p":
            segments.append(Segment(Kind.PART, piece[1:]))
        elif group == "ch":
            number = re.match(r"ch(\d+)([a-z]?)", piece)
            assert number is not None
            segments.append(Segment(Kind.CHAPTER, chapter_label(number.group(1) + number.group(2)) or piece[2:]))
        elif group == "m":
            segments.append(Segment(Kind.SECTION, piece[1:]))
        elif group == "tm":
            segments.append(Segment(Kind.SUBSECTION, piece[2:]))
        elif group == "d":
            segments.append(Segment(Kind.ARTICLE, piece[1:]))
        elif group == "k":
            segments.append(Segment(Kind.CLAUSE, piece[1:]))
        else:
            label = piece.replace("dd", "đ")
            segments.append(Segment(Kind.POINT, label))
    return _checked(Address(tuple(segments), part), raw)


_ORDER = [Kind.APPENDIX, Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.ARTICLE, Kind.CLAUSE, Kind.POINT]
_TWO_WORD_NOUN = lazy(r"\b(phụ\s+lục|tiểu\s+mục)\b", re.IGNORECASE)  # `Phụ lục I`, `Tiểu mục 2`: nouns of two words


def _parse_words(raw: str) -> Address:
    part, rest = _split_part(nfc(raw))
    joined = _TWO_WORD_NOUN.sub(lambda m: "_".join(m.group(1).split()), rest)
    words = re.sub(r"[,;]|\bof\b|\bthe\b", " ", joined).split()
    words = [w.replace("_", " ") for w in words]
    found: dict[Kind, str] = {}
    i = 0
    while i < len(words):
        kind = KIND_OF_NOUN.get(words[i].lower())
        if kind is None or i + 1 >= len(words):
            raise _Unreadable(f"'{raw}' is not an address: cannot read '{words[i]}'.")
        label = words[i + 1]
        i += 2
        if kind is Kind.PART and label.lower() == "thứ" and i < len(words):
            label = f"thứ {words[i]}"
            i += 1
        if kind in found:
            raise AddressError(f"'{raw}' names {noun(kind)} twice.")
        found[kind] = _canonical_label(kind, label, raw)
    kinds = [k for k in _ORDER if k in found]
    if Kind.ARTICLE in found:
        kinds = [k for k in kinds if k in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)]
        if len(kinds) != len(found):
            raise AddressError(
                f"'{raw}' mixes an article with a chapter or part; articles are numbered through the "
                "whole document, so name the article alone.")
    return _checked(Address(tuple(Segment(k, found[k]) for k in kinds), part), raw)


_VI_POINT_NOUN = lazy(r"\b(?:điểm|diem)\b", re.IGNORECASE)


def _canonical_label(kind: Kind, label: str, raw: str) -> str:
    label = label.strip(".:")
    if kind is Kind.PART:
        number = part_label_from_text(label)
        if number is None:
            raise AddressError(f"'{raw}': '{label}' is not a part number.")
        return number
    if kind is Kind.CHAPTER:
        chapter = chapter_label(label)  # `chuong ii`, typed in lower case, too
        if chapter is None:
            raise AddressError(f"'{raw}': '{label}' is not a chapter number (write it like II or 2).")
        return chapter
    if kind is Kind.APPENDIX:
        number = appendix_label(label, letters=True)  # `Annex A`, as an English text letters them
        if number is None:
            raise AddressError(f"'{raw}': '{label}' is not an appendix number (write it like I, 1 or A).")
        return number
    if kind is Kind.POINT:
        point = label.lower().replace("dd", "đ")
        # An English text letters its points a to z (`labels.point_alphabet`), so a code (`a12.c2.f`) or English
        # words may name any letter (one the text has not is a point that does not exist, as any other); a point
        # named in Vietnamese words runs the Vietnamese alphabet, with no f, j, w or z.
        vietnamese = bool(_VI_POINT_NOUN.search(raw))
        if vietnamese and (outside := outside_series(kind, point)):
            raise AddressError(f"'{raw}': {outside}.")
        if not POINT_LABEL.match(point):
            raise AddressError(f"'{raw}': '{label}' is not a point label (a, b, đ or dd, d1 ...).")
        return point
    if not SUFFIXED_LABEL.match(label.lower()):
        article = "an article" if kind is Kind.ARTICLE else f"a {kind.value}"
        raise AddressError(f"'{raw}': '{label}' is not {article} number (write it like 12 or 12a).")
    return label.lower()


def _checked(address: Address, raw: str) -> Address:
    kinds = [s.kind for s in address.segments]
    allowed = (
        [Kind.ARTICLE], [Kind.ARTICLE, Kind.CLAUSE], [Kind.ARTICLE, Kind.CLAUSE, Kind.POINT],
        [Kind.ARTICLE, Kind.POINT], [Kind.PART], [Kind.CHAPTER], [Kind.CHAPTER, Kind.SECTION],
        [Kind.PART, Kind.SECTION], [Kind.SECTION], [Kind.APPENDIX],
        [Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION], [Kind.PART, Kind.SECTION, Kind.SUBSECTION],
        [Kind.SECTION, Kind.SUBSECTION],
    )
    if kinds in ([Kind.CLAUSE], [Kind.CLAUSE, Kind.POINT], [Kind.POINT]):
        raise AddressError(_without_article(address, raw))
    if kinds not in allowed:
        raise AddressError(
            f"'{raw}' is not an address: write an article with its clause and point "
            "(d12.k2.b), a chapter (ch2), a section with its chapter (ch2.m1), a sub-section with its section "
            "(ch2.m1.tm2), a part (p1) or an appendix (pli)."
        )
    if address.part == TITLE:
        if address.kind not in HEADING_KINDS:
            raise AddressError(f"'{raw}': {address.unit.describe()} has no title (tên); only an article, a chapter, "
                               "a section, a part or an appendix has one (d6.title, ch2.title).")
    elif address.part and address.kind not in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
        raise AddressError(
            f"'{raw}': only an article, a clause or a point has a lead-in ({INTRO}), a closing text ({END}) "
            "or dash items (dash1, dash2 ...) and their plus items (dash2.plus1 ...)."
        )
    return address


def in_full(clause: str, point: str, language: str) -> str:
    """A clause or point (`point b`, `clause 2`) written with the article it needs, which its words do not say:
    `point b of clause 2 of Article N` (`điểm b khoản 2 Điều N`); a point without its clause gets `clause M`."""
    if language == "en":
        return (f"point {point} of " if point else "") + f"clause {clause or 'M'} of Article N"
    return (f"điểm {point} " if point else "") + f"khoản {clause or 'M'} Điều N"


def _without_article(address: Address, raw: str) -> str:
    """Why a clause or point named without its article (`khoản 2`, `điểm a khoản 2`) is no address: clauses and
    points are numbered again in each article, so the article is part of the address."""
    clause = next((s.label for s in address.segments if s.kind is Kind.CLAUSE), "")
    point = next((s.label for s in address.segments if s.kind is Kind.POINT), "")
    english = bool(re.search(r"\b(?:clause|point)\b", raw, re.IGNORECASE))
    words = in_full(clause, point, "en" if english else "vi")
    code = f"{'a' if english else 'd'}N.{'c' if english else 'k'}{clause or 'M'}" + (f".{point}" if point else "")
    needs = "a point needs its clause and article" if point and not clause else (
        "a point needs its article" if point else "a clause needs its article")
    return (f"'{raw}' is not an address: {needs}, as clauses and points are numbered again in each article: "
            f"write {words} ({code}).")
