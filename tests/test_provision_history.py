"""A provision's history, `regdraft log REG ADDRESS` (r38 sweep BT 2): each adopted amending document that changed it,
with the amending provision, its signing and effective dates, in effective-date order, the later ones marked."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from regdraft.workspace.adoption import adopt
from regdraft.workspace.provision_history import provision_history
from regdraft.workspace.store import Workspace

from .conftest import Invoke, module_workspace
from .test_cli_amend import amendment_text

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "amend" / "vi.md"
FIRST = "1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“1\\. Ban Chấp hành họp thường lệ 2 tháng một lần.”"
SECOND = ("1\\. Thay thế cụm từ “Tài liệu phục vụ” bằng cụm từ “Tài liệu cho” tại Điều 3.\n\n"
          "2\\. Bổ sung Điều 4a vào sau Điều 4:\n\n“Điều 4a. Hội nghị trực tuyến\n\nHội nghị có thể họp trực tuyến.”")
LATER = "Quy định tại khoản 2 Điều 1 của Quy chế này có hiệu lực kể từ ngày 01/7/2023"  # Điều 4a a month later
THIRD = ("1\\. Sửa đổi, bổ sung Điều 3 như sau:\n\n“Điều 3. Hội nghị Ban Chấp hành\n\n"
         "1\\. Ban Chấp hành họp thường lệ mỗi tháng một lần.\n\n2\\. Thường trực Tỉnh ủy chuẩn bị nội dung.”")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """02-QC/TU: khoản 1 Điều 3 amended by 10-QC/TU (2022), words of Điều 3 replaced and Điều 4a inserted by 11-QC/TU
    (2023; Điều 4a from a date of its own), Điều 3 replaced whole by 12-QC/TU, in force in 2099, adopted in that order;
    a draft beside them. Their slugs sort otherwise. The tests only read it."""
    files = {"regulations/02-QC-TU.md": FIXTURE.read_bytes()}
    for slug, body, number, day in (("zz-first", FIRST, "10-QC/TU", "01/02/2022"), ("second", SECOND, "11-QC/TU",
                                    f"01/6/2023.\n\n{LATER}"), ("a-third", THIRD, "12-QC/TU", "01/01/2099"),
                                    ("b-draft", FIRST, "", "ký")):
        files[f"amendments/{slug}/amendment.md"] = amendment_text(body, number=number, status="submitted",
                                                                  takes_effect=f"kể từ ngày {day}").encode()
    with module_workspace(tmp_path_factory, "history") as workspace:
        workspace.commit(files, "A regulation and four amendments")
        adopt(workspace, "zz-first", "2022-01-10", "2022-02-01")
        adopt(workspace, "second", "2023-05-10", "2023-06-01")
        adopt(workspace, "a-third", "2024-12-01", "2099-01-01")
        yield workspace


def test_a_clause_lists_the_documents_that_changed_it_and_the_one_that_replaced_its_article(ws: Workspace) -> None:
    history = provision_history(ws, "02-QC/TU", "d3.k1", today=dt.date(2026, 12, 7))
    assert [(e.number, str(e.unit), e.kind, e.signed, e.effective, e.in_force) for e in history.entries] == [
        ("10-QC/TU", "d3.k1", "amended", dt.date(2022, 1, 10), dt.date(2022, 2, 1), True),
        # 11-QC/TU replaced words of Điều 3 in khoản 2 only: khoản 1 reads as before, so it is not its history.
        ("12-QC/TU", "d3", "amended", dt.date(2024, 12, 1), dt.date(2099, 1, 1), False)]
    assert history.entries[0].said == "Khoản 1 Điều 3 được sửa đổi, bổ sung"
    assert history.entries[0].cited == "khoản 1 Điều 1 Quy chế số 10-QC/TU"


def test_a_change_of_words_inside_the_provision_is_in_its_history(ws: Workspace) -> None:
    history = provision_history(ws, "02-QC/TU", "Điều 3", today=dt.date(2026, 12, 7))
    assert [(e.number, e.kind) for e in history.entries] == [
        ("10-QC/TU", "amended"), ("11-QC/TU", "words replaced"), ("12-QC/TU", "amended")]
    words = history.entries[1]
    assert words.said == "Cụm từ “Tài liệu phục vụ” được thay thế bằng cụm từ “Tài liệu cho”"
    assert words.shown("vi").startswith(f"{words.unit.describe('vi')}: Cụm từ")


def test_log_prints_the_history_and_its_json(ws: Workspace, invoke: Invoke) -> None:
    logged = invoke(ws, "log", "02-QC/TU", "khoản", "1", "Điều", "3")
    assert logged.exit_code == 0, logged.output
    lines = logged.stdout.splitlines()
    assert lines[0] == "khoản 1 Điều 3 of 02-QC/TU: 2 changes"
    assert lines[1] == "2022-02-01  signed 2022-01-10  khoản 1 Điều 1 Quy chế số 10-QC/TU"
    assert lines[3] == "2099-01-01  signed 2024-12-01  khoản 1 Điều 1 Quy chế số 12-QC/TU  (adopted, not yet in force)"
    assert lines[4].strip() == "Điều 3 được sửa đổi, bổ sung"
    data = json.loads(invoke(ws, "log", "02-QC/TU", "d4a", "--json").stdout)
    assert data == [{"amendment": "second", "number": "11-QC/TU", "provision": "d4a", "change": "inserted",
                     "said": "Điều 4a được bổ sung", "amending_provision": "khoản 2 Điều 1 Quy chế số 11-QC/TU",
                     "signed": "2023-05-10", "effective": "2023-07-01", "in_force": True}]
    # Without an address, the git history as before.
    plain = invoke(ws, "log", "02-QC/TU")
    assert plain.exit_code == 0 and "Adopt amendment 10-QC/TU (zz-first) to 02-QC/TU" in plain.stdout


def test_a_provision_never_changed_and_one_that_never_was(ws: Workspace, invoke: Invoke) -> None:
    unchanged = invoke(ws, "log", "02-QC/TU", "d4")
    assert unchanged.exit_code == 0 and unchanged.stdout == "No adopted amendment of 02-QC/TU changed Điều 4.\n"
    missing = invoke(ws, "log", "02-QC/TU", "d40")
    assert missing.exit_code != 0 and "02-QC/TU has no Điều 40, in its base text or as amended" in missing.output
    assert "Traceback" not in missing.output


def test_amend_list_gives_the_dates_and_lists_the_adopted_ones_in_the_order_they_take_effect(
        ws: Workspace, invoke: Invoke) -> None:
    # r38 sweep BT 3: neither the table nor --json gave a date, and the first in time came last (by slug).
    rows = json.loads(invoke(ws, "amend", "list", "--json").stdout)
    assert [(r["slug"], r["signed"], r["effective"], r["dated"]) for r in rows] == [
        ("zz-first", "2022-01-10", "2022-02-01", []),
        ("second", "2023-05-10", "2023-06-01", [{"instructions": "khoản 2 Điều 1", "effective": "2023-07-01"}]),
        ("a-third", "2024-12-01", "2099-01-01", []),
        ("b-draft", None, None, [])]
    lines = invoke(ws, "amend", "list").stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["zz-first", "second", "a-third", "b-draft"]
    assert "signed 2023-05-10  effective 2023-06-01 02-QC/TU" in lines[1]
    assert lines[1].endswith("2 instructions; khoản 2 Điều 1 effective 2023-07-01")
    assert "signed" not in lines[3] and lines[3].endswith("1 instruction")
