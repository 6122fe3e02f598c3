"""A printed page is written without copying it whole more than it must be (docs/performance.md, thirty-seventh
round): a 1,000-article redline is 1.6 M characters, and each copy is new memory the system must hand over.

- `write_page` writes `sealed(page)` as the sealed head and then the page's own encoding after it: the same bytes,
  with no slice and no joined copy of the page (counted as the memory the writing takes at its peak);
- a run of kept articles goes into the page as the text it is, not through `Markup` and `str` (two copies).
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

from regdraft.render import html as rhtml
from regdraft.render.fragments import text_of
from regdraft.render.output import write_page
from regdraft.render.policy import sealed, sealed_head
from regdraft.render.redline_page import PASSED, KeptRun, Page, passed_page

_PIECES = ["<meta charset='x'>", "<META http-equiv=refresh content=0>", "<link rel=x>", "<LINK\n>", "<meta>",
           "<metadata>", "<linked>", "<p>", "đ", "Điều 5", "\u1ec7", "😀", " ", "\n", "<!-- c -->", "<html lang=vi>",
           "<head>", "<!doctype html>", "<meta charset=utf-8>", "a", "&amp;", "<meta name=a content=b>"]


def _page(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))


def test_sealed_is_its_head_then_the_page_from_where_the_head_ends() -> None:
    rng = random.Random(37)
    for _ in range(3000):
        page = _page(rng)
        head, rest = sealed_head(page)
        assert head + page[rest:] == sealed(page)


def test_a_page_is_written_as_sealed(tmp_path: Path) -> None:
    rng = random.Random(38)
    for k in range(300):
        page = _page(rng) + "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 200)))
        target = tmp_path / f"p{k}.html"
        write_page(page, target, pdf=False)
        assert target.read_bytes() == sealed(page).encode("utf-8")
    write_page(lambda: "<p>x</p>", tmp_path / "f.html", pdf=False)  # a page given by the function rendering it
    assert (tmp_path / "f.html").read_bytes() == sealed("<p>x</p>").encode("utf-8")


@pytest.mark.parametrize("size", [20_000, 80_000])
def test_writing_a_page_takes_no_more_memory_than_its_encoding(tmp_path: Path, size: int) -> None:
    """The writing's peak is the encoder's own buffer (Python's UTF-8 encoder asks for three bytes a character of
    this page, and gives back what it does not use) and a constant, whatever the page's size: no copy of the page
    (two bytes a character here) is made beside it, as the sealed page and its slice were."""
    head = ('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Bản so sánh</title>\n</head>'
            "\n<body>\n")
    page = head + "<p>Điều lệ Đảng, khoản 2 Điều 5.</p>\n" * size + "</body>\n</html>\n"
    tracemalloc.start()
    try:
        write_page(page, tmp_path / "page.html", pdf=False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (tmp_path / "page.html").read_bytes() == sealed(page).encode("utf-8")
    assert peak < 3 * len(page) + 64_000, (peak, len(page))


def test_a_run_of_kept_articles_goes_into_the_page_as_it_is() -> None:
    """Its fragments go into the page as they are (under a chapter) or each moved to the heading level it stands at,
    as the run joined would be: never joined first, nor copied through `Markup` and `str`."""
    texts = ['<h3 class="article-heading">Điều 1. A</h3>\n<p class="para">x</p>\n',
             '<h3 class="article-heading">Điều 2. B</h3>\n<p class="para">y</p>\n',
             '<h3 class="article-heading">Điều 3. C</h3>\n<p class="para">z <b>h3</b></p>\n']
    run = KeptRun.of([(texts[0], True), (texts[1], True), (texts[2], True)])
    for level, copied in ((2, False), (3, True), (4, True)):
        passed: list[str | list[str | bytes]] = []
        page = Page({}, {"within": rhtml.within}, passed)
        printed = page._kept_run(run, level)
        assert printed == PASSED and len(passed) == 1
        pieces = passed[0]
        assert isinstance(pieces, list) and len(pieces) == 5
        joined = "".join(map(text_of, pieces))
        assert joined == str(rhtml.within("\n".join(texts), level))
        assert passed_page(f"<body>\n{PASSED}</body>\n", passed) == f"<body>\n{joined}</body>\n"
        # Under a chapter each fragment is printed as it is: the very text, not a copy of it.
        assert all((piece is not text) is copied for piece, text in zip(pieces[::2], texts, strict=True))


def test_kept_articles_as_bytes_go_into_the_page_as_bytes() -> None:
    """Kept fragments loaded as their UTF-8 bytes (a warm page's) stay bytes: the very bytes under a chapter, their
    headings moved in bytes below a section, the same page once decoded (thirty-eighth round)."""
    texts = ['<h3 class="article-heading">Điều 1. Ả</h3>\n<p class="para">x “y”</p>\n',
             '<h3 class="article-heading">Điều 2. B</h3>\n<p class="para">😀 </h3></p>\n']
    kept = [text.encode("utf-8") for text in texts]
    run = KeptRun.of([(kept[0], True), (kept[1], True)])
    for level, copied in ((2, False), (3, True), (4, True)):
        passed: list[str | list[str | bytes]] = []
        assert Page({}, {"within": rhtml.within}, passed)._kept_run(run, level) == PASSED
        pieces = passed[0]
        assert isinstance(pieces, list) and [type(p) for p in pieces] == [bytes, str, bytes]
        assert "".join(map(text_of, pieces)) == str(rhtml.within("\n".join(texts), level))
        assert all((piece is not fragment) is copied for piece, fragment in zip(pieces[::2], kept, strict=True))
