"""r36 sweep BN: `amend vote` replaced the vote on file without a word, even with a vote dated before it or before its
comment round was opened. A replacing vote now says what it replaces (output, JSON, commit); a date before the vote
replaced, or before the last round regdraft saw opened, is refused unless recorded as a correction with its reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from regdraft.workspace import rounds, votes
from regdraft.workspace.store import Workspace
from regdraft.workspace.vote_gate import check_adoptable
from tests.conftest import Invoke

FIX = Path(__file__).resolve().parent / "fixtures" / "comments"
SLUG = "mini-sua"
VOTE = f"amendments/{SLUG}/vote.yaml"


@pytest.fixture
def ws(mini_workspace: Workspace) -> Workspace:
    mini_workspace.commit({f"amendments/{SLUG}/amendment.md": (FIX / "amendment-1.md").read_bytes()}, "Draft 1")
    return mini_workspace


def message(ws: Workspace) -> str:
    return str(ws.repo.head.commit.message).strip()


def said(output: str) -> str:
    return " ".join(output.split())


def test_a_second_vote_says_which_vote_it_replaces_and_the_history_keeps_both(ws: Workspace, invoke: Invoke) -> None:
    first = invoke(ws, "amend", "vote", SLUG, "--for", "45", "--against", "2", "--abstain", "1", "--date",
                   "2025-09-20", "--members", "49")
    assert first.exit_code == 0 and "replaces" not in first.output
    assert message(ws) == f"Record the conference vote on {SLUG}: 45 for, 2 against, 1 abstaining"
    second = invoke(ws, "amend", "vote", SLUG, "--for", "20", "--against", "25", "--date", "2025-09-22",
                    "--members", "49", "--json")
    assert second.exit_code == 0, second.output
    data = json.loads(second.output)
    assert data["replaces"] == {"for": 45, "against": 2, "abstain": 1, "date": "2025-09-20", "members": 49,
                                "majority": True, "draft": 1}
    assert message(ws) == (f"Record the conference vote on {SLUG}: 20 for, 25 against, 0 abstaining\n\n"
                           "Replaces the vote of 2025-09-20 on draft 1 (45 for, 2 against, 1 abstaining).")
    assert yaml.safe_load(ws.read(VOTE, "HEAD~1"))["for"] == 45 and yaml.safe_load(ws.read(VOTE, "HEAD"))["for"] == 20
    third = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "15", "--date", "2025-09-22")
    assert third.exit_code == 0, third.output
    assert said(third.output) == (f"Recorded the vote on draft 1 of {SLUG} (2025-09-22): 30 for, 15 against, 0 "
                                  "abstaining: a majority. This vote replaces the vote of 2025-09-22 on draft 1 (20 "
                                  "for, 25 against, 0 abstaining).")
    # The adoption gate reads the vote now on file.
    ws.config["require_vote_majority"] = True
    check_adoptable(ws, SLUG)
    invoke(ws, "amend", "vote", SLUG, "--for", "10", "--against", "35", "--date", "2025-09-22")
    with pytest.raises(Exception, match=r"\(10 for, 35 against, 0 abstaining on 2025-09-22\) is not a majority"):
        check_adoptable(ws, SLUG)


def test_a_vote_dated_before_the_one_it_replaces_is_refused_unless_recorded_as_a_correction(
        ws: Workspace, invoke: Invoke) -> None:
    assert invoke(ws, "amend", "vote", SLUG, "--for", "45", "--against", "2", "--abstain", "1", "--date",
                  "2025-09-20", "--members", "49").exit_code == 0
    head, file = ws.repo.head.commit.hexsha, ws.path(VOTE).read_bytes()
    refused = invoke(ws, "amend", "vote", SLUG, "--for", "40", "--against", "3", "--date", "2025-03-20",
                     "--members", "49")
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert said(refused.output) == said(
        f"Error: The vote of 2025-03-20 on {SLUG} is not recorded:\n"
        "  - it is dated 2025-03-20, before the vote it would replace, the vote of 2025-09-20 on draft 1 (45 for, 2 "
        "against, 1 abstaining)\n"
        "Nothing was recorded. Record the vote with the date it was held; if it was held on 2025-03-20 all the same, "
        f"record it as a correction, saying why: `regdraft amend vote {SLUG} --for 40 --against 3 --abstain 0 --date "
        "2025-03-20 --members 49 --force --reason TEXT` (the reason is kept in its commit).")
    assert ws.repo.head.commit.hexsha == head and ws.path(VOTE).read_bytes() == file
    alone = invoke(ws, "amend", "vote", SLUG, "--for", "40", "--against", "3", "--date", "2025-03-20", "--force")
    assert alone.exit_code == 2 and "--force and --reason go together" in alone.output
    assert ws.repo.head.commit.hexsha == head
    corrected = invoke(ws, "amend", "vote", SLUG, "--for", "40", "--against", "3", "--date", "2025-03-20",
                       "--members", "49", "--force", "--reason", "Biên bản hội nghị ghi ngày 20/3/2025")
    assert corrected.exit_code == 0, corrected.output
    assert "This vote replaces the vote of 2025-09-20 on draft 1 (45 for, 2 against, 1 abstaining)." in said(
        corrected.output)
    assert message(ws) == (
        f"Record the conference vote on {SLUG}: 40 for, 3 against, 0 abstaining\n\n"
        "Replaces the vote of 2025-09-20 on draft 1 (45 for, 2 against, 1 abstaining).\n\n"
        "Recorded past its date checks: Biên bản hội nghị ghi ngày 20/3/2025\n"
        "- it is dated 2025-03-20, before the vote it would replace, the vote of 2025-09-20 on draft 1 (45 for, 2 "
        "against, 1 abstaining)")
    loaded = votes.load_vote(ws, SLUG)
    assert loaded is not None and (loaded.for_, loaded.date) == (40, "2025-03-20")


def test_a_vote_dated_before_its_round_was_opened_is_refused(ws: Workspace, invoke: Invoke) -> None:
    today = dt.date.today()
    due, before = today + dt.timedelta(days=20), today - dt.timedelta(days=1)
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", due, ["Ban A"])  # opened today, before its comments are due
    rounds.close_round(ws, SLUG)
    head = ws.repo.head.commit.hexsha
    refused = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "2", "--date", before.isoformat())
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert (f"- it is dated {before}, before comment round 1 (draft 1, comments due {due}) was opened on {today}: a "
            "conference votes on a draft once it has gone out for comment" in said(refused.output))
    assert ws.repo.head.commit.hexsha == head and votes.load_vote(ws, SLUG) is None
    held = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "2", "--date", today.isoformat())
    assert held.exit_code == 0, held.output


def test_a_round_entered_after_its_due_date_dates_no_vote(ws: Workspace, invoke: Invoke) -> None:
    """An office bringing a past consultation in (the README's example, run today) opens its round after the
    comments were due: the day it was entered is not when the draft went out, and the vote held then is recorded."""
    rounds.open_round(ws, SLUG, "Lấy ý kiến các ban", "2025-03-15", ["Ban A"])
    rounds.close_round(ws, SLUG)
    held = invoke(ws, "amend", "vote", SLUG, "--for", "45", "--against", "2", "--date", "2025-03-28")
    assert held.exit_code == 0, held.output


def test_a_vote_file_that_cannot_be_read_is_replaced_and_said_so(ws: Workspace, invoke: Invoke) -> None:
    ws.commit({VOTE: b"for: 30\nagainst: hai\nabstain: 0\ndate: '2025-09-20'\n"}, "A vote typed by hand")
    recorded = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "2", "--date", "2025-03-20", "--json")
    assert recorded.exit_code == 0, recorded.output
    data = json.loads(recorded.stdout)
    assert data["replaces"] is None and data["warnings"][0]["file"] == VOTE
    assert data["warnings"][0]["message"] == ("the vote recorded here before could not be read; the vote just "
                                              "recorded replaces it, and the history keeps the one replaced")
    assert message(ws).endswith("\n\nReplaces the vote recorded before, whose file could not be read.")


def test_the_signing_gate_s_way_out_corrects_the_vote_s_date(ws: Workspace, invoke: Invoke) -> None:
    """Adoption refuses a signing date before the vote on file; the command it gives records the vote's true date."""
    voted, signed = dt.date.today() - dt.timedelta(days=3), dt.date.today() - dt.timedelta(days=5)
    first = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "5", "--date", voted.isoformat())
    assert first.exit_code == 0, first.output
    refused = invoke(ws, "amend", "adopt", SLUG, "--signed", signed.isoformat())
    assert "--date DATE --force --reason TEXT`" in refused.output
    early = signed - dt.timedelta(days=1)
    fixed = invoke(ws, "amend", "vote", SLUG, "--for", "30", "--against", "5", "--date", early.isoformat(),
                   "--force", "--reason", "Ngày biểu quyết ghi nhầm")
    assert fixed.exit_code == 0, fixed.output
    assert "before the conference vote" not in invoke(ws, "amend", "adopt", SLUG, "--signed", signed.isoformat()).output
