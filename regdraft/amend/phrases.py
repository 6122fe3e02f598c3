"""Whole-word phrase matching for `Thay thế cụm từ` / `Bỏ cụm từ` instructions.

A phrase matches on word boundaries only (never inside a longer word), whitespace runs are
equal to one space, and words compare through `tone_key`, so `Tỉnh ủy` finds `Tỉnh uỷ`; the
replacement is inserted exactly as the drafter wrote it.
"""

from __future__ import annotations

import re
import unicodedata

from regdraft.text import tone_key

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _toneless_table() -> dict[int, str | None]:
    """Map every precomposed letter carrying a Vietnamese tone mark to the letter without it."""
    table: dict[int, str | None] = {ord(mark): None for mark in _TONE_MARKS}
    for code in range(0xC0, 0x1F00):
        decomposed = unicodedata.normalize("NFD", chr(code))
        stripped = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
        if stripped != decomposed:
            table[code] = unicodedata.normalize("NFC", stripped)
    return table


_TONELESS = _toneless_table()


def _loose(text: str) -> str:
    # A cheap necessary condition: texts equal under tone_key are equal without any tone.
    return " ".join(text.translate(_TONELESS).split())


def _key(token: str) -> str:
    if token[0].isspace():
        return " "
    return tone_key(token) if token[0].isalnum() or token[0] == "_" else token


def _keys(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _key(m.group())) for m in _TOKEN.finditer(text)]


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
