"""Export to Word then import back gives the same front matter and body (issue 19 §5), for every
shipped regulation and every real law; templates never fail on a missing optional key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regdraft.core.consolidate import consolidate
from regdraft.core.markdown import read
from regdraft.core.markdown_writer import render
from regdraft.importer import import_file
from regdraft.render.consolidated_docx import write_consolidated_docx
from regdraft.render.profile import load_profile
from tests.conftest import FIXTURES, needs_corpus, word_text
from tests.test_consolidate import words_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = [*sorted((ROOT / "regulations").glob("*.md")), *sorted((CORPUS / "vi").glob("*.txt")),
           *sorted((CORPUS / "amendments").glob("*/*.txt"))]


def _regulation(path: Path):  # type: ignore[no-untyped-def]
    if path.suffix == ".txt":
        return import_file(path).regulation
    return read(path.read_bytes(), path.name).regulation


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_export_to_word_and_import_back(path: Path, tmp_path: Path) -> None:
    original = _regulation(path)
    docx = tmp_path / "out.docx"
    ct = consolidate(original, [], dt.date(2030, 1, 1), words=words_of(original))
    write_consolidated_docx(ct, load_profile({}), docx)
    back = import_file(docx).regulation
    assert dict(back.meta) == dict(original.meta)
    assert back.preamble == original.preamble
    assert back.units == original.units
    assert render(back) == render(original)


def test_a_signer_without_on_behalf_exports(tmp_path: Path, mini_workspace, invoke) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "mini.md").read_text(encoding="utf-8").replace(
        "effective: 2021-01-09\n", "effective: 2021-01-09\nsigner:\n  name: Nguyễn Văn A\nrecipients:\n- Lưu VP\n")
    mini_workspace.commit({"regulations/MINI-QC.md": text.encode()}, "Signer without on_behalf")
    for suffix in ("html", "docx", "pdf"):
        out = tmp_path / f"x.{suffix}"
        result = invoke(mini_workspace, "export", "MINI-QC", "--as-of", "2025-01-01", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    html = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "Nguyễn Văn A" in html and "Lưu VP" in html


@needs_corpus
def test_a_state_documents_motto_is_printed(tmp_path: Path) -> None:
    law = import_file(CORPUS / "vi" / "luat-cong-doan.txt").regulation
    docx = tmp_path / "law.docx"
    ct = consolidate(law, [], dt.date(2030, 1, 1), words=words_of(law))
    write_consolidated_docx(ct, load_profile({}), docx)
    import docx as python_docx

    cells = [word_text(c.text) for t in python_docx.Document(str(docx)).tables for row in t.rows for c in row.cells]
    assert any("Độc lập - Tự do - Hạnh phúc" in c for c in cells)
