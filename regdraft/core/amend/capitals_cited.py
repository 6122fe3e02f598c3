"""Citations written with a capital (`Khoản 2`, `Điểm a`) in an amending document's instructions.

They are read in lower case (khoản and điểm are lower case in citations) and warned about: once per instruction
in a draft (`capitals_in`), once per word in a signed document, whose wording is kept as issued
(`capital_warnings`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from regdraft.core.amend.quote import short
from regdraft.core.errors import Problem
from regdraft.core.patterns import lazy

_CAPITALISED = lazy(r"(?<![.:;]\s)(?<!^)\b(Khoản|Điểm)\s+(?=\w)")


@dataclass(frozen=True)
class Capital:
    """A citation written `Khoản 2` or `Điểm a` with a capital (read as lower case), and where."""

    word: str
    line: int
    message: str  # the warning as given for this instruction alone


def capitals_in(location: str, text: str, line: int) -> list[Capital]:
    """The citations of the instruction `text` (at `location`, on `line`) written with a capital, once per word."""
    return [Capital(word, line, f"instruction {location} ({short(text)}): '{word}' is written with a capital; "
                                f"it is read as '{word.lower()}' (khoản and điểm are lower case in citations).")
            for word in dict.fromkeys(m.group(1) for m in _CAPITALISED.finditer(text))]


def capital_warnings(capitals: Sequence[Capital], source: str, signed: bool) -> list[Problem]:
    """The warnings for citations written with a capital: one per instruction in a draft, where the
    drafter corrects them; one per word in a signed document, whose wording is kept as issued and
    would otherwise repeat the same warning on every check."""
    if not signed:
        return [Problem(c.message, source, c.line) for c in capitals]
    out = []
    for word in dict.fromkeys(c.word for c in capitals):
        lines = [c.line for c in capitals if c.word == word]
        many = f"{len(lines)} instructions (lines {', '.join(map(str, lines))})" if len(lines) > 1 \
            else f"1 instruction (line {lines[0]})"
        out.append(Problem(
            f"the signed text writes '{word}' with a capital in {many}; each is read as '{word.lower()}' "
            "(khoản and điểm are lower case in citations) and the wording is kept as issued.", source, lines[0]))
    return out
