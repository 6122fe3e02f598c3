"""`amend from-edits` of a text pasted from Word: its no-break and other odd spaces read as an import reads them.

A senior legal editor pasted provisions of Luật Thi đua, khen thưởng 2003 back from Word: the quoted new text kept
`Danh\u00a0hiệu` and `Chính\u00a0phủ`, invisible in the amending document and, once adopted, in the law, where a
phrase instruction quoting `Chính phủ` would no longer find them.
"""

from __future__ import annotations

from pathlib import Path

from regdraft.core.amend import load_amendment
from regdraft.importer.plaintext import clean

from .conftest import CORPUS, Invoke, needs_corpus

ODD = "\u00a0\u2007\u202f"


@needs_corpus
def test_odd_spaces_pasted_from_word_are_read_as_an_import_reads_them(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "ws"
    for args in (("init", str(root)), ("import", str(CORPUS / "luat-thi-dua-khen-thuong.txt"))):
        result = invoke(root if args[0] != "init" else None, *args)
        assert result.exit_code == 0, result.output
    law = (root / "regulations" / "15-2003-QH11.md").read_text(encoding="utf-8")
    edits = [("1\\. Danh hiệu thi đua đối với cá nhân;", "1\\. Danh\u00a0hiệu thi đua đối\u202fvới cá nhân,\u00a0"
              "tổ chức;"),
             ("1\\. Chủ tịch nước, Thủ tướng Chính phủ phát động,", "1\\. Chủ tịch nước, Thủ tướng Chính\u00a0phủ "
              "phát\u2007động \u00a0kịp thời,"),
             # differs from the law by its spaces alone: no change
             ("2\\. Danh hiệu thi đua đối với tập thể;", "2\\. Danh\u00a0hiệu thi đua đối\u202f với tập thể;")]
    edited = law
    for old, new in edits:
        assert old in edited, old
        edited = edited.replace(old, new, 1)
    copy = tmp_path / "edited.md"
    copy.write_text(edited, encoding="utf-8")
    result = invoke(root, "amend", "from-edits", "td", "-r", "15/2003/QH11", "--edited", str(copy))
    assert result.exit_code == 0, result.output
    text = (root / "amendments" / "td" / "amendment.md").read_text(encoding="utf-8")
    assert not any(c in text for c in ODD)
    written = [(ins.text, ins.quote) for ins in load_amendment(text, "amendment.md", "td").instructions]
    assert written == [
        ("Sửa đổi, bổ sung khoản 1 Điều 7 như sau:", ("“1\\. Danh hiệu thi đua đối với cá nhân, tổ chức;”.",)),
        ("Sửa đổi, bổ sung khoản 1 Điều 18 như sau:",
         ("“1\\. Chủ tịch nước, Thủ tướng Chính phủ phát động kịp thời, chỉ đạo phong trào thi đua trong phạm vi cả "
          "nước.”.",))]
    assert ("edited.md has no-break or other special spaces (as text copied from Word has) in khoản 1 Điều 7, "
            "khoản 2 Điều 7, khoản 1 Điều 18: they are read as plain spaces, as an import reads them") in " ".join(
        result.output.split())
    # A zero-width character is refused, naming its line, as `check` refuses it in any regulation file.
    copy.write_text(edited.replace("Chính\u00a0phủ", "Chính\u200bphủ"), encoding="utf-8")
    refused = invoke(root, "amend", "from-edits", "td", "--edited", str(copy))
    assert refused.exit_code != 0 and "U+200B" in refused.output, refused.output
    # An import reads them so: a narrow no-break space is a space, a zero-width one nothing (it made `nhân , tổ`).
    pasted = "Danh\u00a0hiệu đối\u202fvới cá nhân\u200b, tổ\u2007chức\u2060 "
    assert clean(pasted) == "Danh hiệu đối với cá nhân, tổ chức"
