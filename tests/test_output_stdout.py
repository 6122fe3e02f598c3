"""`-o -` writes the document to standard output, as `-` means to most tools (r44 sweep CH F7).

`export 22/2023/QH15 -o -` wrote a 257 KB file named `-` in the workspace. Every command taking `-o` now writes the
document to standard output and says what it did on standard error, so that the output is the document alone:
`export`, `redline`, `compare`, `amend export`, `import`, `round copy`; `amend preview -o -` prints as without `-o`.
A PDF or Word file to a terminal is refused (tested by hand: a test's output is no terminal), and so is `--json`,
which would print there too; `round report -o -` asks for a file name, its format coming from the suffix.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, Invoke, in_corpus


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the command runs in: where a file named `-` was written."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def _nothing_named_dash(ws: Workspace, here: Path) -> None:
    assert not (here / "-").exists() and not (ws.root / "-").exists()
    assert ws.dirty(["-"]) == []


def test_export_and_redline_write_the_document_to_standard_output(tmp_workspace: Workspace, here: Path,
                                                                   invoke: Invoke) -> None:
    exported = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", "-", catch=False)
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.startswith("---\n") and "## Điều 1." in exported.stdout, exported.stdout[:200]
    assert "Wrote standard output (md)" in exported.stderr and "Wrote" not in exported.stdout
    redline = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", "-", catch=False)
    assert redline.exit_code == 0, redline.output
    assert redline.stdout.startswith("<!DOCTYPE html>") and redline.stdout.rstrip().endswith("</html>")
    assert "standard output (" in redline.stderr
    copy = invoke(tmp_workspace, "amend", "export", "qc-sua-doi-2025", "--format", "docx", "-o", "-", catch=False)
    assert copy.exit_code == 0, copy.output
    with zipfile.ZipFile(BytesIO(copy.stdout_bytes)) as package:
        assert "word/document.xml" in package.namelist()
    _nothing_named_dash(tmp_workspace, here)


def test_compare_import_and_preview_write_to_standard_output(tmp_workspace: Workspace, here: Path,
                                                             invoke: Invoke, tmp_path: Path) -> None:
    text = (tmp_workspace.root / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace("tập trung", "tập trung, thống nhất", 1), encoding="utf-8")
    compared = invoke(None, "compare", str(tmp_workspace.root / "regulations" / "01-QC-TU.md"), str(edited),
                      "--format", "html", "-o", "-", catch=False)
    assert compared.exit_code == 0, compared.output
    assert compared.stdout.startswith("<!DOCTYPE html>") and "standard output (1 change)" in compared.stderr
    imported = invoke(tmp_workspace, "import", str(in_corpus(CORPUS / "luat-thanh-nien.txt")), "-o", "-",
                      catch=False)
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.startswith("---\n") and "id: 57/2020/QH14" in imported.stdout, imported.stdout[:300]
    assert "Wrote standard output" in imported.stderr
    printed = invoke(tmp_workspace, "amend", "preview", "qc-sua-doi-2025", catch=False)
    dashed = invoke(tmp_workspace, "amend", "preview", "qc-sua-doi-2025", "-o", "-", catch=False)
    assert dashed.exit_code == 0 and dashed.stdout == printed.stdout and printed.stdout.startswith("---\n")
    _nothing_named_dash(tmp_workspace, here)


def test_json_with_standard_output_is_refused(tmp_workspace: Workspace, here: Path, invoke: Invoke) -> None:
    done = invoke(tmp_workspace, "export", "01-QC/TU", "--format", "md", "-o", "-", "--json")
    assert done.exit_code == 2 and "-o - writes the document to standard output, where --json prints too" \
        in done.output, done.output
    _nothing_named_dash(tmp_workspace, here)


def test_the_review_copy_goes_to_standard_output_as_a_word_file(tmp_workspace: Workspace, here: Path,
                                                               invoke: Invoke) -> None:
    opened = invoke(tmp_workspace, "round", "open", "qc-sua-doi-2025", "--due", "2099-01-01", "--consult", "Ban A")
    assert opened.exit_code == 0, opened.output
    copy = invoke(tmp_workspace, "round", "copy", "qc-sua-doi-2025", "-o", "-", catch=False)
    assert copy.exit_code == 0, copy.output
    with zipfile.ZipFile(BytesIO(copy.stdout_bytes)) as package:
        assert "BẢN LẤY Ý KIẾN" in package.read("word/document.xml").decode("utf-8")
    assert "Wrote the review copy of qc-sua-doi-2025 to standard output." in copy.stderr
    _nothing_named_dash(tmp_workspace, here)
