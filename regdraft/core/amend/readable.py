"""Where a quoted phrase may begin and end so that a reader recognises it.

`regdraft amend from-edits` widens a word edit to a phrase (`regdraft.core.amend.replacements`);
this module says which phrases a senior drafter would sign as written:

1. A phrase is whole words: it starts and ends on a letter or digit (a percentage on its `%`: `trên 20%`), at the
   edge of a whitespace-delimited word (punctuation around the word stays outside: `tháng,` gives `tháng`), or on
   the brackets of a bracketed group quoted whole (`(nếu có)`, its brackets balanced); never part of a word.
2. It never cuts a citation: `Quy định số 30-QĐ/TW ngày 26/7/2016` is quoted whole or not at
   all (`citations`), and a date is quoted with its `ngày`. Nor does it cross the end of a sentence
   (`.`, `;`, `:`, `!`, `?` with more words after it): `thẩm quyền. Sau 30 ngày` is never one phrase
   (`crosses_sentence`).
3. It is not made of function words alone (`một`, `của`, `và`, `the`, `of`), but as a bracketed group (`(nếu có)`).
4. `cost` counts what makes it harder to read: an end between two words that belong together
   (`ủy|quyền`, `Ủy ban|nhân dân`), an end on a function word (`của Ban`; not one the words before it go on
   with wherever they stand, which ends a compound: `nước ngoài`), an end inside a
   name (`Văn phòng|Tỉnh ủy`, `"Lao|động tiên tiến"`; not a word capitalised only because it starts a
   sentence: `… thẩm quyền. Sau|30 ngày` is judged as `sau|30 ngày`), a start inside a term the text repeats
   (`Tài chính|công đoàn`; not a name qualifying words in lower case: `thanh niên|Việt Nam`), an end inside a
   title in quotes (`"Lao động|tiên tiến"`); each end judged by the words of the phrase up to the punctuation next
   to it (`kỷ luật, xử phạt hành chính|hoặc`). A number is a value,
   not a word of a term: the words around it count as they stand around any number (`thời hạn|10 ngày|kể từ ngày`,
   the law's formula for every 10-day period, cuts no term), and it goes with its label (`khoản|2`), its comparator
   (`trên|20%`, a comparator starting a phrase being no function word there) and its whole unit (`10|ngày`,
   `05 ngày|làm việc`). A bracketed group's ends are its brackets: punctuation, cutting nothing.
   Among phrases that make the same edits the cheapest wins.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import TYPE_CHECKING

from regdraft.core.amend.values import (
    CLOSERS,
    COMPARATORS,
    NUMBER_LABELS,
    OPENERS,
    in_unit,
    labelled,
    numeral,
    past_number,
    short_of_number,
)

if TYPE_CHECKING:
    from regdraft.core.amend.edit_sites import Hit, Site

# Words that join or introduce phrases rather than name things: a phrase may hold them, but not
# consist of them, and an edge next to one outside the phrase is a natural place to stop.
_VI_FUNCTION = frozenset("""
và hoặc hay của cho với tại theo trong ngoài trên dưới về để do bởi từ đến tới khi nếu thì mà là
được bị có các những một mọi mỗi này đó ấy đã đang sẽ không chưa cũng vẫn như nhằm giữa qua vào
ra lên nhưng vì nên bằng đối cùng thuộc sau trước
""".split())
_EN_FUNCTION = frozenset("""
and or of the a an to in on for with by at from its their as be is are this that these those
""".split())
# Either language's (where the text's language is not known). A text's own language decides in `cost`:
# `an` (an ninh), `to` (to lớn) and `in` (in ấn) are words of their own in Vietnamese, not articles.
FUNCTION_WORDS = _VI_FUNCTION | _EN_FUNCTION

# Function words that only join what stands either side (`… xử phạt hành chính| hoặc bị truy cứu …`): a phrase
# ends before one where it stands, however often (unlike `ngoài`, which also ends `nước ngoài`).
CONJUNCTIONS = frozenset("và hoặc nhưng and or but".split())

# Words that may open a phrase (`một năm`, `các cơ quan`) though they cannot end one.
OPENING_WORDS = frozenset("một các những mọi mỗi the a an".split())


def function_words(language: str) -> frozenset[str]:
    """The function words of a text in `language` (`vi` or `en`)."""
    return _EN_FUNCTION if language == "en" else _VI_FUNCTION

_DOCUMENT = (r"(?:Quy định|Quyết định|Nghị quyết|Chỉ thị|Kết luận|Hướng dẫn|Quy chế|Luật|Nghị định|Thông tư|"
             r"Thông báo|Công văn|Pháp lệnh|Điều lệ|Regulation|Decision|Resolution|Directive|Decree|Law)")
_NUMBER = r"[\w.]*\d[\w.]*(?:[-/][\w.]+)*"
_DATE = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4}"
_CITATION = re.compile(
    rf"\b{_DOCUMENT}(?: (?:số|No\.))? {_NUMBER}(?: (?:ngày|of) (?:{_DATE}))?"
    rf"|\b(?:ngày|of) (?:{_DATE})", re.UNICODE)


@functools.lru_cache(maxsize=2048)
def citations(paragraph: str) -> tuple[tuple[int, int], ...]:
    """The spans of citations (`Quy định số 30-QĐ/TW ngày 26/7/2016`) and dates in a paragraph."""
    return tuple((m.start(), m.end()) for m in _CITATION.finditer(paragraph))


BRACKETS = {"(": ")", "[": "]"}
_BRACKET_MARK = re.compile("[" + re.escape("".join((*BRACKETS, *BRACKETS.values()))) + "]")


def _valued(inner: str) -> bool:
    """True when a word ends on a letter or digit, or on a percent sign after a digit (`20%`)."""
    return inner[-1].isalnum() or (inner[-1] == "%" and len(inner) > 1 and inner[-2].isdigit())


@functools.lru_cache(maxsize=2048)
def word_edges(paragraph: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a quoted phrase may start and where it may end: the letter-or-digit edges of words (a percentage's end
    after its `%`), and the brackets around words (`(nếu có)`, quoted whole with them: `balanced`)."""
    starts: list[int] = []
    ends: list[int] = []
    for match in re.finditer(r"\S+", paragraph):
        word = match.group()
        inner = word.lstrip(OPENERS).rstrip(CLOSERS)
        if not inner or not (inner[0].isalnum() and _valued(inner)):
            continue
        start = match.start() + word.index(inner)
        if start > match.start() and paragraph[start - 1] in BRACKETS:
            starts.append(start - 1)
        starts.append(start)
        ends.append(start + len(inner))
        if paragraph[start + len(inner):match.end()][:1] in BRACKETS.values():
            ends.append(start + len(inner) + 1)
    return tuple(starts), tuple(ends)


