"""Reject pressed inside an article an amending document rewrites whole (r41 sweep CK F2): Nghị định 63/2010 with the
real 48/2013 (`Sửa đổi Điều 5 như sau:`, `Sửa đổi, bổ sung Điều 31`), and Luật Đấu thầu 22/2023 with the real 57/2024
(Điều 29). The Word redline prints such an article as a word diff across its paragraphs, old and new interleaved: a
clause rewritten into two paragraphs, a clause or points the rewrite leaves out struck out whole, a paragraph inserted
among the rewritten ones. Rejected, they were read as no line of either text: the import said the reply held "no
Word comments and no tracked changes", or kept two clauses of five. Each is now a proposal on its provision."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke

BODY = "Bộ Tư pháp"


@pytest.fixture(scope="module")
def decree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kit.decree_48_redline(tmp_path_factory.mktemp("nd48") / "ws", BODY)


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kit.amended_redline(tmp_path_factory.mktemp("dt57") / "ws", BODY, "luat-dau-thau-2023",
                               "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt", "22/2023/QH15")


def _plain(p: Any) -> None:
    """Reject on a paragraph's words: its insertions gone, its deletions plain text again."""
    for change in list(p.iter(qn("w:ins"))):
        if change.getparent().tag != qn("w:rPr"):
            change.getparent().remove(change)
    for change in list(p.iter(qn("w:del"))):
        if change.getparent().tag == qn("w:rPr"):
            continue
        for t in change.iter(qn("w:delText")):
            t.tag = qn("w:t")
        for child in list(change):
            change.addprevious(child)
        change.getparent().remove(change)


def _rejected(root: Path, heading: str, first: int, last: int, out: Path, marks: bool = True) -> Path:
    """The redline with Reject pressed on the paragraphs `first` to `last` after the one holding `heading` (their
    marks included, as Word does: an inserted mark rejected joins its paragraph to the next; without `marks`, on each
    paragraph's words alone)."""
    document = kit.open_docx(root.parent / "redline.docx")
    start = kit.paragraph_holding(document, heading)
    run = [start, *start.itersiblings(qn("w:p"))][first:last + 1]
    for p in run:
        _plain(p)
    for p in reversed(run) if marks else ():
        properties = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        for mark in list(properties) if properties is not None else ():
            if mark.tag in (qn("w:del"), qn("w:ins")):
                properties.remove(mark)
            if mark.tag == qn("w:ins") and (after := p.getnext()) is not None and after.tag == qn("w:p"):
                for child in list(after):
                    if child.tag != qn("w:pPr"):
                        p.append(child)
                after.getparent().remove(after)
    return kit.save(document, out)


def _proposal(root: Path, tmp_path: Path, invoke: Invoke, heading: str, first: int, last: int,
              marks: bool = True) -> tuple[str, list[str]]:
    ws = Workspace(Path(shutil.copytree(root, tmp_path / "ws", symlinks=True)))
    reply = _rejected(root, heading, first, last, tmp_path / "tra-loi.docx", marks)
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại"), c["text"]
    return c["provision"], c["proposal"].split("\n")


D5 = "Điều 5. Cơ quan, đơn vị kiểm soát thủ tục hành chính"


