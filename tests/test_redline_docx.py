"""The Word redline: real tracked changes, so that "Accept all" gives the new text and "Reject
all" the old one; `compare` of Word files."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regdraft.core.diff import compare
from regdraft.core.model import Regulation
from regdraft.core.replies import ReplyParagraph, versions
from regdraft.importer.word_reply import read_reply
from regdraft.render.profile import load_profile
from regdraft.render.redline import Redline, Version
from regdraft.render.redline_docx import write_redline_docx
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.conftest import Invoke, unsaid
from tests.strategies import regulations

TODAY = dt.date(2025, 3, 1)


def _body(path: Path) -> list[ReplyParagraph]:
    """The paragraphs after the summary's page break: the text itself (without the metadata line
    naming the revisions compared, which closes the document and is neither version's text)."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    head = xml[: xml.index('w:type="page"')]
    summary_paragraphs = head.count("<w:p>") + head.count("<w:p ")
    body = list(read_reply(path.read_bytes(), path.name, redline_changes=True).paragraphs[summary_paragraphs:])
    if body and body[-1].original.startswith(("Các phiên bản được so sánh:", "Versions compared:")):
        body.pop()
    return body


def _write(old: Regulation, new: Regulation, path: Path) -> Path:
    redline = Redline(compare(old, new), Version("A", old.id), Version("B", new.id))
    write_redline_docx(redline, path, load_profile({}), TODAY)
    return path


def _sides(old: Regulation, new: Regulation, tmp: Path, name: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Reject-all and accept-all of the redline, and the same writer's text of each version alone."""
    rejected, accepted = versions(_body(_write(old, new, tmp / f"{name}.docx")))
    plain_old = versions(_body(_write(old, old, tmp / f"{name}-old.docx")))[1]
    plain_new = versions(_body(_write(new, new, tmp / f"{name}-new.docx")))[1]
    return rejected, accepted, plain_old, plain_new


def test_shipped_amendment_accept_all_is_the_draft_and_reject_all_the_text_in_force(
        tmp_workspace: Workspace, tmp_path: Path) -> None:
    redline = rl.build(tmp_workspace, "01-QC/TU")
    out = tmp_path / "redline.docx"
    write_redline_docx(redline, out, load_profile({}), TODAY)
    rejected, accepted = versions(_body(out))
    comparison = redline.comparison
    _, _, plain_old, plain_new = _sides(comparison.old, comparison.new, tmp_path, "shipped")
    assert accepted == plain_new
    assert rejected == plain_old
    assert accepted != rejected
    # Every paragraph of the new text is there, word for word.
    joined = "\n".join(accepted)
    for loc in comparison.new.walk():
        for line in loc.unit.text:
            assert line.removeprefix("- ").removeprefix("+ ") in joined
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    authors = set(re.findall(r'<w:(?:ins|del) [^>]*w:author="([^"]+)"', xml))
    assert authors == {"Dự thảo lần 2 05-QC/TU"}
    assert xml.count("<w:ins ") >= 19 and "<w:delText" in xml
    # The list of changes says what changed in điểm đ, whose end alone changed (điểm e follows it).
    listed = [p.text for p in docx.Document(str(out)).paragraphs if re.match(r"\d+\. ", p.text)]
    assert "3. điểm đ khoản 1 Điều 4: sửa dấu câu cuối" in listed and "5. khoản 2 Điều 5: sửa đổi, bổ sung" in listed


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.data())
def test_accept_all_and_reject_all_give_each_version(tmp_path: Path, data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(["vi", "en"]))
    old = data.draw(regulations(language=language, max_articles=5))
    new = data.draw(regulations(language=language, max_articles=5))
    rejected, accepted, plain_old, plain_new = _sides(old, new, tmp_path, "pair")
    assert accepted == plain_new
    assert rejected == plain_old


