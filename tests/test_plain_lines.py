"""`text.plain_lines` answers as `text.plain` does, and a reading of a UTF-8 file uses it without the search.

The fast answer (every line printable, none of `_PRINTABLE_NOT_PLAIN`'s bytes in the text's UTF-8, none of
`_PRINTABLE_NOT_PLAIN_CHARS` in the text) must never call a text plain that `plain` would not: checked for every
code point of the Basic Multilingual Plane and the rule of every one above it; the readings of files whose bytes are
not their text's UTF-8 (CRLF, BOM, NFD, UTF-16) or that hold what the fast answer declines (a control, an invisible
character, a tab, a no-break space) are the readings of the same text given as a string, which is searched as
before.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core import text as text_module
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render
from regdraft.core.text import _PRINTABLE_NOT_PLAIN, _PRINTABLE_NOT_PLAIN_CHARS, plain, plain_lines
from tests.conftest import CORPUS, SHIPPED_ENGLISH, SHIPPED_REGULATION, needs_corpus


def _fast(text: str) -> bool:
    return plain_lines(text, text.split("\n"), text.encode("utf-8", "surrogatepass"))


def test_every_character_plain_finds_is_declined_by_the_fast_answer() -> None:
    not_plain = re.compile(text_module._NOT_PLAIN.pattern)  # the search itself
    for code in range(0x10000):
        char = chr(code)
        if not_plain.match(char) and char.isprintable():
            encoded = char.encode("utf-8", "surrogatepass")
            assert char in _PRINTABLE_NOT_PLAIN_CHARS or encoded[:1] in _PRINTABLE_NOT_PLAIN, f"U+{code:04X}"
    # Above the BMP every character is found (`_NOT_PLAIN` holds U+D800 to U+10FFFF) and starts with F0 to F4.
    for code in (0x10000, 0x1F600, 0xE0041, 0x10FFFF, *range(0x10000, 0x110000, 0x1001)):
        assert not_plain.match(chr(code)) and chr(code).encode()[:1] in _PRINTABLE_NOT_PLAIN


@pytest.mark.parametrize("code", [0x07, 0x0B, 0x1F, 0x7F, 0x85, 0x9B, 0xAD, 0x34F, 0x115F, 0x17B4, 0x180B, 0x200B,
                                  0x200D, 0x2028, 0x202E, 0x2060, 0x3164, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFFB, 0xE000,
                                  0xFFFE, 0x1BCA0, 0xE0041, 0x1F600])
def test_a_text_holding_one_is_not_plain(code: int) -> None:
    text = f"---\nid: x\n---\n\n## Điều 1. Phạm vi\n\nNội dung{chr(code)} của điều.\n"
    assert not plain(text) and not _fast(text)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=40),
       st.text(st.sampled_from("aăâđêôơưáạảãàấầẩẫậ \nĐiều1.“”–\t\xa0"), max_size=60))
def test_the_fast_answer_is_plains(drawn: str, vietnamese: str) -> None:
    for text in (drawn, vietnamese, vietnamese + drawn, drawn + "\n" + vietnamese):
        assert _fast(text) == plain(text)


# How a file's bytes may differ from the UTF-8 of the text regdraft reads from them, or hold what the fast answer
# leaves to the search.
_FORMS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode(),
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "cr": lambda text: text.replace("\n", "\r").encode(),
    "bom": lambda text: codecs.BOM_UTF8 + text.encode(),
    "nfd": lambda text: unicodedata.normalize("NFD", text).encode(),
    "utf-16": lambda text: text.encode("utf-16"),
    "control": lambda text: text.replace("\n\n", "\n\nCó\x07 chuông.\n\n", 1).encode(),
    "zero width": lambda text: text.replace(". ", ".\u200b ", 3).encode(),
    "tab and no-break space": lambda text: text.replace(". ", ".\t", 2).replace(", ", ",\xa0", 2).encode(),
    "hangul filler": lambda text: text.replace(". ", ".\u3164 ", 1).encode(),
    "khmer vowel": lambda text: text.replace(", ", ",\u17b4 ", 1).encode(),
}


def _same(data: bytes, name: str) -> None:
    """`read` of the file's bytes gives what it gives of the same text as a string (searched by `plain`)."""
    text = data.decode("utf-16") if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else data.decode()
    got, expected = read(data, name, chunks={}), read(text, name, chunks={})
    assert got.regulation == expected.regulation
    assert got.problems == expected.problems
    assert got.warnings == expected.warnings


@pytest.mark.parametrize("form", list(_FORMS))
@pytest.mark.parametrize("path", [SHIPPED_REGULATION, SHIPPED_ENGLISH], ids=["vi", "en"])
def test_the_shipped_texts_read_the_same_from_bytes_in_every_form(path: Path, form: str) -> None:
    _same(_FORMS[form](path.read_text(encoding="utf-8")), path.name)


_LAWS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@needs_corpus
@pytest.mark.parametrize("law", _LAWS, ids=[p.name for p in _LAWS])
def test_a_corpus_law_reads_the_same_from_bytes(law: Path) -> None:
    from regdraft.importer import import_file

    text = render(import_file(law).regulation)
    for form in ("utf-8", "control", "zero width", "hangul filler", "khmer vowel"):
        _same(_FORMS[form](text), law.name)


def test_a_utf8_file_is_read_without_the_search(monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[int] = []
    search = text_module._NOT_PLAIN

    class Counted:
        def search(self, text: str) -> Any:
            searched.append(len(text))
            return search.search(text)

    monkeypatch.setattr(text_module, "_NOT_PLAIN", Counted())
    text = SHIPPED_REGULATION.read_text(encoding="utf-8")
    assert read(text.encode(), "a.md").problems == ()
    assert searched == []
    read(text.replace("\n", "\r\n").encode(), "a.md")  # CRLF: its bytes are not its text's UTF-8
    assert searched == [len(text)]
