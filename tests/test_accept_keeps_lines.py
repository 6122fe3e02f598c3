"""Accepting a proposal changes the lines of the accepted provision's quote alone.

The instruction carrying it keeps its own sentence (`Sửa đổi Điều 35:`, `Sửa đổi, bổ sung điểm b và điểm đ khoản 1
Điều 45 như sau:`) and the punctuation after its quote as written; every other instruction keeps its lines, blank
lines included (Nghị định 48/2013 leaves one between dash items).
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import SHARED, SHIPPED_AMENDMENT, Invoke, needs_corpus, standing_for_a_draft

BODY = "Bộ Tư pháp"


def _accepted(invoke: Invoke, root: Path, slug: str, on: str, opening: str, old: str, new: str) -> tuple[str, str]:
    """The quote line of the amendment opening with `opening`, before and after accepting a proposal that writes
    `new` for `old` in it; the amendment's other changed lines must be the reason recorded."""
    from regdraft.workspace.proposals import accept_proposal

    path = root / "amendments" / slug / "amendment.md"
    before = path.read_text(encoding="utf-8").split("\n")
    line = next(line for line in before if line.startswith(opening))
    assert old in line
    proposal = line.removeprefix("“").rstrip(".;").removesuffix("”").replace("\\.", ".", 1).replace(old, new, 1)
    added = invoke(root, "comment", "add", slug, "--by", BODY, "--on", on, "--text", "Đề nghị sửa.",
                   "--proposal", proposal, "--json")
    assert added.exit_code == 0, added.output
    assert accept_proposal(Workspace(root), slug, json.loads(added.output)["comment"]["id"]).commit
    after = path.read_text(encoding="utf-8").split("\n")
    hunks = [(before[i1:i2], after[j1:j2]) for tag, i1, i2, j1, j2 in
             difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes() if tag != "equal"]
    reasons = [hunk for hunk in hunks if not hunk[0] and all(x.startswith(("reasons:", "  ")) for x in hunk[1])]
    assert len(reasons) == 1, hunks
    quote = [hunk for hunk in hunks if hunk not in reasons]
    assert len(quote) == 1 and len(quote[0][0]) == 1 and len(quote[0][1]) == 1, quote
    return quote[0][0][0], quote[0][1][0]


def _enacted(invoke: Invoke, root: Path, folder: str, base: str, amending: str, slug: str) -> None:
    """A workspace with the enacted amending document imported as a draft modelled on it (its signing date taken out:
    an issued text's instructions keep their words, tests/test_cli_amend_from_edits_issued.py), circulated in round
    1."""
    source = SHARED / "corpus" / "amendments" / folder
    for args in (("init", str(root)), ("import", str(source / base)),
                 ("amend", "import", str(source / amending), "--slug", slug)):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    standing_for_a_draft(root, slug)
    for command in (("amend", "status", slug, "--draft", "1"),
                    ("round", "open", slug, "--title", "Lấy ý kiến", "--due", "2030-07-15", "--consult", BODY)):
        result = invoke(root, *command)
        assert result.exit_code == 0, result.output


@needs_corpus
def test_a_proposal_on_a_point_of_luat_57_2024_keeps_its_instructions_sentence(invoke: Invoke, tmp_path: Path) -> None:
    # Instruction 16's `Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:` became `Sửa đổi, bổ sung một số
    # điểm của khoản 1 Điều 45 như sau:`.
    root = tmp_path / "ws"
    _enacted(invoke, root, "luat-dau-thau-2023", "base-22-2023-QH15.txt", "amending-57-2024-QH15.txt", "luat-57-2024")
    was, now = _accepted(invoke, root, "luat-57-2024", "d45.k1.b", "“b) Thời gian chuẩn bị hồ sơ dự thầu",
                         "tối thiểu là 18 ngày", "tối thiểu là 20 ngày")
    assert now == was.replace("tối thiểu là 18 ngày", "tối thiểu là 20 ngày", 1) and now.endswith("”;")
    text = (root / "amendments" / "luat-57-2024" / "amendment.md").read_text(encoding="utf-8")
    assert "16\\. Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:" in text


@needs_corpus
def test_a_proposal_on_nd_63_2010_keeps_the_decrees_sentences_spacing_and_quotes(invoke: Invoke,
                                                                                tmp_path: Path) -> None:
    # `10. Sửa đổi Điều 35:` became `Sửa đổi, bổ sung Điều 35 như sau:`, the blank lines between instruction 9's dash
    # items went, and `.` was added after khoản 5's closing quote.
    root = tmp_path / "ws"
    _enacted(invoke, root, "nd-63-2010", "base-63-2010-ND-CP.txt", "amending-48-2013-ND-CP.txt", "nd-48-2013")
    was, now = _accepted(invoke, root, "nd-48-2013", "d35.k5", "5\\. Tình hình, kết quả hoạt động kiểm soát",
                         "trung thực và thường xuyên", "trung thực, công khai và thường xuyên")
    assert now == was.replace("trung thực và thường xuyên", "trung thực, công khai và thường xuyên")
    assert now.endswith("khác.”")
    assert "10\\. Sửa đổi Điều 35:" in (root / "amendments" / "nd-48-2013" / "amendment.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("on", "opening", "old", "new"), [
    ("d4.k1.c", "“c) Thảo luận, cho ý kiến", "kế hoạch đầu tư công trung hạn", "kế hoạch đầu tư công"),
    ("d7.title", "“Điều 7. Nhiệm vụ", "trách nhiệm nêu gương", "trách nhiệm gương mẫu"),
], ids=["group", "title"])
def test_a_proposal_on_the_shipped_amendment_changes_its_quote_alone(tmp_workspace: Workspace, invoke: Invoke,
                                                                     on: str, opening: str, old: str, new: str) -> None:
    # Point c of instruction 1's group ends `”.` as the drafter wrote it, and Điều 7's new title `”`: they became the
    # house style's `”;` and `”.`.
    result = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--title", "Lấy ý kiến các ban",
                    "--due", "2099-03-15", "--consult", BODY)
    assert result.exit_code == 0, result.output
    was, now = _accepted(invoke, tmp_workspace.root, SHIPPED_AMENDMENT, on, opening, old, new)
    assert now == was.replace(old, new, 1)
