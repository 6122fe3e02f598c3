"""Two adoptions of one amendment are of one text, or the sync refuses before git starts (r37 sweep BP F1, F2).

F1: Lan shortened 05-QC/TU to its first instruction and adopted it in one commit, with Minh's dates; that passed as an
adoption (its regulation reads as that commit's amendment applied), Minh's was replayed on top of it with the report
"To origin: nothing to send", and the remote held two adoptions, the regulation amended by 14 instructions and the
amendment holding 1. F2: Lan shortened it, then adopted it; Minh's adoption of the whole text was set aside as a
matter of dates and 13 of its 14 changes left the regulation. Lan's and Minh's clones sharing a bare remote."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT as SLUG
from tests.conftest import Invoke, two_clones

AMENDMENT = f"amendments/{SLUG}/amendment.md"
TAG = "adopted/05-QC-TU"
ADOPTS = "Adopt amendment 05-QC/TU"
WHAT_DIFFERS = "1 instruction where {} has 14; khoản 2 Điều 1 (on khoản 2 Điều 5) removed, and 12 other changes."


def _git(where: Workspace | Path, *args: str) -> str:
    cwd = where.root if isinstance(where, Workspace) else where
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def _adopt(invoke: Invoke, ws: Workspace, signed: str) -> str:
    adopted = invoke(ws, "amend", "adopt", SLUG, "--signed", signed, "--force", "--reason", "thử")
    assert adopted.exit_code == 0, adopted.output
    return _git(ws, "rev-parse", "HEAD").strip()


def _shorten(ws: Workspace) -> str:
    """Commit the amendment cut to its first instruction (of 14), as a colleague's edit; its sha."""
    path = ws.root / AMENDMENT
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("\n2\\. ")] + "\n" + text[text.index("\n## Điều 2"):], encoding="utf-8")
    _git(ws, "commit", "-qam", "shorten")
    return _git(ws, "rev-parse", "HEAD").strip()


def _state(ws: Workspace) -> tuple[str, ...]:
    """The branch, the tags, the files, regdraft's notes and git's state of a clone: what a refused sync must leave as
    it was (the remote's branch as last fetched aside)."""
    return (_git(ws, "rev-parse", "HEAD"), _git(ws, "for-each-ref", "refs/tags", "refs/heads"),
            _git(ws, "status", "--porcelain", "-uall"), _git(ws, "diff", "HEAD"),
            str(sorted(str(p) for p in (ws.root / ".git" / "regdraft").rglob("*"))), ws.operation(),
            (ws.root / AMENDMENT).read_text("utf-8"))


def _everything(lan: Workspace, minh: Workspace, remote: Path) -> tuple[object, ...]:
    return _state(lan), _state(minh), _git(remote, "for-each-ref")


@pytest.fixture
def clones(tmp_workspace: Workspace, tmp_path: Path) -> tuple[Workspace, Workspace]:
    return two_clones(tmp_workspace, tmp_path)


def _refused(invoke: Invoke, lan: Workspace, minh: Workspace, remote: Path) -> str:
    """Minh's sync, refused with nothing changed in either clone or on the remote; what it said, on one line."""
    before = _everything(lan, minh, remote)
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1, refused.output
    assert _everything(lan, minh, remote) == before
    return " ".join(refused.output.split())


def _undone_there(invoke: Invoke, lan: Workspace, minh: Workspace, commit: str) -> None:
    """Lan undoes `commit` and syncs, as the refusal asks: Minh's adoption is then sent, and the text reads as it."""
    _git(lan, "revert", "--no-edit", commit)
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert "To origin: qc-sua-doi-2025 adopted as 05-QC/TU by Minh" in done.output
    assert invoke(minh, "check").exit_code == 0


def test_an_adoption_commit_that_rewrites_the_text_proves_no_adoption(clones: tuple[Workspace, Workspace],
                                                                      invoke: Invoke, tmp_path: Path) -> None:
    lan, minh = clones
    mine = _adopt(invoke, minh, "2025-10-20")
    _shorten(lan)
    _adopt(invoke, lan, "2025-10-20")  # the same dates: git replayed Minh's adoption on Lan's without a stop
    message = _git(lan, "log", "-1", "--format=%B")
    _git(lan, "tag", "-d", TAG)
    _git(lan, "reset", "-q", "--soft", "HEAD~2")
    _git(lan, "commit", "-qm", message)  # one commit shortening the text and adopting it
    _git(lan, "tag", "-a", TAG, "-m", message)
    _git(lan, "push", "-q", "origin", "main", "--tags")
    forged = _git(lan, "rev-parse", "HEAD").strip()
    said = _refused(invoke, lan, minh, tmp_path / "office.git")
    assert (f"Refusing to sync: on origin, {AMENDMENT} says {SLUG} (05-QC/TU) is adopted, but that is no adoption "
            f"regdraft made: the commit saying so ({forged[:8]} by Lan) also rewrites the text of {SLUG}, which an "
            "adoption never does (it sets the status and dates in its front matter only): it has "
            + WHAT_DIFFERS.format("the text before it")) in said, said
    assert f"Your adoption (signed 2025-10-20, in force from 2025-10-20, commit {mine[:8]}) stays here, not sent" \
           in said
    assert f"Ask Lan to undo that change on origin (`git revert --no-edit {forged[:8]}` in their clone" in said
    _undone_there(invoke, lan, minh, forged)  # what it says to do, done


