"""Word comments as members send them: a copy one body commented on and another forwarded with comments of its own,
a comment typed on several lines, and a Word reply to a comment (r26 sweep N defects 1, 3, 4)."""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run

from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, built_once, copied

SLUG = "qc-sua-doi-2025"
BODY = "Ban Tổ chức Tỉnh ủy"
OTHER = "Văn phòng Tỉnh ủy"
MEETINGS = "Thường lệ ba tháng một lần"  # điểm a khoản 1 Điều 12 of the draft
QUORUM = "Hội nghị chỉ hợp lệ khi"
DATE = "2025-07-10T09:00:00Z"


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


def _comments(ws: Workspace) -> list[dict[str, Any]]:
    folder = ws.root / "amendments" / SLUG / "comments"
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]


def _comment(document: Any, run: Run, text: str, author: str, date: str = DATE) -> Any:
    """A Word comment by `author` on `run`, dated `date` (python-docx dates it now)."""
    made = document.add_comment([run, run], text=text, author=author, initials=author[0])
    made._comment_elm.set(qn("w:date"), date)
    return made


def _import(invoke: Invoke, ws: Workspace, reply: Path, body: str = BODY) -> Any:
    result = invoke(ws, "comment", "import", SLUG, str(reply), "--by", body)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


# -- a copy forwarded from one body to another ----------------------------------------------------


def test_a_forwarded_copy_brings_in_only_the_second_bodys_comments(ws: Workspace, copy: Path, invoke: Invoke,
                                                                   tmp_path: Path) -> None:
    # Bộ Tư pháp's commented copy went on to Văn phòng Chính phủ, which added one comment: all 13 were imported
    # under the second body, the report naming the first body's commenter under it and counting them twice.
    document = kit.open_docx(copy)
    _comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "A1 Hai tháng.", "An")
    _comment(document, kit.isolate(kit.paragraph_with(document, "Thành phần dự hội nghị"), "Thành phần"),
             "A2 Rõ hơn.", "An")
    kit.track_replace(kit.isolate(kit.paragraph_with(document, QUORUM), "hai phần ba"), "ba phần tư", "An")
    first = kit.save(document, tmp_path / "gop-y-ban-to-chuc.docx")
    _import(invoke, ws, first)
    before = {c["id"]: c for c in _comments(ws)}
    assert len(before) == 3

    forwarded = kit.open_docx(first)
    _comment(forwarded, kit.isolate(kit.paragraph_with(forwarded, "Bí thư chủ trì hội nghị"), "chủ trì"),
             "C1 Bổ sung họp bất thường.", "Dung", "2025-07-12T08:00:00Z")
    second = kit.save(forwarded, tmp_path / "gop-y-van-phong.docx")
    said = " ".join(_import(invoke, ws, second, OTHER).output.split())

    comments = _comments(ws)
    new = [c for c in comments if c["id"] not in before]
    assert [(c["by"], c["author"], c["text"]) for c in new] == [(OTHER, "Dung", "C1 Bổ sung họp bất thường.")]
    assert {c["id"]: c for c in comments if c["id"] in before} == before  # the first body's, unchanged
    assert "Imported 1 comment on" in said
    assert (f"Left out 3 comments by An in gop-y-van-phong.docx that were imported before as the reply of {BODY}: "
            f"they stay under {BODY}, not under {OTHER}, and are not counted again:") in said
    for c in before.values():  # each named, with its id and words
        assert re.search(rf"{c['id']} +{re.escape(c['provision'])} .*An: {re.escape(c['text'][:20])}", said), said

    report = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(report)).exit_code == 0
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    bodies = [row[3] for row in rows[1:] if len(row) > 3 and row[0].isdigit()]
    assert sorted(bodies) == sorted([BODY] * 3 + [OTHER])

    # Sweep r26/R: the same forwarded file imported again under the body that sent it was refused ("its comments
    # were imported before as the reply of Bộ Tư pháp", exit 1): it is that body's reply, and imports nothing new.
    again = " ".join(_import(invoke, ws, second, OTHER).output.split())
    assert "Left out 3 comments by An in gop-y-van-phong.docx" in again and "Error" not in again, again
    assert len(_comments(ws)) == len(comments)


