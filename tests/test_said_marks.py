"""The redline's screen pages say what each mark means in text a copy holds (`render.said_marks`): a member copying
a passage into an email kept `[bỏ: trên] [bổ sung: ít nhất]`, not `trên ít nhất`; the PDF's are said by its tags."""

from __future__ import annotations

import re

from regdraft.render.redline import render_html, render_html_pieces
from regdraft.render.said_marks import said, said_pieces
from regdraft.workspace.store import Workspace

WORDS = {"spoken_deleted": "bỏ", "spoken_inserted": "bổ sung", "spoken_moved_away": "đã chuyển đi",
         "spoken_moved_here": "chuyển đến"}
UNSAID = re.compile(r'<span class="said">[^<]*</span>')


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_each_mark_holds_its_words_and_a_mark_inside_another_is_said_inside_it() -> None:
    html = ('<p>khi có <del class="del">trên</del> <ins class="ins">ít <em>nhất</em></ins> một phần ba; '
            '<span class="mv">chuyển <span class="nobr">22-QĐ/TW</span> <del class="del">x</del> y</span>'
            '<del class="mv">cũ</del><ins class="mv">mới</ins></p>')
    out = said(html, WORDS)
    assert _text(out) == ("khi có [bỏ: trên] [bổ sung: ít nhất] một phần ba; "
                          "[chuyển đến: chuyển 22-QĐ/TW [bỏ: x] y][đã chuyển đi: cũ][chuyển đến: mới]")
    assert UNSAID.sub("", out) == html


def test_other_elements_and_scripts_are_left_as_they_are() -> None:
    html = ('<script type="application/json">{"a": "<del class=\\"del\\">x</del>"}</script>'
            '<del>proposal</del><ins class="ins chg">y</ins><span class="badge">1</span>')
    assert said(html, WORDS) == html


def test_a_page_in_pieces_is_said_as_the_page_is() -> None:
    page = '<div><p><del class="del">a</del> <span class="mv">b <ins class="ins">c</ins> d</span></p></div>'
    one, two = page.index("b <ins"), page.index(" d</span>")
    # The moved span opened in one piece, closed in another.
    cut: list[str | bytes] = [page[:one], page[one:two].encode(), page[two:]]
    pieces = said_pieces(cut, WORDS)
    assert "".join(p if isinstance(p, str) else p.decode() for p in pieces) == said(page, WORDS)
    assert isinstance(pieces[1], bytes)
    kept = b"<p>an article kept, no mark</p>"
    assert said_pieces(["<div>", kept, "</div>"], WORDS)[1] is kept  # passed on as they are


def test_the_html_redline_says_its_marks_and_the_pdfs_page_does_not(tmp_workspace: Workspace) -> None:
    from regdraft.workspace import redline as rl

    redline = rl.build(tmp_workspace, "01-QC/TU")
    page = "".join(p if isinstance(p, str) else p.decode() for p in render_html_pieces(
        redline, workspace_root=tmp_workspace.root))
    assert '<del class="del"><span class="said">[bỏ: </span> khóa XII<span class="said">]</span></del>' in page
    assert UNSAID.sub("", page) == render_html(redline, workspace_root=tmp_workspace.root)
    assert 'class="said"' not in render_html(redline, workspace_root=tmp_workspace.root, bookmarks=True)  # the PDF's
