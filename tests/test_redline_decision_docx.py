"""The Word and HTML redlines of a Decision (the `amend new` scaffold for a Quy chế issued with a decision, one
instruction added) print its opening and signature as the amending document and the consolidated text do: the
authority line and `QUYẾT ĐỊNH:` in the style `Dòng phần mở đầu`, a two-line `on_behalf` one centred line each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke, unsaid
from tests.test_issued_with_decision import INSTRUCTION, QUY_CHE, REG, _ok

TWO_LINES = "  on_behalf: |-\n    TM. ỦY BAN NHÂN DÂN\n    KT. CHỦ TỊCH\n  title: PHÓ CHỦ TỊCH\n"
ONE_LINE = "  on_behalf: TM. ỦY BAN NHÂN DÂN\n  title: CHỦ TỊCH\n"


def _compared(ws: Workspace, invoke: Invoke, suffix: str, old_signer: str = TWO_LINES) -> Path:
    """The scaffold against the scaffold with one instruction and one basis more, compared into `suffix`."""
    ws.commit({"regulations/15-2021-QĐ-UBND.md": QUY_CHE.replace(ONE_LINE, TWO_LINES).encode()}, "Quy chế")
    _ok(invoke, ws, "amend", "new", "qd", "--regulation", REG)
    text = (ws.root / "amendments/qd/amendment.md").read_text(encoding="utf-8")
    assert TWO_LINES in text
    old, new = ws.root / "old.md", ws.root / "new.md"
    old.write_text(text.replace(TWO_LINES, old_signer), encoding="utf-8")
    new.write_text(text.replace("\n## Điều 2. Hiệu lực", "\n" + INSTRUCTION + "## Điều 2. Hiệu lực").replace(
        "Căn cứ …;", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;"), encoding="utf-8")
    out = ws.root / f"redline.{suffix}"
    done = invoke(None, "compare", str(old), str(new), "-o", str(out))
    assert done.exit_code == 0, done.output
    return out


def _accepted(para: Any) -> str:
    """A paragraph's text once every tracked change is accepted (python-docx's `text` leaves out insertions)."""
    from docx.oxml.ns import qn

    return "".join(t.text or "" for t in para._p.iter(qn("w:t")))


def _signer_cell(path: Path) -> list[Any]:
    import docx

    cells = [cell for table in docx.Document(str(path)).tables for cell in table._cells]
    return next(c.paragraphs for c in cells if any("PHÓ CHỦ TỊCH" in _accepted(p) for p in c.paragraphs))


def test_the_word_redline_prints_the_authority_line_and_the_verb_as_opening_lines(empty_workspace: Workspace,
                                                                                 invoke: Invoke) -> None:
    import docx

    out = _compared(empty_workspace, invoke, "docx")
    styles = {_accepted(p): p.style.name for p in docx.Document(str(out)).paragraphs if p.style is not None}
    assert styles["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"] == "Dòng phần mở đầu"
    assert styles["QUYẾT ĐỊNH:"] == "Dòng phần mở đầu"
    # A basis stays in italics, also one the drafts changed (its old and new words tracked in one paragraph).
    assert styles["Căn cứ Luật Tổ chức chính quyền địa phương …;"] == "Phần mở đầu"
    assert styles["Căn cứ Luật Ban hành văn bản quy phạm pháp luật;"] == "Phần mở đầu"


@pytest.mark.parametrize("old_signer", [TWO_LINES, ONE_LINE], ids=["same", "added-line"])
def test_the_word_redline_prints_each_authority_line_centred_on_its_own(empty_workspace: Workspace, invoke: Invoke,
                                                                        old_signer: str) -> None:
    paragraphs = _signer_cell(_compared(empty_workspace, invoke, "docx", old_signer))
    texts = [_accepted(p) for p in paragraphs if _accepted(p)]
    assert texts[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], texts
    for para in paragraphs[:2]:
        assert "\n" not in _accepted(para) and all(run.bold for run in para.runs), para.text
        assert para.alignment is not None and para.alignment == 1, para.text  # centred
        # Centred on the column as the consolidated text's, not pushed right by the body text's first-line indent.
        assert para.paragraph_format.first_line_indent == 0, para.text


@pytest.mark.parametrize("old_signer", [TWO_LINES, ONE_LINE], ids=["same", "added-line"])
def test_the_html_redline_prints_each_authority_line_on_its_own(empty_workspace: Workspace, invoke: Invoke,
                                                                old_signer: str) -> None:
    html = unsaid(_compared(empty_workspace, invoke, "html", old_signer).read_text(encoding="utf-8"))
    first = '<p class="on-behalf">TM. ỦY BAN NHÂN DÂN</p>'
    assert first + '<p class="on-behalf">KT. CHỦ TỊCH</p>' in html or \
        first + '<p class="on-behalf"><ins class="ins">KT. CHỦ TỊCH</ins></p>' in html
    assert "TM. ỦY BAN NHÂN DÂN KT." not in html