def test_a_clause_rewritten_into_two_paragraphs_rejected_is_proposed_as_it_was(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # khoản 2 Điều 5: one paragraph before (`Văn phòng Bộ …`), two in the draft; Reject leaves the one.
    provision, lines = _proposal(decree, tmp_path, invoke, D5, 4, 5)
    assert provision == "d5.k2" and len(lines) == 1, lines
    assert lines[0].startswith("2. Văn phòng Bộ, cơ quan ngang Bộ có trách nhiệm tổ chức thực hiện"), lines


def test_the_deletion_of_a_clause_the_rewrite_leaves_out_rejected_keeps_it(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # khoản 5 Điều 5 is in no clause of the rewritten article: its words back propose it kept, after khoản 4.
    provision, lines = _proposal(decree, tmp_path, invoke, D5, 9, 9)
    assert provision == "d5" and len(lines) == 9 and lines[0] == D5, lines
    assert lines[7].startswith("4. Bộ trưởng Bộ Tư pháp quy định") and lines[8].startswith(
        "5. Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ chủ trì"), lines


def test_a_whole_rewritten_article_rejected_is_proposed_with_all_its_clauses(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Two clauses of five were proposed (khoản 1 and 4): khoản 2, 3 and the kept khoản 5 were lost without a word.
    provision, lines = _proposal(decree, tmp_path, invoke, D5, 1, 9)
    assert provision == "d5" and len(lines) == 7, lines
    assert [line.split(" ")[0] for line in lines[2:]] == ["Thủ", "2.", "3.", "4.", "5."], lines
    assert lines[3].startswith("2. Văn phòng Bộ") and lines[4].startswith("3. Văn phòng Ủy ban nhân dân tỉnh"), lines


@pytest.mark.parametrize(("heading", "first", "last", "provision", "gone"), [
    (D5, 7, 7, "d5.k3", "Phòng Kiểm soát thủ tục hành chính thuộc Sở Tư pháp"),
    ("Điều 15. Quyết định công bố thủ tục hành chính", 2, 2, "d15", "các Khoản 2 và 3 Điều 13"),
    ("Điều 31. Xử lý kết quả rà soát, đánh giá", 2, 2, "d31.k2", "đánh giá thủ tục hành chính của Bộ, cơ quan ngang"),
    ("Điều 31. Xử lý kết quả rà soát, đánh giá", 3, 7, "d31.k2", "Hồ sơ gửi Bộ Tư pháp"),
], ids=["second-paragraph-of-a-clause", "second-paragraph-of-an-article", "inserted-clause-s-first-paragraph",
        "inserted-list-with-its-dash-lines"])
def test_a_paragraph_inserted_among_rewritten_ones_rejected_is_proposed_left_out(
        decree: Path, tmp_path: Path, invoke: Invoke, heading: str, first: int, last: int, provision: str,
        gone: str) -> None:
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    reply = _rejected(decree, heading, first, last, tmp_path / "tra-loi.docx")
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert c["provision"] == provision and gone not in c["proposal"] and c["proposal"].strip(), c


def test_a_rewritten_clause_rejected_word_by_word_its_full_stop_left_apart_is_proposed_as_it_was(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Reject on the words of khoản 3's two paragraphs, not the mark between them: the old line's full stop, which the
    # redline printed after the inserted second paragraph, stands alone in a paragraph of its own.
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    reply = _rejected(decree, D5, 6, 7, tmp_path / "tra-loi.docx", marks=False)
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert c["provision"] == "d5.k3" and "\n" not in c["proposal"], c
    assert c["proposal"].startswith("3. Văn phòng Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương có trách"), c


def test_points_the_rewrite_leaves_out_rejected_are_kept_in_their_clause(
        tender: Path, tmp_path: Path, invoke: Invoke) -> None:
    # 57/2024 rewrites khoản 1 Điều 29 without its points a) to i): Reject on the deletion of a) and b) was missed.
    provision, lines = _proposal(tender, tmp_path, invoke, "Điều 29. Lựa chọn nhà thầu trong trường hợp đặc biệt", 2, 3)
    assert provision == "d29.k1" and len(lines) == 3, lines
    assert lines[0].startswith("1. Việc lựa chọn nhà thầu trong trường hợp đặc biệt được áp dụng đối với gói thầu")
    assert lines[1].startswith("a) Gói thầu mua thuốc, vắc xin") and lines[2].startswith("b) Gói thầu mua thuốc"), lines


def test_a_whole_rewritten_article_rejected_keeps_its_points_and_clauses(
        tender: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Two lead-ins were proposed without their points (khoản 2 ending on a colon), khoản 3 and 4 lost.
    provision, lines = _proposal(tender, tmp_path, invoke, "Điều 29. Lựa chọn nhà thầu trong trường hợp đặc biệt", 1,
                                 16)
    assert provision == "d29" and len(lines) == 17, lines
    assert [line.split(" ")[0] for line in lines[1:]] == [
        "1.", "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "i)", "2.", "a)", "b)", "c)", "3.", "4."], lines
    assert lines[1].endswith("bao gồm:") and lines[11].endswith("như sau:"), lines


def test_a_redline_reply_with_nothing_read_as_rejected_never_says_it_holds_no_tracked_changes(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # It holds the redline's own: "no tracked changes" was read by the office as "the member agreed".
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    result = invoke(ws, "comment", "import", "real", str(decree.parent / "redline.docx"), "--by", BODY)
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "no tracked changes" not in said, said
    assert "the only tracked changes in it are the redline's own (the draft's changes)" in said, said


def test_part_of_a_rewritten_clause_rejected_that_reads_as_no_line_is_named_never_guessed(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Reject on khoản 1's second paragraph alone: the redline printed the clause's old first line struck out in the
    # paragraph before, and its old second line with this one, so the reply reads `Thủ trưởng …` there (no line of
    # the clause before the draft, nor of the draft). It was silent; it is named, and no rejection is made up.
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    reply = _rejected(decree, D5, 2, 2, tmp_path / "tra-loi.docx")
    result = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "A paragraph the draft rewrites in khoản 1 Điều 5 is not in tra-loi.docx" in said
    assert "whether its change was rejected cannot be told" in said, said
    assert not list((ws.root / "amendments" / "real" / "comments").glob("*.yaml"))


D31 = "Điều 31. Xử lý kết quả rà soát, đánh giá"
OLD_K2 = ("Trên cơ sở kết quả rà soát, đánh giá tổng thể hoặc kết quả rà soát, đánh giá độc lập, Văn phòng Chính phủ "
          "trình")


def test_an_old_clause_back_whole_in_the_place_of_an_inserted_one_is_proposed_kept_there(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Reject on khoản 3 Điều 31, which the redline printed with the old khoản 2 struck out in it: the old clause is
    # back there whole, word for word, and the new khoản 2 still stands above. It was only named (r41, sweep G3): it
    # is the old clause kept instead of the inserted one, a proposal on khoản 3.
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    reply = _rejected(decree, D31, 9, 9, tmp_path / "tra-loi.docx")
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert (c["provision"], c["type"]) == ("d31.k3", "substantive"), c
    assert c["proposal"].startswith(f"3. {OLD_K2}") and "\n" not in c["proposal"], c["proposal"]
    assert c["proposal"].endswith("trong việc thực hiện các quyết định này của Chính phủ, Thủ tướng Chính phủ."), c
    assert c["text"].startswith("Từ chối sửa đổi của dự thảo tại khoản 3 Điều 31"), c["text"]
    assert "Bộ Tư pháp chịu trách nhiệm theo dõi" not in c["proposal"]
    # Which old clause it is, said (r42 said only `Đề nghị sửa khoản 3 Điều 31 như sau: “3. …”`).
    assert c["text"].endswith("Đề nghị giữ nguyên khoản 2 Điều 31 như quy định hiện hành, thay cho khoản 3 Điều 31 "
                              f"của dự thảo: “{c['proposal']}”."), c["text"]


def test_an_old_clause_back_in_the_place_of_an_inserted_one_but_retyped_is_named_not_guessed(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # The same, a word of the old clause then retyped without Track Changes: no longer the old clause word for word,
    # so what it stands for cannot be told; khoản 3 is named and nothing is made up.
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    reply = _rejected(decree, D31, 9, 9, tmp_path / "tra-loi.docx")
    document = kit.open_docx(reply)
    for t in kit.paragraph_holding(document, OLD_K2).iter(qn("w:t")):
        t.text = (t.text or "").replace("tổng thể", "toàn diện")
    kit.save(document, reply)
    result = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    said = " ".join(result.output.split())
    # (r44: khoản 3 is the old khoản 2 renumbered, as the redline prints it, so its line is one the draft rewrites)
    assert result.exit_code == 1, said
    assert "A paragraph the draft rewrites in khoản 3 Điều 31 is not in tra-loi.docx" in said, said
    assert not list((ws.root / "amendments" / "real" / "comments").glob("*.yaml"))


def test_a_line_back_without_the_full_stop_the_draft_s_insertion_held_is_read_as_rejected(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # Reject on khoản 1's second paragraph, its mark left (r42 sweep CH F2): the redline printed it `[bỏ: Thủ trưởng
    # … miễn nhiệm][bổ sung: Bộ Tư pháp … hành chính.]`, the old line's own full stop after the next paragraph's
    # words, so the paragraph reads as the old line without its stop. It was said "moved or retyped" and nothing was
    # imported; then, paired by the texts' order, it was given as the draft's second line, which the reply still holds.
    provision, lines = _proposal(decree, tmp_path, invoke, D5, 2, 2, marks=False)
    assert provision == "d5.k1" and len(lines) == 2, lines
    assert lines[0] == ("1. Thủ trưởng Cơ quan kiểm soát thủ tục hành chính do Bộ trưởng, Chủ nhiệm Văn phòng Chính "
                        "phủ bổ nhiệm, miễn nhiệm."), lines
    assert lines[1].startswith("Cục Kiểm soát thủ tục hành chính thuộc Bộ Tư pháp"), lines


def test_an_old_clause_back_in_another_s_place_imported_by_r42_is_known_again_not_imported_twice(
        decree: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.core import replies

    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    reply = _rejected(decree, D31, 9, 9, tmp_path / "tra-loi.docx")
    with monkeypatch.context() as then:  # as r42 said it: `Đề nghị sửa khoản 3 Điều 31 như sau: “3. …”.`
        then.setattr(replies, "said_instead", lambda summary, *_: summary)
        (was,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert "Đề nghị sửa khoản 3 Điều 31 như sau" in was["text"], was["text"]
    again = invoke(ws, "comment", "import", "real", str(reply), "--by", BODY)
    assert again.exit_code == 0 and f"was imported before ({was['id']})" in again.output, again.output
