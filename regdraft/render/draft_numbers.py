"""The number line of an unnumbered draft: a blank for the number, in the series the document will take.

Post-conditions of `draft_number`:
1. The result is "" or six no-break spaces (kept open for the number: plain spaces would collapse) followed by the
   series: the year the draft is written in where the series has one, and the series of the text it amends.
2. A series is given only when it is plainly the draft's: the text amended is of the draft's type (`NĐ-CP` for a
   decree amending a decree), or both are laws (ordinances), whose series ends in the term of the legislature.
3. A term regdraft cannot know is `…` (`      /2026/QH…`), never the term of an earlier year's text.

`unissued(number)` is the blank followed by `number`'s series (`      /2025/NĐ-CP`): a draft numbered before it is
issued prints no number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from regdraft.core.document_names import translated_number
from regdraft.core.patterns import lazy

BLANK = "\u00a0" * 6  # kept open for the number: plain spaces would collapse
UNKNOWN_TERM = "…"  # the term of a law's series regdraft cannot know (`01/2026/QH…`, as `amend adopt` suggests it)

# A document type and the abbreviation its numbers carry (Nghị định 30/2020/NĐ-CP, Phụ lục III; Hướng dẫn
# 36-HD/VPTW): `63/2010/NĐ-CP`, `01-QC/TU`.
_ABBREVIATIONS = {"nghị định": "NĐ", "quyết định": "QĐ", "quy chế": "QC", "thông tư": "TT", "nghị quyết": "NQ",
                  "chỉ thị": "CT", "hướng dẫn": "HD", "quy định": "QĐi", "kết luận": "KL"}
_SERIES = lazy(r"\d+(?P<year>/\d{4})?(?P<series>[/-][^\d\s]+)")

# A law's (a code's) number ends in the term of the National Assembly that passes it, an ordinance's in that of its
# Standing Committee (`22/2023/QH15`, `02/2021/UBTVQH14`); Luật 57/2024/QH15 was `Luật số:      /2024/QH15` as a draft.
_LEGISLATED = {"luật": "QH", "bộ luật": "QH", "law": "QH", "code": "QH", "pháp lệnh": "UBTVQH", "ordinance": "UBTVQH"}
_TERMED = lazy(r"\d+/(?P<year>\d{4})/(?P<series>[^\d\s/]+?)(?P<term>\d+)")


def draft_number(meta: Mapping[str, Any], today: dt.date, amended_number: str = "") -> str:
    """The number line's blank of an unnumbered draft in the series of the text it amends, when it is of the
    same type: `     /2026/NĐ-CP` for a decree amending Nghị định 63/2010/NĐ-CP, `     -QC/TU` for a Quy chế
    amending 01-QC/TU, `     /2026/SR-SH` for English Staff Rules amending 01/2024/SR-SH (an English type is
    known by its initials, `SR`); a law's in the National Assembly's series, `     /2026/QH…`, the term known only
    from a text amended of the same year (terms change: 22/2023/QH15 is amended by a law of term XVI); "" when
    the series is not plainly the draft's (another type). `amended_number` is the number of the text amended, whose
    series is taken when its workspace id is a name, not a number (Staff Rules `01/2026/SR-VNO` kept as `SR-2026`:
    the draft printed `No.` alone)."""
    regulation = str(meta.get("regulation") or "").strip()
    original = translated_number(regulation, meta)
    translation = original != regulation
    if amended_number.strip() and _SERIES.fullmatch(original) is None:
        original = translated_number(amended_number.strip(), meta)
    legislated = _LEGISLATED.get(str(meta.get("type") or "").strip().lower())
    if legislated:
        termed = _TERMED.fullmatch(original)
        if termed is None or termed.group("series") != legislated:
            return ""
        term = termed.group("term") if termed.group("year") == str(today.year) else UNKNOWN_TERM
        return f"{BLANK}/{today.year}/{legislated}{term}"
    # A translation is numbered as its original (`01-QC/TU-EN` is 01-QC/TU): its English type (`Regulations`) is
    # known by the Vietnamese type it translates.
    abbreviation = _translated_abbreviation(meta) if translation else _abbreviation(meta)
    found = _SERIES.fullmatch(original)
    if abbreviation is None or found is None or abbreviation not in re.split(r"[/-]", found.group("series")):
        return ""
    return f"{BLANK}{f'/{today.year}' if found.group('year') else ''}{found.group('series')}"


# The Vietnamese types as an English translation names them, for a translation's number series.
_TRANSLATED = {"regulations": "QC", "working regulations": "QC", "decision": "QĐ", "decree": "NĐ",
               "circular": "TT", "resolution": "NQ", "directive": "CT", "guidance": "HD", "guidelines": "HD",
               "conclusion": "KL"}


def _translated_abbreviation(meta: Mapping[str, Any]) -> str | None:
    return _TRANSLATED.get(str(meta.get("type") or "").strip().lower())


def _abbreviation(meta: Mapping[str, Any]) -> str | None:
    """The code a number series gives the draft's type: `QĐ` for a Quyết định; for an English draft, whose types
    are the issuer's own (`Staff Rules`, `Code of Conduct`), the initials of the type's capitalised words (`SR`,
    `CC`). None for a type without one."""
    kind = str(meta.get("type") or "").strip()
    if str(meta.get("language") or "vi") != "en":
        return _ABBREVIATIONS.get(kind.lower())
    return "".join(word[0] for word in kind.split() if word[:1].isupper()) or None


_OWN_NUMBER = lazy(r"\d+[a-z]?(?=[/-])")  # `12` of `12/2025/NĐ-CP`, `05a` of `05a-QC/TU`: the number the clerk gives


def unissued(number: str) -> str:
    """The number line's blank of a draft already numbered (`amend number`) but not yet issued: its own series with
    the number left out, `      /2025/NĐ-CP` for `12/2025/NĐ-CP`, `      -QC/TU` for `07-QC/TU` (the blank alone for a
    number that does not open with one)."""
    found = _OWN_NUMBER.match(number.strip())
    return BLANK + number.strip()[found.end():] if found else BLANK
