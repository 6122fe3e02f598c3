"""What the amended text calls itself (`Quy chế này`, `these Regulations`, `these Staff Rules`): the one source of the
name an instruction changing words "throughout" it, or adding an appendix at its end, uses, and of the name regdraft
suggests for it (r34 sweep BE defect 3).

Post-conditions:
1. `own_names(regulation, language)[0]` is the name to write: for an English text, the name its enacting words give it
   (`The Board of Members issues these Staff Rules.`), else the one its provisions use most (`these Rules`), else its
   type's (`these Staff Rules` for Staff Rules, `this Law`); for a Vietnamese one, its type's word (`Quy chế`, `Luật`).
2. Every name in `own_names` is accepted without a warning: an English text's type whole and each shorter ending of
   it (`these Staff Rules`, `these Rules`), the names it uses, and `this document` / `văn bản`. A type longer than
   `LONGEST_TYPE` characters gives no name (`this document` only): the names, and the one search of every paragraph
   for them, stay within a bound.
3. `whole(language)` is the phrase a refusal or a suggestion names the whole text with (`throughout these Staff
   Rules`, `trong toàn bộ Quy chế`): the amended text's own name inside `naming(...)`, a Party regulation's words
   outside.
4. `other_text(name, regulation)` is "" exactly when `name`, the text a word change names as its whole scope (`trong
   toàn bộ Luật Thi đua, khen thưởng`, `… Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ …`), is
   `regulation`: its number (`số …`, `No. …`, or one with a slash without `số`: `Nghị định 63/2010/NĐ-CP`) is the
   regulation's, and the words before it, or the whole name without one, are its title (capitals, spacing and tone
   placement aside; in English after a leading `the`, or its type then `on`/`of` and its title: `the Law on
   Tourism`), or before a number its type; a year after those words (`Luật Đấu thầu năm 2023`) is the year it was
   signed. Else a refusal saying which text the amendment amends and the wording that names it whole, in the
   instruction's language (`throughout these Rules`), never as if it were the name refused (r36 sweep BJ F2).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from regdraft.core.dates import read_date
from regdraft.core.text import excerpt, tone_key, unaccented

if TYPE_CHECKING:
    from regdraft.core.model import Regulation

# The document a phrase is replaced throughout, by the amended text's type (`grammar` reads each of them back).
WHOLE_VI = ("Quy chế", "Quy định", "Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Thông tư", "Nghị quyết",
            "Quyết định")
_WHOLE_EN = {"regulation": "this Regulation", "regulations": "these Regulations", "law": "this Law",
             "code": "this Code", "decree": "this Decree", "rules": "these Rules", "ordinance": "this Ordinance",
             "circular": "this Circular", "resolution": "this Resolution", "decision": "this Decision"}
# The English type words a text names itself by (`these Staff Rules` ends in one), for the grammar and the warnings.
TYPES_EN = r"(?:Regulations?|document|Law|Code|Decree|Rules|Ordinance|Circular|Resolution|Decision)"
# A type is a few words (`Staff Rules`, `Financial Regulation`). Each ending of a longer one was a name, so the names
# grew with the square of its length, all of them one regex run over every paragraph: a 12 KB `type:` took 13 s and
# 1.3 GB to check an amendment (r35 sweep BH F1). A type longer than this names nothing.
LONGEST_TYPE = 200


def document_word(meta_type: str, language: str) -> str:
    """The amended document as an instruction names it whole by its type alone: `Quy chế`, `Luật`, `văn bản`;
    `this Law`, `these Staff Rules`."""
    kind = " ".join(meta_type.split())
    if language == "en":
        words = kind.split()
        last = _WHOLE_EN.get(words[-1].lower()) if words else "these Regulations"
        if last is None:
            return "this document"
        return f"{last.split()[0]} {' '.join(words[:-1] + [last.split()[1]])}"  # `these Staff Rules`
    if not kind:
        return "Quy chế"
    return next((word for word in WHOLE_VI if word.lower() == kind.lower()), "văn bản")


def whole_document(meta_type: str, language: str) -> str:
    """`trong toàn bộ Quy chế` (`Quy định`, `Luật`, `Nghị định` … as the amended text is), `throughout these
    Regulations` (`this Law`, `these Staff Rules` …); a text of another type: `trong toàn bộ văn bản`, `throughout this
    document`; one with no type, a Party regulation's words."""
    return f"{'throughout' if language == 'en' else 'trong toàn bộ'} {document_word(meta_type, language)}"


def _endings(kind: str) -> list[str]:
    """The type's name whole and each shorter ending of it, with their determiner: `these Staff Rules`, `these
    Rules`; none for a type longer than `LONGEST_TYPE`."""
    first = document_word(kind, "en")
    if first == "this document" or len(kind) > LONGEST_TYPE:
        return []
    determiner, *words = first.split()
    return [f"{determiner} {' '.join(words[i:])}" for i in range(len(words))]


def own_names(regulation: Regulation, language: str | None = None) -> tuple[str, ...]:
    """The names `regulation` goes by in an instruction of `language` (its own by default), the one to write first
    (post-conditions 1 and 2)."""
    kind = str(regulation.meta.get("type") or "").strip()
    language = language or regulation.language
    if language != "en":
        return tuple(dict.fromkeys((document_word(kind, "vi"), "văn bản")))
    endings = _endings(kind) or ([] if kind else ["these Regulations"])
    used: list[str] = []
    if endings and regulation.language == "en":
        pattern = re.compile(r"\b(?:this|these)\s+(?:" + "|".join(re.escape(" ".join(e.split()[1:])) for e in endings)
                             + r")\b", re.I)

        def found(paragraphs: Iterator[str] | tuple[str, ...]) -> list[str]:
            return [" ".join(m.group(0).split()) for text in paragraphs for m in pattern.finditer(text)]

        def named(phrase: str) -> str:
            return next(e for e in endings if e.lower() == phrase.lower())

        enacting = [named(p) for p in found(regulation.preamble)]
        counted = Counter(named(p) for p in found(_texts(regulation)))
        used = enacting[:1] + [name for name, _ in counted.most_common()]
    return tuple(dict.fromkeys([*used, *endings, "this document"]))


