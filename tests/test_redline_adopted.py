"""A redline between revisions that are adoptions is named by the amending documents, not by git
(`workspace.redline_adopted`), and cites their instructions as the amendment's own redline does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from regdraft.cli import cli
from regdraft.workspace.store import Workspace, init_workspace

from .conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke, _command_depth, unsaid, unwrapped


def _text(path: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", unwrapped(unsaid(path.read_text(encoding="utf-8")))).split())


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
    assert "Văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ " \
           "ngày 01/4/2025) so với văn bản trước khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU" in shown
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
    assert ("Văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 07-QC/TU và Quy chế số 08-QC/TU (Quy chế số "
            "01-QC/TU, có hiệu lực từ ngày 10/12/2027) so với văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số "
            "07-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ ngày 10/12/2027)") in shown
    assert "01/12/2027" not in shown


def test_a_provision_rewritten_then_a_phrase_of_it_replaced_is_named_by_the_rewrite(tmp_workspace: Workspace,
                                                                                     tmp_path: Path,
                                                                                     invoke: Invoke) -> None:
    """07-QC/TU re-enacts điểm b khoản 2 Điều 5 whole, 08-QC/TU then replaces a phrase in it: against the text 05-QC/TU
    left, the point is `sửa đổi, bổ sung` (the broadest), not `thay thế cụm từ` (the last instruction's), which hid
    the rewrite (`6 tháng` to `3 tháng`)."""
    ws = tmp_workspace
    first = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                   "--force", "--reason", "test")
    assert first.exit_code == 0, first.output
    _adopt(ws, invoke, "sua-07", "07-QC/TU", "1\\. Sửa đổi, bổ sung điểm b khoản 2 Điều 5 như sau:\n\n“b) Định kỳ 3 "
           "tháng, một năm báo cáo Bộ Chính trị, Ban Bí thư về tình hình mọi mặt của tỉnh và kết quả thực hiện các "
           "nghị quyết, chỉ thị của Đảng;”.", "2026-03-02", "2026-04-01")
    _adopt(ws, invoke, "sua-08", "08-QC/TU", "1\\. Thay thế cụm từ “tình hình mọi mặt” bằng cụm từ “tình hình kinh "
           "tế - xã hội” tại điểm b khoản 2 Điều 5.", "2026-05-10", "2026-06-01")
    out = tmp_path / "run.html"
    done = invoke(ws, "redline", "01-QC/TU", "--from", "adopted/05-QC-TU", "--to", "adopted/08-QC-TU", "-o", str(out))
    assert done.exit_code == 0, done.output
    page = unwrapped(out.read_text(encoding="utf-8"))
    listed = dict(re.findall(r'<td><a href="#chg-\d+">([^<]*)</a></td><td class="summary-kind">([^<]*)</td>', page))
    assert listed == {"điểm b khoản 2 Điều 5": "sửa đổi, bổ sung"}, listed
    # The adopted pair alone keeps the phrase change its one instruction states.
    pair = tmp_path / "pair.html"
    done = invoke(ws, "redline", "01-QC/TU", "--from", "adopted/07-QC-TU", "--to", "adopted/08-QC-TU", "-o", str(pair))
    assert done.exit_code == 0, done.output
    page = unwrapped(pair.read_text(encoding="utf-8"))
    listed = dict(re.findall(r'<td><a href="#chg-\d+">([^<]*)</a></td><td class="summary-kind">([^<]*)</td>', page))
    assert listed == {"điểm b khoản 2 Điều 5": "thay thế cụm từ"}, listed


# A term's run (the s5office sweep): 05-QC/TU inserts khoản 5 Điều 14 and Điều 20a; 07-QC/TU amends khoản 2 Điều 20a;
# 08-QC/TU, in force before 07, re-enacts khoản 5 Điều 14; 09-QC/TU repeals khoản 2 Điều 20a.
_RUN = (
    ("sua-07", "07-QC/TU", "1\\. Sửa đổi, bổ sung khoản 2 Điều 20a như sau:\n\n“2\\. Văn bản điện tử có chữ ký số của "
     "người có thẩm quyền và chữ ký số của Tỉnh ủy có giá trị như văn bản giấy; việc lưu trữ văn bản điện tử thực hiện "
     "theo quy định của Trung ương.”.", "2026-03-02", "2026-07-01"),
    ("sua-08", "08-QC/TU", "1\\. Sửa đổi, bổ sung khoản 5 Điều 14 như sau:\n\n“5\\. Trường hợp cần thiết, Thường trực "
     "Tỉnh ủy họp theo hình thức trực tuyến hoặc lấy ý kiến các đồng chí Thường trực Tỉnh ủy bằng văn bản giấy hoặc "
     "điện tử; kết quả được báo cáo Ban Thường vụ Tỉnh ủy tại phiên họp gần nhất.”.", "2026-05-10", "2026-05-10"),
    ("sua-09", "09-QC/TU", "1\\. Bãi bỏ khoản 2 Điều 20a.", "2026-09-15", "2026-10-01"),
)


@pytest.fixture(scope="module")
def term(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Path]]:
    """The shipped 05-QC/TU adopted, then 07, 08 and 09-QC/TU (`_RUN`); and the redlines of the whole run (from the
    text before 05-QC/TU) inline and as a table of the changes alone, and of 07 to 09 (from the text 05 left)."""
    runner = CliRunner()

    def run(ws: Workspace, *args: str) -> Result:
        argv = list(args)
        split = _command_depth(argv)
        return runner.invoke(cli, [*argv[:split], "-C", str(ws.root), *argv[split:]])

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        ws = init_workspace(tmp_path_factory.mktemp("term") / "ws", example_from=REPO_ROOT)
        first = run(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-28", "--effective", "2025-03-28",
                    "--force", "--reason", "test")
        assert first.exit_code == 0, first.output
        for slug, number, instruction, signed, effective in _RUN:
            _adopt(ws, run, slug, number, instruction, signed, effective)
        out = tmp_path_factory.mktemp("term-out")
        for name, since, extra in (("whole", "adopted/05-QC-TU~1", ()),
                                   ("table", "adopted/05-QC-TU~1", ("--layout", "table", "--changed-only")),
                                   ("later", "adopted/05-QC-TU", ())):
            done = run(ws, "redline", "01-QC/TU", "--from", since, "--to", "adopted/09-QC-TU", *extra,
                       "--format", "html", "-o", str(out / f"{name}.html"))
            assert done.exit_code == 0, done.output
        yield ws, out


def test_a_unit_not_in_the_old_text_is_inserted_across_the_run(term: tuple[Workspace, Path]) -> None:
    """Khoản 5 Điều 14 is not in the text before 05-QC/TU: `bổ sung mới` against it, though 08-QC/TU's instruction
    re-enacts it (`Sửa đổi, bổ sung khoản 5 Điều 14`); khoản 2 Điều 20a, inserted and repealed within the run, is
    no change of its own but part of the inserted Điều 20a."""
    page = unwrapped((term[1] / "whole.html").read_text(encoding="utf-8"))
    listed = dict(re.findall(r'<td><a href="#chg-\d+">([^<]*)</a></td><td class="summary-kind">([^<]*)</td>', page))
    assert listed["khoản 5 Điều 14"] == "bổ sung mới", listed
    assert listed["Điều 20a"] == "bổ sung mới" and "khoản 2 Điều 20a" not in listed, listed


def test_a_row_cites_every_adoption_that_changed_it_in_order(term: tuple[Workspace, Path]) -> None:
    """Điều 20a's row cites 05-QC/TU, which inserted it, then 07-QC/TU and 09-QC/TU, which amended and repealed
    its khoản 2 (no row of its own): it cited 05-QC/TU alone."""
    shown = _text(term[1] / "table.html")
    row = shown[shown.index("Điều 20a Điều 20a"):]
    row = row[:row.index("Khoản 1 Điều 21")]
    assert re.search(r"bổ sung mới khoản 9 Điều 1 Quy chế số 05-QC/TU khoản 1 Điều 1 Quy chế số 07-QC/TU "
                     r"khoản 1 Điều 1 Quy chế số 09-QC/TU \d+ $", row), row


def test_a_repealed_clause_in_a_short_table_is_shown_not_left_out(term: tuple[Workspace, Path]) -> None:
    """With only the changes, Điều 20a's new text shows `2. (được bãi bỏ)`, not `[…]` (unchanged text left out)."""
    shown = _text(term[1] / "table.html")
    row = shown[shown.index("Điều 20a Điều 20a"):]
    row = row[:row.index("Khoản 1 Điều 21")]
    assert "[…]" not in row and " 2. (được bãi bỏ) 3. Văn phòng Tỉnh ủy chủ trì" in row, row


def test_the_sides_of_a_run_are_named_by_every_adoption_in_it(term: tuple[Workspace, Path]) -> None:
    """The old side, the text before 05-QC/TU, is not `Văn bản hiện hành` (09-QC/TU is in force now); the new one
    names 05, 07, 08 and 09-QC/TU in the order they were adopted, dated by the latest effective date; from the text
    05-QC/TU left, 07, 08 and 09-QC/TU."""
    shown = _text(term[1] / "whole.html")
    assert ("Văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU, Quy chế số 07-QC/TU, Quy chế số 08-QC/TU "
            "và Quy chế số 09-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ ngày 01/10/2026) so với văn bản trước khi "
            "được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ ngày 09/01/2021)") \
        in shown
    assert "hiện hành" not in shown.replace("Quy định hiện hành", "")
    later = _text(term[1] / "later.html")
    assert ("Văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 07-QC/TU, Quy chế số 08-QC/TU và Quy chế số "
            "09-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ ngày 01/10/2026) so với văn bản sau khi được sửa đổi, bổ "
            "sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ ngày 28/3/2025)") in later


def test_a_run_of_adoptions_heads_its_old_column_as_the_text_before_them(term: tuple[Workspace, Path]) -> None:
    """The comparison table's old column over a run of adoptions was headed `Quy định hiện hành` (the text in
    force), though later adoptions of the run amended that text."""
    page = (term[1] / "table.html").read_text(encoding="utf-8")
    assert "<th>Quy định trước khi sửa đổi, bổ sung</th>" in page and "Quy định hiện hành" not in page


def test_the_text_before_one_adoption_is_named_by_it_not_as_in_force(tmp_workspace: Workspace, tmp_path: Path,
                                                                     invoke: Invoke) -> None:
    """The redline of one adoption (`--from TAG~1 --to TAG`) called the text it amended `Văn bản hiện hành` in its
    title and cover line, and headed the table's old column `Quy định hiện hành`, though the amended text is in force
    (sweep r23 s1dauthau defect 4); a run of several already said `Văn bản trước khi được sửa đổi, bổ sung bởi …`.
    Both lines name the new text first (the cover line named the old first, against the title above it)."""
    from tests.test_render_pdf import pdf_text

    ws = tmp_workspace
    adopted = invoke(ws, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-03-15", "--effective", "2025-04-01",
                     "--force", "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    out = tmp_path / "table.pdf"
    done = invoke(ws, "redline", "01-QC/TU", "--from", "adopted/05-QC-TU~1", "--to", "adopted/05-QC-TU", "--layout",
                  "table", "-o", str(out))
    assert done.exit_code == 0, done.output
    text = pdf_text(out)
    # One document, named once (r36 BL 8: it was named twice, each with a label capitalised mid-sentence).
    assert ("BẢNG SO SÁNH Quy chế số 01-QC/TU ngày 09/01/2021 trước và sau khi được sửa đổi, bổ sung bởi Quy chế số "
            "05-QC/TU") in text
    assert ("Văn bản sau khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, có hiệu lực từ ngày "
            "01/4/2025) so với văn bản trước khi được sửa đổi, bổ sung bởi Quy chế số 05-QC/TU (Quy chế số 01-QC/TU, "
            "có hiệu lực từ ngày 09/01/2021)") in text
    assert "Quy định trước khi sửa đổi, bổ sung" in text and "hiện hành" not in text


def test_the_text_before_one_english_adoption_is_named_by_it(tmp_workspace: Workspace, tmp_path: Path,
                                                               invoke: Invoke) -> None:
    """In English: `Text as amended by … compared with the text before amendment by …`, column `Text before
    amendment`, not `Text in force`."""
    ws = tmp_workspace
    text = (REPO_ROOT / "tests" / "fixtures" / "export" / "en-amendment.md").read_text(encoding="utf-8")
    ws.commit({"amendments/en1/amendment.md": text.replace("number: null", "number: 02-QC/TU").encode()}, "English")
    adopted = invoke(ws, "amend", "adopt", "en1", "--signed", "2025-03-15", "--effective", "2025-04-01", "--force",
                     "--reason", "test")
    assert adopted.exit_code == 0, adopted.output
    out = tmp_path / "table.html"
    done = invoke(ws, "redline", "en1", "--layout", "table", "-o", str(out))
    assert done.exit_code == 0, done.output
    page = out.read_text(encoding="utf-8")
    shown = _text(out)
    assert "<th>Text before amendment</th>" in page and "Text in force" not in shown
    assert re.search(r"Text as amended by Regulations? No\. 02-QC/TU \([^)]*\) compared with the text before "
                     r"amendment by Regulations? No\. 02-QC/TU \(", shown), shown[:2000]
    # The title under COMPARISON TABLE names the text once (r36 BL 8).
    assert re.search(r"of Regulations? No\. 01-QC/TU of [^()]* before and after amendment by Regulations? No\. "
                     r"02-QC/TU", shown), shown[:1000]
