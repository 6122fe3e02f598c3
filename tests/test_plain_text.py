"""A text read (a regulation, an amendment) is searched once for the characters both the control-character check and the
non-character warning look for (`core.text.plain`), not once for each: the two searches were 86 M of the 1,795 M
instructions of an edited `compare` of 1,000 articles (docs/performance.md, round 36)."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from regdraft.core import frontmatter, text, unwritable
from regdraft.core.amend.document import read_amendment
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render
from tests.conftest import FIXTURES

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")
AMENDMENT = (FIXTURES / "comments" / "amendment-1.md").read_text(encoding="utf-8")


def test_plain_lets_through_no_character_either_check_looks_for() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))  # lone surrogates too: a str given to `read` may hold one
    let_through = text._NOT_PLAIN.sub("", every)  # what `plain` finds nothing in
    assert text.CONTROL.search(let_through) is None and unwritable._SUSPECT.search(let_through) is None
    assert text.plain(let_through) and len(let_through) < 0xD800  # nothing from U+D800 up, nor a control
    assert not text.plain("\x0b") and not text.plain("\ufffe") and not text.plain("\U0001fffe")
    assert text.plain("Điều 1. Phạm vi điều chỉnh “Quy chế” – 63/2010/NĐ-CP…\t\n\r\f\v"[:-2])


def _whole_text_searches(monkeypatch: pytest.MonkeyPatch, size: int) -> list[str]:
    """The searches of a text of at least `size` characters by the two checks' own patterns, by name."""
    searched: list[str] = []
    for name, pattern in (("control", text.CONTROL), ("non-character", unwritable._SUSPECT)):
        search = pattern.search

        def counted(value: str, *args: Any, name: str = name, search: Any = search) -> Any:
            if len(value) >= size:
                searched.append(name)
            return search(value, *args)

        monkeypatch.setattr(pattern, "search", counted)
    assert frontmatter._CONTROL is text.CONTROL
    return searched


def test_a_plain_regulation_and_amendment_are_searched_once_for_both(monkeypatch: pytest.MonkeyPatch) -> None:
    searched = _whole_text_searches(monkeypatch, min(len(MINI), len(AMENDMENT)) // 2)
    reading = read(MINI, "regulations/mini.md")
    amendment, problems = read_amendment(AMENDMENT, "amendments/mini-sua/amendment.md", "mini-sua")
    assert reading.problems == () and problems == () and amendment is not None
    assert searched == []  # two searches of each whole text before


@pytest.mark.parametrize("odd", ["😀", "\ue000", "\ufb01", "\U0002a6b2"],
                         ids=["emoji", "private use", "ligature", "ideograph beyond the BMP"])
def test_a_text_that_is_not_plain_but_holds_nothing_wrong_reads_as_before(monkeypatch: pytest.MonkeyPatch,
                                                                          odd: str) -> None:
    searched = _whole_text_searches(monkeypatch, len(MINI) // 2)
    written = MINI.replace("Tập thể thảo luận", f"Tập thể{odd} thảo luận")
    reading = read(written, "regulations/mini.md")
    assert (reading.problems, reading.warnings) == ((), ())
    assert render(reading.regulation) == written
    assert searched == ["control", "non-character"]  # each check searched as before, and found nothing


def test_a_text_holding_both_kinds_names_each_at_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    written = MINI.replace("Tập thể thảo luận", "Tập thể\ufffe thảo luận").replace(
        "Phạm vi điều chỉnh\n\nQuy chế này", "Phạm vi điều chỉnh\n\nQuy chế\u200b này")
    reading = read(written, "regulations/mini.md")
    [hidden] = [p for p in (*reading.problems, *reading.warnings) if "U+200B" in p.message or "zero" in p.message]
    [non_character] = [p for p in reading.warnings if "U+FFFE" in p.message]
    assert hidden.unit == "Điều 1" and non_character.line == 27
