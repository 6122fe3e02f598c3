"""One amending document amending two regulations of the workspace: adopted together, replayed for each (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace

from .conftest import FIXTURES, SHIPPED_REGULATION, Invoke
from .test_cli_amend import REG, snapshot, submit

SHIPPED = "regulations/01-QC-TU.md"


def document(second: str = "1\\. Bãi bỏ gạch đầu dòng thứ ba khoản 4 Điều 7.") -> str:
    """Điều 1 amends 02-QC/TU, Điều 2 amends 01-QC/TU, Điều 3 says when it takes effect."""
    return (
        "---\nnumber: 07-QC/TU\ntype: Quy chế\ntitle: Quy chế sửa đổi hai quy chế\nregulation: 02-QC/TU\n"
        "amends:\n  1: 02-QC/TU\n  2: 01-QC/TU\nlanguage: vi\nstatus: draft\ndraft: 1\nsigned: null\n"
        "effective: null\n---\n\nCăn cứ Điều lệ Đảng;\n\n"
        "## Điều 1. Sửa đổi, bổ sung Quy chế thử nghiệm sửa đổi\n\n"
        "1\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. Thường trực Tỉnh ủy bảo đảm thực hiện.”\n\n"
        "2\\. Bãi bỏ Điều 4.\n\n"
        "## Điều 2. Sửa đổi, bổ sung Quy chế làm việc\n\n"
        f"{second}\n\n"
        "## Điều 3. Hiệu lực thi hành\n\nQuy chế này có hiệu lực kể từ ngày ký.\n"
    )


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    empty_workspace.commit(
        {REG: (FIXTURES / "amend" / "vi.md").read_bytes(), SHIPPED: SHIPPED_REGULATION.read_bytes(),
         "amendments/both/amendment.md": document().encode(),
         "amendments/broken/amendment.md": document("1\\. Bãi bỏ khoản 9 Điều 7.").replace(
             "07-QC/TU", "08-QC/TU").encode()},
        "Add two regulations and a document amending both")
    return empty_workspace


def test_check_and_redline_read_the_instructions_for_each_regulation(ws: Workspace, invoke: Invoke,
                                                                     tmp_path: Path) -> None:
    assert invoke(ws, "amend", "check", "both").exit_code == 0
    html = tmp_path / "redline.html"
    # The redline of the second regulation compares it with the document's article for it.
    result = invoke(ws, "redline", "01-QC/TU", "--amendment", "both", "-o", str(html))
    assert result.exit_code == 0, result.output
    assert "(được bãi bỏ)" in html.read_text(encoding="utf-8")
    broken = invoke(ws, "amend", "check", "broken")
    assert broken.exit_code == 1 and "Điều 7 has no khoản 9" in broken.output


def test_adoption_amends_every_regulation_named_in_one_commit(ws: Workspace, invoke: Invoke, tmp_path: Path) -> None:
    before = {REG: (ws.root / REG).read_bytes(), SHIPPED: (ws.root / SHIPPED).read_bytes()}
    submit(ws, "both")
    result = invoke(ws, "amend", "adopt", "both", "--signed", "2025-10-20", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["regulations"] == ["02-QC/TU", "01-QC/TU"]
    head = ws.repo.head.commit
    assert sorted(map(str, head.stats.files)) == sorted([
        "amendments/both/amendment.md", REG, SHIPPED, "regulations/history/02-QC-TU/base.md",
        "regulations/history/01-QC-TU/base.md"])
    assert ws.repo.git.tag("--points-at", "HEAD") == "adopted/07-QC-TU"
    assert (ws.root / "regulations/history/01-QC-TU/base.md").read_bytes() == before[SHIPPED]
    assert str(head.message).startswith(
        "Adopt amendment 07-QC/TU (both) to 02-QC/TU, 01-QC/TU: signed 2025-10-20, effective 2025-10-20\n\n"
        "07-QC/TU amends khoản 2 Điều 1, repeals Điều 4 of 02-QC/TU (Điều 1).\n\n"
        "1. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n2. Bãi bỏ Điều 4.\n\n"
        "07-QC/TU repeals gạch đầu dòng thứ ba khoản 4 Điều 7 of 01-QC/TU (Điều 2).\n\n"
        "1. Bãi bỏ gạch đầu dòng thứ ba khoản 4 Điều 7.")
    assert "## Điều 4. (được bãi bỏ)" in (ws.root / REG).read_text(encoding="utf-8")
    assert "- (được bãi bỏ)" in (ws.root / SHIPPED).read_text(encoding="utf-8")
    # Each regulation's history replays the document's own article for it: no edit without an amendment.
    check = invoke(ws, "check")
    assert "edited without an amendment" not in check.output, check.output
    for reg_id, cited in (("02-QC/TU", "khoản 2 Điều 1 Quy chế số 07-QC/TU"),
                          ("01-QC/TU", "khoản 1 Điều 2 Quy chế số 07-QC/TU")):
        out = tmp_path / f"{reg_id.replace('/', '-')}.md"
        exported = invoke(ws, "export", reg_id, "--as-of", "2025-10-20", "-o", str(out))
        assert exported.exit_code == 0, exported.output
        assert cited in out.read_text(encoding="utf-8"), reg_id
    preview = invoke(ws, "amend", "preview", "both")
    assert preview.exit_code == 0 and "## Điều 4. (được bãi bỏ)" in preview.output


def test_a_failing_instruction_for_either_regulation_adopts_nothing(ws: Workspace, invoke: Invoke) -> None:
    submit(ws, "broken")
    before = snapshot(ws)
    result = invoke(ws, "amend", "adopt", "broken", "--signed", "2025-10-20")
    assert result.exit_code == 1
    # What `amend check` finds refuses it, never forced (an instruction that cannot be applied).
    assert "`regdraft amend check broken` finds" in result.output and "Điều 7 has no khoản 9" in result.output
    assert "Nothing was changed." in result.output and "--force" not in result.output
    forced = invoke(ws, "amend", "adopt", "broken", "--signed", "2025-10-20", "--force", "--reason", "urgent")
    assert forced.exit_code == 1 and "Điều 7 has no khoản 9" in forced.output
    assert snapshot(ws) == before


def test_preview_shows_every_regulation_in_the_order_of_its_articles(ws: Workspace, invoke: Invoke,
                                                                      tmp_path: Path) -> None:
    # The main regulation (front matter `regulation:`) is amended by the second article: the preview
    # still follows the document, Điều 1 (02-QC/TU) first.
    text = document().replace("regulation: 02-QC/TU", "regulation: 01-QC/TU")
    (ws.root / "amendments/both/amendment.md").write_text(text, encoding="utf-8")
    shown = invoke(ws, "amend", "preview", "both")
    assert shown.exit_code == 0, shown.output
    first = shown.stdout.index("==> 02-QC/TU, as Điều 1 of both amends it <==")
    second = shown.stdout.index("==> 01-QC/TU, as Điều 2 of both amends it <==")
    assert first < second
    # Each section holds its own regulation, amended by its own article only.
    assert "## Điều 4. (được bãi bỏ)" in shown.stdout[first:second]
    assert "2\\. Thường trực Tỉnh ủy bảo đảm thực hiện." in shown.stdout[first:second]
    assert "id: 01-QC/TU" in shown.stdout[second:] and "- (được bãi bỏ)" in shown.stdout[second:]
    assert "- (được bãi bỏ)" not in shown.stdout[first:second]

    as_json = json.loads(invoke(ws, "amend", "preview", "both", "--json").stdout)
    assert [(r["regulation"], r["article"]) for r in as_json["regulations"]] == [
        ("02-QC/TU", "Điều 1"), ("01-QC/TU", "Điều 2")]
    assert as_json["text"] is None and all(r["text"].startswith("---\nid: ") for r in as_json["regulations"])
    assert as_json["regulations"][1]["text"] == shown.stdout[second:].split("<==\n", 1)[1].removesuffix("\n")

    written = invoke(ws, "amend", "preview", "both", "-o", str(tmp_path / "amended.md"))
    assert written.exit_code == 0, written.output
    assert (tmp_path / "amended-02-QC-TU.md").read_text(encoding="utf-8") == as_json["regulations"][0]["text"]
    assert (tmp_path / "amended-01-QC-TU.md").read_text(encoding="utf-8") == as_json["regulations"][1]["text"]
    assert not (tmp_path / "amended.md").exists()

    one = invoke(ws, "amend", "preview", "both", "--regulation", "01-QC/TU", "-o", str(tmp_path / "one.md"))
    assert one.exit_code == 0, one.output
    assert (tmp_path / "one.md").read_text(encoding="utf-8") == as_json["regulations"][1]["text"]
    other = invoke(ws, "amend", "preview", "both", "--regulation", "9-QC/TU")
    assert other.exit_code == 2 and "There is no regulation '9-QC/TU'" in other.output


def test_check_and_list_name_every_regulation_amended(ws: Workspace, invoke: Invoke) -> None:
    checked = invoke(ws, "amend", "check", "both")
    assert checked.exit_code == 0
    assert ("both: no problems found (02-QC/TU, as Điều 1 amends it; 01-QC/TU, as Điều 2 amends it)."
            in checked.output)
    as_json = json.loads(invoke(ws, "amend", "check", "both", "--json").stdout)
    assert as_json["regulations"] == [{"regulation": "02-QC/TU", "article": "Điều 1"},
                                      {"regulation": "01-QC/TU", "article": "Điều 2"}]
    broken = invoke(ws, "amend", "check", "broken")
    assert "1 problem found (02-QC/TU, as Điều 1 amends it; 01-QC/TU" in broken.output
    rows = {r["slug"]: r for r in json.loads(invoke(ws, "amend", "list", "--json").stdout)}
    # Both articles' instructions are counted: two for 02-QC/TU, one for 01-QC/TU.
    assert rows["both"]["regulations"] == ["02-QC/TU", "01-QC/TU"] and rows["both"]["instructions"] == 3
    assert "02-QC/TU, 01-QC/TU" in invoke(ws, "amend", "list").output
    from regdraft.web.pages import home

    assert {row.slug: row.regulation for row in home(ws).amendments}["both"] == "02-QC/TU, 01-QC/TU"
