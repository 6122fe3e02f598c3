"""Tracked changes in a Word reply as proposals: a change inside an instruction's quoted new text is a
proposal on the provision with exactly that change, a change to an instruction's own words is a comment
saying so, and a new point the reviewer adds stays a point when the proposal is accepted."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import SHARED, Invoke, module_git, needs_corpus, run_cli, standing_for_a_draft, workspace_copy

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
CORPUS = SHARED / "corpus" / "amendments" / "nd-63-2010"


@pytest.fixture
def ws(circulating: Workspace) -> Workspace:
    """The shipped workspace with round 1 open on SLUG, consulting BODY (`circulating`: built once a worker, copied)."""
    return circulating


@pytest.fixture(scope="module")
def copy_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Word copy of round 1 of `ws`'s workspace, written once a module from a copy of it: each test only reads it
    (and saves its reply in its own folder)."""
    folder = tmp_path_factory.mktemp("copy")
    out = folder / "ban-lay-y-kien.docx"
    with module_git(tmp_path_factory):
        result = run_cli(workspace_copy(tmp_path_factory, "circulating", folder / "ws"), "round", "copy", SLUG, "-o",
                         str(out))
    assert result.exit_code == 0, result.output
    return out


def track_insert_paragraph_after(document: Any, text: str, new: str, author: str = "A") -> None:
    """Add a paragraph after the last one containing `text` with Track Changes on, as pressing Enter at its end
    and typing does: the new paragraph's text and its mark are insertions."""
    after = kit.paragraph_with(document, text)._p
    date = "2025-03-10T09:00:00Z"
    added = copy.deepcopy(after)
    for child in list(added):
        if child.tag != qn("w:pPr"):
            added.remove(child)
    properties = added.get_or_add_pPr()
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = OxmlElement("w:rPr")
        properties.append(marks)
    for number, holder in ((9101, marks), (9102, added)):
        inserted = OxmlElement("w:ins")
        for key, value in (("w:id", str(number)), ("w:author", author), ("w:date", date)):
            inserted.set(qn(key), value)
        holder.append(inserted)
    run, words = OxmlElement("w:r"), OxmlElement("w:t")
    words.text = new
    run.append(words)
    inserted.append(run)
    after.addnext(added)


def _import(invoke: Invoke, ws: Workspace, reply: Path, slug: str = SLUG, body: str = BODY) -> dict[str, Any]:
    """Import a reply; the comments written, by provision."""
    return kit.imported_by_provision(invoke, ws, slug, reply, body)


def _replace_in_amending_document(document: Any, paragraph: str, old: str, new: str) -> None:
    """A tracked change in the amending document (the first paragraph holding the text: the text as amended follows)."""
    kit.track_replace(kit.isolate(kit.paragraph_with(document, paragraph, last=False), old), new, "A")


# -- the amending document --------------------------------------------------------------------


