"""How far an edited copy is from a version of its regulation (`workspace.stale_copy.differing_lines`), which
`amend from-edits` asks of the text in force and the last twelve versions: exact, and in time growing with the
text, not with its square (difflib's matcher took 28 s on two 1,000-article texts a word apart)."""

from __future__ import annotations

import pytest

from regdraft.workspace.stale_copy import differing_lines, refuse_stale_copy
from regdraft.workspace.store import Workspace
from tests.counting import events, in_module


def _text(articles: int, changed: int = -1) -> str:
    """A regulation's shape: a heading and a clause an article, a blank line between every two lines."""
    lines = []
    for n in range(1, articles + 1):
        edited = " đã sửa" if n == changed else ""
        lines += [f"## Điều {n}. Điều thứ {n}", "", f"1\\. Nội dung khoản 1 Điều {n}{edited}.", ""]
    return "\n".join(lines)


def test_the_lines_two_texts_differ_by() -> None:
    assert differing_lines("a\nb\nc", "a\nx\ny\nc") == 2
    assert differing_lines("a\nb", "b") == 1
    assert differing_lines("a\nb\nc", "a\nb\nc") == 0
    assert differing_lines(_text(50), _text(50, changed=7)) == 1


def test_comparing_grows_with_the_text_not_its_square() -> None:
    counted = in_module(("diff_match_patch/diff_match_patch.py", "/difflib.py", "core/word_diff.py"))
    small, same = events(lambda: differing_lines(_text(500), _text(500, changed=250)), counted)
    large, also = events(lambda: differing_lines(_text(4000), _text(4000, changed=2000)), counted)
    assert same == also == 1
    assert large < 12 * small  # eight times the text; difflib's matcher, blank lines its junk, did 64 times the work


def test_a_version_far_larger_than_the_text_now_is_not_read(tmp_workspace: Workspace,
                                                            request: pytest.FixtureRequest) -> None:
    """A version of the regulation more than 8 times its text now and over 2 MB (`store_history.history_bound`; a clone
    packs repeated text 300 times over) is not read to compare with the copy (sweep r23 s2security defect 1)."""
    reg = "regulations/01-QC-TU.md"
    text = tmp_workspace.read(reg)
    large = tmp_workspace.commit({reg: text + b"\n1. x\n" * 500_000}, "a large version")
    tmp_workspace.commit({reg: text}, "put back")
    asked = request.getfixturevalue("revisions_read")
    refuse_stale_copy(tmp_workspace, reg, "01-QC/TU", text.replace("Thường lệ".encode(), b"X", 1), "copy.md")
    assert asked and large not in asked
