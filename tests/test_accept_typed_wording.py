"""An accepted proposal holding `*` or `_` reads as the member typed it in every output (r30 sweep AP 2).

Provision text is Markdown (docs/format.md): the HTML redline and the consolidated DOCX read its bold and italic.
A member types a wording in a plain box, so accepting it writes `\\*` and `\\_` where the line would read as
emphasis (`core.inline.typed_wording`); the HTML and PDF redline, the DOCX redline and `show` then all print
`*hai*` and `2*3*4` (`show`: test_cli_core). Written raw, the HTML printed `<em>hai</em>` and `234` while the
DOCX printed the stars."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.core.inline import typed_wording
from regdraft.workspace import rounds
from regdraft.workspace.proposals import accept_proposal
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke

BODY = "Ban Tổ chức Tỉnh ủy"


def test_a_line_that_reads_as_typed_is_left_as_it_is() -> None:
    assert typed_wording("công tác năm_sau; (*) ghi chú") == "công tác năm_sau; (*) ghi chú"
    assert typed_wording("“b\\) Cá nhân \\*chịu\\* trách nhiệm;”") == "“b\\) Cá nhân \\*chịu\\* trách nhiệm;”"
    assert typed_wording("*hai* và 2*3*4") == "\\*hai\\* và 2\\*3\\*4"


def test_an_accepted_wording_with_stars_and_underscores_reads_as_typed_everywhere(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    ws = tmp_workspace
    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2030-07-15", [BODY])
    anchor = rounds.add_comment(ws, SLUG, BODY, "d12.k1.a", "Đề nghị sửa.", proposal="a) Thường lệ hai tháng một lần"
                                ).anchor  # the point's text, to write the wording from
    assert "ba tháng" in anchor and anchor.endswith("năm sau;")
    typed = "a) " + anchor.replace("ba tháng", "*hai* tháng").replace("năm sau;", "năm_sau __x__ 2*3*4;")
    comment = rounds.add_comment(ws, SLUG, BODY, "d12.k1.a", "Đề nghị hai tháng.", proposal=typed)
    assert accept_proposal(ws, SLUG, comment.id).commit
    reads = typed.removeprefix("a) ")

    page = tmp_path / "red.html"
    assert invoke(ws, "redline", SLUG, "--format", "html", "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    point = html[html.index("Thường lệ <del"):].split("</p>")[0]
    assert "<em>" not in point and "<strong>" not in point, point
    assert "*hai*" in point and "2*3*4" in point and "__x__" in point and "\\" not in point, point
    word = tmp_path / "red.docx"
    assert invoke(ws, "redline", SLUG, "-o", str(word)).exit_code == 0
    texts = ["".join(e.text or "" for e in p._p.iter() if e.tag == qn("w:t"))  # the new reading: inserted and kept
             for p in docx.Document(str(word)).paragraphs]
    (line,) = [t for t in texts if t.startswith("a) Thường lệ")]
    assert re.sub(r"\s+", " ", line) == f"a) {reads}", line


def test_a_character_reference_and_an_address_typed_read_as_typed() -> None:
    """`&amp;` typed in a proposal printed `&` in the HTML (markdown-it reads a character reference), and
    `<http://…>` printed without its brackets (an autolink): both are escaped as `*` is (wording31)."""
    assert typed_wording("R&amp;D và O&M") == "R\\&amp;D và O&M"  # `O&M` reads as typed: as it is
    assert typed_wording("xem <http://x.vn> và <b>") == "xem \\<http://x.vn> và \\<b>"
    assert typed_wording("O&M và R&D <b>") == "O&M và R&D <b>"  # no reference, no address: as it is
    assert typed_wording("1&#46; Số *hai*") == "1&#46; Số \\*hai\\*"  # the format's literal number kept


def test_an_accepted_wording_with_a_character_reference_reads_as_typed_everywhere(
        tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    ws = tmp_workspace
    rounds.open_round(ws, SLUG, "Lấy ý kiến", "2030-07-15", [BODY])
    anchor = rounds.add_comment(ws, SLUG, BODY, "d12.k1.a", "Đề nghị sửa.", proposal="a) Thường lệ hai tháng một lần"
                                ).anchor
    typed = "a) " + anchor.replace("ba tháng", "hai tháng (R&amp;D, &lt;b&gt;)")
    comment = rounds.add_comment(ws, SLUG, BODY, "d12.k1.a", "Đề nghị hai tháng.", proposal=typed)
    assert accept_proposal(ws, SLUG, comment.id).commit
    page = tmp_path / "red.html"
    assert invoke(ws, "redline", SLUG, "--format", "html", "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    point = html[html.index("Thường lệ <del"):].split("</p>")[0]
    assert "(R&amp;amp;D, &amp;lt;b&amp;gt;)" in point, point  # the characters typed, escaped for HTML
    word = tmp_path / "red.docx"
    assert invoke(ws, "redline", SLUG, "-o", str(word)).exit_code == 0
    texts = ["".join(e.text or "" for e in p._p.iter() if e.tag == qn("w:t"))
             for p in docx.Document(str(word)).paragraphs]
    (line,) = [t for t in texts if t.startswith("a) Thường lệ")]
    assert "(R&amp;D, &lt;b&gt;)" in line, line
    shown = invoke(ws, "show", "01-QC/TU", "d12.k1.a", "--changes")
    assert shown.exit_code == 0 and "R&amp;D, &lt;b&gt;" in shown.output, shown.output
