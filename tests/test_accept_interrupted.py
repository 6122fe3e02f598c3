"""The review server killed between the two commits of accepting a proposal (r43 sweep CX F3): `check --repair`
finished the first (the wording into the draft) and said nothing of the second; the comment read `changed open`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke

PROPOSAL = ("1. Ban Chấp hành Đảng bộ tỉnh làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ "
            "trách; chấp hành nghiêm Điều lệ Đảng, các nghị quyết, chỉ thị, quy định, quyết định, kết luận của Ban "
            "Chấp hành Trung ương Đảng khóa XIII, Bộ Chính trị, Ban Bí thư và pháp luật của Nhà nước.")
def _proposed(ws: Workspace, invoke: Invoke) -> str:
    """A member's comment on khoản 1 Điều 3 with a proposal of its wording: its id."""
    added = invoke(ws, "comment", "add", SHIPPED_AMENDMENT, "--by", "Ban Tổ chức Tỉnh ủy", "--on", "d3.k1", "--text",
                   "Sửa khóa XIII.", "--proposal", PROPOSAL, "--json")
    return str(json.loads(added.output)["comment"]["id"])


def _killed(ws: Workspace, script: str, cid: str, **env: str) -> None:
    """`script` accepting comment `cid`'s proposal in a process of its own, which is killed (exit 137) on the way."""
    killed = subprocess.run([sys.executable, "-c", script, str(ws.root), SHIPPED_AMENDMENT, cid], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO_ROOT), **env})
    assert killed.returncode == 137, killed.stderr


# The accept in a process of its own, killed (kill -9) once its first commit is made.
ACCEPT = ("import sys; from pathlib import Path; from regdraft.workspace.proposals import accept_proposal; "
          "from regdraft.workspace.store import Workspace; accept_proposal(Workspace(Path(sys.argv[1])), sys.argv[2], "
          "sys.argv[3])")


def test_the_repair_names_the_comment_whose_accepted_wording_is_in_the_draft(circulating: Workspace,
                                                                             invoke: Invoke) -> None:
    ws = circulating
    cid = _proposed(ws, invoke)
    _killed(ws, ACCEPT, cid, REGDRAFT_TEST_STOP_AT="committed")
    repaired = invoke(ws, "check", "--repair")
    said = " ".join(repaired.output.split())
    assert "Finished the interrupted write 'Accept the proposal of comment" in said, said
    assert (f"The proposal of comment {cid} on {SHIPPED_AMENDMENT} is in the draft now, but the comment is not "
            "answered yet") in said and f"`regdraft comment respond {cid} --disposition accepted --reply" in said, said
    # Pressing accept again answers it, pointing at the commit that wrote the wording.
    from regdraft.workspace.proposals import accept_proposal

    again = accept_proposal(Workspace(ws.root), SHIPPED_AMENDMENT, cid)
    assert again.already and again.comment.disposition is not None
    assert f"The proposal of comment {cid}" not in invoke(ws, "check", "--repair").output


# Killed after the first write ended (its journal closed) and before the answering write began: nothing to finish.
BETWEEN = ("import os, sys; from pathlib import Path; import regdraft.workspace.rounds as rounds; "
           "rounds.respond_comment = lambda *a, **k: os._exit(137); "
           "from regdraft.workspace.proposals import accept_proposal; from regdraft.workspace.store import Workspace; "
           "accept_proposal(Workspace(Path(sys.argv[1])), sys.argv[2], sys.argv[3])")


def test_check_names_the_comment_when_the_kill_came_between_the_two_writes(circulating: Workspace,
                                                                           invoke: Invoke) -> None:
    ws = circulating
    cid = _proposed(ws, invoke)
    _killed(ws, BETWEEN, cid)
    assert not (ws.root / ".git" / "regdraft" / "journal.json").exists()
    for args in (("check",), ("check", "--repair")):
        said = " ".join(invoke(ws, *args).output.split())
        assert (f"amendments/{SHIPPED_AMENDMENT}/comments/{cid}.yaml: warning: The proposal of comment {cid} on "
                f"{SHIPPED_AMENDMENT} is in the draft now, but the comment is not answered yet") in said, said
        assert f"`regdraft comment respond {cid} --disposition accepted --reply" in said, said
    from regdraft.workspace.proposals import accept_proposal

    again = accept_proposal(Workspace(ws.root), SHIPPED_AMENDMENT, cid)
    assert again.already and again.comment.disposition is not None
    assert f"The proposal of comment {cid}" not in invoke(ws, "check").output
