"""Reviews that come back in Word: the review copy, and Word comments and tracked changes
imported as anchored comments and proposals (`round copy`, `comment import FILE.docx`)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from regdraft.core.reply_marks import CopyMark, bookmark_address, slug_digest
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, built_once, copied

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
MEETINGS = "Thường lệ ba tháng một lần"  # điểm a khoản 1 Điều 12 of the draft


@pytest.fixture(scope="session")
def consulting(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped workspace in round 1, consulting BODY and the Văn phòng, with its review copy beside it."""
    return built_once(tmp_path_factory, "consulting-two", kit.consulted("Lấy ý kiến các ban", "2099-03-15", BODY,
                                                                        "Văn phòng Tỉnh ủy"))


@pytest.fixture
def ws(consulting: Path, tmp_path: Path) -> Workspace:
    return copied(consulting, tmp_path / "ws")


@pytest.fixture
def copy(consulting: Path, ws: Workspace, tmp_path: Path) -> Path:
    """The round's review copy (`round copy`), as written of the workspace `ws` is a copy of."""
    return kit.copy_beside(consulting, tmp_path / "ban-lay-y-kien.docx")


def _state(ws: Workspace) -> tuple[str, str]:
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ws.root, capture_output=True, text=True).stdout
    status = subprocess.run(["git", "status", "--porcelain"], cwd=ws.root, capture_output=True, text=True).stdout
    return head, status


def _comment_files(ws: Workspace) -> dict[str, dict[str, Any]]:
    folder = ws.root / "amendments" / SLUG / "comments"
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml")} \
        if folder.is_dir() else {}


def _import(invoke: Invoke, ws: Workspace, reply: Path, *extra: str) -> Result:
    return invoke(ws, "comment", "import", SLUG, str(reply), "--by", BODY, *extra)


# -- the review copy --------------------------------------------------------------------------


def test_review_copy_bookmarks_every_provision_and_names_round_and_draft(ws: Workspace, copy: Path) -> None:
    draft = rounds.draft_text(ws, SLUG, rounds.find_round(ws, SLUG).revision)
    with zipfile.ZipFile(copy) as z:
        body = z.read("word/document.xml").decode("utf-8")
        headers = "".join(z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"word/header\d*\.xml", n))
    names = re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', body)
    # One mark names the copy itself: its amendment, round and draft.
    assert [n for n in names if CopyMark.read(n)] == [CopyMark.of(SLUG, 1, 2).bookmark]
    addresses = {bookmark_address(n) for n in names if not CopyMark.read(n)}
    assert None not in addresses
    expected = {str(loc.address) for loc in draft.walk()}
    assert expected <= addresses  # every provision of the text as amended carries its address
    assert len(names) == len(set(names))  # Word needs unique names
    assert all(n.startswith("_") for n in names)  # hidden in Word's bookmark list
    # The en dash kept on the line of the word before it (`render.dashes`): a no-break space before it.
    assert "Lấy ý kiến vòng 1: Lấy ý kiến các ban\u00a0– Dự thảo lần 2 (hạn 15/3/2099)" in headers
    assert _state(ws)[1] == ""  # nothing written in the workspace


