"""`regdraft import`: one commit in the workspace, -o files, refusals, help."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import CORPUS, REPO_ROOT, needs_corpus

Invoke = Callable[..., Any]
LAW = CORPUS / "luat-cong-doan.txt"
SMALL = "QUỐC HỘI\nLuật số: 1/2020/QH14\nHà Nội, ngày 1 tháng 2 năm 2020\nLUẬT\nTHỬ\nĐiều 1. Phạm vi\n1. Một.\n"


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "thu.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_import_commits_one_file(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    before = len(list(empty_workspace.repo.iter_commits()))
    result = invoke(empty_workspace, "import", str(_small(tmp_path)), "--id", "01-QC/TU", catch=False)
    assert result.exit_code == 0, result.output
    assert "Wrote regulations/01-QC-TU.md (1 article)." in result.output
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
    commits = len(list(empty_workspace.repo.iter_commits()))
    same = invoke(empty_workspace, "import", str(source), "--force")
    assert same.exit_code == 0, same.output
    assert "regulations/1-2020-QH14.md is unchanged (1 article)" in same.output
    assert "nothing was committed" in same.output
    assert "Wrote" not in same.output
    assert len(list(empty_workspace.repo.iter_commits())) == commits
    source.write_text(SMALL + "2. Hai.\n", encoding="utf-8")
    assert invoke(empty_workspace, "import", str(source), "--force").exit_code == 0
    assert "2\\. Hai." in (empty_workspace.root / "regulations/1-2020-QH14.md").read_text(encoding="utf-8")


@needs_corpus
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


@pytest.mark.parametrize("text", ["", "Đây là một đoạn văn xuôi.\nKhông có điều nào ở đây.\n",
                                  "TỈNH ỦY ĐIỆN BIÊN\nSố 01-QC/TU\nQUY CHẾ\nlàm việc\nCăn cứ Điều lệ Đảng;\n"])
def test_a_file_without_articles_is_refused(empty_workspace: Workspace, invoke: Invoke, tmp_path: Path,
                                            text: str) -> None:
    path = tmp_path / "prose.txt"
    path.write_text(text, encoding="utf-8")
    before = len(list(empty_workspace.repo.iter_commits()))
    result = invoke(empty_workspace, "import", str(path), "--id", "01-QC/TU")
    assert result.exit_code == 1, result.output
    assert "prose.txt: no article headings (`Điều 1`" in result.output and "nothing was written" in result.output
    assert len(list(empty_workspace.repo.iter_commits())) == before
    assert not (empty_workspace.root / "regulations" / "01-QC-TU.md").exists()
    out = tmp_path / "out.md"
    assert invoke(None, "import", str(path), "--id", "01-QC/TU", "-o", str(out)).exit_code == 1
    assert not out.exists()


def test_report_names_the_output_file(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bare.txt"
    path.write_text("Điều 1. A\n1. Một.\n", encoding="utf-8")
    out = tmp_path / "x" / "out.md"
    result = invoke(None, "import", str(path), "--id", "X-5", "-o", str(out))
    assert result.exit_code == 0, result.output
    checks = [line for line in result.output.splitlines() if ": [check] " in line]
    assert checks and all(f"[check] {out}:1: " in line for line in checks)
    assert "regulations/X-5.md" not in result.output


@pytest.mark.parametrize("bad", ["../../evil", "..", ".hidden", "a b", "x/", "/etc/x", "a..b", "-x", "01-QC\\TU"])
def test_an_id_that_is_not_a_document_number_is_refused(empty_workspace: Workspace, invoke: Invoke,
                                                       tmp_path: Path, bad: str) -> None:
    before = len(list(empty_workspace.repo.iter_commits()))
    result = invoke(empty_workspace, "import", str(_small(tmp_path)), "--id", bad)
    assert result.exit_code == 2, result.output
    assert f"The number given '{bad}' is not a document number" in result.output and "Traceback" not in result.output
    assert result.output.rstrip().endswith("(Option: --id ID.)")
    assert len(list(empty_workspace.repo.iter_commits())) == before
    assert sorted(p.name for p in (empty_workspace.root / "regulations").iterdir() if p.suffix == ".md") == []
    assert not (empty_workspace.root.parent / "evil.md").exists()


@pytest.mark.parametrize("good", ["01-QC/TU", "24-QĐ/TW", "12/2012/QH13", "01-QC/TU-EN", "1.2-HD"])
def test_document_numbers_are_accepted_as_ids(invoke: Invoke, tmp_path: Path, good: str) -> None:
    result = invoke(None, "import", str(_small(tmp_path)), "--id", good, "-o", str(tmp_path / "o.md"))
    assert result.exit_code == 0, result.output
    assert f"id: {good}" in (tmp_path / "o.md").read_text(encoding="utf-8")


@needs_corpus
def test_the_guide_example_is_the_real_report(empty_workspace: Workspace, invoke: Invoke) -> None:
    """docs/import.md's example, `...` standing for lines left out, is what the command prints, in that order."""
    guide = (REPO_ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    example = guide.split("$ regdraft import ../shared/corpus/vi/luat-cong-doan.txt\n", 1)[1].split("```", 1)[0]
    result = invoke(empty_workspace, "import", str(LAW))
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    at = 0
    for line in example.splitlines():
        if line.strip() == "...":
            continue
        assert line in printed[at:], f"{line!r} is not printed (after line {at}):\n{result.output}"
        at = printed.index(line, at) + 1


@needs_corpus
def test_the_number_note_names_the_key_written(invoke: Invoke, tmp_path: Path) -> None:
    """`Luật số: 12/2012/QH13` becomes the file's `id` (no `number:` key), and the report says so; with another
    --id it is kept as `number`, and the report says that."""
    out = tmp_path / "law.md"
    result = invoke(None, "import", str(LAW), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "[header] Read as the front-matter key 'id'.  «Luật số: 12/2012/QH13»" in result.output
    assert "Read as the front-matter keys 'place' and 'signed'.  «Hà Nội, ngày 20 tháng 6 năm 2012»" in result.output
    text = out.read_text(encoding="utf-8")
    assert "\nid: 12/2012/QH13\n" in text and "\nnumber:" not in text
    other = invoke(None, "import", str(LAW), "--id", "99/2012/QH13", "-o", str(out), "--force")
    assert "[header] Read as the front-matter key 'number'.  «Luật số: 12/2012/QH13»" in other.output
    assert "\nnumber: 12/2012/QH13\n" in out.read_text(encoding="utf-8")


def test_a_regulation_file_is_imported_from_its_own_front_matter(empty_workspace: Workspace, invoke: Invoke,
                                                                 tmp_path: Path) -> None:
    # A regulation file (a colleague's, or one generated) read as printed text: without --id it was refused for want
    # of a number though its front matter said `id:`, and with --id its front matter became preamble text.
    source = REPO_ROOT / "regulations" / "01-QC-TU.md"
    out = tmp_path / "01.md"
    done = invoke(None, "import", str(source), "-o", str(out))
    assert done.exit_code == 0, done.output
    assert out.read_bytes() == source.read_bytes()
    assert "front matter (id: 01-QC/TU) was read as it is" in done.output
    renamed = invoke(None, "import", str(source), "--id", "02-QC/TU", "-o", str(tmp_path / "02.md"))
    assert renamed.exit_code == 0, renamed.output
    assert (tmp_path / "02.md").read_text(encoding="utf-8").startswith("---\nid: 02-QC/TU\ntype: Quy chế\n")
    committed = invoke(empty_workspace, "import", str(source))
    assert committed.exit_code == 0, committed.output
    assert (empty_workspace.root / "regulations" / "01-QC-TU.md").read_bytes() == source.read_bytes()
