"""The redline of a real adopted amendment (`--from adopted/X~1 --to adopted/X`) reads as that amendment's own redline:
the text before it named by its content, not by git; its document named and dated; the instructions' own verbs.

Luật Đấu thầu 22/2023/QH15 with Luật 57/2024/QH15, and Nghị định 63/2010/NĐ-CP with Nghị định 48/2013/NĐ-CP, from
../shared/corpus/amendments (skipped where it is absent)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from regdraft.cli import cli
from regdraft.workspace.store import Workspace, init_workspace

from .conftest import SHARED, in_corpus, unwrapped

AMENDMENTS = SHARED / "corpus" / "amendments"
L57, ND48 = "adopted/57-2024-QH15", "adopted/48-2013-NĐ-CP"
# A second, small law on Luật Đấu thầu after Luật 57/2024 (its front matter as `amend new` writes it).
SECOND = "Luật số 90/2025/QH15"
SECOND_TAG = "adopted/90-2025-QH15"


def _run(root: Path, *args: str) -> str:
    command, rest = (list(args[:2]), list(args[2:])) if args[0] == "amend" else ([args[0]], list(args[1:]))
    result = CliRunner().invoke(cli, [*command, "-C", str(root), *rest])
    assert result.exit_code == 0, result.output
    return result.output


def _adopted(root: Path, folder: str, base: str, reg_id: str, amending: str, slug: str) -> Path:
    init_workspace(root)
    _run(root, "import", str(AMENDMENTS / folder / base), "--id", reg_id)
    _run(root, "amend", "import", str(AMENDMENTS / folder / amending), "--slug", slug)
    _run(root, "amend", "adopt", slug)
    return root


@pytest.fixture(scope="module")
def luat_dau_thau(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Luật Đấu thầu with Luật 57/2024 adopted, then a second law (`SECOND`) adding words to its Điều 2."""
    in_corpus(AMENDMENTS)
    root = _adopted(tmp_path_factory.mktemp("l57") / "ws", "luat-dau-thau-2023", "base-22-2023-QH15.txt",
                    "22/2023/QH15", "amending-57-2024-QH15.txt", "luat-57-2024")
    _run(root, "amend", "new", "sua-22", "--regulation", "22/2023/QH15")
    path = root / "amendments" / "sua-22" / "amendment.md"
    text = path.read_text(encoding="utf-8").replace("number: null", "number: 90/2025/QH15")
    text = re.sub(r"(\n## Điều 1\. [^\n]*\n)", "\\1\n1\\\\. Bổ sung cụm từ “, tổ chức” vào sau cụm từ “các cơ quan” "
                  "tại Điều 2.\n", text, count=1)
    Workspace(root).commit({"amendments/sua-22/amendment.md": text.encode("utf-8")}, "The second law")
    _run(root, "amend", "adopt", "sua-22", "--signed", "2025-06-01", "--effective", "2025-07-01", "--force",
         "--reason", "test")
    return root


@pytest.fixture(scope="module")
def nghi_dinh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    in_corpus(AMENDMENTS)
    return _adopted(tmp_path_factory.mktemp("nd48") / "ws", "nd-63-2010", "base-63-2010-ND-CP.txt", "63/2010/NĐ-CP",
                    "amending-48-2013-ND-CP.txt", "nd-48-2013")


def _redline(root: Path, reg: str, old: str, new: str, name: str, *options: str) -> str:
    out = root / "out" / name
    _run(root, "redline", reg, "--from", old, "--to", new, "--format", "html", "-o", str(out), *options)
    return unwrapped(out.read_text(encoding="utf-8"))


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", page, flags=re.S))).split())


def test_the_text_before_an_adoption_is_named_as_the_amendments_redline_names_it(luat_dau_thau: Path) -> None:
    page = _redline(luat_dau_thau, "22/2023/QH15", f"{L57}~1", L57, "l57.html")
    text = _text(page)
    assert "Phiên bản" not in text  # not named by git, nor dated by the commit (today)
    # The text before it is no longer in force: named by the law that amended it (sweep r23 s1dauthau defect 4).
    assert ("Văn bản sau khi được sửa đổi, bổ sung bởi Luật số 57/2024/QH15 (Luật Đấu thầu số 22/2023/QH15, có hiệu "
            "lực từ ngày 15 tháng 01 năm 2025) so với văn bản trước khi được sửa đổi, bổ sung bởi Luật số 57/2024/QH15 "
            "(Luật Đấu thầu số 22/2023/QH15, có hiệu lực từ ngày 01 tháng 01 năm 2024)") in text
    assert "Văn bản hiện hành" not in text and "văn bản hiện hành" not in text
    # The running header and the page's title name the amending law, as its pending redline does; the header block
    # is dated by it (29/11/2024), not by the text it amends (23/6/2023).
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None and html.unescape(title[1]).strip() == \
        "Bản so sánh Luật số 57/2024/QH15 với Luật Đấu thầu số 22/2023/QH15 ngày 23 tháng 6 năm 2023"
    assert "Hà Nội, ngày 29 tháng 11 năm 2024" in text and "Hà Nội, ngày 23 tháng 6 năm 2023" not in text


