"""Reject pressed on a clause or point a draft repeals, and on an article it rewrites whole (r42 word42), with the real
amending documents: Nghị định 48/2013 over 63/2010 (`Bãi bỏ Khoản 5 Điều 29.`, `Sửa đổi Điều 5`), Luật 57/2024 over
Luật Đấu thầu 22/2023 (`Bãi bỏ điểm b khoản 1 Điều 79.`). A clause brought back was said as `thay “(được bãi bỏ)”
bằng “…”` and typed editorial; an article rejected whole named a score of `thay “…” bằng “…”`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx.text.paragraph import Paragraph

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_rejected_rewritten import BODY, _rejected, decree, tender

__all__ = ["decree", "tender"]  # the module's fixtures: the same two real redlines, made once a module

# khoản 5 Điều 29 of Nghị định 63/2010, which 48/2013 repeals.
K5 = ("5. Cơ quan kiểm soát thủ tục hành chính thực hiện việc rà soát, đánh giá độc lập thủ tục hành chính thông qua "
      "việc chủ trì tổ chức rà soát, đánh giá thủ tục hành chính hoặc xem xét kết quả rà soát, đánh giá thủ tục hành "
      "chính của Bộ, cơ quan ngang Bộ, Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương.")
# điểm b khoản 1 Điều 79 of Luật Đấu thầu 22/2023, which 57/2024 repeals.
POINT_B = ("b) Quyết định thành lập tổ chuyên gia trong trường hợp bên mời thầu là đơn vị tư vấn được chủ đầu tư lựa "
           "chọn;")
D5 = "Điều 5. Cơ quan, đơn vị kiểm soát thủ tục hành chính"


def _copy(root: Path, tmp_path: Path) -> Workspace:
    return Workspace(Path(shutil.copytree(root, tmp_path / "ws", symlinks=True)))


def _reject_paragraph(root: Path, words: str, out: Path, tags: tuple[str, ...] = ("w:ins", "w:del")) -> Path:
    """The redline with Reject pressed on the paragraph holding `words` (on its changes of `tags`): the draft's
    `(được bãi bỏ)` gone, the words it struck out plain again."""
    document = kit.open_docx(root.parent / "redline.docx")
    kit.rejected(Paragraph(kit.paragraph_holding(document, words), document.part), *tags)
    return kit.save(document, out)


def test_a_repealed_clause_rejected_is_proposed_kept_as_a_substantive_comment(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    ws = _copy(decree, tmp_path)
    reply = _reject_paragraph(decree, "thực hiện việc rà soát, đánh giá độc lập", tmp_path / "tra-loi.docx")
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    # Said as an article rejected whole is: kept, not `thay “(được bãi bỏ)” bằng “…”`; and it is substance.
    assert (c["provision"], c["proposal"], c["type"]) == ("d29.k5", K5, "substantive"), c
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại khoản 5 Điều 29") and c["text"].endswith(
        "Đề nghị giữ nguyên khoản 5 Điều 29 (không bãi bỏ)."), c["text"]
    assert "(được bãi bỏ)" not in c["text"], c["text"]
    again = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output


def test_the_placeholder_alone_rejected_brings_nothing_back_and_keeps_nothing(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Reject on `(được bãi bỏ)` alone, the clause's words left struck out: only `5.` is left, which was proposed kept
    # as the clause's whole wording (accepted, an empty clause).
    ws = _copy(decree, tmp_path)
    reply = _reject_paragraph(decree, "thực hiện việc rà soát, đánh giá độc lập", tmp_path / "t.docx", ("w:ins",))
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert c["provision"] == "d29.k5" and "giữ nguyên" not in c["text"] and c["proposal"].strip() != "5.", c


def test_a_repealed_point_of_the_real_57_2024_rejected_is_proposed_kept(
        tender: Path, tmp_path: Path, invoke: Invoke) -> None:
    ws = _copy(tender, tmp_path)
    reply = _reject_paragraph(tender, "là đơn vị tư vấn được chủ đầu tư lựa chọn", tmp_path / "tra-loi.docx")
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert (c["provision"], c["proposal"], c["type"]) == ("d79.k1.b", POINT_B, "substantive"), c
    assert c["text"].endswith("Đề nghị giữ nguyên điểm b khoản 1 Điều 79 (không bãi bỏ)."), c["text"]


@pytest.mark.parametrize(("which", "words", "provision", "kept", "named"), [
    ("decree", "thực hiện việc rà soát, đánh giá độc lập", "d29.k5", K5, "khoản 5 Điều 29"),
    ("tender", "là đơn vị tư vấn được chủ đầu tư lựa chọn", "d79.k1.b", POINT_B, "điểm b khoản 1 Điều 79"),
], ids=["clause-of-48-2013", "point-of-57-2024"])
def test_the_deletion_alone_rejected_the_placeholder_left_is_proposed_kept_without_it(
        request: pytest.FixtureRequest, tmp_path: Path, invoke: Invoke, which: str, words: str, provision: str,
        kept: str, named: str) -> None:
    # Reject on the repeal's deletion, not on `(được bãi bỏ)`: the words back read `… Trung ương.(được bãi bỏ)`, and
    # that was proposed, the placeholder at the end of the provision kept.
    root: Path = request.getfixturevalue(which)
    ws = _copy(root, tmp_path)
    document = kit.open_docx(root.parent / "redline.docx")
    kit.rejected(Paragraph(kit.paragraph_holding(document, words), document.part), "w:del")
    (c,) = kit.imported_by_provision(invoke, ws, "real", kit.save(document, tmp_path / "t.docx"), BODY).values()
    assert (c["provision"], c["proposal"], c["type"]) == (provision, kept, "substantive"), c
    assert c["text"].endswith(f"Đề nghị giữ nguyên {named} (không bãi bỏ)."), c["text"]


def test_a_whole_rewritten_article_rejected_is_said_as_its_wording_proposed_whole(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    ws = _copy(decree, tmp_path)
    reply = _rejected(decree, D5, 1, 9, tmp_path / "tra-loi.docx")
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    # A score of `thay “…” bằng “…”` was said; now the article as proposed, quoted as an amending document quotes it.
    assert c["provision"] == "d5" and "thay “" not in c["text"] and c["type"] == "substantive", c["text"]
    assert c["text"].endswith(f"Đề nghị sửa Điều 5 như sau:\n“{c['proposal']}”."), c["text"]
    assert c["proposal"].startswith(D5 + "\n1. Cơ quan kiểm soát thủ tục hành chính trực thuộc Văn phòng Chính phủ")


def test_a_rejection_of_few_changes_still_names_them(decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # khoản 2 Điều 26: `Cục Kiểm soát` made `Cơ quan kiểm soát` again, one change, said as it is.
    ws = _copy(decree, tmp_path)
    reply = _reject_paragraph(decree, "có trách nhiệm đăng tải dữ liệu về thủ tục hành chính", tmp_path / "t.docx")
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert c["provision"] == "d26.k2" and "Đề nghị sửa như sau: thay “Cục Kiểm” bằng “Cơ quan kiểm”" in c["text"], c
    assert "như sau: “" not in c["text"] and c["type"] == "substantive", c["text"]


@pytest.mark.parametrize("which", ["repealed-clause", "rewritten-article"])
def test_a_reply_imported_before_r42_is_known_again_not_imported_twice(
        decree: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch, which: str) -> None:
    from regdraft.core import replies, reply_provision

    ws = _copy(decree, tmp_path)
    reply = (_reject_paragraph(decree, "thực hiện việc rà soát, đánh giá độc lập", tmp_path / "tra-loi.docx")
             if which == "repealed-clause" else _rejected(decree, D5, 1, 9, tmp_path / "tra-loi.docx"))
    proposal = reply_provision._proposal
    with monkeypatch.context() as then:  # as r41 said it: words replacing `(được bãi bỏ)`, the changes one by one
        then.setattr(replies, "said_whole", lambda summary, *_: summary)
        then.setattr(replies, "_proposal", lambda *args, undoing=False, **kw: proposal(*args, **kw))
        (was,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert "thay “" in was["text"], was["text"]
    again = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert again.exit_code == 0 and f"was imported before ({was['id']})" in again.output, again.output
