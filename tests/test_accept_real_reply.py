"""A member's Word reply to the real Nghị định 48/2013's redline, its proposals accepted (r44 sweep CH F6).

Reject pressed on the repeal of khoản 5 Điều 29 (`7. Bãi bỏ Khoản 5 Điều 29.`) proposes the clause kept as in force;
accepted into a draft modelled on 48/2013, its instruction was refused ("would also rewrite instruction 12"): the
instructions were compared afresh and the `Các sửa đổi khác:` group, which changes words in khoản 3 of the same
article, was rewritten too. Now the repeal is taken out and the others keep their words. On the issued 48/2013 itself
(numbered and signed) the refusal names the issued instruction that changes the provision, in the page's words; the
page had sent the drafter to `amend from-edits`, which refuses it too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx.text.paragraph import Paragraph

from regdraft.core.errors import Worded
from regdraft.workspace.store import Workspace
from tests import word_reply_kit as kit
from tests.conftest import Invoke, standing_for_a_draft
from tests.test_word_reply_rejected_rewritten import BODY, decree

__all__ = ["decree"]  # the module's fixture: the real redline, made once a module

K5 = "thực hiện việc rà soát, đánh giá độc lập"  # khoản 5 Điều 29, which 48/2013 repeals
K1D5 = "Thủ trưởng Cơ quan kiểm soát"  # a paragraph of khoản 1 Điều 5, which 48/2013 rewrites


def _replied(decree: Path, tmp_path: Path, invoke: Invoke, *words: str) -> tuple[Workspace, dict[str, dict[str, str]]]:
    """A copy of the workspace with the reply rejecting the paragraphs holding `words` imported: its comments."""
    ws = Workspace(Path(shutil.copytree(decree, tmp_path / "ws", symlinks=True)))
    document = kit.open_docx(decree.parent / "redline.docx")
    for said in words:
        kit.rejected(Paragraph(kit.paragraph_holding(document, said), document.part), "w:ins", "w:del")
    return ws, kit.imported_by_provision(invoke, ws, "real", kit.save(document, tmp_path / "tra-loi.docx"), BODY)


def test_the_repeal_rejected_and_a_clause_kept_are_accepted_into_a_draft_modelled_on_48_2013(
        decree: Path, tmp_path: Path, invoke: Invoke) -> None:
    from regdraft.workspace.proposals import accept_proposal

    ws, comments = _replied(decree, tmp_path, invoke, K1D5, K5)
    assert set(comments) == {"d5.k1", "d29.k5"}, comments
    standing_for_a_draft(ws, "real")
    path = ws.root / "amendments" / "real" / "amendment.md"
    before = path.read_text(encoding="utf-8")
    for on in ("d29.k5", "d5.k1"):
        accept_proposal(ws, "real", comments[on]["id"])
    text = path.read_text(encoding="utf-8")
    assert "Bãi bỏ Khoản 5 Điều 29" not in text
    # The others keep their words, one number up after the repeal: the group of word changes is not rewritten.
    group = before[before.index("12\\. Các sửa đổi khác:"):before.index("## Điều 2.")]
    assert group.replace("12\\.", "11\\.", 1) in text
    assert "7\\. Sửa đổi Khoản 4 Điều 30:" in text and "6\\. Sửa đổi Khoản 2 Điều 22:" in text
    assert "1\\. Thủ trưởng Cơ quan kiểm soát thủ tục hành chính do Bộ trưởng, Chủ nhiệm" in text
    checked = invoke(ws, "amend", "check", "real")
    assert checked.exit_code == 0 and "no problems found" in checked.output, checked.output
    # The draft holds the member's version: khoản 5 Điều 29 as in force, khoản 1 Điều 5 as proposed.
    from regdraft.workspace.rounds import draft_text

    draft = draft_text(ws, "real")
    from regdraft.core.model import Address

    assert draft.find(Address.parse("d29.k5")).unit.all_text() == comments["d29.k5"]["proposal"].split(" ", 1)[1]
    assert draft.find(Address.parse("d5.k1")).unit.all_text().startswith(
        comments["d5.k1"]["proposal"].split(" ", 1)[1].split("\n")[0])


@pytest.mark.parametrize(("words", "on", "number", "sentence"), [
    (K5, "d29.k5", "7", "Bãi bỏ Khoản 5 Điều 29."),
    (K1D5, "d5.k1", "1", "Sửa đổi Điều 5:"),
], ids=["repeal", "rewritten-article"])
def test_a_proposal_on_an_instruction_of_the_issued_48_2013_is_refused_naming_it(
        decree: Path, tmp_path: Path, invoke: Invoke, words: str, on: str, number: str, sentence: str) -> None:
    from regdraft.web.words import Words
    from regdraft.workspace.proposals import accept_proposal

    ws, comments = _replied(decree, tmp_path, invoke, words)
    head = ws.head()
    with pytest.raises(Worded) as refused:
        accept_proposal(ws, "real", comments[on]["id"])
    assert refused.value.case == "issued"
    assert (refused.value.fields["instruction"], refused.value.fields["sentence"]) == (number, sentence)
    page = Words.of("vi").said(refused.value)
    line = refused.value.fields["line"]
    assert re.search(f"48/2013/NĐ-CP là văn bản đã ban hành .* khoản {number} Điều 1 của văn bản đó "
                     f"\\(dòng {line}: “{re.escape(sentence)}”\\)", page), page
    assert "không viết thành được" not in page
    assert ws.head() == head