def test_a_change_in_an_instructions_quoted_text_is_a_proposal_with_exactly_that_change(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The last quoted paragraph of `6. Sửa đổi, bổ sung Điều 9 như sau:` closes the quote (`…người đứng đầu.”.`):
    # the proposal added the whole edited paragraph, closing quote and all, as a new line and kept the old one.
    document = kit.open_docx(copy_docx)
    _replace_in_amending_document(document, "Thực hiện tiếp công dân định kỳ", "định kỳ", "hằng tháng")
    # The quoted heading opens the quote (`“Điều 9. …`): it became a line `“Điều 9. …` of its own. A change in the
    # heading line alone is a proposed title (`d9.title`), not the whole article written out.
    _replace_in_amending_document(document, "Điều 9. Trách nhiệm, quyền hạn của Bí thư", "Trách nhiệm", "Nhiệm vụ")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert set(comments) == {"d9.title", "d9.k6"}
    clause = comments["d9.k6"]
    assert clause["proposal"] == "6. " + clause["anchor"].replace("định kỳ", "hằng tháng", 1)
    assert clause["text"] == "Đề nghị sửa như sau: thay “định kỳ” bằng “hằng tháng”."
    title = comments["d9.title"]
    assert title["proposal"] == "Nhiệm vụ, quyền hạn của Bí thư Tỉnh ủy"
    assert title["text"] == "Đề nghị sửa như sau: thay “Trách nhiệm” bằng “Nhiệm vụ”."
    accept_proposal(ws, SLUG, title["id"])
    assert rounds.draft_text(ws, SLUG).find("d9").unit.title == "Nhiệm vụ, quyền hạn của Bí thư Tỉnh ủy"


def test_a_change_to_an_instructions_own_words_is_a_comment_not_a_proposal(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # `Sửa đổi, bổ sung Điều 9 như sau:` → `Sửa đổi Điều 9 như sau:` put the instruction into Điều 9's text.
    document = kit.open_docx(copy_docx)
    _replace_in_amending_document(document, "Sửa đổi, bổ sung Điều 9 như sau:", "Sửa đổi, bổ sung", "Sửa đổi")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    (c,) = comments.values()
    assert c["provision"] == "d9" and c["type"] == "editorial"
    assert not c.get("proposal")
    assert c["text"].startswith("Đề nghị sửa câu “") and "Sửa đổi, bổ sung Điều 9 như sau:” của văn bản sửa đổi: " \
        "bỏ “, bổ sung”." in c["text"]
    assert "Sửa đổi, bổ sung Điều 9" in c["selection"]


# -- the text as amended ----------------------------------------------------------------------


def test_a_new_point_added_after_the_last_point_is_a_point_of_the_clause(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # `d) Công tác cải cách hành chính.` added after point c khoản 3 Điều 9 became a paragraph of point c.
    document = kit.open_docx(copy_docx)
    track_insert_paragraph_after(document, "c) Công tác đối ngoại của Đảng bộ tỉnh.",
                                 "d) Công tác cải cách hành chính.")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    (c,) = comments.values()
    assert c["provision"] == "d9.k3"
    assert c["proposal"].split("\n") == [
        "3. Trực tiếp phụ trách các lĩnh vực:", "a) Công tác tổ chức, cán bộ;",
        "b) Công tác quốc phòng, an ninh, nội chính, phòng, chống tham nhũng, lãng phí, tiêu cực;",
        "c) Công tác đối ngoại của Đảng bộ tỉnh.", "d) Công tác cải cách hành chính."]
    assert c["text"] == "Đề nghị sửa như sau: bổ sung “d) Công tác cải cách hành chính.”."
    accept_proposal(ws, SLUG, c["id"])
    clause = rounds.draft_text(ws, SLUG).find("d9.k3").unit
    assert [(p.label, p.text) for p in clause.children][-2:] == [
        ("c", ("Công tác đối ngoại của Đảng bộ tỉnh.",)), ("d", ("Công tác cải cách hành chính.",))]


def test_a_point_struck_out_whole_is_a_proposal_to_repeal_it(
        ws: Workspace, copy_docx: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Its proposal was empty, and accepting an empty wording was refused.
    document = kit.open_docx(copy_docx)
    point = kit.paragraph_with(document, "Thường lệ ba tháng một lần")
    for run in list(point.runs):
        kit.track_replace(run, "", "A")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    (c,) = comments.values()
    assert (c["provision"], c["proposal"], c["text"]) == (
        "d12.k1.a", "a) (được bãi bỏ)", "Đề nghị bãi bỏ điểm a khoản 1 Điều 12.")
    accept_proposal(ws, SLUG, c["id"])
    assert rounds.draft_text(ws, SLUG).find("d12.k1.a").unit.repealed


# -- the real decree: Nghị định 63/2010/NĐ-CP amended by Nghị định 48/2013/NĐ-CP ----------------


def nghi_dinh_48_copy(ws: Workspace, invoke: Invoke, out: Path) -> Path:
    """Nghị định 63/2010 imported into `ws` with Nghị định 48/2013 as amendment `nd48`, draft 1 in round 1 consulting
    Bộ Tư pháp, and the round's Word review copy written to `out`."""
    for step in (("import", str(CORPUS / "base-63-2010-ND-CP.txt")),
                 ("amend", "import", str(CORPUS / "amending-48-2013-ND-CP.txt"), "--slug", "nd48"),
                 ("amend", "status", "nd48", "--draft", "1"),
                 ("round", "open", "nd48", "--title", "Lấy ý kiến", "--due", "2099-07-15", "--consult", "Bộ Tư pháp"),
                 ("round", "copy", "nd48", "-o", str(out))):
        result = invoke(ws, *step)
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.slow
@needs_corpus
def test_reply_on_the_copy_of_nghi_dinh_48_2013(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    ws = empty_workspace
    document = kit.open_docx(nghi_dinh_48_copy(ws, invoke, tmp_path / "copy.docx"))
    _replace_in_amending_document(document, "4. Bộ trưởng Bộ Tư pháp quy định cụ thể", "chủ trì, phối hợp", "phối hợp")
    _replace_in_amending_document(document, "Sửa đổi Điều 5:", "Sửa đổi Điều 5", "Sửa đổi, bổ sung Điều 5")
    _replace_in_amending_document(document, "“Điều 35. Chế độ thông tin, báo cáo", "Chế độ thông tin, báo cáo",
                                  "Chế độ báo cáo")
    track_insert_paragraph_after(document, "h) Nội dung khác theo yêu cầu của Bộ Tư pháp hoặc theo chỉ đạo",
                                 "i) Kết quả thực hiện kiểm tra.")
    comments = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"), "nd48", "Bộ Tư pháp")
    assert set(comments) == {"d5", "d5.k4", "d35.title", "d35.k3"}
    k4 = comments["d5.k4"]
    assert k4["proposal"] == "4. " + k4["anchor"].replace("chủ trì, phối hợp", "phối hợp") and "”" not in k4["proposal"]
    assert not comments["d5"].get("proposal") and "bổ sung “, bổ sung”" in comments["d5"]["text"]
    assert comments["d35.title"]["proposal"] == "Chế độ báo cáo"
    assert comments["d35.title"]["text"] == "Đề nghị sửa như sau: bỏ “thông tin,”."
    assert comments["d35.k3"]["proposal"].split("\n")[-2:] == [
        "h) Nội dung khác theo yêu cầu của Bộ Tư pháp hoặc theo chỉ đạo của Thủ tướng Chính phủ.",
        "i) Kết quả thực hiện kiểm tra."]
    standing_for_a_draft(ws, "nd48")  # the decree as a draft: an issued text's instructions keep their words
    accept_proposal(ws, "nd48", comments["d35.k3"]["id"])
    draft = rounds.draft_text(ws, "nd48")
    assert draft.find("d35.k3.i").unit.text == ("Kết quả thực hiện kiểm tra.",)
    assert draft.find("d35.k3.h").unit.text[-1].endswith("Thủ tướng Chính phủ.")
    assert shutil.which("git") and subprocess.run(["git", "status", "--porcelain"], cwd=ws.root,
                                                  capture_output=True, text=True).stdout == ""
