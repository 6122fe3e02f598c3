"""A name renamed in one provision is quoted as the name, not with the words around it that did not change (r30 sweep
AN 2): `chỉ đạo Ban cán sự đảng Ủy ban nhân dân tỉnh` made `chỉ đạo Đảng ủy Ủy ban nhân dân tỉnh` in khoản 1 Điều 24
of the shipped regulation was `Thay thế cụm từ “chỉ đạo Ban cán sự đảng …” bằng cụm từ “chỉ đạo Đảng ủy …”`: the name
stands twice more in khoản 2 Điều 23, and a phrase standing nowhere else won, though one provision's instruction
cannot be written throughout whatever it quotes."""

from __future__ import annotations

from .conftest import SHIPPED_REGULATION as SHIPPED
from .test_amend_edits import body

OLD_NAME, NEW_NAME = "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"


def test_a_name_renamed_in_one_provision_is_quoted_alone() -> None:
    old = SHIPPED.read_text(encoding="utf-8")
    assert old.count(OLD_NAME) == 3 and old.count(f"chỉ đạo {OLD_NAME}") == 1
    new = old.replace(f"chỉ đạo {OLD_NAME}", f"chỉ đạo {NEW_NAME}")
    assert body(old, new).strip() == (
        f"1\\. Thay thế cụm từ “{OLD_NAME}” bằng cụm từ “{NEW_NAME}” tại khoản 1 Điều 24.")


def test_a_name_renamed_in_two_provisions_is_still_quoted_where_it_stands_nowhere_else() -> None:
    # Khoản 2 Điều 23 holds the name twice, khoản 1 Điều 24 once: all three renamed, written throughout.
    old = SHIPPED.read_text(encoding="utf-8")
    assert body(old, old.replace(OLD_NAME, NEW_NAME)).strip() == (
        f"1\\. Thay thế cụm từ “{OLD_NAME}” bằng cụm từ “{NEW_NAME}” trong toàn bộ Quy chế.")
