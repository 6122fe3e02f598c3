"""Legal time: replaying adopted amendments by effective date, independent of commit order."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from regdraft.core.amend import load_amendment
from regdraft.core.errors import RegdraftError
from regdraft.core.markdown import parse
from regdraft.workspace.adoption import adopt
from regdraft.workspace.store import Workspace
from regdraft.workspace.timeline import regulation_as_of, replay

from .conftest import Invoke
from .test_cli_amend import amendment_text

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "amend" / "vi.md"
REG = "regulations/02-QC-TU.md"
FIRST = "1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“1\\. Ban Chấp hành họp thường lệ 2 tháng một lần.”"
SECOND = (
    "1\\. Sửa đổi, bổ sung khoản 1 Điều 3 như sau:\n\n“1\\. Ban Chấp hành họp thường lệ mỗi tháng một lần.”\n\n"
    "2\\. Bổ sung Điều 4a vào sau Điều 4:\n\n“Điều 4a. Hội nghị trực tuyến\n\nHội nghị có thể họp trực tuyến.”"
)


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    empty_workspace.commit(
        {
            REG: FIXTURE.read_bytes(),
            "amendments/first/amendment.md": amendment_text(FIRST, number="10-QC/TU", status="submitted",
                                                            takes_effect="kể từ ngày 01/02/2022").encode(),
            "amendments/second/amendment.md": amendment_text(SECOND, number="11-QC/TU", status="submitted",
                                                             takes_effect="kể từ ngày 01 tháng 6 năm 2023").encode(),
        },
        "Add regulation and two amendments",
    )
    return empty_workspace


def clause(ws: Workspace, day: str | dt.date) -> str:
    return regulation_as_of(ws, "02-QC/TU", day).find("d3.k1").unit.text[0]


def test_replay_by_effective_date(ws: Workspace) -> None:
    adopt(ws, "first", "2022-01-10", "2022-02-01")
    adopt(ws, "second", "2023-05-10", "2023-06-01")
    assert clause(ws, "2021-06-01") == "Ban Chấp hành họp thường lệ 3 tháng một lần."
    assert clause(ws, "2022-01-31") == "Ban Chấp hành họp thường lệ 3 tháng một lần."
    assert clause(ws, "2022-02-01") == "Ban Chấp hành họp thường lệ 2 tháng một lần."
    assert clause(ws, dt.date(2023, 5, 31)) == "Ban Chấp hành họp thường lệ 2 tháng một lần."
    latest = regulation_as_of(ws, "02-QC/TU", "2023-06-01")
    assert latest.find("d3.k1").unit.text[0] == "Ban Chấp hành họp thường lệ mỗi tháng một lần."
    assert latest.find("d4a").unit.title == "Hội nghị trực tuyến"
    with pytest.raises(RegdraftError):
        regulation_as_of(ws, "02-QC/TU", "2022-12-31").find("d4a")
    # the text in force today is exactly the committed file
    assert latest == parse((ws.root / REG).read_bytes())
    with pytest.raises(RegdraftError, match="took effect on 2021-01-09"):
        regulation_as_of(ws, "02-QC/TU", "2020-12-31")


def test_replay_ignores_commit_order_and_git_time(ws: Workspace) -> None:
    base = parse(FIXTURE.read_bytes())
    first = load_amendment(amendment_text(FIRST, "10-QC/TU", "adopted", "2022-01-10", "2022-02-01"), "a.md", "first")
    second = load_amendment(amendment_text(SECOND, "11-QC/TU", "adopted", "2023-05-10", "2023-06-01"), "b.md", "second")
    timeline = replay(base, [second, first], None)
    assert [a.slug for a, _ in timeline.steps] == ["first", "second"]
    assert [a.slug for a, _ in replay(base, [second, first], dt.date(2022, 3, 1)).steps] == ["first"]
    assert replay(base, [second, first], dt.date(2020, 1, 1)).regulation == base


def test_adopting_out_of_effective_order_is_refused_when_the_order_changes_the_text(ws: Workspace) -> None:
    adopt(ws, "second", "2023-05-10", "2023-06-01")
    head = ws.repo.head.commit.hexsha
    with pytest.raises(RegdraftError) as caught:
        adopt(ws, "first", "2022-01-10", "2022-02-01")
    message = str(caught.value)
    assert "before 11-QC/TU (in force from 2023-06-01)" in message
    assert "both change khoản 1 Điều 3" in message and "Nothing was changed." in message
    assert ws.repo.head.commit.hexsha == head


URGENT = "1\\. Sửa đổi, bổ sung khoản 2 Điều 2 như sau:\n\n“2\\. Tập thể lãnh đạo, cá nhân phụ trách.”"


def test_an_urgent_amendment_in_force_first_is_recorded_and_replayed_by_effective_date(ws: Workspace) -> None:
    urgent = amendment_text(URGENT, number="12-QC/TU", status="submitted", takes_effect="kể từ ngày 21/5/2023")
    ws.commit({"amendments/urgent/amendment.md": urgent.encode()}, "Add urgent")
    adopt(ws, "second", "2023-05-10", "2023-06-01")
    adopt(ws, "urgent", "2023-05-20", "2023-05-21")  # adopted after `second`, in force before it
    before_second = regulation_as_of(ws, "02-QC/TU", "2023-05-25")
    assert before_second.find("d2.k2").unit.text == ("Tập thể lãnh đạo, cá nhân phụ trách.",)
    assert before_second.find("d3.k1").unit.text[0] == "Ban Chấp hành họp thường lệ 3 tháng một lần."
    with pytest.raises(RegdraftError):
        before_second.find("d4a")
    now = regulation_as_of(ws, "02-QC/TU", "2023-06-01")
    assert now.find("d2.k2").unit.text == ("Tập thể lãnh đạo, cá nhân phụ trách.",)
    assert now.find("d3.k1").unit.text[0] == "Ban Chấp hành họp thường lệ mỗi tháng một lần."
    assert now == parse((ws.root / REG).read_bytes())  # the file is the replay by effective date
    before_urgent = regulation_as_of(ws, "02-QC/TU", "2023-05-20")
    assert before_urgent.find("d2.k2").unit == parse(FIXTURE.read_bytes()).find("d2.k2").unit


def test_show_as_of_and_preview_of_adopted(ws: Workspace, invoke: Invoke) -> None:
    adopt(ws, "first", "2022-01-10", "2022-02-01")
    adopt(ws, "second", "2023-05-10", "2023-06-01")
    result = invoke(ws, "show", "02-QC/TU", "d3.k1", "--as-of", "2022-06-01")
    assert result.exit_code == 0, result.output
    assert "2 tháng một lần" in result.output
    preview = invoke(ws, "amend", "preview", "first")
    assert preview.exit_code == 0
    assert "2 tháng một lần" in preview.output and "Điều 4a" not in preview.output


def test_a_signed_document_adopted_after_later_ones_is_told_to_undo_them_and_the_commands_do_it(
        ws: Workspace, invoke: Invoke) -> None:
    # r38 sweep BT 4: the refusal advised giving a 2022 document "an effective date on or after 2023-06-01", which
    # its signed text rules out. It names the commands that undo the later adoption and make it again after it.
    adopt(ws, "second", "2023-05-10", "2023-06-01")
    sha = ws.resolve("HEAD").sha
    refused = invoke(ws, "amend", "adopt", "first", "--signed", "2022-01-10")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "Give it an effective date" not in said, said
    assert (f"Its effective date is fixed by its signed text, and adopted documents apply in the order they take "
            f"effect, so it must be adopted before that one: undo the adoption of 11-QC/TU (`git revert --no-edit "
            f"{sha[:8]}` and "
            f"`git tag -d adopted/11-QC-TU`), adopt 10-QC/TU (`regdraft amend adopt first --signed 2022-01-10 "
            f"--effective 2022-02-01`), then adopt it again (`regdraft amend adopt second --signed 2023-05-10 "
            f"--effective 2023-06-01`). Nothing was changed.") in said
    for command in re.findall(r"`(git [^`]+)`", said):
        git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *command.split()[1:]]
        subprocess.run(git, cwd=ws.root, check=True, capture_output=True)
    for command in re.findall(r"`regdraft ([^`]+)`", said):
        assert invoke(ws, *command.split()).exit_code == 0, command
    assert invoke(ws, "check").exit_code == 0
    assert clause(ws, "2022-02-01") == "Ban Chấp hành họp thường lệ 2 tháng một lần."
    assert clause(ws, "2023-06-01") == "Ban Chấp hành họp thường lệ mỗi tháng một lần."
