"""The consolidated text (văn bản hợp nhất) of real documents as a legal officer issues it (sweep r25/C): the notes
name the amending document by number and title; a note at the base text's basis quotes each amending document's
basis; a word change in an article's title says so; the Markdown opening numbers the amending documents; every DOCX
style has a name in the document's language.

Luật Đấu thầu 22/2023/QH15 with Luật 57/2024/QH15, Nghị định 63/2010/NĐ-CP with Nghị định 48/2013/NĐ-CP, from
../shared/corpus/amendments (skipped where it is absent), exported through the CLI."""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.workspace.store import init_workspace

from .conftest import SHARED, in_corpus, needs_corpus

AMENDMENTS = SHARED / "corpus" / "amendments"
L57 = ("Luật số 57/2024/QH15 sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương "
       "thức đối tác công tư và Luật Đấu thầu")
ND48 = ("Nghị định số 48/2013/NĐ-CP sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục "
        "hành chính")


def _run(root: Path, *args: str) -> str:
    command, rest = (list(args[:2]), list(args[2:])) if args[0] == "amend" else ([args[0]], list(args[1:]))
    result = CliRunner().invoke(cli, [*command, "-C", str(root), *rest])
    assert result.exit_code == 0, result.output
    return result.output


def _exported(root: Path, folder: str, base: str, amending: str, slug: str, reg_id: str, day: str,
              formats: tuple[str, ...]) -> dict[str, Path]:
    init_workspace(root)
    _run(root, "import", str(AMENDMENTS / folder / base))
    _run(root, "amend", "import", str(AMENDMENTS / folder / amending), "--slug", slug)
    _run(root, "amend", "adopt", slug)
    out = {}
    for fmt in formats:
        out[fmt] = root.parent / f"hop-nhat.{fmt}"
        _run(root, "export", reg_id, "--as-of", day, "-o", str(out[fmt]))
    return out


@pytest.fixture(scope="module")
def dau_thau(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    in_corpus(AMENDMENTS)
    return _exported(tmp_path_factory.mktemp("l57") / "ws", "luat-dau-thau-2023", "base-22-2023-QH15.txt",
                     "amending-57-2024-QH15.txt", "luat-57-2024", "22/2023/QH15", "2025-02-01",
                     ("md", "html", "docx", "pdf"))


@pytest.fixture(scope="module")
def nghi_dinh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    in_corpus(AMENDMENTS)
    return _exported(tmp_path_factory.mktemp("nd48") / "ws", "nd-63-2010", "base-63-2010-ND-CP.txt",
                     "amending-48-2013-ND-CP.txt", "nd-48-2013", "63/2010/NĐ-CP", "2013-07-01", ("md", "docx"))


def _notes(markdown: Path) -> dict[int, str]:
    text = markdown.read_text(encoding="utf-8")
    return {int(n): body for n, body in re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.M)}


@needs_corpus
def test_every_note_names_the_amending_law_by_number_and_title(dau_thau: dict[str, Path]) -> None:
    # Pháp lệnh 01/2012/UBTVQH13: tên, số, ký hiệu của văn bản sửa đổi, bổ sung và ngày có hiệu lực; as the
    # consolidated texts of the Office of the National Assembly write it, without the signing date.
    notes = _notes(dau_thau["md"])
    changes = [t for t in notes.values() if "theo quy định tại" in t]
    assert len(changes) == 32  # and none on the `;` ending điểm đ khoản 1 Điều 17 (no instruction states it)
    for text in changes:
        assert text.endswith(f" của {L57}, có hiệu lực kể từ ngày 15 tháng 01 năm 2025."), text
        assert "ngày 29 tháng 11 năm 2024" not in text
    assert ("Khoản này được sửa đổi, bổ sung theo quy định tại điểm a khoản 1 Điều 4 của "
            f"{L57}, có hiệu lực kể từ ngày 15 tháng 01 năm 2025.") in changes
    # The note quoting its own closing articles names it the same way.
    [provisions] = [t for t in notes.values() if "quy định như sau" in t]
    assert provisions.startswith(f"Các khoản 2, 3 và 4 Điều 5 và khoản 4 Điều 6 của {L57}, có hiệu lực kể từ ngày 15 "
                                 "tháng 01 năm 2025")


