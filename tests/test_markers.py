"""Conflict markers read into two versions; two versions shown side by side."""

from __future__ import annotations

from regdraft.core.markers import aligned, has_markers, side_by_side, split

MARKED = """a
<<<<<<< HEAD
mine 1
mine 2
=======
theirs
>>>>>>> 1a2b3c4 (Their change)
b
<<<<<<< HEAD
x
||||||| base
old
=======
y
>>>>>>> 1a2b3c4 (Their change)
c"""


def test_split_gives_both_versions_and_where_each_block_starts() -> None:
    parts = split(MARKED)
    assert parts.first == "a\nmine 1\nmine 2\nb\nx\nc"
    assert parts.second == "a\ntheirs\nb\ny\nc"
    first, second = parts.blocks
    assert (first.line, first.first_line, first.second_line) == (2, 2, 2)
    assert (second.line, second.first_line, second.second_line) == (9, 5, 4)
    assert second.first == ("x",) and second.second == ("y",)  # the diff3 base section is dropped
    assert first.first_label == "HEAD" and first.second_label == "1a2b3c4 (Their change)"


def test_an_incomplete_block_is_kept_as_text() -> None:
    text = "a\n<<<<<<< HEAD\nb\n=======\nc"
    parts = split(text)
    assert parts.blocks == () and parts.first == text == parts.second


def test_has_markers_needs_an_opening_and_a_closing_line() -> None:
    assert has_markers(MARKED.encode())
    assert not has_markers(b"a\n<<<<<<< HEAD\nb\n")
    assert not has_markers(b"quoted: <<<<<<< not at a line start >>>>>>> \n")


def test_aligned_keeps_what_differs_and_folds_what_is_the_same() -> None:
    rows = aligned(["Sửa đổi khoản 2", "a) giống", "b) 3 tháng", "c) giống"],
                   ["Sửa đổi khoản 2", "a) giống", "b) 4 tháng", "c) giống"])
    assert rows == [(("Sửa đổi khoản 2", "…"), ("Sửa đổi khoản 2", "…")), (("b) 3 tháng",), ("b) 4 tháng",)),
                    (("…",), ("…",))]


def test_side_by_side_puts_each_version_in_its_column() -> None:
    rows = side_by_side(["b) Định kỳ 3 tháng"], ["b) Định kỳ 4 tháng"], ("Yours", "Theirs"), width=60)
    assert rows[0].startswith("Yours") and rows[0].endswith("│ Theirs")
    line = next(r for r in rows if "3 tháng" in r)
    assert line.index("3 tháng") < line.index("│") < line.index("4 tháng")
    removed = side_by_side(["khoản 3"], [], ("Yours", "Theirs"), width=60)
    assert any("khoản 3" in r and "(nothing: removed)" in r for r in removed)
