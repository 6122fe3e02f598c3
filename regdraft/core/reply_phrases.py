"""Whole words for what a proposal from Word quotes: Word tracks the syllables a reviewer typed over, and a proposal
quoting them alone (`thay “biệt” bằng “thù”`) fragments the word they are one syllable of (`đặc biệt`); words
added are said with where they go (`bổ sung “các” vào trước “trường hợp”`). Pure core, used by
`regdraft.core.reply_wording`.

Post-conditions:
1. `Syllables` counts, in a regulation's text, each syllable and each pair of syllables standing side by side with
   nothing but a space between them; `binds` is True when a pair stands so at least `MANY` times and in most of the
   places of one of its two syllables (`đặc biệt`: `biệt` after `đặc` at 14 of its 19 places in Luật Đấu thầu);
   `joined` is True for a pair that binds, or that stands so at least `MANY` times and in at least a quarter
   (`OFTEN`) of the places of its first syllable: a compound the text writes often, though that syllable begins
   others too (`nhà thầu`: 365 of the 926 places of `nhà` in Luật Đấu thầu, beside `nhà đầu tư`, `nhà nước`); not
   a word the text often writes before another (`trường hợp|đặc biệt`: `hợp` begins `hợp đồng` far more often).
2. `widened` takes a lone syllable replaced by a lone syllable (not a number, not a change of capitals alone) to the
   word it is one syllable of, the syllable next to it added on both sides when the text binds them; else it is
   returned as it was. A syllable is never taken across punctuation.
3. `addition` says where words added inside a line go: after the words before them or before the words after
   them, the words named (the anchor) a phrase `amend from-edits` would quote (`regdraft.core.amend.readable`:
   whole words, not function words alone) that stands once in the provision. Among those the one that cuts
   no word or name at its outer end (`readable.cost`, with the regulation's `Cohesion`, and a pair of syllables
   the text joins across it: `vào trước “trường hợp nhà thầu”`, never `“trường hợp nhà”`; the words added stand
   at its other end whatever it cuts) wins, then the side the words added read from (before when they are
   function words alone: `các`, `những`; else after), then the shortest; a syllable alone only at a stop (the
   line's edge, a mark or a function word outside it: not `bộ` after `cán`, a word the text may be too short to
   show as one). `Bất thường khi [thật ]cần thiết` is `vào trước “cần thiết”`, never `vào sau “thường khi”` (half
   of `Bất thường`). None when no anchor qualifies. `widest=None` lifts the bound of `WIDEST` words: words added at
   the end of a line are said after its last words, as many as stand once in the provision.
4. `whole_number` takes a replacement that ends or starts inside a number written in words to the whole number:
   the number words next to it (`20 (hai` by `30 (ba` in `20 (hai mươi) ngày` is `20 (hai mươi)` by `30 (ba mươi)`),
   and the bracket closing (opening) one the replacement opens (closes). The words taken are the same on both
   sides, so the replacement still turns the old line into the new one; it is widened only when the wider words
   stand no more often in the provision than the narrower ones.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from regdraft.core.amend.phrases import count
from regdraft.core.amend.readable import FUNCTION_WORDS, Cohesion, cost, is_whole, only_function_words, word_edges
from regdraft.core.model import Regulation

MANY = 3  # places a pair of syllables must stand together in, at least, to be read as one word
OFTEN = 0.25  # share of a syllable's places a pair must stand in, at least, to be read as a compound (`joined`)
WIDEST = 8  # words an anchor of words added may take in
_NUMBERS = frozenset("một hai ba bốn tư năm lăm sáu bảy tám chín mười mươi trăm nghìn ngàn triệu tỷ tỉ".split())
_SYLLABLE = re.compile(r"^\w+$")


def _bare(word: str) -> str:
    return word.strip(".,;:!?()[]“”\"'").lower()


class Syllables:
    """How often each syllable of a text stands, alone and right after another (see the module's post-conditions)."""

    def __init__(self, paragraphs: Iterable[str]) -> None:
        self._paragraphs = list(paragraphs)
        self.alone: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        for paragraph in self._paragraphs:
            previous = ""
            for written in paragraph.split():
                bare = _bare(written)
                self.alone[bare] += 1
                if previous and bare and _SYLLABLE.match(written):
                    self.pairs[previous, bare] += 1
                previous = bare if bare and _SYLLABLE.match(written) else ""

    @classmethod
    def of(cls, regulations: Iterable[Regulation]) -> Syllables:
        """How the syllables of the regulations' titles and paragraphs stand."""
        return cls(p for regulation in regulations for loc in regulation.walk()
                   for p in (loc.unit.title or "", *loc.unit.text, *loc.unit.closing))

    @functools.cached_property
    def cohesion(self) -> Cohesion:
        """The text's `Cohesion`, as `amend from-edits` reads it: read when an anchor is first chosen."""
        return Cohesion(self._paragraphs)

    def binds(self, left: str, right: str) -> bool:
        """True when `left right` is one word of the text (post-condition 1)."""
        left, right = left.lower(), right.lower()
        together = self.pairs[left, right]
        return together >= MANY and (2 * together > self.alone[right] or 2 * together > self.alone[left])

    def joined(self, left: str, right: str) -> bool:
        """True when `left right` is a compound the text writes often, whether or not it `binds` (post-condition 1):
        no place to end an anchor."""
        left, right = left.lower(), right.lower()
        together = self.pairs[left, right]
        return self.binds(left, right) or (together >= MANY and together >= OFTEN * self.alone[left])


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


def whole_number(old: str, new: str, before: str, after: str, provision: str) -> tuple[str, str]:
    """`old` replaced by `new` between `before` and `after` (the unchanged text around them on their line), taken to
    the whole number written in words it cuts (post-condition 4)."""
    if not old.strip() or not new.strip():
        return old, new
    ahead = behind = ""
    if _number_edge(old, -1) or _number_edge(new, -1):
        while (m := _NEXT_WORD.match(after[len(ahead):])) and m.group(1).lower() in _NUMBERS:
            ahead += m.group(0)
    if _number_edge(old, 0) or _number_edge(new, 0):
        while (m := _LAST_WORD.search(before[:len(before) - len(behind)])) and m.group(1).lower() in _NUMBERS:
            behind = m.group(0) + behind
    if after[len(ahead):].startswith(")") and all(_opens(f"{behind}{x}{ahead}", "(", ")") for x in (old, new)):
        ahead += ")"
    if before[:len(before) - len(behind)].endswith("(") and all(_opens(f"{behind}{x}{ahead}", ")", "(")
                                                              for x in (old, new)):
        behind = "(" + behind
    if not ahead and not behind:
        return old, new
    wide = f"{behind}{old}{ahead}"
    if count(provision, wide) > count(provision, old) and provision:
        return old, new
    return wide, f"{behind}{new}{ahead}"


_NEXT_WORD = re.compile(r"^\s+(\w+)")
_LAST_WORD = re.compile(r"(\w+)\s+$")


def _number_edge(text: str, at: int) -> bool:
    """True when the word at `text`'s end (`at` -1) or start (0) is a number word or a number, touching that edge."""
    words = text.split()
    edge = text[at] if text else ""
    return bool(words) and edge.isalnum() and (_bare(words[at]) in _NUMBERS or _bare(words[at]).isdigit())


def _opens(text: str, opening: str, closing: str) -> bool:
    """True when `text` holds more of `opening` than of `closing` (a bracket it leaves open)."""
    return text.count(opening) > text.count(closing)


def addition(added: str, before: str, after: str, provision: str = "",
             syllables: Syllables | None = None, widest: int | None = WIDEST) -> tuple[str, str] | None:
    """Where words added inside a line go: (`before` or `after`, the words named), or None (post-condition 3).
    `before` and `after` are the unchanged text on the line either side of them; `provision` the text the anchor
    must stand once in (the line's when empty); `widest` the most words an anchor takes in (None: no bound)."""
    line, at = before + after, len(before)
    provision = provision or line
    starts, ends = word_edges(line)
    cohesion = syllables.cohesion if syllables is not None else None
    function_only = all(_bare(w) in FUNCTION_WORDS for w in added.split())
    found: list[tuple[tuple[int, bool, int, int], str, str]] = []

    def consider(start: int, end: int, side: str) -> None:
        phrase = line[start:end]
        if (not is_whole(line, start, end) or only_function_words(phrase) or any(q in phrase for q in "“”\"")
                or count(provision, phrase) != 1):
            return
        # Only its outer end is judged: the words added stand at the other, wherever the anchor ends.
        judged = cost(line[:end], start, end, cohesion) if side == "after" else cost(line[start:], 0, end - start,
                                                                                      cohesion)
        price = judged + _cuts_syllables(line, start, end, side, syllables) + (
            len(phrase.split()) == 1 and not _stops(line[:start] if side == "after" else line[end:], side == "after"))
        found.append(((price, side != ("before" if function_only else "after"), len(phrase.split()), len(phrase)),
                      side, phrase))

    # Before the words after them: the addition ends a word (a space after it), the next word starts the anchor.
    first = at + len(after) - len(after.lstrip())
    if (added.strip()[:1].isalnum() and (added[-1:].isspace() or after[:1].isspace()) and first in starts
            and line[first].isalnum()):
        for end in [e for e in ends if e > first][:widest]:
            consider(first, end, "before")
    # After the words before them: a space between, or the addition starts with a mark (`, minh bạch`); a mark
    # closing the word before (`cực,`) is left outside the anchor.
    if added[:1].isspace() or before[-1:].isspace() or not added.strip()[:1].isalnum():
        stop = len(before.rstrip())
        last = next((e for e in reversed(ends) if e <= stop and not line[e:stop].strip(".,;:!?)”")), None)
        if last is not None and last > 0:
            for start in [s for s in reversed(starts) if s < last][:widest]:
                consider(start, last, "after")
    if not found:
        return None
    _, side, phrase = min(found, key=lambda f: f[0])
    return side, " ".join(phrase.split())


def _stops(outside: str, last: bool) -> bool:
    """True when the text `outside` an anchor's outer end (before it: `last`, its last word next to the anchor) has
    the line's edge, a mark or a function word next to it: a reader stops there. A syllable alone as an anchor is
    often half a word (`cán|bộ`) in a text too short to tell, and is taken only at such a stop."""
    words = outside.split()
    if not words or not (outside[-1:] if last else outside[:1]).isspace():
        return True
    word = words[-1] if last else words[0]
    edge = word[-1] if last else word[0]
    return not edge.isalnum() or _bare(word) in FUNCTION_WORDS


def _cuts_syllables(line: str, start: int, end: int, side: str, syllables: Syllables | None) -> int:
    """1 when the syllable just outside the outer end of the anchor `line[start:end]` (its start for words added
    `after` it) is one word with the syllable inside it, as the text joins them (`Syllables.joined`), else 0."""
    if syllables is None:
        return 0
    inside = line[start:end].split()
    if side == "after":
        outside = line[:start].split()[-1:] if line[start - 1:start].isspace() else []
        pair = (outside[0], inside[0]) if outside else ("", "")
    else:
        outside = line[end:].split()[:1] if line[end:end + 1].isspace() else []
        pair = (inside[-1], outside[0]) if outside else ("", "")
    return int(bool(outside) and _syllable(outside[0]) and syllables.joined(*pair))
