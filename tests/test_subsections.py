"""Sub-sections (tiểu mục): Luật Giáo dục 2019 divides Chương II Mục 1 into four, each over its articles.

They were read as text of the clause above them (`show d27.k3` printed "Tiểu mục 2. GIÁO DỤC PHỔ THÔNG"), so
`amend from-edits` quoted the heading in an amended clause and an article inserted after Điều 27 landed under
the next sub-section's heading.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.core.address import parse_address
from regdraft.core.amend import apply, load_amendment, render_amendment
from regdraft.core.amend.edits import document, instructions_from_edits
from regdraft.core.markdown import parse, read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind, Regulation
from regdraft.importer import import_file
from regdraft.workspace.regenerate import split_instructions
from tests.conftest import CORPUS, Invoke, in_corpus, needs_corpus
from tests.print_marks import POPPLER, pages_text

GIAO_DUC = CORPUS / "luat-giao-duc.txt"
TITLES = {"1": "GIÁO DỤC MẦM NON", "2": "GIÁO DỤC PHỔ THÔNG", "3": "GIÁO DỤC NGHỀ NGHIỆP", "4": "GIÁO DỤC ĐẠI HỌC"}


@pytest.fixture(scope="module")
def law() -> Regulation:
    result = import_file(in_corpus(GIAO_DUC))
    text = render(result.regulation)
    reading = read(text, "luat-giao-duc.md")
    assert not reading.problems  # `regdraft check` passes
    assert [w for w in reading.warnings if "Tiểu mục" in w.message] == []
    return reading.regulation


def _edited(reg: Regulation, old: str, new: str) -> Regulation:
    text = render(reg)
    assert text.count(old) == 1
    return parse(text.replace(old, new), "edited.md")


@needs_corpus
def test_the_four_sub_sections_are_headings_over_their_articles(law: Regulation) -> None:
    section = law.find("ch2.m1")
    assert [(u.kind, u.label, u.title) for u in section.unit.children] == [
        (Kind.SUBSECTION, label, title) for label, title in TITLES.items()]
    articles = {label: [a.label for a in law.find(f"ch2.m1.tm{label}").unit.children] for label in TITLES}
    assert articles == {"1": ["23", "24", "25", "26", "27"], "2": ["28", "29", "30", "31", "32", "33", "34"],
                        "3": ["35", "36", "37"], "4": ["38", "39", "40"]}
    assert law.find("d27.k3").unit.text == ("Chính phủ quy định chi tiết Điều này.",)
    assert [a.unit.label for a in law.articles()][:3] == ["1", "2", "3"] and len(list(law.articles())) == 115
    # The other sections hold their articles directly, as before.
    assert all(c.kind is Kind.ARTICLE for c in law.find("ch2.m2").unit.children)


@needs_corpus
def test_a_sub_section_is_written_and_read_back_at_its_level(law: Regulation) -> None:
    text = render(law)
    assert "\n## Mục 1. CÁC CẤP HỌC VÀ TRÌNH ĐỘ ĐÀO TẠO\n\n### Tiểu mục 1. GIÁO DỤC MẦM NON\n\n#### Điều 23." in text
    assert "\n### Tiểu mục 2. GIÁO DỤC PHỔ THÔNG\n\n#### Điều 28." in text
    assert render(parse(text)) == text
    assert parse_address("Tiểu mục 2 Mục 1 Chương II") == parse_address("ch2.m1.tm2")
    assert law.find("tieu muc 2 muc 1 chuong 2").unit.title == "GIÁO DỤC PHỔ THÔNG"
    assert parse_address("ch2.m1.tm2").describe("en") == "Sub-section 2, Section 1, Chapter II"


def test_an_article_after_the_sub_sections_written_at_the_section_level_belongs_to_the_section() -> None:
    text = ("---\nid: X\ntype: Luật\ntitle: X\nlanguage: vi\nissuer: Q\nsigned: 2020-01-01\n---\n\n"
            "# Chương I. A\n\n## Mục 1. B\n\n### Tiểu mục 1. C\n\n#### Điều 1. D\n\nNội dung.\n\n"
            "### Điều 2. E\n\nNội dung.\n\n## Điều 3. G\n\nNội dung.\n")
    reg = parse(text)
    assert [str(loc.address) for loc in reg.walk() if loc.unit.kind is not Kind.ARTICLE] == [
        "ch1", "ch1.m1", "ch1.m1.tm1"]
    assert [a.ancestors[-1].kind for a in reg.articles()] == [Kind.SUBSECTION, Kind.SECTION, Kind.CHAPTER]
    assert render(reg) == text


def test_a_sub_section_outside_any_section_is_a_problem() -> None:
    text = ("---\nid: X\ntype: Luật\ntitle: X\nlanguage: vi\nissuer: Q\nsigned: 2020-01-01\n---\n\n"
            "# Chương I. A\n\n## Tiểu mục 1. C\n\n### Điều 1. D\n\nNội dung.\n")
    problems = read(text, "x.md").problems
    assert any("Tiểu mục 1 stands outside any Mục" in p.message for p in problems)


@needs_corpus
def test_an_amended_clause_does_not_quote_the_next_heading_and_an_inserted_article_stays_in_its_sub_section(
        law: Regulation) -> None:
    edited = _edited(law, "3\\. Chính phủ quy định chi tiết Điều này.\n\n### Tiểu mục 2.",
                     "3\\. Chính phủ quy định chi tiết Điều này và hướng dẫn thi hành.\n\n"
                     "#### Điều 27a. Giáo dục mầm non ở vùng khó khăn\n\n"
                     "1\\. Nhà nước ưu tiên đầu tư cho giáo dục mầm non ở vùng khó khăn.\n\n### Tiểu mục 2.")
    written = render_amendment(document(law, instructions_from_edits(law, edited).instructions))
    assert split_instructions(written)[1] == (
        "1\\. Sửa đổi, bổ sung khoản 3 Điều 27 như sau:\n\n"
        "“3\\. Chính phủ quy định chi tiết Điều này và hướng dẫn thi hành.”.\n\n"
        "2\\. Bổ sung Điều 27a vào sau Điều 27 như sau:\n\n"
        "“Điều 27a. Giáo dục mầm non ở vùng khó khăn\n\n"
        "1\\. Nhà nước ưu tiên đầu tư cho giáo dục mầm non ở vùng khó khăn.”.")
    amended = apply(law, load_amendment(written, "generated.md", "generated")).regulation
    inserted = amended.find("d27a")
    assert [u.kind for u in inserted.ancestors] == [Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION]
    assert inserted.ancestors[-1].label == "1"
    assert render(amended) == render(edited)


@needs_corpus
def test_a_sub_section_title_is_renamed_by_an_instruction(law: Regulation) -> None:
    edited = _edited(law, "### Tiểu mục 2. GIÁO DỤC PHỔ THÔNG\n", "### Tiểu mục 2. GIÁO DỤC PHỔ THÔNG CÔNG LẬP\n")
    written = render_amendment(document(law, instructions_from_edits(law, edited).instructions))
    assert split_instructions(written)[1] == (
        "1\\. Sửa đổi tên Tiểu mục 2 Mục 1 Chương II như sau:\n\n“GIÁO DỤC PHỔ THÔNG CÔNG LẬP”.")
    amended = apply(law, load_amendment(written, "generated.md", "generated")).regulation
    assert amended.find("ch2.m1.tm2").unit.title == "GIÁO DỤC PHỔ THÔNG CÔNG LẬP"


@needs_corpus
def test_a_heading_left_as_text_by_an_earlier_import_is_warned_about(law: Regulation) -> None:
    old = re.sub(r"^### (Tiểu mục \d\. )", r"\1", render(law), flags=re.M)
    warnings = [w for w in read(old, "old.md").warnings if "Tiểu mục 2" in w.message]
    assert len(warnings) == 1
    assert "read as text of khoản 3 Điều 27" in warnings[0].message
    assert "'### Tiểu mục 2. …'" in warnings[0].message


@needs_corpus
def test_the_redline_and_the_consolidated_text_print_the_headings(law: Regulation, tmp_path: Path,
                                                                   invoke: Invoke) -> None:
    ws = tmp_path / "ws"
    assert invoke(None, "init", str(ws)).exit_code == 0
    assert invoke(ws, "import", str(GIAO_DUC)).exit_code == 0
    regulation = ws / "regulations" / "43-2019-QH14.md"
    edited = tmp_path / "edited.md"
    edited.write_text(regulation.read_text(encoding="utf-8").replace(
        "3\\. Chính phủ quy định chi tiết Điều này.\n\n### Tiểu mục 2.",
        "3\\. Chính phủ quy định chi tiết Điều này và hướng dẫn thi hành.\n\n### Tiểu mục 2."), encoding="utf-8")
    made = invoke(ws, "amend", "from-edits", "gd-sua-doi", "-r", "43/2019/QH14", "--edited", str(edited))
    assert made.exit_code == 0, made.output
    outputs = {"redline": tmp_path / "redline.html", "export": tmp_path / "hop-nhat.html"}
    for command, path in outputs.items():
        result = invoke(ws, command, "43/2019/QH14", "-o", str(path))
        assert result.exit_code == 0, result.output
        html = path.read_text(encoding="utf-8")
        for label, title in TITLES.items():
            assert re.search(rf'<(?:h4|span) class="subsection[^"]*"[^>]*>Tiểu mục {label}\b', html), (command, label)
            assert title in html
    if POPPLER:
        pdf = tmp_path / "redline.pdf"
        assert invoke(ws, "redline", "43/2019/QH14", "-o", str(pdf)).exit_code == 0
        printed = "\n".join(pages_text(pdf))
        assert re.search(r"Tiểu mục 2\s+GIÁO DỤC PHỔ THÔNG", printed)


@needs_corpus
@pytest.mark.parametrize(("heading", "inserted", "written"), [
    ("### Tiểu mục 2. GIÁO DỤC PHỔ THÔNG\n\n", "#### Điều 27a. Giáo dục hòa nhập",
     "Bổ sung Điều 27a vào đầu Tiểu mục 2 Mục 1 Chương II như sau:"),
    ("## Mục 2. GIÁO DỤC THƯỜNG XUYÊN\n\n", "### Điều 40a. Giáo dục từ xa",
     "Bổ sung Điều 40a vào đầu Mục 2 Chương II như sau:"),
])
def test_an_article_put_at_the_head_of_the_next_sub_section_is_inserted_there(
        law: Regulation, heading: str, inserted: str, written: str) -> None:
    # It was refused ("places Điều 27a outside Tiểu mục 1 Mục 1 Chương II, where it is inserted") with no way to write
    # it: `vào sau Điều 27` puts it at the end of Tiểu mục 1.
    edited = _edited(law, heading, f"{heading}{inserted}\n\nNội dung thử.\n\n")
    text = render_amendment(document(law, instructions_from_edits(law, edited).instructions))
    label = inserted.split("Điều ")[1].split(".")[0]
    assert split_instructions(text)[1] == f"1\\. {written}\n\n“{inserted.lstrip('# ')}\n\nNội dung thử.”."
    amended = apply(law, load_amendment(text, "generated.md", "generated")).regulation
    assert render(amended) == render(edited)
    assert amended.find(f"d{label}").ancestors[-1].title == heading.split(". ", 1)[1].strip()


@needs_corpus
def test_an_article_put_after_the_sub_sections_names_where_it_belongs_once(law: Regulation) -> None:
    # The refusal named the containers one inside the other: "outside Tiểu mục 4 Mục 1 Chương II Chương II".
    from regdraft.core.errors import RegdraftError

    heading = "## Mục 2. GIÁO DỤC THƯỜNG XUYÊN\n\n"
    edited = _edited(law, heading, f"### Điều 40a. Giáo dục từ xa\n\nNội dung thử.\n\n{heading}")
    assert edited.find("d40a").ancestors[-1].kind is Kind.SECTION  # in Mục 1, after its sub-sections
    with pytest.raises(RegdraftError) as refused:
        instructions_from_edits(law, edited)
    assert "The edited text places Điều 40a outside Tiểu mục 4 Mục 1 Chương II, where it is inserted;" in str(
        refused.value)
    assert "Chương II Chương II" not in str(refused.value)


@needs_corpus
def test_refs_of_a_sub_section_marks_the_articles_inside_it(law: Regulation) -> None:
    from regdraft.core.refs.listing import listed_text
    from regdraft.core.refs.listing import rows as listing

    rows = [listed_text(law, row) for row in listing(law, to="ch2.m1.tm2")]
    assert rows == ['luat-giao-duc.md:303: khoản 2 Điều 28: "khoản 1 Điều này" -> khoản 1 Điều 28 (inside)',
                    'luat-giao-duc.md:311: khoản 4 Điều 28: "khoản 2 Điều này" -> khoản 2 Điều 28 (inside)',
                    'luat-giao-duc.md:465: khoản 3 Điều 43: "Điều 31" -> Điều 31 (inside)']


@needs_corpus
def test_renaming_a_sub_section_asks_to_check_no_reference_to_its_articles(tmp_path: Path, invoke: Invoke) -> None:
    # `amend check` and the redline asked to check khoản 3 Điều 43's "Điều 31", under the renamed Tiểu mục 2, though
    # no article number or text changes; renaming Mục 1 Chương II, which holds it too, asked the same.
    ws = tmp_path / "ws"
    assert invoke(None, "init", str(ws)).exit_code == 0
    assert invoke(ws, "import", str(GIAO_DUC)).exit_code == 0
    regulation = ws / "regulations" / "43-2019-QH14.md"
    edited = tmp_path / "edited.md"
    text = regulation.read_text(encoding="utf-8")
    for old, new in (("### Tiểu mục 2. GIÁO DỤC PHỔ THÔNG\n", "### Tiểu mục 2. GIÁO DỤC PHỔ THÔNG CÔNG LẬP\n"),
                     ("## Mục 1. CÁC CẤP HỌC VÀ TRÌNH ĐỘ ĐÀO TẠO\n", "## Mục 1. CÁC CẤP HỌC, TRÌNH ĐỘ ĐÀO TẠO\n")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    edited.write_text(text, encoding="utf-8")
    made = invoke(ws, "amend", "from-edits", "gd-ten", "-r", "43/2019/QH14", "--edited", str(edited))
    assert made.exit_code == 0, made.output
    checked = invoke(ws, "amend", "check", "gd-ten")
    assert checked.exit_code == 0 and "Điều 31" not in checked.output, checked.output
    assert checked.output.strip() == "gd-ten: no problems found."
    redline = tmp_path / "redline.html"
    assert invoke(ws, "redline", "43/2019/QH14", "-o", str(redline)).exit_code == 0
    assert "dẫn chiếu Điều 31" not in redline.read_text(encoding="utf-8")
