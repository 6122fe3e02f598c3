"""Reject pressed on a label of a Word redline's own change alone (`g)` the draft gives an inserted point, `5.` of a
clause it leaves out, the old `2.` of a clause it renumbers `3.`), its words not: the import passed over it unsaid (r43
reply sweep: 45 of 48/2013's 229 changes, 72 of 57/2024's 206). A label follows from the provision's place, and a
label without its words is no wording: nothing is proposed, and a note names it (`reply_label_rejected`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

BODY = "Bộ Tư pháp"


@pytest.fixture(scope="module")
def decree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nghị định 63/2010 with its real amendment, Nghị định 48/2013, as draft 1 of `real`, round 1 consulting Bộ Tư
    pháp, and the Word redline of the draft beside the workspace."""
    return kit.decree_48_redline(tmp_path_factory.mktemp("nd48") / "ws", BODY)


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Luật Đấu thầu 22/2023 with its real amendment, Luật 57/2024, and the Word redline of the draft."""
    return kit.amended_redline(tmp_path_factory.mktemp("dt57") / "ws", BODY, "luat-dau-thau-2023",
                               "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt", "22/2023/QH15")


def _label_rejected(decree: Path, out: Path, holding: str, label: str) -> Path:
    """The real redline with Reject pressed on the change of `label` alone in the paragraph holding `holding`."""
    document = kit.open_docx(decree.parent / "redline.docx")
    (change,) = [c for c, said in kit.word_changes(kit.paragraph_holding(document, holding)) if said == label]
    kit.reject_change(change)
    return kit.save(document, out)


@pytest.mark.parametrize(("holding", "label", "said"), [
    ("Công tác truyền thông hỗ trợ hoạt động kiểm soát", "g)",
     "the label “g)” the draft gives điểm g khoản 3 Điều 35 was rejected alone"),
    ("Điều 35a", "Điều 35a",
     "the label “Điều 35a.” the draft gives Điều 35a was rejected alone"),
    ("Bộ Tư pháp chịu trách nhiệm theo dõi, đôn đốc", "2.",
     "the old label “2.” of khoản 3 Điều 31 was kept beside the draft's “3.”"),
    ("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ chủ trì", "5.",
     "the label “5.” of khoản 5 Điều 5 as it stood before the draft, which the draft leaves out, was kept alone"),
], ids=["inserted-point", "inserted-article", "renumbered", "left-out"])
def test_a_label_rejected_alone_in_the_real_redline_is_named_not_passed_over(
        decree: Path, tmp_path: Path, invoke: Invoke, holding: str, label: str, said: str) -> None:
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    reply = _label_rejected(decree, tmp_path / "tra-loi.docx", holding, label)
    result = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert said in " ".join(result.output.split()), result.output
    assert "Đề nghị" not in result.output, result.output


def test_the_real_redline_sent_back_unchanged_names_no_label(decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Where the redline splits a line (khoản 1 Điều 5: `1.` stands with the old words, the new ones in the paragraph
    # after it, unlabelled), the label is the line's all the same: no label was rejected.
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    result = invoke(ws, "comment", "import", "real", str(decree.parent / "redline.docx"), "--by", BODY)
    assert "label" not in result.output, result.output


def test_a_label_the_real_tender_law_amendment_inserts_rejected_alone_is_named(tender: Path, tmp_path: Path,
                                                                                invoke: Invoke) -> None:
    ws = Workspace(Path(shutil.copytree(tender, tmp_path / "ws", symlinks=True)))
    reply = _label_rejected(tender, tmp_path / "tra-loi.docx", "Công ty mẹ, công ty con, công ty thành viên", "4a.")
    result = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert "the label “4a.” the draft gives khoản 4a Điều 6 was rejected alone" in " ".join(result.output.split()), \
        result.output


def test_the_real_tender_law_redline_sent_back_unchanged_names_no_label(tender: Path, tmp_path: Path,
                                                                        invoke: Invoke) -> None:
    # A chapter's title printed unchanged (`QUY TRÌNH, THỦ TỤC LỰA CHỌN NHÀ THẦU`) reads as Điều 43's title: no label.
    ws = Workspace(Path(shutil.copytree(tender, tmp_path / "ws", symlinks=True)))
    result = invoke(ws, "comment", "import", "real", str(tender.parent / "redline.docx"), "--by", BODY)
    assert "label" not in result.output, result.output
