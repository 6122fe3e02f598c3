"""`amend from-edits` writes a quote's first line as the document wrote it (r40 left: `“4a\\.` for an issued `“4a.`).

`wording.quote` writes a quoted clause `“4a\\. …`, the format's escape of a number opening a line; after the opening
mark it reads the same without it, and an imported document writes it so, as issued (Luật 57/2024/QH15: `“4a. Công ty
mẹ …`, `“1. Tổ chuyên gia …`). An edit inside a quote rewrote its first line with the escape: the number's line of an
issued text changed though its words had not, or had changed elsewhere. Each form a quote opens with in the corpus's
amending documents (`“4a.`, `“1.`, `“a)`, `“Điều 34a.`) is kept; only the words edited change. Run on a draft modelled
on the law (its signing date taken out): an issued text's quotes are not written into at all
(tests/test_cli_amend_from_edits_issued.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke, standing_for_a_draft
from tests.test_cli_amend_from_edits_issued import _edited
from tests.test_sync_corpus_merge import PATH, SLUG, _office, pytestmark  # noqa: F401

# The instruction's quote opening, and the words edited in the quote: as the preview has them, and their new wording.
FORMS = {
    "4a.": ("“4a. Công ty mẹ", "thành viên trong tập đoàn kinh tế nhà nước, tổng công ty nhà nước được tham dự",  # 3.c
            "thành viên trong các tập đoàn kinh tế nhà nước, tổng công ty nhà nước được tham dự"),
    "1.": ("“1. Tổ chuyên gia", "Chủ đầu tư thành lập hoặc giao nhiệm vụ đối với lựa chọn nhà thầu;",  # 6, its điểm a
           "Chủ đầu tư thành lập hoặc giao nhiệm vụ cho tổ chức đối với lựa chọn nhà thầu;"),
    "a)": ("“a) Đấu thầu rộng rãi",  # 9
           "Đấu thầu rộng rãi, đấu thầu hạn chế đối với gói thầu cung cấp dịch vụ phi tư vấn, mua sắm hàng hóa, "
           "xây lắp, hỗn hợp", "Đấu thầu rộng rãi hoặc đấu thầu hạn chế đối với gói thầu cung cấp "
           "dịch vụ phi tư vấn, mua sắm hàng hóa, xây lắp, hỗn hợp"),
    "Điều 34a.": ("“Điều 34a.", "Chính phủ quy định chi tiết Điều này.\n\n### Điều 35.",  # 12, its khoản 2
                  "Chính phủ quy định chi tiết và hướng dẫn thi hành Điều này.\n\n### Điều 35."),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_an_edit_inside_a_quote_keeps_its_first_line_as_written(empty_workspace: Workspace, invoke: Invoke,
                                                                tmp_path: Path, form: str) -> None:
    _office(empty_workspace, invoke)
    standing_for_a_draft(empty_workspace, SLUG)
    opening, old, new = FORMS[form]
    before = (empty_workspace.root / PATH).read_text(encoding="utf-8").split("\n")
    first = next(line for line in before if line.startswith(opening))
    done = invoke(empty_workspace, "amend", "from-edits", SLUG, "--edited",
                  str(_edited(empty_workspace, invoke, tmp_path, (old, new))))
    assert done.exit_code == 0, done.output
    after = (empty_workspace.root / PATH).read_text(encoding="utf-8").split("\n")
    assert len(after) == len(before)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    words, wording = old.split("\n")[0], new.split("\n")[0]
    # One line changed, by the words edited alone: the quote's first line as it was, or with that edit only.
    assert [b for _, b in changed] == [a.replace(words, wording, 1) for a, _ in changed] and len(changed) == 1, changed
    assert any(line.startswith(opening) for line in after)
    assert first in after or changed == [(first, first.replace(words, wording, 1))]