_FRONT = ("---\nid: 99-QC/TU\ntype: Quy chế\ntitle: Quy chế thử\nlanguage: vi\nissuer: TỈNH ỦY ĐIỆN BIÊN\n"
          "signed: 2021-01-09\n---\n\n")


def test_a_point_moved_into_an_inserted_article_is_inserted_whole_there(tmp_path: Path) -> None:
    """A point moved, edited, out of a clause the new text drops into an article it inserts was written there with
    its edits inline (its unchanged words plain), so rejecting every change kept those words where the old text has
    none: a Hypothesis example found it (`'a) Kiểm:'` once too often, r41 left). Like any move it is inserted whole
    where it now stands and deleted whole where it stood."""
    from regdraft.core.markdown import parse

    old = parse(_FRONT + "".join(f"{line}\n\n" for line in (
        "## Điều 1. Nhiệm vụ", "1\\. Ban Thường vụ Tỉnh ủy lãnh đạo công tác kiểm tra.",
        "2\\. Thường trực Tỉnh ủy có nhiệm vụ:", "a) Chuẩn bị nội dung các hội nghị;",
        "b) Chỉ đạo công tác văn phòng;", "c) Kiểm tra, giám sát việc thực hiện các nghị quyết của Tỉnh ủy.",
        "## Điều 2. Hiệu lực", "Quy chế này có hiệu lực kể từ ngày ký.")))
    new = parse(_FRONT + "".join(f"{line}\n\n" for line in (
        "## Điều 1. Nhiệm vụ", "1\\. Ban Thường vụ Tỉnh ủy lãnh đạo công tác kiểm tra.",
        "## Điều 1a. Kiểm tra, giám sát", "1\\. Công tác kiểm tra được tiến hành thường xuyên.",
        "2\\. Ủy ban Kiểm tra Tỉnh ủy có nhiệm vụ:", "a) Tham mưu chương trình kiểm tra hằng năm;",
        "a1) Kiểm tra, giám sát việc thực hiện các nghị quyết của Tỉnh ủy",
        "## Điều 2. Hiệu lực", "Quy chế này có hiệu lực kể từ ngày ký.")))
    moved = [p for a in compare(old, new).provisions for c in a.children for p in c.children if p.moved_from]
    assert [str(p.new_address) for p in moved] == ["d1a.k2.a1"]  # the case: a move into an inserted article
    rejected, accepted, plain_old, plain_new = _sides(old, new, tmp_path, "moved")
    assert accepted == plain_new
    assert rejected == plain_old
    assert rejected.count("c) Kiểm tra, giám sát việc thực hiện các nghị quyết của Tỉnh ủy.") == 1


