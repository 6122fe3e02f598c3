"""A comment's inline Markdown as the HTML report shows it: in the report's DOCX and on the review server's
comments page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from regdraft.workspace.rounds import add_comment, respond_comment
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke
from tests.web.conftest import client

SLUG = "mini-sua"
TEXT = r"Bổ sung **rà phá** bom mìn và \*ký hiệu\*"
REPLY = "Tiếp thu *một phần* tại **khoản 2**"


def _runs(cell: Any) -> list[tuple[str, bool, bool]]:
    """A table cell's runs as (text, bold, italic), empty runs left out."""
    return [(r.text, bool(r.bold), bool(r.italic)) for p in cell.paragraphs for r in p.runs if r.text]


def test_the_docx_report_writes_inline_markdown_as_runs(consulting_workspace: Workspace, invoke: Invoke,
                                                         tmp_path: Path) -> None:
    import docx

    ws = consulting_workspace
    added = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--text", TEXT, "--proposal", "*mới* hơn")
    assert added.exit_code == 0, added.output
    comment_id = added.output.split()[2]
    answered = invoke(ws, "comment", "respond", comment_id, "--disposition", "partly", "--reply", REPLY)
    assert answered.exit_code == 0, answered.output
    out = tmp_path / "r.docx"
    written = invoke(ws, "round", "report", SLUG, "-o", str(out))
    assert written.exit_code == 0, written.output
    row = docx.Document(str(out)).tables[1].rows[1].cells
    assert _runs(row[3]) == [("Bổ sung ", False, False), ("rà phá", True, False),
                             (" bom mìn và *ký hiệu*", False, False),  # the escapes are the characters
                             ("Đề xuất: ", False, True), ("mới", False, True), (" hơn", False, True)]
    assert _runs(row[4]) == [("Tiếp thu một phần", True, False), ("Tiếp thu ", False, False),
                             ("một phần", False, True), (" tại ", False, False), ("khoản 2", True, False)]
    # The runs keep the table's smaller size, as the rest of the row.
    sizes = {r.font.size for cell in row for p in cell.paragraphs for r in p.runs}
    assert len(sizes) == 1 and None not in sizes


def test_the_comments_page_shows_inline_markdown_and_escapes_html(consulting_workspace: Workspace) -> None:
    ws = consulting_workspace
    comment = add_comment(ws, SLUG, "Ban A", "general", TEXT)
    respond_comment(ws, comment.id, "partly", REPLY + " <script>alert(1)</script>")
    add_comment(ws, SLUG, "Ban B", "general", "<script>alert(2)</script> **đậm**")
    page = client(ws).get(f"/a/{SLUG}/comments")
    assert page.status_code == 200, page.text
    assert "Bổ sung <strong>rà phá</strong> bom mìn và *ký hiệu*" in page.text
    assert ": Tiếp thu <em>một phần</em> tại <strong>khoản 2</strong> &lt;script&gt;alert(1)&lt;/script&gt;" \
        in page.text
    assert "&lt;script&gt;alert(2)&lt;/script&gt; <strong>đậm</strong>" in page.text
    assert "<script>alert" not in page.text
    shown = re.findall(r'<p class="(?:text|answer)">(.*?)</p>', page.text)
    assert len(shown) == 3 and not any("**" in p for p in shown)  # the reply's form keeps its Markdown to edit
