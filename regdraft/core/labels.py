"""Unit kinds and their labels: the words for them and how labels are numbered, read and written.

Label rules (see invariant 3 in `regdraft.core.model`): parts and sections are Arabic (`1`),
chapters Roman (`II`), articles and clauses Arabic with an optional lower-case suffix
(`20a`, `5a`), points a letter with an optional digit suffix (`b`, `đ`, `d1`): the Vietnamese alphabet's in a
Vietnamese text (and a translation of one), a to z in an English text (`point_alphabet`); appendices Roman
(`I`) or in digits as the document writes them (`1`, `01`), or in an English text a capital letter (`A`: `Annex A`).

Post-conditions:
1. `from_roman(to_roman(n)) == n` for every n from 1 to `MAX_ROMAN`; `from_roman` accepts only canonical numerals.
   `chapter_label` is the one reader of a chapter number: `chapter_label(to_roman(n)) ==
   chapter_label(str(n)) == to_roman(n)`.
2. `part_label_from_text(part_label_text(label, language)) == label` for vi and en.
3. `label_order` sorts labels as they stand in a sequence; an unreadable label has position 0.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from enum import StrEnum

from regdraft.core.patterns import lazy


class Kind(StrEnum):
    """The level of a unit in a regulation."""

    PART = "part"
    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"  # tiểu mục: below a section, over articles (Luật Giáo dục 2019, Chương II Mục 1)
    ARTICLE = "article"
    CLAUSE = "clause"
    POINT = "point"
    APPENDIX = "appendix"  # phụ lục: after the last article, a title and free text (forms, tables), no clauses


HEADING_KINDS = frozenset({Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION, Kind.ARTICLE, Kind.APPENDIX})
CONTAINER_KINDS = frozenset({Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION})
"""The kinds whose heading stands alone: their content is the units under them, not text of their own."""
TEXT_HEADINGS = frozenset({Kind.ARTICLE, Kind.APPENDIX})
"""The kinds printed as a heading line (`Điều 5. Title`, `Phụ lục I. TITLE`) with their own text below it."""

POINT_LETTERS = tuple("a b c d đ e g h i k l m n o p q r s t u v x y".split())
ENGLISH_POINT_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")
_SORTING_LETTERS = tuple("a b c d đ e f g h i j k l m n o p q r s t u v w x y z".split())
_ALPHABETS = {"vi": POINT_LETTERS, "en": ENGLISH_POINT_LETTERS, "any": _SORTING_LETTERS}
"""The point alphabets by name: `vi` (a b c d đ e g …, no f, j, w, z), `en` (a to z, as English texts letter
points), and `any`, both merged, which orders the labels of either (for sorting only: its positions have gaps)."""


def point_alphabet(language: str, translation: bool = False, lettered_dd: bool = False) -> str:
    """The alphabet a text's points run in: `en` for an English text, unless it is a translation of a Vietnamese
    one (`translation_of`), or letters a point `dd` (đ): those keep the Vietnamese alphabet as the original does."""
    return "en" if language == "en" and not translation and not lettered_dd else "vi"


def point_letters(alphabet: str = "vi") -> tuple[str, ...]:
    """The letters of a point alphabet (`point_alphabet`), in order."""
    return _ALPHABETS.get(alphabet, POINT_LETTERS)


def outside_series(kind: Kind, label: str, alphabet: str = "vi") -> str:
    """Why a point lettered outside the Vietnamese series (`f`, `j`, `w`, `z`) is none, in a text whose points run
    in it (`alphabet`): `the Vietnamese series of points has no f (…)`; empty for any other label."""
    letter = label[:1].lower()
    if kind is not Kind.POINT or alphabet != "vi" or not letter.isalpha() or letter in POINT_LETTERS:
        return ""
    return (f"the Vietnamese series of points has no {letter} (a, b, c, d, đ, e, g, h, i, k ..., with no f, j, w "
            "or z)")


def instruction_letters(language: str, alphabet: str = "vi") -> tuple[str, ...]:
    """The letters an amending document in `language` writes its lettered instructions with, in order: those of
    `alphabet` (the text amended's, `point_alphabet`), đ written `dd` in English."""
    letters = point_letters(alphabet)
    return tuple(p.replace("đ", "dd") for p in letters) if language == "en" else letters

_NOUNS = {
    "vi": {
        Kind.PART: "Phần",
        Kind.CHAPTER: "Chương",
        Kind.SECTION: "Mục",
        Kind.SUBSECTION: "Tiểu mục",
        Kind.ARTICLE: "Điều",
        Kind.CLAUSE: "khoản",
        Kind.POINT: "điểm",
        Kind.APPENDIX: "Phụ lục",
    },
    "en": {
        Kind.PART: "Part",
        Kind.CHAPTER: "Chapter",
        Kind.SECTION: "Section",
        Kind.SUBSECTION: "Sub-section",
        Kind.ARTICLE: "Article",
        Kind.CLAUSE: "clause",
        Kind.POINT: "point",
        Kind.APPENDIX: "Appendix",
    },
}

KIND_OF_NOUN = {word.lower(): kind for nouns in _NOUNS.values() for kind, word in nouns.items()} | {
    "subsection": Kind.SUBSECTION, "annex": Kind.APPENDIX, "schedule": Kind.APPENDIX}
"""The kind a unit's noun names, in either language, lower case (`điều`, `article` -> ARTICLE; an English text's
`annex` and `schedule` are its appendices)."""

REPEALED_TEXT = {"vi": "(được bãi bỏ)", "en": "(repealed)"}

_VI_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
_EN_ORDINALS = ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def noun(kind: Kind, language: str = "vi") -> str:
    """The word for a unit kind in a language (`Điều`, `khoản`, `Article`, `clause`)."""
    return _NOUNS.get(language, _NOUNS["vi"])[kind]


def indefinite(word: str) -> str:
    """`word` after the indefinite article English puts before it: `an Article`, `an appendix`, `a clause` (`a Điều`
    in a message naming a Vietnamese noun)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def written(kind: Kind, label: str, language: str) -> str:
    """A label as a text in `language` writes it: an English text letters point đ `dd` (docs/format.md), and its
    messages name it so (`point dd`, never `point đ`)."""
    return label.replace("đ", "dd") if language == "en" and kind is Kind.POINT else label


MAX_ROMAN = 3999
_ROMAN_LETTERS = frozenset("IVXLCDM")


def to_roman(number: int) -> str:
    """Write a positive integer up to `MAX_ROMAN` in Roman numerals (a larger one stays in digits).

    A larger number has no standard Roman form; writing it out would cost memory in
    proportion to its value (`Chương 1000000000000` would be gigabytes of `M`).
    """
    if number > MAX_ROMAN:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def roman_from_digits(digits: str) -> str:
    """A chapter number written in digits as its Roman numeral (`12` -> `XII`); too long, as it is."""
    return to_roman(int(digits)) if len(digits) <= 6 else digits


_SUFFIX_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def chapter_label(raw: str) -> str | None:
    """A chapter's number as the model writes it (Roman, capitals), or None when it is not one.

    Digits become Roman (`2` -> `II`); an inserted chapter keeps its lower-case letter (`2a` and
    `IIa` -> `IIa`); a numeral written all in lower case is read in capitals (`ii` -> `II`).
    This is the one reading of a chapter number: headings, addresses, citations, amending
    instructions and imported documents all go through it.
    """
    base = raw.rstrip(_SUFFIX_LETTERS)
    suffix = raw[len(base):]
    if base.isdigit():
        return roman_from_digits(base) + suffix
    if base and from_roman(base) is not None:
        return base.upper() + suffix
    if raw and from_roman(raw) is not None:
        return raw.upper()
    return None


def appendix_label(raw: str, letters: bool = False) -> str | None:
    """An appendix's number as the model writes it, or None when it is not one: Roman in capitals (`ii` -> `II`),
    digits as written (`01`, as the document numbers it); with `letters` (an English text: `Annex A`) also one
    letter, in capitals."""
    if raw.isdigit() and len(raw) <= 6:
        return raw
    if from_roman(raw) is not None:
        return raw.upper()
    return raw.upper() if letters and len(raw) == 1 and raw.isascii() and raw.isalpha() else None


APPENDIX_HEADING = lazy(r"^(?P<word>PHỤ LỤC|Phụ lục|APPENDIX|Appendix|ANNEX|Annex|SCHEDULE|Schedule)\s+"
                        r"(?P<number>[IVXLC]+|\d{1,6}|[A-Z])\s*(?:[.:\-–—]\s*(?P<title>.*))?$")
"""An appendix's heading line as documents write it: `PHỤ LỤC I`, `Phụ lục 2. TITLE`, `Schedule 1`, `ANNEX A` (the
number, then the end or a separator: `Phụ lục I, II và III ban hành kèm theo …` is a sentence); groups `word`,
`number` and `title`. `appendix_heading` says which of them a text in a language reads as one."""
_UNNUMBERED_APPENDIX = lazy(r"^(?P<word>APPENDIX|Appendix|ANNEX|Annex|SCHEDULE|Schedule)$")
# The heading words a Vietnamese text has always read (an English `Schedule` or a lettered `ANNEX A` there is text).
_VI_APPENDIX_WORDS = frozenset({"phụ lục", "appendix", "annex"})
_VI_APPENDIX_NUMBER = lazy(r"^(?:[IVXLC]+|\d+)$")
APPENDIX_WORDS = ("Appendix", "Annex", "Schedule")
"""The words an English text heads its appendices with (`Schedule 1`, `Annex I`); a Vietnamese one `Phụ lục`."""


def appendix_heading(text: str, language: str, unnumbered: bool = False) -> tuple[str | None, str, str] | None:
    """An appendix heading line read in a text in `language`: its number as the model writes it
    (`appendix_label`; None for a number that is none, `PHỤ LỤC IIII`), its designation (`appendix_designation`:
    `Schedule 1`, or "" for the language's own `Phụ lục I` / `Appendix I`) and the title on the line (may be
    empty); None when the line is no appendix heading there.

    A Vietnamese text reads `PHỤ LỤC`, `APPENDIX` and `ANNEX` numbered in Roman numerals or digits, as it always
    has; an English one also `Schedule` and a letter (`Annex A`), and with `unnumbered` a word alone (`SCHEDULE`:
    the document's one appendix, numbered 1)."""
    found = APPENDIX_HEADING.match(text)
    english = language == "en"
    if found is None:
        alone = _UNNUMBERED_APPENDIX.match(text) if english and unnumbered else None
        return ("1", alone.group("word").capitalize(), "") if alone is not None else None
    word, number = found.group("word").lower(), found.group("number")
    if not english and (word not in _VI_APPENDIX_WORDS or not _VI_APPENDIX_NUMBER.match(number)):
        return None
    label = appendix_label(number, letters=english)
    return label, appendix_designation(word, label, language), (found.group("title") or "").strip()


def appendix_designation(word: str, label: str | None, language: str) -> str:
    """How a text designates an appendix when that is not `noun(APPENDIX, language)` and its number: `Schedule 1`,
    `Annex I`, `Schedule` (unnumbered: `label` None); "" for `Appendix I` in English and for any Vietnamese
    heading (`PHỤ LỤC I`, `ANNEX I` are printed `Phụ lục I`, as they always were)."""
    if language != "en":
        return ""
    shown = word.capitalize()
    if label is None:
        return shown
    return "" if shown == _NOUNS["en"][Kind.APPENDIX] else f"{shown} {label}"


def appendix_alphabet(labels: Iterable[str]) -> str:
    """How a document's appendices are numbered, for `label_order` and `base_label`: `letters` (`Annex A`, `B`,
    `C` … : a C there is the third) when one is a letter no Roman numeral has, else `roman` (I, II … or 1, 2 …)."""
    return "letters" if any(len(label) == 1 and label not in _ROMAN_LETTERS and label.isalpha()
                            for label in labels) else "roman"


ISSUED_WITH = lazy(r"\s*(\((?:Ban hành |Issued )?(?:[Kk]èm theo|[Ww]ith) .*\))\s*$")
"""The line under an appendix's title: `(Ban hành kèm theo Nghị định số 63/2010/NĐ-CP …)`, `(Issued with …)`;
`match` a paragraph that is that line, `search` a title that ends with it."""


def canonical_label(kind: Kind, raw: str) -> str:
    """A label as the model stores it: chapters Roman, parts Arabic, points with `đ`, the rest
    lower case; a label that cannot be read is returned as written (lower case) for the caller
    to report."""
    if kind is Kind.CHAPTER:
        return chapter_label(raw) or raw
    if kind is Kind.PART:
        return part_label_from_text(raw) or raw
    if kind is Kind.APPENDIX:
        return appendix_label(raw) or raw
    label = raw.lower()
    return label.replace("dd", "đ") if kind is Kind.POINT else label


def from_roman(text: str) -> int | None:
    """Read a Roman numeral; None when `text` is not one in canonical form."""
    upper = text.upper()
    if not upper or any(ch not in "IVXLCDM" for ch in upper):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(upper):
        value = values[ch]
        if i + 1 < len(upper) and values[upper[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if total > 0 and to_roman(total) == upper else None


def part_label_text(label: str, language: str) -> str:
    """How a part's number is written in a heading (`thứ nhất`, `One`)."""
    ordinals = _VI_ORDINALS if language == "vi" else _EN_ORDINALS
    if label.isdigit() and 1 <= int(label) <= len(ordinals):
        word = ordinals[int(label) - 1]
        return f"thứ {word}" if language == "vi" else word
    return label


def part_label_from_text(text: str) -> str | None:
    """Read a part's number from `thứ nhất`, `One`, `1`; None when unreadable."""
    words = text.strip()
    if words.isdigit():
        return str(int(words))
    from regdraft.core.text import unaccented

    lowered = unaccented(words)  # typed without diacritics too: `thu nhat`
    if lowered.startswith("thu "):
        lowered = lowered[4:].strip()
    for ordinals in (_VI_ORDINALS, _EN_ORDINALS):
        for i, word in enumerate(ordinals):
            if lowered == unaccented(word):
                return str(i + 1)
    if lowered == "bon":
        return "4"
    return None


_EN_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal_text(number: int, language: str) -> str:
    """An ordinal as a drafter writes it: `thứ hai`, `thứ 12`; `second`, `12th`."""
    if language == "en":
        return _EN_ORDINAL_WORDS[number - 1] if 1 <= number <= 10 else f"{number}th"
    return f"thứ {_VI_ORDINALS[number - 1]}" if 1 <= number <= 10 else f"thứ {number}"


def ordinal_from_text(text: str) -> int | None:
    """Read `thứ hai`, `hai`, `thứ 2`, `second`, `2nd`; None when it is not an ordinal."""
    lowered = text.strip().lower().removeprefix("thứ ").strip()
    number = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", lowered)
    if number is not None:
        return int(number.group(1)) or None
    if lowered in ("bốn",):
        return 4
    for words in (_VI_ORDINALS, _EN_ORDINAL_WORDS):
        if lowered in words:
            return words.index(lowered) + 1
    return None


SUFFIXED_LABEL = lazy(r"^(\d+)([a-z]*)$")
POINT_LABEL = lazy(r"^([a-zđ])(\d*)$")


@functools.lru_cache(maxsize=16384)
def label_order(kind: Kind, label: str, alphabet: str = "vi") -> tuple[int, str]:
    """A sort key for a label: the base position and the suffix (`5a` -> (5, 'a')); a point's position in
    `alphabet` (`point_alphabet`; `e` is 6 in `vi`, 5 in `en`)."""
    if kind is Kind.POINT:
        match = POINT_LABEL.match(label)
        letters = point_letters(alphabet)
        if match and match.group(1) in letters:
            return letters.index(match.group(1)) + 1, match.group(2)
        return 0, label
    if kind is Kind.APPENDIX and alphabet == "letters" and label[:1].isascii() and label[:1].isupper():
        return ord(label[0]) - 64, label[1:]  # `Annex B`: second
    if kind is Kind.CHAPTER or kind is Kind.APPENDIX:
        base = label.rstrip("abcdefghijklmnopqrstuvwxyz")
        roman = int(base) if kind is Kind.APPENDIX and base.isdigit() and len(base) <= 6 else from_roman(base)
        return (roman or 0), label[len(base):]
    match = SUFFIXED_LABEL.match(label)
    if match:
        return int(match.group(1)), match.group(2)
    return 0, label


def base_label(kind: Kind, position: int, alphabet: str = "vi") -> str:
    """The plain label at a position in a sequence (3 -> `3`, `III`, or `c`); points in `alphabet`."""
    if kind is Kind.POINT:
        letters = point_letters(alphabet)
        return letters[position - 1] if 0 < position <= len(letters) else "?"
    if kind is Kind.APPENDIX and alphabet == "letters":
        return chr(64 + position) if 0 < position <= 26 else "?"
    if kind is Kind.CHAPTER or kind is Kind.APPENDIX:
        return to_roman(position)
    return str(position)
