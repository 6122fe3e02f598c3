"""Accepting a proposal changes the instructions on its provision alone; every other one stays as the drafter wrote it.

r29 sweep AL: a proposal accepted on Article 3 rewrote `In Article 2(2), the words “30 days” are replaced by “14 days”.`
and `Clause 3 of Article 2 is repealed.` into one `Article 2 is amended to read: “…”.` that left clause 3 out: the
adopted text lost it without its `(repealed)` placeholder, and nothing said so. The same in Vietnamese, on the
shipped amendment: a proposal on điểm b khoản 1 Điều 12 took out `Bãi bỏ khoản 5 Điều 10 …`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from regdraft.core.amend.document import load_amendment
from regdraft.core.errors import Worded
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.rounds import draft_text
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

RULES = """---
id: R-1
type: Rules
title: Staff Rules of Example Ltd
language: en
issuer: EXAMPLE LTD
place: London
signed: 2024-01-10
---

# Chapter I. GENERAL

## Article 1. Scope

These Rules apply to all staff.

## Article 2. Leave

1\\. Staff have 25 days of annual leave.

2\\. Leave is requested 30 days in advance.

3\\. Unused leave lapses on 31 March.

## Article 3. Pay

Salaries are paid on the last working day of each month.
"""

INSTRUCTIONS = """1\\. In Article 2(2), the words “30 days” are replaced by “14 days”.

2\\. Article 3 is amended to read as follows:

“Article 3. Pay

Salaries are paid on the 25th day of each month.”

3\\. Clause 3 of Article 2 is repealed.

