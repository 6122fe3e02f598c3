"""Vietnamese text normalisation: NFC storage and a tone-placement folding key.

NFC does not unify tone placement (`ủy`/`uỷ`, `hòa`/`hoà`); readers treat those as the same
word, so comparisons go through `tone_key`, while the text itself keeps what the drafter wrote.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD = re.compile(r"\w+")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def _fold_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONES)
    if not tones:
        return word
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", base) + tones


def tone_key(text: str) -> str:
    """A key equal for two texts that differ only in where a syllable's tone mark sits.

    Post-conditions:
    1. `tone_key("Tỉnh ủy") == tone_key("Tỉnh uỷ")` and `tone_key("hòa") == tone_key("hoà")`.
    2. Texts that differ in letters, tones or case keep different keys.
    """
    return _WORD.sub(_fold_word, nfc(text))
