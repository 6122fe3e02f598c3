"""A hyphen between two words or numbers (` - `) never opens a printed line, where it would read as a dash item
(gạch đầu dòng): Luật Công đoàn's Điều 3 printed `tổ chức xã hội` / `- nghề nghiệp, …` and 01-QC/TU's opening
`nhiệm kỳ 2020` / `- 2025 số 01-QC/TU …` (r27 sweep AB defect 1). Read back from the PDF (`pdftotext -layout`), the
HTML and the DOCX (`render.dashes`); the same pages without the fix (`dashes_kept` undone) show that they did break
there. Also: the HTML opening's list number `1.` is text, as the PDF, DOCX and Markdown print it (defect 2)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from regdraft.render import dashes
from regdraft.render.dashes import dashes_kept, no_break_before_dashes
from regdraft.workspace.export import export_regulation
from regdraft.workspace.store import Workspace, init_workspace
from tests import word_reply_kit as kit
from tests.conftest import SHARED, Invoke, in_corpus
from tests.test_export import adopted  # noqa: F401 (a fixture)

no_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                  reason="poppler-utils (pdftotext) is not installed")
KEPT = '<span class="nobr"> -</span>'
CONG_DOAN = SHARED / "corpus" / "vi" / "luat-cong-doan.txt"


def _lines(pdf: Path, first: int | None = None, last: int | None = None) -> list[str]:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    done = subprocess.run(["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True)
    return [" ".join(line.split()) for line in done.stdout.split("\n")]


def _tags_out(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def test_the_hyphen_and_its_space_are_kept_on_the_word_befores_line() -> None:
    page = ('<html><head><title>a - b</title></head><body>\n<p>tổ chức xã hội - nghề nghiệp, nhiệm kỳ 2020 - 2025'
            ' (2020) - (2025)</p>\n<p>Nơi nhận:<br>- Như Điều 3;<br>- Lưu: VT.</p><p>Nơi nhận: - Ban Bí thư; - Lưu</p>'
            '\n<p><del>hội</del><ins>nhóm</ins> - <ins>nghề</ins> và <span class="nobr">63/2010/NĐ-CP</span> - x'
            '<sup class="fnref"><a href="#fn-1">1</a></sup> - y</p><p title="a - b">- đầu dòng</p>'
            '<script>{"t": "a - b"}</script><p>a -b, a- b, a - , - b, “x” - “y”, 10% - 20%</p></body></html>')
    kept = dashes_kept(page)
    assert kept.count(KEPT) == 8
    assert f"xã hội{KEPT} nghề" in kept and f"2020{KEPT} 2025" in kept and f"(2020){KEPT} (2025)" in kept
    assert f"</ins>{KEPT} <ins>nghề" in kept and f"NĐ-CP</span>{KEPT} x" in kept and f"</sup>{KEPT} y" in kept
    assert f"“x”{KEPT} “y”" in kept and f"10%{KEPT} 20%" in kept
    # Dash items, a tag's attribute, a script and the head are left as they are; the text is the same text.
    assert "<br>- Như" in kept and "Nơi nhận: - Ban Bí thư; - Lưu" in kept and 'title="a - b"' in kept
    assert '{"t": "a - b"}' in kept and "<title>a - b</title>" in kept
    assert _tags_out(kept) == _tags_out(page)
    assert dashes_kept("<p>a - b</p>") == "<p>a - b</p>"  # no body: not a page


def test_word_takes_a_no_break_space_before_the_hyphen() -> None:
    nbsp = dashes.NO_BREAK_SPACE
    assert no_break_before_dashes("tổ chức xã hội - nghề nghiệp, nhiệm kỳ 2020 - 2025") == \
        f"tổ chức xã hội{nbsp}- nghề nghiệp, nhiệm kỳ 2020{nbsp}- 2025"
    for same in ("- Như Điều 3;", "Nơi nhận: - Ban Bí thư; - Lưu", "a -b", "a- b", "a - , b", "Độc lập-Tự do"):
        assert no_break_before_dashes(same) == same
    # A run (a Word paragraph's bold or inserted words) that starts or ends at the hyphen: the word before is the
    # paragraph's last character so far.
    assert no_break_before_dashes(" - nghề", "hội") == f"{nbsp}- nghề"
    assert no_break_before_dashes(" - nghề", ";") == " - nghề"
    assert no_break_before_dashes(" - nghề") == " - nghề"
    assert no_break_before_dashes("xã hội -") == f"xã hội{nbsp}-"
    assert no_break_before_dashes("xã hội - ") == f"xã hội{nbsp}- "


def test_a_word_run_opening_with_the_hyphen_reads_the_word_before_in_the_paragraph() -> None:


    nbsp = dashes.NO_BREAK_SPACE
    assert runs_text("tổ chức xã ", "hội", " - nghề nghiệp; Nơi nhận:", " - Lưu") == \
        f"tổ chức xã hội{nbsp}- nghề nghiệp; Nơi nhận: - Lưu"


def runs_text(*runs: str) -> str:
    """The text of a Word paragraph written run by run by `add_run` (the second run bold)."""
    import docx

    from regdraft.render.docx import add_run

    para = docx.Document().add_paragraph()
    for at, run in enumerate(runs):
        add_run(para, run, bold=at == 1)
    return str(para.text)


def _undone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dashes, "dashes_kept", lambda page: page)


@no_pdftotext
def test_luat_cong_doan_prints_no_false_dash_item(tmp_path: Path, invoke: Invoke,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    source = in_corpus(CONG_DOAN).read_text(encoding="utf-8")
    ws = init_workspace(tmp_path / "ws")
    assert invoke(ws, "import", str(CONG_DOAN)).exit_code == 0
    dash_items = {line.strip()[2:].split()[0] for line in source.split("\n") if line.strip().startswith("- ")}
    pdf = export_regulation(ws, "12/2012/QH13", tmp_path / "l.pdf").path
    printed = _lines(pdf)
    opening = [line for line in printed if line.startswith("- ")]
    assert all(line[2:].split()[0] in dash_items for line in opening), opening
    assert any("xã hội - nghề nghiệp" in line for line in printed)
    # On screen: the hyphen of each ` - ` in a span, and the page's text the text it was.
    html = export_regulation(ws, "12/2012/QH13", tmp_path / "l.html").path.read_text(encoding="utf-8")
    assert f"xã hội{KEPT} nghề nghiệp" in html and " - nghề nghiệp" not in _body(html).replace(KEPT, "")
    assert "tổ chức xã hội - nghề nghiệp, đơn vị" in _tags_out(html)
    with monkeypatch.context() as undone:
        _undone(undone)
        control = _lines(export_regulation(ws, "12/2012/QH13", tmp_path / "control.pdf").path)
    assert any(line.startswith("- nghề nghiệp") for line in control), "Điều 3 no longer falls at a line's end"


def _body(html: str) -> str:
    return html[html.index("<body"):]


@no_pdftotext
def test_the_opening_keeps_its_term_whole_and_numbers_its_amending_documents(
        adopted: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    first = _lines(export_regulation(adopted, "01-QC/TU", tmp_path / "c.pdf", "pdf").path, 1, 1)
    assert not [line for line in first if line.startswith("- ")], first
    assert any("2020 - 2025 số 01-QC/TU" in line for line in first)
    # The list number printed once, as text (the HTML's `<ol>` no longer numbers it a second time).
    lead = next(k for k, line in enumerate(first) if line.endswith("bổ sung bởi:"))
    assert first[lead + 1].startswith("1. Quy chế số 05-QC/TU ") and not any("1. 1." in line for line in first)
    with monkeypatch.context() as undone:
        _undone(undone)
        control = _lines(export_regulation(adopted, "01-QC/TU", tmp_path / "control.pdf", "pdf").path, 1, 1)
    assert any(line.startswith("- 2025 số 01-QC/TU") for line in control), "the term no longer falls at a line's end"
    html = export_regulation(adopted, "01-QC/TU", tmp_path / "c.html", "html").path.read_text(encoding="utf-8")
    opening = _tags_out(html[html.index('<div class="opening">'):html.index("</ol>")])
    assert re.search(r"bổ sung bởi:\s+1\. Quy chế số 05-QC/TU .*\s+2\. Quy chế số 07-QC/TU ", opening), opening


def test_the_docx_keeps_the_hyphen_on_its_line_and_reads_back_plain(tmp_path: Path, invoke: Invoke) -> None:
    in_corpus(CONG_DOAN)
    ws = init_workspace(tmp_path / "ws")
    assert invoke(ws, "import", str(CONG_DOAN)).exit_code == 0
    docx = export_regulation(ws, "12/2012/QH13", tmp_path / "l.docx").path
    with zipfile.ZipFile(docx) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    nbsp = dashes.NO_BREAK_SPACE
    assert f"tổ chức xã hội{nbsp}- nghề nghiệp, đơn vị" in body and "xã hội - nghề" not in body
    assert all(body[at + 1] == "-" for at in (m.start() for m in re.finditer(nbsp, body)))
    # Imported back (regdraft's Word import reads U+00A0 as a space), the text is the text exported.
    again = init_workspace(tmp_path / "again")
    assert invoke(again, "import", str(docx)).exit_code == 0
    text = again.read("regulations/12-2012-QH13.md").decode("utf-8")
    assert nbsp not in text
    article = next(line for line in ws.read("regulations/12-2012-QH13.md").decode("utf-8").split("\n")
                   if "tổ chức xã hội - nghề nghiệp, đơn vị" in line)
    assert article in text.split("\n")


def test_a_reviewers_proposal_keeps_the_plain_space_before_the_hyphen(tmp_workspace: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    # The review copy writes `nhiệm kỳ 2020\u00a0- 2025` (Word's no-break space); a word the reviewer adds to that
    # paragraph must not carry the no-break space into the proposal, and from it into the regulation.
    body, slug = "Huyện ủy Mường Chà", "qc-sua-doi-2025"
    document = kit.open_docx(kit.round_copy(invoke, tmp_workspace, slug, tmp_path / "c.docx", body))
    paragraph = kit.paragraph_with(document, f"nhiệm kỳ 2020{dashes.NO_BREAK_SPACE}- 2025.")
    kit.track_replace(kit.isolate(paragraph, "nguyên tắc"), "các nguyên tắc", "Lò Văn Pâng")
    comments = kit.imported_by_provision(invoke, tmp_workspace, slug, kit.save(document, tmp_path / "r.docx"), body)
    assert comments["d1.k1"]["proposal"].startswith("1. Quy chế này quy định các nguyên tắc, chế độ làm việc;")
    assert comments["d1.k1"]["proposal"].endswith("khóa XIV, nhiệm kỳ 2020 - 2025.")
    assert comments["d1.k1"]["anchor"].endswith("khóa XIV, nhiệm kỳ 2020 - 2025.")
