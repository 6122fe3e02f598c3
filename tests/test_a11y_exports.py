"""The exported documents for a reader who cannot see them: headings and a main landmark in the HTML, a tagged PDF,
and a Word report named as its PDF is."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import docx
import pypdf

from regdraft.workspace.store import Workspace
from tests import pdf_text
from tests.conftest import SHIPPED_AMENDMENT, Invoke


def _made(invoke: Invoke, ws: Workspace, out: Path, *command: str) -> Path:
    result = invoke(ws, *command, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_the_consolidated_html_is_headed_by_its_title_chapters_and_articles(tmp_workspace: Workspace, invoke: Invoke,
                                                                           tmp_path: Path) -> None:
    page = _made(invoke, tmp_workspace, tmp_path / "hn.html", "export", "01-QC/TU").read_text(encoding="utf-8")
    assert page.count("<main>") == 1 and "</main>" in page
    assert re.search(r'<h1 class="doc-title"><span class="doc-type">QUY CHẾ</span>\s*<span class="doc-summary">', page)
    # A chapter's label and title are one heading, each on its line as before.
    # Each heading, clause and point carries its address as an id, so a published text can be linked (r29 AK 2).
    assert re.search(r'<h2 class="heading-lines" id="ch1"><span class="chapter">Chương I</span>\s*'
                     r'<span class="chapter-title">NHỮNG QUY ĐỊNH CHUNG</span></h2>', page)
    articles = re.findall(r'<h([34]) class="article-heading" id="d\d+[a-z]?">(Điều \d+[a-z]?)\.', page)
    assert [a for _, a in articles[:3]] == ["Điều 1", "Điều 2", "Điều 3"] and len(articles) >= 30
    # An article under a Mục is one level below it (h4), as in the redline; under a chapter an h3 (r29 AK 1).
    assert ("4", "Điều 12") in articles and ("3", "Điều 11") in articles
    section = page.index('<span class="section">Mục 1</span>')
    assert page.rfind("<h3", 0, section) > page.rfind("<h2", 0, section)  # the Mục itself is an h3
    assert '<p class="clause" id="d12.k2">2.' in page
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert '<p class="article-heading' not in page and '<p class="chapter' not in page


def test_the_redline_html_is_headed_too(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    page = _made(invoke, tmp_workspace, tmp_path / "r.html", "redline", SHIPPED_AMENDMENT).read_text(encoding="utf-8")
    assert "<main>" in page and len(re.findall(r"<h1[ >]", page)) == 1
    assert re.search(r'<h2 class="chapter[^"]*"[^>]*>Chương I<br>', page)
    assert re.search(r'<h3 class="article-heading chg"[^>]*>Điều 7\. <del class="del">', page)  # a changed article
    assert re.search(r'<h3 class="article-heading"[^>]*>Điều 8\. ', page)  # an unchanged one


def test_the_redline_pdf_is_tagged_and_its_pages_keep_their_text(tmp_workspace: Workspace, invoke: Invoke,
                                                                 tmp_path: Path) -> None:
    pdf = _made(invoke, tmp_workspace, tmp_path / "r.pdf", "redline", SHIPPED_AMENDMENT)
    reader = pypdf.PdfReader(pdf)
    root: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    # Headings styled as the paragraphs they were, the heading line as it printed; bookmarks since round 40
    # (tests/test_pdf_bookmarks.py).
    assert reader.outline
    text = " ".join(pdf_text.pages(pdf))
    assert "Điều 7." in text and f"Trang {len(reader.pages)}/{len(reader.pages)}" in text


def test_the_report_docx_is_named_as_its_pdf(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    opened = invoke(tmp_workspace, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-01-01", "--consult", "Ban A")
    assert opened.exit_code == 0, opened.output
    page = _made(invoke, tmp_workspace, tmp_path / "report.html", "round", "report", SHIPPED_AMENDMENT)
    title = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"))
    assert title and title.group(1).startswith("Báo cáo tiếp thu, giải trình")
    word = _made(invoke, tmp_workspace, tmp_path / "report.docx", "round", "report", SHIPPED_AMENDMENT)
    assert docx.Document(str(word)).core_properties.title == html.unescape(title.group(1))


def _outline(paragraph: Any) -> int | None:
    """A paragraph's outline level as Word's navigation pane reads it: its own, else its style's (None: body)."""
    from docx.oxml.ns import qn

    for element in (paragraph._p.pPr, paragraph.style.element.pPr):
        found = element.find(qn("w:outlineLvl")) if element is not None else None
        if found is not None:
            level = int(found.get(qn("w:val")))
            return None if level == 9 else level
    return None


