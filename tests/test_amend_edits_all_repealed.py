"""`amend from-edits` when an edit repeals every clause of an article (every point of a clause), sweep r32.

Quoting the unit whole would quote nothing of them: only its title or lead-in (`“2. … các tiêu chuẩn sau:”`), or,
for an untitled article without a lead-in (Điều 41 of Luật Thi đua, khen thưởng), nothing at all, which applying
refused as malformed. Amending documents repeal them (`Bãi bỏ khoản 1 và khoản 2 Điều 41.`, as Luật 57/2024 writes
`Bãi bỏ điểm d và điểm đ khoản 2, …`), and the text keeps their placeholders, exactly as edited.
"""

from __future__ import annotations

import re

import pytest

from regdraft.core.markdown import parse
from regdraft.core.markdown_writer import render

from .conftest import CORPUS, SHIPPED_ENGLISH, needs_corpus
from .test_amend_edits import MINI, body, reproduces

GONE = "(được bãi bỏ)"
POINTS = ("a) Tập thể thảo luận dân chủ;", "b) Cá nhân phụ trách chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy;",
          "c) Thiểu số phục tùng đa số.")
DIEU_3 = ("1\\. Ban Chấp hành họp thường lệ 3 tháng một lần:\n\n- Hội nghị thường lệ;\n- Hội nghị bất thường.",
          "2\\. Thường trực Tỉnh ủy chuẩn bị nội dung hội nghị theo Điều 2.")
LEAD_IN = MINI.replace("## Điều 3. Hội nghị Ban Chấp hành\n\n",
                       "## Điều 3. Hội nghị Ban Chấp hành\n\nHội nghị Ban Chấp hành gồm:\n\n")


def repealed(text: str, *units: str, mark: str = GONE) -> str:
    """`text` with each of `units` (a clause or point with everything under it) left as its placeholder."""
    for unit in units:
        assert text.count(unit) == 1, unit
        label = re.match(r"\S+", unit)
        assert label is not None
        text = text.replace(unit, f"{label.group(0)} {mark}")
    return text


def exactly(old_text: str, new_text: str, expected: str) -> None:
    """The instructions read as `expected` and, applied, give the edited text with its placeholders."""
    assert body(old_text, new_text) == expected
    reproduces(parse(old_text, "old.md"), parse(new_text, "edited.md"))


@needs_corpus
def test_both_clauses_of_an_untitled_article_repealed_are_repealed_not_the_article_quoted_empty() -> None:
    from regdraft.importer import import_file

    old = render(import_file(CORPUS / "luat-thi-dua-khen-thuong.txt").regulation)
    start = old.index("### Điều 41\n\n") + len("### Điều 41\n\n")
    end = old.index("\n\n### Điều 42")
    new = old[:start] + "1\\. (được bãi bỏ)\n\n2\\. (được bãi bỏ)" + old[end:]
    exactly(old, new, "1\\. Bãi bỏ khoản 1 và khoản 2 Điều 41.")


def test_every_point_of_a_clause_repealed_is_repealed_not_the_lead_in_quoted_alone() -> None:
    exactly(MINI, repealed(MINI, *POINTS), "1\\. Bãi bỏ các điểm a, b và c khoản 2 Điều 2.")
    # Deleted outright, they are repealed the same way and keep their placeholders.
    deleted = MINI.replace("".join(f"\n\n{p}" for p in POINTS), "")
    exactly(MINI, deleted, "1\\. Bãi bỏ các điểm a, b và c khoản 2 Điều 2.")


def test_every_clause_of_a_titled_article_repealed_is_repealed_not_the_title_quoted_alone() -> None:
    exactly(MINI, repealed(MINI, *DIEU_3), "1\\. Bãi bỏ khoản 1 và khoản 2 Điều 3.")
    renamed = repealed(MINI, *DIEU_3).replace("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3. Hội nghị")
    exactly(MINI, renamed, "1\\. Sửa đổi tên Điều 3 như sau:\n\n“Điều 3. Hội nghị”.\n\n"
                           "2\\. Bãi bỏ khoản 1 và khoản 2 Điều 3.")


def test_every_clause_but_the_lead_in_repealed_is_repealed() -> None:
    exactly(LEAD_IN, repealed(LEAD_IN, *DIEU_3), "1\\. Bãi bỏ khoản 1 và khoản 2 Điều 3.")
    # The lead-in rewritten with them: the article re-enacted without its clauses, as Luật 57/2024 re-enacts
    # khoản 1 Điều 29 of Luật Đấu thầu without its points.
    rewritten = repealed(LEAD_IN, *DIEU_3).replace("gồm:", "họp theo quy định của Điều lệ Đảng.")
    exactly(LEAD_IN, rewritten, "1\\. Sửa đổi, bổ sung Điều 3 như sau:\n\n“Điều 3. Hội nghị Ban Chấp hành\n\n"
                                "Hội nghị Ban Chấp hành họp theo quy định của Điều lệ Đảng.”.")
    # The lead-in deleted with them, in an untitled article: nothing is left to quote, so it is repealed too.
    untitled = LEAD_IN.replace("## Điều 3. Hội nghị Ban Chấp hành", "## Điều 3")
    emptied = repealed(untitled, *DIEU_3).replace("Hội nghị Ban Chấp hành gồm:\n\n", "")
    exactly(untitled, emptied, "1\\. Bãi bỏ đoạn mở đầu, khoản 1 và khoản 2 Điều 3.")


def test_a_clause_left_with_its_lead_in_alone_is_not_quoted_inside_its_article() -> None:
    new = repealed(MINI, *POINTS).replace("sự lãnh đạo tập trung", "sự lãnh đạo toàn diện, tập trung")
    exactly(MINI, new, "1\\. Sửa đổi, bổ sung, bãi bỏ một số điểm, khoản của Điều 2 như sau:\n\n"
                       "a) Sửa đổi, bổ sung khoản 1 như sau:\n\n“1\\. Bảo đảm sự lãnh đạo toàn diện, tập trung, thống "
                       "nhất của Ban Chấp hành Đảng bộ tỉnh.”;\n\nb) Bãi bỏ các điểm a, b và c khoản 2.")


@pytest.mark.parametrize(("heading", "expected"), [
    ("## Article 2. Subjects of application", "1\\. Clauses 1 and 2 of Article 2 are repealed."),
    ("## Article 2. Subjects", "1\\. The title of Article 2 is amended to read:\n\n“Article 2. Subjects”.\n\n"
                               "2\\. Clauses 1 and 2 of Article 2 are repealed."),
], ids=["clauses", "clauses-and-title"])
def test_every_clause_of_an_english_article_repealed_is_repealed(heading: str, expected: str) -> None:
    english = SHIPPED_ENGLISH.read_text(encoding="utf-8")
    start = english.index("## Article 2. Subjects of application\n\n")
    end = english.index("\n\n## Article 3.")
    clauses = english[start:end].split("\n\n")[1:]
    assert [c[:3] for c in clauses] == ["1\\.", "2\\."]
    new = repealed(english, *clauses, mark="(repealed)").replace("## Article 2. Subjects of application", heading)
    exactly(english, new, expected)
