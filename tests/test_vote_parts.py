"""Votes on parts of the draft (biểu quyết từng nội dung; r40 vote40, item 2): `amend vote --on PART` records the
conference's vote on one instruction (named as the document numbers it, or by the provision it amends) beside the
vote on the whole, which stays what adoption needs; adoption names the parts without a majority, warning of them
without the vote gate (its commit's `Vote:` lines list them) and refusing with it."""

from __future__ import annotations

import pytest
import yaml
from click.testing import Result

from regdraft.workspace.store import Workspace

from .conftest import FIXTURES, Invoke
from .test_cli_amend import REG, amendment_text
from .test_vote_counts import _message, _settings

SLUG = "good"
BODY = ("1\\. Sửa đổi, bổ sung khoản 2 Điều 1 như sau:\n\n“2\\. Thường trực Tỉnh ủy bảo đảm thực hiện.”\n\n"
        "2\\. Bãi bỏ Điều 4.")
AMENDMENT = f"amendments/{SLUG}/amendment.md"
PARTS = f"amendments/{SLUG}/vote-parts.yaml"


@pytest.fixture
def ws(empty_workspace: Workspace) -> Workspace:
    empty_workspace.commit(
        {REG: (FIXTURES / "amend" / "vi.md").read_bytes(),
         AMENDMENT: amendment_text(BODY, status="submitted").encode()}, "Add test regulation and an amendment")
    return empty_workspace


def _vote(invoke: Invoke, ws: Workspace, *args: str) -> Result:
    return invoke(ws, "amend", "vote", SLUG, *args, "--date", "2025-10-20")


def _voted(invoke: Invoke, ws: Workspace, *args: str) -> str:
    result = _vote(invoke, ws, *args)
    assert result.exit_code == 0, result.output
    return str(result.output)


def test_a_part_named_as_the_document_numbers_it_is_recorded_beside_the_whole(ws: Workspace,
                                                                              invoke: Invoke) -> None:
    said = _voted(invoke, ws, "--on", "khoản 2 Điều 1", "--for", "20", "--against", "5", "--members", "49")
    # khoản 2 Điều 1 is the document's own instruction 2 (on Điều 4), before the provision instruction 1 amends
    assert "Recorded the vote on khoản 2 Điều 1 (on Điều 4) of good (2025-10-20): 20 for, 5 against, 0 abstaining: " \
        "no majority." in said
    assert "Record the conference vote on khoản 2 Điều 1 of good: 20 for" in _message(ws)
    stored = yaml.safe_load(ws.path(PARTS).read_text(encoding="utf-8"))
    assert [(p["on"], p["places"], p["for"], p["majority"]) for p in stored] == [("khoản 2 Điều 1", ["1:2"], 20,
                                                                                   False)]
    assert not ws.exists(f"amendments/{SLUG}/vote.yaml")


def test_a_part_named_by_the_provision_it_amends_is_that_instruction(ws: Workspace, invoke: Invoke) -> None:
    said = _voted(invoke, ws, "--on", "Điều 4", "--for", "30", "--against", "5", "--members", "49")
    assert "Recorded the vote on khoản 2 Điều 1 (on Điều 4)" in said
    again = _voted(invoke, ws, "--on", "khoản 2 Điều 1", "--for", "31", "--against", "5", "--members", "49")
    assert "a majority" in again  # the same part voted again replaces its vote
    stored = yaml.safe_load(ws.path(PARTS).read_text(encoding="utf-8"))
    assert [p["for"] for p in stored] == [31]
    assert "Replaces the conference vote on khoản 2 Điều 1 (on Điều 4) (30 for" in _message(ws)


@pytest.mark.parametrize("on", ["khoản 9 Điều 1", "Điều 7", "không có", "x" * 3000])
def test_a_part_the_draft_does_not_have_is_refused_naming_what_it_has(ws: Workspace, invoke: Invoke,
                                                                      on: str) -> None:
    before = ws.repo.head.commit.hexsha
    refused = _vote(invoke, ws, "--on", on, "--for", "30", "--against", "5")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 2 and "Traceback" not in said, said
    assert "names no instruction of 07-QC/TU, nor a provision one amends; its instructions are khoản 1 Điều 1 (on " \
        "khoản 2 Điều 1); khoản 2 Điều 1 (on Điều 4)." in said
    assert len(said) < 700 and ws.repo.head.commit.hexsha == before


