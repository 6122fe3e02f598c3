"""Whole-word phrases for `Thay thế cụm từ` / `Bỏ cụm từ` instructions: match, replace, detect.

A phrase matches on word boundaries only (never inside a longer word), whitespace runs are
equal to one space, and words compare through `tone_key`, so `Tỉnh ủy` finds `Tỉnh uỷ`; the
replacement is inserted exactly as the drafter wrote it. `phrase_change` finds, for
`regdraft amend from-edits`, the one phrase an edit replaced throughout a unit.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from regdraft.errors import RegdraftError
from regdraft.model import Unit
from regdraft.text import tone_key

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


@functools.cache
def _toneless_table() -> dict[int, str | None]:
    """Map every precomposed letter carrying a Vietnamese tone mark to the letter without it."""
    marks: dict[int, str | None] = {ord(mark): None for mark in _TONE_MARKS}
    table = dict(marks)
    # Built on first use: a few milliseconds most commands never need.
    for code in range(0xC0, 0x1F00):
        if not unicodedata.decomposition(chr(code)):
            continue  # NFD leaves it as it is: no tone mark to strip
        decomposed = unicodedata.normalize("NFD", chr(code))
        stripped = decomposed.translate(marks)
        if stripped != decomposed:
            table[code] = unicodedata.normalize("NFC", stripped)
    return table


# Cached because applying an amendment looks for each phrase in every paragraph, often
# several times (counting, then replacing; one pass per `Thay thế cụm từ` instruction).
@functools.lru_cache(maxsize=4096)
def _loose(text: str) -> str:
    # A cheap necessary condition: texts equal under tone_key are equal without any tone.
    return " ".join(text.translate(_toneless_table()).split())


def _key(token: str) -> str:
    if token[0].isspace():
        return " "
    return tone_key(token) if token[0].isalnum() or token[0] == "_" else token


@functools.lru_cache(maxsize=1024)
def _keys(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), _key(m.group())) for m in _TOKEN.finditer(text))


def find(text: str, phrase: str) -> list[tuple[int, int]]:
    """The non-overlapping spans where `phrase` occurs in `text` as whole words."""
    wanted = " ".join(phrase.split())
    if not wanted or _loose(wanted) not in _loose(text):
        return []
    pattern = [k for _, _, k in _keys(wanted)]
    tokens = _keys(text)
    spans: list[tuple[int, int]] = []
    i = 0
    size = len(pattern)
    while i + size <= len(tokens):
        if all(tokens[i + j][2] == pattern[j] for j in range(size)):
            spans.append((tokens[i][0], tokens[i + size - 1][1]))
            i += size
        else:
            i += 1
    return spans


def count(text: str, phrase: str) -> int:
    """How many times `phrase` occurs in `text` as whole words."""
    return len(find(text, phrase))


def replace(text: str, phrase: str, new: str | None) -> tuple[str, int]:
    """`text` with every whole-word occurrence of `phrase` replaced by `new` (deleted for None)."""
    spans = find(text, phrase)
    for start, end in reversed(spans):
        left, right = text[:start], text[end:]
        if new is not None:
            text = left + new + right
            continue
        # Deleting words must not leave a double space or a space before punctuation.
        if left.endswith(" ") and (not right or right[:1].isspace() or right[:1] in ',.;:)”"'):
            left = left.rstrip()
        if not left:
            right = right.lstrip()
        text = left + right
    return text, len(spans)


# Detecting a phrase change --------------------------------------------------------------


def _strings(unit: Unit) -> Iterator[tuple[object, str]]:
    yield (unit.kind, unit.label, unit.repealed, unit.title is None, len(unit.text), len(unit.children)), ""
    if unit.title is not None:
        yield None, unit.title
    for text in unit.text:
        yield None, text
    for child in unit.children:
        yield from _strings(child)


def phrase_change(before: Unit, after: Unit) -> tuple[str, str | None] | None:
    """The one phrase replaced (new text) or deleted (None) everywhere in a unit, if that is all."""
    left, right = list(_strings(before)), list(_strings(after))
    if len(left) != len(right):
        return None
    pairs = list(zip(left, right, strict=True))
    if any(a[0] != b[0] for a, b in pairs):
        return None
    found: tuple[str, str | None] | None = None
    for (_, x), (_, y) in pairs:
        if x != y:
            edit = _edit(x, y)
            if edit is None or (found is not None and edit != found):
                return None
            found = edit
    if found is None:
        return None
    old, new = found
    if not old or "\n" in old or any(q in old + (new or "") for q in "“”\""):
        return None
    if any(replace(x, old, new)[0] != y for (_, x), (_, y) in pairs):
        return None
    return found


def _edit(old: str, new: str) -> tuple[str, str | None] | None:
    """The phrase change between two paragraphs: one edit repeated, else the span of all edits."""
    from regdraft.diff import Op, diff_words

    try:
        segments = diff_words(old, new, strict_tones=True)
    except RegdraftError:
        return None
    runs: list[tuple[str, str]] = []
    deleted = inserted = previous = ""
    changed = [i for i, s in enumerate(segments) if s.op is not Op.EQUAL]
    for segment in (*segments, None):
        if segment is None or segment.op is Op.EQUAL:
            if not deleted.strip() and inserted:
                # Words only added: the phrase is the word before them, replaced by it and them.
                anchor = re.search(r"(?:\S+\s+)?\S+\s*$", previous)
                if anchor is None:
                    return None
                deleted, inserted = anchor.group() + deleted, anchor.group() + inserted
            if deleted or inserted:
                runs.append((deleted, inserted))
            deleted = inserted = ""
            previous = segment.text if segment is not None else ""
        elif segment.op is Op.DELETE:
            deleted += segment.text
        else:
            inserted += segment.text
    edits = {(d.strip(), i.strip() or None) for d, i in runs}
    if len(edits) == 1:
        edit = edits.pop()
        return edit if edit[0] else None
    if not changed:
        return None
    # Several different edits in one paragraph (`30-QĐ/TW ngày 26/7/2016`): one phrase spanning them.
    span = segments[changed[0]:changed[-1] + 1]
    before = "".join(s.old_text for s in span if s.op is not Op.INSERT).strip()
    after = "".join(s.text for s in span if s.op is not Op.DELETE).strip()
    return (before, after or None) if before else None
