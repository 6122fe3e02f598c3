"""Reject pressed on a Word redline's own change (`regdraft redline … --format docx`): the member wants the draft's
change undone there. Word records no rejection (an insertion rejected is gone, a deletion rejected plain text again),
so the paragraph read as no paragraph of the draft and was passed over unsaid (r39 word39): a reply holding only that
was refused as holding "no tracked changes". It is a proposal on the provision, the words as the member left them,
its comment saying the draft's change is rejected there."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

BODY = "Bộ Tư pháp"
# khoản 2 Điều 26 of Nghị định 63/2010, which Nghị định 48/2013 rewords (`Cơ quan kiểm soát thủ tục hành chính` made
# `Cục Kiểm soát thủ tục hành chính`).
K2 = "có trách nhiệm đăng tải dữ liệu về thủ tục hành chính"
OLD, NEW = "Cơ quan kiểm soát thủ tục hành chính", "Cục Kiểm soát thủ tục hành chính"


@pytest.fixture(scope="module")
def decree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Nghị định 63/2010 with its real amendment, Nghị định 48/2013, as draft 1 of `real`, round 1 consulting Bộ Tư
    pháp, and the Word redline of the draft beside the workspace."""
    return kit.decree_48_redline(tmp_path_factory.mktemp("nd48") / "ws", BODY)


@pytest.fixture
def ws(decree: Path, tmp_path: Path) -> Iterator[Workspace]:
    yield Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))


def _rejecting(decree: Path, out: Path, *tags: str) -> Path:
    document = kit.open_docx(decree.parent / "redline.docx")
    kit.rejected(kit.paragraph_with(document, K2), *tags)
    return kit.save(document, out)


@pytest.mark.parametrize(("tags", "kept", "said"), [
    (("w:ins", "w:del"), OLD, f"thay “Cục Kiểm” bằng “{OLD[:12]}”"),
    (("w:ins",), "", f"bỏ “{NEW}”"),
], ids=["both", "insertion"])
def test_a_change_of_the_real_amendment_rejected_in_the_redline_is_a_proposal_undoing_it(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, tags: tuple[str, ...], kept: str,
        said: str) -> None:
    reply = _rejecting(decree, tmp_path / "tra-loi.docx", *tags)
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert c["provision"] == "d26.k2"
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại khoản 2 Điều 26 trong bản so sánh (muốn giữ từ ngữ "
                                "như trước khi sửa ở đó).") and said in c["text"], c["text"]
    assert c["proposal"].startswith(f"2. {kept} {K2}".replace("  ", " ")) and NEW not in c["proposal"]
    again = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output


def test_the_real_redline_sent_back_unchanged_holds_nothing_rejected(decree: Path, ws: Workspace,
                                                                    invoke: Invoke) -> None:
    # Where the redline joins or splits paragraphs (khoản 1 Điều 5), a paragraph is part of a line: not read as one.
    result = invoke(ws, "comment", "import", "real", str(decree.parent / "redline.docx"), "--by", BODY)
    assert result.exit_code == 1 and "tracked changes in it are the redline's own" in result.output, result.output


SLUG = "qc-sua-doi-2025"
# điểm b khoản 1 Điều 12 of 01-QC/TU in force; the shipped draft makes `trên một phần ba` `ít nhất một phần ba`.
POINT_B = ("Bất thường khi cần thiết theo quyết định của Ban Thường vụ Tỉnh ủy hoặc khi có trên một phần ba tổng số "
           "Tỉnh ủy viên đề nghị;")


