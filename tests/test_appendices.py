"""Appendices (phụ lục): after the last article, each with a title and free text (forms and tables).

Nghị định 63/2010/NĐ-CP ends with three appendices of forms after its signature; they were text of khoản 3
Điều 37, so a comment on a form named that clause and an instruction amending it carried the forms.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest

from regdraft.core.address import parse_address
from regdraft.core.markdown import parse, read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind
from regdraft.importer import import_file
from regdraft.workspace.store import Workspace
from tests.conftest import SHARED, Invoke, needs_corpus, unsaid
from tests.test_render_pdf import pdf_text

DECREE = SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"

TEXT = """---
id: 63/2010/NĐ-CP
type: Nghị định
title: Về kiểm soát thủ tục hành chính
language: vi
issuer: CHÍNH PHỦ
signed: 2010-06-08
---

# Chương I. QUY ĐỊNH CHUNG

## Điều 1. Phạm vi điều chỉnh

1\\. Nghị định này quy định về kiểm soát thủ tục hành chính.

2\\. Biểu mẫu ban hành tại Phụ lục I.

# Phụ lục I. BIỂU MẪU ĐÁNH GIÁ

(Ban hành kèm theo Nghị định số 63/2010/NĐ-CP)

1\\. Thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì?

a) Có £

| I. Về sự cần thiết | |
|---|---|
| 1. Mục tiêu gì? | a) Có £ b) Không £ |

# Phụ lục II. MẪU HAI

