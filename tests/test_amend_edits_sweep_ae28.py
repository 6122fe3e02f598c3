"""Sweep r28 AE W2: `amend from-edits` on Luật Du lịch, the closing text of khoản 2 Điều 34 edited (`khi cấp lại` →
`trong thời hạn 03 ngày làm việc kể từ ngày cấp lại`) and `Tổng cục Du lịch` renamed throughout. The phrase quoted
was `“trụ sở khi cấp lại Giấy phép kinh doanh”`: it ended inside the name `Giấy phép kinh doanh dịch vụ lữ hành`
and started on `trụ sở` only to keep the function word `khi`, the word the edit replaces, off its start."""

from __future__ import annotations

from .conftest import CORPUS, in_corpus, needs_corpus
from .test_amend_edits import body
from .test_amend_edits_sweep_g import _law

DU_LICH = CORPUS / "luat-du-lich.txt"


@needs_corpus
def test_a_phrase_starts_on_the_word_it_replaces_and_does_not_cut_a_name() -> None:
    old = _law(in_corpus(DU_LICH))
    before = "có trụ sở khi cấp lại Giấy phép kinh doanh dịch vụ lữ hành quốc tế."
    assert old.count(before) == 1
    new = old.replace(before, "có trụ sở trong thời hạn 03 ngày làm việc kể từ ngày cấp lại Giấy phép kinh doanh "
                              "dịch vụ lữ hành quốc tế.").replace("Tổng cục Du lịch", "Cục Du lịch Quốc gia Việt Nam")
    written = body(old, new)
    assert ("Thay thế cụm từ “khi cấp lại” bằng cụm từ “trong thời hạn 03 ngày làm việc kể từ ngày cấp lại” tại "
            "khoản 2 Điều 34." in written), written
    assert "Giấy phép kinh doanh”" not in written