def balanced(phrase: str) -> bool:
    """True when each bracket the phrase opens it closes, and each it closes it opens (`(nếu có)`, not `thầu (nếu`)."""
    if not _BRACKET_MARK.search(phrase):
        return True  # most phrases hold no bracket: no character of them is looked at in Python
    stack: list[str] = []
    for char in phrase:
        if char in BRACKETS:
            stack.append(BRACKETS[char])
        elif char in BRACKETS.values() and (not stack or stack.pop() != char):
            return False
    return not stack


def quotable(text: str) -> bool:
    """True when new words may stand between quote marks as written: starting on a letter or digit (or a bracket),
    ending on one (a percentage's `%`, a bracket), brackets balanced (`30%`, `(nếu cần)`)."""
    inner = text.lstrip("".join(BRACKETS)).rstrip("".join(BRACKETS.values()))
    return bool(inner) and inner[0].isalnum() and _valued(inner) and balanced(text)


def bracketed(phrase: str) -> bool:
    """True when the phrase is one bracketed group, brackets included (`(nếu có)`): quoted whole as it stands."""
    return phrase[:1] in BRACKETS and balanced(phrase) and balanced(phrase[1:-1]) and phrase[-1:] == BRACKETS[phrase[0]]


_SENTENCE_END = re.compile(r"[.;:!?…]\s+\S")
_FULL_STOP = ".!?…"


