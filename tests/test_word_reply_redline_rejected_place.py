"""Reject pressed on a provision a draft inserts, read where it happened (r40 sweep CG F1, F2): a paragraph missing
from a Word redline's reply is the one whose place in the reply is empty, not the first inserted provision holding
the same words, and a paragraph still there but retyped without Track Changes is no rejection."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import SHARED, Invoke, in_corpus, run_cli

BODY = "Bộ Tư pháp"
# The commonest closing sentence of a Vietnamese law, inserted twice by the draft (khoản 3 Điều 6, khoản 2 Điều 6a)
# and standing three times in Luật Du lịch already.
CLOSING = "Chính phủ quy định chi tiết Điều này."
D6A = ("3\\. " + CLOSING + "\n\n## Điều 6a. Hỗ trợ cộng đồng dân cư làm du lịch\n\n"
       "1\\. Nhà nước hỗ trợ cộng đồng dân cư làm du lịch bằng các hình thức sau đây:\n\n"
       "- đào tạo, bồi dưỡng nghề du lịch;\n\n- vay vốn ưu đãi.\n\n2\\. " + CLOSING + "\n\n")


@pytest.fixture(scope="module")
def tourism(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Luật Du lịch, draft `a2` inserting khoản 3 Điều 6 and Điều 6a (each closing on `CLOSING`), round 1 consulting
    Bộ Tư pháp, and the draft's Word redline beside the workspace."""
    root = tmp_path_factory.mktemp("du-lich") / "ws"
    assert run_cli(None, "init", str(root)).exit_code == 0
    imported = run_cli(root, "import", str(in_corpus(SHARED / "corpus") / "vi" / "luat-du-lich.txt"))
    assert imported.exit_code == 0, imported.output
    (law,) = (root / "regulations").glob("*.md")
    text = law.read_text(encoding="utf-8")
    assert text.count("## Điều 7.") == 1
    edited = root.parent / "edited.md"
    edited.write_text(text.replace("## Điều 7.", D6A + "## Điều 7."), encoding="utf-8")
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


def _closing_of_6a(document: object) -> object:
    """The `w:p` of khoản 2 Điều 6a: the first paragraph holding `CLOSING` after Điều 6a's last dash item."""
    item = kit.paragraph_holding(document, "vay vốn ưu đãi.")
    return next(p for p in item.itersiblings(qn("w:p"))
                if CLOSING in "".join(t.text or "" for t in p.iter(qn("w:t"))))


@pytest.mark.parametrize(("first", "provision", "proposal"), [
    (None, "d6a.k2", "2. (được bãi bỏ)"),
    ("Điều 6a", "d6a", "Điều 6a. (được bãi bỏ)"),
], ids=["its-closing-clause", "the-whole-article"])
def test_an_inserted_provision_rejected_is_the_one_whose_place_is_empty_not_another_with_the_same_words(
        tourism: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, first: str | None, provision: str,
        proposal: str) -> None:
    document = kit.open_docx(tourism.parent / "redline.docx")
    last = _closing_of_6a(document)
    kit.rejected_paragraphs(kit.paragraph_holding(document, first) if first else last, last)
    (c,) = kit.imported_by_provision(invoke, ws, "a2", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    # khoản 3 Điều 6, the member kept, is not proposed repealed; Điều 6a is, whole.
    assert (c["provision"], c["proposal"]) == (provision, proposal), c
    assert c["text"].startswith("Từ chối nội dung bổ sung của dự thảo tại"), c["text"]


def test_a_word_of_an_inserted_provision_retyped_without_track_changes_is_no_rejection(
        tourism: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(tourism.parent / "redline.docx")
    for t in kit.paragraph_holding(document, "vay vốn ưu đãi.").iter(qn("w:t")):
        t.text = (t.text or "").replace("vay vốn", "XYZ")
    result = invoke(ws, "comment", "import", "a2", str(kit.save(document, tmp_path / "tra-loi.docx")), "--by", BODY)
    # The paragraph is there, changed with no tracked change: left as such edits are anywhere, never "muốn bỏ".
    assert "Từ chối" not in result.output and "vay vốn" not in result.output, result.output
    assert not list((ws.root / "amendments" / "a2" / "comments").glob("*.yaml"))


def test_the_redline_of_two_inserted_provisions_with_the_same_words_sent_back_unchanged_holds_nothing(
        tourism: Path, ws: Workspace, invoke: Invoke) -> None:
    result = invoke(ws, "comment", "import", "a2", str(tourism.parent / "redline.docx"), "--by", BODY)
    assert result.exit_code == 1 and "tracked changes in it are the redline's own" in result.output, result.output


def test_a_rejected_clause_beside_a_paragraph_retyped_without_track_changes_is_still_the_rejected_one(
        tourism: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(tourism.parent / "redline.docx")
    last = _closing_of_6a(document)
    kit.rejected_paragraphs(last, last)
    for t in kit.paragraph_holding(document, "vay vốn ưu đãi.").iter(qn("w:t")):
        t.text = (t.text or "").replace("vay vốn", "XYZ")
    (c,) = kit.imported_by_provision(invoke, ws, "a2", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    # The reply holds one paragraph where the draft has two: the one like it stands for the dash item.
    assert (c["provision"], c["proposal"]) == ("d6a.k2", "2. (được bãi bỏ)"), c
