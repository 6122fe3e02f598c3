"""When a few words changed in one provision are a word instruction naming it, not the provision re-enacted.

Nghị định 48/2013/NĐ-CP changes the words of single provisions of Nghị định 63/2010 by instructions of their own
(`c) Sửa cụm từ “Cơ quan kiểm soát thủ tục hành chính” bằng cụm từ “Cục Kiểm soát thủ tục hành chính” tại Khoản 2
Điều 26;`, `d) Bỏ cụm từ “và Cơ quan kiểm soát thủ tục hành chính” tại Khoản 3 Điều 29.`), while Luật 57/2024/QH15
re-enacts each provision of Luật Đấu thầu it only adds words to (`và tổ chức khác` in điểm a khoản 1 Điều 5, `, trừ
trường hợp đấu thầu trước quy định tại Điều 42` in khoản 9 Điều 16, `và điểm e` in khoản 10 Điều 78).
`replacements.choose` asks `few_words`, `names` and `starts_naturally` of a phrase found at one provision alone, and
`shorter` and `only_added` of the instruction it would write; `plan._crowded` re-enacts an article (clause) two or more
of whose provisions such instructions would name, when more than half of its provisions changed.

Post-conditions:
1. `few_words(old, new)` holds for words deleted (`new` None) or replaced by others, at most `MOST_CHANGED`
   syllables deleted and written in all; for words only added, only where they are a short list item added after
   (`, minh bạch`) or before (`minh bạch,`) the phrase, at most `FEW_ADDED` syllables: other additions are content
   a real amending law re-enacts the provision for.
2. `shorter(op, paragraphs)` holds when the words the instruction quotes (its phrases) are at most a third as long
   as the paragraphs it changes, which re-enacting would quote (a dash item alone, the text of a point): its
   sentence is the longer one (`Thay thế cụm từ … bằng cụm từ … tại …`) and the reader applies it in their head,
   so it must save a real amount. `a) Tập thể thảo luận dân chủ;` made `…, công khai;` is re-enacted.
3. `starts_naturally` holds where the phrase starts at the paragraph's start, after punctuation or a function word,
   on a function word (`và Cơ quan kiểm soát thủ tục hành chính`) or on a capital (a name): the words a single
   provision holds once tell nothing of the compounds it cuts (`vào sau cụm từ “bạch”` for `minh bạch`), as the
   places of a phrase in several provisions do (`readable.Cohesion`).
4. `names` holds where the words deleted or written hold a name (`Cơ quan kiểm soát thủ tục hành chính` → `Cục
   Kiểm soát thủ tục hành chính`, `và Cơ quan …` deleted): the single-provision word instructions of Nghị định
   48/2013 all rename or remove a body, while the provisions whose other words change, in Luật 57/2024 too, are
   re-enacted.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence

from regdraft.core.amend.grammar import ReplaceWords
from regdraft.core.amend.phrases import tokens
from regdraft.core.amend.readable import FUNCTION_WORDS
from regdraft.core.amend.values import CLOSERS, OPENERS

MOST_CHANGED = 12  # syllables deleted and written: one body's name for another (`Cơ quan kiểm` → `Cục Kiểm`)
FEW_ADDED = 4  # syllables added to a list (`, bảo hiểm thất nghiệp`), not an exception clause (`, trừ trường hợp …`)


@functools.lru_cache(maxsize=1 << 14)
def few_words(old: str, new: str | None) -> bool:
    """Whether `old` → `new` (None: deleted) reads as a word change in one provision (post-condition 1).

    Kept by its two texts: `replacements.choose` asks it of the same candidate phrases in every round (Nghị
    định 48/2013's unedited preview: 48,812 questions, 3,521 different ones, each a word diff)."""
    if new is None:
        return _syllables(old) <= MOST_CHANGED
    was, now = tokens(old), tokens(new)
    changes = _changes(was, now)
    if all(tag == "insert" for tag, *_ in changes):
        added = new[len(old):] if new.startswith(old) else new[:-len(old)] if new.endswith(old) else ""
        listed = added.lstrip()[:1] in (",", ";") if new.startswith(old) else added.rstrip()[-1:] in (",", ";")
        return bool(added) and listed and _syllables(added) <= FEW_ADDED
    return sum(_syllables("".join(was[i1:i2])) + _syllables("".join(now[j1:j2]))
               for _, i1, i2, j1, j2 in changes) <= MOST_CHANGED


def only_added(old: str, new: str | None) -> bool:
    """Whether `new` is `old` with words only added, or only deleted: `Bổ sung cụm từ`, `Bỏ cụm từ`, never a
    `Thay thế` quoting the same words twice (`“Bảo đảm sự”` by `“Bảo đảm”`)."""
    tags = {tag for tag, *_ in _changes(tokens(old), tokens(new))} if new is not None else set()
    return tags == {"insert"} or tags == {"delete"}


def shorter(op: ReplaceWords, paragraphs: Sequence[str]) -> bool:
    """Whether the words `op` quotes are at most a third as long as `paragraphs`, those re-enacting would quote
    (post-condition 2)."""
    return 3 * (len(op.old) + len(op.new or "")) <= sum(len(p) for p in paragraphs)


def starts_naturally(paragraph: str, start: int, phrase: str) -> bool:
    """Whether the phrase at `paragraph[start:]` starts where a reader starts one (post-condition 3)."""
    before = paragraph[:start].split()
    previous = before[-1] if before else ""
    first = phrase.split()[0].lstrip(OPENERS) if phrase.split() else ""
    return (not previous or previous[-1] in CLOSERS + OPENERS or not previous[-1].isalnum()
            or previous.lower() in FUNCTION_WORDS or first.lower() in FUNCTION_WORDS or first[:1].isupper())


def names(paragraph: str, start: int, old: str, new: str | None) -> bool:
    """Whether the words `old` → `new` (standing at `paragraph[start:]`) delete or write hold a name: a capitalised
    word that does not merely start the paragraph or a sentence (post-condition 4)."""
    opening = not paragraph[:start].strip() or paragraph[:start].rstrip()[-1:] in ".:"
    was, now = old.split(), (new or "").split()

    def capital(words: list[str], i: int) -> bool:
        return (i > 0 or not opening) and words[i].lstrip(OPENERS)[:1].isupper()

    return any(capital(was, i) for _, i1, i2, _, _ in _changes(was, now) for i in range(i1, i2)) or any(
        capital(now, j) for _, _, _, j1, j2 in _changes(was, now) for j in range(j1, j2))


def _changes(was: list[str], now: list[str]) -> list[tuple[str, int, int, int, int]]:
    return [c for c in difflib.SequenceMatcher(None, was, now, autojunk=False).get_opcodes() if c[0] != "equal"]


def _syllables(text: str) -> int:
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))
