"""Reject pressed on a whole article a draft repeals (r41 word41): Luật Du lịch with a draft repealing Điều 7, two
clauses and five points, which a Word redline prints as its heading's title struck out with `(được bãi bỏ)` inserted
and each clause and point struck out whole. Rejected, they are all back as plain text; the proposal restored only the
heading's title (with no `Điều 7.`, so it could not even be accepted). It keeps the whole article as it stood."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import SHARED, Invoke, in_corpus, run_cli

BODY = "Bộ Tư pháp"
HEADING = "Điều 7. Tổ chức xã hội - nghề nghiệp về du lịch"
K1 = "1. Tổ chức xã hội - nghề nghiệp về du lịch được thành lập và hoạt động theo quy định của pháp luật về hội."
POINT_D = "d) Tổ chức triển khai việc thực hiện quy tắc đạo đức nghề nghiệp"
POINT_DD = ("đ) Phát hiện và kiến nghị với cơ quan nhà nước có thẩm quyền xử lý vi phạm pháp luật về du lịch, bảo vệ "
            "môi trường.")


@pytest.fixture(scope="module")
def tourism(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Luật Du lịch, draft `a2` repealing Điều 7 whole, round 1 consulting Bộ Tư pháp, and the draft's Word redline
    beside the workspace."""
    root = tmp_path_factory.mktemp("du-lich") / "ws"
    assert run_cli(None, "init", str(root)).exit_code == 0
    imported = run_cli(root, "import", str(in_corpus(SHARED / "corpus") / "vi" / "luat-du-lich.txt"))
    assert imported.exit_code == 0, imported.output
    (law,) = (root / "regulations").glob("*.md")
    text = law.read_text(encoding="utf-8")
    edited = root.parent / "edited.md"
    repealed = "## Điều 7. (được bãi bỏ)\n\n"
    edited.write_text(text[:text.index("## Điều 7.")] + repealed + text[text.index("## Điều 8."):], encoding="utf-8")
    for step in (("amend", "from-edits", "a2", "--edited", str(edited), "-r", "09/2017/QH14"),
                 ("round", "open", "a2", "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", BODY),
                 ("redline", "09/2017/QH14", "--amendment", "a2", "--format", "docx",
                  "-o", str(root.parent / "redline.docx"))):
        result = run_cli(root, *step)
        assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def ws(tourism: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield Workspace(Path(shutil.copytree(tourism, tmp_path / "ws", symlinks=True)))


def reject_deleted(document: Any, p: Any) -> None:
    """Word's Reject pressed on a paragraph a redline strikes out whole: its words plain again, its mark kept."""
    kit.rejected(Paragraph(p, document.part), "w:ins", "w:del")
    mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    for change in list(mark) if mark is not None else ():
        if change.tag in (qn("w:del"), qn("w:ins")):
            mark.remove(change)


def _article(document: Any) -> list[Any]:
    """The `w:p`s of Điều 7 in the redline: its heading, then its clauses' and points' (seven)."""
    heading = kit.paragraph_holding(document, "Điều 7.")
    return [heading, *list(heading.itersiblings(qn("w:p")))[:7]]


def test_a_repealed_article_rejected_whole_is_a_proposal_keeping_every_clause_and_point(
        tourism: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(tourism.parent / "redline.docx")
    for p in _article(document):
        reject_deleted(document, p)
    (c,) = kit.imported_by_provision(invoke, ws, "a2", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    lines = c["proposal"].split("\n")
    assert c["provision"] == "d7" and lines[:2] == [HEADING, K1] and len(lines) == 8, c["proposal"]
    assert lines[-1] == POINT_DD and lines[-2].startswith(POINT_D)
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại Điều 7") and "giữ nguyên Điều 7" in c["text"]
    from regdraft.workspace.proposals import accept_proposal

    accept_proposal(ws, "a2", c["id"])
    # Accepted, the draft repeals nothing: Điều 7 stands as it did.
    assert "Bãi bỏ" not in (ws.root / "amendments" / "a2" / "amendment.md").read_text(encoding="utf-8")


def test_a_repealed_article_whose_heading_and_first_clause_alone_are_rejected_keeps_those_alone(
        tourism: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(tourism.parent / "redline.docx")
    for p in _article(document)[:2]:
        reject_deleted(document, p)
    (c,) = kit.imported_by_provision(invoke, ws, "a2", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    # The clause and points the member left struck out are not proposed back: only what they rejected.
    assert (c["provision"], c["proposal"]) == ("d7", f"{HEADING}\n{K1}"), c


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Luật Đấu thầu 22/2023, draft `a39` repealing Điều 39 whole (nine clauses, points, and khoản 2's closing text
    after its points), round 1 consulting Bộ Tư pháp, and the draft's Word redline beside the workspace."""
    root = tmp_path_factory.mktemp("dau-thau") / "ws"
    assert run_cli(None, "init", str(root)).exit_code == 0
    folder = in_corpus(SHARED / "corpus") / "amendments" / "luat-dau-thau-2023"
    assert run_cli(root, "import", str(folder / "base-22-2023-QH15.txt")).exit_code == 0
    (law,) = (root / "regulations").glob("*.md")
    text = law.read_text(encoding="utf-8")
    edited = root.parent / "edited.md"
    repealed = "## Điều 39. (được bãi bỏ)\n\n"
    edited.write_text(text[:text.index("## Điều 39.")] + repealed + text[text.index("## Điều 40."):], encoding="utf-8")
    for step in (("amend", "from-edits", "a39", "--edited", str(edited), "-r", "22/2023/QH15"),
                 ("round", "open", "a39", "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", BODY),
                 ("redline", "22/2023/QH15", "--amendment", "a39", "--format", "docx",
                  "-o", str(root.parent / "redline.docx"))):
        result = run_cli(root, *step)
        assert result.exit_code == 0, result.output
    return root


def test_a_repealed_article_with_a_closing_text_rejected_whole_keeps_it_where_it_stood(
        tender: Path, tmp_path: Path, invoke: Invoke) -> None:
    ws = Workspace(Path(shutil.copytree(tender, tmp_path / "ws", symlinks=True)))
    document = kit.open_docx(tender.parent / "redline.docx")
    heading = kit.paragraph_holding(document, "Điều 39.")
    for p in [heading, *heading.itersiblings(qn("w:p"))]:
        if "Điều 40." in "".join(t.text or "" for t in p.iter(qn("w:t"))):
            break
        reject_deleted(document, p)
    (c,) = kit.imported_by_provision(invoke, ws, "a39", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    lines = c["proposal"].split("\n")
    # Every paragraph of the article, khoản 2's closing text after its points c) (as the redline prints it).
    assert (c["provision"], lines[0], lines[-1]) == ("d39", "Điều 39. Nội dung kế hoạch lựa chọn nhà thầu",
                                                     "9. Giám sát hoạt động đấu thầu (nếu có)."), c["proposal"]
    assert len(lines) == 25 and lines[7].startswith("Chính phủ quy định chi tiết về nội dung giá gói thầu"), lines