def test_redline_command_writes_docx_and_refuses_table_layout(tmp_workspace: Workspace, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(out)
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--layout", "table", "-o", str(tmp_path / "t.docx"))
    assert result.exit_code == 2 and "tracked changes" in result.output
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "pdf", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and "--format pdf does not match the output file" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_compare_reads_word_files(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import docx

    old_docx, new_docx = tmp_path / "old.docx", tmp_path / "new.docx"
    assert invoke(tmp_workspace, "export", "01-QC/TU", "-o", str(old_docx)).exit_code == 0
    edited = docx.Document(str(old_docx))
    (para,) = [p for p in edited.paragraphs if "Thường lệ ba tháng một lần" in p.text]
    for run in para.runs:
        run.text = run.text.replace("Thường lệ ba tháng một lần", "Thường lệ hai tháng một lần")
    edited.save(str(new_docx))
    result = invoke(None, "compare", str(old_docx), str(new_docx), "-o", str(tmp_path / "c.html"))
    assert result.exit_code == 0, result.output
    assert "(1 change)" in result.output
    page = unsaid((tmp_path / "c.html").read_text(encoding="utf-8"))
    assert re.search(r"<del[^>]*>ba</del>\s*<ins[^>]*>hai</ins>", page)
    result = invoke(None, "compare", str(old_docx), str(old_docx), "-o", str(tmp_path / "same.docx"))
    assert result.exit_code == 0 and "(0 changes)" in result.output


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_word_redline(tmp_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    write_redline_docx(rl.build(tmp_workspace, "01-QC/TU"), out, load_profile({}), TODAY)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    text = " ".join(pdf_text.text(tmp_path / "redline.pdf", " ").split())
    assert "Dự thảo lần 2" in text or "DỰ THẢO" in text
    assert "kế hoạch đầu tư công trung hạn" in text  # an insertion is shown


@pytest.mark.parametrize("case", ["within", "across"])
def test_moved_clauses_accept_to_the_new_text_and_reject_to_the_old(tmp_path: Path, case: str) -> None:
    from regdraft.core.markdown import parse
    from tests.test_diff import MINI, _clause_moved_to_another_article, _first_clause_moved_last

    new = parse(_first_clause_moved_last() if case == "within" else _clause_moved_to_another_article())
    rejected, accepted, plain_old, plain_new = _sides(parse(MINI), new, tmp_path, case)
    assert compare(parse(MINI), new).changes[-1].kind.value == "moved"
    assert accepted == plain_new and rejected == plain_old


_FRONT = ("---\nid: T-1\ntype: Quy chế\ntitle: Thử\nlanguage: vi\nissuer: Tỉnh ủy\nsigned: 2021-01-09\n---\n\n"
          "# Chương I. CHUNG\n\n")
_OLD = _FRONT + ("## Điều 1. Một\n\n1. Khoản một gồm:\n\na) Điểm a;\n\nb) Điểm b.\n\n2. Khoản hai.\n\n"
                 "## Điều 2. Hai\n\nNội dung điều hai.\n")
_NEW = _FRONT + ("## Điều 1. Một\n\n1. Khoản một gồm:\n\na) Điểm a;\n\nb) Điểm b;\n\nc) Điểm c mới;\n\n"
                 "d) Điểm d mới.\n\n"
                 "2. Khoản hai.\n\n3. Khoản ba mới.\n\n## Điều 1a. Mới\n\nNội dung điều mới.\n\n"
                 "## Điều 2. Hai\n\nNội dung điều hai.\n")


def test_inserted_paragraphs_are_marked_as_word_marks_enter_at_the_end_of_the_paragraph_before(tmp_path: Path) -> None:
    """Sweep r26/N: LibreOffice's "Reject all" joined `b) Điểm b.` to `2. Khoản hai.` when the `;` for `.` at b)'s end
    touched the new points marked by their own paragraph marks. Word's form: the mark of the paragraph before the
    block is the inserted one, the block's last mark the original (its old style kept as a property change)."""
    from docx.oxml.ns import qn

    from regdraft.core.markdown import parse

    old, new = parse(_OLD.encode(), "old.md"), parse(_NEW.encode(), "new.md")
    rejected, accepted, plain_old, plain_new = _sides(old, new, tmp_path, "blocks")
    assert accepted == plain_new and rejected == plain_old
    paragraphs = [p._p for p in docx.Document(str(tmp_path / "blocks.docx")).paragraphs]
    text = {id(p): "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs}  # as accepted
    marked = {text[id(p)]: p.find("w:pPr/w:rPr/w:ins", p.nsmap) is not None for p in paragraphs}
    changed_style = {text[id(p)] for p in paragraphs if p.find("w:pPr/w:pPrChange", p.nsmap) is not None}
    assert marked["b) Điểm b;"] and marked["c) Điểm c mới;"] and not marked["d) Điểm d mới."]
    assert marked["2. Khoản hai."] and marked["3. Khoản ba mới."] and marked["Điều 1a. Mới"]
    assert not marked["Nội dung điều mới."] and not marked["a) Điểm a;"]
    assert changed_style == {"Nội dung điều mới."}  # rejected, it is `2. Khoản hai.`'s paragraph: a clause's style
