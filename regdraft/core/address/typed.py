"""Addresses as people type them at a prompt: without diacritics, abbreviated, in any order.

`parse_address` (in `regdraft.core.address`) tries these forms after the canonical ones: `dieu 12 khoan 2 diem b`,
`d12 k2 b`, `a12 c2`, `K2 Đ12`, `Điều 12, khoản 2`, `k2 d12`, `d12/k2/b`, `art. 12 cl. 2`. Its
post-condition 2 (a form read two ways is read the way a drafter means it) is decided here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from regdraft.core.address import (
    _ORDER,
    DASH,
    END,
    INTRO,
    TITLE,
    Address,
    Segment,
    _canonical_label,
    _checked,
    _dash_of,
    _Unreadable,
    dash_ordinal,
    is_dash_part,
    is_part,
    plus_part,
)
from regdraft.core.errors import AddressError
from regdraft.core.labels import POINT_LABEL, SUFFIXED_LABEL, Kind, noun
from regdraft.core.patterns import lazy
from regdraft.core.text import nfc
from regdraft.core.text import unaccented as fold

# -- typed forms -------------------------------------------------------------------------------

# A word naming a unit kind, as typed (folded): full words in both languages and their abbreviations.
_KIND_WORDS = {
    "phan": Kind.PART, "part": Kind.PART,
    "chuong": Kind.CHAPTER, "chapter": Kind.CHAPTER, "chap": Kind.CHAPTER, "ch": Kind.CHAPTER,
    "muc": Kind.SECTION, "section": Kind.SECTION, "sec": Kind.SECTION,
    "tieumuc": Kind.SUBSECTION, "subsection": Kind.SUBSECTION, "tm": Kind.SUBSECTION,
    "dieu": Kind.ARTICLE, "article": Kind.ARTICLE, "art": Kind.ARTICLE,
    "khoan": Kind.CLAUSE, "clause": Kind.CLAUSE, "cl": Kind.CLAUSE,
    "diem": Kind.POINT, "point": Kind.POINT, "pt": Kind.POINT,
    "phuluc": Kind.APPENDIX, "pl": Kind.APPENDIX, "appendix": Kind.APPENDIX, "app": Kind.APPENDIX,
    "annex": Kind.APPENDIX,
}
# A letter glued to a number names a unit (`d5`, `k2`, `a5`, `c2`, `m1`, `p1`), or is an inserted
# point (`d1`, `a5`): both are tried, the unit first.
_KIND_LETTERS = {"d": Kind.ARTICLE, "a": Kind.ARTICLE, "k": Kind.CLAUSE, "c": Kind.CLAUSE,
                 "m": Kind.SECTION, "p": Kind.PART}
_GLUED = lazy(
    r"^(" + "|".join(sorted(_KIND_WORDS, key=len, reverse=True)) + "|" + "|".join(_KIND_LETTERS)
    + r")(\d+[a-z]?|[ivxlcdm]+[a-z]?)$"
)
_FILLERS = frozenset({"of", "the", "cua", "tai", "so", "no"})
_SEPARATORS = lazy(r"[\s,;.:/()\u2013\u2014-]+")
_PLUS_TYPED = lazy(
    r"^(?:(?:y|dau\s+cong)\s+(?P<vi_plus>thu\s+\S+)\s+(?:cua\s+)?(?:dau\s+)?gach\s+dau\s+dong\s+(?P<vi_dash>thu\s+\S+)"
    r"|(?:the\s+)?(?P<en_plus>\w+)\s+(?:plus\s+item|sub-?item|sub-?indent)\s+of\s+(?:the\s+)?(?P<en_dash>\w+)\s+"
    r"(?:dash|indent)(?:\s+item)?\s+of)\s+"
)
_PART_TYPED = lazy(
    r"^(?:(?:dau\s+)?gach\s+dau\s+dong\s+(?P<vi_dash>thu\s+\S+)|(?:the\s+)?(?P<en_dash>\w+)\s+(?:dash|indent)"
    r"(?:\s+item)?\s+of"
    r"|(?:doan|phan)\s+(?:(?P<vi_intro>mo\s+dau|dau)|cuoi|ket)"
    r"|(?:the\s+)?(?:(?P<en_intro>lead-in|introductory\s+(?:part|text|wording|words)|opening\s+(?:part|words))"
    r"|closing\s+(?:text|part|paragraph|words|sentence))(?:\s+of)?"
    r"|(?P<title>ten|tieu\s+de|(?:the\s+)?(?:title|heading)\s+of))\s+"
)
_BELOW = {None: Kind.ARTICLE, Kind.PART: Kind.SECTION, Kind.CHAPTER: Kind.SECTION, Kind.SECTION: Kind.SUBSECTION,
          Kind.ARTICLE: Kind.CLAUSE, Kind.CLAUSE: Kind.POINT}
_LEVEL = {kind: i for i, kind in enumerate(_ORDER)}

# One reading of a token: a kind (None: the level below the token before), a label, and the
# language of the word or letter that named the kind ("" when it tells none).
_Reading = tuple[Kind | None, str, str]
_PARAGRAPH = frozenset({"paragraph", "para"})
_ENGLISH = _PARAGRAPH | frozenset({"a", "c", "art", "article", "cl", "clause", "chapter", "chap", "sec", "section",
                                   "part", "pt", "point", "appendix", "app", "annex", "subsection"})
_VIETNAMESE = frozenset({"d", "k", "dieu", "khoan", "diem", "chuong", "muc", "phan", "phuluc", "pl", "tieumuc",
                         "tm"})


def _language(word: str) -> str:
    return "en" if word in _ENGLISH else "vi" if word in _VIETNAMESE else ""


def parse_typed(raw: str) -> Address:
    """The address a typed form names; `AddressError` naming the word or the combination that fails."""
    text = nfc(raw).strip()
    folded = fold(text)
    part = ""
    plus = _PLUS_TYPED.match(folded)
    match = None if plus else _PART_TYPED.match(folded)
    if plus is not None:
        dash = dash_ordinal(_dash_of(plus.group("vi_dash") or plus.group("en_dash"), raw))
        number = dash_ordinal(_dash_of(plus.group("vi_plus") or plus.group("en_plus"), raw))
        assert dash is not None and number is not None
        part = plus_part(dash, number)
        text, folded = text[plus.end():], folded[plus.end():]
    elif match and (match.group("vi_dash") or match.group("en_dash")):
        part = _dash_of(match.group("vi_dash") or match.group("en_dash"), raw)
        text, folded = text[match.end():], folded[match.end():]
    elif match and match.group("title"):
        part = TITLE
        text, folded = text[match.end():], folded[match.end():]
    elif match:
        part = INTRO if (match.group("vi_intro") or match.group("en_intro")) else END
        text, folded = text[match.end():], folded[match.end():]
    text = re.sub(r"\b(phụ|phu)\s+(lục|luc)\b", r"\1\2", text, flags=re.IGNORECASE)  # `phu luc 1`: one word
    text = re.sub(r"\b(tiểu|tieu)\s+(mục|muc)\b|\b(sub)-(section)\b", lambda m: "".join(g or "" for g in m.groups()),
                  text, flags=re.IGNORECASE)  # `tieu muc 2`, `sub-section 2`: one word
    tokens = [t for t in _SEPARATORS.split(text) if t and fold(t) not in _FILLERS]
    if tokens and is_part(fold(tokens[-1])) and fold(tokens[-1]) != DASH and not part:
        part = fold(tokens.pop())
    elif (len(tokens) > 1 and not part and re.fullmatch(r"plus\d+", fold(tokens[-1]))
          and is_dash_part(fold(tokens[-2])) and fold(tokens[-2]) != DASH):
        plus_code = fold(tokens.pop())
        part = f"{fold(tokens.pop())}.{plus_code}"  # `d5 k1 a dash2.plus1`, split at its dot
    options = _token_options(tokens, raw)
    found: list[tuple[bool, bool, Address]] = []
    last: AddressError | None = None
    for readings in itertools.product(*options):
        try:
            address, ordered = _assemble(readings, part, raw)
        except AddressError as exc:
            last = exc
            continue
        languages = {lang for _, _, lang in readings if lang}
        found.append((not ordered, len(languages) > 1, address))
    if not found:
        assert last is not None
        raise last
    # Stable: among equally ordered readings, the first tried (units before inserted points) wins.
    return min(found, key=lambda f: f[:2])[2]


def _token_options(tokens: Sequence[str], raw: str) -> list[list[_Reading]]:
    """The possible readings of each unit named in `tokens`; `AddressError` naming a word that means nothing."""
    if not tokens:
        raise _Unreadable(f"'{raw}' is not an address: write it like d12.k2.b or 'Điều 12 khoản 2'.")
    options: list[list[_Reading]] = []
    i = 0
    while i < len(tokens):
        token, word = tokens[i].lower(), fold(tokens[i])
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        kind = _KIND_WORDS.get(word)
        if word in _PARAGRAPH and following:
            # `Article 3 paragraph 2`, `paragraph (b) of …`: read as amending instructions read them (r38 sweep BV F6),
            # a numbered paragraph a clause, a lettered one (Commonwealth style) a point.
            kind = Kind.CLAUSE if following[:1].isdigit() else \
                Kind.POINT if POINT_LABEL.match(following.replace("dd", "đ")) else None
        if kind is None and word in _KIND_LETTERS and following[:1].isdigit():
            kind = _KIND_LETTERS[word]  # `d 5`, `k 2`: a unit's letter, then its number
        if kind is not None:
            if not following:
                raise _Unreadable(f"'{raw}' is not an address: cannot read '{tokens[i]}' without its number "
                                  f"(write it like {tokens[i]} 5).")
            i += 2
            if kind is Kind.PART and fold(following) == "thu" and i < len(tokens):
                following = f"thứ {tokens[i].lower()}"
                i += 1
            options.append([(kind, following, _language(word))])
            continue
        i += 1
        readings: list[_Reading] = []
        glued = _GLUED.match(word)
        if glued:
            prefix = glued.group(1)
            readings.append((_KIND_WORDS.get(prefix) or _KIND_LETTERS[prefix], token[len(prefix):], _language(prefix)))
        if POINT_LABEL.match(token.replace("dd", "đ")):
            readings.append((Kind.POINT, token, ""))
        elif SUFFIXED_LABEL.match(token):
            readings.append((None, token, ""))
        if not readings:
            raise _Unreadable(f"'{raw}' is not an address: cannot read '{tokens[i - 1]}' (write it like "
                              "'Điều 12 khoản 2' or d12.k2.b).")
        options.append(readings)
    return options


def _assemble(readings: Sequence[_Reading], part: str, raw: str) -> tuple[Address, bool]:
    """The address these readings give, and whether they ran in one direction; `AddressError` if none."""
    found: dict[Kind, str] = {}
    levels: list[int] = []
    previous: Kind | None = None
    for kind, label, _ in readings:
        if kind is None:
            if previous not in _BELOW:
                raise AddressError(f"'{raw}': cannot tell which unit '{label}' is.")
            kind = _BELOW[previous]
        if kind in found:
            raise AddressError(f"'{raw}' names {noun(kind)} twice.")
        found[kind] = _canonical_label(kind, label, raw)
        levels.append(_LEVEL[kind])
        previous = kind
    kinds = [k for k in _ORDER if k in found]
    if Kind.ARTICLE in found and any(k in found for k in (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)):
        raise AddressError(f"'{raw}' mixes an article with a chapter or part; articles are numbered through the "
                           "whole document, so name the article alone.")
    ordered = levels == sorted(levels) or levels == sorted(levels, reverse=True)
    return _checked(Address(tuple(Segment(k, found[k]) for k in kinds), part), raw), ordered