def test_review_copy_refuses_other_formats_and_unknown_round(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(ws, "round", "copy", SLUG, "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code != 0 and "Word file" in result.output and "Traceback" not in result.output
    result = invoke(ws, "round", "copy", SLUG, "--round", "7", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 2 and "no round 7" in result.output


# -- Word comments ----------------------------------------------------------------------------


def test_word_comment_becomes_anchored_comment_with_author_date_and_selection(
        ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    run = kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng một lần")
    kit.comment(document, run, "Đề nghị quy định hai tháng một lần.", "Nguyễn Văn An")
    reply = kit.save(document, tmp_path / "reply.docx")
    head = _state(ws)[0]

    result = _import(invoke, ws, reply)
    assert result.exit_code == 0, result.output
    assert "Imported 1 comment on " in result.output, result.output
    files = _comment_files(ws)
    assert len(files) == 1
    (c,) = files.values()
    assert c["provision"] == "d12.k1.a"
    assert c["selection"] == "ba tháng một lần"
    assert c["author"] == "Nguyễn Văn An"
    assert c["by"] == BODY
    assert c["text"] == "Đề nghị quy định hai tháng một lần."
    assert c["anchor"].startswith(MEETINGS)  # the provision's exact text, for following later drafts
    assert c["created"]  # the date Word recorded for the comment
    assert _state(ws)[0] != head and _state(ws)[1] == ""  # one commit, clean tree
    log = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=ws.root, capture_output=True, text=True).stdout
    assert "reply.docx" in log and BODY in log


def test_comment_range_across_runs_and_name_option(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    para = kit.paragraph_with(document, MEETINGS)
    label = para.runs[0]  # "a)" is a run of its own: the selection runs from the label into the text
    body = kit.isolate(para, "Thường lệ")
    kit.comment(document, label, "Xem lại điểm này.", "A", last=body)
    reply = kit.save(document, tmp_path / "reply.docx")
    result = _import(invoke, ws, reply, "--name", "Trần Thị Bình")
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert c["provision"] == "d12.k1.a"
    assert c["selection"] == "a) Thường lệ"
    assert c["author"] == "Trần Thị Bình"


def test_comment_spanning_two_clauses_lands_on_their_article(ws: Workspace, copy: Path, invoke: Invoke,
                                                             tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    first = kit.isolate(kit.paragraph_with(document, MEETINGS), "Thường lệ")
    last = kit.isolate(kit.paragraph_with(document, "Hội nghị chỉ hợp lệ khi"), "Hội nghị chỉ hợp lệ")
    kit.comment(document, first, "Sắp xếp lại khoản 1 đến khoản 3.", "A", last=last)
    result = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert c["provision"] == "d12"
    assert c["selection"].startswith("Thường lệ") and c["selection"].endswith("Hội nghị chỉ hợp lệ")
    assert "\n" in c["selection"]


def test_a_comment_on_an_instruction_naming_two_clauses_of_an_article_lands_on_the_article(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    # `Thay thế cụm từ … tại khoản 1 và khoản 4 Điều 7` is about Điều 7: a reviewer's "Nhất trí." on it went to
    # khoản 1 alone. Instructions naming provisions of several articles keep the first (khoản 2 Điều 23 here).
    ws = tmp_workspace
    text = (ws.root / "amendments" / SLUG / "amendment.md").read_text(encoding="utf-8")
    text = text.replace("tại khoản 2 Điều 23 và khoản 1 Điều 24.", "tại khoản 2 Điều 23 và khoản 1 Điều 24.\n\n"
                        "14\\. Thay thế cụm từ “Tỉnh ủy viên” bằng cụm từ “Ủy viên Ban Chấp hành” tại khoản 1 và "
                        "khoản 4 Điều 7.", 1)
    # The instruction after it is numbered on (two 14s are refused as wrongly numbered instructions now).
    text = text.replace("14\\. Thay thế cụm từ “Quy định số 30", "15\\. Thay thế cụm từ “Quy định số 30", 1)
    ws.commit({f"amendments/{SLUG}/amendment.md": text.encode()}, "Draft with instruction 14")
    opened = invoke(ws, "round", "open", SLUG, "--title", "Lấy ý kiến", "--due", "2099-04-15", "--consult", BODY)
    assert opened.exit_code == 0, opened.output
    copy = tmp_path / "copy.docx"
    result = invoke(ws, "round", "copy", SLUG, "-o", str(copy))
    assert result.exit_code == 0, result.output
    document = kit.open_docx(copy)
    for needle, said in (("tại khoản 1 và khoản 4 Điều 7", "Nhất trí."), ("tại khoản 2 Điều 23 và", "Đồng ý.")):
        kit.comment(document, kit.isolate(kit.paragraph_with(document, needle), needle), said, "A")
    result = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert result.exit_code == 0, result.output
    placed = {c["text"]: c["provision"] for c in _comment_files(ws).values()}
    assert placed == {"Nhất trí.": "d7", "Đồng ý.": "d23.k2"}


def test_a_comment_on_a_quoted_point_lands_on_that_point(ws: Workspace, copy: Path, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    # `“b) Định kỳ 6 tháng…` quoted by `Sửa đổi, bổ sung khoản 2 Điều 5` was put on the whole clause (d5.k2):
    # its paragraph carries the instruction's mark, but it is point b's own paragraph.
    document = kit.open_docx(copy)
    quoted = kit.paragraph_with(document, "b) Định kỳ 6 tháng, một năm báo cáo Bộ Chính trị", last=False)
    assert quoted.text.startswith("b) Định kỳ")  # the amending document's, before the text as amended
    kit.comment(document, quoted.runs[0], "Đề nghị quy định rõ thời hạn gửi báo cáo.", "Lê An", quoted.runs[-1])
    words = kit.paragraph_with(document, "báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt", last=False)
    kit.comment(document, kit.isolate(words, "Định kỳ 6 tháng"), "Nhất trí.", "Lê An")
    result = invoke(ws, "comment", "import", SLUG, str(kit.save(document, tmp_path / "reply.docx")),
                    "--by", "Văn phòng Tỉnh ủy")
    assert result.exit_code == 0, result.output
    placed = {c["text"]: c for c in _comment_files(ws).values()}
    whole, some = placed["Đề nghị quy định rõ thời hạn gửi báo cáo."], placed["Nhất trí."]
    assert whole["provision"] == some["provision"] == "d5.k2.b"
    assert whole["selection"].startswith("b) Định kỳ 6 tháng, một năm") and "”" not in whole["selection"]
    assert some["selection"] == "Định kỳ 6 tháng"
    assert whole["anchor"].startswith("b) Định kỳ 6 tháng") or whole["anchor"].startswith("Định kỳ 6 tháng")


# -- tracked changes --------------------------------------------------------------------------


def test_tracked_change_becomes_proposal_with_the_change_accepted(ws: Workspace, copy: Path, invoke: Invoke,
                                                                  tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    run = kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng")
    kit.track_replace(run, "hai tháng", "Lê Văn Cường")
    result = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert c["provision"] == "d12.k1.a"
    assert c["type"] == "editorial"
    assert c["author"] == "Lê Văn Cường"
    # Written after its label, as the wording editor writes a point: the report and the list name it (r36 sweep).
    assert c["proposal"] == "a) " + c["anchor"].replace("ba tháng", "hai tháng", 1)
    assert c["proposal"].startswith("a) Thường lệ hai tháng một lần;")
    assert c["text"] == "Đề nghị sửa như sau: thay “ba” bằng “hai”."
    assert c["created"] == "2025-03-10T09:00:00Z"


def test_comment_and_change_on_one_provision_make_one_comment(ws: Workspace, copy: Path, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    para = kit.paragraph_with(document, MEETINGS)
    why = kit.isolate(para, "hội nghị cuối năm")
    kit.comment(document, why, "Họp dày hơn để kịp chỉ đạo.", "A")
    kit.track_replace(kit.isolate(para, "ba tháng"), "hai tháng", "A")
    kit.track_insert_after(kit.isolate(para, "năm sau"), " và sơ kết sáu tháng", "A")
    result = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert c["text"] == "Họp dày hơn để kịp chỉ đạo."
    assert c["selection"] == "hội nghị cuối năm"
    assert "hai tháng một lần" in c["proposal"] and "năm sau và sơ kết sáu tháng;" in c["proposal"]


def test_report_marks_the_proposed_changes(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    kit.track_replace(kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "hai tháng", "A")
    assert _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).exit_code == 0
    html = tmp_path / "report.html"
    assert invoke(ws, "round", "report", SLUG, "-o", str(html)).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert re.search(r"<del>\s*ba\s*</del>\s*<ins>\s*hai\s*</ins>", page)
    out = tmp_path / "report.docx"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    runs = [r for t in kit.open_docx(out).tables for row in t.rows for cell in row.cells
            for p in cell.paragraphs for r in p.runs]
    assert any(r.font.strike and r.text.strip() == "ba" for r in runs)
    assert any(r.font.underline and r.text.strip() == "hai" for r in runs)


# -- replies without the review copy ----------------------------------------------------------


def test_reply_without_bookmarks_is_placed_by_text(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "A")
    kit.strip_bookmarks(document)
    result = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert c["provision"] == "d12.k1.a" and c["selection"] == "ba tháng"


def test_words_in_a_clause_and_one_of_its_points_are_placed_on_the_point(ws: Workspace, copy: Path, invoke: Invoke,
                                                                         tmp_path: Path) -> None:
    # A comment on a paragraph the reviewer typed is placed by its selected words: `lần thứ XIV` stands in
    # khoản 1 Điều 4's lead-in and in its điểm b, nowhere else; the innermost of the two is the place.
    document = kit.open_docx(copy)
    typed = document.add_paragraph("Về cụm từ lần thứ XIV: đề nghị ghi đầy đủ.")
    kit.comment(document, kit.isolate(typed, "lần thứ XIV"), "Ghi rõ nhiệm kỳ.", "A")
    kit.strip_bookmarks(document)
    result = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert c["provision"] == "d4.k1.b" and c["selection"] == "lần thứ XIV"


def test_decomposed_and_lookalike_letters_are_anchored(ws: Workspace, copy: Path, invoke: Invoke,
                                                       tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    para = kit.paragraph_with(document, "Ban Chấp hành Đảng bộ tỉnh họp:")
    kit.comment(document, kit.isolate(para, "Ban Chấp hành Đảng bộ tỉnh"), "Ghi rõ thành phần.", "A")
    kit.strip_bookmarks(document)
    kit.decompose(document)
    result = _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert c["provision"] == "d12.k1.intro"  # words of the clause's lead-in alone (`1. Ban Chấp hành … họp:`)
    assert c["selection"] == "Ban Chấp hành \u00d0ảng bộ tỉnh"  # the reviewer's letters, as NFC


def test_unplaced_passages_are_listed_and_nothing_is_imported(ws: Workspace, copy: Path, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    stray = document.add_paragraph("Ý kiến khác của Ban về công tác phối hợp.")
    kit.comment(document, stray.runs[0], "Đề nghị bổ sung một điều về phối hợp.", "A")
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "A")
    kit.strip_bookmarks(document)
    reply = kit.save(document, tmp_path / "reply.docx")
    before = _state(ws)
    result = _import(invoke, ws, reply)
    assert result.exit_code == 1
    assert "could not be placed" in result.output and "nothing was imported" in result.output
    assert "Đề nghị bổ sung một điều về phối hợp." in result.output
    # Numbered as Word's review pane lists them: the second in the document (its id in the file is 0).
    assert "Word comment 2 by A:" in result.output and "Word comment 0" not in result.output
    assert "Traceback" not in result.output
    assert _state(ws) == before and _comment_files(ws) == {}

    result = _import(invoke, ws, reply, "--place-unplaced", "general")
    assert result.exit_code == 0, result.output
    placed = sorted(c["provision"] for c in _comment_files(ws).values())
    assert placed == ["d12.k1.a", "general"]


def test_importing_the_same_reply_twice_imports_nothing(ws: Workspace, copy: Path, invoke: Invoke,
                                                        tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "A")
    kit.track_replace(kit.isolate(kit.paragraph_with(document, "Hội nghị chỉ hợp lệ khi"), "hai phần ba"),
                      "ba phần tư", "A")
    reply = kit.save(document, tmp_path / "reply.docx")
    assert _import(invoke, ws, reply).exit_code == 0
    first = _state(ws)
    assert len(_comment_files(ws)) == 2
    again = _import(invoke, ws, reply)
    assert again.exit_code == 0
    assert "Nothing imported" in again.output and "imported before" in again.output
    assert _state(ws) == first and len(_comment_files(ws)) == 2


def test_a_reply_imported_again_under_another_bodys_name_is_refused(ws: Workspace, copy: Path, invoke: Invoke,
                                                                    tmp_path: Path) -> None:
    # The same file named as a second body's reply was imported again: every comment twice.
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "An")
    reply = kit.save(document, tmp_path / "reply.docx")
    assert _import(invoke, ws, reply).exit_code == 0
    before = _state(ws)
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", "Văn phòng Tỉnh ủy")
    assert result.exit_code == 1 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert f"reply.docx: its comments were imported before as the reply of {BODY}" in said
    assert _state(ws) == before and len(_comment_files(ws)) == 1


def test_a_reply_on_the_word_redline_reads_its_own_changes_as_the_draft(ws: Workspace, invoke: Invoke,
                                                                          tmp_path: Path) -> None:
    # Nghị định 48/2013's redline: 75 of the redline's own tracked changes were imported as the reviewer's
    # proposals, and comments on its inserted text could not be placed.
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    red = tmp_path / "ban-so-sanh.docx"
    assert invoke(ws, "redline", "01-QC/TU", "-o", str(red)).exit_code == 0
    document = kit.open_docx(red)
    inserted = next(r for r in document.element.body.iter(qn("w:r"))
                    if r.getparent().tag == qn("w:ins") and "môi trường điện tử" in "".join(r.itertext()))
    run = Run(inserted, Paragraph(inserted.getparent().getparent(), document._body))
    kit.comment(document, run, "Đề nghị làm rõ hệ thống nào.", "An")
    kit.track_replace(kit.isolate(kit.paragraph_with(document, MEETINGS), "ba"), "hai", "An")
    reply = kit.save(document, tmp_path / "tra-loi.docx")
    result = _import(invoke, ws, reply)
    assert result.exit_code == 0, result.output
    placed = sorted((c["provision"], bool(c.get("proposal"))) for c in _comment_files(ws).values())
    # The words commented on are Điều 20a's heading line (`Điều 20a. Làm việc trên môi trường điện tử`): its title.
    assert placed == [("d12.k1.a", True), ("d20a.title", False)]
    (proposal,) = [c["proposal"] for c in _comment_files(ws).values() if c.get("proposal")]
    assert proposal.startswith("a) Thường lệ hai tháng một lần")


def test_refusals(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(ws, "comment", "import", SLUG, str(copy))
    assert result.exit_code == 2 and "--by" in result.output
    result = _import(invoke, ws, copy)  # the copy as sent: no comment, no change
    assert result.exit_code == 1 and "no Word comments and no tracked changes" in result.output
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    result = _import(invoke, ws, junk)
    assert result.exit_code == 1 and "junk.docx" in result.output and "Traceback" not in result.output
    assert invoke(ws, "round", "close", SLUG).exit_code == 0
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "A")
    result = _import(invoke, ws, kit.save(document, tmp_path / "late.docx"))
    assert result.exit_code == 1 and "No round of 'qc-sua-doi-2025' is open" in result.output


def test_a_reply_on_another_amendments_copy_is_refused(ws: Workspace, copy: Path, invoke: Invoke,
                                                       tmp_path: Path) -> None:
    # A reply on Nghị định 63/2010's copy was placed on Luật Đấu thầu's provisions by its address marks.
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "A")
    reply = kit.save(document, tmp_path / "reply.docx")
    with zipfile.ZipFile(reply) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    ours = CopyMark.of(SLUG, 1, 2).bookmark.encode()
    parts["word/document.xml"] = parts["word/document.xml"].replace(ours, CopyMark.of("nd48", 1, 2).bookmark.encode())
    other = tmp_path / "nd48-reply.docx"
    with zipfile.ZipFile(other, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    before = _state(ws)
    result = _import(invoke, ws, other)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert ("nd48-reply.docx is the review copy of an amendment that is not in this workspace (round 1), not of "
            "'qc-sua-doi-2025'") in " ".join(result.output.split())
    assert _state(ws) == before
    assert slug_digest("nd48") != slug_digest(SLUG)
    assert _import(invoke, ws, reply).exit_code == 0  # its own copy's reply is imported


def test_a_late_reply_on_the_previous_rounds_copy(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Round 2 circulates draft 3, in which điểm a khoản 1 Điều 12 reads differently.
    for args in (("round", "close", SLUG), ("amend", "status", SLUG, "--draft", "3")):
        assert invoke(ws, *args).exit_code == 0
    draft = tmp_path / "draft.md"
    assert invoke(ws, "amend", "preview", SLUG, "-o", str(draft)).exit_code == 0
    draft.write_text(draft.read_text(encoding="utf-8").replace(MEETINGS, "Thường lệ hai tháng một lần"),
                     encoding="utf-8")
    for step in (("amend", "from-edits", SLUG, "--edited", str(draft), "--allow-renumber"),
                 ("round", "open", SLUG, "--title", "Vòng 2", "--due", "2099-04-15", "--consult", BODY)):
        result = invoke(ws, *step)
        assert result.exit_code == 0, result.output
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "A")
    before = _state(ws)
    result = _import(invoke, ws, kit.save(document, tmp_path / "late.docx"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert ("late.docx is the review copy of round 1 (draft 2), and round 2 circulates draft 3, in which điểm a "
            "khoản 1 Điều 12 the reply comments on reads differently") in said
    assert "regdraft round copy qc-sua-doi-2025" in said and _state(ws) == before
    # A comment on a provision that reads the same in both drafts is placed by the copy's marks.
    document = kit.open_docx(copy)
    principle = "làm việc theo nguyên tắc tập trung dân chủ"
    kit.comment(document, kit.isolate(kit.paragraph_with(document, principle), "tập trung dân chủ"), "Rõ.", "A")
    result = _import(invoke, ws, kit.save(document, tmp_path / "late-ok.docx"))
    assert result.exit_code == 0, result.output
    (c,) = _comment_files(ws).values()
    assert (c["provision"], c["round"]) == ("d3.k1", 2)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_reply_saved_by_libreoffice_is_read(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    document = kit.open_docx(copy)
    kit.comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "Lê An")
    kit.track_replace(kit.isolate(kit.paragraph_with(document, "Hội nghị chỉ hợp lệ khi"), "hai phần ba"),
                      "ba phần tư", "Lê An")
    saved = kit.saved_by_libreoffice(document, tmp_path)
    result = _import(invoke, ws, saved)
    assert result.exit_code == 0, result.output
    comments = sorted(_comment_files(ws).values(), key=lambda c: c["provision"])
    assert [c["provision"] for c in comments] == ["d12.k1.a", "d12.k3"]
    assert comments[0]["selection"] == "ba tháng" and comments[0]["author"] == "Lê An"
    assert "ba phần tư tổng số" in comments[1]["proposal"]


def test_comments_made_in_the_same_second_are_listed_in_the_documents_order(ws: Workspace, copy: Path,
                                                                            invoke: Invoke, tmp_path: Path) -> None:
    # Their `created` was equal, so `comment list` and the report listed them by id: in no order at all.
    import csv
    import io

    from docx.oxml.ns import qn

    document = kit.open_docx(copy)
    paragraph = kit.paragraph_with(document, MEETINGS)
    words = ("Thường lệ", "ba tháng", "hội nghị", "cuối năm", "kiểm điểm", "lãnh đạo", "Ban Chấp hành")
    runs = [kit.isolate(paragraph, w) for w in words]
    for n, run in reversed(list(enumerate(runs, start=1))):  # written last to first: Word numbers them so
        kit.comment(document, run, f"Ý kiến {n}.", "A")
    for made in document.comments:
        made._comment_elm.set(qn("w:date"), "2025-03-10T09:00:00Z")  # all in the same second
    assert _import(invoke, ws, kit.save(document, tmp_path / "reply.docx")).exit_code == 0
    said = [f"Ý kiến {n}." for n in range(1, len(words) + 1)]

    assert [item.comment.text for item in rounds.list_comments(ws, SLUG)] == said
    listed = invoke(ws, "comment", "list", SLUG).output
    assert sorted(said, key=listed.index) == said
    out = ws.root / "out" / "report.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(out)).exit_code == 0
    report = out.read_text(encoding="utf-8-sig")
    rows = [cell for row in csv.reader(io.StringIO(report)) for cell in row if cell in said]
    assert rows == said
    assert [c["order"] for c in sorted(_comment_files(ws).values(), key=lambda c: c["text"])] == \
        list(range(1, len(words) + 1))