def crosses_sentence(phrase: str) -> bool:
    """True when `phrase` runs across the end of a sentence or of a list item (`thẩm quyền. Sau 30 ngày`, `công bằng;
    minh bạch`): a mark ending one, with words after it (rule 2)."""
    return bool(_SENTENCE_END.search(phrase))


def is_whole(paragraph: str, start: int, end: int) -> bool:
    """True when `paragraph[start:end]` is whole words, cuts no citation and crosses no sentence end (rules 1, 2)."""
    starts, ends = word_edges(paragraph)
    if (start not in starts or end not in ends or start >= end or crosses_sentence(paragraph[start:end])
            or not balanced(paragraph[start:end])):
        return False
    return not any(s < start < e or s < end < e for s, e in citations(paragraph))


def only_function_words(phrase: str) -> bool:
    """True when every word of `phrase` is a function word (`một`, `của các`): not a phrase to quote, unless it is a
    bracketed group quoted whole (`(nếu có)`, which amending laws delete as it stands)."""
    if bracketed(phrase):
        return False
    words = [w.strip(OPENERS + CLOSERS).lower() for w in phrase.split()]
    return all(w in FUNCTION_WORDS or not w for w in words)


def _bare(word: str) -> str:
    return word.strip(OPENERS + CLOSERS)


_BREAK = "|"  # what follows a word at the end of a paragraph or before punctuation


DOMINANT = 0.8  # a word that stands next to another this often (of at least MANY times) is part of a compound
MANY = 3
BOUND = 0.95  # a syllable that stands before another this often (of at least MANY times) is that word's first syllable
TERM = 3  # words (syllables) of a run across a phrase's end that, repeated MANY times, make it a term


