"""A number in a phrase and what goes with it: the word labelling it (`khoản 2`, `điểm m`), the comparator before it
(`trên 20%`) and its unit (`05 ngày làm việc`); `readable.cost` keeps a phrase from ending between them.
"""

from __future__ import annotations

import functools
import re

OPENERS = "(“\"'["  # marks before a word, outside it (`readable` rule 1)
CLOSERS = ",.;:)”\"'!?…]"  # marks after a word, outside it


# Words that label the number after them: a phrase does not start between them (`khoản|2`, `năm|2025`).
NUMBER_LABELS = frozenset("""
phần chương mục tiểu điều khoản điểm số lần ngày tháng năm quý phụ lục
part chapter section article clause point no. paragraph annex appendix
""".split())


# Words that compare the number after them (`trên 20%`, `dưới 18 tuổi`, `không quá 05 ngày`): a phrase may start on one
# (it is no function word there) and does not start between one and its number, as with a label.
COMPARATORS = frozenset("trên dưới từ đến tới quá hơn over under above below than".split())

# Units of time: a number goes on with the whole of one (`30 ngày`, `05 ngày làm việc`; never `30|ngày`, `05 ngày|làm
# việc`), however rarely the text writes that number; the words after a unit of more than one word are judged as they
# stand after any number, as after a one-word unit (`10 ngày|kể từ ngày`).
UNITS = tuple(tuple(unit.split()) for unit in (
    "ngày làm việc", "giờ làm việc", "ngày", "tháng", "năm", "giờ", "tuần", "quý", "phút",
    "working days", "business days", "days", "months", "years", "hours", "weeks"))


def in_unit(tail: list[str], after: str) -> tuple[bool, bool]:
    """Whether the words of a phrase after its last number (`tail`, the words next to its end) are a whole unit of more
    than one word (`05 ngày làm việc`), and whether the phrase ends inside one, the text `after` it going on with the
    rest (`05 ngày|làm việc`, `05|ngày làm việc`)."""
    at = max((i for i, w in enumerate(tail) if numeral(w)), default=-1)
    if at < 0:
        return False, False
    past = tuple(w.lower() for w in tail[at + 1:])
    rest = tuple(w.strip(OPENERS + CLOSERS).lower() for w in after.split()[:max(len(u) for u in UNITS)])
    whole = len(past) > 1 and past in UNITS
    cut = any(past == unit[:k] and rest[:len(unit) - k] == unit[k:] for unit in UNITS for k in range(len(unit)))
    return whole, cut


_LETTER_LABELS = frozenset("điểm point".split())
_ROMAN_LABELS = frozenset("chương phần chapter part".split())


def labelled(label: str, word: str) -> bool:
    """True when `word` is a value the word `label` before it labels other than a number: a point's letter (`điểm m`,
    `điểm đ`, `điểm d1`, `point dd`) or a chapter's Roman number (`Chương II`)."""
    label = label.strip(OPENERS + CLOSERS).lower()
    return bool(label in _LETTER_LABELS and re.fullmatch(r"(?:[a-zđ]|dd)\d*", word)
                or label in _ROMAN_LABELS and re.fullmatch(r"[IVXLC]+", word))


@functools.lru_cache(maxsize=1 << 15)
def numeral(word: str) -> bool:
    """True when the word holds a digit (`10`, `30-QĐ/TW`, `26/7/2016`): a value, not a word of a term. Kept by the
    word: `readable.cost` asks it of every word next to each end of every phrase `amend from-edits` weighs (444,557
    questions in two test modules on Luật Đấu thầu)."""
    return any(c.isdigit() for c in word)


def past_number(words: list[str]) -> list[str]:
    """The words after the last number among `words`: the run a term before a phrase's end may be part of."""
    at = max((i for i, w in enumerate(words) if numeral(w)), default=-1)
    return words[at + 1:]


def short_of_number(words: list[str]) -> list[str]:
    """The words before the first number among `words`: the run a term after a phrase's start may be part of."""
    return words[:next((i for i, w in enumerate(words) if numeral(w)), len(words))]
