"""An en dash between two words or numbers (` – `, U+2013) never opens a printed line either, where it would read as
a dash item just as a hyphen does (`render.dashes`): Nghị định 63/2010's motto `Độc lập – Tự do – Hạnh phúc` and its
appendices' `các câu hỏi từ câu 1 – 3`. Kept on the word before's line in the HTML/PDF (a `nobr` span) and the DOCX
(a no-break space), read back as a plain space by the Word import and a review reply; the em dash is left alone (no
text of the corpus writes it between two words), and so is a dash item, whichever dash opens it. The PDF printed from
the HTML never broke there; the DOCX printed by LibreOffice did (Phụ lục III: `câu 11` / `– 13 trên đây …`)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from regdraft.render import dashes
from regdraft.render.dashes import dashes_kept, no_break_before_dashes
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import init_workspace
from tests.conftest import SHARED, Invoke, in_corpus
from tests.test_dashes_kept import _tags_out, runs_text

NBSP = dashes.NO_BREAK_SPACE
KEPT = '<span class="nobr"> –</span>'
NGHI_DINH_63 = SHARED / "corpus" / "amendments" / "nd-63-2010" / "base-63-2010-ND-CP.txt"
REG = "63/2010/NĐ-CP"
SPANS = ("Độc lập – Tự do", "Tự do – Hạnh phúc", "câu 1 – 3", "câu 5 – 11", "câu 13 – 14", "câu 1 – 4", "câu 6 – 9",
         "câu 11 – 13")


def test_the_en_dash_is_kept_on_the_word_befores_line_as_the_hyphen_is() -> None:
    page = ('<html><head><title>a – b</title></head><body><p class="motto">Độc lập – Tự do – Hạnh phúc</p>'
            '<p>từ câu <ins>1</ins> – 3, nhiệm kỳ 2020 - 2025</p><p>Nơi nhận:<br>– Như Điều 3;<br>– Lưu: VT.</p>'
            '<p>Nơi nhận: – Ban Bí thư; – Lưu</p><p title="a – b">– đầu dòng</p><p>a —  b, a — b, a –b, a– b</p>'
            '</body></html>')
    kept = dashes_kept(page)
    assert kept.count(KEPT) == 3 and kept.count('<span class="nobr"> -</span>') == 1
    assert f"Độc lập{KEPT} Tự do{KEPT} Hạnh phúc" in kept and f"</ins>{KEPT} 3" in kept
    assert "<br>– Như" in kept and "Nơi nhận: – Ban Bí thư; – Lưu" in kept and 'title="a – b"' in kept
    assert "a — b" in kept and "<title>a – b</title>" in kept
    assert _tags_out(kept) == _tags_out(page)


def test_word_takes_a_no_break_space_before_the_en_dash() -> None:


    assert no_break_before_dashes("Độc lập – Tự do – Hạnh phúc; từ câu 1 – 3") == \
        f"Độc lập{NBSP}– Tự do{NBSP}– Hạnh phúc; từ câu 1{NBSP}– 3"
    for same in ("– Như Điều 3;", "Nơi nhận: – Ban Bí thư; – Lưu", "a –b", "a– b", "a — b", "a — b"):
        assert no_break_before_dashes(same) == same
    assert runs_text("từ câu ", "1", " – 3; Nơi nhận:", " – Lưu") == f"từ câu 1{NBSP}– 3; Nơi nhận: – Lưu"


def test_a_reply_reads_the_no_break_space_before_the_en_dash_as_a_plain_space() -> None:
    import docx

    from regdraft.importer.word_reply import read_reply

    document = docx.Document()  # the paragraph as regdraft's copies write it
    document.add_paragraph(f"các câu hỏi từ câu 1{NBSP}– 3 trên đây; Độc lập{NBSP}– Tự do")
    buffer = io.BytesIO()
    document.save(buffer)
    [paragraph] = read_reply(buffer.getvalue(), "reply.docx").paragraphs
    assert paragraph.original == paragraph.accepted == "các câu hỏi từ câu 1 – 3 trên đây; Độc lập – Tự do"


@pytest.fixture(scope="module")
def decree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding Nghị định 63/2010 as imported from the corpus."""
    from click.testing import CliRunner

    from regdraft.cli import cli

    in_corpus(NGHI_DINH_63)
    ws = init_workspace(tmp_path_factory.mktemp("nd63") / "ws")
    done = CliRunner().invoke(cli, ["import", str(NGHI_DINH_63), "-C", str(ws.root)])
    assert done.exit_code == 0, done.output
    return ws.root


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_nghi_dinh_63_prints_no_line_opening_with_an_en_dash(decree: Path, tmp_path: Path) -> None:
    from regdraft.workspace.store import Workspace

    ws = Workspace(decree)
    source = in_corpus(NGHI_DINH_63).read_text(encoding="utf-8")
    assert not [line for line in source.split("\n") if line.lstrip(" |").startswith("– ")]  # no en dash item
    pdf = export_regulation(ws, REG, tmp_path / "n.pdf").path
    for mode in (["-layout"], []):  # a table's second column opens a line of its own only in reading order
        done = subprocess.run(["pdftotext", *mode, str(pdf), "-"], capture_output=True, text=True, check=True)
        printed = [" ".join(line.split()) for line in done.stdout.split("\n")]
        assert not [line for line in printed if line.startswith("–")], mode
        assert all(any(span in line for line in printed) for span in SPANS), mode
    html = export_regulation(ws, REG, tmp_path / "n.html").path.read_text(encoding="utf-8")
    body = html[html.index("<body"):]
    assert " – " not in body.replace(KEPT, "") and body.count(KEPT) == len(SPANS)
    assert "các câu hỏi từ câu 1 – 3 trên đây" in _tags_out(html)


def test_nghi_dinh_63_docx_keeps_the_en_dash_on_its_line_and_reads_back_plain(decree: Path, tmp_path: Path,
                                                                            invoke: Invoke) -> None:
    from regdraft.workspace.store import Workspace

    ws = Workspace(decree)
    docx = export_regulation(ws, REG, tmp_path / "n.docx").path
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert all(span.replace(" –", f"{NBSP}–") in body for span in SPANS) and " – " not in body
    again = init_workspace(tmp_path / "again")
    assert invoke(again, "import", str(docx)).exit_code == 0
    text = again.read("regulations/63-2010-NĐ-CP.md").decode("utf-8")
    assert NBSP not in text and all(span in text for span in SPANS)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler-utils (pdftotext) is not installed")
def test_nghi_dinh_63_docx_printed_by_libreoffice_opens_no_line_with_an_en_dash(
        decree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from regdraft.workspace.store import Workspace

    ws = Workspace(decree)
    fixed = export_regulation(ws, REG, tmp_path / "in" / "fixed.docx").path
    with monkeypatch.context() as undone:
        undone.setattr(dashes, "word_run_text", lambda p, text: text)
        control = export_regulation(ws, REG, tmp_path / "in" / "control.docx").path
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "out"), str(fixed), str(control)],
                   check=True, capture_output=True, timeout=300)

    def opening(pdf: Path) -> list[str]:
        done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
        return [" ".join(line.split()) for line in done.stdout.split("\n") if line.lstrip().startswith("–")]

    assert opening(tmp_path / "out" / "fixed.pdf") == []
    # Without the no-break space, Phụ lục III's last question broke before its en dash.
    assert "– 13 trên đây thì nội dung" in opening(tmp_path / "out" / "control.pdf")
