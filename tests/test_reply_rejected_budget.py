"""A Word reply's run of paragraphs typed in place of the redline's is weighed against the draft's lines only within a
budget of characters: 59 typed paragraphs of 2,000 words against 61 lines took 64 s of CPU to align (r41 sweep CI F3).
Past it, the lines the reply does not hold word for word are said unsure (the import warns, naming their provision),
never rejected, and nothing is weighed."""

from __future__ import annotations

import pytest

from regdraft.core import reply_missing
from regdraft.core.reply_missing import LIKENESS_BUDGET, _paired


def _never(a: str, b: str) -> float:
    raise AssertionError("weighed past the budget")


def test_a_run_past_the_budget_is_not_weighed_and_its_lines_are_unsure(monkeypatch: pytest.MonkeyPatch) -> None:
    long = "từ ngữ " * 2_000  # 14,000 characters a paragraph
    held = [f"{i} {long}" for i in range(3)] + ["dòng giữ nguyên"]
    drafted = [f"khác {i} {long}" for i in range(3)] + ["dòng giữ nguyên"]
    assert 3 * len(held[0]) * 3 * len(drafted[0]) > LIKENESS_BUDGET
    monkeypatch.setattr(reply_missing, "_like", _never)
    standing, free = _paired(held, drafted, set(drafted))
    assert standing == {3}  # held word for word: it stands for itself
    assert free == {0, 1, 2}  # standing for none: the lines beside them are unsure, never rejected


def test_a_run_within_the_budget_is_weighed_as_before() -> None:
    held = ["điểm a được sửa đổi đôi chút", "điểm c"]
    drafted = ["điểm a được sửa đổi", "điểm b hoàn toàn khác hẳn", "điểm c"]
    standing, free = _paired(held, drafted, set(drafted))
    assert standing == {0, 2} and free == set()  # điểm b stands for nothing the reply holds: it may be missing


def test_a_line_is_said_maybe_moved_as_difflib_weighs_it_and_past_the_budget() -> None:
    """r44 sweep CI F3: each line missing was weighed against every paragraph standing for none, unbounded. Told
    apart by length or by the characters counted, it is not weighed (the answer as difflib's); past the budget, a
    line is taken as maybe moved: named in a note, never given as rejected."""
    from regdraft.core.reply_moved import maybe_moved

    line = "công tác tiếp nhận, xử lý phản ánh, kiến nghị"
    retyped = "công tác tiếp nhận và xử lý các phản ánh, kiến nghị"
    loose = [retyped, "lấy ý kiến " * 5_000, "zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz zzzz"]
    lines = [(line, None), (line, retyped), ("nội dung khác theo yêu cầu", None)]
    expected = [any(reply_missing._like(other, key) >= reply_missing.MOVED_LIKE for other in loose if other != not_it)
                for key, not_it in lines]
    assert maybe_moved(lines, loose, reply_missing.MOVED_LIKE) == expected == [True, False, False]
    assert maybe_moved(lines, loose, reply_missing.MOVED_LIKE, budget=200) == [True, True, True]
