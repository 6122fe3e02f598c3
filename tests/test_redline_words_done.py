"""A provision whose words one instruction replaces and another adds to is labelled by what they do, `thay thế, bổ
sung cụm từ` (`words replaced and added`), in the summary, the comparison table and the Word summary: it read
`bổ sung cụm từ` alone, the replacement's new words holding the old ones, though the row cited both instructions
(r42 sweep CM 7)."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from regdraft.workspace.store import Workspace, init_workspace
from tests.conftest import Invoke, needs_corpus
from tests.test_redline_kinds import LAW, _redline, _with_instructions

BOTH = """
1\\. Thay thế cụm từ “đơn vị tư vấn đấu thầu” bằng cụm từ “đơn vị tư vấn đấu thầu chuyên nghiệp” tại khoản 1 Điều 19.

2\\. Bổ sung cụm từ “, hồ sơ mời thầu qua mạng” vào sau cụm từ “hồ sơ yêu cầu” tại khoản 1 Điều 19.

3\\. Thay thế cụm từ “trách nhiệm giải trình” bằng cụm từ “trách nhiệm giải trình theo quy định” tại khoản 2 Điều 55.
"""


@needs_corpus
def test_words_replaced_and_added_in_one_clause_are_labelled_both(invoke: Invoke, tmp_path: Path) -> None:
    root = init_workspace(tmp_path / "ws").root
    assert invoke(root, "import", str(LAW)).exit_code == 0
    _with_instructions(invoke, root, "22/2023/QH15", "bs", BOTH)
    # instruction 3 replaces words by words holding them: the comparison sees words added, the instruction replaces
    assert _redline(invoke, root, "bs", tmp_path / "r.html") == [
        ("khoản 1 Điều 19", "thay thế, bổ sung cụm từ"), ("khoản 2 Điều 55", "thay thế cụm từ")]
    table = tmp_path / "t.html"
    assert invoke(root, "redline", "bs", "--layout", "table", "-o", str(table)).exit_code == 0
    notes = re.findall(r'<td class="col-note"><p>(.*?)</p>', table.read_text(encoding="utf-8"))
    assert notes == ["thay thế, bổ sung cụm từ", "thay thế cụm từ"], notes
    word = tmp_path / "r.docx"
    assert invoke(root, "redline", "bs", "-o", str(word)).exit_code == 0
    summary = [p.text for p in docx.Document(str(word)).paragraphs if re.match(r"\d+\. ", p.text)]
    assert summary[0] == "1. khoản 1 Điều 19: thay thế, bổ sung cụm từ", summary


def test_english_words_replaced_and_added_are_labelled_both(invoke: Invoke, tmp_workspace: Workspace) -> None:
    root = tmp_workspace.root
    _with_instructions(invoke, root, "01-QC/TU-EN", "en-words", """
1\\. Replace the words "Party Charter" with "Party Charter and its guidance" in clause 1 of Article 7.

2\\. Insert the words ", in writing," after the words "responsible" in clause 1 of Article 7.
""")
    assert _redline(invoke, root, "en-words", root / "r.html") == [
        ("Clause 1, Article 7", "words replaced and added")]