def test_the_redline_of_the_adopted_law_by_its_name_is_its_table_before_and_after(luat_dau_thau: Path) -> None:
    """`redline luat-57-2024` (adopted) writes the law's redline, from the text before its adoption to the text it
    left, and says so; it was refused (sweep r23 s1dauthau defect 5). Its table's old column is the text before it,
    not `Quy định hiện hành` (defect 4)."""
    from tests.test_render_pdf import pdf_text

    out = luat_dau_thau / "out" / "l57-table.pdf"
    said = _run(luat_dau_thau, "redline", "luat-57-2024", "--layout", "table", "--changed-only", "-o", str(out))
    assert (f"(33 changes; luat-57-2024 is adopted: 22/2023/QH15 as it stood before its adoption ({L57}~1) against the "
            f"text it left ({L57}))") in said
    text = pdf_text(out)
    # The law named once, before and after the amending law (r36 BL 8: named twice, each with a label).
    assert ("BẢNG SO SÁNH Luật Đấu thầu số 22/2023/QH15 ngày 23 tháng 6 năm 2023 trước và sau khi được sửa đổi, bổ "
            "sung bởi Luật số 57/2024/QH15") in text and "(Văn bản" not in text
    assert "Quy định trước khi sửa đổi, bổ sung" in text and "Quy định hiện hành" not in text
    assert "Văn bản hiện hành" not in text and "văn bản hiện hành" not in text


def test_the_text_before_a_later_adoption_is_named_by_the_earlier_ones(luat_dau_thau: Path) -> None:
    text = _text(_redline(luat_dau_thau, "22/2023/QH15", f"{SECOND_TAG}~1", SECOND_TAG, "second.html"))
    assert "Phiên bản" not in text
    assert ("so với văn bản sau khi được sửa đổi, bổ sung bởi Luật số 57/2024/QH15 (Luật Đấu thầu số 22/2023/QH15, "
            "có hiệu lực từ ngày 15 tháng 01 năm 2025)") in text
    assert f"Văn bản sau khi được sửa đổi, bổ sung bởi {SECOND}" in text
    assert f"Bản so sánh {SECOND} với Luật Đấu thầu số 22/2023/QH15" in text


def test_the_references_to_recheck_name_the_adopted_law_not_a_draft(luat_dau_thau: Path) -> None:
    text = _text(_redline(luat_dau_thau, "22/2023/QH15", f"{L57}~1", L57, "refs.html"))
    # One line for the citation of both clauses, one amended whole, the other in its point d (r31 sweep AR 2).
    assert ("Khoản 1 Điều 3 dẫn chiếu khoản 5 và khoản 7 Điều 3; Luật số 57/2024/QH15 sửa đổi khoản 5 và điểm d "
            "khoản 7 Điều 3: cần rà soát.") in text
    assert "; dự thảo " not in text


def test_an_adopted_decree_that_says_only_sua_doi_is_listed_so(nghi_dinh: Path) -> None:
    """`Sửa đổi Điều 5:`, `Sửa đổi Khoản 2 Điều 10:`, `Sửa đổi về thời hạn … tại Điều 15:` (Nghị định 48/2013): the
    table's notes and the summary say `sửa đổi`, as the consolidated text's footnotes say `được sửa đổi`."""
    table = _redline(nghi_dinh, "63/2010/NĐ-CP", f"{ND48}~1", ND48, "table.html", "--layout", "table",
                     "--changed-only")
    rows = dict(re.findall(r'<td class="col-where[^"]*">([^<]*)</td>.*?<td class="col-note"><p>([^<]*)</p>', table,
                           re.S))
    assert rows["Điều 5"] == "sửa đổi" and rows["Khoản 2 Điều 10"] == "sửa đổi", rows
    assert rows["Điều 15"] == "sửa đổi đoạn mở đầu", rows
    summary = _redline(nghi_dinh, "63/2010/NĐ-CP", f"{ND48}~1", ND48, "inline.html")
    listed = dict(re.findall(r'<td><a href="#chg-\d+">([^<]*)</a></td><td class="summary-kind">([^<]*)</td>', summary))
    assert listed["Điều 5"] == "sửa đổi" and listed["khoản 2 Điều 10"] == "sửa đổi", listed
    assert listed["Điều 15"] == "sửa đổi đoạn mở đầu", listed