@needs_corpus
def test_a_decree_s_notes_name_the_amending_decree_by_number_and_title(nghi_dinh: dict[str, Path]) -> None:
    notes = _notes(nghi_dinh["md"])
    assert notes[2] == (f"Điều này được sửa đổi theo quy định tại khoản 1 Điều 1 của {ND48}, có hiệu lực kể từ "
                        "ngày 01 tháng 7 năm 2013.")
    assert not any("ngày 14 tháng 5 năm 2013 của Chính phủ," in t for t in notes.values())


BASIS_57 = (f"{L57} có căn cứ ban hành như sau: “Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; Quốc hội "
            "ban hành Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch số 21/2017/QH14")


@needs_corpus
def test_the_amending_law_s_basis_is_quoted_at_the_base_s_basis_in_every_format(dau_thau: dict[str, Path]) -> None:
    import docx

    from regdraft.render.docx_notes import read_footnotes
    from tests.test_render_pdf import pdf_text

    md = dau_thau["md"].read_text(encoding="utf-8")
    assert "\n\nQuốc hội ban hành Luật Đấu thầu.[^1]\n\n" in md
    assert _notes(dau_thau["md"])[1].startswith(BASIS_57)
    assert _notes(dau_thau["md"])[1].endswith("Luật Đấu thầu số 22/2023/QH15.”")
    page = dau_thau["html"].read_text(encoding="utf-8")
    assert re.search(r'>Quốc hội ban hành Luật Đấu thầu\.<sup class="fnref" id="fnref-1">', page)
    assert re.search(r'<li id="fn-1" value="1">' + re.escape(BASIS_57), re.sub(r"</?span[^>]*>", "", page))
    document = docx.Document(str(dau_thau["docx"]))
    [enacting] = [p for p in document.paragraphs if p.text.startswith("Quốc hội ban hành Luật Đấu thầu")]
    assert enacting._p.xml.count("w:footnoteReference") == 1 and 'w:id="1"' in enacting._p.xml
    assert read_footnotes(dau_thau["docx"])[1].startswith(BASIS_57)
    text = pdf_text(dau_thau["pdf"])
    assert " ".join(BASIS_57.split()) in text


@needs_corpus
def test_a_decree_s_basis_and_proposer_are_quoted(nghi_dinh: dict[str, Path]) -> None:
    assert _notes(nghi_dinh["md"])[1] == (
        f"{ND48} có căn cứ ban hành như sau: “Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001; Căn cứ Luật "
        "Ban hành văn bản quy phạm pháp luật ngày 03 tháng 6 năm 2008; Theo đề nghị của Bộ trưởng Bộ Tư pháp; Chính "
        "phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 "
        "của Chính phủ về kiểm soát thủ tục hành chính; Nghị định số 20/2008/NĐ-CP ngày 14 tháng 02 năm 2008 của "
        "Chính phủ về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính; Nghị định số "
        "36/2012/NĐ-CP ngày 18 tháng 4 năm 2012 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ "
        "chức của Bộ, cơ quan ngang Bộ và Nghị định số 55/2011/NĐ-CP ngày 04 tháng 7 năm 2011 của Chính phủ quy định "
        "chức năng, nhiệm vụ, quyền hạn và tổ chức bộ máy của tổ chức pháp chế,”")


