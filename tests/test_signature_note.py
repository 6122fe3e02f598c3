"""The signer's note (`(Đã ký)`, a copy's word for the signature) prints where the source had it, in the HTML,
PDF and Word outputs as in the Markdown: above the name, or under it where the source wrote it after the name."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from regdraft.core.consolidate import ConsolidatedText, consolidate
from regdraft.core.markdown import parse
from regdraft.importer import import_file
from regdraft.render.consolidated import consolidated_html
from regdraft.render.consolidated_docx import write_consolidated_docx
from regdraft.render.html import environment
from regdraft.render.pdf import write_pdf
from regdraft.render.profile import load_profile
from tests.conftest import CORPUS, in_corpus

SIGNED_ABOVE = """---
id: 09/2021/NĐ-CP
type: Nghị định
title: Nghị định về công tác thử
language: vi
issuer: CHÍNH PHỦ
place: Hà Nội
signed: 2021-01-09
signer:
  on_behalf: TM. CHÍNH PHỦ
  title: THỦ TƯỚNG
  note: (Đã ký)
  name: Nguyễn Xuân Phúc
recipients: [Văn phòng Chính phủ, Lưu VT.]
---

## Điều 1. Phạm vi

Nghị định này quy định công tác thử.
"""


def _consolidated(text: str) -> ConsolidatedText:
    regulation = parse(text)
    return consolidate(regulation, [], words=load_profile({}, regulation.meta).words("vi"))


def _html_lines(ct: ConsolidatedText) -> list[str]:
    html = consolidated_html(ct, environment(None), load_profile({}, ct.regulation.meta), paged=False)
    block = html[html.index('<td class="signer">'):]
    block = block[:block.index("</td>")]
    return [re.sub(r"<[^>]+>|&nbsp;", "", p).strip() for p in re.findall(r"<p[^>]*>.*?</p>", block)]


def _docx_lines(ct: ConsolidatedText, out: Path) -> list[str]:
    write_consolidated_docx(ct, load_profile({}, ct.regulation.meta), out)
    right = docx.Document(str(out)).tables[-1].rows[0].cells[1]
    return [p.text for p in right.paragraphs if p.text.strip()]


def test_a_note_written_before_the_name_prints_in_the_signatures_place(tmp_path: Path) -> None:
    ct = _consolidated(SIGNED_ABOVE)
    expected = ["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "(Đã ký)", "Nguyễn Xuân Phúc"]
    assert [line for line in _html_lines(ct) if line] == expected
    assert _docx_lines(ct, tmp_path / "c.docx") == expected


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_luat_thi_dua_prints_its_note_under_the_name_as_its_source_does(tmp_path: Path) -> None:
    # The law's source ends `Nguyễn Văn An` then `(Đã ký)`; the import keeps it (`signer.note`, written after the
    # name) and the Markdown export printed it, but the PDF, HTML and Word copies left it out.
    imported = import_file(in_corpus(CORPUS / "luat-thi-dua-khen-thuong.txt"))
    ct = _consolidated(imported.text)
    expected = ["Nguyễn Văn An", "(Đã ký)"]
    assert [line for line in _html_lines(ct) if line] == expected
    assert _docx_lines(ct, tmp_path / "c.docx") == expected
    out = tmp_path / "c.pdf"
    write_pdf(consolidated_html(ct, environment(None), load_profile({}, ct.regulation.meta), paged=True), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Nguyễn Văn An\n(Đã ký)" in text
