"""Word-level comparison of two texts; owns diff_match_patch.

`diff_words(old, new) -> tuple[DiffSegment, ...]`: the texts are split into words, runs of spaces
and single punctuation marks (`tokens`), each token is coded as one character for diff_match_patch
(exact, with its semantic cleanup), and edits separated only by a space or one syllable are joined
so that names are not fragmented. `regdraft.core.diff.compare` uses it inside changed provisions.
`as_written(segments)` marks the words found equal only through tone folding as changed, for a
redline, whose two readings must each quote their text as written.

Post-conditions of `diff_words`:
1. The old text is exactly the concatenation of the equal and deleted segments (`old_side`) and
   the new text that of the equal and inserted segments (`new_side`), in order.
2. Differences of tone-mark placement only (`ủy`/`uỷ`) are not changes unless `strict_tones`.
3. Texts that share words are never shown as "all deleted, all inserted": the comparison is
   exact (no timeout), and such a result is detected and redone with difflib.
4. The work is bounded whatever the texts: texts over `LONG_TEXT` characters are paired
   sentence by sentence first (`regdraft.core.sentences`) and compared word by word only
   inside the runs of changed sentences; a changed run too long for that (`RUN_WORDS`,
   `WORD_BUDGET`) is shown deleted and inserted whole. Post-condition 1 always holds.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import islice

from regdraft.core.align import token_key
from regdraft.core.errors import RegdraftError
from regdraft.core.inline import ESCAPE_OR_REFERENCE
from regdraft.core.patterns import lazy
from regdraft.core.text import tone_key


class Op(StrEnum):
    """One word-level operation."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class DiffSegment:
    """A run of text that is unchanged, deleted or inserted.

    `text` is the new-side text (the old text for a deletion); `old` holds the old-side text of
    an equal run when it differs from the new one only in tone-mark placement.
    """

    op: Op
    text: str
    old: str | None = None

    @property
    def old_text(self) -> str:
        """The text of this run in the old version."""
        return self.old if self.old is not None else self.text


def old_side(segments: Sequence[DiffSegment]) -> str:
    """The old text: equal and deleted runs, in order."""
    return "".join(s.old_text for s in segments if s.op is not Op.INSERT)


def new_side(segments: Sequence[DiffSegment]) -> str:
    """The new text: equal and inserted runs, in order."""
    return "".join(s.text for s in segments if s.op is not Op.DELETE)


def as_written(segments: Sequence[DiffSegment]) -> tuple[DiffSegment, ...]:
    """The segments with every word whose tone mark sits elsewhere in the new text (`thoả` → `thỏa`) marked as
    changed: the old spelling deleted, the new one inserted, then joined into phrases as `diff_words` joins.

    What a redline prints, where one text shows both versions: its old reading (unchanged and deleted runs)
    quotes the old text as written, its new reading the new text, though the comparison found them equal.
    """
    if not any(s.old is not None for s in segments):
        return tuple(segments)
    out: list[DiffSegment] = []
    for seg in segments:
        if seg.op is not Op.EQUAL or seg.old is None:
            out.append(seg)
            continue
        old, new = tokens(seg.old), tokens(seg.text)
        if len(old) != len(new):  # never for a tone key, which keeps every word's letters: the run whole
            out += [DiffSegment(Op.DELETE, seg.old), DiffSegment(Op.INSERT, seg.text)]
            continue
        for a, b in zip(old, new, strict=True):
            out += [DiffSegment(Op.EQUAL, b)] if a == b else [DiffSegment(Op.DELETE, a), DiffSegment(Op.INSERT, b)]
    return _merge(out)


# Words (Vietnamese syllables included), runs of spaces and single other characters; a backslash escape of the
# format (`\*`, `b\)`) and a character reference (`&amp;`, `&#46;`) are one token, one character as the text reads:
# parted from what it escapes, a redline would print half of it (`<del>*điều chỉnh\</del>`).
_TOKEN = lazy(ESCAPE_OR_REFERENCE + r"|\w+|\s+|[^\w\s]", re.UNICODE)
_WORDS = lazy(r"\w+")


def tokens(text: str) -> list[str]:
    """Split text into words, runs of whitespace and single punctuation marks, an escape (`\\*`) or a character
    reference (`&#46;`) being one."""
    return _TOKEN.findall(text)


def _code(i: int) -> str:
    # Private-use code points: never surrogates, never whitespace the semantic cleanup special-cases.
    return chr(0xE000 + i) if i < 0x1900 else chr(0xF0000 + i - 0x1900)


