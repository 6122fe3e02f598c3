"""Word comments and tracked changes that no single provision holds are general comments: a range from the amending
document into the text as amended, and a paragraph mark deleted between two articles, never stop the reply."""

from __future__ import annotations

from pathlib import Path

import pytest

from regdraft.core.comments import GENERAL
from regdraft.core.reply_places import common_address
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_paragraph_marks import _mark

SLUG = "qc-sua-doi-2025"
BODY = "Huyện ủy Mường Chà"
IN_INSTRUCTION = "6. Thực hiện tiếp công dân định kỳ"  # khoản 6 of the new Điều 9, quoted in Điều 1
IN_TEXT_AS_AMENDED = "4. Bí thư chủ trì hội nghị"  # khoản 4 Điều 12 of the text as amended


@pytest.fixture
def copy_docx(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> Path:
    return kit.round_copy(invoke, tmp_workspace, SLUG, tmp_path / "ban-lay-y-kien.docx", BODY)


def test_common_address_of_a_general_place_is_general() -> None:
    assert common_address([GENERAL, "d12.k4"]) == GENERAL
    assert common_address(["d12.k4", GENERAL]) == GENERAL
    assert common_address(["d12.k4", "d12.k1.a"]) == "d12"


def test_a_comment_from_the_amending_document_into_the_text_as_amended_is_general(
        tmp_workspace: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The sweep's reply: "Error: 'general' is not an address", and nothing of the reply imported.
    document = kit.open_docx(copy_docx)
    first = kit.isolate(kit.paragraph_with(document, IN_INSTRUCTION, last=False), "định kỳ")
    last = kit.isolate(kit.paragraph_with(document, IN_TEXT_AS_AMENDED), "Bí thư chủ trì")
    kit.comment(document, first, "Hai chỗ này cần thống nhất.", "Lò Văn Pâng", last=last)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, "Người chủ trì kết luận"), "kết luận từng"),
                "Nhất trí.", "Lò Văn Pâng")
    comments = kit.imported_by_provision(invoke, tmp_workspace, SLUG, kit.save(document, tmp_path / "r.docx"), BODY)
    assert comments[GENERAL]["text"] == "Hai chỗ này cần thống nhất."
    assert comments[GENERAL]["type"] == "general"
    assert comments["d12.k4"]["text"] == "Nhất trí."


def test_a_paragraph_mark_deleted_between_two_articles_is_a_general_comment(
        tmp_workspace: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The last paragraph of Điều 12 joined to Điều 13's heading: no provision holds both.
    document = kit.open_docx(copy_docx)
    _mark(kit.paragraph_with(document, "chậm nhất 10 ngày làm việc sau khi bế mạc")._p, "w:del")
    comments = kit.imported_by_provision(invoke, tmp_workspace, SLUG, kit.save(document, tmp_path / "r.docx"), BODY)
    (c,) = comments.values()
    assert c["provision"] == GENERAL, c