def test_adoption_without_the_gate_names_the_parts_without_a_majority(ws: Workspace, invoke: Invoke) -> None:
    _voted(invoke, ws, "--on", "khoản 1 Điều 1", "--for", "40", "--against", "5", "--members", "49")
    _voted(invoke, ws, "--on", "Điều 4", "--for", "20", "--against", "25", "--members", "49")
    _voted(invoke, ws, "--for", "40", "--against", "5", "--members", "49")
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    assert adopted.exit_code == 0, adopted.output
    part = ("the conference vote on khoản 2 Điều 1 (on Điều 4) (20 for, 25 against, 0 abstaining on 2025-10-20) was "
            "not a majority: a majority is more than half of the 49 members entitled to vote (25)")
    assert f"Warning: {part}; regdraft.yaml does not require a vote majority, so it was adopted" in adopted.output
    message = _message(ws)
    assert f"\nVote: {part}.\n" in message
    assert "\nVote: the conference vote on khoản 1 Điều 1 (on khoản 2 Điều 1) (40 for, 5 against, 0 abstaining on " \
        "2025-10-20) was a majority." in message


def test_the_gate_refuses_a_part_without_a_majority_naming_it(ws: Workspace, invoke: Invoke) -> None:
    _settings(ws, require_vote_majority=True)
    _voted(invoke, ws, "--on", "Điều 4", "--for", "20", "--against", "25", "--members", "49")
    no_whole = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    assert no_whole.exit_code == 1 and "no vote is recorded for 'good'" in no_whole.output  # the whole still counts
    _voted(invoke, ws, "--for", "40", "--against", "5", "--members", "49")
    before = ws.repo.head.commit.hexsha
    refused = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1, said
    assert "the conference vote on khoản 2 Điều 1 (on Điều 4) (20 for, 25 against, 0 abstaining on 2025-10-20) was " \
        "not a majority" in said and "amend vote good --on" in said
    assert ws.repo.head.commit.hexsha == before
    _voted(invoke, ws, "--on", "Điều 4", "--for", "30", "--against", "15", "--members", "49")
    assert invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20").exit_code == 0


def test_a_part_changed_since_its_vote_is_said(ws: Workspace, invoke: Invoke) -> None:
    _voted(invoke, ws, "--on", "khoản 1 Điều 1", "--for", "40", "--against", "5", "--members", "49")
    text = ws.path(AMENDMENT).read_text(encoding="utf-8").replace("bảo đảm thực hiện", "chỉ đạo thực hiện")
    ws.commit({AMENDMENT: text.encode()}, "Draft changed after the part vote")
    _voted(invoke, ws, "--for", "40", "--against", "5", "--members", "49")
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    assert adopted.exit_code == 0, adopted.output
    assert "(40 for, 5 against, 0 abstaining on 2025-10-20) was taken on another wording of khoản 1 Điều 1: it " \
        "changed since" in adopted.output


def test_a_part_vote_below_quorum_is_said(ws: Workspace, invoke: Invoke) -> None:
    _settings(ws, vote_quorum="2/3")
    said = _voted(invoke, ws, "--on", "Điều 4", "--for", "30", "--against", "0", "--members", "49", "--present", "30")
    assert "below quorum: only 30 of the 49 members were present" in said
    assert "Below quorum: only 30 of the 49 members were present" in _message(ws)


@pytest.mark.parametrize("text", ["- on: x\n  places: 1:2\n", "[1, 2", "- {on: x, places: ['1:2'], for: hai, "
                                  "against: 0, abstain: 0, date: '2025-10-20'}\n", "on: x\n"])
def test_a_parts_file_that_cannot_be_read_is_named_by_check_and_refused_by_adoption(ws: Workspace, invoke: Invoke,
                                                                                    text: str) -> None:
    _voted(invoke, ws, "--for", "40", "--against", "5", "--members", "49")
    ws.commit({PARTS: text.encode()}, "A received file")
    checked = " ".join(invoke(ws, "check").output.split())
    assert f"{PARTS}" in checked and "cannot read" in checked and "Traceback" not in checked, checked
    before = ws.repo.head.commit.hexsha
    refused = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    assert refused.exit_code == 1 and PARTS in refused.output and "Traceback" not in refused.output
    assert ws.repo.head.commit.hexsha == before


def test_a_provision_holding_the_one_amended_names_the_instruction_amending_within_it(ws: Workspace,
                                                                                      invoke: Invoke) -> None:
    # the secretary types the article whose clause 2 instruction 1 amends (the shipped draft's `khoản 1 Điều 12`
    # for its instruction on điểm b khoản 1 Điều 12)
    said = _voted(invoke, ws, "--on", "Điều 1", "--for", "30", "--against", "5", "--members", "49")
    assert "Recorded the vote on khoản 1 Điều 1 (on khoản 2 Điều 1)" in said