class _Codes(dict[str, str]):
    """Token keys to one-character codes for the character diff; each new key takes the next code."""

    def __missing__(self, key: str) -> str:
        code = self[key] = _code(len(self))
        return code


LONG_TEXT = 10_000  # texts longer than this, both sides together, are compared sentence by sentence first
RUN_WORDS = 4_000_000  # a changed run is compared word by word when its word counts multiply to at most this
WORD_BUDGET = 40_000_000  # ... and while the runs of one text compared so far stay under this in total


def diff_words(old: str, new: str, *, strict_tones: bool = False,
               whole: list[str] | None = None) -> tuple[DiffSegment, ...]:
    """A word-level diff readable as phrases (see the module's post-conditions); each changed run too long to compare
    word by word (post-condition 4) appended, as the old text has it, to `whole` when given."""
    if old == new:
        return (DiffSegment(Op.EQUAL, new),) if new else ()
    if len(old) + len(new) > LONG_TEXT:
        return _merge(_long_segments(old, new, strict_tones, whole))
    return _merge(_word_segments(old, new, strict_tones))


def diff_phrases(old: str, new: str, phrases: Sequence[str], *, strict_tones: bool = False) -> tuple[DiffSegment, ...]:
    """`diff_words` with each of `phrases` compared as one word wherever it stands whole (its words in order, spaces
    and tone placement aside): the words an amending instruction replaces (`Thay thế cụm từ “Tổng cục Du lịch” bằng
    cụm từ “Cục Du lịch Quốc gia Việt Nam”`) are struck whole and the new ones inserted whole (`[-Tổng cục Du lịch-]
    {+Cục Du lịch Quốc gia Việt Nam+}`), not word by word (`[-Tổng cục-]{+Cục+} Du lịch {+Quốc gia Việt Nam +}`),
    and one left as it was stays unchanged. Post-conditions 1 and 2 of `diff_words` hold; a long text is compared as
    `diff_words` compares it."""
    if old == new or len(old) + len(new) > LONG_TEXT:
        return diff_words(old, new, strict_tones=strict_tones)
    wanted = sorted({key for p in phrases if (key := _phrase_key(tokens(" ".join(p.split()))))}, key=len, reverse=True)
    whole: set[str] = set()
    a, b = _whole(tokens(old), wanted, whole), _whole(tokens(new), wanted, whole)
    return _merge(_token_segments(a, b, strict_tones), frozenset(whole))


def _phrase_key(pieces: Sequence[str]) -> tuple[str, ...]:
    return tuple(" " if t.isspace() else token_key(t) for t in pieces)


def _whole(pieces: list[str], wanted: Sequence[tuple[str, ...]], found: set[str]) -> list[str]:
    """`pieces` with each run of them that reads one of the `wanted` phrases (longest first) joined in one, which is
    added to `found`."""
    keys = _phrase_key(pieces)
    out: list[str] = []
    i = 0
    while i < len(pieces):
        n = next((len(w) for w in wanted if keys[i:i + len(w)] == w), 0)
        if n:
            found.add("".join(pieces[i:i + n]))
        out.append("".join(pieces[i:i + max(n, 1)]))
        i += max(n, 1)
    return out


def _word_segments(old: str, new: str, strict_tones: bool) -> list[DiffSegment]:
    return _token_segments(tokens(old), tokens(new), strict_tones)


def _token_segments(a: list[str], b: list[str], strict_tones: bool) -> list[DiffSegment]:
    codes = _Codes()
    if strict_tones:
        a_chars, b_chars = "".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b))
    else:
        a_chars = "".join(map(codes.__getitem__, map(token_key, a)))
        b_chars = "".join(map(codes.__getitem__, map(token_key, b)))
    runs = _dmp_runs(a_chars, b_chars)
    if _degenerate(runs) and set(a_chars) & set(b_chars):
        runs = _difflib_runs(a_chars, b_chars)
        if _degenerate(runs):
            raise RegdraftError(
                "The word comparison degenerated into 'everything deleted, everything inserted' "
                "for texts that share words; please report this with the two texts."
            )
    return _to_segments(runs, a, b)


