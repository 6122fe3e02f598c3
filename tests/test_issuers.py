"""An issuer's place name after its administrative unit, as running text writes it (r28 sweep AC defect 3): each word
capitalised (Nghị định 30/2020/NĐ-CP Phụ lục II), never read as an acronym nor lowered, whatever `place:` says."""

from __future__ import annotations

import pytest

from regdraft.core.issuers import issuer_name


@pytest.mark.parametrize(("header", "place", "running"), [
    # 95f732b printed "Huyện ủy đăk GLONG" (GLONG no Vietnamese syllable, so an acronym; đăk not the place's).
    ("HUYỆN ỦY ĐĂK GLONG", "Gia Nghĩa", "Huyện ủy Đăk Glong"),
    ("BAN THƯỜNG VỤ HUYỆN ỦY KBANG", "Gia Lai", "Ban Thường vụ Huyện ủy Kbang"),
    ("HUYỆN ỦY IA GRAI", "Gia Lai", "Huyện ủy Ia Grai"),
    ("HUYỆN ỦY ĐĂK GLEI", "Kon Tum", "Huyện ủy Đăk Glei"),
    ("HUYỆN ỦY KRÔNG PA", "Gia Lai", "Huyện ủy Krông Pa"),
    ("HUYỆN ỦY CHƯ SÊ", "Gia Lai", "Huyện ủy Chư Sê"),
    ("HUYỆN ỦY EA H'LEO", "Đắk Lắk", "Huyện ủy Ea H'Leo"),
    ("THỊ ỦY M'ĐRẮK", "Đắk Lắk", "Thị ủy M'Đrắk"),
    ("HUYỆN UỶ KON PLÔNG", "Kon Tum", "Huyện uỷ Kon Plông"),
    # ea88746 lowered a place's words not in `place:`.
    ("ĐẢNG ỦY XÃ MƯỜNG PHĂNG", "Điện Biên", "Đảng ủy xã Mường Phăng"),
    ("ĐẢNG ỦY XÃ IA BLỨ HUYỆN CHƯ PƯH", "Gia Lai", "Đảng ủy xã Ia Blứ huyện Chư Pưh"),
    ("ỦY BAN NHÂN DÂN HUYỆN KRÔNG PA", "", "Ủy ban nhân dân huyện Krông Pa"),
    ("HỘI ĐỒNG NHÂN DÂN THỊ XÃ BUÔN HỒ", "Đắk Lắk", "Hội đồng nhân dân thị xã Buôn Hồ"),
    # Nghị định 30/2020 Phụ lục II writes `Thành phố Hồ Chí Minh` with its capital (95f732b did; afd7027 lowered it:
    # r29 sweep AI 1), as `place:` writes it, and so with no `place:`; a unit named by its number is `Quận 1`.
    ("THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"),
    ("THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH", "", "Thành ủy Thành phố Hồ Chí Minh"),
    ("QUẬN ỦY QUẬN 1", "Thành phố Hồ Chí Minh", "Quận ủy Quận 1"),
    ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Vũng Tàu", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
    # `place:` written in small letters names it no less.
    ("HUYỆN ỦY ĐĂK GLEI", "đăk glei", "Huyện ủy Đăk Glei"),
])
def test_a_place_name_after_its_unit_is_capitalised_word_by_word(header: str, place: str, running: str) -> None:
    assert issuer_name({"issuer": header, "place": place}) == running


@pytest.mark.parametrize(("header", "running"), [
    # Acronyms stay, before a unit or in a company's name; `xã hội`, `hợp tác xã` and a bare `Đảng ủy` name no place.
    ("UBND HUYỆN ĐĂK GLONG", "UBND huyện Đăk Glong"),
    ("CHI NHÁNH VNPT TỈNH ĐIỆN BIÊN", "Chi nhánh VNPT tỉnh Điện Biên"),
    ("ĐẢNG ỦY CÔNG TY TNHH MTV XỔ SỐ KIẾN THIẾT", "Đảng ủy công ty TNHH MTV xổ số kiến thiết"),
    ("HỢP TÁC XÃ NÔNG NGHIỆP ABC", "Hợp tác xã nông nghiệp ABC"),
    ("BẢO HIỂM XÃ HỘI VIỆT NAM", "Bảo hiểm xã hội Việt Nam"),
    ("NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM", "Ngân hàng TMCP ngoại thương Việt Nam"),
    # The name stops before a word that follows one (`về`), and a unit with nothing after it stays as it was.
    ("BAN CHỈ ĐẠO TỈNH VỀ PHÒNG, CHỐNG THAM NHŨNG", "Ban chỉ đạo tỉnh về phòng, chống tham nhũng"),
    ("ỦY BAN KIỂM TRA TỈNH ỦY", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "Ban Chấp hành Đảng bộ tỉnh"),
])
def test_acronyms_and_other_words_are_not_a_place(header: str, running: str) -> None:
    assert issuer_name({"issuer": header, "place": "Điện Biên"}) == running


@pytest.mark.parametrize(("header", "running"), [
    # afd7027 printed "… khóa xii", "… lần Thứ Xv" (the congress's words read as the place's) and "Đảng ủy khối …".
    ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH GIA LAI KHÓA XII", "Ban Chấp hành Đảng bộ tỉnh Gia Lai khóa XII"),
    ("HỘI ĐỒNG NHÂN DÂN TỈNH GIA LAI KHOÁ XI", "Hội đồng nhân dân tỉnh Gia Lai khoá XI"),
    ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH GIA LAI LẦN THỨ XV", "Đại hội đại biểu Đảng bộ tỉnh Gia Lai lần thứ XV"),
    ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XIV", "Ban Chấp hành Đảng bộ tỉnh khóa XIV"),
    ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy Khối các cơ quan tỉnh"),
    ("ĐẢNG ỦY CÔNG AN TỈNH", "Đảng ủy Công an tỉnh"),
    ("ĐẢNG ỦY QUÂN SỰ TỈNH", "Đảng ủy Quân sự tỉnh"),
    ("ĐẢNG UỶ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "Đảng uỷ Khối các cơ quan Trung ương"),
])
def test_a_term_s_roman_numeral_and_a_bloc_s_committee_keep_their_capitals(header: str, running: str) -> None:
    assert issuer_name({"issuer": header, "place": "Gia Lai"}) == running
