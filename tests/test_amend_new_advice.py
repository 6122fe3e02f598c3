"""`amend new` says, before the drafter's first edit, that a hand edit is committed before a command that records
something, and how: the command it names is the one that lets `amend status` through (r42 sweep CM 7: the refusal of
`amend status` was the first word of it)."""

from __future__ import annotations

import re
import shlex
import subprocess

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

INSTRUCTION = "\n1\\. Bãi bỏ khoản 2 Điều 1.\n"


def test_the_commit_amend_new_advises_lets_the_next_command_through(mini_workspace: Workspace,
                                                                      invoke: Invoke) -> None:
    ws = mini_workspace
    done = invoke(ws, "amend", "new", "sua", "--regulation", "MINI-QC")
    assert done.exit_code == 0, done.output
    advised = re.search(r"`(git commit [^`]*)`", done.output)
    assert advised, done.output
    assert "amend status" in done.output
    path = ws.root / "amendments/sua/amendment.md"
    text = path.read_text(encoding="utf-8")
    heading = re.search(r"^## .* 1\..*$", text, re.M)
    assert heading is not None
    path.write_text(text.replace(heading.group(0), heading.group(0) + "\n" + INSTRUCTION), encoding="utf-8")
    refused = invoke(ws, "amend", "status", "sua", "circulating")
    assert refused.exit_code == 1 and "uncommitted" in refused.output
    for setting in (["user.name", "Lan"], ["user.email", "lan@tinhuy.example"]):  # as the drafter's git knows them
        subprocess.run(["git", "config", *setting], cwd=ws.root, check=True)
    subprocess.run(shlex.split(advised.group(1)), cwd=ws.root, check=True, capture_output=True)
    assert invoke(ws, "amend", "status", "sua", "circulating").exit_code == 0
    assert "status: circulating" in path.read_text(encoding="utf-8")
