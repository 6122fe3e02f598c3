"""An adopted amendment before it takes effect, a backdated one, and one `amend check` fails, on the shipped example.

"Today" is pinned the way the other tests pin it: passed to the library (`today=`), or, through the command
line, dates counted from the real today.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from regdraft.workspace import redline as rl
from regdraft.workspace.adoption import adopt
from regdraft.workspace.store import Workspace
from regdraft.workspace.timeline import later_changes_note

from .conftest import SHIPPED_AMENDMENT, Invoke
from .test_cli_amend import snapshot

TODAY = dt.date.today()
AMENDMENT = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
ENTRY = "Quy chế này có hiệu lực kể từ ngày ký."


@pytest.fixture(autouse=True)
def _today_now() -> None:
    """Today as the test starts, not as the module was imported: a suite running over midnight had the command's
    today a day past the test's (`test_show_says_the_text_holds_changes_not_yet_in_force` failed so)."""
    global TODAY
    TODAY = dt.date.today()


def _takes_effect(ws: Workspace, day: dt.date) -> None:
    """The shipped amendment, submitted, taking effect on `day` as its Điều 3 says."""
    text = (ws.root / AMENDMENT).read_text(encoding="utf-8")
    assert ENTRY in text
    text = text.replace(ENTRY, f"Quy chế này có hiệu lực kể từ ngày {day:%d/%m/%Y}.").replace(
        "status: circulating", "status: submitted")
    ws.commit({AMENDMENT: text.encode("utf-8")}, "Take effect on a set date")


@pytest.fixture
def later(tmp_workspace: Workspace) -> Workspace:
    """05-QC/TU signed ten days ago, adopted, in force a month from today."""
    _takes_effect(tmp_workspace, TODAY + dt.timedelta(days=30))
    adopt(tmp_workspace, SHIPPED_AMENDMENT, TODAY - dt.timedelta(days=10), force="the rounds are kept on paper")
    return tmp_workspace


def test_show_says_the_text_holds_changes_not_yet_in_force(later: Workspace, invoke: Invoke) -> None:
    result = invoke(later, "show", "01-QC/TU", "d5.k2")
    assert result.exit_code == 0, result.output
    effective = TODAY + dt.timedelta(days=30)
    assert ("Lưu ý: nội dung dưới đây gồm sửa đổi, bổ sung chưa có hiệu lực: Quy chế số 05-QC/TU (có hiệu lực từ "
            f"ngày {effective:%d/%m/%Y}). Văn bản đang có hiệu lực hôm nay ({TODAY:%d/%m/%Y}): "
            f"`regdraft show 01-QC/TU d5.k2 --as-of {TODAY.isoformat()}`") in result.output
    assert "c) Báo cáo kịp thời Bộ Chính trị" in result.output  # the adopted text, still shown
    inserted = invoke(later, "show", "01-QC/TU", "d20a")
    assert inserted.exit_code == 0 and "chưa có hiệu lực: Quy chế số 05-QC/TU" in inserted.output
    # The text in force today says nothing of it, and neither does the working text once the date is reached.
    assert "chưa có hiệu lực" not in invoke(later, "show", "01-QC/TU", "d5.k2", "--as-of", TODAY.isoformat()).output
    assert later_changes_note(later, "01-QC/TU", "d5.k2", today=effective) == ""
    assert "Quy chế số 05-QC/TU" in later_changes_note(later, "01-QC/TU", today=effective - dt.timedelta(days=1))


def test_a_change_of_words_throughout_notes_only_the_provisions_holding_them(later: Workspace,
                                                                            invoke: Invoke) -> None:
    # 05-QC/TU replaces "Quy định số 30-QĐ/TW ngày 26/7/2016" throughout: every provision was noted, though
    # khoản 3 Điều 3 holds none of it and no other instruction touches it.
    untouched = invoke(later, "show", "01-QC/TU", "d3.k3")
    assert untouched.exit_code == 0 and "Đề cao trách nhiệm cá nhân" in untouched.output
    assert "chưa có hiệu lực" not in untouched.output
    effective = TODAY + dt.timedelta(days=30)
    changed = invoke(later, "show", "01-QC/TU", "d26.k1")
    assert "Quy định số 22-QĐ/TW ngày 28/7/2021" in changed.output
    assert f"chưa có hiệu lực: Quy chế số 05-QC/TU (có hiệu lực từ ngày {effective:%d/%m/%Y})" in changed.output