def test_an_amending_document_without_a_basis_has_no_basis_note() -> None:
    from regdraft.core.consolidate import consolidate
    from regdraft.core.markdown import parse
    from tests.conftest import FIXTURES
    from tests.test_consolidate import FakeApplied, amendment_meta, change, words_of

    mini = parse((FIXTURES / "mini.md").read_bytes(), "mini.md")
    assert mini.preamble
    step = [(amendment_meta("05-QC/TU", "2025-03-15", "2025-04-01"), FakeApplied(mini, [change("d1", "amended",
                                                                                               "khoản 1 Điều 1")]))]
    none = consolidate(mini, step, dt.date(2025, 4, 1), words=words_of(mini), bases=[()])
    assert none.basis == () and [f.address for f in none.footnotes] == [change("d1", "amended", "").address]
    based = consolidate(mini, step, dt.date(2025, 4, 1), words=words_of(mini), bases=[("Căn cứ Điều lệ Đảng;",)])
    assert based.basis == (1,) and based.marker(change("d1", "amended", "").address) == 2
    assert based.footnotes[0].text == (
        "Quy chế số 05-QC/TU ngày 15 tháng 3 năm 2025 của Tỉnh ủy Điện Biên sửa đổi, bổ sung một số điều của Quy chế "
        "thử nghiệm có căn cứ ban hành như sau: “Căn cứ Điều lệ Đảng;”")


def test_two_amending_documents_bases_are_numbered_one_after_the_other() -> None:
    """Sweep r26/M: the second document's basis took number 3, the first unit note's number, in every format."""
    from regdraft.core.consolidate import consolidate
    from regdraft.core.markdown import parse
    from tests.conftest import FIXTURES
    from tests.test_consolidate import FakeApplied, amendment_meta, change, words_of

    mini = parse((FIXTURES / "mini.md").read_bytes(), "mini.md")
    steps = [(amendment_meta(number, signed, effective), FakeApplied(mini, [change("d1", "amended", "khoản 1 Điều 1")]))
             for number, signed, effective in (("05-QC/TU", "2025-03-15", "2025-04-01"),
                                               ("06-QC/TU", "2025-06-15", "2025-07-01"))]
    bases = [("Căn cứ Điều lệ Đảng;",), ("Căn cứ Quy định số 24-QĐ/TW;",)]
    done = consolidate(mini, steps, dt.date(2025, 7, 1), words=words_of(mini), bases=bases)
    numbers = [f.number for f in done.footnotes]
    assert numbers == list(range(1, len(numbers) + 1))
    assert done.basis == (1, 2) and done.marker(change("d1", "amended", "").address) == 3
    assert "05-QC/TU" in done.footnotes[0].text and "06-QC/TU" in done.footnotes[1].text


@needs_corpus
def test_words_changed_in_an_article_s_title_are_noted_as_in_its_title(dau_thau: dict[str, Path]) -> None:
    # Luật 57/2024, khoản 21 Điều 4: "… tại tên Điều 3, điểm a khoản 7 Điều 3 …".
    md = dau_thau["md"].read_text(encoding="utf-8")
    title = re.search(r"^## Điều 3\.\[\^(\d+)\] ", md, re.M)
    point = re.search(r"^## Điều 3\..*?^7\\\..*?^a\)\[\^(\d+)\] ", md, re.M | re.S)
    assert title is not None and point is not None
    notes = _notes(dau_thau["md"])
    words = "Cụm từ “vốn vay ưu đãi của nhà tài trợ nước ngoài”"
    assert notes[int(title.group(1))].startswith(f"{words} tại tên Điều này được thay thế bằng cụm từ")
    assert notes[int(point.group(1))].startswith(f"{words} được thay thế bằng cụm từ")


@needs_corpus
def test_the_markdown_opening_numbers_the_amending_documents(dau_thau: dict[str, Path]) -> None:
    md = dau_thau["md"].read_text(encoding="utf-8")
    assert ("được sửa đổi, bổ sung bởi:\\\n1\\. Luật số 57/2024/QH15 ngày 29 tháng 11 năm 2024 của Quốc hội sửa "
            "đổi, bổ sung") in md
    assert "\n- Luật số 57/2024/QH15" not in md


