"""Sweep r25 G: `amend from-edits` on a drafter's own edits of Luật Du lịch and Luật Thanh niên.

1. Words added after words they repeat (`khu du lịch, điểm du lịch` + `, tuyến du lịch`) were placed as far left as
   they go (` du lịch, tuyến` after `điểm`), and the phrase quoted cut the words repeated: `Thay thế cụm từ “điểm”
   bằng cụm từ “điểm du lịch, tuyến”`, `“đội ngũ cán bộ, công”` → `“đội ngũ cán bộ, công chức, viên”`.
2. ` Việt Nam` deleted at two places was quoted as `“thanh niên Việt Nam vào hệ thống chỉ tiêu của Bộ”`, widened
   past the function word `vào` to claim `trong toàn bộ Luật`, not `Bỏ cụm từ “Việt Nam”`.
3. A clause's closing text (đoạn cuối) changed alone re-enacted the whole clause.
"""

from __future__ import annotations

from regdraft.core.address import Address
from regdraft.core.amend.edit_sites import Site, widenings
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file

from .conftest import CORPUS, in_corpus, needs_corpus
from .test_amend_edits import body

DU_LICH = CORPUS / "luat-du-lich.txt"
THANH_NIEN = CORPUS / "luat-thanh-nien.txt"


def _law(path: object) -> str:
    return render(import_file(in_corpus(path)).regulation)  # type: ignore[arg-type]


@needs_corpus
def test_words_added_after_repeated_words_are_quoted_after_the_whole_phrase() -> None:
    old = _law(DU_LICH)
    assert old.count("tại khu du lịch, điểm du lịch") == 3
    written = body(old, old.replace("tại khu du lịch, điểm du lịch", "tại khu du lịch, điểm du lịch, tuyến du lịch"))
    # Was: Thay thế cụm từ “điểm” bằng cụm từ “điểm du lịch, tuyến” tại …
    assert written.strip().endswith("1\\. Bổ sung cụm từ “, tuyến du lịch” vào sau cụm từ “điểm du lịch” tại khoản 1 "
                                    "Điều 13, khoản 1 Điều 45 và điểm c khoản 2 Điều 75."), written
    assert "“điểm”" not in written and "tuyến”" not in written


@needs_corpus
def test_an_item_added_to_cán_bộ_công_chức_is_quoted_with_its_words_whole() -> None:
    old = _law(THANH_NIEN)
    assert old.count("cán bộ, công chức làm") == 3
    written = body(old, old.replace("cán bộ, công chức làm", "cán bộ, công chức, viên chức làm"))
    # Was: Thay thế cụm từ “đội ngũ cán bộ, công” bằng cụm từ “đội ngũ cán bộ, công chức, viên” trong toàn bộ Luật.
    assert ("1\\. Bổ sung cụm từ “, viên chức” vào sau cụm từ “đội ngũ cán bộ, công chức” trong toàn bộ Luật."
            in written), written
    assert "công”" not in written and "viên”" not in written


def test_a_phrase_ending_inside_the_words_an_addition_repeats_costs_more() -> None:
    paragraph = "Bảo đảm an ninh, trật tự tại khu du lịch, điểm du lịch."
    at = paragraph.index(" du lịch.")
    site = Site(Address.parse("d13.k1"), 0, paragraph, at, at, " du lịch, tuyến")  # as far left as it goes
    costs = {old: hit.cost for old, _, hit in widenings(site)}
    assert costs["điểm"] > costs["điểm du lịch"] == 0
    # Words added after a function word stop before it at no cost (`Council| and its Standing Board| and`).
    paragraph = "Members of the council and the board."
    at = paragraph.index(" and")
    site = Site(Address.parse("d1.k1"), 0, paragraph, at, at, " and its standing board")
    assert {old: hit.cost for old, _, hit in widenings(site)}["council"] == 0


@needs_corpus
def test_words_deleted_at_two_places_are_quoted_as_they_stand() -> None:
    old = _law(THANH_NIEN)
    assert old.count("thống kê về thanh niên Việt Nam vào") == 2
    written = body(old, old.replace("thống kê về thanh niên Việt Nam vào", "thống kê về thanh niên vào"))
    # Was: Thay thế cụm từ “thanh niên Việt Nam vào hệ thống chỉ tiêu của Bộ” bằng cụm từ “thanh niên vào hệ thống
    # chỉ tiêu của Bộ” trong toàn bộ Luật.
    assert written.strip().endswith("1\\. Bỏ cụm từ “Việt Nam” tại khoản 2 Điều 38 và khoản 2 Điều 39."), written


_CLOSING = ("Tổng cục Du lịch thông báo cho cơ quan chuyên môn về du lịch cấp tỉnh nơi doanh nghiệp có trụ sở khi cấp "
            "lại Giấy phép kinh doanh dịch vụ lữ hành quốc tế.")
_NEW_CLOSING = ("Cơ quan cấp giấy phép công khai thông tin về việc cấp lại giấy phép trên Cơ sở dữ liệu quốc gia về du "
                "lịch.")


@needs_corpus
def test_a_closing_text_changed_alone_is_amended_alone() -> None:
    old = _law(DU_LICH)
    assert old.count("\n" + _CLOSING + "\n") == 1
    written = body(old, old.replace("\n" + _CLOSING + "\n", "\n" + _NEW_CLOSING + "\n"))
    # Was: Sửa đổi, bổ sung khoản 2 Điều 34 như sau: with its lead-in and points a and b quoted.
    assert written.strip() == f"1\\. Sửa đổi, bổ sung đoạn cuối khoản 2 Điều 34 như sau:\n\n“{_NEW_CLOSING}”.", written


@needs_corpus
def test_a_closing_text_changed_with_a_point_follows_it() -> None:
    old = _law(DU_LICH)
    point = "b) Trong thời hạn 05 ngày làm việc kể từ ngày nhận được đơn đề nghị của doanh nghiệp"
    assert old.count(point) == 1
    edited = old.replace("\n" + _CLOSING + "\n", "\n" + _NEW_CLOSING + "\n").replace(point, point.replace("05", "03"))
    written = body(old, edited)
    assert "1\\. Sửa đổi, bổ sung điểm b khoản 2 Điều 34 như sau:" in written, written
    assert written.index("Sửa đổi, bổ sung điểm b khoản 2 Điều 34") < written.index(
        "2\\. Sửa đổi, bổ sung đoạn cuối khoản 2 Điều 34 như sau:"), written
    assert "Trình tự, thủ tục" not in written