def _long_segments(old: str, new: str, strict_tones: bool, whole: list[str] | None = None) -> list[DiffSegment]:
    """Sentences paired first (`regdraft.core.sentences`), then words inside each changed run.

    Sentences are paired as written; a run of sentences differing only in tone placement is
    then found equal by the word comparison (or by its tone key, past the word budget).
    """
    from regdraft.core.sentences import match_pieces, pieces

    a, b = pieces(old, 32), pieces(new, 32)
    out: list[DiffSegment] = []
    budget = [WORD_BUDGET]
    i = j = 0
    for pi, pj in [*match_pieces(a, b, _matching_pieces), (len(a), len(b))]:
        if pi > i or pj > j:
            out.extend(_changed_run("".join(a[i:pi]), "".join(b[j:pj]), strict_tones, budget, whole))
        if pi < len(a):
            out.append(DiffSegment(Op.EQUAL, b[pj]))
        i, j = pi + 1, pj + 1
    return out


def _changed_run(old: str, new: str, strict_tones: bool, budget: list[int],
                 whole: list[str] | None = None) -> list[DiffSegment]:
    """The word diff of one run of changed sentences, or the run deleted and inserted whole
    when it is too long to compare word by word within the budget."""
    if not old or not new:
        return [DiffSegment(Op.DELETE, old)] if old else [DiffSegment(Op.INSERT, new)]
    cost = len(_TOKEN.findall(old)) * len(_TOKEN.findall(new))
    if cost <= RUN_WORDS and cost <= budget[0]:
        budget[0] -= cost
        return _word_segments(old, new, strict_tones)
    if not strict_tones and tone_key(old) == tone_key(new):
        return [DiffSegment(Op.EQUAL, new, old)]
    if whole is not None:
        whole.append(old)
    return [DiffSegment(Op.DELETE, old), DiffSegment(Op.INSERT, new)]


def differing_items(a: Sequence[str], b: Sequence[str]) -> int:
    """How many items (lines) two lists differ by: the larger side of each differing stretch, in time about the
    lists' length times the differences (difflib's matcher took 28 s on two 20,000-line texts a word apart)."""
    codes = _Codes()
    runs = _dmp_runs("".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b)))
    total = removed = added = 0
    for op, chars in [*runs, (0, "")]:
        if op == 0:
            total += max(removed, added)
            removed = added = 0
        elif op < 0:
            removed += len(chars)
        else:
            added += len(chars)
    return total


