"""Counts in words: `1 instruction`, `19 footnotes`, `1 body consulted`; in Vietnamese `3 điều`.

One helper for every count regdraft prints, so no message reads "1 instructions" or "footnote(s)".

Post-conditions of `count`:
1. English: the noun as given for exactly one (and minus one), its plural otherwise (`0 changes`);
   the plural is regular (`change` -> `changes`, `body` -> `bodies`, `box` -> `boxes`) unless given.
2. Vietnamese nouns do not change with the number (`1 điều`, `3 điều`).
3. Only the noun's first word is inflected (`body consulted` -> `bodies consulted`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from regdraft.core.patterns import lazy

_VOWELS = frozenset("aeiou")


def plural(noun: str) -> str:
    """The regular English plural of a noun phrase's first word (`body consulted` -> `bodies consulted`)."""
    first, _, rest = noun.partition(" ")
    lowered = first.lower()
    if lowered.endswith("y") and len(first) > 1 and lowered[-2] not in _VOWELS:
        first = first[:-1] + "ies"
    elif lowered.endswith(("s", "x", "z", "ch", "sh")):
        first += "es"
    else:
        first += "s"
    return f"{first} {rest}" if rest else first


def count(number: int, noun: str, language: str = "en", plural_form: str | None = None) -> str:
    """`number` and the noun in the right number: `1 instruction`, `2 bodies consulted`, `3 điều`."""
    if language == "vi" or abs(number) == 1:
        return f"{number} {noun}"
    return f"{number} {plural_form or plural(noun)}"


def several(number: int, noun: str, language: str = "en", plural_form: str | None = None) -> str:
    """The noun alone, in the number `number` calls for: `clause` for 1, `clauses` for 4."""
    return count(number, noun, language, plural_form).split(" ", 1)[1]


def listed(items: Sequence[str], last: str = "and") -> str:
    """Items as a sentence lists them: `A`, `A and B`, `A, B and C` (`last` the word before the last one)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def first_few(items: Sequence[str], shown: int = 5) -> str:
    """The first `shown` items, then how many more: `A, B, C, D, E and 2,996 more` (a list of 3,001 printed whole
    made one line of 80 KB)."""
    more = len(items) - shown
    return ", ".join(items[:shown]) + (f" and {more:,} more" if more > 0 else "")


def is_are(number: int) -> str:
    """`is` for one, `are` for any other number: `1 comment is`, `2 comments are`."""
    return "is" if number == 1 else "are"


# What follows the head noun of an English title: `Working Regulations | of the …`, `Law | on Tourism`.
_AFTER_HEAD = lazy(r"[,;:(]|\s(?:of|on|for|about|amending|concerning|governing|regarding|in|to|with|between|"
                   r"under|by|issued|No\.)\s", re.I)


def names_several(title: str) -> bool:
    """Whether an English title names its document in the plural, so that a verb after it is plural too:
    `Working Regulations of …` and `Rules of Procedure` are, `Law on Tourism`, `Decree on …` and `Process` are not."""
    head = _AFTER_HEAD.split(title, maxsplit=1)[0].split()
    word = head[-1].lower() if head else ""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2


def agreeing(subject: str) -> dict[str, str]:
    """The verbs (`{is}`, `{has}`, `{was}`) that agree with an English document's name as a sentence's subject:
    `Working Regulations … are`, `Regulations No. 05-QC/TU … were`, `Decree No. 48/2013/ND-CP … was`."""
    several = names_several(subject)
    return {"is": "are" if several else "is", "has": "have" if several else "has",
            "was": "were" if several else "was"}
