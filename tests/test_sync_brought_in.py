"""A sync killed once git had brought the remote's work in (r26 sweep P defect 5): the next sync said "From origin:
nothing new." and no report ever named a colleague's work that came in. It now says what the interrupted sync brought
in, as it says what the interrupted sync sent. Lan's and Minh's clones sharing a bare remote, with real git."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

BODY = "Ban Tổ chức Tỉnh ủy"


def _comment(invoke: Invoke, ws: Workspace, text: str) -> None:
    added = invoke(ws, "comment", "add", SLUG, "--by", BODY, "--on", "d5.k2", "--text", text)
    assert added.exit_code == 0, added.output


def _synced(invoke: Invoke, ws: Workspace) -> str:
    done = invoke(ws, "sync")
    assert done.exit_code == 0, done.output
    return str(done.output)


def _killed_sync(ws: Workspace, at: str) -> None:
    """`regdraft sync` in its own process, killed (as by `kill -9`) at the stop point named."""
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C", str(ws.root)]
    killed = subprocess.run(command, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "REGDRAFT_TEST_STOP_AT": at})
    assert killed.returncode == 137, killed.stdout + killed.stderr


def _log(ws: Workspace) -> str:
    return subprocess.run(["git", "log", "--format=%s"], cwd=ws.root, capture_output=True, text=True).stdout


@pytest.fixture
def clones(circulating: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    """Lan's and Minh's clones of the shipped workspace, round 1 open."""
    return two_clones(circulating, tmp_path)


@pytest.mark.parametrize("at", ["integrated", "sending", "sent"])
def test_the_sync_after_a_killed_one_says_what_the_killed_one_brought_in(clones: tuple[Workspace, Workspace],
                                                                        invoke: Invoke, at: str) -> None:
    lan, minh = clones
    _comment(invoke, lan, "Góp ý của Lan.")
    _synced(invoke, lan)
    for n in (1, 2, 3):
        _comment(invoke, minh, f"Góp ý thứ {n} của Minh.")
    _killed_sync(minh, at)
    assert "Góp ý của Lan" in "".join(p.read_text(encoding="utf-8") for p in
                                      (minh.root / "amendments" / SLUG / "comments").glob("*.yaml"))  # it came in
    said = _synced(invoke, minh)
    assert "From origin: nothing more to bring in." in said, said
    assert f"The interrupted sync had brought in from origin: 1 comment from {BODY} on {SLUG} (it was stopped " \
           "before it could say so)." in said, said
    mine = f"3 comments from {BODY} on {SLUG}"
    assert (f"To origin: {mine}." if at != "sent" else
            f"Your work was sent by the interrupted sync: {mine}. origin has it.") in said, said
    # Said once: the sync after it has nothing to tell.
    again = _synced(invoke, minh)
    assert "interrupted" not in again and "From origin: nothing new." in again, again


def test_syncs_killed_one_after_the_other_are_reported_together(clones: tuple[Workspace, Workspace],
                                                                 invoke: Invoke) -> None:
    lan, minh = clones
    _comment(invoke, lan, "Góp ý thứ nhất của Lan.")
    _synced(invoke, lan)
    _comment(invoke, minh, "Góp ý thứ nhất của Minh.")
    _killed_sync(minh, "integrated")
    _comment(invoke, lan, "Góp ý thứ hai của Lan.")
    _comment(invoke, lan, "Góp ý thứ ba của Lan.")
    _synced(invoke, lan)
    _killed_sync(minh, "integrated")
    assert _log(minh).count("by Ban Tổ chức Tỉnh ủy") == 4  # both killed syncs brought Lan's work in
    said = _synced(invoke, minh)
    assert f"The interrupted sync had brought in from origin: 3 comments from {BODY} on {SLUG}" in said, said
    assert "From origin: nothing more to bring in." in said, said


def test_a_sync_after_one_killed_brings_in_and_reports_the_rest(clones: tuple[Workspace, Workspace],
                                                              invoke: Invoke) -> None:
    lan, minh = clones
    _comment(invoke, lan, "Góp ý thứ nhất của Lan.")
    _synced(invoke, lan)
    _comment(invoke, minh, "Góp ý của Minh.")
    _killed_sync(minh, "integrated")
    _comment(invoke, lan, "Góp ý thứ hai của Lan.")
    _synced(invoke, lan)
    said = _synced(invoke, minh)
    # Each of Lan's comments named once: the second by this sync, the first as the interrupted sync's.
    assert f"From origin: 1 comment from {BODY} on {SLUG}." in said, said
    assert f"The interrupted sync had brought in from origin: 1 comment from {BODY} on {SLUG} (it was" in said, said


@pytest.mark.parametrize("note", ["regdraft-receiving.json", "regdraft-sending.json"])
def test_a_crafted_note_in_the_git_folder_never_reaches_git_as_an_option(clones: tuple[Workspace, Workspace],
                                                                         invoke: Invoke, tmp_path: Path,
                                                                         note: str) -> None:
    # Sweep r26/T: a received workspace's `.git/regdraft-receiving.json` with `"before": "--output=d"` and
    # `"theirs": "/../../victim.txt"` (a folder `d..` beside) made `sync` run `git log --output=d../../victim.txt`,
    # overwriting a file outside the workspace with git's log. Notes are read only as commit ids.
    lan, minh = clones
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (minh.root / "d..").mkdir()
    outside = os.path.relpath(victim, minh.root / "d..")
    crafted = {"remote": "origin", "branch": "main", "before": "--output=d", "theirs": f"/{outside}",
               "head": "--output=d", "tags": []}
    import json
    (minh.git_dir() / note).write_text(json.dumps(crafted), encoding="utf-8")
    _synced(invoke, minh)
    assert victim.read_text(encoding="utf-8") == "precious\n"
