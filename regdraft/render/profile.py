"""The document-format profile: page, margins, fonts and header rules of an office's documents.

The Party format (Guideline 36-HD/VPTW) is the default; the state format (Decree 30/2020/NĐ-CP)
is the alternative. A workspace picks one with the `profile` key of regdraft.yaml, either by
name (`party-36`) or as a mapping that names a base profile and overrides fields:

    profile:
      name: party-36
      body_pt: 13

Post-conditions of `load_profile`:
1. The result is one of the known profiles, possibly with some fields overridden.
2. An unknown name or field raises `RegdraftError` naming the known ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from regdraft.core.errors import RegdraftError


@dataclass(frozen=True, slots=True)
class Profile:
    """How documents of one office look on paper (sizes in mm and points)."""

    name: str
    page_size: str = "A4"
    margin_top: float = 20
    margin_bottom: float = 20
    margin_left: float = 30
    margin_right: float = 15
    font_family: str = "Times New Roman"
    body_pt: float = 14
    national_pt: float = 15
    issuer_pt: float = 14
    number_colon: bool = False
    national_default: str = "ĐẢNG CỘNG SẢN VIỆT NAM"
    motto: str = ""
    issuer_mark: str = "*"
    page_numbers: str = "bottom"
    number_first_page: bool = True
    draft_label: str = "DỰ THẢO"

    def number_line(self, number: str, language: str = "vi") -> str:
        """The document number as printed: `Số 01-QC/TU` (Party), `Số: 30/2020/NĐ-CP` (state), `No. ...` (English)."""
        return f"{words(language)['number']}{':' if self.number_colon else ''} {number}"

    def draft_line(self, draft: int | str, language: str = "vi") -> str:
        """The draft banner: `DỰ THẢO lần 2` (Vietnamese, label from the profile) or `DRAFT No. 2` (English)."""
        label = self.draft_label if language == "vi" else words(language)["draft"]
        return f"{label} {words(language)['draft_no']} {draft}" if str(draft).isdigit() else f"{label} {draft}"


# The fixed words the header block and page numbers print, by document language; a language
# without an entry falls back to Vietnamese.
WORDS: dict[str, dict[str, str]] = {
    "vi": {"number": "Số", "draft": "DỰ THẢO", "draft_no": "lần", "page": "Trang"},
    "en": {"number": "No.", "draft": "DRAFT", "draft_no": "No.", "page": "Page"},
}


def words(language: str) -> dict[str, str]:
    """The header block's fixed words in `language` (Vietnamese when the language is unknown)."""
    return WORDS.get(language, WORDS["vi"])


PROFILES: dict[str, Profile] = {
    "party-36": Profile(name="party-36"),
    "state-30": Profile(
        name="state-30", margin_top=20, margin_bottom=20, margin_left=30, margin_right=15,
        body_pt=14, national_pt=13, issuer_pt=13, number_colon=True,
        national_default="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto="Độc lập - Tự do - Hạnh phúc",
        issuer_mark="", page_numbers="top", number_first_page=False,
    ),
}


def load_profile(config: Mapping[str, Any]) -> Profile:
    """The profile a workspace's settings choose (default `party-36`)."""
    chosen = config.get("profile", "party-36")
    overrides: dict[str, Any] = {}
    if isinstance(chosen, Mapping):
        overrides = {k: v for k, v in chosen.items() if k != "name"}
        chosen = chosen.get("name", "party-36")
    base = PROFILES.get(str(chosen))
    if base is None:
        known = ", ".join(sorted(PROFILES))
        raise RegdraftError(f"regdraft.yaml: the profile '{chosen}' is unknown; use one of {known}.")
    allowed = {f.name for f in fields(Profile)} - {"name"}
    unknown = sorted(set(overrides) - allowed)
    if unknown:
        raise RegdraftError(
            f"regdraft.yaml: the profile setting(s) {', '.join(unknown)} are unknown; "
            f"known settings: {', '.join(sorted(allowed))}."
        )
    problems = [message for key, value in overrides.items() if (message := _invalid(key, value))]
    if problems:
        raise RegdraftError("regdraft.yaml: " + " ".join(problems))
    return replace(base, **overrides) if overrides else base


# What each setting may hold. Values reach CSS and Word documents, so strings that do are
# limited to the characters such values need (no quote, brace, semicolon or backslash).
PAGE_SIZES = ("A3", "A4", "A5", "B5", "Letter", "Legal")
PAGE_NUMBERS = ("top", "bottom")
_CSS_SAFE = re.compile(r"[\w \-.,]{1,60}")
_SIZES = {"body_pt": (6, 30), "national_pt": (6, 40), "issuer_pt": (6, 40), "margin_top": (0, 80),
          "margin_bottom": (0, 80), "margin_left": (0, 80), "margin_right": (0, 80)}


def _invalid(key: str, value: Any) -> str:
    """Why `value` cannot be the profile setting `key` (a sentence), or "" when it can."""
    if key in _SIZES:
        low, high = _SIZES[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            return f"profile.{key} is {value!r}; it must be a number from {low} to {high}."
        return ""
    if key in ("number_colon", "number_first_page"):
        return "" if isinstance(value, bool) else f"profile.{key} is {value!r}; it must be true or false."
    if not isinstance(value, str):
        return f"profile.{key} is {value!r}; it must be text."
    if key == "page_size" and value not in PAGE_SIZES:
        return f"profile.page_size is '{value}'; use one of {', '.join(PAGE_SIZES)}."
    if key == "page_numbers" and value not in PAGE_NUMBERS:
        return f"profile.page_numbers is '{value}'; use top or bottom."
    if key == "font_family" and not _CSS_SAFE.fullmatch(value):
        return f"profile.font_family is '{value}'; a font name has letters, digits, spaces and hyphens only."
    if any(ord(ch) < 32 or ch in "\x7f\u2028\u2029" for ch in value):
        return f"profile.{key} holds a control character; write it as plain text."
    return ""


_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def place_date(place: str, date: dt.date | str | None, language: str = "vi") -> str:
    """`Điện Biên, ngày 09 tháng 01 năm 2021`: days below 10 and months 1-2 take a leading zero."""
    if date is None or date == "":
        return place
    try:
        day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    except ValueError:
        # A placeholder (`FIXME`) or a typed date that is not ISO: `regdraft check` names it;
        # the document still prints, with the value as written.
        return f"{place}, {date}" if place else str(date)
    if language == "en":
        text = f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
        return f"{place}, {text}" if place else text
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text.capitalize()
