"""`regdraft check` names a vote.yaml that cannot be read (not YAML, a count that is no number, a date that is no
date, a key missing) at its file and line, in a sentence saying what is wrong and how to put it right: it said
"No problems found" over it, and only `amend adopt` refused it later. The refusal now says why too."""

from __future__ import annotations

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

VOTE = "amendments/mini-sua/vote.yaml"
RIGHT = ("Put the file right, or record the vote again with `regdraft amend vote mini-sua --for N --against N "
         "--abstain N --date DATE`.")
GOOD = "for: 30\nagainst: 2\nabstain: 1\ndate: 2025-03-20\nmembers: 45\n"


@pytest.mark.parametrize(("text", "said"), [
    ("for: 30\nagainst: [2\nabstain: 1\ndate: 2025-03-20\n",
     f"{VOTE}:3: the conference vote recorded here cannot be read: it is not written as `amend vote` writes it, one "
     "`key: value` a line (expected ',' or ']', but got ':')."),
    ("for: 30\nagainst: hai\nabstain: 1\ndate: 2025-03-20\n",
     f"{VOTE}:2: the conference vote recorded here cannot be read: `against` (the votes against) is “hai”, not a "
     "whole number from 0 to 1,000,000."),
    ("for: 30\nagainst: 2\nabstain: 1\ndate: 2025-03-20\nmembers: yes\n",
     f"{VOTE}:5: the conference vote recorded here cannot be read: `members` (the members entitled to vote) is true, "
     "not a whole number from 0 to 1,000,000."),
    ("for: 30\nagainst: 2\nabstain: 1\ndate: 20/3/2025\n",
     f"{VOTE}:4: the conference vote recorded here cannot be read: `date` (the date the conference voted) is "
     "“20/3/2025”, not a date (write it as 2025-03-20)."),
    ("for: 30\nagainst: 2\ndate: 2025-03-20\n",
     f"{VOTE}: the conference vote recorded here cannot be read: it has no `abstain:` (the members abstaining)."),
    ("- 30\n- 2\n", f"{VOTE}:1: the conference vote recorded here cannot be read: it holds no `key: value` lines"),
])
def test_check_names_an_unreadable_vote_file_at_its_line(consulting_workspace: Workspace, invoke: Invoke, text: str,
                                                         said: str) -> None:
    ws = consulting_workspace
    assert "vote.yaml" not in invoke(ws, "check").output
    ws.path(VOTE).write_text(text, encoding="utf-8")
    result = invoke(ws, "check")
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert said in output and RIGHT in output and "Traceback" not in output
    assert "1 problem found" in output


def test_a_readable_vote_file_is_no_problem_and_a_refusal_says_why(consulting_workspace: Workspace,
                                                                    invoke: Invoke) -> None:
    ws = consulting_workspace
    ws.path(VOTE).write_text(GOOD, encoding="utf-8")
    assert invoke(ws, "check").output.strip() == "No problems found."
    ws.path(VOTE).write_text(GOOD.replace("against: 2", "against: hai"), encoding="utf-8")
    refused = invoke(ws, "amend", "adopt", "mini-sua", "--signed", "2025-03-21", "--force", "--reason", "Thử.")
    assert refused.exit_code == 1
    assert ("cannot read the vote (keys: for, against, abstain, date, members; draft, revision, instructions; "
            "present, quorum). "
            "`against` (the votes against) is “hai”, not a whole number") in " ".join(refused.output.split())