def test_a_change_of_the_shipped_draft_rejected_in_the_redline_is_a_proposal_keeping_the_words_in_force(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = tmp_workspace
    opened = invoke(ws, "round", "open", SLUG, "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", BODY)
    assert opened.exit_code == 0, opened.output
    red = tmp_path / "ban-so-sanh.docx"
    assert invoke(ws, "redline", "01-QC/TU", "--amendment", SLUG, "-o", str(red)).exit_code == 0
    document = kit.open_docx(red)
    kit.rejected(kit.paragraph_with(document, "Bất thường khi cần thiết"), "w:ins", "w:del")
    (c,) = kit.imported_by_provision(invoke, ws, SLUG, kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert (c["provision"], c["proposal"]) == ("d12.k1.b", f"b) {POINT_B}")
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại điểm b khoản 1 Điều 12") and "“trên”" in c["text"]


# Điều 35a, which Nghị định 48/2013 inserts whole (its heading, two clauses and their points: paragraphs the redline
# inserts, each mark tracked), and khoản 5 Điều 29, which it repeals (its words struck out, `(được bãi bỏ)` inserted).
D35A = "Kiểm tra việc thực hiện hoạt động kiểm soát thủ tục hành chính"
D35A_LAST = "Nội dung khác theo yêu cầu của Bộ Tư pháp."
K5_D29 = ("Cơ quan kiểm soát thủ tục hành chính thực hiện việc rà soát, đánh giá độc lập thủ tục hành chính thông qua "
          "việc chủ trì tổ chức rà soát")


@pytest.mark.parametrize("keep_mark", [False, True], ids=["paragraphs-gone", "last-mark-left"])
def test_an_article_the_real_amendment_inserts_rejected_in_the_redline_is_a_proposal_leaving_it_out(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, keep_mark: bool) -> None:
    document = kit.open_docx(decree.parent / "redline.docx")
    kit.rejected_paragraphs(kit.paragraph_holding(document, "Điều 35a"),
                            kit.paragraph_holding(document, D35A_LAST), keep_mark)
    reply = kit.save(document, tmp_path / "tra-loi.docx")
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert (c["provision"], c["proposal"]) == ("d35a", "Điều 35a. (được bãi bỏ)")
    assert c["text"].startswith("Từ chối nội dung bổ sung của dự thảo tại Điều 35a trong bản so sánh"), c["text"]
    # Left out, not repealed: no text in force holds Điều 35a (r43 said `Đề nghị bãi bỏ Điều 35a.`).
    assert c["text"].rstrip().endswith("Đề nghị không bổ sung Điều 35a."), c["text"]
    again = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert again.exit_code == 0 and "Nothing imported" in again.output, again.output
    if keep_mark:
        return
    # Accepted, the draft no longer inserts it: its instruction is gone, not made a repeal of what no text holds. The
    # real 48/2013 stands here for a draft: its signing date cleared, or it is an issued text, whose instructions keep
    # their numbers and are not taken out (a correction is a new amending document).
    from regdraft.workspace.proposals import accept_proposal

    source = ws.root / "amendments" / "real" / "amendment.md"
    text = source.read_text(encoding="utf-8")
    signed = next(line for line in text.splitlines() if line.startswith("signed:"))
    ws.commit({"amendments/real/amendment.md": text.replace(signed, "signed: null", 1).encode()}, "Unsigned draft")
    accept_proposal(ws, "real", c["id"])
    amendment = (ws.root / "amendments" / "real" / "amendment.md").read_text(encoding="utf-8")
    assert "Điều 35a" not in amendment and "Điều 35:" not in amendment.split("Bổ sung")[-1]


def test_a_point_of_an_inserted_article_rejected_is_a_proposal_leaving_that_point_out(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(decree.parent / "redline.docx")
    point = kit.paragraph_holding(document, "Công tác rà soát, đánh giá thủ tục hành chính;")
    kit.rejected_paragraphs(point, point)
    (c,) = kit.imported_by_provision(invoke, ws, "real", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert (c["provision"], c["proposal"]) == ("d35a.k2.d", "d) (được bãi bỏ)")
    assert c["text"].startswith("Từ chối nội dung bổ sung của dự thảo tại điểm d khoản 2 Điều 35a"), c["text"]
    assert c["text"].rstrip().endswith("Đề nghị không bổ sung điểm d khoản 2 Điều 35a."), c["text"]


def test_an_inserted_article_left_out_imported_by_r43_is_known_again_not_imported_twice(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.core import replies

    document = kit.open_docx(decree.parent / "redline.docx")
    kit.rejected_paragraphs(kit.paragraph_holding(document, "Điều 35a"), kit.paragraph_holding(document, D35A_LAST))
    reply = kit.save(document, tmp_path / "tra-loi.docx")
    with monkeypatch.context() as then:  # as r43 said it: `Đề nghị bãi bỏ Điều 35a.`
        then.setattr(replies, "said_left_out", lambda summary, *_: summary)
        (was,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert "Đề nghị bãi bỏ Điều 35a" in was["text"], was["text"]
    again = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert again.exit_code == 0 and f"was imported before ({was['id']})" in again.output, again.output


def test_a_clause_the_real_amendment_repeals_rejected_in_the_redline_is_a_proposal_keeping_it(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(decree.parent / "redline.docx")
    kit.rejected(Paragraph(kit.paragraph_holding(document, K5_D29), document.part), "w:ins", "w:del")
    (c,) = kit.imported_by_provision(invoke, ws, "real", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert c["provision"] == "d29.k5" and c["proposal"].startswith(f"5. {K5_D29}"), c
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại khoản 5 Điều 29 trong bản so sánh"), c["text"]


def test_a_rejected_change_and_a_typed_one_in_the_same_clause_are_one_proposal(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(decree.parent / "redline.docx")
    paragraph = kit.paragraph_with(document, K2)
    kit.rejected(paragraph, "w:ins", "w:del")
    kit.track_replace(kit.isolate(paragraph, "đăng tải"), "công bố", "An")
    (c,) = kit.imported_by_provision(invoke, ws, "real", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert c["provision"] == "d26.k2" and c["author"] == "An"
    assert c["proposal"].startswith(f"2. {OLD} {K2.replace('đăng tải', 'công bố')}"), c["proposal"]
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại khoản 2 Điều 26") and "“công bố”" in c["text"]


def test_an_inserted_point_rejected_and_a_word_typed_in_the_next_are_both_proposed(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(decree.parent / "redline.docx")
    point = kit.paragraph_holding(document, "Công tác rà soát, đánh giá thủ tục hành chính;")
    kit.rejected_paragraphs(point, point)
    typed = kit.paragraph_holding(document, "Công tác tiếp nhận, xử lý phản ánh")
    kit.track_insert_after(Run(list(typed.iter(qn("w:r")))[-1], document.part), " kịp thời", "An")
    found = kit.imported_by_provision(invoke, ws, "real", kit.save(document, tmp_path / "tra-loi.docx"), BODY)
    proposals = "\n".join(c["proposal"] for c in found.values())
    assert "Công tác rà soát, đánh giá thủ tục hành chính;" not in proposals and "kịp thời" in proposals, found
    assert any(c["text"].startswith("Từ chối nội dung bổ sung") for c in found.values()), found


def _retyped_as_before(paragraph: Paragraph, words: str | None = None) -> None:
    """The redline's inserted words of `paragraph` deleted and, with Track Changes off, the words it strikes out
    typed again in their place (or `words`): the struck words left struck, as a member undoing the draft's change by
    hand leaves them."""
    for inserted in [e for e in paragraph._p.iter(qn("w:ins")) if e.getparent().tag != qn("w:rPr")]:
        struck = inserted.getprevious()
        typed = words if words is not None else "".join(t.text or "" for t in struck.iter(qn("w:delText")))
        run = next(inserted.iter(qn("w:r")))
        next(run.iter(qn("w:t"))).text = typed
        inserted.addprevious(run)
        inserted.getparent().remove(inserted)


def test_the_drafts_words_retyped_untracked_as_they_were_before_are_a_rejection(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Read as the paragraph now is, it is khoản 2 Điều 26 before the draft: it was missed (the reply "holds no Word
    # comments and no tracked changes"), as the struck words left struck read as no text before the draft.
    document = kit.open_docx(decree.parent / "redline.docx")
    _retyped_as_before(kit.paragraph_with(document, K2))
    (c,) = kit.imported_by_provision(invoke, ws, "real", kit.save(document, tmp_path / "tra-loi.docx"), BODY).values()
    assert c["provision"] == "d26.k2" and c["proposal"].startswith(f"2. {OLD} {K2}"), c
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại khoản 2 Điều 26 trong bản so sánh"), c["text"]


def test_the_drafts_words_retyped_untracked_otherwise_are_no_rejection(
        decree: Path, ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # Like the text before (`Cơ quan quản lý kiểm soát`), not it: an edit without Track Changes, left as such edits are.
    document = kit.open_docx(decree.parent / "redline.docx")
    paragraph = kit.paragraph_with(document, K2)
    struck = "".join(t.text or "" for t in paragraph._p.iter(qn("w:delText")))
    _retyped_as_before(paragraph, struck.replace("Cơ quan", "Cơ quan quản lý"))
    result = invoke(ws, "comment", "import", "real", str(kit.save(document, tmp_path / "tra-loi.docx")), "--by", BODY)
    assert result.exit_code == 1 and "tracked changes in it are the redline's own" in result.output, result.output
