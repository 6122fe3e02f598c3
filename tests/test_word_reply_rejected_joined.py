"""Reject pressed on one tracked change of a line the draft joins from several (r44): Nghị định 48/2013 over 63/2010
makes khoản 3 Điều 9, khoản 2 Điều 10 and khoản 1 Điều 11 (two lines each) one line. The Word redline prints the new
line over the old lines' paragraphs, the break between them struck out, so neither paragraph reads as a line: Reject
there was passed over unsaid (the second paragraph) or proposed as the old first line alone (the first, the draft's
words in the second lost). Each is now a proposal on the provision: its line with that change undone."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from regdraft.core.replies import comments_from_reply
from regdraft.importer.word_reply import read_reply
from regdraft.workspace import replies
from regdraft.workspace.circulated import draft_texts
from regdraft.workspace.rounds import load_rounds
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke
from tests.test_word_reply_rejected_rewritten import BODY, decree

__all__ = ["decree"]  # the module's fixture: the real redline, made once a module

# Each line the draft joins: its provision, and words of each paragraph the redline prints it over, in order.
JOINED = {
    "d9.k3": ("thực hiện kiểm soát thủ tục hành chính quy định tại Điều 5 của Nghị định này có trách nhiệm tổ chức",
              "Thời hạn góp ý kiến đối với quy định về thủ tục hành chính được thực hiện"),
    "d10.k2": ("2. Việc đánh giá tác động của thủ tục hành chính thực hiện theo biểu mẫu",
               "có trách nhiệm hướng dẫn điền biểu mẫu đánh giá tác động"),
    "d11.k1": ("có trách nhiệm thẩm định và bổ sung trong Báo cáo thẩm định",
               "mời cơ quan, đơn vị kiểm soát thủ tục hành chính cùng cấp tham gia"),
}


def _words(p: Any) -> str:
    """A paragraph's words as they now read (its deletions aside)."""
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _each_reject(root: Path, held: tuple[str, ...]) -> list[tuple[str, bytes, str]]:
    """For each tracked change of words in the paragraphs holding `held` (a label's aside: rejected alone, it is
    named in a note): what it changes, the redline with Reject pressed on it alone, and the line those paragraphs
    then read as (Word joins them: the breaks are struck out)."""
    out = []
    source = (root.parent / "redline.docx").read_bytes()
    for n, holding in enumerate(held):
        count = len(kit.word_changes(kit.paragraph_holding(docx.Document(io.BytesIO(source)), holding)))
        for k in range(count):
            document = docx.Document(io.BytesIO(source))
            change, said = kit.word_changes(kit.paragraph_holding(document, holding))[k]
            if re.fullmatch(r"\w{1,3}[.)]", said.strip()):
                continue
            kit.reject_change(change)
            line = "".join(_words(kit.paragraph_holding(document, words)) for words in held)
            out.append((f"paragraph {n + 1}, change {k + 1} ({said[:40]})", kit.docx_bytes(document), line))
    return out


def _placed(root: Path, reply: bytes) -> Any:
    """The comments `reply` holds, placed on the round's draft and read against the text before it (no import)."""
    ws = Workspace(root)
    r = load_rounds(ws, "real")[-1]
    texts = draft_texts(ws, "real", r.revision)
    return comments_from_reply(read_reply(reply, "tra-loi.docx"), dict(texts)[""], r.number, BODY, texts=texts,
                               bases=replies._bases(ws, "real", r, texts))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _each_proposed(root: Path, provision: str, held: tuple[str, ...]) -> None:
    """Reject pressed on each change of the paragraphs holding `held` alone is one comment, undoing the draft's
    change of `provision`, proposing the line those paragraphs then read as."""
    for what, reply, line in _each_reject(root, held):
        result = _placed(root, reply)
        assert [c.on for c in result.placed] == [provision], (what, result.placed, result.notes)
        (c,) = result.placed
        assert c.text.startswith("Từ chối sửa đổi của dự thảo tại"), (what, c.text)
        assert _squeezed(c.proposal) == _squeezed(line), (what, c.proposal, line)


@pytest.mark.parametrize("provision", sorted(JOINED))
def test_each_change_of_a_line_the_draft_joins_rejected_alone_is_proposed_undone(decree: Path, provision: str) -> None:
    _each_proposed(decree, provision, JOINED[provision])


def test_the_second_paragraph_of_a_joined_line_rejected_is_imported_with_both(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    # khoản 2 Điều 10: Reject on `[bổ sung: quy định tại Khoản 1 …]` in the second paragraph. The import said the reply
    # held "no Word comments, and the only tracked changes in it are the redline's own".
    document = kit.open_docx(decree.parent / "redline.docx")
    for change, said in kit.word_changes(kit.paragraph_holding(document, JOINED["d10.k2"][1])):
        if said.startswith("quy định tại Khoản 1"):
            kit.reject_change(change)
    reply = kit.save(document, tmp_path / "tra-loi.docx")
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    (c,) = kit.imported_by_provision(invoke, ws, "real", reply, BODY).values()
    assert c["provision"] == "d10.k2" and c["text"].startswith("Từ chối sửa đổi của dự thảo tại khoản 2 Điều 10"), c
    assert c["proposal"] == "2. Việc đánh giá tác động của thủ tục hành chính.", c


# A line the redline prints whole in a paragraph whose break it inserts, the draft's new provision after it: khoản 1
# Điều 31 (the new khoản 2 after it) and khoản 5 Điều 35 (the new Điều 35a after it).
BEFORE_INSERTED = {
    "d31.k1": ("đánh giá thủ tục hành chính của Bộ, cơ quan ngang Bộ, Ủy ban nhân dân tỉnh",),
    "d35.k5": ("thường xuyên trên Trang tin thủ tục hành chính của",),
}


@pytest.mark.parametrize("provision", sorted(BEFORE_INSERTED))
def test_each_change_of_a_line_before_an_inserted_provision_rejected_alone_is_proposed_undone(
        decree: Path, provision: str) -> None:
    # Its words before the draft were read as part of a line (the break after it is the redline's), never as the line:
    # each Reject there was passed over, or said "moved or retyped".
    _each_proposed(decree, provision, BEFORE_INSERTED[provision])


# A provision the draft renumbers, a new one inserted before it: điểm h khoản 3 Điều 35 (the old điểm g, a new g before
# it) and khoản 3 Điều 31 (the old khoản 2, a new khoản 2 before it), printed `[bỏ: g)][bổ sung: h)] Nội dung khác …`.
RENUMBERED = {
    "d35.k3.h": ("hoặc theo chỉ đạo của Thủ tướng Chính phủ",),
    "d31.k3": ("Văn phòng Chính phủ trình Chính phủ, Thủ tướng Chính phủ",),
}


@pytest.mark.parametrize("provision", sorted(RENUMBERED))
def test_each_change_of_a_renumbered_provision_rejected_alone_is_proposed_on_it(decree: Path, provision: str) -> None:
    # The old line was paired with the draft's by address: Reject in điểm h was proposed on the new điểm g (its words
    # replaced by h's) with điểm h proposed "not inserted"; in khoản 3 Điều 31, passed over unsaid.
    _each_proposed(decree, provision, RENUMBERED[provision])
