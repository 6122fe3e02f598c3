"""The consolidated text when the last points of a clause are repealed (carried item `;`→`.`, r40 misc40 4).

Carried since r36: "the point now last keeps its `;`". On the real Luật Đấu thầu (22/2023/QH15) it does not: an
amending law repealing điểm d and điểm đ of khoản 4 Điều 43 (the list's last two points) leaves điểm c ending with `.`
in `amend preview` and in the consolidated text `export` writes, as docs/amendments.md ("Consequential edits") says
a drafter makes it; the repealed points stay as placeholders with their footnotes, numbered as issued. This pins it,
so that a change to it is made on purpose: Vietnamese consolidation (Pháp lệnh 01/2012/UBTVQH13) reproduces the
provisions an amending document does not change as issued, and the change of điểm c's end carries no footnote (see
the report of misc40: no real consolidated text with the last points of a list repealed was found to settle it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke

CORPUS = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus of amending documents is absent")

AMENDMENT = """---
number: 99/2025/QH15
type: Luật
title: Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu
regulation: 22/2023/QH15
language: vi
status: draft
draft: 1
---

## Điều 1. Sửa đổi, bổ sung một số điều của Luật Đấu thầu

1\\. Bãi bỏ điểm d và điểm đ khoản 4 Điều 43.

## Điều 2. Hiệu lực thi hành

Luật này có hiệu lực thi hành từ ngày 01 tháng 3 năm 2025.
"""

CLAUSE_4 = """4\\. Quy trình, thủ tục lựa chọn nhà thầu đối với mua sắm trực tiếp bao gồm các bước sau đây:

a) Chuẩn bị lựa chọn nhà thầu;

b) Tổ chức lựa chọn nhà thầu;

c) Đánh giá hồ sơ đề xuất và thương thảo về đề xuất của nhà thầu{end}

d){d} (được bãi bỏ)

đ){dd} (được bãi bỏ)
"""


def test_repealing_the_last_two_points_ends_the_point_now_last_with_a_full_stop(empty_workspace: Workspace,
                                                                                invoke: Invoke,
                                                                                tmp_path: Path) -> None:
    ws = empty_workspace
    assert invoke(ws, "import", str(CORPUS / "base-22-2023-QH15.txt"), "--id", "22/2023/QH15").exit_code == 0
    ws.commit({"amendments/bai-bo/amendment.md": AMENDMENT.encode("utf-8")}, "Bãi bỏ điểm d, đ khoản 4 Điều 43")
    preview = invoke(ws, "amend", "preview", "bai-bo")
    assert preview.exit_code == 0, preview.output
    assert CLAUSE_4.format(end=".", d="", dd="") in preview.stdout
    assert ("the end of điểm c khoản 4 Điều 43 changes from ';' to '.' without an instruction"
            in " ".join(preview.stderr.split()))
    adopted = invoke(ws, "amend", "adopt", "bai-bo", "--signed", "2025-02-01", "--effective", "2025-03-01", "--force",
                     "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    out = tmp_path / "hop-nhat.md"
    assert invoke(ws, "export", "22/2023/QH15", "--as-of", "2025-03-01", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    clause = text[text.index("4\\. Quy trình, thủ tục lựa chọn nhà thầu đối với mua sắm trực tiếp"):]
    clause = clause[:clause.index("\n5\\. ")]
    d, dd = clause.split("d)", 1)[1].split(" ", 1)[0], clause.split("đ)", 1)[1].split(" ", 1)[0]
    assert d.startswith("[^") and dd.startswith("[^"), clause  # the placeholders' footnotes
    assert clause == CLAUSE_4.format(end=".", d=d, dd=dd), clause
