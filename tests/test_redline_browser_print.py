"""The HTML redline printed from a browser (Chromium's "Print", background graphics off, as by default): its marks
read as regdraft's own PDF prints them, measured the same way (`tests.print_marks`), and no page column it cannot
fill. The double strike was two bands of a background, which a browser does not print; the summary's rows ended in a
bare "tr." (`target-counter` is WeasyPrint's); the 3pt double underline ran over the next line's letters."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BROWSER
from tests.print_marks import POPPLER, PrintedPage, pages_text
from tests.test_redline_marks import LEGEND_SAMPLES, MOVED, SHIPPED, _draft, _kinds

pytestmark = [*BROWSER, pytest.mark.skipif(not POPPLER, reason="poppler-utils is not installed")]


@pytest.fixture(scope="module")
def browser_printed(tmp_path_factory: pytest.TempPathFactory, chromium_browser: Any) -> tuple[Path, list[str]]:
    from click.testing import CliRunner

    from regdraft.cli import cli

    folder = tmp_path_factory.mktemp("browser-print")
    (folder / "old.md").write_text(SHIPPED, encoding="utf-8")
    (folder / "new.md").write_text(_draft(), encoding="utf-8")
    page_html = folder / "redline.html"
    result = CliRunner().invoke(cli, ["compare", str(folder / "old.md"), str(folder / "new.md"), "-o",
                                      str(page_html)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = chromium_browser.new_page(locale="vi-VN")
    try:
        page.goto(page_html.as_uri())
        pdf = folder / "printed.pdf"
        page.pdf(path=str(pdf), format="A4")  # as Chrome prints by default: no background graphics
    finally:
        page.context.close()
    return pdf, pages_text(pdf)


def test_a_browser_prints_every_mark_of_the_legend_and_of_a_move(browser_printed: tuple[Path, list[str]]) -> None:
    pdf, pages = browser_printed
    page = PrintedPage.load(pdf, 1)
    for sample, (kind, marked) in LEGEND_SAMPLES.items():
        [run] = page.find(sample)
        assert _kinds(page, run[:marked]) == {kind}, sample
    number = next(k for k, text in enumerate(pages, 1) if "(chuyển từ khoản 3 Điều 10)" in re.sub(r"\s+", " ", text))
    page = PrintedPage.load(pdf, number)
    here = page.find(MOVED)[-1]
    assert _kinds(page, here) == {"moved here"}
    # Its next lines too: each line's double underline stays clear of the letters of the line below.
    rest = page.words[page.words.index(here[-1]) + 1:][:12]
    assert _kinds(page, rest) == {"moved here"}, [w.text for w in rest]
    number = next(k for k, text in enumerate(pages, 1) if "(chuyển đến khoản 5 Điều 10)" in re.sub(r"\s+", " ", text))
    page = PrintedPage.load(pdf, number)
    assert _kinds(page, page.find(MOVED)[0]) == {"moved away"}

def test_the_summary_printed_by_a_browser_has_no_page_column_it_cannot_fill(
        browser_printed: tuple[Path, list[str]]) -> None:
    _, pages = browser_printed
    lines = [line.rstrip() for text in pages for line in text.splitlines()]
    assert any("khoản 1 Điều 1" in line for line in lines)
    assert not [line for line in lines if re.search(r"\btr\.$", line)]
