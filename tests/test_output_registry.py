"""The output registry: one way to choose a format for every output, one error, every writer registered;
and the PDF engine's process-wide settings in one object."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from regdraft.render.output import OUTPUTS, FormatError, choose, writer
from regdraft.render.pdf import PdfEngine
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


@pytest.mark.parametrize(("name", "path", "fmt", "chosen"), [
    ("redline", None, None, "pdf"), ("redline", Path("r.html"), None, "html"), ("redline", Path("r.HTM"), None, "html"),
    ("redline", Path("r.html"), "html", "html"), ("redline", Path("r"), None, "pdf"),
    ("consolidated", Path("x.md"), None, "md"), ("consolidated", None, "docx", "docx"),
    ("consolidated", Path("hop-nhat"), "md", "md"), ("amendment", None, None, "pdf"),
    ("report", Path("bao-cao.csv"), None, "csv"), ("report", Path("bao-cao.DOCX"), None, "docx"),
])
def test_the_format_is_asked_for_else_the_suffix_else_the_default(name: str, path: Path | None, fmt: str | None,
                                                                   chosen: str) -> None:
    assert choose(name, path, fmt) == chosen


def test_a_contradiction_or_a_missing_format_is_one_error() -> None:
    with pytest.raises(FormatError, match=r"The format pdf does not match the output file x\.html") as mismatch:
        choose("redline", Path("x.html"), "pdf")
    assert mismatch.value.mismatch and "--" not in str(mismatch.value)
    with pytest.raises(FormatError, match=r"The redline cannot be written as 'txt'; it is written as pdf, html"):
        choose("redline", Path("x.txt"), None)
    with pytest.raises(FormatError, match=r"The comment report cannot be written without a format"):
        choose("report", None, None)
    with pytest.raises(FormatError, match=r"as 'odt'; it is written as pdf, docx, csv, html"):
        choose("report", Path("r.odt"), None)


def test_every_output_and_format_has_its_writer() -> None:
    assert set(OUTPUTS) == {"redline", "consolidated", "amendment", "report"}
    for name, output in OUTPUTS.items():
        assert output.default is None or output.default in output.formats
        for fmt in output.formats:
            assert callable(writer(name, fmt)), (name, fmt)


def test_the_command_line_names_its_options(tmp_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    wrong = invoke(tmp_workspace, "redline", "01-QC/TU", "-o", str(tmp_path / "r.txt"))
    assert wrong.exit_code == 2 and "Cannot write the redline as 'txt': choose --format pdf|html" in wrong.output
    both = invoke(tmp_workspace, "amend", "export", "qc-sua-doi-2025", "--format", "pdf",
                  "-o", str(tmp_path / "a.docx"))
    assert both.exit_code == 2 and "--format pdf does not match the output file" in both.output
    report = invoke(tmp_workspace, "round", "report", "qc-sua-doi-2025", "-o", str(tmp_path / "r.odt"))
    assert report.exit_code == 2
    assert "Cannot write the comment report as 'odt': give an output file ending in .pdf, .docx, .csv, .html" \
        in report.output
    assert not list(tmp_path.iterdir())


def test_the_pdf_engine_pauses_the_collector_only_when_configured_to() -> None:
    engine = PdfEngine()
    before = gc.get_threshold()
    with engine.collections():
        assert gc.get_threshold()[0] >= 50_000
    assert gc.get_threshold() == before
    engine.configure(pause_gc=False)
    with engine.collections():
        assert gc.get_threshold() == before


def test_the_review_server_turns_the_pause_off(tmp_workspace: Workspace) -> None:
    from regdraft.render.pdf import ENGINE
    from regdraft.web.app import create_app

    try:
        create_app(tmp_workspace.root)
        assert ENGINE.pause_gc is False
    finally:
        ENGINE.configure(pause_gc=True)