def test_a_copy_sent_again_with_its_comments_renumbered_brings_in_only_the_new_one(
        ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The same body sends its copy again with one more comment, saved in between (Word and LibreOffice renumber
    # the comments): the comment it sent first was imported a second time.
    document = kit.open_docx(copy)
    _comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "Hai tháng.", "An")
    _import(invoke, ws, kit.save(document, tmp_path / "lan-1.docx"))
    assert len(_comments(ws)) == 1

    again = kit.open_docx(copy)  # the new comment first: it takes id 0, the first one id 1
    _comment(again, kit.isolate(kit.paragraph_with(again, QUORUM), "Hội nghị"), "Thêm một ý.", "An")
    _comment(again, kit.isolate(kit.paragraph_with(again, MEETINGS), "ba tháng"), "Hai tháng.", "An")
    said = " ".join(_import(invoke, ws, kit.save(again, tmp_path / "lan-2.docx")).output.split())
    assert sorted(c["text"] for c in _comments(ws)) == ["Hai tháng.", "Thêm một ý."]
    assert "Imported 1 comment" in said and "1 imported before was left alone" in said
    assert "Left out" not in said


# -- a comment typed on several lines ----------------------------------------------------------------


def test_a_comments_line_breaks_and_tabs_are_kept(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    # "A7 dòng một" Shift+Enter "dòng hai" Tab "sau tab" was stored as "A7 dòng mộtdòng haisau tab".
    document = kit.open_docx(copy)
    made = _comment(document, kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng"), "A7 dòng một", "An")
    p = made.paragraphs[0]
    p.add_run()._r.append(OxmlElement("w:br"))
    p.add_run("dòng hai\tsau tab")  # python-docx writes the tab as <w:tab/>
    run = p.add_run(" Covid")
    run._r.append(OxmlElement("w:noBreakHyphen"))
    run._r.append(OxmlElement("w:cr"))
    p.add_run("19")
    made.add_paragraph("Đoạn thứ hai của góp ý.")
    _import(invoke, ws, kit.save(document, tmp_path / "reply.docx"))
    [stored] = _comments(ws)
    assert stored["text"] == "A7 dòng một\ndòng hai sau tab Covid-\n19\nĐoạn thứ hai của góp ý."


# -- a Word reply to a comment ------------------------------------------------------------------------

def _threaded(path: Path, out: Path, extended: str | None, reverse: bool = False) -> Path:
    """`path` with a paragraph id on every comment paragraph (10000000, 10000001 …) and `extended` as its
    commentsExtended.xml (`{0}`, `{1}` … the ids); `reverse` writes the comments part backwards, as LibreOffice
    reorders it."""
    files, ids = kit.numbered_comments(path)
    part = files["word/comments.xml"].decode("utf-8")
    if reverse:
        head, *comments = re.split(r"(?=<w:comment )", part)
        last, tail = comments[-1].split("</w:comments>")
        part = head + "".join(reversed([*comments[:-1], last])) + "</w:comments>" + tail
    files["word/comments.xml"] = part.encode("utf-8")
    if extended is not None:
        kit.add_part(files, "commentsExtended", extended.format(*ids), "commentsExtended",
                     "http://schemas.microsoft.com/office/2011/relationships/commentsExtended")
    return kit.write_package(files, out)


_EXTENDED = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx '
             'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">{body}</w15:commentsEx>')


def _a_thread(copy: Path, tmp_path: Path) -> Path:
    """Bình's comment, Cường's reply to it (on the same words, as Word writes a reply), and Bình's comment on
    another point."""
    document = kit.open_docx(copy)
    words = kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng")
    _comment(document, words, "B1 Đề nghị bỏ cụm này.", "Bình")
    _comment(document, words, "B2 Nhất trí với ý kiến của đồng chí Bình.", "Cường")  # the same second
    _comment(document, kit.isolate(kit.paragraph_with(document, QUORUM), "Hội nghị"), "B3 Rõ hơn.", "Bình")
    return kit.save(document, tmp_path / "plain.docx")


def test_a_word_reply_is_part_of_the_comment_it_answers(ws: Workspace, copy: Path, invoke: Invoke,
                                                        tmp_path: Path) -> None:
    # Cường's reply to Bình's comment came in as a comment of its own, answered and counted apart.
    extended = _EXTENDED.format(body='<w15:commentEx w15:paraId="{0}" w15:done="0"/>'
                                     '<w15:commentEx w15:paraId="{1}" w15:paraIdParent="{0}" w15:done="0"/>'
                                     '<w15:commentEx w15:paraId="{2}" w15:done="0"/>')
    reply = _threaded(_a_thread(copy, tmp_path), tmp_path / "reply.docx", extended)
    _import(invoke, ws, reply)
    stored = sorted((c["provision"], c["author"], c["text"]) for c in _comments(ws))
    assert stored == [("d12.k1.a", "Bình, Cường",
                       "B1 Đề nghị bỏ cụm này.\nCường: B2 Nhất trí với ý kiến của đồng chí Bình."),
                      ("d12.k3", "Bình", "B3 Rõ hơn.")]


def test_a_reply_whose_thread_link_is_gone_follows_the_comment_it_answers(ws: Workspace, copy: Path, invoke: Invoke,
                                                                           tmp_path: Path) -> None:
    # Saved by LibreOffice, the reply stands alone and the comments part lists it first: it was listed before
    # the comment it answers. Both made in the same second, the order of their marks in the document decides.
    plain = _a_thread(copy, tmp_path)
    reply = _threaded(plain, tmp_path / "reply.docx", None, reverse=True)
    with zipfile.ZipFile(reply) as z:
        part = z.read("word/comments.xml").decode("utf-8")
    assert part.index("B2 Nhất trí") < part.index("B1 Đề nghị")
    _import(invoke, ws, reply)
    listed = invoke(ws, "comment", "list", SLUG, "--on", "d12.k1.a")
    assert listed.exit_code == 0, listed.output
    assert 0 < listed.output.index("B1 Đề nghị") < listed.output.index("B2 Nhất trí"), listed.output


@pytest.mark.parametrize("extended", [
    "<w15:commentsEx this is not XML",
    _EXTENDED.format(body='<w15:commentEx w15:paraId="{1}" w15:paraIdParent="7FFFFFFF"/>'),  # a parent not there
    _EXTENDED.format(body='<w15:commentEx w15:paraId="{0}" w15:paraIdParent="{1}"/>'  # a loop
                          '<w15:commentEx w15:paraId="{1}" w15:paraIdParent="{0}"/>'),
])
def test_a_broken_thread_part_leaves_each_comment_standing(ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path,
                                                           extended: str) -> None:
    reply = _threaded(_a_thread(copy, tmp_path), tmp_path / "reply.docx", extended)
    _import(invoke, ws, reply)
    texts = sorted(c["text"] for c in _comments(ws))
    if "{0}" in extended and "{1}" in extended and "7FFFFFFF" not in extended:
        # A loop is followed once round: one comment of the two is taken as the thread's first, no text lost.
        assert len(texts) == 2 and "B2 Nhất trí với ý kiến của đồng chí Bình." in texts[0] + texts[1]
        assert "B1 Đề nghị bỏ cụm này." in texts[0] + texts[1]
    else:
        assert texts == ["B1 Đề nghị bỏ cụm này.", "B2 Nhất trí với ý kiến của đồng chí Bình.", "B3 Rõ hơn."]


# -- a Word reply added to a thread imported before (r27 sweep V defect 1) ------------------------------------------

def _replied(copy: Path, out: Path, replies: list[tuple[str, str, str]]) -> Path:
    """The copy with An's comment on điểm a khoản 1 Điều 12, and `replies` (text, author, date) to it, Word's
    Reply, on the same words; without replies, An's comment alone."""
    document = kit.open_docx(copy)
    words = kit.isolate(kit.paragraph_with(document, MEETINGS), "ba tháng")
    _comment(document, words, "A1 Đề nghị họp hai tháng một lần.", "An")
    for text, author, date in replies:
        _comment(document, words, text, author, date)
    plain = kit.save(document, out.with_suffix(".plain.docx"))
    links = "".join(f'<w15:commentEx w15:paraId="{{{n}}}" w15:paraIdParent="{{0}}" w15:done="0"/>'
                    for n in range(1, len(replies) + 1))
    extended = _EXTENDED.format(body='<w15:commentEx w15:paraId="{0}" w15:done="0"/>' + links)
    return _threaded(plain, out, extended) if replies else plain


DUNG = ("D1 Văn phòng đề nghị giữ ba tháng.", "Dung", "2025-07-12T08:00:00Z")


def test_a_reply_in_a_forwarded_copy_comes_in_alone_under_the_body_that_replied(
        ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Văn phòng clicked Reply on the first body's comment in the copy it forwarded: the thread, read as one comment,
    # no longer matched the comment imported before, so the first body's comment came in again under Văn phòng,
    # naming An, and the report counted it twice.
    _import(invoke, ws, _replied(copy, tmp_path / "ban-to-chuc.docx", []))
    [first] = _comments(ws)
    forwarded = _replied(copy, tmp_path / "van-phong.docx", [DUNG])
    said = " ".join(_import(invoke, ws, forwarded, OTHER).output.split())

    comments = _comments(ws)
    new = [c for c in comments if c["id"] != first["id"]]
    assert [(c["by"], c["author"], c["provision"], c["text"]) for c in new] == [
        (OTHER, "Dung", "d12.k1.a", f"Trả lời ý kiến {first['id']} của {BODY} (An):\n{DUNG[0]}")]
    assert [c for c in comments if c["id"] == first["id"]] == [first]  # the first body's, unchanged
    assert "Imported 1 comment on" in said and "Left out the comment by An in van-phong.docx" in said, said

    report = tmp_path / "bao-cao.csv"
    assert invoke(ws, "round", "report", SLUG, "-o", str(report)).exit_code == 0
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert sorted(row[3] for row in rows[1:] if len(row) > 3 and row[0].isdigit()) == sorted([BODY, OTHER])

    again = " ".join(_import(invoke, ws, forwarded, OTHER).output.split())  # nothing new the second time
    assert "Imported" not in again and len(_comments(ws)) == 2, again


def test_a_copy_sent_again_with_a_reply_added_brings_in_only_the_reply(ws: Workspace, copy: Path, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    # The same body sent its copy again after An replied to his own comment: the whole thread came in as a second
    # comment of the body, its first comment counted twice, and `check` found no problem.
    _import(invoke, ws, _replied(copy, tmp_path / "lan-1.docx", []))
    [first] = _comments(ws)
    more = ("A2 Bổ sung: thời hạn 30 ngày.", "An", "2025-07-11T08:00:00Z")
    _import(invoke, ws, _replied(copy, tmp_path / "lan-2.docx", [more]))
    [answer] = [c for c in _comments(ws) if c["id"] != first["id"]]
    assert (answer["by"], answer["author"], answer["text"]) == (
        BODY, "An", f"Trả lời ý kiến {first['id']} của {BODY} (An):\nA2 Bổ sung: thời hạn 30 ngày.")

    # A third copy with one more reply, by Cường: only his, answering the reply it follows.
    cuong = ("C1 Nhất trí.", "Cường", "2025-07-13T08:00:00Z")
    _import(invoke, ws, _replied(copy, tmp_path / "lan-3.docx", [more, cuong]))
    comments = _comments(ws)
    assert {c["id"]: c for c in comments if c["id"] in (first["id"], answer["id"])} == {
        first["id"]: first, answer["id"]: answer}  # unchanged
    [third] = [c for c in comments if c["id"] not in (first["id"], answer["id"])]
    assert (third["by"], third["author"]) == (BODY, "Cường")
    assert third["text"] == f"Trả lời ý kiến {answer['id']} của {BODY} (An):\nC1 Nhất trí."


def test_a_thread_whose_comments_were_imported_one_by_one_imports_nothing_again(
        ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    # Imported before threads were read (or saved by LibreOffice, the link gone), each comment stands alone: the
    # same copy with the thread's link imports none of them again.
    plain = _replied(copy, tmp_path / "lan-1.docx", [DUNG]).with_suffix(".plain.docx")
    _import(invoke, ws, plain)
    assert len(_comments(ws)) == 2
    said = _import(invoke, ws, _replied(copy, tmp_path / "lan-2.docx", [DUNG])).output
    assert "Nothing imported" in said and len(_comments(ws)) == 2, said
def _thread_and_change(copy: Path, tmp_path: Path) -> Path:
    """An's comment on điểm a khoản 1 Điều 12 and Dung's Word reply to it, An's tracked change of the same point."""
    document = kit.open_docx(copy)
    paragraph = kit.paragraph_with(document, MEETINGS)
    words = kit.isolate(paragraph, "ba tháng")
    _comment(document, words, "A1 Đề nghị họp hai tháng một lần.\nCho kịp tiến độ.", "An")
    _comment(document, words, DUNG[0], DUNG[1], DUNG[2])
    kit.track_replace(kit.isolate(paragraph, "một lần"), "một lần (thường kỳ)", "An")
    plain = kit.save(document, tmp_path / "plain.docx")
    # A comment is named by its last paragraph's id ({1}: An's has two paragraphs), as Word names it.
    extended = _EXTENDED.format(body='<w15:commentEx w15:paraId="{1}" w15:done="0"/>'
                                     '<w15:commentEx w15:paraId="{2}" w15:paraIdParent="{1}" w15:done="0"/>')
    return _threaded(plain, tmp_path / "reply.docx", extended)


def test_a_thread_with_a_tracked_change_names_each_person_once(ws: Workspace, copy: Path, invoke: Invoke,
                                                               tmp_path: Path) -> None:
    # The thread's author ("An, Dung") was compared whole with the change's author (An): "An, Dung, An" was
    # recorded, and printed so in every report's "Người góp ý" (sweep r36/BM, 3).
    _import(invoke, ws, _thread_and_change(copy, tmp_path))
    [stored] = _comments(ws)
    assert (stored["provision"], stored["author"]) == ("d12.k1.a", "An, Dung")
    assert stored["text"] == f"A1 Đề nghị họp hai tháng một lần.\nCho kịp tiến độ.\nDung: {DUNG[0]}"
    assert "một lần (thường kỳ)" in stored["proposal"]


def test_a_thread_imported_as_one_is_known_again_in_a_copy_that_lost_the_thread(
        ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    # The same reply saved again by LibreOffice (no commentsExtended.xml, the comments part reordered) brought the
    # thread's two comments apart: both imported a second time, the point's comment three times in every report
    # (sweep r36/BM, 2).
    threaded = _thread_and_change(copy, tmp_path)
    _import(invoke, ws, threaded)
    [first] = _comments(ws)
    apart = _threaded(tmp_path / "plain.docx", tmp_path / "saved-again.docx", None, reverse=True)
    said = " ".join(_import(invoke, ws, apart).output.split())
    assert "Nothing imported" in said and first["id"] in said, said
    assert _comments(ws) == [first]  # another person's same words are not (test_comment_repeats.py)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_thread_imported_as_one_is_known_again_once_libreoffice_saved_the_reply(
        ws: Workspace, copy: Path, invoke: Invoke, tmp_path: Path) -> None:
    # As the sweep did it: the reply opened and saved by LibreOffice itself (slow: tests/slow.py).
    threaded = _thread_and_change(copy, tmp_path)
    _import(invoke, ws, threaded)
    [first] = _comments(ws)
    saved = kit.saved_by_libreoffice(kit.open_docx(threaded), tmp_path)
    with zipfile.ZipFile(saved) as z:
        assert "word/commentsExtended.xml" not in z.namelist()  # the thread is gone: two comments apart
    said = " ".join(_import(invoke, ws, saved).output.split())
    assert "Nothing imported" in said and _comments(ws) == [first], said


def test_a_comment_resolved_in_word_is_imported_and_said_to_be_resolved(ws: Workspace, copy: Path, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    # A thread the member marked resolved (w15:done="1") came in as an ordinary open comment, nothing said of it.
    extended = _EXTENDED.format(body='<w15:commentEx w15:paraId="{0}" w15:done="1"/>'
                                     '<w15:commentEx w15:paraId="{1}" w15:paraIdParent="{0}" w15:done="1"/>'
                                     '<w15:commentEx w15:paraId="{2}" w15:done="0"/>')
    result = _import(invoke, ws, _threaded(_a_thread(copy, tmp_path), tmp_path / "reply.docx", extended))
    said = " ".join(result.output.split())
    assert ("Word comment 1 by Bình, Cường was marked resolved in Word; it is imported as an open comment like the "
            "others: settle it, or ask the body whether it still stands.") in said
    assert "by Cường was marked resolved" not in said and "Word comment 3" not in said
    assert len(_comments(ws)) == 2


def test_the_left_out_sentence_names_each_person_once() -> None:
    """r27 sweep R2: a thread's author names several people ("An, Bình"); beside a comment by An alone the sentence
    read "by An, Bình, An"."""
    from regdraft.core.comments import Comment, CommentType
    from regdraft.workspace.replies import ReplyImport

    def made(author: str) -> Comment:
        return Comment(id="a1", round=1, by=BODY, on="d1", type=CommentType.SUBSTANTIVE, text="x", author=author)

    done = ReplyImport(round=1, imported=(), already=(), forwarded=(made("An, Bình"), made("An")))
    assert "Left out 2 comments by An, Bình in r.docx" in done.left_out("r.docx")[0]
