"""Attendance and quorum at the conference vote (r40 vote40, item 1): `amend vote --present N` and `vote_quorum` in
regdraft.yaml; a vote below quorum is recorded and said, at the vote and at adoption, which refuses it under the
vote gate. A vote file written before (no `present`, no `quorum`) reads as before."""

from __future__ import annotations

import pytest
import yaml
from click.testing import Result

from regdraft.workspace.store import Workspace
from regdraft.workspace.votes import load_vote

from .conftest import Invoke
from .test_vote_counts import SLUG, _message, _settings
from .test_vote_counts import ws as ws  # noqa: F401  (the fixture)

VOTE = f"amendments/{SLUG}/vote.yaml"


def _vote(invoke: Invoke, ws: Workspace, *args: str) -> Result:  # noqa: F811
    return invoke(ws, "amend", "vote", SLUG, *args, "--date", "2025-10-20")


def test_a_vote_below_quorum_is_recorded_and_said_in_its_commit(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    _settings(ws, vote_quorum="2/3")
    voted = _vote(invoke, ws, "--for", "30", "--against", "0", "--members", "49", "--present", "32")
    assert voted.exit_code == 0, voted.output
    said = "only 32 of the 49 members were present, below the quorum of 2/3 of the members (33)"
    assert f"Warning: the vote was recorded below quorum: {said}" in voted.output
    assert f"Below quorum: {said} (regdraft.yaml's vote_quorum)" in _message(ws)
    stored = yaml.safe_load(ws.path(VOTE).read_text(encoding="utf-8"))
    assert (stored["present"], stored["quorum"], stored["quorate"]) == (32, "2/3", False)


def test_a_vote_at_quorum_says_nothing_of_it(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    _settings(ws, vote_quorum="2/3")
    voted = _vote(invoke, ws, "--for", "30", "--against", "0", "--members", "49", "--present", "33")
    assert voted.exit_code == 0 and "quorum" not in voted.output, voted.output
    assert "quorum" not in _message(ws)
    assert yaml.safe_load(ws.path(VOTE).read_text(encoding="utf-8"))["quorate"] is True


def test_adoption_below_quorum_warns_without_the_gate_and_refuses_with_it(ws: Workspace,  # noqa: F811
                                                                        invoke: Invoke) -> None:
    _settings(ws, vote_quorum="2/3", require_vote_majority=True)
    assert _vote(invoke, ws, "--for", "30", "--against", "0", "--members", "49", "--present", "30").exit_code == 0
    before = ws.repo.head.commit.hexsha
    refused = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 1 and "was taken below quorum: only 30 of the 49 members were present" in said, said
    assert ws.repo.head.commit.hexsha == before
    _settings(ws, require_vote_majority=False)
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    assert adopted.exit_code == 0, adopted.output
    assert "Warning: the conference vote (30 for, 0 against, 0 abstaining on 2025-10-20) was taken below quorum: " \
        "only 30 of the 49 members were present" in adopted.output
    assert "\nVote: the conference vote (30 for, 0 against, 0 abstaining on 2025-10-20) was taken below quorum" \
        in _message(ws)


@pytest.mark.parametrize(("present", "said"), [
    ("9", "10 votes were cast but 9 members were present"),
    ("50", "50 members were present, more than the 49 members entitled to vote"),
])
def test_a_number_present_out_of_bounds_is_refused(ws: Workspace, invoke: Invoke, present: str,  # noqa: F811
                                                   said: str) -> None:
    before = ws.repo.head.commit.hexsha
    refused = _vote(invoke, ws, "--for", "8", "--against", "2", "--members", "49", "--present", present)
    assert refused.exit_code == 2 and said in " ".join(refused.output.split()), refused.output
    assert ws.repo.head.commit.hexsha == before


@pytest.mark.parametrize("value", ["5/0", -1, "abc", 0.67, "0/3", "4/3", "1" * 5000 + "/3", [2, 3], {"a": 1}, True,
                                   "66%"])
def test_a_quorum_setting_that_is_no_fraction_is_refused_naming_the_file_and_line(ws: Workspace,  # noqa: F811
                                                                                   invoke: Invoke,
                                                                                   value: object) -> None:
    _settings(ws, vote_quorum=value)
    before = ws.repo.head.commit.hexsha
    refused = _vote(invoke, ws, "--for", "30", "--against", "2", "--members", "49", "--present", "40")
    said = " ".join(refused.output.split())
    assert refused.exit_code == 2 and "Traceback" not in said, said
    assert "regdraft.yaml:" in said and "vote_quorum is '" in said and "e.g. 2/3" in said, said
    assert len(said) < 600 and ws.repo.head.commit.hexsha == before
    assert "vote_quorum is '" in invoke(ws, "check").output


@pytest.mark.parametrize("text", ["vote_quorum: &q 2/3\nother: *q\n", "vote_quorum: !!str 5/0\n",
                                  "vote_quorum: !!python/object:os.system 1\n", "vote_quorum: " + "9" * 5000 + "\n"])
def test_yaml_tricks_in_the_quorum_setting_are_refused_in_a_sentence(ws: Workspace, invoke: Invoke,  # noqa: F811
                                                                     text: str) -> None:
    config = ws.path("regdraft.yaml").read_text(encoding="utf-8")
    ws.commit({"regdraft.yaml": (config + text).encode()}, "Settings")
    refused = _vote(invoke, ws, "--for", "30", "--against", "2", "--members", "49", "--present", "40")
    assert refused.exit_code in (1, 2) and "Traceback" not in refused.output
    assert "regdraft.yaml" in refused.output and len(refused.output) < 700, refused.output


def test_a_vote_file_written_by_the_version_before_reads_as_before(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    # As round 39's `amend vote` wrote it: no present, quorum or quorate.
    old = ("for: 30\nagainst: 2\nabstain: 1\nmembers: 49\ndate: '2025-10-20'\nmajority: true\ndraft: null\n"
           "revision: " + ws.repo.head.commit.hexsha + "\ninstructions: ''\n")
    ws.commit({VOTE: old.encode()}, "A vote recorded by round 39")
    _settings(ws, vote_quorum="2/3", require_vote_majority=True)
    vote = load_vote(ws, SLUG)
    assert vote is not None and (vote.for_, vote.members, vote.present, vote.quorum) == (30, 49, None, "")
    assert "vote" not in invoke(ws, "check").output
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", "2025-10-20")
    assert adopted.exit_code == 0 and "quorum" not in adopted.output, adopted.output


def test_a_vote_file_quorum_that_is_no_fraction_is_named(ws: Workspace, invoke: Invoke) -> None:  # noqa: F811
    _vote(invoke, ws, "--for", "30", "--against", "2", "--members", "49", "--present", "40")
    text = ws.path(VOTE).read_text(encoding="utf-8") + "quorum: 5/0\n"
    ws.commit({VOTE: text.encode()}, "Hand edit")
    checked = " ".join(invoke(ws, "check").output.split())
    assert "vote.yaml:" in checked and "`quorum` (the share of members that had to be present) is “5/0”" in checked


def test_the_shipped_settings_state_the_quorum_of_the_shipped_regulation() -> None:
    from pathlib import Path

    from regdraft.workspace.vote_quorum import share

    root = Path(__file__).resolve().parent.parent
    shipped = yaml.safe_load((root / "regdraft.yaml").read_text(encoding="utf-8"))
    regulation = (root / "regulations" / "01-QC-TU.md").read_text(encoding="utf-8")
    assert share(shipped["vote_quorum"]) == (2, 3)
    assert "Hội nghị chỉ hợp lệ khi có ít nhất hai phần ba tổng số Tỉnh ủy viên được triệu tập tham dự" in regulation
