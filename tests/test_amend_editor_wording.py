"""`amend from-edits` on the real laws, worded as a legal editor would sign it (sweep r23/s13wording, defects 1-6).

1. A ministry's name holding `và` replaced by another's was two chained instructions: `“Xã hội” → “Đào tạo”`, then
   `“Bộ trưởng Bộ Lao động - Thương binh và Đào tạo” → …`, a name the law does not hold (the diff anchored on `và`).
2. A point's changed letter lost its `điểm` (`“m khoản 1 Điều 23”`), or at one place was padded to claim a phrase
   found once in the law (`“trường hợp quy định tại điểm m khoản 1 Điều 23”`).
3. `đấu thầu qua mạng` was quoted `“thầu qua mạng”`: `đấu` stands before `thầu` wherever it stands, though `thầu`
   follows many syllables.
4. `Bộ Văn hóa, Thể thao và Du lịch` was cut at its inner comma: `“Thể thao và Du lịch”`.
5. Clauses and points of one article were cited with the article repeated (`điểm b khoản 1 Điều 50, khoản 5 Điều 50`).
6. A phrase took in the comparator of the number after it: `“thành tích xuất sắc liên tục từ”` (`từ 10 năm trở lên`).
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.amend.provisions import provisions
from regdraft.core.amend.readable import Cohesion, cost
from regdraft.core.amend.wording import cite_list
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Kind, Segment
from regdraft.importer import import_file

from .conftest import CORPUS, SHARED, in_corpus, needs_corpus
from .test_amend_edits import body, reproduces

DAU_THAU = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023" / "base-22-2023-QH15.txt"


def _law(path: Path) -> str:
    return render(import_file(in_corpus(path)).regulation)


def _edited(text: str, starts: tuple[str, ...], old: str, new: str) -> str:
    """`text` with `old` replaced by `new` in the one line starting with each of `starts`."""
    lines = text.split("\n")
    for start in starts:
        [at] = [i for i, line in enumerate(lines) if line.startswith(start)]
        assert old in lines[at], start
        lines[at] = lines[at].replace(old, new)
    return "\n".join(lines)


def _first(text: str, old: str, new: str, times: int) -> str:
    """`text` with the first `times` occurrences of `old` replaced by `new`."""
    parts = text.split(old)
    assert len(parts) > times
    return new.join(parts[:times + 1]) + old + old.join(parts[times + 1:])


@needs_corpus
def test_a_ministry_name_holding_va_is_replaced_whole_in_one_instruction() -> None:
    old = _law(CORPUS / "luat-giao-duc.txt")
    name, other = "Bộ Lao động - Thương binh và Xã hội", "Bộ Giáo dục và Đào tạo"
    new = _first(old, name, other, 3)
    # Was: 1. “Xã hội” → “Đào tạo” tại …; 2. “Bộ trưởng Bộ Lao động - Thương binh và Đào tạo” → “Bộ trưởng Bộ Giáo
    # dục và Đào tạo” trong toàn bộ Luật (a name found only once instruction 1 is applied). At these three places the
    # name stands after `Bộ trưởng`, kept with it as `Bí thư Tỉnh ủy` is (`Bộ trưởng Bộ` recurs as it stands).
    assert body(old, new).strip() == (f"1\\. Thay thế cụm từ “Bộ trưởng {name}” bằng cụm từ “Bộ trưởng {other}” tại "
                                      "khoản 4 Điều 6, khoản 5 Điều 8 và khoản 5 Điều 43.")
    # Everywhere: was “Xã hội” → “Đào tạo” at 12 provisions, then “Bộ Lao động - Thương binh” → “Bộ Giáo dục”.
    assert body(old, old.replace(name, other)).strip() == (
        f"1\\. Thay thế cụm từ “{name}” bằng cụm từ “{other}” trong toàn bộ Luật.")


@needs_corpus
def test_a_point_letter_changed_keeps_its_label() -> None:
    old = _law(DAU_THAU)
    cited, changed = "điểm m khoản 1 Điều 23", "điểm n khoản 1 Điều 23"
    assert old.count(cited) == 2
    # Was: Thay thế cụm từ “m khoản 1 Điều 23” bằng cụm từ “n khoản 1 Điều 23” trong toàn bộ Luật.
    assert body(old, old.replace(cited, changed)).strip() == (
        f"1\\. Thay thế cụm từ “{cited}” bằng cụm từ “{changed}” trong toàn bộ Luật.")
    # At one of its places (khoản 2 Điều 43), was “trường hợp quy định tại điểm m khoản 1 Điều 23”, found once.
    new = _edited(old, ("Đối với trường hợp quy định tại điểm m khoản 1 Điều 23",), cited, changed)
    assert body(old, new).strip() == f"1\\. Thay thế cụm từ “{cited}” bằng cụm từ “{changed}” tại khoản 2 Điều 43."


@needs_corpus
def test_a_word_is_not_cut_where_its_first_syllable_always_goes_on_with_the_next() -> None:
    old = _law(DAU_THAU)
    new = _edited(old, ("b) Từ ngày 01 tháng 01 năm 2025, áp dụng đấu thầu qua mạng",
                        "5\\. Chính phủ quy định việc kết nối, chia sẻ thông tin",
                        "6\\. Các thông tin về nhà thầu, nhà đầu tư được kết nối"),
                  "đấu thầu qua mạng", "đấu thầu điện tử")
    # Was: Thay thế cụm từ “thầu qua mạng” bằng cụm từ “thầu điện tử” tại điểm b khoản 1 Điều 50, khoản 5 Điều 50 và
    # khoản 6 Điều 51.
    assert body(old, new).strip() == ("1\\. Thay thế cụm từ “đấu thầu qua mạng” bằng cụm từ “đấu thầu điện tử” tại "
                                      "điểm b khoản 1 và khoản 5 Điều 50 và khoản 6 Điều 51.")
    reproduces(parse(old), parse(new))  # written, read back and applied: the edited text


@needs_corpus
def test_a_ministry_name_is_not_cut_at_its_inner_comma() -> None:
    old = _law(CORPUS / "luat-du-lich.txt")
    name, other = "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Văn hóa, Thể thao, Du lịch và Gia đình"
    new = _edited(old, ("a) Đơn đề nghị công nhận khu du lịch quốc gia theo mẫu do Bộ trưởng",
                        "b) Trong thời hạn 45 ngày kể từ ngày nhận được hồ sơ hợp lệ, Tổng cục Du lịch thẩm định",
                        "c) Trong thời hạn 15 ngày kể từ ngày nhận được kết quả thẩm định, Bộ trưởng"),
                  name, other)
    # Was: Thay thế cụm từ “Thể thao và Du lịch” bằng cụm từ “Thể thao, Du lịch và Gia đình” tại điểm a khoản 1 và
    # điểm b khoản 2 Điều 28 và điểm c khoản 2 Điều 28.
    assert body(old, new).strip() == (f"1\\. Thay thế cụm từ “Bộ trưởng {name}” bằng cụm từ “Bộ trưởng {other}” tại "
                                      "điểm a khoản 1, điểm b và điểm c khoản 2 Điều 28.")
    reproduces(parse(old), parse(new))


@needs_corpus
def test_a_phrase_leaves_the_comparator_to_the_number_after_it() -> None:
    old = _law(CORPUS / "luat-thi-dua-khen-thuong.txt")
    new = old.replace("thành tích xuất sắc liên tục", "thành tích xuất sắc, liên tục")
    # Was: Thay thế cụm từ “thành tích xuất sắc liên tục từ” bằng cụm từ “thành tích xuất sắc, liên tục từ” …
    assert body(old, new).strip() == ("1\\. Thay thế cụm từ “thành tích xuất sắc liên tục” bằng cụm từ “thành tích "
                                      "xuất sắc, liên tục” trong toàn bộ Luật.")
    paragraph = "có thành tích xuất sắc liên tục từ 5 năm trở lên trước thời điểm đề nghị"
    cohesion = Cohesion([paragraph] * 3, "vi")
    start = paragraph.index("thành")
    assert cost(paragraph, start, paragraph.index(" từ 5"), cohesion) < cost(paragraph, start,
                                                                               paragraph.index(" 5 năm"), cohesion)


def _at(article: str, clause: str | None = None, point: str | None = None) -> Address:
    labels = ((Kind.ARTICLE, article), (Kind.CLAUSE, clause), (Kind.POINT, point))
    return Address(tuple(Segment(kind, label) for kind, label in labels if label is not None))


def test_clauses_and_points_of_one_article_are_cited_once_with_it_and_read_back() -> None:
    for addresses, written in (
        ([_at("28", "1", "a"), _at("28", "2", "b"), _at("28", "2", "c")],
         "điểm a khoản 1, điểm b và điểm c khoản 2 Điều 28"),
        ([_at("28", "1", "a"), _at("28", "2", "b"), _at("28", "2", "c"), _at("28", "3")],
         "điểm a khoản 1, điểm b và điểm c khoản 2 và khoản 3 Điều 28"),
        ([_at("50", "1", "b"), _at("50", "5"), _at("51", "6")], "điểm b khoản 1 và khoản 5 Điều 50 và khoản 6 Điều 51"),
        ([_at("6", "1"), _at("6", "2", "a")], "khoản 1 và điểm a khoản 2 Điều 6"),  # was `khoản 1 Điều 6, điểm a …`
        ([_at("43", "1", "đ"), _at("43", "3", "d")], "điểm đ khoản 1 và điểm d khoản 3 Điều 43"),
        ([_at("74", "4"), _at("105", "3"), _at("105", "4")], "khoản 4 Điều 74 và khoản 3 và khoản 4 Điều 105"),
    ):
        assert cite_list(addresses, "vi") == written
        assert [cited.address for cited in provisions(written, None, "vi")] == addresses