def _texts(regulation: Regulation) -> Iterator[str]:
    for located in regulation.walk():
        yield from located.unit.text


_NAMES: ContextVar[Mapping[str, str] | None] = ContextVar("names", default=None)


@contextmanager
def naming(names: Mapping[str, str]) -> Iterator[None]:
    """Inside, `whole` names the amended text as `names` (by language: `{"en": "these Staff Rules"}`) does."""
    token = _NAMES.set(names)
    try:
        yield
    finally:
        _NAMES.reset(token)


def whole(language: str) -> str:
    """`throughout these Staff Rules`, `trong toàn bộ Quy chế`: the whole amended text, as `naming` names it."""
    name = (_NAMES.get() or {}).get(language) or document_word("", language)
    return f"{'throughout' if language == 'en' else 'trong toàn bộ'} {name}"


# A text named by its number: `Nghị định số 63/2010/NĐ-CP`, `Luật Thi đua, khen thưởng số 15/2003/QH11`, `Decree No.
# 63/2010/ND-CP` (a number starts with a digit: `một số điều` is no number), or without `số` one with a slash
# (`Nghị định 63/2010/NĐ-CP`, `Luật 22/2023/QH15`; `năm 2023` is a year, not a number).
_NUMBER = re.compile(r"(?:^|\s|,)\s*(?:(?:số|No\.?|number)\s*:?\s*(?P<number>\d[^\s,;]*)"
                     r"|(?P<bare>\d[^\s,;/]*/[^\s,;]*))", re.I)
# A name with its year, as laws are named (`Luật Đấu thầu năm 2023`), read from its `_key`.
_YEAR = re.compile(r"^(?P<words>.*?)\s+năm\s+(?P<year>\d{4})$")


def _key(text: str) -> str:
    return tone_key(" ".join(text.split())).casefold().strip(" ,.;:")


def other_text(name: str, regulation: Regulation, language: str = "vi") -> str:
    """"" when `name` (`Luật Thi đua, khen thưởng`, `Nghị định số 63/2010/NĐ-CP`, `Law on Tourism`, `Decree No. …`)
    names `regulation`, else why an instruction of `language` changing words throughout `name` cannot be applied to it
    (post-condition 4)."""
    kind = " ".join(str(regulation.meta.get("type") or "").split())
    title = " ".join(str(regulation.meta.get("title") or "").split())
    titles = {_key(title), _key(f"{kind} {title}")} if title else set()
    numbers = {unaccented(str(n)).strip() for n in (regulation.id, regulation.meta.get("number")) if n}
    number = _NUMBER.search(name)
    words = _key(name[:number.start()] if number else name)
    if language == "en":  # `the Law on Tourism`; its type named by any of its ending words (`Rules`, `Staff Rules`)
        words = re.sub(r"^the\s+", "", words)
        titles |= {_key(f"{kind[:1].upper()}{kind[1:]} {on} {title}") for on in ("on", "of")} if title else set()
    signed = read_date(regulation.meta.get("signed"))  # a law is named by the year it was passed and signed
    if year := None if words in titles else _YEAR.match(words):  # a title of its own may end in a year
        words = year["words"]
    dated = year is None or (signed is not None and year["year"] == str(signed.year))
    numbered = number is not None and unaccented(number["number"] or number["bare"]).rstrip(".") in numbers
    if number is None:
        named = words in titles
    else:  # by its number, after its type's word (`Nghị định số …`) or its title (`Luật Thi đua, khen thưởng số …`)
        types = {_key(kind)} if kind else {_key(w) for w in WHOLE_VI}
        if language == "en":
            types |= {_key(" ".join(kind.split()[i:])) for i in range(len(kind.split()))} or {"regulations"}
        named = numbered and (words in titles or words in types)
    if named and dated:
        return ""
    this = regulation.id or regulation.source
    # `Luật Thi đua, khen thưởng` (its type before its title); an English title holds its type (`Law on Tourism`)
    full = title if not kind or language == "en" or _key(title).startswith(_key(kind)) else f"{kind} {title}"
    if language == "en":
        own = own_names(regulation, "en")[0]
        by_title, wording = (f" (or ‘throughout the {full}’)" if title else ""), f"throughout {own}"
    else:
        by_title = f" (or ‘trong toàn bộ {full}’)" if title else ""
        wording = f"trong toàn bộ {document_word(kind, 'vi')}"
    advice = f"to change the words throughout {this}, write ‘{wording}’{by_title}."
    if numbered and not named:  # not "… is not the text …, 63/2010/NĐ-CP" of its own number
        return (f"{excerpt(name)} has the number of the text this amendment amends, {this}, but not its name"
                f"{f', {full}' if title else ''}: {advice}")
    known = f"{full} năm {signed.year}" if year and signed and language != "en" else full
    return (f"{excerpt(name)} is not the text this amendment amends, {this}{f' ({known})' if title else ''}: "
            f"{advice}")