def test_the_consolidated_docx_lists_each_chapter_once_in_the_navigation_pane(tmp_workspace: Workspace,
                                                                              invoke: Invoke, tmp_path: Path) -> None:
    word = docx.Document(str(_made(invoke, tmp_workspace, tmp_path / "hn.docx", "export", "01-QC/TU")))
    outline = [(_outline(p), p.text) for p in word.paragraphs if _outline(p) is not None]
    # afd7027 gave a chapter's title line the chapter's level too: `NHỮNG QUY ĐỊNH CHUNG` listed after `Chương I`;
    # d7e9347 put the title line at body level, so the pane listed `Chương I`, `Chương II`… with no name (r30 AN).
    chapters = [text for level, text in outline if level == 0]
    assert chapters[:2] == ["Chương I\nNHỮNG QUY ĐỊNH CHUNG",
                            "Chương II\nTRÁCH NHIỆM, QUYỀN HẠN CỦA BAN CHẤP HÀNH, BAN THƯỜNG VỤ, THƯỜNG TRỰC TỈNH ỦY"]
    assert len(chapters) == len(set(chapters)) and all(text.count("\n") == 1 for text in chapters)
    assert [text for level, text in outline if level == 1][0].startswith("Mục 1\n")
    assert all(text.startswith(("Chương", "Mục", "Điều")) for _, text in outline)
    assert not any(p.text == "NHỮNG QUY ĐỊNH CHUNG" for p in word.paragraphs)  # not a paragraph of its own


def test_an_english_consolidated_text_is_linked_by_english_addresses(tmp_workspace: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    # Readers of an English text write `a12.c2` (`show`, `refs`, the accept commit); its published ids said
    # `d12.k2` (r30 sweep AN 3).
    page = _made(invoke, tmp_workspace, tmp_path / "en.html", "export", "01-QC/TU-EN").read_text(encoding="utf-8")
    ids = re.findall(r' id="([^"]+)"', page)
    assert '<p class="clause" id="a12.c2">2.' in page and re.search(r'<h[34] class="article-heading" id="a12">', page)
    assert not [i for i in ids if re.match(r"d\d", i)] and len(ids) == len(set(ids))


def test_the_footnote_links_of_the_consolidated_html_say_what_they_are(tmp_workspace: Workspace, invoke: Invoke,
                                                                       tmp_path: Path) -> None:
    # The call was a link named "2", the way back one named "↩" (read "leftwards arrow with hook"), WCAG 2.4.4.
    adopted = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective",
                     "2025-04-01", "--force", "--reason", "test: effective after signing")
    assert adopted.exit_code == 0, adopted.output
    page = _made(invoke, tmp_workspace, tmp_path / "hn.html", "export", "01-QC/TU", "--as-of", "2025-06-01",
                 ).read_text(encoding="utf-8")
    calls = re.findall(r'<sup class="fnref" id="fnref-(\d+)"><a href="#fn-\1" aria-label="([^"]*)">\1</a></sup>', page)
    assert len(calls) >= 3 and all(name == f"Chú thích {n}" for n, name in calls), calls
    backs = dict(re.findall(r'<a href="#fnref-(\d+)" aria-label="([^"]*)">↩</a>', page))
    assert set(backs) == {n for n, _ in calls}
    assert "Trở lại Điều 7" in backs.values()
    assert all(name.startswith("Trở lại ") and len(name) > len("Trở lại ") for name in backs.values())
