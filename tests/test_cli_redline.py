"""`regdraft redline` and `regdraft compare`: versions chosen, files written, summary complete."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from regdraft.store import Workspace
from tests.conftest import FIXTURES, Invoke
from tests.test_render_pdf import pdf_fonts, pdf_text

GOLDEN = Path(__file__).resolve().parent / "golden"
MINI = (FIXTURES / "mini.md").read_text(encoding="utf-8")


def _amend_engine() -> None:
    pytest.importorskip("regdraft.amend.workspace")


def _edit_mini(ws: Workspace) -> None:
    text = MINI.replace("Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Tỉnh ủy").replace(
        "## Điều 4\n", "## Điều 4. Hiệu lực thi hành\n")
    ws.commit({"regulations/MINI-QC.md": text.encode()}, "Edit mini")


def test_compare_two_files_writes_html(tmp_path: Path, invoke: Invoke) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_text(MINI.replace("Thiểu số phục tùng đa số.", "Thiểu số phục tùng đa số;"), encoding="utf-8")
    out = tmp_path / "r.html"
    result = invoke(None, "compare", str(old), str(new), "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "1 changes" in result.output
    html = out.read_text(encoding="utf-8")
    assert 'href="#chg-1"' in html and 'id="chg-1"' in html
    assert '<del class="del">.</del><ins class="ins">;</ins>' in html


def test_compare_reports_a_broken_file_without_traceback(tmp_path: Path, invoke: Invoke) -> None:
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MINI, encoding="utf-8")
    new.write_text("no front matter\n", encoding="utf-8")
    result = invoke(None, "compare", str(old), str(new), "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert "front matter" in result.output and "Traceback" not in result.output


def test_redline_between_revisions_defaults_into_out(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    result = invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD",
                    "--format", "html", catch=False)
    assert result.exit_code == 0, result.output
    target = mini_workspace.root / "out" / "redline-MINI-QC.html"
    assert str(target) in result.output and target.is_file()
    html = target.read_text(encoding="utf-8")
    sha = mini_workspace.resolve("HEAD~1").hexsha[:7]
    assert f"Phiên bản HEAD~1 (MINI-QC, commit {sha}" in html
    assert "điểm b khoản 2 Điều 2" in html and "Điều 4" in html


def test_changed_only_collapses_unchanged_articles(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    out = mini_workspace.root / "c.html"
    invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD", "--changed-only",
           "-o", str(out), catch=False)
    html = out.read_text(encoding="utf-8")
    assert '<p class="collapsed">Điều 1. Phạm vi điều chỉnh — không thay đổi</p>' in html
    assert "Quy chế này quy định nguyên tắc" not in html


def test_table_layout_is_landscape_with_one_row_per_change(mini_workspace: Workspace, invoke: Invoke) -> None:
    _edit_mini(mini_workspace)
    out = mini_workspace.root / "t.html"
    invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD", "--layout", "table",
           "-o", str(out), catch=False)
    html = out.read_text(encoding="utf-8")
    assert '<body class="landscape">' in html and "BẢNG SO SÁNH" in html
    assert len(re.findall(r'<tr id="chg-\d+">', html)) == 2


def test_redline_without_a_pending_amendment_says_what_to_do(mini_workspace: Workspace, invoke: Invoke) -> None:
    _amend_engine()
    result = invoke(mini_workspace, "redline", "MINI-QC")
    assert result.exit_code == 1
    assert "no pending amendment" in result.output and "--to REV" in result.output


def test_to_and_amendment_together_is_a_usage_error(mini_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(mini_workspace, "redline", "MINI-QC", "--to", "HEAD", "--amendment", "x")
    assert result.exit_code == 2


def _normalised(html: str) -> str:
    html = re.sub(r"commit [0-9a-f]{7}", "commit SHA", html)
    return re.sub(r"\d{4}-\d{2}-\d{2}", "DATE", html)


def test_golden_html_of_the_shipped_amendment(tmp_workspace: Workspace, invoke: Invoke,
                                              request: pytest.FixtureRequest) -> None:
    _amend_engine()
    out = tmp_workspace.root / "out" / "golden.html"
    result = invoke(tmp_workspace, "redline", "01-QC/TU", "--format", "html", "-o", str(out), catch=False)
    assert result.exit_code == 0, result.output
    html = _normalised(out.read_text(encoding="utf-8"))
    golden = GOLDEN / "redline-shipped.html"
    if request.config.getoption("--update-golden") or not golden.exists():
        if not request.config.getoption("--update-golden"):
            pytest.fail(f"{golden} is missing; run pytest --update-golden to create it.")
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_shipped_amendment_pdf_lists_every_change(tmp_workspace: Workspace, invoke: Invoke) -> None:
    _amend_engine()
    from regdraft import redline as rl

    result = invoke(tmp_workspace, "redline", "01-QC/TU", catch=False)
    assert result.exit_code == 0, result.output
    pdf = tmp_workspace.root / "out" / "redline-01-QC-TU.pdf"
    assert str(pdf) in result.output
    text = pdf_text(pdf)
    assert unicodedata.is_normalized("NFC", text)
    assert "DỰ THẢO lần" in text and "Văn bản hiện hành (01-QC/TU, commit" in text
    assert re.search(r"Trang 1/\d+", text)
    redline = rl.build(tmp_workspace, "01-QC/TU")
    assert redline.comparison.changes
    helpers = rl._Helpers(redline)
    for change in redline.comparison.changes:
        assert " ".join(helpers.describe(change).split()) in text
    assert all("Tinos" in f or "LiberationSerif" in f.replace("-", "") for f in pdf_fonts(pdf))


def test_summary_lists_references_that_need_checking(tmp_workspace: Workspace) -> None:
    _amend_engine()
    from regdraft import redline as rl

    redline = rl.build(tmp_workspace, "01-QC/TU")
    # khoản 3 Điều 6 cites khoản 2 Điều 5, which the shipped amendment rewrites.
    assert "Khoản 3 Điều 6 dẫn chiếu khoản 2 Điều 5, quy định được sửa đổi: cần rà soát." in redline.references
    html = rl.render_html(redline)
    assert "Các quy định có tham chiếu cần rà soát" in html
    assert "Khoản 3 Điều 6 dẫn chiếu khoản 2 Điều 5" in html
