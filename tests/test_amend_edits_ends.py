"""from-edits and the ends of items (`_ends_left_to_apply`): an end applying makes by itself is left to it, one
it would not make is the drafter's edit, and the one does not cost the other (Luật Công đoàn, twentieth round)."""

from __future__ import annotations

from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render

from .conftest import CORPUS, FIXTURES, in_corpus
from .test_amend_edits import body, reproduces

MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")

# Điều 2's clauses end with '.', its points with ';' but the last.
LAST_POINT_REPEALED = MINI.replace("b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;\n\n"
                                   "c) Thiểu số phục tùng đa số.",
                                   "b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy.")
CLAUSE_APPENDED_AFTER_SEMICOLON = ("2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2;\n\n"
                                   "3\\. Giữ gìn đoàn kết.")


def test_the_end_of_a_new_last_point_is_left_to_the_repeal() -> None:
    assert body(MINI, LAST_POINT_REPEALED) == "1\\. Bãi bỏ điểm c khoản 2 Điều 2."


def test_an_end_the_rules_would_not_make_does_not_cost_another_end_left_to_applying() -> None:
    """Điều 3's khoản 1 ends its dash items with '.', so khoản 2 takes no ';' when khoản 3 is appended: its new ';'
    is the drafter's own edit and is amended; điểm b khoản 2 Điều 2's '.' still comes from repealing điểm c, with no
    instruction of its own (it had one whenever another end in the text could not be left to applying)."""
    edited = LAST_POINT_REPEALED.replace("2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.",
                                         CLAUSE_APPENDED_AFTER_SEMICOLON)
    written = body(MINI, edited)
    assert "điểm b" not in written and "Bãi bỏ điểm c" in written
    assert "Điều 3" in written and "khoản 2 Điều 2" in written  # Điều 3 amended (whole: it is short)
    reproduces(parse(MINI, "old.md"), parse(edited, "edited.md"))


def test_luat_cong_doan_two_edits_write_no_instruction_for_point_m() -> None:
    """The tester's case on the law as enacted: khoản 9 Điều 22 given ';' with a new khoản 10, and điểm m khoản 2
    Điều 27 deleted; the repeal alone ends điểm l with '.'. `Sửa đổi, bổ sung điểm l` was written as well."""
    from regdraft.importer import import_file

    old_text = render(import_file(in_corpus(CORPUS / "luat-cong-doan.txt")).regulation)
    lines = old_text.split("\n")
    nine = next(i for i, t in enumerate(lines) if t.startswith("9\\. Bảo đảm điều kiện hoạt động công đoàn"))
    assert lines[nine].endswith(".")
    lines[nine] = lines[nine][:-1] + ";"
    lines[nine + 1:nine + 1] = ["", "10\\. Công khai thông tin về việc đóng kinh phí công đoàn."]
    ell = lines.index("l) Chi cho hoạt động của bộ máy công đoàn các cấp;")
    assert lines[ell + 2] == "m) Các nhiệm vụ chi khác."
    lines[ell] = lines[ell][:-1] + "."
    del lines[ell + 1:ell + 3]
    written = body(old_text, "\n".join(lines))
    assert "điểm l" not in written
    assert "Bãi bỏ điểm m khoản 2 Điều 27." in written
    assert "khoản 9" in written and "khoản 10" in written
