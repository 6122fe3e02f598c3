"""Word replies on dash items (gạch đầu dòng): a tracked change in one dash item and a Word comment on another
item of the same unit are two comments, each on its own item and by its own author; a comment on the item a
reviewer rewrote still carries the proposal (`comment import FILE.docx`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, built_once, copied

BODY = "Ban Tổ chức Tỉnh ủy"
# Khoản 4 Điều 7 of the shipped regulation: a lead-in and three dash items, left as they are by the amendment.
FIRST = "- Chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước;"
SECOND = "- Giữ gìn phẩm chất đạo đức, lối sống; đấu tranh chống chủ nghĩa cá nhân, cơ hội, thực dụng;"
# An amendment of the mini regulation rewriting khoản 1 Điều 3 (a lead-in and two dash items) in quoted text.
MINI_AMENDMENT = """---
number: 02-QC/TU
type: Quy chế
title: Quy chế sửa đổi, bổ sung một số điều của Quy chế thử nghiệm
regulation: MINI-QC
language: vi
status: circulating
draft: 1
issuer: TỈNH ỦY ĐIỆN BIÊN
national: ĐẢNG CỘNG SẢN VIỆT NAM
place: Điện Biên
---

## Điều 1. Sửa đổi, bổ sung một số điều của Quy chế thử nghiệm

1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:

“1. Ban Chấp hành họp thường lệ 2 tháng một lần:

- Hội nghị thường lệ;
- Hội nghị bất thường.”.

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""