def test_show_without_adopted_amendments_notes_nothing(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "show", "01-QC/TU", "d5.k2")
    assert result.exit_code == 0 and "Lưu ý" not in result.output


def test_export_names_the_adopted_amendment_it_leaves_out(later: Workspace, invoke: Invoke, tmp_path: object) -> None:
    effective = TODAY + dt.timedelta(days=30)
    result = invoke(later, "export", "01-QC/TU", "-o", str(later.root / "out" / "today.md"))
    assert result.exit_code == 0, result.output
    assert (f"Not in it: 05-QC/TU, adopted, takes effect on {effective} (its text then: "
            f"`regdraft export 01-QC/TU --as-of {effective}`).") in result.output
    assert "Not in it" not in invoke(later, "export", "01-QC/TU", "--as-of", effective.isoformat(),
                                     "-o", str(later.root / "out" / "then.md")).output


def test_the_redline_calls_the_text_adopted_not_in_force_before_its_date(later: Workspace) -> None:
    effective = TODAY + dt.timedelta(days=30)
    before = rl.build(later, "01-QC/TU", rev_to="HEAD", today=effective - dt.timedelta(days=1)).cover_line()
    assert before.endswith(" so với văn bản đã được thông qua (Quy chế số 01-QC/TU, được sửa đổi, bổ sung bởi Quy "
                           f"chế số 05-QC/TU, gồm các sửa đổi có hiệu lực từ ngày {effective:%d/%m/%Y})")
    assert "hiện hành" not in before
    since = rl.build(later, "01-QC/TU", rev_to="HEAD", today=effective).cover_line()
    assert since.endswith(" so với văn bản hiện hành (Quy chế số 01-QC/TU, được sửa đổi, bổ sung bởi Quy chế số "
                          f"05-QC/TU, có hiệu lực từ ngày {effective:%d/%m/%Y})")


REPEAL = """---
number: 09-QC/TU
type: Quy chế
title: Quy chế sửa đổi Quy chế làm việc
regulation: 01-QC/TU
language: vi
status: submitted
draft: 1
signed: null
effective: null
---

## Điều 1. Sửa đổi, bổ sung một số điều

1\\. Bãi bỏ khoản 2 Điều 5.

## Điều 2. Hiệu lực thi hành

Quy chế này có hiệu lực kể từ ngày ký.
"""


def test_adopt_refuses_what_amend_check_fails_unless_forced(tmp_workspace: Workspace, invoke: Invoke) -> None:
    tmp_workspace.commit({"amendments/bai-bo/amendment.md": REPEAL.encode("utf-8")}, "Add bai-bo")
    signed = (TODAY - dt.timedelta(days=2)).isoformat()
    assert invoke(tmp_workspace, "amend", "check", "bai-bo").exit_code == 1
    before = snapshot(tmp_workspace)
    refused = invoke(tmp_workspace, "amend", "adopt", "bai-bo", "--signed", signed)
    assert refused.exit_code == 1, refused.output
    assert "`regdraft amend check bai-bo` finds 1 problem in it (listed below)" in refused.output
    assert ("regulations/01-QC-TU.md:142: khoản 3 Điều 6 refers to khoản 2 Điều 5, which the amendment repeals or "
            "removes: the reference is broken.") in refused.output
    assert "Nothing was changed." in refused.output
    assert snapshot(tmp_workspace) == before
    forced = invoke(tmp_workspace, "amend", "adopt", "bai-bo", "--signed", signed, "--force", "--reason",
                    "khoản 3 Điều 6 is amended next")
    assert forced.exit_code == 0, forced.output
    assert "khoản 3 Điều 6 is amended next" in tmp_workspace.repo.head.commit.message


