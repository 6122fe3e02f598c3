"""Whole words for what a proposal from Word quotes: Word tracks the syllables a reviewer typed over, and a proposal
quoting them alone (`thay “biệt” bằng “thù”`) fragments the word they are one syllable of (`đặc biệt`); words
added are said with where they go (`bổ sung “các” vào trước “trường hợp”`). Pure core, used by
`regdraft.core.reply_wording`.

Post-conditions:
1. `Syllables` counts, in a regulation's text, each syllable and each pair of syllables standing side by side with
   nothing but a space between them; `binds` is True when a pair stands so at least `MANY` times and in most of the
   places of one of its two syllables (`đặc biệt`: `biệt` after `đặc` at 14 of its 19 places in Luật Đấu thầu).
2. `widened` takes a lone syllable replaced by a lone syllable (not a number, not a change of capitals alone) to the
   word it is one syllable of, the syllable next to it added on both sides when the text binds them; else it is
   returned as it was. A syllable is never taken across punctuation.
3. `addition` says where words added inside a line go: before the words after them when the words added are
   function words alone (`các`, `những`) or nothing stands before them, else after the words before them; the words
   named are the one or two next to the addition (the second left out when a function word, a number or past
   punctuation). None when no word stands next to the addition on its line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from regdraft.core.amend.readable import FUNCTION_WORDS

MANY = 3  # places a pair of syllables must stand together in, at least, to be read as one word
_NUMBERS = frozenset("một hai ba bốn tư năm lăm sáu bảy tám chín mười mươi trăm nghìn ngàn triệu tỷ tỉ".split())
_SYLLABLE = re.compile(r"^\w+$")


def _bare(word: str) -> str:
    return word.strip(".,;:!?()[]“”\"'").lower()


class Syllables:
    """How often each syllable of a text stands, alone and right after another (see the module's post-conditions)."""

    def __init__(self, paragraphs: Iterable[str]) -> None:
        self.alone: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        for paragraph in paragraphs:
            previous = ""
            for written in paragraph.split():
                bare = _bare(written)
                self.alone[bare] += 1
                if previous and bare and _SYLLABLE.match(written):
                    self.pairs[previous, bare] += 1
                previous = bare if bare and _SYLLABLE.match(written) else ""

    def binds(self, left: str, right: str) -> bool:
        """True when `left right` is one word of the text (post-condition 1)."""
        left, right = left.lower(), right.lower()
        together = self.pairs[left, right]
        return together >= MANY and (2 * together > self.alone[right] or 2 * together > self.alone[left])


def _syllable(text: str) -> bool:
    """True for one syllable of letters, no number word and no function word."""
    return bool(_SYLLABLE.match(text)) and not text.isdigit() and text.lower() not in _NUMBERS | FUNCTION_WORDS


def widened(old: str, new: str, before: str, after: str, syllables: Syllables | None) -> tuple[str, str]:
    """`old` replaced by `new` between `before` and `after` (the unchanged text around them on their line), quoted as
    whole words (post-condition 2)."""
    if syllables is None or not (_syllable(old) and _syllable(new)) or old.lower() == new.lower():
        return old, new
    previous = before.split()[-1] if before[-1:].isspace() and before.strip() else ""
    following = after.split()[0] if after[:1].isspace() and after.strip() else ""
    if _syllable(previous) and (syllables.binds(previous, old) or syllables.binds(previous, new)):
        old, new = f"{previous} {old}", f"{previous} {new}"
    if _syllable(following) and (syllables.binds(old.split()[-1], following)
                                 or syllables.binds(new.split()[-1], following)):
        old, new = f"{old} {following}", f"{new} {following}"
    return old, new


def _next_words(text: str) -> str:
    """The one or two words `text` starts with (the second when it is neither a function word nor a number, and no
    punctuation stands between them)."""
    words = text.split()[:2]
    if not words or not words[0][:1].isalnum():
        return ""
    first = words[0]
    if first[-1:].isalnum() and len(words) > 1 and _syllable(words[1].rstrip(".,;:!?)”")):
        return f"{first} {words[1].rstrip('.,;:!?)”')}"
    return first.rstrip(".,;:!?)”")


def _last_words(text: str) -> str:
    """The one or two words `text` ends with, as `_next_words` reads them from the other end."""
    words = text.split()[-2:]
    if not words or not words[-1].rstrip(".,;:!?)”")[-1:].isalnum():
        return ""
    last = words[-1]
    if last[-1:].isalnum() and len(words) > 1 and words[0][-1:].isalnum() and _syllable(words[0].lstrip("(“")):
        return f"{words[0].lstrip('(“')} {last}"
    return last.lstrip("(“")


def addition(added: str, before: str, after: str) -> tuple[str, str] | None:
    """Where words added inside a line go: (`before` or `after`, the words named), or None (post-condition 3)."""
    words = added.split()
    function_only = bool(words) and all(_bare(w) in FUNCTION_WORDS for w in words)
    at_word = added[-1:].isspace() or after[:1].isspace()
    following = _next_words(after) if at_word and added.strip()[:1].isalnum() else ""
    joined = added[:1].isspace() or before[-1:].isspace() or not added.strip()[:1].isalnum()
    previous = _last_words(before) if joined else ""
    if following and (function_only or not previous):
        return "before", following
    if previous:
        return "after", previous
    return None