def _copy(invoke: Invoke, ws: Workspace, slug: str, out: Path) -> Path:
    result = invoke(ws, "round", "copy", slug, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _import(invoke: Invoke, ws: Workspace, slug: str, reply: Path, *extra: str) -> dict[str, dict[str, Any]]:
    """Import a reply; the comments written, by provision (one each)."""
    return kit.imported_by_provision(invoke, ws, slug, reply, BODY, *extra)


def _changed(copy: Path, paragraph: str, old: str, new: str, author: str = "Lê Văn Cường") -> Any:
    """The review copy opened, with `old` replaced by `new` in `paragraph` as a tracked change by `author`."""
    document = kit.open_docx(copy)
    kit.track_replace(kit.isolate(kit.paragraph_with(document, paragraph), old), new, author)
    return document


@pytest.fixture(scope="session")
def consulting_one(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped workspace in round 1 consulting BODY, with its review copy beside it."""
    return built_once(tmp_path_factory, "consulting-one-ban", kit.consulted("Lấy ý kiến các ban", "2099-03-15", BODY))


@pytest.fixture
def shipped(consulting_one: Path, tmp_path: Path) -> tuple[Workspace, Path]:
    """The shipped workspace in round 1, and its review copy."""
    return copied(consulting_one, tmp_path / "ws"), kit.copy_beside(consulting_one, tmp_path / "copy.docx")


@pytest.fixture
def mini(mini_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> tuple[Workspace, Path]:
    """The mini workspace with an amendment quoting a unit's dash items, in round 1, and its review copy."""
    mini_workspace.commit({"amendments/mini-sua/amendment.md": MINI_AMENDMENT.encode("utf-8")}, "Draft 1")
    rounds.open_round(mini_workspace, "mini-sua", "Lấy ý kiến", "2099-07-15", [BODY])
    return mini_workspace, _copy(invoke, mini_workspace, "mini-sua", tmp_path / "copy.docx")


def test_a_change_in_one_dash_item_and_a_comment_on_another_are_two_comments(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    # Both were put on khoản 4 Điều 7 and merged: the comment's words and author carried the change's proposal,
    # and the change's own description and author were lost.
    ws, copy = shipped
    document = _changed(copy, FIRST, "Chấp hành", "Chấp hành nghiêm")
    second = kit.paragraph_with(document, SECOND)
    kit.comment(document, second.runs[0], "Đề nghị bổ sung “lối sống”.", "Trần Thị Bình", second.runs[-1])
    comments = _import(invoke, ws, "qc-sua-doi-2025", kit.save(document, tmp_path / "reply.docx"))
    assert set(comments) == {"d7.k4.dash1", "d7.k4.dash2"}
    change, said = comments["d7.k4.dash1"], comments["d7.k4.dash2"]
    assert change["author"] == "Lê Văn Cường" and change["type"] == "editorial"
    assert change["anchor"] == FIRST
    assert change["proposal"] == FIRST.replace("Chấp hành", "Chấp hành nghiêm")
    assert change["text"] == "Đề nghị sửa như sau: bổ sung “nghiêm” vào sau “Chấp hành”."
    assert said["author"] == "Trần Thị Bình" and said["text"] == "Đề nghị bổ sung “lối sống”."
    assert said["anchor"] == SECOND and said["selection"] == SECOND
    assert not said["proposal"]


def test_a_comment_on_the_dash_item_a_reviewer_rewrote_carries_the_proposal_and_both_authors(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    ws, copy = shipped
    document = kit.open_docx(copy)
    paragraph = kit.paragraph_with(document, FIRST)
    kit.comment(document, kit.isolate(paragraph, "pháp luật của Nhà nước"), "Đề nghị nêu rõ.", "Trần Thị Bình")
    kit.track_replace(kit.isolate(paragraph, "Chấp hành"), "Chấp hành nghiêm", "Lê Văn Cường")
    (c,) = _import(invoke, ws, "qc-sua-doi-2025", kit.save(document, tmp_path / "reply.docx")).values()
    assert c["provision"] == "d7.k4.dash1"
    assert c["text"] == "Đề nghị nêu rõ." and c["selection"] == "pháp luật của Nhà nước"
    assert c["proposal"] == FIRST.replace("Chấp hành", "Chấp hành nghiêm")
    assert c["author"] == "Trần Thị Bình, Lê Văn Cường"


def test_changes_in_two_dash_items_stay_one_proposal_on_their_unit(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    ws, copy = shipped
    document = _changed(copy, FIRST, "Chấp hành", "Chấp hành nghiêm", "A")
    kit.track_replace(kit.isolate(kit.paragraph_with(document, SECOND), "Giữ gìn"), "Rèn luyện", "A")
    (c,) = _import(invoke, ws, "qc-sua-doi-2025", kit.save(document, tmp_path / "reply.docx")).values()
    assert c["provision"] == "d7.k4"
    assert "- Chấp hành nghiêm đường lối" in c["proposal"] and "- Rèn luyện phẩm chất" in c["proposal"]


def test_a_comment_in_the_amending_document_and_a_change_in_the_text_as_amended_on_two_dash_items(
        mini: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    # Luật Giáo dục (gd-2025): one comment on điểm a khoản 2 Điều 6, whose selection kept the closing `”;`.
    ws, copy = mini
    document = kit.open_docx(copy)
    quoted = kit.paragraph_with(document, "- Hội nghị bất thường.", last=False)
    assert quoted.text.endswith("”.")
    kit.comment(document, quoted.runs[0], "Đề nghị nêu rõ ai triệu tập.", "Nguyễn Văn B", quoted.runs[-1])
    kit.track_insert_after(kit.isolate(kit.paragraph_with(document, "- Hội nghị thường lệ"), "thường lệ"),
                           " mở rộng", "Chuyên viên Ban Tổ chức")
    comments = _import(invoke, ws, "mini-sua", kit.save(document, tmp_path / "reply.docx"))
    assert set(comments) == {"d3.k1.dash1", "d3.k1.dash2"}
    change, said = comments["d3.k1.dash1"], comments["d3.k1.dash2"]
    assert change["proposal"] == "- Hội nghị thường lệ mở rộng;"
    assert change["author"] == "Chuyên viên Ban Tổ chức"
    assert change["text"] == "Đề nghị sửa như sau: bổ sung “mở rộng” vào sau “thường lệ”."
    assert said["author"] == "Nguyễn Văn B" and said["text"] == "Đề nghị nêu rõ ai triệu tập."
    assert said["selection"] == "- Hội nghị bất thường."
    assert said["anchor"] == "- Hội nghị bất thường."


def test_a_comment_across_two_dash_items_is_on_their_unit(mini: tuple[Workspace, Path], invoke: Invoke,
                                                          tmp_path: Path) -> None:
    ws, copy = mini
    document = kit.open_docx(copy)
    first = kit.paragraph_with(document, "- Hội nghị thường lệ")
    last = kit.paragraph_with(document, "- Hội nghị bất thường.")
    kit.comment(document, first.runs[0], "Đề nghị gộp.", "B", last.runs[-1])
    (c,) = _import(invoke, ws, "mini-sua", kit.save(document, tmp_path / "reply.docx")).values()
    assert c["provision"] == "d3.k1"
    assert c["selection"] == "- Hội nghị thường lệ;\n- Hội nghị bất thường."


def test_the_office_accepts_a_proposal_on_one_dash_item_into_the_draft(
        shipped: tuple[Workspace, Path], invoke: Invoke, tmp_path: Path) -> None:
    # A reply's change inside one dash item is proposed on that item; accepting it was refused with "already the
    # text of gạch đầu dòng thứ nhất …" (the proposal was read as the whole clause).
    from regdraft.workspace.proposals import accept_proposal
    from regdraft.workspace.rounds import draft_text

    ws, copy = shipped
    document = _changed(copy, FIRST, "Chấp hành", "Chấp hành nghiêm")
    comments = _import(invoke, ws, "qc-sua-doi-2025", kit.save(document, tmp_path / "reply.docx"))
    change = comments["d7.k4.dash1"]
    accepted = accept_proposal(ws, "qc-sua-doi-2025", change["id"])  # the review server's Accept button
    assert accepted.commit
    clause = draft_text(ws, "qc-sua-doi-2025").find("d7.k4").unit
    assert FIRST.replace("Chấp hành", "Chấp hành nghiêm") in clause.text
    assert SECOND in clause.text and len(clause.text) == 4  # the lead-in and the three items, the others as they were
    amendment = (ws.root / "amendments" / "qc-sua-doi-2025" / "amendment.md").read_text(encoding="utf-8")
    assert "gạch đầu dòng thứ nhất khoản 4 Điều 7" in amendment
    # The wording is in the draft: answering the comment 'rejected' would say it was not taken in.
    from regdraft.core.errors import Worded
    from regdraft.workspace.rounds import respond_comment

    with pytest.raises(Worded, match="still holds it"):
        respond_comment(ws, change["id"], "rejected", "Không tiếp thu.", "qc-sua-doi-2025")


def test_a_change_of_a_capital_alone_is_a_proposal_not_dropped(shipped: tuple[Workspace, Path], invoke: Invoke,
                                                                tmp_path: Path) -> None:
    # `Nhà nước` (the State) for `nhà nước` is a change of meaning; a reply making only it imported nothing.
    ws, copy = shipped
    document = _changed(copy, FIRST, "Nhà nước", "nhà nước")
    comments = _import(invoke, ws, "qc-sua-doi-2025", kit.save(document, tmp_path / "reply.docx"))
    assert comments["d7.k4.dash1"]["proposal"] == FIRST.replace("Nhà nước", "nhà nước")


def test_a_word_comment_whose_words_were_deleted_is_kept_not_dropped(shipped: tuple[Workspace, Path],
                                                                     invoke: Invoke, tmp_path: Path) -> None:
    # A reviewer who deleted the words a comment was on (its range and reference went with them) lost the comment.
    from docx.oxml.ns import qn

    ws, copy = shipped
    document = kit.open_docx(copy)
    second = kit.paragraph_with(document, SECOND)
    kit.comment(document, second.runs[0], "Đề nghị giữ ý này.", "Trần Thị Bình", second.runs[-1])
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        for mark in list(document.element.body.iter(qn(tag))):
            mark.getparent().remove(mark)
    reply = kit.save(document, tmp_path / "reply.docx")
    refused = invoke(ws, "comment", "import", "qc-sua-doi-2025", str(reply), "--by", BODY)
    assert refused.exit_code != 0 and "Đề nghị giữ ý này." in refused.output, refused.output
    assert "the words it was on were deleted" in refused.output
    comments = _import(invoke, ws, "qc-sua-doi-2025", reply, "--place-unplaced", "general")
    assert comments["general"]["text"] == "Đề nghị giữ ý này." and comments["general"]["author"] == "Trần Thị Bình"