def _matching_pieces(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of two short lists of sentences."""
    codes = _Codes()
    runs = _dmp_runs("".join(map(codes.__getitem__, a)), "".join(map(codes.__getitem__, b)))
    pairs: list[tuple[int, int]] = []
    i = j = 0
    for op, chars in runs:
        if op == 0:
            pairs.extend((i + k, j + k) for k in range(len(chars)))
        i += len(chars) if op <= 0 else 0
        j += len(chars) if op >= 0 else 0
    return pairs


def _dmp_runs(a: str, b: str) -> list[tuple[int, str]]:
    import diff_match_patch

    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0  # exact: a timeout silently returns "all deleted, all inserted"
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(int(op), text) for op, text in diffs]


def _difflib_runs(a: str, b: str) -> list[tuple[int, str]]:
    runs: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append((0, a[i1:i2]))
        else:
            if i2 > i1:
                runs.append((-1, a[i1:i2]))
            if j2 > j1:
                runs.append((1, b[j1:j2]))
    return runs


def _degenerate(runs: list[tuple[int, str]]) -> bool:
    return bool(runs) and not any(op == 0 for op, _ in runs)


def _to_segments(runs: list[tuple[int, str]], a: list[str], b: list[str]) -> list[DiffSegment]:
    out: list[DiffSegment] = []
    i = j = 0
    for op, chars in runs:
        n = len(chars)
        if op == 0:
            old, new = "".join(a[i:i + n]), "".join(b[j:j + n])
            out.append(DiffSegment(Op.EQUAL, new, old if old != new else None))
            i, j = i + n, j + n
        elif op < 0:
            out.append(DiffSegment(Op.DELETE, "".join(a[i:i + n])))
            i += n
        else:
            out.append(DiffSegment(Op.INSERT, "".join(b[j:j + n])))
            j += n
    return out


def _absorbable(segment: DiffSegment) -> bool:
    """An unchanged run too short to stand between two edits: spaces, punctuation, one syllable."""
    if "\n" in segment.text:
        return False
    return len(list(islice(_WORDS.finditer(segment.text), 2))) <= 1  # at most one word, never all counted


def _merge(segments: list[DiffSegment], whole: frozenset[str] = frozenset()) -> tuple[DiffSegment, ...]:
    """Join edits separated only by a space or a single syllable, so names are not fragmented; an edit of a
    phrase in `whole` (`diff_phrases`) is joined to none (`[-A-]{+B+}. [-A-]{+B+}`, not `[-A. A-]{+B. B+}`).

    One pass: absorbing an unchanged run never changes whether another one stands between two
    edits, so every absorbable run is found at once.
    """
    segments = _coalesce(segments)
    out: list[DiffSegment] = []
    for k, seg in enumerate(segments):
        if (seg.op is Op.EQUAL and 0 < k < len(segments) - 1 and segments[k - 1].op is not Op.EQUAL
                and segments[k + 1].op is not Op.EQUAL and _absorbable(seg)
                and segments[k - 1].text not in whole and segments[k + 1].text not in whole):
            out += [DiffSegment(Op.DELETE, seg.old_text), DiffSegment(Op.INSERT, seg.text)]
        else:
            out.append(seg)
    return tuple(_coalesce(out))


def _coalesce(segments: list[DiffSegment]) -> list[DiffSegment]:
    """Within each run of edits, all deletions first, then all insertions; unchanged runs joined.

    Texts are joined once per run (never by repeated concatenation): long texts have many runs.
    """
    out: list[DiffSegment] = []
    pending_del: list[str] = []
    pending_ins: list[str] = []
    equal_new: list[str] = []
    equal_old: list[str] = []
    tone_folded = False

    def flush() -> None:
        nonlocal tone_folded
        if equal_new:
            text = "".join(equal_new)
            out.append(DiffSegment(Op.EQUAL, text, "".join(equal_old) if tone_folded else None))
            equal_new.clear()
            equal_old.clear()
            tone_folded = False
        if pending_del:
            out.append(DiffSegment(Op.DELETE, "".join(pending_del)))
        if pending_ins:
            out.append(DiffSegment(Op.INSERT, "".join(pending_ins)))
        pending_del.clear()
        pending_ins.clear()

    for seg in segments:
        if seg.op is Op.DELETE:
            pending_del.append(seg.text)
        elif seg.op is Op.INSERT:
            pending_ins.append(seg.text)
        else:
            if pending_del or pending_ins:
                flush()
            if seg.text or equal_new:
                equal_new.append(seg.text)
                equal_old.append(seg.old_text)
                tone_folded = tone_folded or seg.old is not None
    flush()
    return out


def placed(segments: Sequence[DiffSegment], phrase: str) -> tuple[DiffSegment, ...]:
    """The segments with each insertion that could as well stand a few characters earlier or later (the same
    text either way: `bảo {+hiểm thất nghiệp, bảo +}hộ`) moved to where it is `phrase`, the words an amending
    instruction says it adds (`Bổ sung cụm từ “, bảo hiểm thất nghiệp” vào sau cụm từ “bảo hiểm y tế”`):
    `bảo hiểm y tế{+, bảo hiểm thất nghiệp+}, bảo hộ` (with the space that parts it from the word before or
    after, when it has one). An insertion that cannot be read so stays as it is."""
    out = list(segments)
    for i, seg in enumerate(out):
        spaced_forms = (phrase, f" {phrase}", f"{phrase} ")
        if seg.op is not Op.INSERT or "\n" in phrase or seg.text in spaced_forms:
            continue
        for spaced in spaced_forms:
            if _placed_at(out, i, spaced):
                break
    return tuple(s for s in out if s.text or s.op is not Op.EQUAL)


def _placed_at(out: list[DiffSegment], i: int, phrase: str) -> bool:
    """Move insertion `i` of `out` onto `phrase` (`placed`) when it can be; whether it now reads `phrase`."""
    seg = out[i]
    if seg.text == phrase or len(seg.text) != len(phrase):
        return seg.text == phrase
    before = out[i - 1] if i and out[i - 1].op is Op.EQUAL and out[i - 1].old is None else None
    after = out[i + 1] if i + 1 < len(out) and out[i + 1].op is Op.EQUAL and out[i + 1].old is None else None
    head, tail = before.text if before else "", after.text if after else ""
    window, kept = head + seg.text + tail, head + tail
    # Without an unchanged run before it (after it), the insertion stays at the start (the end) of the window.
    last, first = 0 if before is None else len(head) + len(tail), len(head) if after is None else 0
    at = next((s for s in range(first, min(last, len(window) - len(phrase)) + 1)
               if window[s:s + len(phrase)] == phrase and window[:s] + window[s + len(phrase):] == kept), None)
    if at is None:
        return False
    if before:
        out[i - 1] = DiffSegment(Op.EQUAL, window[:at])
    if after:
        out[i + 1] = DiffSegment(Op.EQUAL, window[at + len(phrase):])
    out[i] = DiffSegment(Op.INSERT, phrase)
    return True