- Một dòng.
"""


def test_appendices_are_read_after_the_articles_as_free_text_and_written_back_byte_for_byte() -> None:
    reading = read(TEXT, "nd.md")
    assert not reading.problems and not reading.warnings
    reg = reading.regulation
    first, second = reg.units[1], reg.units[2]
    assert (first.kind, first.label, first.title) == (Kind.APPENDIX, "I", "BIỂU MẪU ĐÁNH GIÁ")
    # `1. …` and `a) …` in a form are its words, not a clause and a point.
    assert first.text[1:3] == ("1. Thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì?", "a) Có £")
    assert first.children == () and second.text == ("- Một dòng.",)
    assert [str(loc.address) for loc in reg.walk()][-2:] == ["pli", "plii"]
    assert len(list(reg.articles())) == 1
    assert render(reg) == TEXT
    assert parse(render(reg)) == reg


@pytest.mark.parametrize("typed", ["pli", "Phụ lục I", "phu luc I", "PHỤ LỤC I", "Appendix I", "appendix i"])
def test_an_appendix_is_addressed_as_people_write_it(typed: str) -> None:
    address = parse_address(typed)
    assert str(address) == "pli"
    assert address.describe("vi") == "Phụ lục I" and address.describe("en") == "Appendix I"
    assert parse_address(address.describe("vi")) == address == parse_address(str(address))
    assert parse_address("Phụ lục 01").label == "01"  # numbered as the document numbers it


def test_an_article_after_an_appendix_and_appendices_out_of_sequence_are_problems() -> None:
    after = TEXT.replace("# Phụ lục II. MẪU HAI", "## Điều 2. Hiệu lực\n\nNghị định có hiệu lực.\n\n# Phụ lục II. X")
    problems = [p.message for p in read(after, "nd.md").problems]
    assert any("Điều 2 comes after Phụ lục I; appendices follow the last article" in m for m in problems)
    skipped = TEXT.replace("# Phụ lục II.", "# Phụ lục III.")
    problems = [p.message for p in read(skipped, "nd.md").problems]
    assert any("Phụ lục III is out of sequence: it is the second appendix, after Phụ lục I, so it should be Phụ lục "
               "II" in m for m in problems)


@needs_corpus
def test_nghi_dinh_63_2010_imports_its_three_appendices_apart_from_dieu_37_with_every_word() -> None:
    result = import_file(DECREE)
    reg = result.regulation
    appendices = [u for u in reg.units if u.kind is Kind.APPENDIX]
    assert [(u.label, u.title) for u in appendices] == [
        ("I", "BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH"),
        ("II", "BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN, MẪU TỜ KHAI HÀNH CHÍNH"),
        ("III", "BIỂU MẪU ĐÁNH GIÁ YÊU CẦU, ĐIỀU KIỆN")]
    assert all(u.text[0].startswith("(Ban hành kèm theo Nghị định số 63/2010/NĐ-CP") for u in appendices)
    last = reg.find("d37.k3").unit
    assert last.text == ("Việc quy định mới về thủ tục hành chính trong các văn bản quy phạm pháp luật được áp dụng "
                         "theo đúng quy định tại Nghị định này kể từ ngày Nghị định này có hiệu lực thi hành./.",)
    # Nothing lost: every answer box and every row of the three forms is in the appendices.
    source = DECREE.read_text(encoding="utf-8")
    tail = source[source.index("PHỤ LỤC I"):]
    kept = "\n".join("\n".join(u.text) for u in appendices)
    assert kept.count("£") == tail.count("£") > 100
    def rows(text: str) -> list[str]:
        return [" ".join(line.split()) for line in text.split("\n")
                if line.startswith("|") and not re.fullmatch(r"\|([\s-]*\|)+", line)]  # no rule, no empty row
    assert rows(kept) == rows(tail) and len(rows(tail)) > 40
    assert reg.meta["signer"]["name"] == "Nguyễn Tấn Dũng"
    assert not result.report.by_category("warning") or all("PHỤ LỤC" not in n.text
                                                            for n in result.report.by_category("warning"))


@pytest.fixture
def decree_workspace(tmp_path: Path, invoke: Invoke) -> Workspace:
    from regdraft.workspace.store import init_workspace

    ws = init_workspace(tmp_path / "ws")
    result = invoke(ws, "import", str(DECREE))
    assert result.exit_code == 0, result.output
    return ws


@needs_corpus
def test_the_consolidated_text_prints_the_appendices_after_the_signature_and_they_import_back(
        decree_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    outs = {fmt: tmp_path / f"nd.{fmt}" for fmt in ("html", "pdf", "docx", "md")}
    for fmt, out in outs.items():
        result = invoke(decree_workspace, "export", "63/2010/NĐ-CP", "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
    page = outs["html"].read_text(encoding="utf-8")
    assert page.index("Nguyễn Tấn Dũng") < page.index('<span class="appendix">PHỤ LỤC I</span>') < page.index(
        '<span class="appendix">PHỤ LỤC III</span>')
    # Under each title, `(Ban hành kèm theo …)` centred in italics, as the decree prints it.
    assert page.count('<p class="appendix-note">(Ban hành kèm theo Nghị định số ') == 3
    text = " ".join(pdf_text(outs["pdf"]).split())
    assert text.index("Nguyễn Tấn Dũng") < text.index("PHỤ LỤC I BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH")
    assert "7. Phạm vi áp dụng của mẫu đơn, mẫu tờ khai?" in text
    body = docx.Document(str(outs["docx"])).element.body.xml  # the signature stands in a layout table
    [note] = [p for p in docx.Document(str(outs["docx"])).paragraphs if p.text.startswith("(Ban hành kèm theo")][:1]
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    style = note.style
    assert style is not None and style.name == "Ghi chú phụ lục" and style.font.italic
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert body.index("Nguyễn Tấn Dũng") < body.index(">PHỤ LỤC II<") < body.index(">BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN")
    original = parse(decree_workspace.read(decree_workspace.locate_regulation("63/2010/NĐ-CP")))
    for fmt in ("docx", "md"):
        again = import_file(outs[fmt]).regulation
        assert again.units == original.units, fmt


@needs_corpus
def test_a_changed_form_is_marked_amended_adopted_and_noted_in_the_text_in_force(
        decree_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    path = decree_workspace.root / "regulations" / "63-2010-NĐ-CP.md"
    old = path.read_text(encoding="utf-8")
    edited = tmp_path / "63-edited.md"
    edited.write_text(old.replace("| 7. Phạm vi áp dụng của mẫu đơn, mẫu tờ khai?",
                                  "| 7. Phạm vi áp dụng của mẫu đơn, tờ khai?"), encoding="utf-8")
    clause = edited.read_text(encoding="utf-8").replace("Văn phòng Chính phủ có trách nhiệm hướng dẫn",
                                                        "Văn phòng Chính phủ chịu trách nhiệm hướng dẫn")
    html = tmp_path / "r.html"
    result = invoke(None, "compare", str(path), str(edited), "-o", str(html))
    assert result.exit_code == 0, result.output
    page = unsaid(html.read_text(encoding="utf-8"))
    # Its heading is as it was: no change bar on it (the bar marks a paragraph with changes), the changed row has.
    assert '<h2 class="article-heading" id="chg-1">Phụ lục II. BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN' in page  # a heading
    assert "<td>7. Phạm vi áp dụng của mẫu đơn, <del class=\"del\">mẫu </del>tờ khai?</td>" in page
    assert invoke(decree_workspace, "amend", "new", "sua-63", "-r", "63/2010/NĐ-CP").exit_code == 0
    edited.write_text(clause, encoding="utf-8")  # khoản 2 Điều 36 too: its note stands after its label
    result = invoke(decree_workspace, "amend", "from-edits", "sua-63", "--edited", str(edited))
    assert result.exit_code == 0, result.output
    amendment = (decree_workspace.root / "amendments" / "sua-63" / "amendment.md").read_text(encoding="utf-8")
    assert "2\\. Sửa đổi, bổ sung Phụ lục II như sau:\n\n“Phụ lục II. BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN" in amendment
    assert "| 7. Phạm vi áp dụng của mẫu đơn, tờ khai? | a) Toàn quốc £ b) Địa phương £" in amendment
    # The amending document prints the quoted form as a table, its closing quotation mark after it.
    document = tmp_path / "sua-63.html"
    assert invoke(decree_workspace, "amend", "export", "sua-63", "-o", str(document)).exit_code == 0
    printed = document.read_text(encoding="utf-8")
    assert "<td>7. Phạm vi áp dụng của mẫu đơn, tờ khai?</td>" in printed and "|”" not in printed
    for step in (("amend", "number", "sua-63", "99/2026/NĐ-CP"),
                 ("amend", "adopt", "sua-63", "--signed", "2026-12-01", "--effective", "2026-12-02", "--force",
                  "--reason", "test")):
        result = invoke(decree_workspace, *step)
        assert result.exit_code == 0, result.output
    out = tmp_path / "in-force.html"
    assert invoke(decree_workspace, "export", "63/2010/NĐ-CP", "--as-of", "2026-12-03", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "<td>7. Phạm vi áp dụng của mẫu đơn, tờ khai?</td>" in text
    assert re.search(r"Phụ lục này được sửa đổi, bổ sung theo quy định tại khoản 2 Điều 1 của Nghị định số "
                     r"(<span class=\"nobr\">)?99/2026/NĐ-CP", text)
    # Its Markdown copy imports back as the text in force, the note marks gone without a trace (a mark after a
    # clause's label left two spaces there: `2\\.  Văn phòng …`).
    copy = tmp_path / "in-force.md"
    assert invoke(decree_workspace, "export", "63/2010/NĐ-CP", "--as-of", "2026-12-03", "-o", str(copy)).exit_code == 0
    assert "[^1]" in copy.read_text(encoding="utf-8")
    again = import_file(copy)
    assert "\\.  " not in again.text and "[^" not in again.text.split("\n---\n", 1)[1]
    last_row = again.regulation.find("plii").unit.text[-1].splitlines()[-1]
    assert last_row.startswith("| 7. Phạm vi áp dụng của mẫu đơn, tờ khai? | a) Toàn quốc £ b) Địa phương £ c) Khác: ")


def test_from_edits_repeals_an_appendix_and_adds_one_after_the_last() -> None:
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.document import render_amendment
    from regdraft.core.amend.edits import document, instructions_from_edits

    old = parse(TEXT, "nd.md")
    added = ("# Phụ lục III. MẪU BÁO CÁO\n\n1\\. Tên cơ quan: ....\n\n| Nội dung | Kết quả |\n|---|---|\n"
             "| Số thủ tục | ... |\n")
    new = parse(TEXT.replace("# Phụ lục II. MẪU HAI\n\n- Một dòng.\n", "# Phụ lục II. (được bãi bỏ)\n\n" + added),
                "edited.md")
    generated = instructions_from_edits(old, new)
    amendment = document(old, generated.instructions)
    written = render_amendment(amendment).split("## Điều 1\n\n", 1)[1]
    assert written.startswith("1\\. Bãi bỏ Phụ lục II.\n\n2\\. Bổ sung Phụ lục III vào sau Phụ lục II như sau:\n\n"
                              "“Phụ lục III. MẪU BÁO CÁO\n\n1\\. Tên cơ quan: ....\n\n| Nội dung | Kết quả |")
    assert written.rstrip().endswith("| Số thủ tục | ... |”.")
    assert apply(old, amendment).regulation.units == new.units


def test_an_appendix_is_named_alone_in_an_instruction() -> None:
    from regdraft.core.amend.grammar import GrammarError
    from regdraft.core.amend.provisions import provisions

    [cited] = provisions("Phụ lục II", None, "vi")
    assert str(cited.address) == "plii"
    with pytest.raises(GrammarError, match="names an appendix with other units"):
        provisions("khoản 2 Phụ lục II", None, "vi")


@pytest.mark.parametrize(("cited", "language", "whole", "words"), [
    ("câu 7 tại Phụ lục II", "vi", "Sửa đổi, bổ sung Phụ lục II như sau:", "bằng cụm từ “…” tại Phụ lục II."),
    ("dòng số 26 Phụ lục I", "vi", "Sửa đổi, bổ sung Phụ lục I như sau:", "bằng cụm từ “…” tại Phụ lục I."),
    ("mục 7 Phụ lục II", "vi", "Sửa đổi, bổ sung Phụ lục II như sau:", "bằng cụm từ “…” tại Phụ lục II."),
    ("row 3 of Schedule 1", "en", "Schedule 1 is amended to read:", "Replace the words “…” with “…” in Schedule 1."),
])
def test_a_row_of_an_appendix_is_refused_with_the_wordings_that_change_it(cited: str, language: str, whole: str,
                                                                         words: str) -> None:
    """Real amending documents amend a row of a form (`Sửa đổi mục 7 Phụ lục II`); a row has no address, and the
    refusal said only "'câu 7 tại Phụ lục II' is not a provision such as 'khoản 2 Điều 5'" (`mục 7 …`: "does not
    name its chapter"). It names the two wordings that do it, as the refusal of an appendix replaced unquoted does."""
    from regdraft.core.amend.grammar import GrammarError
    from regdraft.core.amend.provisions import provisions

    with pytest.raises(GrammarError) as refused:
        provisions(cited, None, language)
    said = str(refused.value)
    assert f"'{whole}'" in said and words in said and "chapter" not in said


def test_an_appendix_that_does_not_exist_is_named_with_those_that_do() -> None:
    from regdraft.core.errors import UnknownUnit

    with pytest.raises(UnknownUnit, match=r"Phụ lục IV does not exist: the regulation has appendices I and II; did you "
                                          r"mean Phụ lục II \(plii\)\?"):
        parse(TEXT, "nd.md").find("Phụ lục IV")


def test_an_appendix_cited_is_a_reference_and_one_that_does_not_exist_is_a_problem() -> None:
    from regdraft.core.refs import find_references, missing_problems

    reg = parse(TEXT.replace("tại Phụ lục I.", "tại Phụ lục I và Phụ lục II."), "nd.md")
    [ref] = [r for r in find_references(reg) if str(r.source) == "d1.k2"]
    assert [str(t) for t in ref.targets] == ["pli", "plii"]
    assert not missing_problems(reg)
    cites_missing = parse(TEXT.replace("tại Phụ lục I.", "tại các Phụ lục I, II và III."), "nd.md")
    assert [p.message for p in missing_problems(cites_missing)] == [
        'khoản 2 Điều 1 refers to Phụ lục III ("Phụ lục I, II và III"), which does not exist.']
    # `Phụ lục hợp đồng` (a contract's annex, Luật Đấu thầu) is no citation.
    assert not find_references(parse(TEXT.replace("tại Phụ lục I.", "tại Phụ lục hợp đồng."), "nd.md"))


def test_an_english_text_amends_its_appendices_in_english() -> None:
    from regdraft.core.amend.apply import apply
    from regdraft.core.amend.document import render_amendment
    from regdraft.core.amend.edits import document, instructions_from_edits

    shipped = (Path(__file__).resolve().parents[1] / "regulations" / "01-QC-TU-EN.md").read_text(encoding="utf-8")
    text = shipped.rstrip("\n") + "\n\n# Appendix I. Forms\n\n1\\. Name: ....\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    old = parse(text, "en.md")
    assert old.units[-1].kind is Kind.APPENDIX and old.units[-1].text[0] == "1. Name: ...."
    new = parse(text.replace("| 1 | 2 |", "| 1 | 3 |") + "\n# Appendix II. More\n\nText.\n", "edited.md")
    amendment = document(old, instructions_from_edits(old, new).instructions)
    written = render_amendment(amendment).split("## Article 1\n\n", 1)[1]
    assert written.startswith("1\\. Appendix I is amended to read:\n\n“Appendix I. Forms\n\n1\\. Name: ....")
    # English: no stop after the quotation ending on its own (r29 sweep AL)
    assert "2\\. Appendix II is inserted after Appendix I:\n\n“Appendix II. More\n\nText.”\n" in written
    assert apply(old, amendment).regulation.units == new.units


@needs_corpus
def test_a_reviewers_proposal_on_a_form_is_accepted_into_the_draft(decree_workspace: Workspace, invoke: Invoke) -> None:
    import json

    from regdraft.core.amend.proposal import editor_text, proposed_unit
    from regdraft.workspace import rounds
    from regdraft.workspace.proposals import accept_proposal

    ws = decree_workspace
    nd48 = SHARED / "corpus" / "amendments" / "nd-63-2010" / "amending-48-2013-ND-CP.txt"
    for step in (("amend", "import", str(nd48), "--slug", "nd48"), ("amend", "status", "nd48", "--draft", "1"),
                 ("round", "open", "nd48", "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", "Bộ Tư pháp")):
        result = invoke(ws, *step)
        assert result.exit_code == 0, result.output
    form = rounds.draft_text(ws, "nd48").find("plii").unit
    # The wording editor opens with the appendix one paragraph a line, a table's rows under each other.
    shown = editor_text(form, "vi")
    assert shown.startswith("Phụ lục II. BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN, MẪU TỜ KHAI HÀNH CHÍNH\n(Ban hành kèm theo")
    assert proposed_unit(shown, parse_address("plii"), "vi") == form
    proposal = shown.replace("| 7. Phạm vi áp dụng của mẫu đơn, mẫu tờ khai?", "| 7. Phạm vi áp dụng của mẫu đơn?")
    result = invoke(ws, "comment", "add", "nd48", "--by", "Bộ Tư pháp", "--on", "Phụ lục II", "--text",
                    "Đề nghị gọn câu hỏi 7.", "--proposal", proposal, "--json")
    assert result.exit_code == 0, result.output
    accept_proposal(ws, "nd48", json.loads(result.output)["comment"]["id"])
    accepted = rounds.draft_text(ws, "nd48").find("plii").unit
    assert accepted.text[-1].splitlines()[-1].startswith("| 7. Phạm vi áp dụng của mẫu đơn? | a) Toàn quốc £")
    assert accepted.text[:-1] == form.text[:-1] and accepted.title == form.title


def test_show_indents_every_row_of_a_form_and_changes_keep_a_title_apart(invoke: Invoke, tmp_path: Path) -> None:
    from regdraft.core.markdown import parse as read_text
    from regdraft.render.text import plain

    form = read_text(TEXT, "nd.md").units[1]
    shown = plain(form, "vi").split("\n")
    assert shown[-3:] == ["  | I. Về sự cần thiết | |", "  |---|---|", "  | 1. Mục tiêu gì? | a) Có £ b) Không £ |"]
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(TEXT, encoding="utf-8")
    new.write_text(TEXT.replace("b) Không £", "b) Chưa £"), encoding="utf-8")
    result = invoke(None, "compare", str(old), str(new), "-o", str(tmp_path / "r.html"), "--changes")
    assert result.exit_code == 0, result.output
    assert "Phụ lục I (words replaced): BIỂU MẪU ĐÁNH GIÁ / (Ban hành kèm theo" in result.output
    assert "b) [-Không-]{+Chưa+} £ |" in result.output


@needs_corpus
def test_the_comparison_table_of_the_changes_alone_prints_the_changed_rows_of_a_form(
        decree_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # One word struck from a form printed its whole appendix twice, in narrow columns: 28 pages for 3 changes.
    path = decree_workspace.root / "regulations" / "63-2010-NĐ-CP.md"
    edited = tmp_path / "63-edited.md"
    text = path.read_text(encoding="utf-8")
    edited.write_text(text.replace("| 7. Phạm vi áp dụng của mẫu đơn, mẫu tờ khai?",
                                   "| 7. Phạm vi áp dụng của mẫu đơn, tờ khai?"), encoding="utf-8")
    pages = {}
    for name, extra in (("only", ("--changed-only",)), ("all", ())):
        out = tmp_path / f"{name}.html"
        result = invoke(None, "compare", str(path), str(edited), "--layout", "table", *extra, "-o", str(out))
        assert result.exit_code == 0, result.output
        pages[name] = out.read_text(encoding="utf-8")
    only = pages["only"]
    assert only.count("<td>7. Phạm vi áp dụng của mẫu đơn, ") == 2  # the changed row, on both sides
    assert "<td>1. Mẫu đơn, mẫu tờ khai này có cần thiết" in only  # the form's first row stays, as its header
    assert "2. Nội dung mẫu đơn, mẫu tờ khai có dễ hiểu" not in only
    assert only.count('<tr class="elided"><td colspan="2">[…]</td></tr>') == 2  # one run left out, on each side
    assert "2. Nội dung mẫu đơn, mẫu tờ khai có dễ hiểu" in pages["all"] and "[…]" not in pages["all"]


def test_a_sentence_of_the_last_article_starting_with_phu_luc_stays_in_it(tmp_path: Path) -> None:
    # Only a heading (`PHỤ LỤC I`, `Phụ lục 2. TITLE`) starts an appendix; a sentence naming them is text.
    source = tmp_path / "nd.txt"
    source.write_text("""CHÍNH PHỦ
Số: 63/2010/NĐ-CP

NGHỊ ĐỊNH
Về kiểm soát thủ tục hành chính

Điều 1. Hiệu lực

1. Nghị định này có hiệu lực từ ngày ký.

Phụ lục I, II và III ban hành kèm theo Nghị định này là bộ phận không tách rời.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Tấn Dũng
""", encoding="utf-8")
    reg = import_file(source).regulation
    assert [u.kind for u in reg.units] == [Kind.ARTICLE]
    assert reg.units[0].children[0].text[-1].startswith("Phụ lục I, II và III ban hành kèm theo")


def test_a_quote_ending_in_a_table_may_close_on_a_line_of_its_own() -> None:
    """The last cell of a table cannot hold the closing `”.`: written on its own line after the table (as a Word
    document lays it out), it ends the quote and is no paragraph of the new text. It was kept as an empty
    paragraph, which the amended text does not read back (`amend check` refused every such instruction, naming no
    line) and `amend preview` printed as blank lines after the table."""
    from regdraft.core.amend import apply, load_amendment

    old = parse(TEXT, "nd.md")
    table = "| a | b |\n| --- | --- |\n| 1 | 2 |"
    instructions = (f"1\\. Sửa đổi, bổ sung Phụ lục II như sau:\n\n“Phụ lục II. MẪU MỚI\n\nĐoạn.\n\n{table}\n\n”.\n\n"
                    f"2\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. Biểu mẫu:\n\n{table}\n\n”.\n")
    text = (f"---\nnumber: 99/2026\ntitle: Sửa đổi\nregulation: {old.id}\nlanguage: vi\nstatus: draft\ndraft: 1\n"
            f"---\n\n## Điều 1. Sửa đổi, bổ sung một số điều\n\n{instructions}")
    new = apply(old, load_amendment(text, "amendments/x/amendment.md", "x")).regulation
    assert new.find("plii").unit.text == ("Đoạn.", table)
    assert new.find("d1.k2").unit.text == ("Biểu mẫu:", table)
    assert parse(render(new), "nd.md") == new  # it reads back as the same provisions
    assert render(new).count(f"{table}\n\n\n") == 0


def _tags(node: object, found: list[str]) -> list[str]:
    """The structure types of a tagged PDF's elements under `node`, in reading order."""
    import pypdf.generic as g

    node = node.get_object() if isinstance(node, g.IndirectObject) else node
    if isinstance(node, g.ArrayObject):
        for child in node:
            _tags(child, found)
    elif isinstance(node, g.DictionaryObject):
        if "/S" in node:
            found.append(str(node["/S"]))
        if "/K" in node:
            _tags(node["/K"], found)
    return found


@needs_corpus
def test_an_appendix_is_a_heading_as_a_chapter_is_in_the_html_and_the_tagged_pdf(
        decree_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # `<p class="appendix">PHỤ LỤC I</p>`: a screen reader's list of headings held the seven chapters, not the
    # three appendices, which the redline and the Word export make headings.
    import pypdf

    html_out, pdf_out = tmp_path / "nd.html", tmp_path / "nd.pdf"
    for out in (html_out, pdf_out):
        result = invoke(decree_workspace, "export", "63/2010/NĐ-CP", "-o", str(out))
        assert result.exit_code == 0, result.output
    page = html_out.read_text(encoding="utf-8")
    assert re.search(r'<h2 class="heading-lines appendix-heading"><span class="appendix">PHỤ LỤC I</span>\s*'
                     r'<span class="appendix-title">BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH</span></h2>', page)
    assert len(re.findall(r'<h2 class="heading-lines appendix-heading">', page)) == 3
    reader = pypdf.PdfReader(pdf_out)
    catalog: Any = reader.trailer["/Root"]
    root = catalog["/StructTreeRoot"]
    assert _tags(root, []).count("/H2") == 7 + 3  # the chapters and the appendices
    titles = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert titles[-3:] == ["PHỤ LỤC I BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH",
                           "PHỤ LỤC II BIỂU MẪU ĐÁNH GIÁ MẪU ĐƠN, MẪU TỜ KHAI HÀNH CHÍNH",
                           "PHỤ LỤC III BIỂU MẪU ĐÁNH GIÁ YÊU CẦU, ĐIỀU KIỆN"]
    # As printed before: the label and the title centred in bold, each a line, the appendix from a new page.
    text = " ".join(pdf_text(pdf_out).split())
    assert "PHỤ LỤC I BIỂU MẪU ĐÁNH GIÁ THỦ TỤC HÀNH CHÍNH (Ban hành kèm theo Nghị định số" in text
