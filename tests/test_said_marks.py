"""The redline's screen pages say what each mark means in text a copy holds (`render.said_marks`): a member copying
a passage into an email kept `[bỏ: trên] [bổ sung: ít nhất]`, not `trên ít nhất`; the PDF's are said by its tags."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regdraft.render.redline import render_html, render_html_pieces
from regdraft.render.said_marks import said, said_pieces
from regdraft.workspace import compared_files, parse_cache
from regdraft.workspace import redline as rl
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_ENGLISH, SHIPPED_REGULATION

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

    redline = rl.build(tmp_workspace, "01-QC/TU")
    page = "".join(p if isinstance(p, str) else p.decode() for p in render_html_pieces(
        redline, workspace_root=tmp_workspace.root))
    assert '<del class="del"><span class="said">[bỏ: </span> khóa XII<span class="said">]</span></del>' in page
    assert UNSAID.sub("", page) == render_html(redline, workspace_root=tmp_workspace.root)
    assert 'class="said"' not in render_html(redline, workspace_root=tmp_workspace.root, bookmarks=True)  # the PDF's


# A kept article's bytes passed on unread (forty-third round, docs/performance.md): what makes it the same page.

class _Watched(bytes):
    """Bytes that note every search made in them."""

    searched: list[bytes] = []

    def __contains__(self, what: object) -> bool:
        self.searched.append(bytes(what) if isinstance(what, bytes | bytearray) else b"?")
        return super().__contains__(what)  # type: ignore[operator]

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        self.searched.append(b"(decoded)")
        return super().decode(encoding, errors)


def test_a_kept_article_outside_any_mark_is_passed_on_unread() -> None:
    kept = _Watched('<h3 class="article-heading">Điều 2. B</h3>\n<p class="para">class="mv" &lt;del&gt;</p>\n'
                    .encode())
    _Watched.searched = []
    pieces = said_pieces(['<div><p><del class="del">a</del></p>', kept, "</div>"], WORDS)
    assert pieces[1] is kept and _Watched.searched == []
    # Inside a mark left open it is read, as the page joined is.
    inside = said_pieces(['<div><span class="mv">b', kept, "</span></div>"], WORDS)
    assert _Watched.searched == [b"(decoded)"]
    assert "".join(p if isinstance(p, str) else p.decode() for p in inside) == said(
        f'<div><span class="mv">b{bytes(kept).decode()}</span></div>', WORDS)


@pytest.fixture
def _fresh_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(parse_cache, "_memory", type(parse_cache._memory)())
    monkeypatch.setattr(parse_cache, "_origins", type(parse_cache._origins)())
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))


@pytest.mark.usefixtures("_fresh_process")
@pytest.mark.parametrize("path", [SHIPPED_REGULATION, SHIPPED_ENGLISH])
def test_a_warm_pages_kept_articles_open_no_mark_and_close_what_they_open(tmp_path: Path, path: Path) -> None:
    """What `render.fragments` post-condition 5 promises and `said_pieces` relies on, on kept fragments as a warm page
    loads them: no mark's opening tag and no script; each `del`, `ins` or `span` closed inside the fragment."""
    text = path.read_text(encoding="utf-8")
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    new.write_text("\n".join(line.replace(" ", " mới ", 1) if k % 9 == 0 and not line.startswith(("#", "-", "|"))
                             and ":" not in line else line for k, line in enumerate(lines)), encoding="utf-8")
    for _ in range(2):  # cold: the fragments printed and kept; warm: loaded as their bytes
        parse_cache._memory.clear()
        parse_cache._origins.clear()
        pieces = render_html_pieces(compared_files.build_files(old, new))
    kept = [piece for piece in pieces if isinstance(piece, bytes)]
    assert len(kept) > 3
    marks = {'<del class="del">', '<ins class="ins">', '<del class="mv">', '<ins class="mv">', '<span class="mv">'}
    for piece in kept:
        open_: list[str] = []
        for found in re.finditer(r"<(/?)(del|ins|span|script)\b[^>]*>", piece.decode()):
            assert found.group(2) != "script" and found.group(0) not in marks
            if found.group(1):
                assert open_.pop() == found.group(2)
            else:
                open_.append(found.group(2))
        assert open_ == []