def test_a_remote_adoption_of_another_text_is_refused_naming_what_differs(clones: tuple[Workspace, Workspace],
                                                                         invoke: Invoke, tmp_path: Path) -> None:
    lan, minh = clones
    mine = _adopt(invoke, minh, "2025-10-20")
    shortened = _shorten(lan)
    theirs = _adopt(invoke, lan, "2025-10-21")
    assert invoke(lan, "sync").exit_code == 0
    said = _refused(invoke, lan, minh, tmp_path / "office.git")
    assert (f"Refusing to sync: both you and Lan adopted {SLUG} (05-QC/TU), but not the same text. Lan's adoption on "
            f"origin (signed 2025-10-21, in force from 2025-10-21, commit {theirs[:8]}) adopted a text that differs "
            f"from yours (signed 2025-10-20, in force from 2025-10-20, commit {mine[:8]}): it has "
            + WHAT_DIFFERS.format("yours")) in said, said
    assert f"On origin, its text was changed in {shortened[:8]} by Lan (“shorten”)." in said
    assert f"If it is Lan's, take your adoption out of your history with `git rebase --onto '{mine[:8]}^' " \
           f"{mine[:8]}`" in said  # `^` quoted for a shell
    assert "set aside" not in said
    # What it says to do, done: Lan's adoption comes in, one adoption everywhere, and the text reads as adopted.
    _git(minh, "rebase", "-q", "--onto", f"{mine[:8]}^", mine[:8])
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert _git(minh, "log", "--format=%s").count(ADOPTS) == 1
    assert invoke(minh, "check").exit_code == 0


def test_an_adoption_of_a_text_the_remote_changed_is_refused(clones: tuple[Workspace, Workspace], invoke: Invoke,
                                                            tmp_path: Path) -> None:
    # The remote changed the text without adopting it: replayed there, Minh's adoption marked the shortened text
    # adopted, the regulation amended by the 14 instructions Minh adopted.
    lan, minh = clones
    mine = _adopt(invoke, minh, "2025-10-20")
    shortened = _shorten(lan)
    assert invoke(lan, "sync").exit_code == 0
    said = _refused(invoke, lan, minh, tmp_path / "office.git")
    assert (f"Refusing to sync: you adopted {SLUG} (05-QC/TU; signed 2025-10-20, in force from 2025-10-20, commit "
            f"{mine[:8]}), but on origin its text was changed since, in {shortened[:8]} by Lan (“shorten”): it has "
            + WHAT_DIFFERS.format("the text you adopted")) in said, said
    assert f"`git rebase --onto '{mine[:8]}^' {mine[:8]}` and `git tag -d {TAG}`" in said  # `^` quoted for a shell
    assert f"ask Lan to undo that change on origin (`git revert --no-edit {shortened[:8]}` in their clone" in said
    _undone_there(invoke, lan, minh, shortened)  # what it says to do, done (the text Minh adopted is the right one)


def test_your_own_change_to_the_text_you_adopt_is_sent(clones: tuple[Workspace, Workspace], invoke: Invoke) -> None:
    # Only a change on the remote is refused: Minh shortening the text, then adopting it, while Lan works on
    # something else, is sent as before.
    lan, minh = clones
    _shorten(minh)
    _adopt(invoke, minh, "2025-10-20")
    (lan.root / "ghi-chu.txt").write_text("Ghi chú.\n", encoding="utf-8")
    _git(lan, "add", "ghi-chu.txt")
    _git(lan, "commit", "-qm", "Ghi chú")
    assert invoke(lan, "sync").exit_code == 0
    done = invoke(minh, "sync")
    assert done.exit_code == 0, done.output
    assert "qc-sua-doi-2025 adopted as 05-QC/TU by Minh" in done.output
    checked = invoke(minh, "check")
    assert checked.exit_code == 0, checked.output
