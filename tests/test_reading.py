"""Reading never depends on a clean check (issue 19 §1): commands that only read work on a
regulation with problems and say how many `check` reports; the structure of real laws reads."""

from __future__ import annotations

import json
import re

from regdraft.core.markdown import parse, read
from regdraft.core.markdown_writer import render
from regdraft.core.model import Kind
from regdraft.workspace.store import Workspace
from tests.conftest import FIXTURES, Invoke

FM = "---\nid: X\ntype: Luật\ntitle: T\nlanguage: vi\nissuer: QUỐC HỘI\nsigned: 2015-11-24\n---\n\n"


def _broken(ws: Workspace) -> None:
    """MINI-QC with a FIXME date, a repeated article and a reference to an article that does not exist."""
    text = (FIXTURES / "mini.md").read_text(encoding="utf-8")
    text = text.replace("signed: 2021-01-09", "signed: FIXME")
    text = text.replace("## Điều 4\n", "## Điều 3\n\nTheo Điều 9.\n")
    ws.commit({"regulations/MINI-QC.md": text.encode()}, "Break it")


def _check_count(ws: Workspace, invoke: Invoke) -> int:
    result = invoke(ws, "check", "MINI-QC", "--json")
    assert result.exit_code == 1
    return len(json.loads(result.stdout))


def test_show_refs_list_work_on_a_regulation_with_problems_and_count_them(
        mini_workspace: Workspace, invoke: Invoke) -> None:
    _broken(mini_workspace)
    count = _check_count(mini_workspace, invoke)
    assert count == 3  # the placeholder date, Điều 3 twice, Điều 9 missing
    shown = invoke(mini_workspace, "show", "MINI-QC", "d2.k2.b")
    assert shown.exit_code == 0
    assert shown.stdout.startswith("điểm b khoản 2 Điều 2")
    assert f"`regdraft check` reports {count} problems in regulations/MINI-QC.md" in shown.stderr
    whole = invoke(mini_workspace, "show", "MINI-QC")
    assert whole.exit_code == 0 and "Theo Điều 9." in whole.stdout
    refs = invoke(mini_workspace, "refs", "MINI-QC", "--json")
    assert refs.exit_code == 0 and f"reports {count} problems" in refs.stderr
    assert any(row["missing"] == ["d9"] for row in json.loads(refs.stdout))
    listed = json.loads(invoke(mini_workspace, "list", "--json").stdout)
    assert listed == [{"id": "MINI-QC", "path": "regulations/MINI-QC.md", "title": "Quy chế thử nghiệm",
                       "language": "vi", "articles": 4, "problems": count, "error": "",
                       "effective": listed[0]["effective"], "status": "in force", "replaced_by": "", "replaced_on": "",
                       "behind": ""}]
    assert re.search(r"4 articles, 3 problems", invoke(mini_workspace, "list").stdout)


def test_export_and_redline_work_on_a_regulation_with_problems(mini_workspace: Workspace, invoke: Invoke) -> None:
    _broken(mini_workspace)
    out = mini_workspace.root / "out"
    exported = invoke(mini_workspace, "export", "MINI-QC", "--as-of", "2025-01-01", "-o", str(out / "x.md"))
    assert exported.exit_code == 0, exported.output
    assert "reports 3 problems" in exported.stderr
    assert "Theo Điều 9." in (out / "x.md").read_text(encoding="utf-8")
    redline = invoke(mini_workspace, "redline", "MINI-QC", "--from", "HEAD~1", "--to", "HEAD",
                     "--format", "html", "-o", str(out / "r.html"))
    assert redline.exit_code == 0, redline.output
    assert "Theo Điều 9." in (out / "r.html").read_text(encoding="utf-8")


def test_a_clean_regulation_shows_no_note(mini_workspace: Workspace, invoke: Invoke) -> None:
    shown = invoke(mini_workspace, "show", "MINI-QC", "d1")
    assert shown.exit_code == 0 and shown.stderr == ""


def test_adopting_an_amendment_still_requires_a_valid_text(mini_workspace: Workspace, invoke: Invoke) -> None:
    ws = mini_workspace
    amendment = ("---\nid: 02-QC/TU\nnumber: 02-QC/TU\ntype: Quy chế\ntitle: Sửa đổi\nregulation: MINI-QC\n"
                 "status: submitted\ndraft: 1\nlanguage: vi\n---\n\n"
                 "## Điều 1\n\n1\\. Bãi bỏ khoản 3 Điều 2.\n\n## Điều 2\n\nHiệu lực.\n")
    ws.commit({"amendments/sua-doi/amendment.md": amendment.encode()}, "Draft")
    _broken(ws)
    preview = invoke(ws, "amend", "preview", "sua-doi")
    assert preview.exit_code == 0, preview.output
    assert "3\\. (được bãi bỏ)" in preview.stdout
    head = ws.repo.head.commit.hexsha
    adopted = invoke(ws, "amend", "adopt", "sua-doi", "--signed", "2025-01-01", "--effective", "2025-01-01")
    assert adopted.exit_code == 1
    assert "MINI-QC.md" in adopted.output and "FIXME" in adopted.output
    assert ws.repo.head.commit.hexsha == head and not ws.dirty(["regulations/MINI-QC.md"])


CIVIL_CODE_END = FM + """# Phần thứ nhất. PHÁP LUẬT ÁP DỤNG

## Chương I. QUY ĐỊNH CHUNG

### Điều 1. Xác định pháp luật áp dụng

Văn bản.

# Phần thứ hai. ĐIỀU KHOẢN THI HÀNH

## Điều 2. Hiệu lực thi hành

Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2017.
"""


def test_articles_directly_under_a_part_with_no_chapter() -> None:
    reg = parse(CIVIL_CODE_END)
    part = reg.units[1]
    assert part.kind is Kind.PART and part.label == "2"
    assert [c.kind for c in part.children] == [Kind.ARTICLE]
    assert render(reg) == CIVIL_CODE_END


def test_sections_without_chapters_and_a_chapter_with_articles_and_sections() -> None:
    text = FM + """# Mục 1. CHUNG

## Điều 1. A

Văn bản.

# Mục 2. RIÊNG

## Điều 2. B

Văn bản.
"""
    reg = parse(text)
    assert [(u.kind, u.label) for u in reg.units] == [(Kind.SECTION, "1"), (Kind.SECTION, "2")]
    assert str(reg.find("d2").address) == "d2"
    assert [str(loc.address) for loc in reg.walk() if loc.unit.kind is Kind.SECTION] == ["m1", "m2"]
    assert render(reg) == text
    mixed = FM + """# Chương I. CHUNG

## Điều 1. Trước các mục

Văn bản.

## Mục 1. MỘT

### Điều 2. Trong mục

Văn bản.

## Điều 3. Sau các mục

Văn bản.
"""
    reg = parse(mixed)
    chapter = reg.units[0]
    assert [(c.kind, c.label) for c in chapter.children] == [
        (Kind.ARTICLE, "1"), (Kind.SECTION, "1"), (Kind.ARTICLE, "3")]
    assert render(reg) == mixed


def test_read_returns_the_tree_and_every_problem() -> None:
    reading = read(FM + "# Chương I. A\n\n## Điều 1\n\n## Điều 3\n\n1\\. X.\n\n3\\. Y.\n")
    assert [u.label for u in reading.regulation.units[0].children] == ["1", "3"]
    # Điều 1 has nothing but its heading (line 12), Điều 3 follows Điều 1, khoản 3 follows khoản 1.
    assert [p.line for p in reading.problems] == [12, 14, 18]
