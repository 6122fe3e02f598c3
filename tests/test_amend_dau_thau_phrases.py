"""Phrases on Luật Đấu thầu 22/2023 as a legal editor would sign them (sweep r23/s1dauthau, defects 1-3).

1. `trên 20%` → `trên 30%` in điểm c and điểm d khoản 4 Điều 6 was `“phần vốn góp trên 20% của”` throughout: no phrase
   could end on `20%` (a word ending on `%` was no word edge), so it ran on to the function word `của`.
2. `05 ngày làm việc` → `03 ngày làm việc` in điểm d khoản 1 Điều 91 and Điều 92 was `“tổ chức trong thời hạn 05
   ngày”` throughout: the number was cut from its unit (`ngày|làm việc`), and the phrase widened to claim the whole law.
3. ` (nếu có)` deleted from four points re-enacted each of them: `(nếu có)` lost its brackets as a phrase, and `nếu có`
   alone is function words.
"""

from __future__ import annotations

import re

from regdraft.core.amend.readable import bracketed, only_function_words, quotable, word_edges
from regdraft.core.amend.wording import cite_list
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address
from regdraft.importer import import_file

from .conftest import SHARED, in_corpus, needs_corpus
from .test_amend_edits import body

DAU_THAU = SHARED / "corpus" / "amendments" / "luat-dau-thau-2023" / "base-22-2023-QH15.txt"


def _heading(lines: list[str], article: int) -> int:
    return next(i for i, line in enumerate(lines) if re.match(rf"#+ Điều {article}\. ", line))


def _law() -> str:
    return render(import_file(in_corpus(DAU_THAU)).regulation)


@needs_corpus
def test_a_percentage_is_quoted_with_its_comparator_not_run_on_to_a_function_word() -> None:
    old = _law()
    assert old.count("trên 20% của nhau") == 1 and old.count("trên 20% của một") == 1  # điểm c, d khoản 4 Điều 6
    new = old.replace("trên 20% của nhau", "trên 30% của nhau").replace("trên 20% của một", "trên 30% của một")
    # Was: Thay thế cụm từ “phần vốn góp trên 20% của” bằng cụm từ “phần vốn góp trên 30% của” trong toàn bộ Luật.
    assert body(old, new).strip() == "1\\. Thay thế cụm từ “trên 20%” bằng cụm từ “trên 30%” trong toàn bộ Luật."


@needs_corpus
def test_a_number_keeps_its_whole_unit_and_is_not_widened_to_claim_the_whole_law() -> None:
    old = new = _law()
    for who in ("nhà thầu", "nhà đầu tư"):  # điểm d khoản 1 Điều 91 and Điều 92
        line = (f"d) Người có thẩm quyền phải có văn bản giải quyết kiến nghị gửi đến {who}, cơ quan, tổ chức trong "
                "thời hạn 05 ngày làm việc")
        assert new.count(line) == 1
        new = new.replace(line, line.replace("05 ngày", "03 ngày"))
    assert old.count("05 ngày làm việc") > 2  # so not "trong toàn bộ Luật"
    # Was: Thay thế cụm từ “tổ chức trong thời hạn 05 ngày” bằng cụm từ “tổ chức trong thời hạn 03 ngày” trong toàn
    # bộ Luật (and before that “thời hạn 05” → “thời hạn 03”).
    assert body(old, new).strip() == ("1\\. Thay thế cụm từ “05 ngày làm việc” bằng cụm từ “03 ngày làm việc” tại "
                                      "điểm d khoản 1 Điều 91 và điểm d khoản 1 Điều 92.")


@needs_corpus
def test_a_bracketed_note_is_deleted_as_it_stands() -> None:
    old = _law()
    lines = old.split("\n")
    for article, clause, start in ((25, 2, "b) "), (38, 1, "b) "), (43, 1, "đ) "), (43, 3, "d) ")):
        first, last = _heading(lines, article), _heading(lines, article + 1)
        clauses = [i for i in range(first, last) if lines[i].startswith(f"{clause}\\. ")]
        at = next(i for i in range(clauses[0], last) if lines[i].startswith(start))
        assert lines[at].count(" (nếu có)") == 1, (article, clause, start)
        lines[at] = lines[at].replace(" (nếu có)", "")
    # Was: 1. Sửa đổi, bổ sung điểm b khoản 2 Điều 25 như sau: … (each point re-enacted whole).
    assert body(old, "\n".join(lines)).strip() == (
        "1\\. Bỏ cụm từ “(nếu có)” tại điểm b khoản 2 Điều 25, điểm b khoản 1 Điều 38 và điểm đ khoản 1 và điểm d "
        "khoản 3 Điều 43.")


def test_word_edges_take_a_percentage_and_brackets_whole() -> None:
    paragraph = "phần vốn góp trên 20% của nhau (nếu có);"
    starts, ends = word_edges(paragraph)
    assert paragraph.index("20%") + len("20%") in ends
    assert paragraph.index("(nếu") in starts and paragraph.index(");") + 1 in ends
    assert bracketed("(nếu có)") and not only_function_words("(nếu có)") and only_function_words("nếu có")
    assert not bracketed("(a) và (b)") and quotable("30%") and quotable("(nếu cần)") and not quotable("(nếu cần")


def test_points_of_one_article_in_different_clauses_are_cited_once_with_it() -> None:
    from regdraft.core.amend.grammar import read_instruction

    addresses = [Address.parse(code) for code in ("d25.k2.b", "d38.k1.b", "d43.k1.đ", "d43.k3.d")]
    cited = cite_list(addresses, "vi")
    assert cited == "điểm b khoản 2 Điều 25, điểm b khoản 1 Điều 38 và điểm đ khoản 1 và điểm d khoản 3 Điều 43"
    read = read_instruction(f"Bãi bỏ {cited}.", "vi", None)
    assert list(read.targets) == addresses  # type: ignore[union-attr]
