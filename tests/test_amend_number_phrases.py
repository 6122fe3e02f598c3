"""A changed number is quoted with its unit, not with the formula the law happens to put around it (brief f23, fix 1).

On Luật Du lịch, `10 ngày` → `07 ngày` in two points reading `Trong thời hạn 10 ngày kể từ ngày nhận được …` was
written `Thay thế cụm từ “10 ngày kể từ ngày” bằng cụm từ “07 ngày kể từ ngày”` (and `“thời hạn 10 ngày kể từ
ngày”` where one point writes `trong` in lower case): every `10 ngày` of the law stands after `thời hạn` and before
`kể từ ngày`, so `readable.Cohesion` took `hạn|10` and `ngày|kể` for ends inside a term. A number is a value, not a
word of a term: the words around it count only as they stand around any number, and a number goes with the word
that labels it (`khoản|2`), not with the words before it.
"""

from __future__ import annotations

from regdraft.core.amend.readable import Cohesion, cost
from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file

from .conftest import CORPUS, in_corpus, needs_corpus
from .test_amend_edits import body

DU_LICH = CORPUS / "luat-du-lich.txt"


def _law() -> str:
    return render(import_file(in_corpus(DU_LICH)).regulation)


def _edited(text: str, starts: tuple[str, ...], old: str, new: str) -> str:
    lines = text.split("\n")
    for start in starts:
        at = next(i for i, line in enumerate(lines) if line.startswith(start))
        assert lines[at].count(old) == 1
        lines[at] = lines[at].replace(old, new)
    return "\n".join(lines)


@needs_corpus
def test_a_period_changed_is_quoted_as_the_number_and_its_unit() -> None:
    old = _law()
    # Điểm b khoản 2 Điều 32 and Điều 33: `b) Trong thời hạn 10 ngày kể từ ngày nhận được hồ sơ hợp lệ, …`.
    written = body(old, _edited(old, ("b) Trong thời hạn 10 ngày kể từ ngày nhận được hồ sơ hợp lệ, cơ quan chuyên",
                                      "b) Trong thời hạn 10 ngày kể từ ngày nhận được hồ sơ hợp lệ, Tổng cục"),
                                "10 ngày", "07 ngày"))
    # Was: Thay thế cụm từ “10 ngày kể từ ngày” bằng cụm từ “07 ngày kể từ ngày” …
    assert written.strip() == ("1\\. Thay thế cụm từ “10 ngày” bằng cụm từ “07 ngày” tại điểm b khoản 2 Điều 32 và "
                               "điểm b khoản 2 Điều 33."), written
    # Điểm c khoản 2 Điều 24 (`c) Trong thời hạn 10 ngày …`) and điểm c khoản 2 Điều 61 (`… nghiệp vụ trong thời hạn
    # 10 ngày kể từ ngày có kết quả kiểm tra.`).
    written = body(old, _edited(old, ("c) Trong thời hạn 10 ngày kể từ ngày nhận được kết quả thẩm định",
                                      "c) Cơ quan chuyên môn về du lịch cấp tỉnh tổ chức kiểm tra"),
                                "10 ngày", "07 ngày"))
    # Was: Thay thế cụm từ “thời hạn 10 ngày kể từ ngày” bằng cụm từ “thời hạn 07 ngày kể từ ngày” …
    assert written.strip() == ("1\\. Thay thế cụm từ “10 ngày” bằng cụm từ “07 ngày” tại điểm c khoản 2 Điều 24 và "
                               "điểm c khoản 2 Điều 61."), written


@needs_corpus
def test_a_number_stays_with_its_label_and_its_unit() -> None:
    old = _law()
    written = body(old, _edited(old, ("d) Bản sao có chứng thực văn bằng, chứng chỉ của người phụ trách kinh doanh",
                                      "b) Bảo đảm duy trì điều kiện kinh doanh dịch vụ lữ hành theo quy định tại"),
                                "khoản 2 Điều 31", "khoản 3 Điều 31"))
    assert written.strip() == ("1\\. Thay thế cụm từ “khoản 2 Điều 31” bằng cụm từ “khoản 3 Điều 31” tại điểm d "
                               "khoản 1 Điều 33 và điểm b khoản 2 Điều 37."), written
    law = parse(old, "luat-du-lich.md")
    cohesion = Cohesion([p for loc in law.walk() for p in (loc.unit.title or "", *loc.unit.text)], "vi")
    paragraph = ("b) Trong thời hạn 10 ngày kể từ ngày nhận được hồ sơ hợp lệ, Tổng cục Du lịch thẩm định, cấp Giấy "
                 "phép kinh doanh dịch vụ lữ hành quốc tế cho doanh nghiệp")

    def costs(phrase: str) -> int:
        start = paragraph.index(phrase)
        return cost(paragraph, start, start + len(phrase), cohesion)

    assert costs("10 ngày") == 0
    assert costs("10") > costs("10 ngày")  # `10|ngày`: a number goes on with its unit
