"""Part votes under the whole vote's rules (r41 vote41, item 3): a part vote had only the "not after today" check, and
`check_adoptable` read the vote on the whole alone. A part vote's date is now checked as the whole vote's is (not
before the vote on the part it replaces, nor before the last comment round was opened; a correction with its
reason), the library's check and the adoption gate read the same refusals (`vote_gate.vote_refusals`), and a
signing date before a part vote is refused as before the whole vote."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from regdraft.core.errors import RegdraftError
from regdraft.workspace import rounds
from regdraft.workspace.store import Workspace
from regdraft.workspace.vote_gate import check_adoptable

from .conftest import Invoke
from .test_vote_dates import message, said
from .test_vote_dates import ws as mini_ws
from .test_vote_parts import PARTS, SLUG, _voted, ws

__all__ = ["mini_ws", "ws"]


def test_a_part_vote_dated_before_the_one_it_replaces_is_refused_unless_corrected(ws: Workspace,
                                                                                    invoke: Invoke) -> None:
    _voted(invoke, ws, "--on", "khoản 1 Điều 1", "--for", "40", "--against", "5", "--members", "49")
    head, file = ws.repo.head.commit.hexsha, ws.path(PARTS).read_bytes()
    refused = invoke(ws, "amend", "vote", SLUG, "--on", "khoản 1 Điều 1", "--for", "30", "--against", "5",
                     "--date", "2025-03-20")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert said(refused.output) == said(
        "Error: The vote of 2025-03-20 on khoản 1 Điều 1 of good is not recorded:\n"
        "  - it is dated 2025-03-20, before the vote it would replace, the vote of 2025-10-20 on draft 1 (40 for, 5 "
        "against, 0 abstaining)\nNothing was recorded. Record the vote with the date it was held; if it was held on "
        "2025-03-20 all the same, record it as a correction, saying why: `regdraft amend vote good --on 'khoản 1 "
        "Điều 1' --for 30 --against 5 --abstain 0 --date 2025-03-20 --force --reason TEXT` (the reason is kept in "
        "its commit).")
    assert ws.repo.head.commit.hexsha == head and ws.path(PARTS).read_bytes() == file
    corrected = invoke(ws, "amend", "vote", SLUG, "--on", "khoản 1 Điều 1", "--for", "30", "--against", "5",
                       "--date", "2025-03-20", "--force", "--reason", "Biên bản ghi ngày 20/3/2025")
    assert corrected.exit_code == 0, corrected.output
    assert message(ws).endswith("Recorded past its date checks: Biên bản ghi ngày 20/3/2025\n- it is dated "
                                "2025-03-20, before the vote it would replace, the vote of 2025-10-20 on draft 1 "
                                "(40 for, 5 against, 0 abstaining)")
    assert [(p["for"], p["date"]) for p in yaml.safe_load(ws.path(PARTS).read_text(encoding="utf-8"))] == [
        (30, "2025-03-20")]


def test_a_part_vote_dated_before_its_round_was_opened_is_refused(mini_ws: Workspace, invoke: Invoke) -> None:
    today = dt.date.today()
    due, before = today + dt.timedelta(days=20), today - dt.timedelta(days=1)
    rounds.open_round(mini_ws, "mini-sua", "Lấy ý kiến các ban", due, ["Ban A"])
    rounds.close_round(mini_ws, "mini-sua")
    head = mini_ws.repo.head.commit.hexsha
    refused = invoke(mini_ws, "amend", "vote", "mini-sua", "--on", "khoản 1 Điều 1", "--for", "30", "--against",
                     "2", "--date", before.isoformat())
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert (f"- it is dated {before}, before comment round 1 (draft 1, comments due {due}) was opened on {today}"
            in said(refused.output))
    assert mini_ws.repo.head.commit.hexsha == head
    held = invoke(mini_ws, "amend", "vote", "mini-sua", "--on", "khoản 1 Điều 1", "--for", "30", "--against", "2",
                  "--date", today.isoformat())
    assert held.exit_code == 0, held.output


def test_check_adoptable_refuses_a_part_the_gate_refuses(ws: Workspace, invoke: Invoke) -> None:
    _voted(invoke, ws, "--for", "45", "--against", "2", "--members", "49")
    _voted(invoke, ws, "--on", "Điều 4", "--for", "20", "--against", "25", "--members", "49")
    ws.config["require_vote_majority"] = True
    with pytest.raises(RegdraftError) as refused:
        check_adoptable(ws, SLUG)
    said_ = " ".join(str(refused.value).split())
    assert "the conference vote on khoản 2 Điều 1 (on Điều 4) (20 for, 25 against, 0 abstaining on 2025-10-20) " \
        "was not a majority" in said_.replace("The conference", "the conference")
    ws.config["require_vote_majority"] = False
    check_adoptable(ws, SLUG)  # without the setting, adoption warns instead


def test_signing_before_a_part_vote_is_refused_naming_the_part(ws: Workspace, invoke: Invoke) -> None:
    voted, signed = dt.date.today() - dt.timedelta(days=3), dt.date.today() - dt.timedelta(days=5)
    for args in (("--date", (voted - dt.timedelta(days=5)).isoformat()),
                 ("--on", "khoản 1 Điều 1", "--date", voted.isoformat())):
        done = invoke(ws, "amend", "vote", SLUG, "--for", "40", "--against", "5", "--members", "49", *args)
        assert done.exit_code == 0, done.output
    refused = invoke(ws, "amend", "adopt", SLUG, "--signed", signed.isoformat())
    assert refused.exit_code == 1
    assert f"its signing date {signed} is before the conference vote on khoản 1 Điều 1 recorded on it ({voted})" in \
        said(refused.output)
    assert "--on 'khoản 1 Điều 1' --for N --against N --abstain N --date DATE --force --reason TEXT`" in \
        said(refused.output)
