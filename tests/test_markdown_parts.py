"""Lead-in and closing text in the regulation format: markers, ambiguity warnings, addresses."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from regdraft.core.errors import AddressError, ParseError
from regdraft.core.markdown import parse, read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Address, Kind, Regulation
from tests.strategies import regulations

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

HEAD = "---\nid: 99-QC/TU\ntype: Quy chế\ntitle: Thử\nlanguage: {lang}\nissuer: X\nsigned: 2021-01-09\n---\n\n"


def doc(body: str, lang: str = "vi") -> str:
    return HEAD.format(lang=lang) + body


CLOSED = doc(
    "# Điều 1. Kiểm tra\n\n"
    "1\\. Nội dung kiểm tra gồm:\n\n"
    "a) Việc chấp hành nghị quyết;\n\n"
    "b) Việc giữ gìn phẩm chất.\n\n"
    "<!-- đoạn cuối khoản 1 -->\n\n"
    "Kết quả kiểm tra được báo cáo Ban Thường vụ.\n\n"
    "- Gửi Văn phòng.\n\n"
    "2\\. Khoản tiếp theo.\n"
)


def test_closing_marker_makes_the_paragraphs_the_clause_closing_text() -> None:
    reg = parse(CLOSED)
    clause = reg.find("d1.k1").unit
    assert clause.text == ("Nội dung kiểm tra gồm:",)
    assert clause.closing == ("Kết quả kiểm tra được báo cáo Ban Thường vụ.", "- Gửi Văn phòng.")
    assert reg.find("d1.k1.b").unit.text == ("Việc giữ gìn phẩm chất.",)
    assert reg.find("d1.k2").unit.text == ("Khoản tiếp theo.",)
    assert render(reg) == CLOSED


def test_marker_without_a_name_closes_the_unit_holding_the_last_point() -> None:
    text = CLOSED.replace("<!-- đoạn cuối khoản 1 -->", "<!-- đoạn cuối -->")
    reg = parse(text)
    assert reg.find("d1.k1").unit.closing[0].startswith("Kết quả")
    assert render(reg) == CLOSED  # the canonical form names the unit


def test_article_closing_after_a_clause_with_points() -> None:
    text = CLOSED.replace("2\\. Khoản tiếp theo.\n", "<!-- phần cuối Điều 1 -->\n\nĐiều này áp dụng từ năm 2021.\n")
    reg = parse(text)
    assert reg.find("d1").unit.closing == ("Điều này áp dụng từ năm 2021.",)
    assert reg.find("d1.k1").unit.closing[0].startswith("Kết quả")
    assert render(reg) == text


def test_english_marker() -> None:
    text = doc(
        "# Article 1\n\n1\\. The checks cover:\n\na) one;\n\nb) two.\n\n"
        "<!-- closing text of clause 1 -->\n\nResults go to the Standing Committee.\n", "en")
    reg = parse(text)
    assert reg.find("d1.k1").unit.closing == ("Results go to the Standing Committee.",)
    assert render(reg) == text


def test_without_a_marker_the_paragraph_stays_in_the_last_point_and_check_warns() -> None:
    text = CLOSED.replace("<!-- đoạn cuối khoản 1 -->\n\n", "")
    reading = read(text, "q.md")
    reg, warnings = reading.regulation, reading.warnings
    assert reg.find("d1.k1").unit.closing == ()
    assert reg.find("d1.k1.b").unit.text[1].startswith("Kết quả")
    assert len(warnings) == 1
    warning = warnings[0]
    line = text.split("\n").index("Kết quả kiểm tra được báo cáo Ban Thường vụ.") + 1
    assert warning.warning and warning.line == line
    assert "điểm b khoản 1 Điều 1" in warning.message
    assert "'<!-- đoạn cuối khoản 1 -->'" in warning.message and "'<!-- tiếp -->'" in warning.message
    assert str(warning).startswith("q.md:") and "warning:" in str(warning)


def test_continuation_marker_silences_the_warning_and_is_kept_canonically() -> None:
    text = CLOSED.replace("<!-- đoạn cuối khoản 1 -->", "<!-- tiếp -->")
    reading = read(text)
    reg, warnings = reading.regulation, reading.warnings
    assert warnings == ()
    assert reg.find("d1.k1.b").unit.text[1].startswith("Kết quả")
    assert render(reg) == text


def test_a_paragraph_that_plainly_continues_the_point_is_not_ambiguous() -> None:
    text = CLOSED.replace("<!-- đoạn cuối khoản 1 -->\n\nKết quả", "tiếp theo của điểm b; Kết quả")
    assert read(text).warnings == ()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("# Điều 1\n\n1\\. Một.\n\n<!-- đoạn cuối khoản 1 -->\n\nCuối.\n", "khoản 1 Điều 1 has no points"),
        ("# Điều 1\n\n1\\. Một:\n\na) x.\n\n<!-- đoạn cuối khoản 2 -->\n\nCuối.\n", "khoản 2, which is not the unit"),
        ("# Điều 1\n\n1\\. Một:\n\na) x.\n\n<!-- đoạn cuối -->\n\nCuối.\n\nb) y.\n", "comes after the closing text"),
        ("# Điều 1\n\n1\\. Một:\n\na) x.\n\n<!-- đoạn cuối -->\n\n2\\. Hai.\n", "not followed by any paragraph"),
        ("# Điều 1\n\n1\\. Một:\n\na) x.\n\n<!-- đoạn cuối mục 3 -->\n\nCuối.\n", "name the unit it closes"),
    ],
)
def test_misplaced_markers_are_reported_with_their_line(body: str, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse(doc(body), "q.md")
    messages = " ".join(p.message for p in caught.value.problems)
    assert words in messages
    assert all(p.line > 8 for p in caught.value.problems)


@PROPERTY
@given(regulations())
def test_canonical_files_are_never_ambiguous(reg: Regulation) -> None:
    reading = read(render(reg))
    assert reading.warnings == () and reading.problems == ()
    assert reading.regulation == reg


@pytest.mark.parametrize(
    ("written", "code", "vi", "en"),
    [
        ("d5.k2.intro", "d5.k2.intro", "đoạn mở đầu khoản 2 Điều 5", "the lead-in of clause 2, Article 5"),
        ("đoạn mở đầu khoản 2 Điều 5", "d5.k2.intro", "đoạn mở đầu khoản 2 Điều 5",
         "the lead-in of clause 2, Article 5"),
        ("phần mở đầu Điều 7", "d7.intro", "đoạn mở đầu Điều 7", "the lead-in of Article 7"),
        ("D8/K3/END", "d8.k3.end", "đoạn cuối khoản 3 Điều 8", "the closing text of clause 3, Article 8"),
        ("đoạn cuối khoản 3 Điều 8", "d8.k3.end", "đoạn cuối khoản 3 Điều 8",
         "the closing text of clause 3, Article 8"),
        ("the closing text of Article 7", "d7.end", "phần cuối Điều 7", "the closing text of Article 7"),
        ("the lead-in of clause 2 of Article 5", "d5.k2.intro", "đoạn mở đầu khoản 2 Điều 5",
         "the lead-in of clause 2, Article 5"),
    ],
)
def test_part_addresses(written: str, code: str, vi: str, en: str) -> None:
    address = Address.parse(written)
    assert str(address) == code
    assert (address.describe("vi"), address.describe("en")) == (vi, en)
    assert Address.parse(code) == address
    assert address.unit == Address.parse(code.rsplit(".", 1)[0])
    assert address.parent() == address.unit and address.kind in (Kind.ARTICLE, Kind.CLAUSE)


def test_a_unit_contains_its_parts_but_a_part_only_itself() -> None:
    clause, intro, end = Address.parse("d5.k2"), Address.parse("d5.k2.intro"), Address.parse("d5.k2.end")
    assert clause.contains(intro) and clause.contains(end)
    assert not intro.contains(clause) and not intro.contains(end) and intro.contains(intro)
    assert not intro.contains(Address.parse("d5.k2.a"))


def test_only_articles_clauses_and_points_have_parts() -> None:
    with pytest.raises(AddressError, match="only an article, a clause or a point"):
        Address.parse("ch2.intro")


ARTICLE_CLOSING = doc(
    "# Điều 1. Quyền của Công đoàn\n\n"
    "1\\. Đại diện người lao động.\n\n"
    "2\\. Tổ chức đình công theo quy định của pháp luật.\n\n"
    "Chính phủ quy định chi tiết Điều này.\n"
)


def test_a_paragraph_after_an_articles_last_clause_that_speaks_of_the_article_is_warned_not_moved() -> None:
    reading = read(ARTICLE_CLOSING, "q.md")
    clause = reading.regulation.find("d1.k2").unit
    assert clause.text[-1] == "Chính phủ quy định chi tiết Điều này."
    assert reading.regulation.find("d1").unit.closing == ()
    [warning] = reading.warnings
    assert warning.line == ARTICLE_CLOSING.split("\n").index("Chính phủ quy định chi tiết Điều này.") + 1
    assert "closing text of Điều 1" in warning.message and "'<!-- phần cuối Điều 1 -->'" in warning.message
    # The canonical file says what was read, so it is no longer ambiguous.
    written = render(reading.regulation)
    assert "<!-- tiếp -->\n\nChính phủ quy định chi tiết Điều này." in written and read(written).warnings == ()
    marked = ARTICLE_CLOSING.replace("Chính phủ quy định", "<!-- phần cuối Điều 1 -->\n\nChính phủ quy định")
    assert parse(marked).find("d1").unit.closing == ("Chính phủ quy định chi tiết Điều này.",)


@pytest.mark.parametrize("paragraph", [
    "Chính phủ quy định chi tiết khoản này.",  # speaks of the clause
    "Người lao động được bảo vệ.",  # says nothing of the article
    "chính phủ quy định chi tiết Điều này.",  # no new sentence
])
def test_other_paragraphs_after_an_articles_last_clause_are_not_warned(paragraph: str) -> None:
    assert read(ARTICLE_CLOSING.replace("Chính phủ quy định chi tiết Điều này.", paragraph)).warnings == ()