def test_adopting_before_a_later_one_it_cannot_precede_is_one_sentence(later: Workspace, invoke: Invoke) -> None:
    text = REPEAL.replace("1\\. Bãi bỏ khoản 2 Điều 5.",
                          "1\\. Sửa đổi, bổ sung khoản 2 Điều 20a như sau:\n\n“2\\. Văn bản điện tử có giá trị.”.")
    later.commit({"amendments/dien-tu/amendment.md": text.encode("utf-8")}, "Add dien-tu")
    result = invoke(later, "amend", "adopt", "dien-tu", "--signed", (TODAY - dt.timedelta(days=2)).isoformat())
    assert result.exit_code == 1
    effective = TODAY + dt.timedelta(days=30)
    head = result.output.split("\n  ")[0]
    signed = TODAY - dt.timedelta(days=2)
    # A signed document's date is fixed by its text: the way out is the adoptions' order (r39 rec39), and a later
    # effective date only for one not yet issued.
    assert head.startswith(f"Error: amendments/dien-tu/amendment.md: it would take effect on {signed}, before 05-QC/TU "
                           f"(in force from {effective}), already adopted; both change khoản 2 Điều 20a, so it cannot "
                           f"be applied before them. It does not apply to 01-QC/TU as it stood on {signed} (`regdraft "
                           f"show 01-QC/TU --as-of {signed}`)"), head
    assert "undo the adoption of 05-QC/TU (`git revert --no-edit" in head and "`git tag -d adopted/05-QC-TU`" in head
    assert head.endswith(f"A document not yet issued can instead be given an effective date on or after {effective}. "
                         "Nothing was changed."), head
    assert "Điều 20a does not exist." in result.output


def test_a_backdated_effective_date_is_refused_with_a_way_forward_and_forced_on_purpose(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    _takes_effect(tmp_workspace, dt.date(2025, 10, 1))
    before = snapshot(tmp_workspace)
    refused = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-11-10")
    assert refused.exit_code == 1, refused.output  # a problem of the document, not bad usage
    assert ("it would take effect on 2025-10-01, before it is signed on 2025-11-10; correct the date in Điều 3 of "
            f"{AMENDMENT} or the signing date") in refused.output
    assert (f"`regdraft amend adopt {SHIPPED_AMENDMENT} --signed 2025-11-10 --force --reason TEXT`"
            in refused.output)
    assert "Nothing was changed." in refused.output
    assert snapshot(tmp_workspace) == before
    forced = invoke(tmp_workspace, "amend", "adopt", SHIPPED_AMENDMENT, "--signed", "2025-11-10", "--force",
                    "--reason", "Điều 3 gives it retroactive effect")
    assert forced.exit_code == 0, forced.output
    message = tmp_workspace.repo.head.commit.message
    assert "signed 2025-11-10, effective 2025-10-01" in message
    assert "- it would take effect on 2025-10-01, before it is signed on 2025-11-10" in message
    # In force from the date it names, before it was signed.
    shown = invoke(tmp_workspace, "show", "01-QC/TU", "d5.k2", "--as-of", "2025-10-15")
    assert "c) Báo cáo kịp thời Bộ Chính trị" in shown.output
    assert "c) Báo cáo kịp thời Bộ Chính trị" not in invoke(
        tmp_workspace, "show", "01-QC/TU", "d5.k2", "--as-of", "2025-09-30").output
    out = tmp_workspace.root / "out" / "hop-nhat.md"
    assert invoke(tmp_workspace, "export", "01-QC/TU", "--as-of", "2025-10-15", "-o", str(out)).exit_code == 0
    consolidated = out.read_text(encoding="utf-8")
    assert re.search(r"Quy chế số 05-QC/TU ngày 10 tháng 11 năm 2025 .*có hiệu lực kể từ ngày 01 tháng 10 năm 2025",
                     consolidated)
