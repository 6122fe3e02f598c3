"""Inline Markdown costs work in proportion to the text: a clause made of `[`, `![` or `<![CDATA[` (markdown-it
seeking the end of a link's label from each) took an export of 100 KB twelve seconds, against one for `show`.
Texts that hold no `](` are read without the link and image rules, which find nothing in them: the same output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regdraft.core import inline
from regdraft.render import html
from tests import counting


def _calls(action: Callable[[], Any]) -> int:
    """Python and built-in function calls made while `action` runs (markdown-it's rules and helpers among them)."""
    return counting.events(action, counting.calls)[0]


@pytest.mark.parametrize("run", ["![", "[", "<![CDATA[", "[x]![", "![](", "[a](b) ["])
@pytest.mark.parametrize("render", [html.inline_markdown, inline.spans], ids=["html", "spans"])
def test_a_run_of_brackets_costs_what_emphasis_does(run: str, render: Callable[[str], Any]) -> None:
    text = "1. " + run * (16000 // len(run))  # with `](`, more than 1,000 `[`: links printed as written
    emphasis = "1. " + "*a" * 8000  # about 30 calls a character
    # Before: 115 calls a character for `[`, 80 for `<![CDATA[`, 205 for `![`.
    assert _calls(lambda: render(text)) < 1.4 * _calls(lambda: render(emphasis))


_PIECES = st.sampled_from(["[", "]", "![", "(", ")", "*", "_", "`", "\\", "<", ">", "&amp;", " ", "a", "Điều", "\n",
                           "<![CDATA[", "]]>", "<b>", "http://x.invalid", "](", "**"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_output_is_the_full_parsers(text: str) -> None:
    if inline.may_link(text):
        return
    quick = (str(html.inline_markdown(text)), inline.spans(text))
    with pytest.MonkeyPatch.context() as patch:  # links and images read whatever the text
        patch.setattr(html, "may_link", lambda _text: True)
        patch.setattr(inline, "may_link", lambda _text: True)
        assert quick == (str(html.inline_markdown(text)), inline.spans(text))


def test_links_are_read_unless_a_paragraph_is_made_of_brackets() -> None:
    assert str(html.inline_markdown("theo [Điều lệ Đảng](http://x.invalid) và [a]")) == "theo Điều lệ Đảng và [a]"
    assert inline.plain("theo [Điều lệ Đảng](http://x.invalid)") == "theo Điều lệ Đảng"
    crowded = "[" * 1001 + " [Điều lệ](http://x.invalid)"
    assert str(html.inline_markdown(crowded)) == crowded  # printed as written, in proportional time
