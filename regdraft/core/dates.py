"""Dates as drafters write them: `2025-03-15`, or `15/03/2025` as Vietnamese letters do.

Two readers. `read_date` reads a stored value (front matter, a file regdraft wrote): `YYYY-MM-DD` or `DD/MM/YYYY`.
`parse_date` reads a date someone typed (a command's option, a form of the review server), in every form regdraft
writes and Vietnamese offices type.

Post-conditions of `parse_date`:
1. `2025-01-15`, `15/01/2025`, `15/1/2025`, `15-01-2025`, `15.01.2025`, `ngày 15 tháng 01 năm 2025`,
   `15 tháng 1 năm 2025`, `15 January 2025` and `January 15, 2025` give the date; in figures the day always comes
   before the month (never `01/15/2025`: Vietnam writes the day first); a `date` is returned as it is.
2. Anything else is a `UsageError` naming the date in the drafter's words (`what`), what was typed, why it is no
   date when that can be said (`February 2025 has 28 days`, `there is no month 15`) and the forms (`TYPED_FORMS`);
   the command line adds the option's name.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import Problem, UsageError
from regdraft.core.frontmatter import key_line
from regdraft.core.patterns import lazy

if TYPE_CHECKING:
    from regdraft.core.model import Regulation

FORMS = "YYYY-MM-DD (or DD/MM/YYYY)"  # a stored date's forms (`read_date`)
# A typed date's forms (`parse_date`), as the refusal names them.
TYPED_FORMS = ("2025-01-15, 15/01/2025, 15-01-2025, 15.01.2025, ngày 15 tháng 01 năm 2025, 15 January 2025 or "
               "January 15, 2025 (in figures the day comes before the month, unless the year comes first)")


def signed_after(meta: Mapping[str, Any], day: dt.date) -> dt.date | None:
    """The date a regulation (its front matter `meta`) was signed, when that is after `day`: an amending document
    cannot be signed, nor first take effect, before the text it amends was itself signed (a year mistyped, 1925 for
    2025). The one rule `amend new --signed` and `amend adopt` apply (r39 sweeps BY F3, CC F5)."""
    own = read_date(meta.get("signed"))
    return own if own is not None and day < own else None


def read_date(value: Any) -> dt.date | None:
    """The date `value` holds (a date, or text in either form); None when it holds none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def parse_date(value: str | dt.date, what: str = "the date") -> dt.date:
    """The date `value` holds, typed in any form of `TYPED_FORMS`; `UsageError` naming `what` (`the signing date`)
    when it holds none."""
    day, why = typed_date(value)
    if day is None:
        raise UsageError(f"{what[:1].upper()}{what[1:]} {refused_date(value, why)}")
    return day


def refused_date(value: object, why: str) -> str:
    """`'31/02/2025' is not a date: February 2025 has 28 days; write it as …`: the refusal of a typed date."""
    return f"'{value}' is not a date{': ' + why if why else ''}; write it as {TYPED_FORMS}."


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# A month typed in English: its name, the name's first three letters (`Jan`, `Sep`), or `Sept`.
_MONTH_WORDS = {**{name: n for n, name in enumerate(_MONTHS, 1)}, **{name[:3]: n for n, name in enumerate(_MONTHS, 1)},
                "sept": 9}
