"""Invisible characters (direction overrides, zero-width spaces) in a received text: named by `check`, never shown.

A title holding U+202E (right-to-left override) was accepted and printed raw by `list`, reversing what followed
on the terminal; a review form's name holding it reversed the rest of the comment's line on every page.
"""

from __future__ import annotations

import pytest

from regdraft.core.errors import ParseError
from regdraft.core.markdown import parse
from regdraft.importer.plaintext import clean
from regdraft.web.actions import form_values
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

HEAD = ("---\nid: X/1\ntype: Quy chế\ntitle: Quy chế {title}\nlanguage: vi\nissuer: Tỉnh ủy\n"
        "signed: 2021-01-09\n---\n\n## Điều 1. Phạm vi\n\n{body}\n")


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u200e", "\u2060", "\ufeff"])
def test_an_invisible_character_in_the_text_is_a_problem_naming_its_line(char: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse(HEAD.format(title="làm việc", body=f"Quy chế này quy{char} định."), "regulations/X-1.md")
    [problem] = caught.value.problems
    assert problem.line == 12 and f"the invisible character U+{ord(char):04X}" in problem.message


def test_an_override_in_a_title_is_refused_and_never_printed(mini_workspace: Workspace, invoke: Invoke) -> None:
    path = mini_workspace.root / "regulations" / "MINI-QC.md"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title: "))
    path.write_text(text.replace(title, title.replace(" ", " \u202e", 1), 1), encoding="utf-8")
    checked = invoke(mini_workspace, "check")
    assert checked.exit_code == 1
    assert "regulations/MINI-QC.md:" in checked.output and "U+202E (right-to-left override)" in checked.output
    listed = invoke(mini_workspace, "list")
    assert "\u202e" not in listed.output and title.removeprefix("title: ") in listed.output


def test_the_review_form_drops_invisible_characters() -> None:
    values = form_values({"name": "Nguyễn Văn A\u202e (Ban Tổ chức)", "text": "Đề nghị\u200b bỏ\u2067 cụm từ."})
    assert values["name"] == "Nguyễn Văn A (Ban Tổ chức)" and values["text"] == "Đề nghị bỏ cụm từ."


def test_an_imported_line_keeps_its_words_without_the_invisible_characters() -> None:
    assert clean("Điều\u200b 1.\u200e Phạm vi\u202c điều chỉnh") == "Điều 1. Phạm vi điều chỉnh"
