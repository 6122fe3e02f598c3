"""Output formats on the command line (issue 21 §4): -o's suffix or --format, a contradiction is bad usage."""

from __future__ import annotations

import subprocess

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke


def _status(ws: Workspace) -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ws.root,
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("command", [
    ["redline", "01-QC/TU"],
    ["export", "01-QC/TU"],
    ["amend", "export", SHIPPED_AMENDMENT],
    ["compare", "regulations/01-QC-TU.md", "regulations/01-QC-TU-EN.md"],
])
def test_a_format_contradicting_the_output_file_is_refused_and_nothing_written(
        tmp_workspace: Workspace, invoke: Invoke, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_workspace.root)
    before = _status(tmp_workspace)
    target = tmp_workspace.root / "out" / "x.html"
    where = None if command[0] == "compare" else tmp_workspace  # compare reads two files, in no workspace
    result = invoke(where, *command, "-o", str(target), "--format", "pdf")
    assert result.exit_code == 2, result.output
    assert "--format pdf does not match the output file" in result.output and "x.html" in result.output
    assert not target.exists() and _status(tmp_workspace) == before


@pytest.mark.parametrize("command", [["redline", "01-QC/TU"], ["export", "01-QC/TU"]])
def test_an_output_file_with_an_unknown_suffix_is_refused(tmp_workspace: Workspace, invoke: Invoke,
                                                          command: list[str]) -> None:
    target = tmp_workspace.root / "out" / "x.txt"
    result = invoke(tmp_workspace, *command, "-o", str(target))
    assert result.exit_code == 2, result.output
    assert "Cannot write" in result.output and not target.exists()


def test_round_report_takes_its_format_from_the_suffix(tmp_workspace: Workspace, invoke: Invoke) -> None:
    target = tmp_workspace.root / "out" / "report.txt"
    result = invoke(tmp_workspace, "round", "report", SHIPPED_AMENDMENT, "-o", str(target))
    assert result.exit_code == 2, result.output
    assert ".csv" in result.output and not target.exists()


def test_export_without_output_or_format_writes_the_default_pdf(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-04-01")
    assert result.exit_code == 0, result.output
    assert "Cannot export" not in result.output and "no format" not in result.output
    written = tmp_workspace.root / "out" / "01-QC-TU-hop-nhat-2025-04-01.pdf"
    assert f"Wrote {written} (pdf)" in result.output and written.read_bytes().startswith(b"%PDF")