_TYPED_MONTH = "(" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")\.?"
# Each typed form: the order of its day, month and year, and the pattern; `dmy/` is the day and month in figures
# with a separator, the form an American reader would take for month first.
_TYPED = (
    ("ymd", lazy(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})")),  # 2026/12/07 too (r39 sweep BW F4: "is not a date")
    ("dmy/", lazy(r"(?:ngày )?(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.IGNORECASE)),
    ("dmy", lazy(r"(?:ngày )?(\d{1,2}) tháng (\d{1,2}),? năm (\d{4})", re.IGNORECASE)),
    ("dmy", lazy(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _TYPED_MONTH + r",? (\d{4})", re.IGNORECASE)),
    ("mdy", lazy(_TYPED_MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", re.IGNORECASE)),
)
_SHORT_YEAR = lazy(r"(?:ngày )?\d{1,2}([/.-])\d{1,2}\1\d{2}", re.IGNORECASE)


def typed_date(value: object) -> tuple[dt.date | None, str]:
    """The date a typed `value` holds (`parse_date`'s forms) and "", or None and why it holds none ("" when it is not
    written as a date at all)."""
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    if not isinstance(value, str):
        return None, ""
    text = " ".join(unicodedata.normalize("NFC", value).split()).rstrip(".")
    for order, pattern in _TYPED:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        parts = [part for part in found.groups() if part not in ("/", ".", "-")]
        words = [_MONTH_WORDS[p.lower()] if p.lower() in _MONTH_WORDS else int(p) for p in parts]
        day, month, year = {"ymd": (words[2], words[1], words[0]), "mdy": (words[1], words[0], words[2])}.get(
            order, (words[0], words[1], words[2]))
        return _checked(day, month, year, day_first=order == "dmy/")
    if _SHORT_YEAR.fullmatch(text):
        return None, "write the year in four figures"
    return None, ""


def _checked(day: int, month: int, year: int, day_first: bool) -> tuple[dt.date | None, str]:
    """The date of `day`, `month` and `year`, or None and why there is none; `day_first` when the day and month were
    typed in figures, day first (`01/15/2025` is refused as month 15, and told so)."""
    if year < 1:
        return None, f"there is no year {year}"
    if not 1 <= month <= 12:
        first = " (the day comes first)" if day_first and 1 <= day <= 12 else ""
        return None, f"there is no month {month}{first}"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return None, f"{_MONTHS[month - 1].capitalize()} {year} has {last} days"
    return dt.date(year, month, day), ""


# The fields a date written in words may use (a profile's `date_in_words`, `date_cited_in_words`).
DATE_FIELDS = frozenset({"day", "dd", "month", "mm", "month_name", "year"})


def written_date(day: dt.date, pattern: str, month_names: str) -> str:
    """A date in a profile's words: `ngày {dd} tháng {mm} năm {year}`, `{day} {month_name} {year}`.

    `{day}` and `{month}` are bare numbers, `{dd}` the day with a leading zero below 10, `{mm}` the
    month as Party and state documents write it (01 and 02 with a leading zero, so that no digit
    can be put before them; 3 to 12 without), `{month_name}` one of the twelve comma-separated
    `month_names`.
    """
    names = [name.strip() for name in month_names.split(",")]
    return pattern.format(day=day.day, dd=f"{day.day:02d}", month=day.month,
                          mm=f"{day.month:02d}" if day.month <= 2 else str(day.month),
                          month_name=names[day.month - 1] if len(names) == 12 else str(day.month), year=day.year)


# The date the document itself takes effect: `Nghị định này có hiệu lực thi hành kể từ ngày 14 tháng 10 năm 2010`
# (the document named by its type and `này`, a compound type whole: `Thông tư liên tịch này`, `Quy chế phối hợp này`,
# see `compound_type`; a provision of it, `Khoản 3 Điều 1 của Luật này có hiệu lực …`, names the document too, so
# only the first such sentence counts: final provisions put the whole text's date first).
# The date in words or in figures (`từ ngày 01/02/2022`, as Party documents often write it).
# A paragraph may open with a clause or point label in any form the importer reads (`1.`, `1)`, `1-`, `2a.`,
# `Khoản 1.`, `a)`, `a.`, `(a)`; `1\\.` as Markdown escapes it): the sentence starts after it.
_LABEL = r"(?:(?:Khoản\s+)?\d{1,3}[a-z]?\s?(?:\\?\.|[)\-])|(?:Điểm\s+)?\(?(?:dd|[a-zđ])\d*\s?(?:\\?\.|[)\-]))"
_SENTENCE_START = r"(?:^|[.;]\s+|^" + _LABEL + r"\s+)"
_TAKES_EFFECT = lazy(
    _SENTENCE_START + r"(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Thông tư|Quy chế|Quy định|Chỉ thị|"
    r"Hướng dẫn|Văn bản|Chương trình|Kế hoạch)(?:\s+(?:liên tịch|phối hợp))?\s+này\s+"
    r"có hiệu lực(?: thi hành)?(?: kể)? từ ngày\s+"
    r"(?:(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(\d{1,2})/(\d{1,2})/(\d{4}))")
# English, as translations of Vietnamese texts and the shipped English text write it: `This Law takes effect on
# January 1, 2025`, `This Decree comes into force as of 14 October 2010`, `These Regulations take effect from
# 01/02/2022` (day first, as in Vietnamese); `… from the date of signing` gives no date.
_MONTH = "(" + "|".join(m.capitalize() for m in _MONTHS) + ")"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
# A date as English texts write it, in nine groups (`english_date`): `1 January 2025`, `January 1st, 2025`,
# `01/01/2025`.
ENGLISH_DATE = (r"(?:" + _ORDINAL + r"\s+" + _MONTH + r",?\s+(\d{4})|" + _MONTH + r"\s+" + _ORDINAL + r",?\s+(\d{4})|"
                r"(\d{1,2})/(\d{1,2})/(\d{4}))\b")
_TAKES_EFFECT_EN = lazy(
    _SENTENCE_START + r"(?:This|These)\s+(?:Joint\s+)?(?:Law|Code|Ordinance|Resolution|Decree|Decision|Circular|"
    r"Regulations?|Rules|Directive|Guidelines?|Instructions?|Document|Bylaws|By-[Ll]aws|Constitution|Statutes?|Charter|"
    r"Articles\s+of\s+Association|Standing\s+Orders|Rules\s+of\s+Procedure)\s+(?:shall\s+)?(?:takes?|comes?|enters?)\s+"
    r"(?:effect|into\s+(?:force|effect))\s+(?:on|from|as\s+(?:of|from))\s+" + ENGLISH_DATE)


def english_date(groups: Sequence[str | None]) -> dt.date | None:
    """The date the nine groups of an `ENGLISH_DATE` match give (the day first in figures, as in Vietnamese);
    None for an impossible one."""
    g = list(groups)
    try:
        if g[0]:  # 1 January 2025
            return dt.date(int(g[2] or 0), _MONTHS.index(str(g[1]).lower()) + 1, int(g[0]))
        if g[3]:  # January 1, 2025
            return dt.date(int(g[5] or 0), _MONTHS.index(g[3].lower()) + 1, int(g[4] or 0))
        return dt.date(int(g[8] or 0), int(g[7] or 0), int(g[6] or 0))  # 01/01/2025
    except ValueError:
        return None


def takes_effect(text: str, language: str = "vi") -> dt.date | None:
    """The date a sentence of `text` says the document takes effect on (`Luật này có hiệu lực thi hành từ ngày 01
    tháng 01 năm 2024`; in English `This Law takes effect on January 1, 2024`), None when it says none (`… có hiệu
    lực kể từ ngày ký`, `… from the date of signing`) or names an impossible date."""
    if language == "en":
        found = _TAKES_EFFECT_EN.search(text)
        return english_date(found.groups()) if found is not None else None
    found = _TAKES_EFFECT.search(text)
    if found is None:
        return None
    day, month, year = [int(n) for n in found.groups() if n is not None]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def effective_unsaid(reg: Regulation) -> list[Problem]:
    """A warning when the text says it takes effect on a date its front matter does not give: without `effective`
    it counts as in force from its signing (a text imported before the date was read from its final provisions)."""
    for loc in reg.walk():
        for text in (*loc.unit.text, *loc.unit.closing):
            day = takes_effect(text, reg.language)
            if day is None:
                continue
            signed = read_date(reg.meta.get("signed"))
            if day == signed:
                return []
            since = f"its signing ({signed.isoformat()})" if signed else "an unknown date"
            where = loc.address.describe(reg.language)
            return [Problem(f"{where[:1].upper()}{where[1:]} says the text takes effect on {day.isoformat()}, "
                            f"but the front matter gives no 'effective', so it counts as in force from {since}; "
                            f"add `effective: {day.isoformat()}` to the front matter.",
                            reg.source, loc.unit.line, warning=True)]
    return []


# A state document's number carries the year it is issued in, after the number (`22/2023/QH15`, `63/2010/NĐ-CP`):
# Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1, numbers a body's documents from 01 each year, after signing (khoản 2).
_NUMBER_YEAR = lazy(r"\d+[a-z]?/(\d{4})/")


def issue_dates(meta: Mapping[str, Any], lines: Sequence[str], source: str, number_key: str = "id") -> list[Problem]:
    """Warnings, each naming the file and the front matter's lines (`lines`, from the file's first), for dates that
    contradict each other: the text taking effect (`effective`) before it is signed (`signed`), and its number
    (`number`, else `number_key`) bearing another year than the one it was signed in (`12/2023/QH15` signed in 2024).
    None without a signing date. Warnings, not problems: a text may say it applies to earlier days, and a record
    may be so; the drafter is told which dates to look at."""
    signed = read_date(meta.get("signed"))
    if signed is None:
        return []
    out = []
    at = key_line(list(lines), "signed")
    effective = read_date(meta.get("effective"))
    if effective is not None and effective < signed:
        out.append(Problem(
            f"The front matter's 'effective' ({effective.isoformat()}) is before its 'signed' ({signed.isoformat()}, "
            f"line {at}): a text takes effect on or after the day it is signed; correct the date that is wrong, "
            f"unless the text itself says it takes effect before it was signed.",
            source, key_line(list(lines), "effective"), warning=True))
    key = "number" if meta.get("number") else number_key
    number = str(meta.get(key) or "").strip()
    found = _NUMBER_YEAR.match(number)
    if found is not None and int(found.group(1)) != signed.year:
        out.append(Problem(
            f"The number {number} bears the year {found.group(1)}, but the front matter's 'signed' is "
            f"{signed.isoformat()} (line {at}): a document's number bears the year it is issued in, numbers running "
            f"from 01 each year (Nghị định 30/2020/NĐ-CP, Điều 15); correct the number or the signing date.",
            source, key_line(list(lines), key), warning=True))
    return out


# The front-matter key keeping the date of a document's header as it prints it, where that differs from the rule
# (`ngày 08 tháng 06 năm 2010`: Nghị định 63/2010/NĐ-CP's; the rule writes `tháng 6`): a reprint of the document keeps
# it, as it keeps the document's other words; a document regdraft writes dates itself by the rule.
DATE_LINE = "date_line"
_DATE_WORDS = lazy(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_RULE = "ngày {dd} tháng {mm} năm {year}"  # Nghị định 30/2020/NĐ-CP, Phụ lục I, 4b: 05, 01 and 02 with their zero


def _words_day(found: Any) -> dt.date | None:
    try:
        return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None


def date_line(text: str, day: dt.date) -> str:
    """The date words of a header line (`Hà Nội, ngày 08 tháng 06 năm 2010`) when they write `day` otherwise than the
    rule does (`ngày 08 tháng 6 năm 2010`), spaces as one: what `DATE_LINE` keeps; "" when they write it so, or the
    line holds none of that day."""
    found = _DATE_WORDS.search(text)
    if found is None or _words_day(found) != day:
        return ""
    words = " ".join(found.group(0).split())
    return "" if words == written_date(day, _RULE, "") else words


def kept_date_line(meta: Mapping[str, Any], day: dt.date | None) -> str:
    """The document's own date words (`DATE_LINE`) when they are of `day`, the date printed; "" otherwise (none kept,
    or kept of a date since corrected: the rule then writes the date)."""
    text = meta.get(DATE_LINE)
    if not isinstance(text, str) or day is None:
        return ""
    words = " ".join(text.split())
    found = _DATE_WORDS.fullmatch(words)
    return words if found is not None and _words_day(found) == day else ""
