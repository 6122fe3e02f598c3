"""A document number or a date is never broken at a line's end ("22-QĐ/" then "TW") in the redline
and the consolidated text, printed (read back line by line from the PDF) or on screen (the HTML).

The constructed paragraph cites forty numbers at forty different places, so that some fall at a
line's end; the same page laid out without the spans that keep them whole (`control`) shows that
they do: there, some are broken."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from regdraft.render.pdf import write_pdf
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke, unwrapped

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")

COUNT = 40
CITED = " ".join(f"Nội dung thứ {k} {'thực hiện ' * (k % 3)}theo Quy định số {k}-QĐ/TW ngày {k % 28 + 1}/7/2021."
                 for k in range(1, COUNT + 1))
NUMBER = re.compile(r"\b(\d+)-QĐ/TW\b")


def _workspace(ws: Workspace) -> None:
    text = (FIXTURES / "mini.md").read_text(encoding="utf-8")
    ws.commit({"regulations/MINI-QC.md": text.replace(
        "Quy chế này quy định nguyên tắc, chế độ làm việc của Ban Chấp hành Đảng bộ tỉnh.", CITED).encode()},
        "Cite forty regulations")
    ws.commit({"regulations/MINI-QC.md": ws.read("regulations/MINI-QC.md").replace(
        "Thiểu số phục tùng đa số.".encode(), "Thiểu số phục tùng đa số;".encode())}, "Edit mini")


def _whole_on_a_line(pdf: Path) -> list[int]:
    """The numbers printed whole on one line: `k` for each `k-QĐ/TW` that pdftotext finds inside a line."""
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [int(k) for line in done.stdout.split("\n") for k in NUMBER.findall(line)]


def _check(page: str, pdf: Path, control: Path) -> None:
    # On screen: each number in a span that keeps it on one line, and the rule for it in the page's style.
    assert page.count('<span class="nobr">') >= 2 * COUNT and ".nobr { white-space: nowrap; }" in page
    assert all(f'<span class="nobr">{k}-QĐ/TW</span>' in page for k in range(1, COUNT + 1))
    write_pdf(unwrapped(page), control)
    broken = set(range(1, COUNT + 1)) - set(_whole_on_a_line(control))
    assert broken, "the constructed paragraph no longer puts a number at a line's end"
    assert sorted(_whole_on_a_line(pdf)) == list(range(1, COUNT + 1))  # printed: every one whole


def test_the_redline_keeps_numbers_whole(mini_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    _workspace(mini_workspace)
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    for out in (html, pdf):
        result = invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD", "-o", str(out),
                        catch=False)
        assert result.exit_code == 0, result.output
    _check(html.read_text(encoding="utf-8"), pdf, tmp_path / "control.pdf")


def test_the_consolidated_text_keeps_numbers_whole(mini_workspace: Workspace, tmp_path: Path) -> None:
    _workspace(mini_workspace)
    html = export_regulation(mini_workspace, "MINI-QC", tmp_path / "c.html").path.read_text(encoding="utf-8")
    pdf = export_regulation(mini_workspace, "MINI-QC", tmp_path / "c.pdf").path
    _check(html, pdf, tmp_path / "control.pdf")
