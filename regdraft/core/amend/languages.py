"""An amendment written in another language than the text it amends (`language: vi` on an amendment of an English
translation): it reads, since instructions cite provisions alike in both, but the amending document prints its own
words in its language around the other's text (`Điều 1. Amendments to …`, `DỰ THẢO lần 1`; r34 sweep BE defect 4).

Post-conditions of `language_differs`:
1. One warning when the amendment's language is not the amended text's, at the line of `language:` in its front
   matter, naming both languages, the words that will print in the amendment's, and the two ways to fix it. One
   whose front matter gives none is read in the amended text's language (`workspace.amendments.amended_language`),
   so it is warned of only when read without that text (`vi`), at its first line.
2. Nothing when the languages agree.
"""

from __future__ import annotations

from regdraft.core.amend.document import Amendment
from regdraft.core.errors import Problem
from regdraft.core.model import Regulation

_NAMES = {"vi": "Vietnamese", "en": "English"}
# What an amending document prints in its own language, and an instruction as it is worded in each.
_PRINTED = {"vi": "“Điều 1”, “DỰ THẢO lần 1”, the date as “ngày … tháng … năm”, “Số”",
            "en": "“Article 1”, “DRAFT No. 1”, the date as “9 January 2021”, “No.”"}
_EXAMPLE = {"vi": "“Sửa đổi, bổ sung khoản 3 Điều 8 như sau:”", "en": "“Clause 3 of Article 8 is amended to read:”"}


def _language_line(amendment: Amendment) -> int:
    """The line of `language:` in the amendment's file (its front matter opens on line 2); 1 when there is none."""
    for number, line in enumerate(amendment.front_matter.split("\n"), start=2):
        if line.startswith("language:"):
            return number
    return 1


def language_differs(amendment: Amendment, before: Regulation) -> list[Problem]:
    """A warning when `amendment` is written in another language than `before`, the text it amends."""
    ours, theirs = amendment.language, before.language
    if ours == theirs or ours not in _NAMES or theirs not in _NAMES:
        return []
    named = before.id or before.source
    given = f"language: {ours}" if _language_line(amendment) > 1 else f"no language given, read as {ours}"
    other = str(before.meta.get("translation_of") or "")
    instead = (f"amend {other}, the {_NAMES[ours]} text it translates, instead" if other
               else f"amend a {_NAMES[ours]} text instead")
    return [Problem(
        f"This amendment is in {_NAMES[ours]} ({given}), but {named}, the text it amends, is in {_NAMES[theirs]}: "
        f"its export, redlines and comparison tables will print the amending document's own words in "
        f"{_NAMES[ours]} ({_PRINTED[ours]}) around {_NAMES[theirs]} text. To amend {named}, write "
        f"`language: {theirs}` and word the instructions in {_NAMES[theirs]} ({_EXAMPLE[theirs]}); or {instead}.",
        amendment.source, _language_line(amendment), warning=True)]
