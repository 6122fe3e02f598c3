"""A redline between revisions that are adoptions is named by the amending documents, not by git
(`workspace.redline_adopted`), and cites their instructions as the amendment's own redline does."""

from __future__ import annotations

import re
from pathlib import Path

from regdraft.workspace.store import Workspace

from .conftest import SHIPPED_AMENDMENT, Invoke, unwrapped


def _text(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", unwrapped(path.read_text(encoding="utf-8"))).split())


def test_a_revision_that_is_an_adoption_is_named_by_its_document(tmp_workspace: Workspace, tmp_path: Path,
                                                                  invoke: Invoke) -> None:
    ws = tmp_workspace
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                     "--force", "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    tag = next(t for t in ws.repo.git.tag().split() if t.startswith("adopted/"))
    own = invoke(ws, "redline", "01-QC/TU", "--from", f"{tag}~1", "--to", tag, "--layout", "table",
                 "-o", str(tmp_path / "own.html"))
    assert own.exit_code == 0, own.output
    shown = _text(tmp_path / "own.html")
    assert f"Phiên bản {tag} (" not in shown and f"(Phiên bản {tag})" not in shown
    assert "văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ " \
           "ngày 01/04/2025)" in shown
    assert "Dự thảo sửa đổi, bổ sung" not in shown and "Quy định sửa đổi, bổ sung" in shown
    # The instructions are known: counted and cited as the amendment's redline does (Điều 9 re-enacted: one row).
    pending = invoke(ws, "redline", "01-QC/TU", "--from", f"{tag}~1", "--amendment", SHIPPED_AMENDMENT,
                     "-o", str(tmp_path / "amendment.html"))
    assert pending.exit_code == 0, pending.output
    count = re.search(r"\((\d+) changes", own.output)
    assert count is not None and f"({count[1]} changes;" in pending.output, (own.output, pending.output)
    assert "Điều 1 Quy chế số 05-QC/TU" in shown


def _adopt(ws: Workspace, invoke: Invoke, slug: str, number: str, instruction: str, signed: str,
           effective: str) -> None:
    """A Quy chế amending 01-QC/TU by one hand-written instruction, adopted (`amend new`, then `amend adopt`)."""
    made = invoke(ws, "amend", "new", slug, "--regulation", "01-QC/TU")
    assert made.exit_code == 0, made.output
    path = ws.root / "amendments" / slug / "amendment.md"
    text = path.read_text(encoding="utf-8").replace("number: null", f"number: {number}")
    text = re.sub(r"(\n## Điều 1\. [^\n]*\n)", lambda m: f"{m[1]}\n{instruction}\n", text, count=1)
    ws.commit({f"amendments/{slug}/amendment.md": text.encode("utf-8")}, f"The text of {number}")
    adopted = invoke(ws, "amend", "adopt", slug, "--signed", signed, "--effective", effective, "--force",
                     "--reason", "test")
    assert adopted.exit_code == 0, adopted.output


def _out_of_order(ws: Workspace, invoke: Invoke) -> Workspace:
    """05-QC/TU adopted, then 07-QC/TU (in force from 10/12/2027) and 08-QC/TU (from 01/12/2027), in that order."""
    first = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                   "--force", "--reason", "test")
    assert first.exit_code == 0, first.output
    _adopt(ws, invoke, "sua-07", "07-QC/TU", "1\\. Sửa đổi, bổ sung điểm b khoản 2 Điều 5 như sau:\n\n“b) Định kỳ 3 "
           "tháng, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh và kết quả thực hiện các "
           "nghị quyết, chỉ thị của Đảng;”.", "2027-11-01", "2027-12-10")
    _adopt(ws, invoke, "sua-08", "08-QC/TU", "1\\. Sửa đổi, bổ sung điểm c khoản 2 Điều 5 như sau:\n\n“c) Báo cáo kịp "
           "thời Bộ Chính trị, Ban Bí thư những vấn đề đột xuất, phức tạp về chính trị, quốc phòng, an ninh, đối "
           "ngoại, môi trường xảy ra trên địa bàn tỉnh.”.", "2027-11-20", "2027-12-01")
    return ws


def test_a_run_of_adoptions_keeps_the_kinds_its_instructions_state(tmp_workspace: Workspace, tmp_path: Path,
                                                                   invoke: Invoke) -> None:
    """The run 07-QC/TU, 08-QC/TU after 05-QC/TU, the later one in force first: `Sửa đổi, bổ sung điểm b …` is
    listed so, not as the words the text shows replaced (`6 tháng` by `3 tháng`)."""
    ws = _out_of_order(tmp_workspace, invoke)
    out = tmp_path / "run.html"
    done = invoke(ws, "redline", "01-QC/TU", "--from", "adopted/05-QC-TU", "--to", "adopted/08-QC-TU", "-o", str(out))
    assert done.exit_code == 0, done.output
    page = unwrapped(out.read_text(encoding="utf-8"))
    listed = dict(re.findall(r'<td><a href="#chg-\d+">([^<]*)</a></td><td class="summary-kind">([^<]*)</td>', page))
    assert listed == {"điểm b khoản 2 Điều 5": "sửa đổi, bổ sung", "điểm c khoản 2 Điều 5": "sửa đổi, bổ sung"}, listed


def test_a_text_holding_an_adoption_in_force_later_is_not_dated_before_it(tmp_workspace: Workspace, tmp_path: Path,
                                                                          invoke: Invoke) -> None:
    """The text 08-QC/TU left holds 07-QC/TU's change, in force from 10/12/2027: it is named by both and dated
    10/12/2027, not `bởi Quy chế số 08-QC/TU (…, có hiệu lực từ ngày 01/12/2027)`."""
    ws = _out_of_order(tmp_workspace, invoke)
    out = tmp_path / "pair.html"
    done = invoke(ws, "redline", "01-QC/TU", "--from", "adopted/07-QC-TU", "--to", "adopted/08-QC-TU", "-o", str(out))
    assert done.exit_code == 0, done.output
    shown = _text(out)
    assert ("Văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 07-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ "
            "ngày 10/12/2027) so với văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 07-QC/TU và Quy chế số "
            "08-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ ngày 10/12/2027)") in shown
    assert "01/12/2027" not in shown