"""


def _changed(before: str, after: str) -> list[tuple[list[str], list[str]]]:
    """The hunks of lines changed from `before` to `after`."""
    old, new = before.split("\n"), after.split("\n")
    return [(old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in
            difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if tag != "equal"]


@pytest.fixture
def english(tmp_path: Path, invoke: Invoke) -> Workspace:
    """An `org` workspace: R-1 with amendment `a1` (the three instructions above) circulating in round 1."""
    root = tmp_path / "ws"
    assert invoke(None, "init", "--profile", "org", str(root)).exit_code == 0
    ws = Workspace(root)
    ws.commit({"regulations/R-1.md": RULES.encode("utf-8")}, "Add R-1")
    assert invoke(root, "amend", "new", "a1", "--regulation", "R-1").exit_code == 0
    path = "amendments/a1/amendment.md"
    text = ws.read(path).decode("utf-8")
    start = text.index("\n", text.index("## Article 1.")) + 1
    text = text[:start] + "\n" + INSTRUCTIONS + text[text.index("## Article 2."):]
    ws.commit({path: text.encode("utf-8")}, "Draft a1")
    for args in (("amend", "status", "a1", "circulating"),
                 ("round", "open", "a1", "--title", "Staff consultation", "--due", "2099-01-01", "--yes",
                  "--consult", "Union")):
        result = invoke(root, *args)
        assert result.exit_code == 0, result.output
    return ws


def test_a_proposal_accepted_on_article_3_leaves_the_instructions_on_article_2_as_written(english: Workspace) -> None:
    ws, path = english, "amendments/a1/amendment.md"
    before = ws.read(path).decode("utf-8")
    comment = rounds.add_comment(ws, "a1", "Union", "a3", "Earlier.",
                                 proposal="Article 3. Pay\nSalaries are paid on the 20th day of each month.")
    accept_proposal(ws, "a1", comment.id)
    after = ws.read(path).decode("utf-8")
    # The quote's line, and the reason recorded: nothing else; the quote ends as the drafter ended it (`”`).
    assert _changed(before, after) == [
        ([], ["reasons: {clause 2 of Article 1: Proposed by Union (comment " + comment.id + ").}"]),
        (["Salaries are paid on the 25th day of each month.”"], ["Salaries are paid on the 20th day of each month.”"])]
    assert "3\\. Clause 3 of Article 2 is repealed." in after
    draft = draft_text(ws, "a1")
    assert draft.find("a2.c3").unit.repealed and draft.find("a2.c2").unit.text == ("Leave is requested 14 days "
                                                                                    "in advance.",)
    # The commit names the provision as an English document is addressed (`a3`, not the Vietnamese `d3`).
    (accepted,) = [r for r in ws.log(path, limit=2) if r.subject.startswith("Accept")]
    assert accepted.subject == f"Accept the proposal of comment {comment.id} by Union on a3 into amendment a1"


def test_a_proposal_that_would_rewrite_other_instructions_is_refused_and_nothing_changes(
        english: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # Were the instructions kept only where the text in force written anew makes their change (as before the fix),
    # the drafter's instructions on Article 2 would go: refused, naming them and the provision, nothing committed.
    from regdraft.core.amend.kept import kept_as_written
    from regdraft.workspace import regenerate

    monkeypatch.setattr(regenerate, "revised", lambda old, amendment, reg, was, written, edited, **_:
                        kept_as_written(old, amendment, reg, was, written))
    ws, path = english, "amendments/a1/amendment.md"
    comment = rounds.add_comment(ws, "a1", "Union", "a3", "Earlier.",
                                 proposal="Article 3. Pay\nSalaries are paid on the 20th day of each month.")
    head = ws.resolve("HEAD").sha
    with pytest.raises(Worded) as refused:
        accept_proposal(ws, "a1", comment.id)
    assert refused.value.case == "rewrites_others"
    assert "instructions 1 and 3 of Article 1" in str(refused.value) and "not on Article 3" in str(refused.value)
    assert ws.resolve("HEAD").sha == head and not ws.dirty([path])


def test_the_shipped_amendment_keeps_its_repeal_and_word_replacements_when_a_proposal_is_accepted(
        tmp_workspace: Workspace) -> None:
    ws, path = tmp_workspace, f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    text = ws.read(path).decode("utf-8")
    text = text.replace("11\\. Bãi bỏ khoản 3 Điều 10 và điểm c khoản 2 Điều 16.",
                        "11\\. Bãi bỏ khoản 5 Điều 10 và điểm c khoản 2 Điều 16.")
    text = text.replace("trong toàn bộ Quy chế.\n", "trong toàn bộ Quy chế.\n\n"
                        "15\\. Thay thế cụm từ “Giúp Bí thư” bằng cụm từ “Giúp Bí thư Tỉnh ủy” tại khoản 1 Điều 10.\n\n"
                        "16\\. Thay thế cụm từ “Ký các văn bản” bằng cụm từ “Ký văn bản” tại khoản 4 Điều 10.\n", 1)
    ws.commit({path: text.encode("utf-8")}, "Khoản 1, 4 Điều 10 sửa từ ngữ, khoản 5 bãi bỏ")
    rounds.open_round(ws, SHIPPED_AMENDMENT, "Lấy ý kiến", "2099-03-15", ["Ban Tổ chức Tỉnh ủy"])
    point = draft_text(ws, SHIPPED_AMENDMENT).find("d12.k1.b").unit.text[0]
    proposal = "b) " + point.replace("theo quyết định của Thường trực Tỉnh ủy;", "theo quyết định của Ban Thường vụ;")
    comment = rounds.add_comment(ws, SHIPPED_AMENDMENT, "Ban Tổ chức Tỉnh ủy", "d12.k1.b", "Sửa.", proposal=proposal)
    accept_proposal(ws, SHIPPED_AMENDMENT, comment.id, "Tiếp thu.")
    after = ws.read(path).decode("utf-8")
    hunks = _changed(text, after)
    quoted = next(line for line in text.split("\n") if line.startswith("“b) Bất thường"))
    assert [old for old, _ in hunks] == [[], [quoted]]
    assert hunks[1][1][0].endswith("theo quyết định của Ban Thường vụ;”.")
    draft = draft_text(ws, SHIPPED_AMENDMENT)
    assert draft.find("d10.k5").unit.repealed
    assert draft.find("d10.k4").unit.text[0].startswith("Ký văn bản của Ban Chấp hành")
    instructions = load_amendment(after, path, SHIPPED_AMENDMENT).instructions
    assert [ins.location for ins in instructions] == [str(n) for n in range(1, 17)]


def test_from_edits_of_the_preview_keeps_the_instructions_on_article_2(english: Workspace, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    # The same edit made by the drafter in the preview (`amend preview`, then `amend from-edits`): the same loss.
    ws, path = english, "amendments/a1/amendment.md"
    preview = tmp_path / "preview.md"
    assert invoke(ws.root, "amend", "preview", "a1", "-o", str(preview)).exit_code == 0
    edited = preview.read_text(encoding="utf-8")
    assert "3\\. (repealed)" in edited
    preview.write_text(edited.replace("on the 25th day", "on the 20th day"), encoding="utf-8")
    before = ws.read(path).decode("utf-8")
    result = invoke(ws.root, "amend", "from-edits", "a1", "--edited", str(preview))
    assert result.exit_code == 0, result.output
    assert _changed(before, ws.read(path).decode("utf-8")) == [
        (["Salaries are paid on the 25th day of each month.”"], ["Salaries are paid on the 20th day of each month.”"])]