@needs_corpus
def test_every_docx_style_has_a_name_in_the_document_s_language(dau_thau: dict[str, Path], tmp_path: Path) -> None:
    import docx

    from regdraft.importer import import_file

    document = docx.Document(str(dau_thau["docx"]))
    used = collections.Counter(p.style.name if p.style is not None else "" for p in document.paragraphs)
    assert used["Đoạn cuối khoản"] == 4 and not [n for n in used if n.lower().startswith("regdraft")]
    # The closing texts come back as closing texts, also from a copy exported before the styles had these names.
    assert import_file(dau_thau["docx"]).regulation.find("d39.k2").unit.closing
    style = document.styles["Đoạn cuối khoản"]
    assert style is not None
    style.name = "regdraft clause closing text"
    older = tmp_path / "older.docx"
    document.save(str(older))
    assert import_file(older).regulation.find("d39.k2").unit.closing


@needs_corpus
def test_the_closing_note_quotes_only_the_transition_clause_for_this_law(dau_thau: dict[str, Path]) -> None:
    # Luật 57/2024's Điều 6 has a clause of transition rules for each law it amends: the consolidated Luật Đấu thầu
    # quotes its khoản 4 and `…` for the three others (they ran for two PDF pages).
    note = next(t for t in _notes(dau_thau["md"]).values() if "Điều 6 của Luật số 57/2024" in t)
    assert note.startswith(f"Các khoản 2, 3 và 4 Điều 5 và khoản 4 Điều 6 của {L57}, có hiệu lực kể từ ngày 15 "
                           "tháng 01 năm 2025")
    text = dau_thau["md"].read_text(encoding="utf-8")
    quoted = text[text.index("    Điều 6. Quy định chuyển tiếp"):text.index("\n# Chương I.")]
    assert quoted.startswith("    Điều 6. Quy định chuyển tiếp\n\n    …\n\n    4\\. Quy định chuyển tiếp các quy định "
                             "sửa đổi, bổ sung Luật Đấu thầu như sau:\n\n    a) Các gói thầu lựa chọn nhà thầu")
    for other in ("Luật Quy hoạch như sau", "Luật Đầu tư như sau", "đối tác công tư như sau", "a.1)"):
        assert other not in quoted, other


@needs_corpus
def test_the_closing_note_leaves_out_the_clauses_of_the_entry_article_about_other_laws(
        dau_thau: dict[str, Path], nghi_dinh: dict[str, Path]) -> None:
    # Luật 57/2024's Điều 5: khoản 1 repeals two articles of Luật Thủ đô, nothing of Luật Đấu thầu, and is `…` in the
    # consolidated Luật Đấu thầu (r31 sweep AT 2); khoản 2 (the law's entry into force) is about it, and quoted with
    # khoản 3 and 4, which it cites (`trừ trường hợp quy định tại khoản 3 và khoản 4 Điều này`).
    text = dau_thau["md"].read_text(encoding="utf-8")
    quoted = text[text.index("    “Điều 5. Điều khoản thi hành"):text.index("    Điều 6. Quy định chuyển tiếp")]
    assert "Luật Thủ đô" not in text
    assert [line.strip() for line in quoted.split("\n") if line.strip()][:3] == [
        "“Điều 5. Điều khoản thi hành", "…", "2\\. Luật này có hiệu lực thi hành từ ngày 15 tháng 01 năm 2025, trừ "
        "trường hợp quy định tại khoản 3 và khoản 4 Điều này."]
    assert "\n    3\\. Việc thực hiện hợp đồng BT" in quoted and "\n    4\\. Quy định tại điểm a khoản 19" in quoted
    # Nghị định 48/2013's Điều 5 is about the whole decree in both its clauses: quoted whole, cited as `Điều 5`.
    [decree] = [t for t in _notes(nghi_dinh["md"]).values() if "quy định như sau" in t]
    assert decree.startswith(f"Điều 5 của {ND48}, có hiệu lực kể từ ngày 01 tháng 7 năm 2013")
    decree_text = nghi_dinh["md"].read_text(encoding="utf-8")
    for clause in ("    1\\. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2013.",
                   "    2\\. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ"):
        assert clause in decree_text, clause