class Cohesion:
    """Which words follow (or precede) a run of up to three words in a regulation's text.

    Ending a phrase there cuts a compound or a name:
    - when a phrase's last (first) words, or the whole phrase, stand at least twice and are followed
      (preceded) by the same word everywhere: `ủy quyền` after `Ban Chấp hành`, `nhân dân tỉnh` after
      `đảng Ủy ban`, `cấp tỉnh` after `cơ quan chuyên môn về du lịch` (Luật Du lịch, at each of its 26
      places, capitalised or not, though `về du lịch` alone is followed by many words);
    - when a single word stands next to the same neighbour in most of its many places: `báo`
      before `cáo` (`báo cáo`, once `tố cáo`).
    In a single place every neighbour is "always", so only repeated runs say anything.
    And a phrase's start cuts a term when the words either side of it, taken together, recur as they
    stand (`spans_term`): `tài chính|công đoàn` in Luật Công đoàn, though `công đoàn` alone follows many
    words. Only its start: a Vietnamese term's head comes first, so a phrase may stop before the words
    that end one (`nhà tài trợ|nước ngoài`, Luật Đấu thầu's `nhà tài trợ` standing also before `yêu cầu`)
    unless they follow the phrase itself wherever it stands (`vốn vay ưu đãi của nhà tài trợ nước ngoài`).
    """

    def __init__(self, paragraphs: list[str], language: str | None = None) -> None:
        self.function = function_words(language) if language else FUNCTION_WORDS
        # Every word of the text in one list, None between runs, and where each word stands: a run of words
        # is counted, with its neighbours, only when a phrase's end asks about it. Counting every run of one
        # to three words of a 1,000-article text up front took 2-3 s; a phrase's ends ask about a few
        # thousand runs. `tests/test_readable_cohesion.py` checks the answers against counting them all.
        # The runs are those of `_runs`, read in one loop over the words.
        words: list[str | None] = [None]
        at: dict[str, list[int]] = {}
        edges = OPENERS + CLOSERS
        # Capitalised words as they stand, and those after a comma with the word before it (`hóa,|Thể`): where a name
        # goes on past its comma (`Bộ Văn hóa, Thể thao và Du lịch`).
        capitals: Counter[str] = Counter()
        after_comma: Counter[tuple[str, str]] = Counter()
        for paragraph in paragraphs:
            comma = ""
            for written in paragraph.split():
                word = written.lower()
                bare = word.strip(edges)
                if written[:1].isupper():
                    shown = written.strip(edges)
                    capitals[shown] += 1
                    if comma:
                        after_comma[comma, shown] += 1
                comma = bare if written.endswith(",") else ""
                if (word[0] in OPENERS or not bare) and words[-1] is not None:
                    words.append(None)
                if bare:
                    at.setdefault(bare, []).append(len(words))
                    words.append(bare)
                if word[-1] in CLOSERS and words[-1] is not None:
                    words.append(None)
            if words[-1] is not None:
                words.append(None)
        self._words = words
        self._at = at
        self._capitals = capitals
        self._after_comma = after_comma
        self._sides: dict[tuple[tuple[str, ...], bool], Counter[str]] = {}
        self._runs_at: dict[tuple[str, ...], list[int]] = {}
        # The phrases each edit of a text changed from this one may be widened to, which depend on this text alone:
        # kept for the next `choose` from a text of the same words (`reading.cohesion`).
        self.widened: dict[Site, list[tuple[str, str | None, Hit]]] = {}

    def _side(self, gram: tuple[str, ...], last: bool) -> Counter[str]:
        """The words after (`last`) or before each place of the run `gram`, `_BREAK` where the run ends."""
        key = (gram, last)
        found = self._sides.get(key)
        if found is None:
            words, size = self._words, len(gram)
            found = self._sides[key] = Counter(
                (words[i + size] if last else words[i - 1]) or _BREAK for i in self._places(gram))
        return found

    def _places(self, gram: tuple[str, ...]) -> list[int]:
        """Where the run `gram` starts in the text: the places of its first words that go on with its last."""
        if len(gram) == 1:
            return self._at.get(gram[0], [])
        found = self._runs_at.get(gram)
        if found is None:
            words, end, last = self._words, len(gram) - 1, gram[-1]
            found = self._runs_at[gram] = [i for i in self._places(gram[:-1]) if words[i + end] == last]
        return found

    def _joined(self, grams: list[tuple[str, ...]], word: str, last: bool) -> bool:
        for gram in grams:
            side = self._side(gram, last)
            total = side.total()
            together = side[word]
            if total >= 2 and together == total:  # followed (preceded) by `word` wherever it stands
                return True
            if len(gram) == 1 and total >= MANY and together >= DOMINANT * total:
                return True
        return False

    def runs_on(self, words: list[str], following: str) -> bool:
        """True when `following` belongs with the last words of `words` (see the class)."""
        grams = [tuple(w.lower() for w in words[-k:]) for k in (len(words), 3, 2, 1) if k <= len(words)]
        return self._joined(list(dict.fromkeys(grams)), following.lower(), last=True)

    def always_followed(self, words: list[str], following: str) -> bool:
        """True when `following` stands after the whole of `words` at each of its places, at least two."""
        side = self._side(tuple(w.lower() for w in words), True)
        return side.total() >= 2 and side[following.lower()] == side.total()

    def mostly_followed(self, words: list[str], following: str) -> bool:
        """True when `following` stands after the whole of `words` at nearly all (BOUND) of its MANY places or more."""
        side = self._side(tuple(w.lower() for w in words), True)
        return side.total() >= MANY and side[following.lower()] >= BOUND * side.total()

    def runs_back(self, words: list[str], previous: str) -> bool:
        """True when `previous` belongs with the first words of `words` (see the class)."""
        grams = [tuple(w.lower() for w in words[:k]) for k in (len(words), 3, 2, 1) if k <= len(words)]
        return self._joined(list(dict.fromkeys(grams)), previous.lower(), last=False)

    def spans_term(self, before: list[str], after: list[str]) -> bool:
        """True when the last words of `before` and the first of `after` make a run the text repeats (a term).

        Two words (syllables) on each side at most, TERM in all at least: a term is a run of compound words
        (`tài chính công đoàn`, `đoàn viên công đoàn`), and two syllables alone are often one word."""
        gram = tuple(w.lower() for w in (*before[-2:], *after[:2]))
        return bool(before) and bool(after) and len(gram) >= TERM and len(self._places(gram)) >= MANY

    def splits_word(self, word: str, neighbour: str, last: bool) -> bool:
        """True when the syllable `word` stands next to `neighbour` (after it: `last`) in most of its many places, so
        that the two are one word (`từ|chối`, `du|lịch`): an end between them cuts a word, not just a term. Whatever
        `neighbour` is, a function word too (`từ chối`, `đối với`), but a conjunction or an article (`và`, `các`,
        `the`), which only stand before words."""
        neighbour = neighbour.lower()
        if not (word.isalpha() and neighbour.isalpha()) or neighbour in CONJUNCTIONS or neighbour in OPENING_WORDS:
            return False
        side = self._side((word.lower(),), last)
        return side.total() >= MANY and side[neighbour] >= DOMINANT * side.total()

    def cuts_word(self, inside: str, outside: str) -> bool:
        """True when a phrase starting on the syllable `inside`, `outside` before it, cuts a word: `splits_word`, or
        `outside` stands before `inside` at nearly all (BOUND) of its many places (`đấu|thầu qua mạng`: `đấu` before
        `thầu` at 325 of its 326 places, though `thầu` also follows `nhà`, `gói`, `dự`, `mời`); not where `outside` is a
        function word (`theo|quy định`, two words however often), nor only mostly (`hướng dẫn viên|du lịch`: 96 of
        107 places of `viên` in Luật Du lịch)."""
        if self.splits_word(inside, outside, last=False):
            return True
        word, inside = outside.lower(), inside.lower()
        if word in self.function or word in CONJUNCTIONS | OPENING_WORDS or not (word.isalpha() and inside.isalpha()):
            return False
        side = self._side((word,), True)
        return side.total() >= MANY and side[inside] >= BOUND * side.total()

    def name_goes_on(self, previous: str, head: str) -> bool:
        """True when the capitalised word `head` stands after `previous,` in most of its many places: the comma is
        inside a name (`Bộ Văn hóa,|Thể thao và Du lịch`), not between two (`Bộ Công an,|Bộ Quốc phòng`)."""
        if not (previous.endswith(",") and head[:1].isupper()):
            return False
        total = self._capitals[head]
        return total >= MANY and self._after_comma[_bare(previous).lower(), head] >= DOMINANT * total


