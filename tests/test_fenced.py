"""`blocks.fenced`: a text is looked for a fence in steps (a backtick or a tilde first, one character), with the
answer of the search it replaced, `("```" in body or "~~~" in body) and _FENCE.search(body)`; a text holding neither
character is never searched for three of them (about 1 ms each for a 1,000-article text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.core.blocks import _FENCE, body_blocks, fenced, heading_cuts
from tests.conftest import SHIPPED_ENGLISH, SHIPPED_REGULATION


def _searched(body: str) -> bool:
    return bool(("```" in body or "~~~" in body) and _FENCE.search(body))


@settings(max_examples=150, deadline=None)  # under half a second of CPU
@given(st.text(st.sampled_from("`~ \na#Đ"), max_size=40))
def test_fenced_is_the_search_it_replaced(body: str) -> None:
    assert fenced(body) == _searched(body)


@pytest.mark.parametrize("body", ["```\nmã\n```", "   ~~~ x", "a\n ```", "    ```", "`x` và ~ y", "~~ ``", "",
                                  "Điều 1.\n\n```python\n"])
def test_fenced_on_texts_written_so(body: str) -> None:
    assert fenced(body) == _searched(body)


class _Asked(str):
    """A text that notes each `in` asked of it."""

    asked: list[str]

    def __contains__(self, part: object) -> bool:
        self.asked.append(str(part))
        return super().__contains__(str(part))


@pytest.mark.parametrize("path", [SHIPPED_REGULATION, SHIPPED_ENGLISH], ids=["vi", "en"])
def test_a_text_without_backticks_or_tildes_is_not_searched_for_three(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = lines.index("---", 1) + 1
    body = _Asked("\n".join(lines[start:]))
    body.asked = []
    assert heading_cuts(body, lines, start)
    assert list(body_blocks(body, lines, start))
    assert body.asked == ["`", "~", "`", "~"]
