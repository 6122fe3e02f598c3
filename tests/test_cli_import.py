"""`regdraft import`: one commit in the workspace, -o files, refusals, help."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from regdraft.store import Workspace

Invoke = Callable[..., Any]
LAW = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "vi" / "luat-cong-doan.txt"
SMALL = "QUỐC HỘI\nLuật số: 1/2020/QH14\nHà Nội, ngày 1 tháng 2 năm 2020\nLUẬT\nTHỬ\nĐiều 1. Phạm vi\n1. Một.\n"


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "thu.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_import_commits_one_file(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    before = len(list(empty_workspace.repo.iter_commits()))
    result = invoke(empty_workspace, "import", str(_small(tmp_path)), "--id", "01-QC/TU", catch=False)
    assert result.exit_code == 0, result.output
    assert "Wrote regulations/01-QC-TU.md (1 articles)." in result.output
    assert "passes `regdraft check`" in result.output
    commits = list(empty_workspace.repo.iter_commits())
    assert len(commits) == before + 1
    assert list(commits[0].stats.files) == ["regulations/01-QC-TU.md"]
    assert "id: 01-QC/TU" in (empty_workspace.root / "regulations/01-QC-TU.md").read_text(encoding="utf-8")
    check = invoke(empty_workspace, "check")
    assert check.exit_code == 0, check.output


def test_import_refuses_to_replace_without_force(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    source = _small(tmp_path)
    assert invoke(empty_workspace, "import", str(source)).exit_code == 0
    again = invoke(empty_workspace, "import", str(source))
    assert again.exit_code == 1
    assert "already exists" in again.output and "--force" in again.output
    assert "Traceback" not in again.output
    assert invoke(empty_workspace, "import", str(source), "--force").exit_code == 0
    source.write_text(SMALL + "2. Hai.\n", encoding="utf-8")
    assert invoke(empty_workspace, "import", str(source), "--force").exit_code == 0
    assert "2\\. Hai." in (empty_workspace.root / "regulations/1-2020-QH14.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not LAW.is_file(), reason="the shared corpus is not available")
def test_output_file(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "out" / "law.md"
    result = invoke(None, "import", str(LAW), "-o", str(out), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["written"] == str(out) and data["passes_check"] is True
    assert out.read_text(encoding="utf-8").startswith("---\nid: 12/2012/QH13\n")
    refused = invoke(None, "import", str(LAW), "-o", str(out))
    assert refused.exit_code == 1 and "already exists" in refused.output


def test_unsupported_file_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF")
    result = invoke(None, "import", str(path), "-o", str(tmp_path / "x.md"))
    assert result.exit_code == 2 and "cannot import '.pdf'" in result.output


def test_no_number_and_no_id(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bare.txt"
    path.write_text("Điều 1. A\n", encoding="utf-8")
    result = invoke(None, "import", str(path), "-o", str(tmp_path / "bare.md"))
    assert result.exit_code == 2 and "--id" in result.output


def test_help_has_an_example(invoke: Invoke) -> None:
    result = invoke(None, "import", "--help")
    assert result.exit_code == 0 and "Example:" in result.output and "FIXME" in result.output