def _runs(paragraph: str) -> list[list[str]]:
    """The paragraph's words in runs unbroken by punctuation, lower-cased."""
    runs: list[list[str]] = [[]]
    for word in paragraph.split():
        bare = _bare(word)
        if word[:1] in OPENERS or not bare:
            runs.append([])
        if bare:
            runs[-1].append(bare.lower())
        if word[-1:] in CLOSERS:
            runs.append([])
    return [r for r in runs if r]


def _words_by(text: str, last: bool) -> list[str]:
    """The words of `text` next to its end (`last`) or its start, up to the nearest punctuation."""
    run: list[str] = []
    for word in reversed(text.split()) if last else text.split():
        near, far = (word[-1], word[0]) if last else (word[0], word[-1])
        bare = _bare(word)
        if not bare or near in (CLOSERS if last else OPENERS) and run:
            break
        run.append(bare)
        if far in (OPENERS if last else CLOSERS):
            break
    return run[::-1] if last else run


def _after_full_stop(before: str) -> bool:
    """True when the last word of `before` starts a sentence after a full stop (not the paragraph's first word, which
    is often a name: `Ban Chấp hành công đoàn cơ sở …`)."""
    words = before.split()
    return len(words) >= 2 and words[-2][-1] in _FULL_STOP


def _capital(word: str) -> bool:
    """True when the word itself (a quote mark or bracket before it aside: `"Lao`) starts with a capital."""
    return word.lstrip(OPENERS)[:1].isupper()


_QUOTES_OPEN = "“\""
_QUOTES_CLOSE = "”\""


def _cuts_quote(before: str, after: str) -> bool:
    """True when a phrase between `before` and `after` starts just inside a quote mark but ends short of the closing
    one, or ends just inside one but starts past the opening one: it cuts a quoted title (`"Lao động|tiên tiến"`)."""
    opened = bool(before) and before[-1] in _QUOTES_OPEN and (len(before) == 1 or before[-2] in " " + OPENERS)
    closed = bool(after) and after[0] in _QUOTES_CLOSE
    return opened != closed and (closed or any(q in after for q in _QUOTES_CLOSE))


