"""`check`'s note counts the overlaps of pending drafts without comparing every pair of drafts and every pair of
their instructions (r43 sweep CI F3: 62 pending drafts, 12 s of `check`'s 16 s in `between`, to print two counts).

`tally` gives what `between` gives, counted; its work follows the pairs that overlap, not drafts².
"""

from __future__ import annotations

import pytest

from regdraft.core.amend import conflicts, overlap_tally
from regdraft.core.amend.conflicts import between
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.overlap_tally import tally
from regdraft.core.model import Address
from tests.test_amend_apply import regulation
from tests.test_conflicts_words_throughout import VI_THROUGHOUT, _draft

BODIES = (
    "1\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. Thường trực Tỉnh ủy bảo đảm thực hiện.”",
    "1\\. Bãi bỏ điểm b khoản 2 Điều 2.\n\n2\\. Bãi bỏ khoản 2 Điều 1, Điều 4 và khoản 2 Điều 5.",
    "1\\. Sửa đổi tên Chương II như sau:\n\n“CHẾ ĐỘ LÀM VIỆC VÀ HỘI NGHỊ”.\n\n"
    "2\\. Sửa đổi tên Điều 3 như sau:\n\n“Điều 3. Hội nghị thường lệ”",
    "1\\. Bổ sung điểm đ vào khoản 2 Điều 2 như sau:\n\n“đ) Công tác đối ngoại.”",
    "1\\. Sửa đổi, bổ sung Điều 2 như sau:\n\n“Điều 2. Nguyên tắc làm việc\n\n1\\. Ban Chấp hành Đảng bộ tỉnh "
    "làm việc tập thể.”",
    VI_THROUGHOUT,
    "1\\. Thay thế cụm từ “Ban Chấp hành” bằng cụm từ “Ban Chấp hành Đảng bộ” trong toàn bộ Quy chế.",
    "1\\. Thay thế cụm từ “Ban Chấp hành Đảng bộ tỉnh” bằng cụm từ “Tỉnh ủy” tại khoản 1 Điều 1.",
    "1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“1\\. Ban Chấp hành họp 6 tháng một lần.”",
)


def _counted_by_between(drafts: list[Amendment]) -> tuple[set[tuple[str, Address]], int]:
    text = regulation("vi")
    found = between(drafts, {text.id: text})
    inner = {(c.first.regulation, c.second_address if c.first_address.contains(c.second_address)
              else c.first_address) for c in found}
    return inner, len(found)


@pytest.mark.parametrize("picked", [(0, 1), (1, 3, 4), (5, 6, 7), (4, 5, 8), (0, 1, 2, 3, 4, 5, 6, 7, 8),
                                    (5, 5, 7, 7, 4), (2, 2, 1), (8, 8, 8)])
def test_the_tally_is_betweens_conflicts_counted(picked: tuple[int, ...]) -> None:
    drafts = [_draft(f"d{n}", BODIES[k], "vi") for n, k in enumerate(picked)]
    text = regulation("vi")
    assert tally(drafts, {text.id: text}) == _counted_by_between(drafts)


def test_drafts_touching_different_provisions_are_not_compared_pair_by_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    # 30 drafts, each amending its own provision, and two that amend khoản 2 Điều 1: one overlap to count. `between`
    # set each draft against every other (30 × 31 / 2 pairs of instructions, and each pair's leaves read again).
    bodies = [f"1\\. Sửa đổi, bổ sung khoản {k} Điều 9 như sau:\n\n“{k}\\. Nội dung {k}.”" for k in range(1, 31)]
    drafts = [_draft(f"d{n}", body, "vi") for n, body in enumerate([*bodies, BODIES[0], BODIES[0]])]
    compared = 0
    read = 0
    real_overlap, real_leaves = conflicts._overlap, Amendment.leaves

    def overlap(a: Address, b: Address) -> bool:
        nonlocal compared
        compared += 1
        return real_overlap(a, b)

    def leaves(self: Amendment) -> object:
        nonlocal read
        read += 1
        return real_leaves(self)

    monkeypatch.setattr(overlap_tally, "_overlap", overlap)
    monkeypatch.setattr(conflicts, "_overlap", overlap)
    monkeypatch.setattr(Amendment, "leaves", leaves)
    text = regulation("vi")
    places, pairs = tally(drafts, {text.id: text})
    assert (len(places), pairs) == (1, 1)
    assert compared <= 2, compared  # the pair that overlaps, not 32 × 31 / 2
    assert read <= 2 * len(drafts), read

