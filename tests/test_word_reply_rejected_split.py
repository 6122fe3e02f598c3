"""Reject pressed on one tracked change of a line the Word redline's word diff split over two paragraphs (r42's
sweep): Nghị định 48/2013 over 63/2010 rewrites khoản 2 Điều 9 (`2. Hồ sơ gửi lấy ý kiến bao gồm:`, one line, made
two) and Điều 15's first paragraph (made two). The redline prints the old line's words in both paragraphs, so
neither paragraph's words before the draft are a line: the old words back in one part were passed over, or said
moved or retyped. Each is now a proposal on its provision, the text as the member left it, as a Reject elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_rejected_rewritten import BODY, decree

__all__ = ["decree"]  # the module's fixture: the real redline, made once a module

NEW_K2 = "Nội dung cho ý kiến về quy định thủ tục hành chính chủ yếu xem xét các vấn đề được quy định tại Điều 7"
SECOND = "Trong trường hợp cần thiết, các cơ quan quy định tại các điểm a, b và c Khoản 1 Điều này tổ chức lấy ý kiến"


def _reject_one(root: Path, holding: str, *words: str, out: Path) -> Path:
    """The redline with Reject pressed on the tracked changes (insertions or deletions of words, marks aside) of the
    paragraph holding `holding` whose words begin with one of `words`, and on nothing else."""
    document = kit.open_docx(root.parent / "redline.docx")
    for change, said in kit.word_changes(kit.paragraph_holding(document, holding)):
        if any(said.startswith(w) for w in words):
            kit.reject_change(change)
    return kit.save(document, out)


def _imported(root: Path, tmp_path: Path, invoke: Invoke, reply: Path) -> dict[str, Any]:
    ws = Workspace(Path(shutil.copytree(root, tmp_path / "ws", symlinks=True)))
    result = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    said = " ".join(result.output.split())
    assert result.exit_code == 0 and "moved or retyped" not in said, said
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    found: dict[str, Any] = c
    assert found["text"].startswith("Từ chối sửa đổi của dự thảo tại"), found["text"]
    return found


def test_the_first_part_of_a_split_line_rejected_is_proposed_with_the_old_words_back_there(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Reject on `[bỏ: Hồ sơ gửi]` and `[bổ sung: Nội dung …]`: the first paragraph reads `2. Hồ sơ gửi`, the second
    # still the draft's. It was passed over without a word.
    reply = _reject_one(decree, NEW_K2, "Hồ sơ gửi", "Nội dung", out=tmp_path / "tra-loi.docx")
    c = _imported(decree, tmp_path, invoke, reply)
    lines = c["proposal"].split("\n")
    assert c["provision"] == "d9.k2" and len(lines) == 2, c
    assert lines[0] == "2. Hồ sơ gửi" and lines[1].startswith(SECOND + " cơ quan, tổ chức có liên quan"), lines


def test_the_second_part_of_a_split_line_rejected_is_proposed_with_the_old_words_back_there(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Reject on `[bổ sung: cơ quan, tổ chức …]` alone in the second paragraph: it was said "moved or retyped".
    reply = _reject_one(decree, SECOND, "cơ quan, tổ chức có liên quan", out=tmp_path / "tra-loi.docx")
    c = _imported(decree, tmp_path, invoke, reply)
    lines = c["proposal"].split("\n")
    assert c["provision"] == "d9.k2" and len(lines) == 2 and lines[0].startswith("2. " + NEW_K2), c
    assert lines[1] == SECOND, lines


def test_a_deletion_in_the_first_part_of_article_15_s_split_line_rejected_is_proposed(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Điều 15: `Quyết định công bố thủ tục hành chính [bỏ: phải được … 10 (mười][bổ sung: của các cơ quan …]`, the old
    # line's `) ngày làm việc …` in the next paragraph. Reject on the deletion: the old words back before the new ones.
    reply = _reject_one(decree, "của các cơ quan quy định tại Khoản 1 Điều 13 của Nghị định này",
                        "phải được ban hành chậm nhất trước 10", out=tmp_path / "tra-loi.docx")
    c = _imported(decree, tmp_path, invoke, reply)
    assert c["provision"] == "d15.intro", c
    assert c["proposal"].split("\n")[0].startswith(
        "Quyết định công bố thủ tục hành chính phải được ban hành chậm nhất trước 10 (mườicủa các cơ quan"), c