def _common(words: list[str]) -> bool:
    """True when the last two words before a phrase are in lower case: a name starting the phrase qualifies them
    (`thanh niên|Việt Nam`), and is no part of a term with them, unlike a title holding a name (`Bộ trưởng|Bộ …`)."""
    return bool(words) and not any(_capital(w) for w in words[-2:])


def cost(paragraph: str, start: int, end: int, cohesion: Cohesion | None = None, edited_start: bool = False) -> int:
    """How much harder to read the phrase `paragraph[start:end]` is for where its ends fall (rule 4). With
    `edited_start`, the phrase's first word is itself a word changed: a function word there is what the edit
    replaces (`khi cấp lại` → `trong thời hạn … cấp lại`), no end on one."""
    before, after = paragraph[:start], paragraph[end:]
    inside = [_bare(w) for w in paragraph[start:end].split()]
    first = inside[0].lower()
    function = cohesion.function if cohesion is not None else FUNCTION_WORDS
    # The words next to each end, up to punctuation inside the phrase: `luật, xử phạt hành chính` ends as
    # `xử phạt hành chính` does (always before `hoặc`), and starts as `luật` does.
    head, tail = _words_by(paragraph[start:end], last=False), _words_by(paragraph[start:end], last=True)
    # A function word the words before it go on with wherever they stand (but a conjunction, and after a number) ends
    # a compound, not on a function word (`vốn vay ưu đãi của nhà tài trợ nước ngoài`, as Luật 57/2024 quotes it): the
    # rule on the words after a phrase below takes it in.
    previous = before.split()[-1] if before[-1:].isspace() and before.strip() else ""
    following = after.split()[0] if after[:1].isspace() and after.strip() else ""
    # A comparator before a number starts the value (`trên 20%`, `từ 10 năm trở lên`): it goes with the number, not
    # with the words before it (`thành tích xuất sắc liên tục|từ 10 năm`), however often they stand before it.
    compares_next = [w.lower() for w in (*inside[-1:], *map(_bare, after.split()[:2]))]
    ends_on_comparator = len(compares_next) > 1 and compares_next[0] in COMPARATORS and numeral(compares_next[1])
    before_comparator = len(compares_next) > 2 and compares_next[1] in COMPARATORS and numeral(compares_next[2])
    compound = (cohesion is not None and len(tail) > 1 and tail[-2].isalpha() and tail[-1].lower() not in CONJUNCTIONS
                and not ends_on_comparator and cohesion.always_followed(tail[:-1], tail[-1]))
    # A bracketed group quoted whole (`(nếu có)`) ends at its brackets, punctuation: no end of it cuts a word or a name.
    opened, closed = paragraph[start] in BRACKETS, paragraph[end - 1] in BRACKETS.values()
    # A comparator before a number starts the value (`trên 20%`), not on a function word.
    compares = first in COMPARATORS and len(inside) > 1 and numeral(inside[1])
    total = (first in function - OPENING_WORDS and not opened and not compares and not edited_start) + (
        inside[-1].lower() in function and len(inside) > 1 and not compound and not closed)
    total += _cuts_quote(before, after)
    if previous and previous[-1].isalnum() and not opened:
        # `Thường trực` | `Tỉnh ủy`, `Chánh Văn phòng` | ...: a capitalised word starts a name that goes on; not one
        # capitalised because it starts a sentence after a full stop (`… có thẩm quyền. Sau|30 ngày`), judged as the
        # word it is (`sau`, a function word).
        named = _capital(previous) and not _after_full_stop(before)
        total += named
        # A capitalised word after one in lower case starts a name, never a word's second syllable (`Bộ trưởng|Bộ …`).
        starts_name = bool(head) and _capital(head[0])
        if cohesion is not None and not named and bool(head) and (numeral(head[0]) or compares
                                                                   or labelled(previous, head[0])):
            # A number goes with the word labelling it (`khoản|2`, `năm|2025`), and a point's letter with its `điểm`
            # (`điểm|m khoản 1 Điều 23`), not with the words the text happens to put before it each time (`thời
            # hạn|10 ngày kể từ ngày`, a formula, not a term).
            total += _bare(previous).lower() in NUMBER_LABELS | COMPARATORS
        elif cohesion is not None and not named and _bare(previous).lower() not in function:
            # A term's head comes first (`Tài chính công đoàn`): a phrase may leave out the words that end one
            # (`nhà tài trợ|nước ngoài`, but for the rule on the words after it below), not those that start it.
            head_words, before_words = short_of_number(head), past_number(_words_by(before, last=True))
            total += bool(head_words) and (cohesion.runs_back(head_words, _bare(previous))
                                           or (not (starts_name and _common(before_words))
                                               and cohesion.spans_term(before_words, head_words))
                                           or cohesion.cuts_word(head[0], _bare(previous)))
        # Cutting a word is worse than cutting a term (`lịch tại điểm`, always after `du`, against `du lịch tại điểm`,
        # which leaves `hướng dẫn viên` out): it costs once more, after a function word too (`từ|chối, phải`).
        total += (cohesion is not None and not named and not starts_name and bool(head)
                  and cohesion.cuts_word(head[0], _bare(previous)))
    elif previous and not opened and cohesion is not None and bool(head):
        # `Bộ Văn hóa,|Thể thao và Du lịch`: a comma inside a name (`name_goes_on`) is no place to start.
        total += cohesion.name_goes_on(previous, head[0])
    unit, cut = in_unit(tail, after) if cohesion is not None else (False, False)
    total += cut
    if following and following[0].isalnum() and not closed:
        last, lead = inside[-1], ([""] + before.split()[-1:] + paragraph[start:end].split())[-2]
        # `Tỉnh ủy`, `Mặt trận Tổ quốc`: a name does not end on a capital that starts a word (unlike the last
        # of a run of capitals: `Việt Nam`), nor just before a capital.
        capital = _capital(last) and not (_capital(lead) and lead[-1:].isalnum())
        # Just before a capital, a name goes on only when the phrase's last words hold one (`Văn phòng|Tỉnh ủy`): a
        # phrase of words in lower case ends there as anywhere (`khi cấp lại|Giấy phép …`).
        capitals = [k for k, word in enumerate(tail) if _capital(word)]
        named = last[-1].isalnum() and (capital or (_capital(following) and bool(capitals)))
        # A name begun with a capital goes on past the phrase's end when its words stand before the same word at
        # nearly all their places (`Giấy phép kinh doanh|dịch vụ lữ hành`, 25 of 25 places in Luật Du lịch).
        name = tail[capitals[-1]:] if capitals else []
        # Not past a function word (`… ngày 26/7/2016|của Ban Chấp hành Trung ương`: a citation quoted whole).
        total += (not named and cohesion is not None and len(name) > 1 and not numeral(name[-1])
                  and _bare(following).lower() not in function and cohesion.mostly_followed(name, _bare(following)))
        # A function word after the whole phrase wherever it stands goes on with a syllable too (`vốn vay ưu đãi của
        # nhà tài trợ nước|ngoài` would cut `nước ngoài`), not with a number (`… ngày 26/7/2016|của Ban …`).
        # The words after a number are judged as they stand after any number (`10 ngày|kể từ ngày` is no term because
        # this law gives every 10-day period from a date); a number at the end still goes on with its unit (`10|ngày`).
        words = tail if tail and numeral(tail[-1]) else [] if unit else past_number(tail)
        total += named or (cohesion is not None and bool(words) and (cohesion.always_followed(words, _bare(following))
                                                     and last.isalpha()
                                                     and _bare(following).lower() not in CONJUNCTIONS
                                                     and not before_comparator
                                                     if _bare(following).lower() in function
                                                     else cohesion.runs_on(words, _bare(following))))
        total += cohesion is not None and not named and bool(tail) and cohesion.splits_word(tail[-1], _bare(following),
                                                                                            last=True)
    return int(total)
